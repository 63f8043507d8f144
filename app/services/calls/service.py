"""The calls service: call history, missed calls as an inbox, recordings, contacts.

Plain asyncio, no Qt. The store is the only copy of the history: a sync fetches
``getCDR`` from the last synced day (minus one: a call near midnight, a late
CDR) to today, in windows of at most 92 days that never straddle a DST change
(``app.domain.calls.cdr_windows``), then the recordings of the same days, and
writes both; the first sync fetches ``backfill_days``. Every sync and command
returns a ``CallChanges`` and announces the same object through ``changed``.

The API has no "seen" flag: missed calls not yet looked at are marked in the
store (``calls.seen``); their count is the tab's badge.

Events:
    changed(CallChanges): calls, their recordings or the unseen count changed.
    new_missed(tuple[CallRow, ...]): missed calls that arrived since the previous
        sync (never at the very first one: old calls are not news).
"""

from __future__ import annotations

import asyncio
import csv
import functools
import io
import logging
import re
import shutil
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.atomic_file import write_atomically
from app.domain.calls import CallFilter, cdr_windows, csv_cell, day_range_utc
from app.domain.email_address import valid_email
from app.domain.errors import UserFacingError, explain_failure
from app.domain.models.calls import CallRecording, CallRow, Totals
from app.domain.phone import format_number, normalize
from app.domain.timeutil import provider_date, provider_zone
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.calls.changes import CallChanges, SyncResult
from app.services.calls.poll import CallsPolling, caller_label
from app.services.calls.ports import CallsApi, CallsStore, DidsApi, KeyValueStore
from app.services.events import Event
from app.services.gc_pause import collector_paused, release_in_slices

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from app.services.root import NotifierLike

log = logging.getLogger(__name__)

__all__ = ["CallChanges", "CallFilter", "CallsService", "SyncResult", "caller_label"]

SYNCED_KEY = "calls.synced_to"
#: A new missed call older than this is history, not news (unseen only if newer).
UNSEEN_DAYS = 2
PAGE = 200
CSV_HEADER = ("Date", "Direction", "Name", "Number", "My number", "Phone", "Outcome",
              "Duration (s)", "Cost")


