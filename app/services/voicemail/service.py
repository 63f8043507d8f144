"""The voicemail service: mailboxes, folders, messages, audio, and every action.

State lives here (one dict of messages per mailbox); the tab's Qt models
follow it through signals and update themselves incrementally.

Every change is *optimistic*: the new state is announced before the API call;
when the provider refuses, the previous state is put back, announced again,
and a ``UserFacingError`` names the message and the provider's reason.

Audio is fetched once per message and format (``getVoicemailMessageFile``;
the typed API decodes its line-wrapped base64) and cached on disk; concurrent
requests for the same recording (a double click) share one API call.

Signals:
    mailboxes_changed(): the mailbox list or its new/urgent counts changed.
    folders_changed(str): the folder list of a mailbox changed.
    messages_changed(str): messages of a mailbox were added, changed or removed.
    unread_changed(int): total unheard messages over all mailboxes (tab badge).
    new_voicemail(list): messages that arrived since the previous check.
    names_changed(): phonebook names changed (caller labels need a repaint).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.domain.errors import UserFacingError
from app.domain.models.voicemail import AudioFormat, Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.phone import format_number, normalize
from app.services.voicemail.audio import AudioCache, AudioFetcher
from app.services.voicemail.ports import VoicemailApi, VoicemailStore, phonebook_names

log = logging.getLogger(__name__)

Key = tuple[str, str, int]

#: Folders every VoIP.ms mailbox has; shown before ``getVoicemailFolders`` answers.
DEFAULT_FOLDERS = ("INBOX", "Old", "Urgent", "Work", "Family", "Friends")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def identity(message: VoicemailMessage) -> tuple[object, ...]:
    """What makes a recording itself, beyond its (reusable) number."""
    return (message.key, message.date, message.caller_number, message.duration_seconds)


def count_unheard(messages: Iterable[VoicemailMessage]) -> tuple[int, int]:
    """``(new, urgent)`` as ``getVoicemails`` counts them: unheard, and urgent."""
    new = urgent = 0
    for message in messages:
        new += not message.listened
        urgent += message.urgent
    return new, urgent


class ActionRefused(UserFacingError):
    """The provider refused a change; the list shows the previous state again."""


class VoicemailService(QObject):
    mailboxes_changed = Signal()
    folders_changed = Signal(str)
    messages_changed = Signal(str)
    unread_changed = Signal(int)
    new_voicemail = Signal(list)
    names_changed = Signal()

    def __init__(
        self,
        api: VoicemailApi,
        store: VoicemailStore,
        cache_dir: Path,
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._store = store
        self.cache = AudioCache(cache_dir)
        self.audio = AudioFetcher(api, self.cache)
        self._mailboxes: dict[str, Mailbox] = {}
        self._folders: dict[str, list[VoicemailFolder]] = {}
        self._messages: dict[str, dict[Key, VoicemailMessage]] = {}
        #: Mailboxes whose messages came from the API at least once this session:
        #: only arrivals after that are "new" (no notification flood at start-up).
        self._seen_live: set[str] = set()
        self._names: dict[str, str] = {}

    # --- reading state ------------------------------------------------------------

    def mailboxes(self) -> list[Mailbox]:
        return list(self._mailboxes.values())

    def mailbox(self, mailbox: str) -> Mailbox | None:
        return self._mailboxes.get(mailbox)

    def folders(self, mailbox: str) -> list[VoicemailFolder]:
        known = self._folders.get(mailbox)
        if known:
            return list(known)
        return [VoicemailFolder(name, name) for name in DEFAULT_FOLDERS]

    def messages(self, mailbox: str, folder: str | None = None) -> list[VoicemailMessage]:
        rows = self._messages.get(mailbox, {}).values()
        return [m for m in rows if folder is None or m.folder == folder]

    def message(self, key: Key) -> VoicemailMessage | None:
        return self._messages.get(key[0], {}).get(key)

    def name_for(self, number: str) -> str:
        """The phonebook name of ``number``, or an empty string."""
        return self._names.get(normalize(number), "")

    def caller_name(self, message: VoicemailMessage) -> str:
        """Phonebook name, else the caller-id name; empty for an unknown caller."""
        return self.name_for(message.caller_number) or message.caller_name

    def caller_label(self, message: VoicemailMessage) -> str:
        """Phonebook name, else the caller-id name, else the formatted number."""
        return (
            self.name_for(message.caller_number)
            or message.caller_name
            or format_number(message.caller_number)
            or "Unknown caller"
        )

    def unread_total(self) -> int:
        return sum(box.new for box in self._mailboxes.values())

    # --- loading --------------------------------------------------------------------

    async def load_cached(self) -> None:
        """Fill the state from the store (no network): the tab paints at once."""
        snapshot = await self._store.load()
        self._names = dict(snapshot.names)
        self.names_changed.emit()
        self._mailboxes = {box.mailbox: box for box in snapshot.mailboxes}
        self._folders = {k: list(v) for k, v in snapshot.folders.items()}
        self._messages = {box: {m.key: m for m in rows} for box, rows in snapshot.messages.items()}
        # Stored counts are the provider's as last fetched; the stored messages
        # may be newer (changes made since), and they are what the list shows.
        for name, box in self._mailboxes.items():
            if name in self._messages:
                new, urgent = count_unheard(self._messages[name].values())
                self._mailboxes[name] = replace(box, new=new, urgent=urgent)
        self.mailboxes_changed.emit()
        for name in self._mailboxes:
            self.folders_changed.emit(name)
            self.messages_changed.emit(name)
        self.unread_changed.emit(self.unread_total())

    async def refresh(self) -> list[VoicemailMessage]:
        """Everything from the API: mailboxes, folders, messages, phonebook names.

        Returns the messages that arrived since the previous refresh or check.
        """
        await self._refresh_names()
        boxes = await self._api.get_voicemails()
        await self._replace_mailboxes(boxes)
        arrived: list[VoicemailMessage] = []
        for box in boxes:
            folders = await self._api.get_voicemail_folders(box.mailbox)
            if folders != self._folders.get(box.mailbox):
                self._folders[box.mailbox] = list(folders)
                await self._store.save_folders(box.mailbox, folders)
                self.folders_changed.emit(box.mailbox)
            arrived += await self._reload_messages(box.mailbox)
        self._announce(arrived)
        return arrived

    async def check_new(self) -> list[VoicemailMessage]:
        """The periodic check: one cheap call, messages only for mailboxes that changed."""
        boxes = await self._api.get_voicemails()
        previous = dict(self._mailboxes)
        await self._replace_mailboxes(boxes)
        arrived: list[VoicemailMessage] = []
        for box in boxes:
            before = previous.get(box.mailbox)
            counts_moved = before is None or (before.new, before.urgent) != (box.new, box.urgent)
            if counts_moved or box.mailbox not in self._seen_live:
                arrived += await self._reload_messages(box.mailbox)
        self._announce(arrived)
        return arrived

    async def _refresh_names(self) -> None:
        # Names are a nicety: a failing phonebook must not hide the voicemail.
        try:
            entries = await self._api.get_phonebook()
        except UserFacingError as exc:
            log.warning("Phonebook unavailable, showing numbers only: %s", exc.message)
            return
        await self._store.save_phonebook(entries)
        names = phonebook_names(entries)
        if names != self._names:
            self._names = names
            self.names_changed.emit()

    async def _replace_mailboxes(self, boxes: list[Mailbox]) -> None:
        merged: dict[str, Mailbox] = {}
        for box in boxes:
            merged[box.mailbox] = box
        for gone in set(self._messages) - set(merged):
            del self._messages[gone]
            self.messages_changed.emit(gone)
        self._mailboxes = merged
        await self._store.save_mailboxes(boxes)
        self._emit_counts()

    async def _reload_messages(self, mailbox: str) -> list[VoicemailMessage]:
        """All folders of ``mailbox`` from the API; returns the arrivals."""
        rows = await self._api.get_voicemail_messages(mailbox)
        old = self._messages.get(mailbox, {})
        known = {identity(m) for m in old.values()}
        arrived = [m for m in rows if identity(m) not in known and not m.listened]
        live_before = mailbox in self._seen_live
        self._seen_live.add(mailbox)
        fresh = {m.key: m for m in rows}
        changed = fresh != old
        self._messages[mailbox] = fresh
        # Saved even when equal to what is shown: an optimistic change (a move)
        # may be shown but not stored yet. The store diffs rows itself.
        await self._store.save_messages(mailbox, rows)
        if changed:
            self.messages_changed.emit(mailbox)
        self._recount(mailbox)
        return arrived if live_before else []

    def _announce(self, arrived: list[VoicemailMessage]) -> None:
        if arrived:
            self.new_voicemail.emit(arrived)

    # --- counts ---------------------------------------------------------------------

    def _recount(self, mailbox: str) -> None:
        """New/urgent of ``mailbox`` from its messages, once they are known."""
        box = self._mailboxes.get(mailbox)
        if box is None or mailbox not in self._messages:
            return
        new, urgent = count_unheard(self._messages[mailbox].values())
        if (new, urgent) != (box.new, box.urgent):
            self._mailboxes[mailbox] = replace(box, new=new, urgent=urgent)
            self._emit_counts()

    def _emit_counts(self) -> None:
        self.mailboxes_changed.emit()
        self.unread_changed.emit(self.unread_total())

    # --- optimistic changes -----------------------------------------------------------

    def _put(self, message: VoicemailMessage, *, remove: Key | None = None) -> None:
        rows = self._messages.setdefault(message.mailbox, {})
        if remove is not None:
            rows.pop(remove, None)
        rows[message.key] = message
        self.messages_changed.emit(message.mailbox)
        self._recount(message.mailbox)

    def _drop(self, message: VoicemailMessage) -> None:
        self._messages.get(message.mailbox, {}).pop(message.key, None)
        self.messages_changed.emit(message.mailbox)
        self._recount(message.mailbox)

    def _current(self, message: VoicemailMessage) -> VoicemailMessage:
        current = self.message(message.key)
        if current is None:
            raise UserFacingError(
                "This voicemail is no longer in the list; it may have been moved or deleted."
            )
        return current

    def _refused(self, what: str, message: VoicemailMessage, exc: UserFacingError) -> ActionRefused:
        caller = self.caller_label(message)
        return ActionRefused(
            f"Could not {what} the voicemail from {caller}: {exc.message}", detail=exc.detail
        )

    async def _persist(self, mailbox: str) -> None:
        await self._store.save_messages(mailbox, self.messages(mailbox))

    async def set_listened(self, message: VoicemailMessage, listened: bool) -> None:
        before = self._current(message)
        if before.listened == listened:
            return
        after = replace(before, listened=listened)
        self._put(after)
        try:
            await self._api.mark_listened(
                before.mailbox, before.folder, before.message_num, listened
            )
        except UserFacingError as exc:
            if self.message(before.key) == after:
                self._put(before)
            verb = "mark as heard" if listened else "mark as unheard"
            raise self._refused(verb, before, exc) from exc
        await self._persist(before.mailbox)

    async def set_urgent(self, message: VoicemailMessage, urgent: bool) -> None:
        before = self._current(message)
        if before.urgent == urgent:
            return
        after = replace(before, urgent=urgent)
        self._put(after)
        try:
            await self._api.mark_urgent(before.mailbox, before.folder, before.message_num, urgent)
        except UserFacingError as exc:
            if self.message(before.key) == after:
                self._put(before)
            verb = "mark as urgent" if urgent else "remove the urgent mark from"
            raise self._refused(verb, before, exc) from exc
        await self._persist(before.mailbox)

    async def move(self, message: VoicemailMessage, folder: str) -> VoicemailMessage:
        """Move to ``folder``; returns the message as the provider numbered it."""
        before = self._current(message)
        if before.folder == folder:
            return before
        # The provider numbers moved messages after the last one of the target
        # folder; guess the same so the list rarely changes when it confirms.
        taken = [m.message_num for m in self.messages(before.mailbox, folder)]
        after = replace(before, folder=folder, message_num=max(taken, default=0) + 1)
        self._put(after, remove=before.key)
        try:
            await self._api.move_voicemail(
                before.mailbox, before.folder, before.message_num, folder
            )
        except UserFacingError as exc:
            if self.message(after.key) == after:
                self._drop(after)
                self._put(before)
            raise self._refused(f"move to {folder}", before, exc) from exc
        self.cache.forget(before)
        try:
            await self._reload_messages(before.mailbox)
        except UserFacingError as exc:
            # The move happened; only the renumbering check failed. Keep the guess.
            log.warning("Could not re-read mailbox %s after a move: %s", before.mailbox, exc)
            await self._persist(before.mailbox)
        return self._find_moved(after) or after

    def _find_moved(self, guess: VoicemailMessage) -> VoicemailMessage | None:
        for candidate in self.messages(guess.mailbox, guess.folder):
            same = (candidate.date, candidate.caller_number, candidate.duration_seconds)
            if same == (guess.date, guess.caller_number, guess.duration_seconds):
                return candidate
        return None

    async def delete(self, message: VoicemailMessage) -> None:
        before = self._current(message)
        self._drop(before)
        try:
            await self._api.delete_voicemail(before.mailbox, before.folder, before.message_num)
        except UserFacingError as exc:
            if self.message(before.key) is None:
                self._put(before)
            raise self._refused("delete", before, exc) from exc
        await asyncio.to_thread(self.cache.forget, before)
        await self._persist(before.mailbox)

    async def send_email(self, message: VoicemailMessage, address: str) -> None:
        address = address.strip()
        if not _EMAIL.match(address):
            raise UserFacingError(f"“{address}” is not an e-mail address.")
        before = self._current(message)
        try:
            await self._api.send_voicemail_email(
                before.mailbox, before.folder, before.message_num, address
            )
        except UserFacingError as exc:
            raise self._refused(f"e-mail to {address}", before, exc) from exc

    # --- audio (see voicemail_audio.AudioFetcher) ------------------------------------

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
