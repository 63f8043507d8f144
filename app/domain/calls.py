"""Pure rules of the call history: outcome, direction, search, CSV, CDR windows, forecast.

No I/O. ``getCDR`` needs a whole-hour ``timezone`` offset and returns wall-clock
dates shifted by it (API-NOTES.md): :func:`cdr_windows` plans windows of at most
92 days that never straddle a change of the provider zone's UTC offset, each
with that offset, so the rows' wall clock is the provider's (America/New_York)
whichever way the provider applies the parameter, and
``timeutil.parse_provider_datetime`` converts them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.models.calls import CallRecord, Outcome
from app.domain.words import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

MAX_WINDOW_DAYS = 92


def outcome_of(disposition: str) -> Outcome:
    """``ANSWERED`` / ``NO ANSWER`` / ``BUSY`` / ``FAILED`` (any case) -> ``Outcome``."""
    text = re.sub(r"[^a-z]", "", disposition.lower())
    if text.startswith("answer"):
        return Outcome.ANSWERED
    if text.startswith("busy"):
        return Outcome.BUSY
    if text in ("noanswer", "missed", "cancel", "cancelled", "canceled"):
        return Outcome.MISSED
    return Outcome.FAILED


def is_inbound(caller: str, destination: str, description: str, my_numbers: Iterable[str]) -> bool:
    """Whether a CDR row is an incoming call.

    The account's own numbers decide first (the destination is one of mine: in;
    the caller id is one of mine: out); the provider's description ("Inbound -
    Local Caller", "Outbound - Customer") when neither is.
    """
    mine = set(my_numbers)
    if destination and destination in mine:
        return True
    if caller and caller in mine:
        return False
    return description.strip().lower().startswith("in")


def search_digits(query: str) -> str:
    """The digits of a query that looks like a phone number ("(617) 555-01" -> "61755501").

    "" when the query has letters (then it is a name) or fewer than 3 digits.
    A leading NANP ``1`` before 10 more digits is dropped, as stored numbers are.
    """
    if re.search(r"[^\d\s()+.\-]", query):
        return ""
    digits = re.sub(r"\D", "", query)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) >= 3 else ""


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run: ``= + - @`` (tab, CR) get a leading ``'``."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def utc_offset_hours(day: date, tz: ZoneInfo) -> int:
    """The zone's whole-hour UTC offset at noon of ``day`` (``-4`` for EDT, ``-5`` for EST)."""
    offset = datetime.combine(day, time(12), tzinfo=tz).utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 3600)


@dataclass(frozen=True, slots=True)
class CdrWindow:
    """Provider days ``start``..``end`` (both included), asked for with ``offset``."""
    start: date
    end: date
    offset: int


def cdr_windows(start: date, end: date, tz: ZoneInfo,
                max_days: int = MAX_WINDOW_DAYS) -> list[CdrWindow]:
    """Windows covering ``start``..``end``, newest first: <= ``max_days`` days, one offset each."""
    windows: list[CdrWindow] = []
    day = start
    while day <= end:
        offset = utc_offset_hours(day, tz)
        last = day
        while (last < end and (last - day).days + 1 < max_days
               and utc_offset_hours(last + timedelta(days=1), tz) == offset):
            last += timedelta(days=1)
        windows.append(CdrWindow(day, last, offset))
        day = last + timedelta(days=1)
    windows.reverse()
    return windows


@dataclass(frozen=True, slots=True)
class Forecast:
    """Average daily spend over ``days`` days and how long the balance lasts at that pace."""
    daily_spend: Decimal
    days: int
    #: Whole days left; ``None`` when nothing was spent (the balance lasts).
    days_left: int | None

    def text(self) -> str:
        # Marked for the catalog (app/domain/words.py): the UI shows it translated.
        if self.days_left is None:
            return QT_TRANSLATE_NOOP("services", "no recent spending")
        if self.days_left < 1:
            return QT_TRANSLATE_NOOP("services", "less than a day left")
        if self.days_left == 1:
            return Text(QT_TRANSLATE_NOOP("services", "about {days} day left"), days=1)
        return Text(QT_TRANSLATE_NOOP("services", "about {days} days left"), days=self.days_left)


def forecast(balance: Decimal, spending: Iterable[Decimal], *, days: int = 30) -> Forecast:
    """``spending``: amounts spent in the last ``days`` days (positive numbers)."""
    total = sum(spending, Decimal(0))
    daily = (total / days) if days > 0 else Decimal(0)
    if daily <= 0:
        return Forecast(Decimal(0), days, None)
    left = int(max(balance, Decimal(0)) / daily)
    return Forecast(daily.quantize(Decimal("0.0001")), days, left)


def day_range_utc(first: date, last: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC instants bounding provider days ``first``..``last`` (end exclusive)."""
    begin = datetime.combine(first, time.min, tzinfo=tz).astimezone(UTC)
    stop = datetime.combine(last + timedelta(days=1), time.min, tzinfo=tz).astimezone(UTC)
    return begin, stop


#: Outcome filters offered: all calls, missed (inbound not answered), answered.
OUTCOME_FILTERS = ("all", "missed", "answered")


@dataclass(frozen=True, slots=True)
class CallFilter:
    """Which calls the history shows. Empty fields do not filter."""
    outcome: str = "all"
    did: str = ""
    account: str = ""
    since: datetime | None = None
    query: str = ""

    def matches(self, call: CallRecord, contact: str = "") -> bool:
        """The same rule as the store's query (for applying change sets to a view)."""
        if self.outcome == "missed" and not call.missed:
            return False
        if self.outcome == "answered" and call.outcome is not Outcome.ANSWERED:
            return False
        if self.did and call.did != self.did:
            return False
        if self.account and call.account != self.account:
            return False
        if self.since is not None and (call.date is None or call.date < self.since):
            return False
        query = self.query.strip()
        if not query:
            return True
        digits = search_digits(query)
        if digits:
            return digits in call.number
        needle = query.lower()
        return needle in call.caller_name.lower() or needle in contact.lower()
