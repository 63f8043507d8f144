"""Where settings, the cache database, media and logs live.

By default each goes to the platform's own folder (platformdirs). With
``--data-dir DIR`` everything goes under ``DIR`` so that a demo, a test or a
second account never touches the user's real files.

On Linux the folders are read from the XDG variables here (:func:`_linux_dirs`),
the way platformdirs reads them: importing platformdirs pulls in ``tempfile``,
``shutil`` and ``random`` (~5 ms before the first paint on the 2-core machine).
tests/unit/test_paths.py checks that both name the same folders.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


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


def _linux_dirs() -> tuple[str, str, str, str] | None:
    """(config, data, cache, log) folders on Linux, as platformdirs names them.

    ``$XDG_*_HOME`` when it is an absolute path, else the XDG default under an
    absolute ``$HOME``. ``None`` elsewhere, or for an unusual home (unset or
    relative ``$HOME``): platformdirs then decides, as before.
    """
    if sys.platform != "linux":
        return None
    home = os.environ.get("HOME", "")

    def base(variable: str, default: str) -> str | None:
        value = os.environ.get(variable, "")
        if value.startswith("/"):
            return value
        if home.startswith("/"):
            return home.rstrip("/") + default  # os.path.expanduser's "~" + default
        return None

    config = base("XDG_CONFIG_HOME", "/.config")
    data = base("XDG_DATA_HOME", "/.local/share")
    cache = base("XDG_CACHE_HOME", "/.cache")
    state = base("XDG_STATE_HOME", "/.local/state")
    if config is None or data is None or cache is None or state is None:
        return None
    return (
        os.path.join(config, APP_NAME),
        os.path.join(data, APP_NAME),
        os.path.join(cache, APP_NAME),
        os.path.join(state, APP_NAME, "log"),
    )


def platform_dirs() -> tuple[str, str, str, str]:
    """(config, data, cache, log) folders of the user, as the platform names them."""
    found = _linux_dirs()
    if found is not None:
        return found
    import platformdirs

    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return dirs.user_config_dir, dirs.user_data_dir, dirs.user_cache_dir, dirs.user_log_dir


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
        config, data, cache, log = platform_dirs()
        return cls(
            settings_file=Path(config) / "settings.json",
            database_file=Path(data) / "switchboard.sqlite3",
            media_dir=Path(cache) / "media",
            log_file=Path(log) / "switchboard.log",
            cache_dir=Path(cache),
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
