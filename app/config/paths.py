"""Where settings, the cache database, media and logs live.

By default each goes to the platform's own folder (platformdirs). With
``--data-dir DIR`` everything goes under ``DIR`` so that a demo, a test or a
second account never touches the user's real files.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs


def _builtin_sha256() -> Callable[[bytes], Any]:
    """CPython's own SHA-256: the same digest as ``hashlib.sha256``.

    The account folder is named before the first paint, and importing
    ``hashlib`` loads OpenSSL's libcrypto (~6 ms of the start on the 2-core
    machine; the network code loads it later anyway, after the paint).
    """
    try:
        from _sha2 import sha256  # type: ignore[import-not-found]  # CPython 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # type: ignore[import-not-found,no-redef]  # 3.11
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment]  # other Pythons
    return sha256  # type: ignore[no-any-return]


APP_NAME = "Switchboard"


@dataclass(frozen=True, slots=True)
class AccountPaths:
    """One account's cache database and media folder."""
    database_file: Path
    media_dir: Path


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Where the settings, caches, media and log of this installation live."""
    settings_file: Path
    database_file: Path
    media_dir: Path
    log_file: Path
    #: Files the app can always rebuild (compiled start-up code).
    cache_dir: Path

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything in one folder (``--data-dir``)."""
        root = root.expanduser().resolve()
        return cls(
            settings_file=root / "settings.json",
            database_file=root / "cache" / "switchboard.sqlite3",
            media_dir=root / "media",
            log_file=root / "logs" / "switchboard.log",
            cache_dir=root / "cache",
        )

    @classmethod
    def platform_default(cls) -> AppPaths:
        """The user's config/data/cache/log folders as the platform names them."""
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            settings_file=Path(dirs.user_config_dir) / "settings.json",
            database_file=Path(dirs.user_data_dir) / "switchboard.sqlite3",
            media_dir=Path(dirs.user_cache_dir) / "media",
            log_file=Path(dirs.user_log_dir) / "switchboard.log",
            cache_dir=Path(dirs.user_cache_dir),
        )

    @classmethod
    def resolve(cls, data_dir: Path | None) -> AppPaths:
        return cls.under(data_dir) if data_dir is not None else cls.platform_default()

    def for_account(self, username: str) -> AccountPaths:
        """Each account gets its own cache database and media folder.

        Switching accounts must never mix two accounts' messages; the folder name is
        a hash so that an e-mail address needs no escaping on any file system.
        """
        sha256 = _builtin_sha256()
        slug = sha256(username.strip().lower().encode("utf-8")).hexdigest()[:12]
        db = self.database_file
        return AccountPaths(
            database_file=db.with_name(f"{db.stem}-{slug}{db.suffix}"),
            media_dir=self.media_dir / slug,
        )

    def ensure(self) -> None:
        """Create the folders (not the files)."""
        for folder in (
            self.settings_file.parent,
            self.database_file.parent,
            self.media_dir,
            self.log_file.parent,
            self.cache_dir,
        ):
            folder.mkdir(parents=True, exist_ok=True)
            # Messages, contacts, voicemail and the log are this user's alone (0700):
            # new folders and ones an older version made readable by others.
            with contextlib.suppress(OSError):
                folder.chmod(0o700)
