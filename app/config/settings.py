"""Typed settings with defaults and descriptions in one place, stored as JSON.

The file lives in the platform's config dir (or under ``--data-dir``). It never
holds the API password: that goes to the OS keyring (``secrets.py``).

Unknown keys in the file are kept and written back unchanged, so a setting
added by a newer version (or another tab) survives a round trip through an
older one. A damaged file is moved aside and defaults are used: settings are
a convenience, never a reason not to start.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.domain.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: Accepted values of ``Settings.theme``.
THEMES = ("system", "light", "dark")

#: Accepted values of ``Settings.language``: the system locale's, English or French (#17.5).
LANGUAGES = ("system", "en", "fr")


#: Seconds in a day: the longest polling interval that still means "poll".
DAY_SECONDS = 24 * 3600


def _setting(
    default: Any,
    description: str,
    *,
    limits: tuple[float, float] | None = None,
    choices: tuple[str, ...] | None = None,
) -> Any:
    """A setting; ``limits`` (inclusive) or ``choices`` say which values are usable.

    A value outside them (a hand-edited file, an old version's bug) is replaced by
    the default with one line in the log: a poll interval of 1e8 seconds or a
    cache lifetime of 1e10 days would otherwise overflow the timers and dates
    that use it.
    """
    metadata: dict[str, Any] = {"description": description}
    if limits is not None:
        metadata["limits"] = limits
    if choices is not None:
        metadata["choices"] = choices
    return field(default=default, metadata=metadata)


@dataclass
class Settings:
    """Every user-adjustable setting. Field metadata carries the description."""

    api_username: str = _setting(
        "", "E-mail address of the VoIP.ms account (the API password is kept in the keyring)."
    )
    api_url: str = _setting(
        "", "REST endpoint of the VoIP.ms API; empty means the official one."
    )
    provider_timezone: str = _setting(
        "America/New_York", "Time zone of the dates the provider returns (its wall clock)."
    )
    balance_refresh_minutes: int = _setting(
        15,
        QT_TRANSLATE_NOOP(
            "services",
            "How often the balance in the header is refreshed, in minutes (0 = only on demand).",
        ),
        limits=(0, 24 * 60),
    )
    low_balance_warning: float = _setting(
        5.0,
        QT_TRANSLATE_NOOP(
            "services",
            "Warn when the balance falls below this amount in dollars (0 = never warn).",
        ),
        limits=(0.0, 1_000_000.0),
    )
    lookup_ttl_days: int = _setting(
        7,
        QT_TRANSLATE_NOOP(
            "services",
            "How long cached lists (time zones, servers, routing targets...) stay fresh, in days.",
        ),
        limits=(1, 365),
    )
    notifications: bool = _setting(
        True,
        QT_TRANSLATE_NOOP(
            "services", "Show desktop notifications for new voicemail, messages and faxes."
        ),
    )
    theme: str = _setting(
        "system",
        QT_TRANSLATE_NOOP("services", "Colour scheme: system, light or dark."),
        choices=THEMES,
    )
    last_tab: str = _setting("voicemail", "The tab shown when the window opened last.")
    window_geometry: str = _setting("", "Saved size and position of the main window (base64).")
    messages_backfill_days: int = _setting(
        365,
        "Days of SMS/MMS history fetched by the first sync (later syncs fetch only new ones).",
        limits=(1, 5 * 366),
    )
    messages_poll_seconds: int = _setting(
        60,
        "How often new messages are fetched, in seconds (0 = only on demand).",
        limits=(0, DAY_SECONDS),
    )
    messages_long_text: str = _setting(
        "split",
        "Texts over 160 bytes: 'split' into several SMS or send as one 'mms'.",
        choices=("split", "mms"),
    )
    fax_history_days: int = _setting(
        90,
        "Days of fax history listed (fetched in windows of at most 92 days).",
        limits=(1, 5 * 366),
    )
    fax_poll_seconds: int = _setting(
        120,
        "How often new faxes are fetched, in seconds (0 = only on demand).",
        limits=(0, DAY_SECONDS),
    )
    fax_email: str = _setting("", "E-mail address last used to send or copy a fax.")
    phones_poll_seconds: int = _setting(
        120,
        "How often the phones' registrations are checked, in seconds (0 = only on demand;"
        " each check costs one API call per phone).",
        limits=(0, DAY_SECONDS),
    )
    voicemail_check_seconds: int = _setting(
        120,
        "How often new voicemail is checked for, in seconds (0 = only on demand).",
        limits=(0, DAY_SECONDS),
    )
    calls_poll_seconds: int = _setting(
        120,
        "How often new calls (and missed calls) are fetched, in seconds (0 = only on demand).",
        limits=(0, DAY_SECONDS),
    )
    call_link_scheme: str = _setting(
        "tel", "Links that call back open as 'tel:' or 'sip:' (whichever your softphone takes).",
        choices=("tel", "sip"),
    )
    low_balance_days: int = _setting(
        3,
        "Warn when the balance lasts fewer than this many days at the recent pace (0 = never).",
        limits=(0, 365),
    )
    fax_email_copy: bool = _setting(
        False, "Tick \"E-mail me a copy\" when sending a fax (remembered from the last send)."
    )
    keep_in_tray: bool = _setting(
        False,
        QT_TRANSLATE_NOOP(
            "services",
            "Closing the window keeps Switchboard running in the system tray (where there is "
            "one), so it can still notify.",
        ),
    )
    start_at_login: bool = _setting(
        False,
        QT_TRANSLATE_NOOP(
            "services", "Start Switchboard when you log in (an XDG autostart entry on Linux)."
        ),
    )
    language: str = _setting(
        "system",
        QT_TRANSLATE_NOOP(
            "services",
            "Language of the window: 'system' (the computer's), 'en' or 'fr' "
            "(applied at next start).",
        ),
        choices=LANGUAGES,
    )

    #: Keys found in the file that this version does not know; written back as they were.
    extra: dict[str, Any] = field(default_factory=dict, metadata={"internal": True})
    #: Where the settings are saved; ``None`` keeps them in memory only (tests, --snapshot).
    path: Path | None = field(default=None, metadata={"internal": True}, compare=False)

    # --- description / introspection -------------------------------------------------

    @classmethod
    def describe(cls) -> dict[str, tuple[Any, str]]:
        """``{name: (default, description)}`` of every user setting, in declaration order."""
        out: dict[str, tuple[Any, str]] = {}
        for f in fields(cls):
            if f.metadata.get("internal"):
                continue
            default = f.default if f.default is not MISSING else None
            out[f.name] = (default, str(f.metadata.get("description", "")))
        return out

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.extra)
        for name in self.describe():
            data[name] = getattr(self, name)
        return data

    # --- persistence -------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None) -> Settings:
        """Read ``path``; missing file -> defaults; damaged file -> moved aside, defaults."""
        settings = cls(path=path)
        if path is None or not path.exists():
            return settings
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("top level is not an object")
        except (OSError, ValueError) as exc:
            aside = path.with_name(path.name + ".damaged")
            log.warning("Settings file %s unreadable (%s); moved to %s", path, exc, aside.name)
            with contextlib.suppress(OSError):
                os.replace(path, aside)
            return settings
        settings.update_from(data)
        return settings

    def update_from(self, data: dict[str, Any]) -> None:
        """Take known keys with the right type; keep unknown ones in ``extra``."""
        known = self.describe()
        for key, value in data.items():
            if key not in known:
                self.extra[key] = value
                continue
            default = known[key][0]
            coerced = _coerce(value, default)
            if coerced is None:
                expected = type(default).__name__
                log.warning("Ignoring setting %s=%r: expected %s", key, value, expected)
                continue
            if not _usable(coerced, _field_metadata(key)):
                log.warning("Ignoring setting %s=%r: out of range; using %r", key, value, default)
                continue
            setattr(self, key, coerced)
        self._check_provider_timezone()

    def _check_provider_timezone(self) -> None:
        """An unknown zone would fail every date conversion: fall back to the default."""
        default = type(self).provider_timezone
        if self.provider_timezone == default:
            return  # zoneinfo's import is left to the first date conversion (start-up)
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(self.provider_timezone)
            return
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            pass
        log.warning(
            "Ignoring setting provider_timezone=%r: no such time zone; using %r",
            self.provider_timezone,
            default,
        )
        self.provider_timezone = default

    def save(self) -> None:
        """Write atomically (temp file + rename) so a crash never leaves half a file."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_dict(), indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _field_metadata(name: str) -> Any:
    return Settings.__dataclass_fields__[name].metadata


def _usable(value: Any, metadata: Any) -> bool:
    """Whether ``value`` lies within the setting's ``limits`` / ``choices``."""
    limits = metadata.get("limits")
    # NaN compares false with everything, so it fails here too.
    if limits is not None and not limits[0] <= value <= limits[1]:
        return False
    choices = metadata.get("choices")
    return choices is None or value in choices


def _coerce(value: Any, default: Any) -> Any:
    """``value`` converted to the type of ``default``, or ``None`` when it does not fit."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        return None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    return value
