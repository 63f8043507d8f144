"""Fetching SMS/MMS history into the store: first backfill, then incremental polls.

Rules (API-NOTES.md, issue #5):

* ``getSMS`` and ``getMMS`` are separate calls (``all_messages=0``), for all
  DIDs at once, in windows planned by :mod:`messages_windows` (<= 92 days,
  one-day overlap, full windows split and refetched); rows de-duplicated on
  (kind, id) and upserted.
* The first sync backfills ``backfill_days`` (setting) newest window first,
  storing inbound messages as read: history is not news. A cancelled backfill
  keeps what it fetched and the next sync resumes with the older windows.
* Later polls fetch from the last synced day minus one; new inbound messages
  are unread; stored read flags are never touched (the store guarantees it).

The engine is a plain async class: progress is a callback, cancellation is
``task.cancel()`` (state is saved after every window, so nothing is lost).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from app.domain.date_windows import (
    OVERLAP_DAYS,
    FetchRequest,
    Window,
    backfill_range,
    dedupe,
    plan_windows,
    poll_range,
    refine,
)
from app.domain.models.messages import Direction, Message, MessageKind
from app.domain.timeutil import provider_date
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.gc_pause import collector_paused

if TYPE_CHECKING:
    from app.services.messages.ports import MessagesApi, SyncStore
    from app.store.messages import HistoryCounts, UpsertResult

log = logging.getLogger(__name__)

#: Rows asked per call; a window answering with exactly this many is split.
DEFAULT_LIMIT = 100_000
KINDS = (MessageKind.SMS, MessageKind.MMS)

#: A first sync fetches the newest days on their own first: a small page (~2k rows on
#: a large account, not ~24k) stored and listed within a second or two, before the
#: rest of the history (issue #16: the list stayed empty ~14 s). Costs one window (two
#: calls) more a year: 10 for 365 days.
FIRST_GLANCE_DAYS = 7

KEY_BACKFILLED_FROM = "messages.backfilled_from"
KEY_SYNCED_TO = "messages.synced_to"
KEY_BACKFILL_TARGET = "messages.backfill_target"

Progress = Callable[[int, int, str], None]
#: Told after each backfill window is stored: (oldest day stored, windows done, planned).
WindowStored = Callable[[date, int, int], None]


#: A backfill keeps at most this many of the messages it stored in its report (it
#: counts them all): the view reloads after a big sync anyway, and holding a year of
#: messages kept 100,000 objects alive for the garbage collector to scan.
HISTORY_KEPT = 1000


@dataclass(slots=True)
class SyncReport:
    """What a sync changed, for the UI and the tray.

    ``inserted``/``updated`` list every message a poll changed; for history (a
    backfill) only the first ``HISTORY_KEPT``, while the counts are complete.
    """

    inserted: list[Message] = field(default_factory=list)
    updated: list[Message] = field(default_factory=list)
    inserted_count: int = 0
    updated_count: int = 0
    calls: int = 0
    #: Days whose answer stayed full even per DID and direction (possibly incomplete).
    truncated_days: list[date] = field(default_factory=list)
    backfill: bool = False
    #: Received messages inserted by a poll (stored unread): what to announce.
    new_inbound: list[Message] = field(default_factory=list)
    #: History stored by count only (``store_history``): the view reloads its list.
    counted_only: bool = False

    @property
    def changed_count(self) -> int:
        return self.inserted_count + self.updated_count

    def absorb_counts(self, counts: HistoryCounts) -> None:
        self.inserted_count += counts.inserted
        self.updated_count += counts.updated
        self.counted_only = self.counted_only or bool(counts.inserted or counts.updated)

    def absorb(self, result: UpsertResult, *, history: bool) -> None:
        self.inserted_count += len(result.inserted)
        self.updated_count += len(result.updated)
        if history:
            room = max(HISTORY_KEPT - len(self.inserted) - len(self.updated), 0)
            self.inserted.extend(result.inserted[:room])
            room -= min(room, len(result.inserted))
            self.updated.extend(result.updated[:room])
            return
        self.inserted.extend(result.inserted)
        self.updated.extend(result.updated)
        self.new_inbound.extend(m for m in result.inserted if m.direction is Direction.RECEIVED)


def first_backfill_windows(start: date, today: date) -> list[Window]:
    """A first sync's windows, newest first: the last ``FIRST_GLANCE_DAYS`` on their own,
    then ``plan_windows`` over the rest (overlapping the glance as windows overlap)."""
    glance = max(start, today - timedelta(days=FIRST_GLANCE_DAYS - 1))
    if glance <= start:
        return plan_windows(start, today)
    rest_end = glance + timedelta(days=OVERLAP_DAYS - 1) if OVERLAP_DAYS else \
        glance - timedelta(days=1)
    return [Window(glance, today), *plan_windows(start, rest_end)]


class MessageSync:
    """Backfill and poll SMS/MMS history into the database."""

    def __init__(
        self,
        api: MessagesApi,
        store: SyncStore,
        *,
        provider_tz: str = "America/New_York",
        backfill_days: int = 365,
        limit: int = DEFAULT_LIMIT,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.api = api
        self.store = store
        self.zone = ZoneInfo(provider_tz)
        self.backfill_days = backfill_days
        self.limit = limit
        self.now = now

    # --- public --------------------------------------------------------------------

    async def sync(
        self, progress: Progress | None = None, window_stored: WindowStored | None = None
    ) -> SyncReport:
        """Backfill whatever history is missing, then poll the recent days.

        ``window_stored`` hears each backfill window as soon as it is in the store
        (newest first), so the list can show it while older ones are fetched.
        """
        today = provider_date(self.now(), self.zone)
        target_start, _ = backfill_range(today, self.backfill_days)
        backfilled_from = await self._get_date(KEY_BACKFILLED_FROM)
        synced_to = await self._get_date(KEY_SYNCED_TO)
        report = SyncReport()

        if synced_to is None:
            # First sync ever: everything up to today is history, stored read.
            report.backfill = True
            await self._fetch_windows(first_backfill_windows(target_start, today), report,
                                      progress, mark_read=True, first_backfill=True,
                                      window_stored=window_stored)
            return report

        # Resume a cancelled (or lengthened) backfill with the older windows.
        if backfilled_from is not None and backfilled_from > target_start:
            await self._fetch_windows(plan_windows(target_start, backfilled_from), report,
                                      progress, mark_read=True, first_backfill=False,
                                      window_stored=window_stored)
        start, end = poll_range(today, synced_to)
        # Usually one window (yesterday + today); after a long time offline, several.
        await self._fetch_windows(plan_windows(start, end), report, progress, mark_read=False,
                                  first_backfill=False)
        await self._set_date(KEY_SYNCED_TO, today)
        return report

    async def fetch_recent(self, did: str, contact: str, day: date) -> list[Message]:
        """Sent/received rows of one conversation on one day (send reconciliation)."""
        found: list[Message] = []
        for kind in KINDS:
            found.extend(await self._get(kind, Window(day, day), did=did, contact=contact))
        return dedupe(found)

    # --- windows ---------------------------------------------------------------------

    async def _fetch_windows(
        self,
        windows: Sequence[Window],
        report: SyncReport,
        progress: Progress | None,
        *,
        mark_read: bool,
        first_backfill: bool,
        window_stored: WindowStored | None = None,
    ) -> None:
        # History is bulk: hundreds of thousands of short-lived rows (gc_pause).
        with collector_paused() if mark_read else contextlib.nullcontext():
            requests = [FetchRequest(kind, w) for w in windows for kind in KINDS]
            total = len(requests)
            done = 0
            # Windows are newest first; the oldest day completed so far is saved after
            # each window so a cancel keeps its progress.
            for number, window in enumerate(windows, start=1):
                for kind in KINDS:
                    if progress is not None:
                        progress(done, total, Text(
                            QT_TRANSLATE_NOOP("services", "Fetching {kind} {start} – {end}"),
                            kind=kind.value.upper(), start=window.start, end=window.end))
                    extra = await self._fetch_request(FetchRequest(kind, window), report,
                                                      mark_read=mark_read)
                    total += extra
                    done += 1 + extra
                if first_backfill:
                    await self._set_date(KEY_SYNCED_TO, windows[0].end)
                if mark_read:
                    await self._set_date(KEY_BACKFILLED_FROM, window.start)
                    if window_stored is not None:
                        window_stored(window.start, number, len(windows))
            if progress is not None:
                progress(total, total, QT_TRANSLATE_NOOP("services", "Messages up to date"))

    async def _fetch_request(
        self, request: FetchRequest, report: SyncReport, *, mark_read: bool
    ) -> int:
        """Fetch one request, splitting it while answers are full; returns extra calls made."""
        pending = [request]
        extra = -1
        while pending:
            current = pending.pop()
            extra += 1
            rows = await self._get(current.kind, current.window, did=current.did,
                                   direction=current.direction)
            report.calls += 1
            if len(rows) >= self.limit:
                finer = refine(current, sorted({m.did for m in rows}))
                if finer:
                    log.info("Window %s full (%d rows): refetching as %d", current,
                             len(rows), len(finer))
                    pending.extend(finer)
                    continue
                report.truncated_days.append(current.window.start)
                log.warning("Day %s still full after splitting: history may be incomplete",
                            current.window.start)
            # Big pages are de-duplicated off the event loop (tens of thousands of rows).
            unique = await asyncio.to_thread(dedupe, rows) if len(rows) > 2000 else dedupe(rows)
            if mark_read and len(unique) > HISTORY_KEPT:
                # A big page of history: stored and counted in SQL, no rows kept.
                report.absorb_counts(await self.store.store_history(unique))
                continue
            result = await self.store.upsert(unique, mark_read=mark_read)
            report.absorb(result, history=mark_read)
        return extra

    async def _get(
        self,
        kind: MessageKind,
        window: Window,
        *,
        did: str | None = None,
        contact: str | None = None,
        direction: Direction | None = None,
    ) -> list[Message]:
        fetch = self.api.get_sms if kind is MessageKind.SMS else self.api.get_mms
        return await fetch(window.start, window.end, did=did, contact=contact, limit=self.limit,
                           direction=direction)

    # --- state -----------------------------------------------------------------------

    async def _get_date(self, key: str) -> date | None:
        value = await self.store.get_state(key)
        return date.fromisoformat(value) if value else None

    async def _set_date(self, key: str, value: date) -> None:
        await self.store.set_state(key, value.isoformat())
