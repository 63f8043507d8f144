"""The voicemail service: mailboxes, folders, messages, audio, and every action.

Qt-free. The store is the only copy of the state: the service reads it for each
question and announces every write as a ``MessageChanges`` (rows as stored,
keys gone, the mailbox's new counts) that views apply.

Every change is *optimistic*: the new row is stored and announced before the
API call; when the provider refuses, the previous row is stored and announced
again, and an ``ActionRefused`` names the caller and the provider's reason.
Commands return their change set (the message as stored in ``subject``).

Audio is fetched once per message and format (``getVoicemailMessageFile``;
the typed API decodes its line-wrapped base64) and cached on disk; concurrent
requests for the same recording (a double click) share one API call.

Events:
    overview_changed(Overview): mailboxes, folders, counts or phonebook names changed.
    messages_changed(MessageChanges): messages of one mailbox were added, changed, removed.
    unread_changed(int): total unheard messages over all mailboxes (tab badge).
    new_voicemail(Arrivals): messages that arrived since the previous check.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from pathlib import Path

from app.domain.errors import UserFacingError
from app.domain.models.voicemail import AudioFormat, Mailbox, VoicemailMessage
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.events import Event
from app.services.root import NotifierLike
from app.services.voicemail.audio import AudioCache, AudioFetcher
from app.services.voicemail.changes import (
    Arrivals,
    Key,
    MessageChanges,
    Overview,
    caller_label,
    identity,
)
from app.services.voicemail.poll import VoicemailPolling
from app.services.voicemail.ports import VoicemailApi, VoicemailStore

log = logging.getLogger(__name__)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ActionRefused(UserFacingError):
    """The provider refused a change; the list shows the previous state again."""


class VoicemailService:
    def __init__(
        self,
        api: VoicemailApi,
        store: VoicemailStore,
        cache_dir: Path,
        *,
        notifier: NotifierLike | None = None,
        check_seconds: float = 120,
    ) -> None:
        self._api = api
        self._store = store
        self.cache = AudioCache(cache_dir)
        self.audio = AudioFetcher(api, self.cache)
        self.overview_changed: Event[Overview] = Event("voicemail.overview_changed")
        self.messages_changed: Event[MessageChanges] = Event("voicemail.messages_changed")
        self.unread_changed: Event[int] = Event("voicemail.unread_changed")
        self.new_voicemail: Event[Arrivals] = Event("voicemail.new_voicemail")
        #: Mailboxes whose messages came from the API at least once this session:
        #: only arrivals after that are "new" (no notification flood at start-up).
        #: Session knowledge, not stored state.
        self._seen_live: set[str] = set()
        # A refresh and a timer check must not interleave: both would compare
        # against the same stored rows and announce the same arrival twice.
        self._sync_lock = asyncio.Lock()
        # Each optimistic step reads the stored row and writes its new value; two
        # commands interleaving there (a delete while the player marks the row
        # heard) would write back a row the other just removed. Held only around
        # the store, never around the API call.
        self._edit_lock = asyncio.Lock()
        #: The periodic check; the tab starts and stops it.
        self.polling = VoicemailPolling(self, notifier, interval_seconds=check_seconds)

    def stop(self) -> None:
        """Stop the periodic check (session end); a check in flight is cancelled."""
        self.polling.stop()

    # --- reading (each one a read of the store, off the UI thread) --------------------

    async def overview(self) -> Overview:
        return await self._store.overview()

    async def mailbox(self, mailbox: str) -> Mailbox | None:
        summary = (await self._store.overview()).summary(mailbox)
        return None if summary is None else summary.box

    async def messages(self, mailbox: str, folder: str | None = None) -> list[VoicemailMessage]:
        """Newest first."""
        return await self._store.messages(mailbox, folder)

    async def message(self, key: Key) -> VoicemailMessage | None:
        return await self._store.message(key)

    async def caller_label(self, message: VoicemailMessage) -> str:
        """Phonebook name, else the caller-id name, else the formatted number."""
        return caller_label(message, await self._store.names())

    # --- loading --------------------------------------------------------------------

    async def load_cached(self) -> Overview:
        """Announce what the store has (no network): the tab paints at once."""
        overview = await self._store.overview()
        self.overview_changed.emit(overview)
        self.unread_changed.emit(overview.unread_total)
        return overview

    async def refresh(self) -> list[VoicemailMessage]:
        """Everything from the API: mailboxes, folders, messages, phonebook names.

        Returns the messages that arrived since the previous refresh or check.
        """
        async with self._sync_lock:
            await self._refresh_names()
            boxes = await self._api.get_voicemails()
            await self._save_mailboxes(boxes)
            arrived: list[VoicemailMessage] = []
            for box in boxes:
                folders = await self._api.get_voicemail_folders(box.mailbox)
                await self._store.save_folders(box.mailbox, folders)
                arrived += await self._reload_messages(box.mailbox)
            # One overview after the whole refresh: new folders, names, counts.
            self._announce_overview(await self._store.overview())
            await self._announce(arrived)
            return arrived

    async def check_new(self) -> list[VoicemailMessage]:
        """The periodic check: one cheap call, messages only for mailboxes that changed."""
        async with self._sync_lock:
            boxes = await self._api.get_voicemails()
            previous = {s.box.mailbox: s.box for s in (await self._store.overview()).mailboxes}
            changed = await self._save_mailboxes(boxes) or list(previous.values()) != boxes
            arrived: list[VoicemailMessage] = []
            for box in boxes:
                before = previous.get(box.mailbox)
                counts_moved = before is None or (before.new, before.urgent) != (
                    box.new,
                    box.urgent,
                )
                if counts_moved or box.mailbox not in self._seen_live:
                    arrived += await self._reload_messages(box.mailbox)
            if changed:
                # A mailbox came, went or was renamed; counts also travel with
                # each ``messages_changed``.
                self._announce_overview(await self._store.overview())
            await self._announce(arrived)
            return arrived

    async def _refresh_names(self) -> None:
        # Names are a nicety: a failing phonebook must not hide the voicemail.
        try:
            entries = await self._api.get_phonebook()
        except UserFacingError as exc:
            log.warning("Phonebook unavailable, showing numbers only: %s", exc.message)
            return
        await self._store.save_phonebook(entries)

    async def _save_mailboxes(self, boxes: list[Mailbox]) -> bool:
        """Store the mailbox list; ``True`` when mailboxes went away."""
        gone = await self._store.save_mailboxes(boxes)
        for stored in gone:
            self._seen_live.discard(stored.mailbox)
            self.messages_changed.emit(MessageChanges.of(stored))
        return bool(gone)

    async def _reload_messages(self, mailbox: str) -> list[VoicemailMessage]:
        """All folders of ``mailbox`` from the API; returns the arrivals."""
        rows = await self._api.get_voicemail_messages(mailbox)
        known = {identity(m) for m in await self._store.messages(mailbox)}
        live_before = mailbox in self._seen_live
        self._seen_live.add(mailbox)
        changes = self._emit(MessageChanges.of(await self._store.save_messages(mailbox, rows)))
        arrived = [m for m in changes.changed if identity(m) not in known and not m.listened]
        return arrived if live_before else []

    def _announce_overview(self, overview: Overview) -> None:
        self.overview_changed.emit(overview)
        self.unread_changed.emit(overview.unread_total)

    async def _announce(self, arrived: list[VoicemailMessage]) -> None:
        if arrived:
            self.new_voicemail.emit(Arrivals(tuple(arrived), await self._store.names()))

    def _emit(self, changes: MessageChanges) -> MessageChanges:
        self.messages_changed.emit(changes)
        self.unread_changed.emit(changes.unread_total)
        return changes

    # --- optimistic changes -----------------------------------------------------------

    async def _current(self, message: VoicemailMessage) -> VoicemailMessage:
        current = await self._store.message(message.key)
        if current is None:
            raise UserFacingError(
                QT_TRANSLATE_NOOP(
                    "services",
                    "This voicemail is no longer in the list; it may have been moved or deleted.",
                )
            )
        return current

    async def _refused(
        self, what: str, message: VoicemailMessage, exc: UserFacingError
    ) -> ActionRefused:
        caller = await self.caller_label(message)
        return ActionRefused(
            Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Could not {what} the voicemail from {caller}: {message}",
                ),
                what=what, caller=caller, message=exc.message,
            ), detail=exc.detail
        )

    @staticmethod
    def _unchanged(message: VoicemailMessage) -> MessageChanges:
        """Nothing to do (already so): an empty change set."""
        return MessageChanges(message.mailbox, subject=message)

    async def _flag(
        self,
        message: VoicemailMessage,
        verb: str,
        *,
        listened: bool | None = None,
        urgent: bool | None = None,
    ) -> MessageChanges:
        """Store and announce the flag at once; the API call; roll back if refused."""
        async with self._edit_lock:
            before = await self._current(message)
            after = replace(
                before,
                listened=before.listened if listened is None else listened,
                urgent=before.urgent if urgent is None else urgent,
            )
            if after == before:
                return self._unchanged(before)
            optimistic = self._emit(MessageChanges.of(await self._store.put(after)))
        try:
            if listened is not None:
                await self._api.mark_listened(
                    before.mailbox, before.folder, before.message_num, after.listened
                )
            else:
                await self._api.mark_urgent(
                    before.mailbox, before.folder, before.message_num, after.urgent
                )
        except UserFacingError as exc:
            # Only when nothing newer (a sync) replaced the optimistic row meanwhile.
            await self._put_back(before, unless_changed_from=after)
            raise await self._refused(verb, before, exc) from exc
        return replace(optimistic, subject=optimistic.changed[0] if optimistic.changed else after)

    async def _put_back(
        self, before: VoicemailMessage, *, unless_changed_from: VoicemailMessage | None
    ) -> None:
        """Roll back to ``before`` if the row is still what this command made of it
        (``None``: deleted); a sync that stored newer news meanwhile wins."""
        async with self._edit_lock:
            made = unless_changed_from
            now = await self._store.message(before.key if made is None else made.key)
            if now == made:
                remove = None if made is None else made.key
                self._emit(MessageChanges.of(await self._store.put(before, remove=remove)))

    async def set_listened(self, message: VoicemailMessage, listened: bool) -> MessageChanges:
        verb = (QT_TRANSLATE_NOOP("services", "mark as heard") if listened
                else QT_TRANSLATE_NOOP("services", "mark as unheard"))
        return await self._flag(message, verb, listened=listened)

    async def set_urgent(self, message: VoicemailMessage, urgent: bool) -> MessageChanges:
        verb = (QT_TRANSLATE_NOOP("services", "mark as urgent") if urgent
                else QT_TRANSLATE_NOOP("services", "remove the urgent mark from"))
        return await self._flag(message, verb, urgent=urgent)

    async def move(self, message: VoicemailMessage, folder: str) -> MessageChanges:
        """Move to ``folder``; ``subject`` is the message as the provider numbered it."""
        async with self._edit_lock:
            before = await self._current(message)
            if before.folder == folder:
                return self._unchanged(before)
            # The provider numbers moved messages after the last one of the target
            # folder; guess the same so the list rarely changes when it confirms.
            taken = [m.message_num for m in await self._store.messages(before.mailbox, folder)]
            after = replace(before, folder=folder, message_num=max(taken, default=0) + 1)
            optimistic = self._emit(
                MessageChanges.of(await self._store.put(after, remove=before.key))
            )
        try:
            await self._api.move_voicemail(
                before.mailbox, before.folder, before.message_num, folder
            )
        except UserFacingError as exc:
            await self._put_back(before, unless_changed_from=after)
            raise await self._refused(
                Text(QT_TRANSLATE_NOOP("services", "move to {folder}"), folder=Verbatim(folder)),
                before, exc) from exc
        await asyncio.to_thread(self.cache.forget, before)
        try:
            confirmed = optimistic.then(await self._reload(before.mailbox))
        except UserFacingError as exc:
            # The move happened; only the renumbering check failed. Keep the guess.
            log.warning("Could not re-read mailbox %s after a move: %s", before.mailbox, exc)
            confirmed = optimistic
        moved = await self._find_moved(after) or after
        return replace(confirmed, subject=moved)

    async def _reload(self, mailbox: str) -> MessageChanges:
        rows = await self._api.get_voicemail_messages(mailbox)
        return self._emit(MessageChanges.of(await self._store.save_messages(mailbox, rows)))

    async def _find_moved(self, guess: VoicemailMessage) -> VoicemailMessage | None:
        for candidate in await self._store.messages(guess.mailbox, guess.folder):
            same = (candidate.date, candidate.caller_number, candidate.duration_seconds)
            if same == (guess.date, guess.caller_number, guess.duration_seconds):
                return candidate
        return None

    async def delete(self, message: VoicemailMessage) -> MessageChanges:
        async with self._edit_lock:
            before = await self._current(message)
            removed = self._emit(MessageChanges.of(await self._store.remove(before)))
        try:
            await self._api.delete_voicemail(before.mailbox, before.folder, before.message_num)
        except UserFacingError as exc:
            await self._put_back(before, unless_changed_from=None)
            raise await self._refused(QT_TRANSLATE_NOOP("services", "delete"), before, exc) from exc
        await asyncio.to_thread(self.cache.forget, before)
        return removed

    async def send_email(self, message: VoicemailMessage, address: str) -> None:
        address = address.strip()
        if not _EMAIL.match(address):
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "“{address}” is not an e-mail address.",
                ),
                address=address,
            ))
        before = await self._current(message)
        try:
            await self._api.send_voicemail_email(
                before.mailbox, before.folder, before.message_num, address
            )
        except UserFacingError as exc:
            raise await self._refused(
                Text(QT_TRANSLATE_NOOP("services", "e-mail to {address}"), address=Verbatim(
                    address)),
                before, exc) from exc

    # --- audio (see audio.AudioFetcher) -----------------------------------------------

    async def audio_for(
        self, message: VoicemailMessage, fmt: AudioFormat = AudioFormat.MP3, *, exact: bool = False
    ) -> Path:
        """A local file with the recording: from the cache, or one API call."""
        return await self.audio.audio_for(message, fmt, exact=exact)

    def forget_audio(self, message: VoicemailMessage) -> None:
        """Drop the cached recording (found unplayable): the next play fetches it again."""
        self.cache.forget(message)

    async def save_audio(self, message: VoicemailMessage, destination: Path) -> Path:
        return await self.audio.save_as(message, destination)
