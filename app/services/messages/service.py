"""The Messages tab's service: one object the UI talks to (sync, send, media, search).

Signals:
    synced(object): a ``SyncReport`` after every successful sync (poll or on demand).
    sync_failed(str): a background poll failed (the message is for the status bar).
    media_ready(int): a media file of the message with this store pk is on disk.
    unread_changed(int): total unread inbound messages.
    thread_changed(str, str): something in conversation (did, contact) changed
        outside a sync (sent, deleted, read state).

Polling runs on a ``QTimer`` (setting ``messages_poll_seconds``); a poll and an
on-demand refresh never overlap (one lock), and a background poll failure is
logged and reported quietly, never as a dialog.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.config.settings import Settings
from app.domain.errors import UserFacingError
from app.domain.models.messages import Message, MessageKind
from app.domain.phone import format_number, normalize
from app.domain.sms_text import LongTextMode
from app.services.lazy_lock import LazyLock
from app.services.messages.export import to_csv, to_text, write_atomically
from app.services.messages.media import MediaDownloader
from app.services.messages.sender import MessageSender, SendOutcome
from app.services.messages.sync import MessageSync, Progress, SyncReport
from app.services.root import NotifierLike
from app.store.db import Database
from app.store.media import media_paths_of
from app.store.messages import (
    Cursor,
    StoredMessage,
    delete_message,
    get_message,
    thread_messages,
)
from app.store.phonebook import name_for, replace_phonebook
from app.store.search import SearchHit, search_messages
from app.store.threads import (
    ThreadSummary,
    get_thread,
    list_threads,
    mark_thread_read,
    mark_thread_unread,
    thread_dids,
    unread_total,
)

if TYPE_CHECKING:
    from app.api.typed import Api  # httpx: not needed to show the cache

log = logging.getLogger(__name__)

#: Messages shown when a conversation opens; older pages load while scrolling up
#: (laying out 5,000 bubbles at once would take most of a second).
PAGE_SIZE = 150
THREAD_LOAD_LIMIT = 20_000
SNIPPET_CHARS = 80
#: Seconds between phonebook refreshes (names change rarely).
PHONEBOOK_TTL = 1800.0


class MessagesService(QObject):
    synced = Signal(object)
    sync_failed = Signal(str)
    media_ready = Signal(int)
    unread_changed = Signal(int)
    thread_changed = Signal(str, str)

    def __init__(
        self,
        api: Api,
        db: Database,
        settings: Settings,
        media_folder: Path,
        *,
        notifier: NotifierLike | None = None,
        api_url: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.api = api
        self.db = db
        self.settings = settings
        self.notifier = notifier
        self.engine = MessageSync(api, db, provider_tz=settings.provider_timezone,
                                  backfill_days=settings.messages_backfill_days)
        self.outgoing = MessageSender(api, db, self.engine)
        self.media = MediaDownloader(api, db, media_folder, api_url=api_url)
        self._sync_lock = LazyLock()
        self._phonebook_at: float | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        #: Cached files of deleted messages are looked for once a session.
        self._orphans_removed = False
        self._poll_timer = QTimer(self)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._media_timer = QTimer(self)
        self._media_timer.setSingleShot(True)
        self._media_timer.timeout.connect(self._on_media_timer_timeout)

    # --- polling -------------------------------------------------------------------

    def start_polling(self) -> None:
        seconds = self.settings.messages_poll_seconds
        if seconds > 0:
            self._poll_timer.start(seconds * 1000)

    def stop(self) -> None:
        self._poll_timer.stop()
        self._media_timer.stop()
        for task in list(self._tasks):
            task.cancel()

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _on_poll_timer_timeout(self) -> None:
        if not self._sync_lock.locked():
            self._spawn(self._poll_quietly())

    def _on_media_timer_timeout(self) -> None:
        self._spawn(self.download_media())

    async def _poll_quietly(self) -> None:
        try:
            await self.refresh()
        except UserFacingError as exc:
            log.info("Background message poll failed: %s", exc.message)
            self.sync_failed.emit(exc.message)

    # --- sync ----------------------------------------------------------------------

    async def refresh(self, progress: Progress | None = None) -> SyncReport:
        """Sync now (first backfill or poll); notifies new inbound messages."""
        async with self._sync_lock:
            report = await self.engine.sync(progress)
            await self._refresh_phonebook()
        if report.inserted or report.updated:
            self.synced.emit(report)
        self._announce(report.new_inbound)
        new_mms = [m for m in report.inserted if m.kind is MessageKind.MMS and not m.media]
        if new_mms and not report.backfill:
            await self.media.resolve_missing(new_mms)
        self.unread_changed.emit(await self.unread_count())
        self._spawn(self.download_media())
        if not self._orphans_removed:
            self._orphans_removed = True
            self._spawn(self.media.remove_orphans())
        return report

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
        await self.db.run(replace_phonebook, entries)
        self._phonebook_at = now

    def _announce(self, messages: Sequence[Message]) -> None:
        if not messages or self.notifier is None:
            return
        self._spawn(self._notify(list(messages)))

    async def _notify(self, messages: list[Message]) -> None:
        assert self.notifier is not None
        if len(messages) > 3:
            senders = {m.contact for m in messages}
            self.notifier.notify(f"{len(messages)} new messages",
                                 f"From {len(senders)} contact(s)")
            return
        for message in messages:
            name = await self.db.run(name_for, message.contact) or format_number(message.contact)
            text = " ".join(message.text.split()) or ("Image" if message.media else "")
            if len(text) > SNIPPET_CHARS:
                text = text[: SNIPPET_CHARS - 1] + "…"
            self.notifier.notify(f"New message from {name}", text)

    async def resolve_media(self, messages: Sequence[StoredMessage]) -> bool:
        """Ask ``getMediaMMS`` for shown MMS whose history row came without links.

        Returns True when some message got media (the caller reloads it); the
        files then arrive through ``media_ready``.
        """
        missing = [s.message for s in messages
                   if s.message.kind is MessageKind.MMS and not s.message.media]
        if not missing:
            return False
        updated = await self.media.resolve_missing(missing)
        if updated:
            self._spawn(self.download_media())
        return bool(updated)

    async def download_media(self) -> list[int]:
        """Download what is due, then arm the timer for the next retry."""
        ready = await self.media.download_due()
        for pk in ready:
            self.media_ready.emit(pk)
        delay = await self.media.next_due_in()
        if delay is not None:
            self._media_timer.start(int(max(delay, 1.0) * 1000))
        return ready

    # --- reads ---------------------------------------------------------------------

    async def threads(self, did: str | None = None) -> list[ThreadSummary]:
        return await self.db.run(list_threads, did=did, limit=100_000)

    async def summary(self, did: str, contact: str) -> ThreadSummary | None:
        return await self.db.run(get_thread, did, contact)

    async def dids(self) -> list[str]:
        return await self.db.run(thread_dids)

    async def conversation(
        self,
        did: str,
        contact: str,
        *,
        limit: int = PAGE_SIZE,
        before: Cursor | None = None,
        around: Cursor | None = None,
    ) -> tuple[list[StoredMessage], dict[int, list[str | None]]]:
        """A page of a conversation, oldest first, with downloaded media paths.

        Default: the newest ``limit`` messages. ``before``: the page just older
        than a cursor (scrolling up). ``around``: ``limit`` messages older than
        the cursor and everything from it to the newest (jump to a search hit).
        """
        if around is not None:
            older = await self.db.run(thread_messages, did, contact, limit=limit,
                                      before=around)
            newer = await self.db.run(thread_messages, did, contact, limit=THREAD_LOAD_LIMIT,
                                      after=(around[0], around[1] - 1))
            messages = older + newer
        else:
            messages = await self.db.run(thread_messages, did, contact, limit=limit,
                                         before=before)
        media = await self.media.paths_for_thread(did, contact)
        return messages, media

    async def unread_count(self) -> int:
        return await self.db.run(unread_total)

    async def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        return await self.db.run(search_messages, text, limit=limit)

    # --- actions -------------------------------------------------------------------

    async def send(
        self, did: str, contact: str, text: str, images: Sequence[bytes] = (),
        attachment_paths: Sequence[str] = (),
    ) -> SendOutcome:
        mode = LongTextMode(self.settings.messages_long_text
                            if self.settings.messages_long_text in ("split", "mms") else "split")
        try:
            return await self.outgoing.send(did, contact, text, images, mode=mode,
                                          attachment_paths=attachment_paths)
        finally:
            self.thread_changed.emit(normalize(did), normalize(contact))

    async def delete(self, stored: StoredMessage) -> None:
        message = stored.message
        files: list[str] = []
        if message.kind is MessageKind.SMS:
            await self.api.delete_sms(message.id)
        else:
            await self.api.delete_mms(message.id)
            files = await self.db.run(media_paths_of, stored.pk)
        await self.db.run(delete_message, message.kind, message.id)
        if files:
            try:
                await self.media.discard_files(files)
            except OSError as exc:  # the message is gone; a file left over goes next session
                log.info("Cached media of a deleted message kept: %s", exc)
        self.thread_changed.emit(message.did, message.contact)
        self.unread_changed.emit(await self.unread_count())

    async def mark_read(self, did: str, contact: str) -> int:
        changed = await self.db.run(mark_thread_read, did, contact)
        if changed:
            self.thread_changed.emit(did, contact)
            self.unread_changed.emit(await self.unread_count())
        return changed

    async def mark_unread(self, did: str, contact: str) -> bool:
        changed = await self.db.run(mark_thread_unread, did, contact)
        if changed:
            self.thread_changed.emit(did, contact)
            self.unread_changed.emit(await self.unread_count())
        return changed

    async def message(self, kind: MessageKind, id_: int) -> StoredMessage | None:
        return await self.db.run(get_message, kind, id_)

    async def export(self, did: str, contact: str, path: Path, label: str) -> int:
        """Write the whole conversation to ``path`` (.csv -> CSV, anything else -> text)."""
        stored = await self.db.run(thread_messages, did, contact, limit=1_000_000)
        messages = [s.message for s in stored]
        if path.suffix.lower() == ".csv":
            content = to_csv(messages)
        else:
            content = to_text(messages, contact_label=label)
        try:
            await asyncio.to_thread(write_atomically, path, content)
        except OSError as exc:
            raise UserFacingError(
                f"The conversation could not be saved to {path}: {exc.strerror or exc}."
            ) from exc
        return len(messages)


def utc_now() -> datetime:
    return datetime.now(UTC)