class CallsService:
    def __init__(
        self,
        api: CallsApi,
        store: CallsStore,
        state: KeyValueStore,
        recordings_dir: Path,
        *,
        dids_api: DidsApi | None = None,
        provider_tz: str = "America/New_York",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        notifier: NotifierLike | None = None,
        poll_seconds: float = 0,
        backfill_days: int = 180,
    ) -> None:
        self.api = api
        self.store = store
        self.state = state
        self.recordings_dir = recordings_dir
        self._dids_api = dids_api
        self._tz_name = provider_tz
        self._clock = clock
        self.backfill_days = backfill_days
        self._numbers: list[str] | None = None
        self._phonebook_loaded = False
        self._sync_lock = asyncio.Lock()
        self.changed: Event[CallChanges] = Event("calls.changed")
        self.new_missed: Event[tuple[CallRow, ...]] = Event("calls.new_missed")
        self.polling = CallsPolling(self, notifier, interval_seconds=poll_seconds)

    @functools.cached_property
    def _tz(self) -> ZoneInfo:
        return provider_zone(self._tz_name)

    # --- reading (the store) -----------------------------------------------------------

    async def page(self, f: CallFilter, *, limit: int = PAGE, offset: int = 0) -> list[CallRow]:
        """One page of the calls ``f`` selects, newest first."""
        return await self.store.page(f, limit=limit, offset=offset)

    async def totals(self, f: CallFilter) -> Totals:
        return await self.store.totals(f)

    async def unseen_count(self) -> int:
        return await self.store.unseen_count()

    async def choices(self) -> tuple[list[str], list[tuple[str, str]]]:
        """``(my numbers, phones)`` the stored calls mention (for the filters); a phone
        is ``(account, name)``, the name as in ``CallRow.phone``."""
        return await self.store.choices()

    def since(self, days: int) -> datetime:
        """Start of the provider day ``days - 1`` days ago (1 = today)."""
        today = provider_date(self._clock(), self._tz)
        first = today - timedelta(days=max(1, days) - 1)
        return day_range_utc(first, first, self._tz)[0]

    # --- sync ----------------------------------------------------------------------------

    async def sync(self) -> SyncResult:
        async with self._sync_lock:
            if await self.state.get(SYNCED_KEY) is not None:
                return await self._sync()
            # A first sync is bulk: a year of a busy account is 100k calls held at
            # once; the collector's full passes over them froze the window (gc_pause).
            with collector_paused():
                return await self._sync()

    async def _sync(self) -> SyncResult:
        today = provider_date(self._clock(), self._tz)
        last = await self.state.get(SYNCED_KEY)
        first = last is None
        start = (date.fromisoformat(last) - timedelta(days=1) if last
                 else today - timedelta(days=self.backfill_days - 1))
        start = min(start, today)
        numbers = await self._my_numbers()
        if not self._phonebook_loaded:
            await self._load_phonebook()
        windows = cdr_windows(start, today, self._tz)
        fetched = {}
        for window in windows:
            for call in await self.api.get_cdr(window.start, window.end, offset=window.offset,
                                               my_numbers=numbers):
                fetched[call.id] = call
        unseen_after = self._clock() - timedelta(days=UNSEEN_DAYS)
        # A first sync lists no rows back (a year at once): views read their page again.
        inserted, changed = await self.store.upsert(fetched.values(), unseen_after=unseen_after,
                                                    list_rows=not first)
        count = len(fetched)
        await release_in_slices(fetched)  # a year of calls, freed without a stall
        linked: list[CallRow] = []
        for window in windows:
            recordings = await self.api.get_call_recordings(window.start, window.end)
            rows, gone = await self.store.apply_recordings(
                recordings, day_range_utc(window.start, window.end, self._tz))
            linked += rows
            await asyncio.to_thread(_unlink_all, gone)
        await self.state.set(SYNCED_KEY, today.isoformat())
        upserted = _merge(inserted, changed, linked)
        changes = CallChanges(upserted=upserted, unseen=await self.store.unseen_count(),
                              bulk=first and bool(count))
        if first or upserted:
            self.changed.emit(changes)
        new_missed = tuple(r for r in inserted if r.unseen_missed)
        if new_missed and not first:
            self.new_missed.emit(new_missed)
        return SyncResult(count, new_missed, changes)

    async def _my_numbers(self) -> list[str]:
        if self._numbers is None:
            numbers = await self.store.my_numbers()
            if not numbers and self._dids_api is not None:
                numbers = [normalize(d.did) for d in await self._dids_api.get_dids()]
            self._numbers = numbers
        return self._numbers

    async def _load_phonebook(self) -> None:
        # Once a session: callers show by their phonebook name. Optional: numbers
        # still show when it fails.
        try:
            entries = await self.api.get_phonebook()
        except UserFacingError as exc:
            log.info("Phonebook not refreshed: %s", exc.message)
            return
        await self.store.save_phonebook(entries)
        self._phonebook_loaded = True

    # --- missed calls ---------------------------------------------------------------------

    async def mark_seen(self, rows: Sequence[CallRow]) -> CallChanges:
        """The user looked at these calls (no change set when none was unseen)."""
        ids = [r.id for r in rows if r.unseen_missed]
        updated = await self.store.mark_seen(ids) if ids else []
        if not updated:
            return CallChanges()  # seen already (the row the view held was older)
        return self._announce(CallChanges(
            upserted=tuple(updated), unseen=await self.store.unseen_count()))

    async def mark_all_seen(self) -> CallChanges:
        updated = await self.store.mark_seen(None)
        if not updated:
            return CallChanges()
        return self._announce(CallChanges(upserted=tuple(updated), unseen=0))

    # --- contacts ---------------------------------------------------------------------------

    async def add_contact(self, number: str, name: str, note: str = "") -> CallChanges:
        """Add the caller to the phonebook (``setPhonebook``); their calls show the name."""
        name = " ".join(name.split())
        digits = normalize(number)
        if not name:
            raise UserFacingError(QT_TRANSLATE_NOOP("services", "Type a name for the contact."))
        if not digits:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "This call has no number to save.",
            ))
        with explain_failure(
            QT_TRANSLATE_NOOP(
                "services",
                "Could not add “{name}” ({number}) to the phonebook: {message}",
            ),
            name=name, number=format_number(digits),
        ):
            entry = await self.api.set_phonebook(name, digits, note=note)
        return self._announce(CallChanges(
            upserted=tuple(await self.store.add_contact(entry, name, digits))))

    # --- recordings -------------------------------------------------------------------------

    def recording_file(self, recording: CallRecording) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", recording.id)[:120] or "recording"
        return self.recordings_dir / f"{safe}.mp3"

    async def recording_audio(self, recording: CallRecording) -> Path:
        """The recording's mp3 on disk: one ``getCallRecording``, then the cache."""
        stored = await self.store.audio_path(recording.id)
        if stored and Path(stored).is_file():
            return Path(stored)
        audio = await self.api.get_call_recording_audio(recording.account, recording.id)
        if not audio:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "VoIP.ms sent an empty recording. Try again later.",
            ))
        path = self.recording_file(recording)
        await asyncio.to_thread(write_atomically, path, audio)
        await self.store.set_audio_path(recording.id, str(path))
        return path

    async def save_recording(self, recording: CallRecording, target: Path) -> Path:
        source = await self.recording_audio(recording)
        try:
            await asyncio.to_thread(shutil.copyfile, source, target)
        except OSError as exc:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Could not save the recording to {target}: {strerror}",
                ),
                target=target, strerror=exc.strerror,
            )) \
                from exc
        return target

    async def default_recording_email(self) -> str:
        """Where a recording is e-mailed unless the user types another address:
        the address the account's voicemail goes to."""
        return await self.store.mailbox_email()

    async def email_recording(self, recording: CallRecording, email: str) -> str:
        """Have VoIP.ms e-mail the recording to ``email``; the sentence to show."""
        email = email.strip()
        if not valid_email(email):
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "“{email}” is not an e-mail address. Type one like name@example.com.",
                    ),
                    email=email,
                ))
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not e-mail the recording: {message}"),
        ):
            await self.api.send_call_recording_email(recording.account, recording.id, email)
        return f"The recording is on its way to {email}."

    async def delete_recording(self, recording: CallRecording) -> CallChanges:
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not delete the recording: {message}"),
        ):
            await self.api.delete_call_recording(recording.account, recording.id)
        rows, path = await self.store.delete_recording(recording.id)
        if path:
            await asyncio.to_thread(_unlink_all, [path])
        return self._announce(CallChanges(upserted=tuple(rows)))

    # --- export -----------------------------------------------------------------------------

    async def export_csv(self, f: CallFilter, target: Path) -> int:
        """Every call ``f`` selects as CSV (cells a spreadsheet would run neutralised)."""
        rows: list[CallRow] = []
        while True:
            page = await self.store.page(f, limit=5000, offset=len(rows))
            rows += page
            if len(page) < 5000:
                break
        text = _csv_text(rows)
        try:
            await asyncio.to_thread(target.write_text, text, encoding="utf-8", newline="")
        except OSError as exc:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Could not write {target}: {strerror}",
                ),
                target=target, strerror=exc.strerror,
            )) from exc
        return len(rows)

    def _announce(self, changes: CallChanges) -> CallChanges:
        self.changed.emit(changes)
        return changes


def _merge(*groups: Sequence[CallRow]) -> tuple[CallRow, ...]:
    merged: dict[str, CallRow] = {}
    for group in groups:
        for row in group:
            merged[row.id] = row
    return tuple(sorted(merged.values(), reverse=True,
                        key=lambda r: (r.call.date.timestamp() if r.call.date else 0, r.id)))


def _csv_text(rows: Sequence[CallRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        call = row.call
        when = call.date.astimezone().strftime("%Y-%m-%d %H:%M:%S") if call.date else ""
        name = row.contact or call.caller_name
        writer.writerow([csv_cell(v) for v in (
            when, "in" if call.inbound else "out", name, call.number, call.did, call.account,
            call.outcome.value, call.seconds, f"{call.cost:.4f}")])
    return out.getvalue()


def _unlink_all(paths: Sequence[str]) -> None:
    for path in paths:
        Path(path).unlink(missing_ok=True)
