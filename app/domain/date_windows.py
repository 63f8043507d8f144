"""Pure planning of ``getSMS``/``getMMS`` date windows (no I/O, no Qt).

The provider's date filters take calendar days of its own wall clock (US
Eastern), span at most 92 days (``invalid_daterange`` otherwise) and return at
most ``limit`` rows, newest first. So a history is fetched as:

* consecutive windows of at most ``max_days`` days that overlap by one day,
  because a message sent around midnight can land on either side of a
  boundary when clocks disagree by a few seconds; duplicates are dropped on
  (kind, id) afterwards;
* a large ``limit``; a window whose answer is exactly ``limit`` rows may have
  been truncated, so it is split in two halves and both are fetched again;
* a single day that is still full is split per DID, then per direction: the
  only finer filters the API offers (``did``, ``type``).

Everything here is a plain function so the rules are tested without a server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain.models.messages import Direction, Message, MessageKind

#: The provider rejects date ranges longer than this (in days, both ends included).
MAX_WINDOW_DAYS = 92
#: Days shared by two consecutive windows.
OVERLAP_DAYS = 1


@dataclass(frozen=True, slots=True)
class Window:
    """Calendar days ``start``..``end`` of the provider's clock, both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"window ends before it starts: {self.start} > {self.end}")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One ``getSMS``/``getMMS`` call: a window, optionally narrowed to a DID and direction."""

    kind: MessageKind
    window: Window
    did: str | None = None
    direction: Direction | None = None


def plan_windows(
    start: date,
    end: date,
    *,
    max_days: int = MAX_WINDOW_DAYS,
    overlap_days: int = OVERLAP_DAYS,
) -> list[Window]:
    """Windows covering ``start``..``end`` (inclusive), newest first.

    Newest first so a first backfill shows recent conversations early and a
    cancelled backfill keeps the most useful part.
    """
    if max_days < 1:
        raise ValueError("max_days must be at least 1")
    if not 0 <= overlap_days < max_days:
        raise ValueError("overlap_days must be smaller than max_days")
    if end < start:
        return []
    windows: list[Window] = []
    window_end = end
    while True:
        window_start = max(start, window_end - timedelta(days=max_days - 1))
        windows.append(Window(window_start, window_end))
        if window_start <= start:
            return windows
        # The next (older) window ends ``overlap_days`` inside this one.
        window_end = window_start + timedelta(days=overlap_days - 1)
        if overlap_days == 0:
            window_end = window_start - timedelta(days=1)


def split_window(window: Window) -> tuple[Window, Window] | None:
    """Two halves without overlap (the split is exact), or ``None`` for a single day."""
    if window.days < 2:
        return None
    middle = window.start + timedelta(days=window.days // 2)
    return Window(window.start, middle - timedelta(days=1)), Window(middle, window.end)


def refine(request: FetchRequest, dids: Sequence[str]) -> list[FetchRequest]:
    """Narrower requests replacing one whose answer was full (exactly ``limit`` rows).

    Order of preference: halve the window; for a single day, one request per
    DID; then per direction. An empty list means nothing finer exists: the
    caller keeps what it got and reports the day as possibly incomplete.
    """
    halves = split_window(request.window)
    if halves is not None:
        return [replace(request, window=half) for half in halves]
    if request.did is None and len(dids) > 1:
        return [replace(request, did=did) for did in dids]
    if request.direction is None:
        return [replace(request, direction=d) for d in (Direction.RECEIVED, Direction.SENT)]
    return []


def backfill_range(today: date, days: int) -> tuple[date, date]:
    """First and last day of a backfill covering ``days`` calendar days up to ``today``."""
    return today - timedelta(days=max(days, 1) - 1), today


def poll_range(
    today: date, last_synced: date, *, overlap_days: int = OVERLAP_DAYS
) -> tuple[date, date]:
    """Days to fetch on a later poll: from the last sync's day minus the overlap to today."""
    start = min(last_synced, today) - timedelta(days=overlap_days)
    return start, today


def dedupe(messages: Iterable[Message]) -> list[Message]:
    """Keep the first row of each (kind, id); later fetches of the same row add nothing."""
    seen: set[tuple[MessageKind, int]] = set()
    out: list[Message] = []
    for message in messages:
        if message.key in seen:
            continue
        seen.add(message.key)
        out.append(message)
    return out


def calls_for_strategy(days: int, *, window_days: int, did_count: int, overlap_days: int) -> int:
    """getSMS+getMMS calls a simple strategy needs for ``days`` of history (for the bench)."""
    start, end = backfill_range(date(2000, 1, 1) + timedelta(days=days), days)
    windows = len(plan_windows(start, end, max_days=window_days, overlap_days=overlap_days))
    return windows * 2 * max(did_count, 1)
