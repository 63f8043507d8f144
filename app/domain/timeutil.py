"""Provider wall-clock dates <-> UTC.

VoIP.ms returns dates as US Eastern wall-clock time (with DST); the API's own
``timezone`` parameter is a fixed offset, so we leave it out and convert here.
``0000-00-00`` and empty values mean "not set".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

PROVIDER_TZ_DEFAULT = "America/New_York"
_NOT_SET = {"", "0000-00-00", "0000-00-00 00:00:00", "-1", "None"}


def provider_zone(name: str = PROVIDER_TZ_DEFAULT) -> ZoneInfo:
    # zoneinfo loads with the first conversion, not with the modules that name it:
    # finding the zone database reads sysconfig's data (~2 ms of the Fax tab's
    # first paint, which shows cached dates already in UTC).
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def parse_provider_datetime(value: object, tz: ZoneInfo | None = None) -> datetime | None:
    """``'2014-03-30 10:24:16'`` in provider time -> aware UTC datetime.

    A date without a time (voicemail lists) is taken as midnight provider time.
    During the DST fold the earlier instant is chosen (``fold=0``), which is what
    the provider's wall clock showed first.
    """
    text = "" if value is None else str(value).strip()
    if text in _NOT_SET:
        return None
    zone = tz or provider_zone()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            naive = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return naive.replace(tzinfo=zone).astimezone(UTC)
    raise ValueError(f"Unrecognised date {text!r}")


def to_provider_wallclock(moment: datetime, tz: ZoneInfo | None = None) -> datetime:
    """Aware datetime -> naive provider wall-clock datetime (for the sandbox and filters)."""
    return moment.astimezone(tz or provider_zone()).replace(tzinfo=None)


def provider_date(moment: datetime, tz: ZoneInfo | None = None) -> date:
    """The provider's calendar day of an instant: what ``from``/``to`` filters take."""
    return to_provider_wallclock(moment, tz).date()


def format_api_datetime(naive: datetime) -> str:
    return naive.strftime("%Y-%m-%d %H:%M:%S")


def day_start_utc(day: date, tz: ZoneInfo | None = None) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz or provider_zone()).astimezone(UTC)


def parse_duration(value: object) -> int:
    """``'00:01:06'``, ``'1:16'`` or ``'66'`` -> seconds; unknown -> 0."""
    text = "" if value is None else str(value).strip()
    if not text:
        return 0
    try:
        parts = [int(float(p)) for p in text.split(":")]
    except ValueError:
        return 0
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds
