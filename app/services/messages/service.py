"""The Messages tab's service: one Qt-free object the UI talks to (sync, send, media, search).

Events (``app.services.events``; the UI hears them through ``app/ui/bridge.py``):
    synced(SyncChange): a sync started by the poller changed the store (a sync the
        caller awaits returns its ``SyncChange`` instead; it is announced too).
    poll_failed(str): a background poll failed (status-bar text; the first of a run).
    media_ready(MediaReady): a downloaded picture of a message is on disk.
    unread_changed(int): total unread inbound messages (the tab's badge).
    thread_changed(ThreadChange): a conversation changed outside a sync (sent,
        deleted, read flags); the command that did it returned the same change.
    sends_changed(JournalEntry): a send's journal entry changed state (sending,
        sent, failed, unknown; issue #13.1): the conversation's pending sends.
    sends_reconciled(ThreadChange): an unconfirmed send was found in the history
        (in the background): its conversation with the rows found.
    history_stored(HistoryStored): a backfill stored one more window of history
        (newest first) and goes on with older ones: the list can be read again.

Reads come from ``MessageReads`` (the store is the truth; no copy is kept here).
Commands return change sets (``changes.py``) read back from the store in one
round trip. The store is reached only through the ports of ``ports.py``
(``AppServices.messages`` passes ``app.store.messages_repo.MessagesRepo``).
Polling and the new-message notifications live in ``poll.py`` (a ``Poller``,
setting ``messages_poll_seconds``); a poll and an on-demand refresh never overlap
(one lock), and a failed poll is reported quietly (``poll_failed``), never as a
dialog. Media retries wait on a task.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.config.settings import Settings
from app.domain.atomic_file import write_atomically
from app.domain.errors import UserFacingError
from app.domain.models.messages import Message, MessageKind, StoredMessage
from app.domain.models.sends import MESSAGE_KINDS, JournalEntry, SendState
from app.domain.phone import normalize
from app.domain.sms_text import LongTextMode
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.events import Event
from app.services.messages.changes import (
    HistoryStored,
    MediaReady,
    SendResult,
    SyncChange,
    ThreadChange,
)
from app.services.messages.export import to_csv, to_text
from app.services.messages.journal import INTERRUPTED_TEXT
from app.services.messages.media import MediaDownloader
from app.services.messages.poll import MessagesPolling
from app.services.messages.reads import MessageReads
from app.services.messages.sender import MessageSender, SendFailed
from app.services.messages.sync import MessageSync, Progress, SyncReport
from app.services.root import NotifierLike
from app.services.sends import InFlightSends

if TYPE_CHECKING:
    from app.services.messages.ports import MessagesApi, MessagesStore

log = logging.getLogger(__name__)

#: Seconds between phonebook refreshes (names change rarely).
PHONEBOOK_TTL = 1800.0
#: A sync changing more messages than this (a backfill) asks the view to reload the
#: list: cheaper than patching it row by row, and no giant change set is built.
RELOAD_ABOVE = 200


class MessagesService(MessageReads):
    def __init__(
        self,
        api: MessagesApi,
        store: MessagesStore,
        settings: Settings,
        media_folder: Path,
        *,
        notifier: NotifierLike | None = None,
        api_url: str = "",
        sleep: Callable[[float], Awaitable[None]] | None = None,
        in_flight: InFlightSends | None = None,
        reconcile_delays: Sequence[float] = (0.0, 1.5, 4.0),
    ) -> None:
        """``sleep`` (tests): how the poller and the media retries wait (asyncio.sleep).
        ``in_flight``: the app's registry of sends on the wire (the window waits for
        them before closing). ``reconcile_delays``: when an unconfirmed send is
        looked for in the history again (tests pass shorter ones)."""
        super().__init__(store)
        self.store: MessagesStore = store
        self.api = api
        self.settings = settings
        self.notifier = notifier
        self.engine = MessageSync(api, store, provider_tz=settings.provider_timezone,
                                  backfill_days=settings.messages_backfill_days)
        self.outgoing = MessageSender(api, store, self.engine, in_flight=in_flight,
                                      reconcile_delays=reconcile_delays)
        self.sends_changed: Event[JournalEntry] = self.outgoing.journal_changed
        self.sends_reconciled: Event[ThreadChange] = Event("messages.sends_reconciled")
        self.media = MediaDownloader(api, store, media_folder, api_url=api_url)
        self.synced: Event[SyncChange] = Event("messages.synced")
        self.media_ready: Event[MediaReady] = Event("messages.media_ready")
        self.unread_changed: Event[int] = Event("messages.unread_changed")
        self.thread_changed: Event[ThreadChange] = Event("messages.thread_changed")
        self.history_stored: Event[HistoryStored] = Event("messages.history_stored")
        self._sleep = sleep
        self.polling = MessagesPolling(self, notifier,
                                       interval_seconds=settings.messages_poll_seconds,
                                       sleep=sleep)
        self.poller = self.polling.poller
        self.poll_failed: Event[str] = self.polling.failed
        self._sync_lock = asyncio.Lock()
        self._phonebook_at: float | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._media_retry: asyncio.Task[None] | None = None
        #: Cached files of deleted messages are looked for once a session.
        self._orphans_removed = False

    # --- polling -------------------------------------------------------------------

    def start_polling(self) -> None:
        self.polling.start()
        # Sends a previous run left unfinished (a crash, a kill, a closed window)
        # are reconciled with the history before they can be sent again.
        self._spawn(self.recover_sends())

    def stop(self) -> None:
        """Stop polling and every background task (window closing)."""
        self.polling.stop()
        for task in list(self._tasks):
            task.cancel()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # --- sync ----------------------------------------------------------------------

    @property
    def syncing(self) -> bool:
        """A sync (poll or refresh) is running."""
        return self._sync_lock.locked()

    async def refresh(self, progress: Progress | None = None) -> SyncChange:
        """Sync now (first backfill or poll); notifies new inbound messages."""
        async with self._sync_lock:
            report = await self.engine.sync(progress, self._on_window_stored)
            await self._refresh_phonebook()
        # Notified first: the desktop notification should not wait for the rest.
        if report.new_inbound:
            self._spawn(self.polling.announce(list(report.new_inbound)))
        new_mms = [m for m in report.inserted if m.kind is MessageKind.MMS and not m.media]
        if new_mms and not report.backfill:
            await self.media.resolve_missing(new_mms)
        change = await self._sync_change(report)
        if report.changed_count:
            self.synced.emit(change)
        self.unread_changed.emit(change.unread_total)
        self._spawn(self.download_media())
        if await self.store.journal_open(MESSAGE_KINDS):
            # VoIP.ms answers again: unconfirmed sends can be checked now.
            self._spawn(self.check_sends())
        if not self._orphans_removed:
            self._orphans_removed = True
            self._spawn(self.media.remove_orphans())
        return change

    def _on_window_stored(self, oldest_day: date, done: int, total: int) -> None:
        if done < total:  # the last window: the sync's own change follows at once
            self.history_stored.emit(HistoryStored(oldest_day, done, total))

    async def _sync_change(self, report: SyncReport) -> SyncChange:
        changed = [*report.inserted, *report.updated]
        if report.changed_count > RELOAD_ABOVE or report.counted_only:
            return SyncChange(report, reload=True, unread_total=await self.unread_count())
        keys = {(m.did, m.contact) for m in changed}
        now = await self.store.snapshot(keys, [m.key for m in changed])
        return SyncChange(report, reload=False, threads=now.threads,
                          upserted=tuple(now.messages), unread_total=now.unread_total)

    async def _refresh_phonebook(self) -> None:
        """Contact names for the list (at most every ``PHONEBOOK_TTL``; optional)."""
        now = time.monotonic()
        if self._phonebook_at is not None and now - self._phonebook_at < PHONEBOOK_TTL:
            return
        try:
            entries = await self.api.get_phonebook()
        except UserFacingError as exc:
            log.info("Phonebook not refreshed: %s", exc.message)
            return
        await self.store.replace_phonebook(entries)
        self._phonebook_at = now

    # --- media ---------------------------------------------------------------------

    async def resolve_media(self, messages: Sequence[StoredMessage]) -> tuple[StoredMessage, ...]:
        """Ask ``getMediaMMS`` for shown MMS whose history row came without links.

        Best effort in the background (a failure is logged by the downloader and
        asked again next session). Returns the messages that got links, as stored
        now; their files then arrive through ``media_ready``.
        """
        missing = [s.message for s in messages
                   if s.message.kind is MessageKind.MMS and not s.message.media]
        if not missing:
            return ()
        updated = await self.media.resolve_missing(missing)
        if not updated:
            return ()
        self._spawn(self.download_media())
        return tuple(await self.store.messages([m.key for m in updated]))

    async def download_media(self) -> list[int]:
        """Download what is due, then schedule the next retry (if any)."""
        ready = await self.media.download_due()
        for pk in ready:
            paths = await self.store.media_slots(pk)
            self.media_ready.emit(MediaReady(pk, tuple(paths)))
        delay = await self.media.next_due_in()
        if delay is not None:
            self._schedule_media_retry(max(delay, 1.0))
        return ready

    def _schedule_media_retry(self, delay: float) -> None:
        # One pending retry at a time: the latest schedule knows the nearest due date.
        if self._media_retry is not None and not self._media_retry.done():
            self._media_retry.cancel()
        self._media_retry = self._spawn(self._retry_media_after(delay))

    async def _retry_media_after(self, delay: float) -> None:
        await (self._sleep or asyncio.sleep)(delay)
        self._media_retry = None  # this one is running: a new schedule must not cancel it
        await self.download_media()

    async def retry_media(self, message_pk: int) -> list[int]:
        """Download one message's missing pictures now, even ones given up on.

        The user asked (the picture placeholder's "try again"); the files arrive
        through ``media_ready`` like any download. Returns the message pks that got
        files; a failure is recorded for the next retry, as for any download.
        """
        await self.media.retry_now(message_pk)
        return await self.download_media()

    # --- commands (each returns what changed) ---------------------------------------

    async def _thread_change(
        self, did: str, contact: str, *, upserted: Sequence[Message] = (),
        removed: Sequence[tuple[MessageKind, int]] = (), media: Sequence[MediaReady] = (),
    ) -> ThreadChange:
        """The conversation as stored now; announced (``thread_changed``, ``unread_changed``)."""
        did, contact = normalize(did) or did, normalize(contact) or contact
        now = await self.store.snapshot([(did, contact)], [m.key for m in upserted])
        change = ThreadChange(
            did, contact, now.threads[(did, contact)],
            upserted=tuple(now.messages), removed=tuple(removed),
            unread_total=now.unread_total, media=tuple(media),
        )
        self.thread_changed.emit(change)
        self.unread_changed.emit(change.unread_total)
        return change

    async def send(
        self, did: str, contact: str, text: str, images: Sequence[bytes] = (),
        attachment_paths: Sequence[str] = (), *, replaces: int | None = None,
    ) -> SendResult:
        """Send; raises ``SendFailed`` (with ``change`` and ``unsent_text``) when not all went.

        Cancelled (``cancel_send``), the send stays in the journal as unknown and
        is reconciled with the history in the background (never assumed unsent).
        """
        mode = LongTextMode(self.settings.messages_long_text
                            if self.settings.messages_long_text in ("split", "mms") else "split")
        try:
            outcome = await self.outgoing.send(did, contact, text, images, mode=mode,
                                               attachment_paths=attachment_paths,
                                               replaces=replaces)
        except SendFailed as exc:
            exc.change = await self._thread_change(did, contact, upserted=exc.sent)
            raise
        except asyncio.CancelledError:
            self._spawn(self.check_sends(delays=self.outgoing.reconcile_delays))
            raise
        # The pictures just sent show at once, from what went out (issue #15.7).
        sent_mms = next((m for m in outcome.sent if m.kind is MessageKind.MMS), None)
        media = []
        if images and sent_mms is not None:
            try:
                ready = await self.media.keep_sent(sent_mms, images)
            except OSError as exc:  # sent all the same: the next sync downloads them
                log.warning("Sent pictures not cached: %s", exc)
                ready = None
            media = [ready] if ready is not None else []
        return SendResult(outcome, await self._thread_change(
            did, contact, upserted=outcome.sent, media=media))

    # --- the send journal (issue #13.1) -------------------------------------------------

    async def pending_sends(self, did: str, contact: str) -> list[JournalEntry]:
        """The conversation's sends still to show: sending, unconfirmed, not sent.

        One left ``sending`` by a killed run reads as being checked (``recover_sends``
        makes it so in the store once polling starts)."""
        return [e if e.state is not SendState.SENDING or self.sending(e.id)
                else replace(e, state=SendState.UNKNOWN, error=INTERRUPTED_TEXT)
                for e in await self.store.journal_shown(MESSAGE_KINDS, did, contact)]

    def cancel_send(self, entry_id: int) -> bool:
        """Stop waiting for a send (it is journalled unknown, then reconciled)."""
        return self.outgoing.in_flight.cancel(("messages", entry_id))

    def sending(self, entry_id: int) -> bool:
        return ("messages", entry_id) in self.outgoing.in_flight

    async def recover_sends(self) -> list[JournalEntry]:
        """At start: what a previous run left unfinished, reconciled with the history."""
        if await self.outgoing.recover():
            return await self.check_sends()
        return []

    async def check_sends(self, *, delays: Sequence[float] = (0.0,)) -> list[JournalEntry]:
        """Reconcile every unconfirmed send; what was found is shown as sent."""
        results = await self.outgoing.check(delays=delays)
        for result in results:
            if result.found:
                self.sends_reconciled.emit(await self._thread_change(
                    result.entry.did, result.entry.contact, upserted=result.found))
        return [result.entry for result in results]

    async def send_again(self, entry_id: int, images: Sequence[bytes] = ()) -> SendResult:
        """Send what a failed (surely not sent) entry did not deliver, as a new send."""
        entry = await self.store.journal_entry(entry_id)
        if entry is None or entry.state is not SendState.FAILED or entry.closed:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "This message is no longer waiting to be sent again.",
            ))
        attachments = entry.attachments if entry.done_parts == 0 else ()
        return await self.send(entry.did, entry.contact, entry.unsent_text,
                               images if attachments else (), attachments, replaces=entry.id)

    async def dismiss_send(self, entry_id: int) -> JournalEntry | None:
        """Forget a failed send (the user does not want it sent)."""
        return await self.outgoing.close_entry(entry_id)

    async def delete(self, stored: StoredMessage) -> ThreadChange:
        message = stored.message
        if message.kind is MessageKind.SMS:
            await self.api.delete_sms(message.id)
        else:
            await self.api.delete_mms(message.id)
        # The files the message had are read in the same transaction as the delete.
        files = await self.store.delete(message.kind, message.id)
        if files:
            try:
                await self.media.discard_files(files)
            except OSError as exc:  # the message is gone; a file left over goes next session
                log.info("Cached media of a deleted message kept: %s", exc)
        return await self._thread_change(message.did, message.contact, removed=[message.key])

    async def keep_draft(
        self, did: str, contact: str, text: str, attachments: Sequence[str] = ()
    ) -> None:
        """What is typed in a conversation's compose box, kept as its draft (or cleared)."""
        if text or attachments:
            await self.store.save_draft(did, contact, text, "", attachments)
        else:
            await self.store.clear_draft(did, contact)

    def keep_draft_now(
        self, did: str, contact: str, text: str, attachments: Sequence[str] = ()
    ) -> None:
        """``keep_draft`` that is done when it returns (the window is closing)."""
        self.store.save_draft_sync(did, contact, text, attachments)

    async def mark_read(self, did: str, contact: str) -> ThreadChange | None:
        """Read every message of the conversation; None when none was unread."""
        if not await self.store.mark_read(did, contact):
            return None
        return await self._thread_change(did, contact)

    async def mark_unread(self, did: str, contact: str) -> ThreadChange | None:
        """Mark the last received message unread; None when nothing was received here."""
        if not await self.store.mark_unread(did, contact):
            return None
        return await self._thread_change(did, contact)

    async def export(self, did: str, contact: str, path: Path, label: str) -> int:
        """Write the whole conversation to ``path`` (.csv -> CSV, anything else -> text)."""
        stored = await self.store.thread_messages(did, contact, limit=1_000_000)
        messages = [s.message for s in stored]
        if path.suffix.lower() == ".csv":
            content = to_csv(messages)
        else:
            content = to_text(messages, contact_label=label)
        try:
            await asyncio.to_thread(write_atomically, path, content)
        except OSError as exc:
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The conversation could not be saved to {path}: {value}.",
                    ),
                    path=path, value=exc.strerror or exc,
                )
            ) from exc
        return len(messages)
