"""The voicemail service's store port on the app's SQLite database.

One ``db.run`` per operation, on the database thread: each write and the read
of what it changed (rows, the mailbox's counts, the badge total) happen in the
same hop, so the tab's first paint and every change cost one trip to the
worker, and the GUI thread never waits on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.domain.models.messages import PhonebookEntry
from app.domain.models.voicemail import Mailbox, VoicemailFolder, VoicemailMessage
from app.services.voicemail.read_models import (
    Key,
    MailboxSummary,
    MessageChanges,
    Overview,
    default_folders,
    phonebook_names,
)
from app.store import phonebook
from app.store import voicemail as vm
from app.store.db import Connection, Database


def _summary(conn: Connection, box: Mailbox) -> MailboxSummary:
    counts = vm.folder_counts(conn, box.mailbox)
    if counts:
        # The stored messages may be newer than the provider's counts (a change
        # made since): the counts describe the list the user sees.
        new = sum(unheard for unheard, _ in counts.values())
        urgent = sum(flagged for _, flagged in counts.values())
        box = replace(box, new=new, urgent=urgent)
    folders = tuple(vm.list_folders(conn, box.mailbox)) or default_folders()
    unheard = {folder: c[0] for folder, c in counts.items() if c[0]}
    return MailboxSummary(box, folders, unheard)


def _overview(conn: Connection) -> Overview:
    summaries = tuple(_summary(conn, box) for box in vm.list_mailboxes(conn))
    return Overview(summaries, phonebook.all_names(conn))


def _changes(
    conn: Connection,
    mailbox: str,
    changed: Sequence[VoicemailMessage],
    removed: Sequence[Key],
) -> MessageChanges:
    """The change set of a write to ``mailbox``, with its counts recounted and kept."""
    overview = _overview(conn)
    summary = overview.summary(mailbox)
    if summary is not None:
        # Kept so a mailbox emptied here reads 0, not the provider's last count.
        vm.set_mailbox_counts(conn, mailbox, summary.box.new, summary.box.urgent)
    return MessageChanges(
        mailbox, tuple(changed), tuple(removed), summary, overview.unread_total
    )


def _save_messages(
    conn: Connection, mailbox: str, rows: list[VoicemailMessage]
) -> MessageChanges:
    result = vm.replace_mailbox_messages(conn, mailbox, rows)
    return _changes(
        conn, mailbox, result.inserted + result.changed, [m.key for m in result.removed]
    )


def _put(conn: Connection, message: VoicemailMessage, remove: Key | None) -> MessageChanges:
    vm.put_message(conn, message, remove=remove)
    stored = vm.get_message(conn, message.key) or message
    gone = [remove] if remove is not None and remove != message.key else []
    return _changes(conn, message.mailbox, [stored], gone)


def _remove(conn: Connection, message: VoicemailMessage) -> MessageChanges:
    vm.delete_message(conn, message.key)
    return _changes(conn, message.mailbox, [], [message.key])


def _save_mailboxes(conn: Connection, boxes: list[Mailbox]) -> list[MessageChanges]:
    known = {box.mailbox for box in vm.list_mailboxes(conn)}
    vm.replace_mailboxes(conn, boxes)
    gone = known - {box.mailbox for box in boxes}
    dropped: list[MessageChanges] = []
    for mailbox in sorted(gone):
        result = vm.replace_mailbox_messages(conn, mailbox, [])
        vm.replace_folders(conn, mailbox, [])
        dropped.append(MessageChanges(mailbox, removed=tuple(m.key for m in result.removed)))
    return dropped


def _save_folders(conn: Connection, mailbox: str, folders: list[VoicemailFolder]) -> bool:
    if vm.list_folders(conn, mailbox) == folders:
        return False
    vm.replace_folders(conn, mailbox, folders)
    return True


def _save_phonebook(conn: Connection, entries: list[PhonebookEntry]) -> dict[str, str]:
    phonebook.replace_phonebook(conn, entries)
    return phonebook_names(entries)


class DbVoicemailStore:
    """``VoicemailStore`` on ``app.store.voicemail`` and ``app.store.phonebook``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def overview(self) -> Overview:
        return await self.db.run(_overview)

    async def messages(self, mailbox: str, folder: str | None = None) -> list[VoicemailMessage]:
        return await self.db.run(vm.list_messages, mailbox, folder)

    async def message(self, key: Key) -> VoicemailMessage | None:
        return await self.db.run(vm.get_message, key)

    async def names(self) -> dict[str, str]:
        return await self.db.run(phonebook.all_names)

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> list[MessageChanges]:
        return await self.db.run(_save_mailboxes, list(mailboxes))

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> bool:
        return await self.db.run(_save_folders, mailbox, list(folders))

    async def save_messages(
        self, mailbox: str, messages: Sequence[VoicemailMessage]
    ) -> MessageChanges:
        return await self.db.run(_save_messages, mailbox, list(messages))

    async def put(self, message: VoicemailMessage, *, remove: Key | None = None) -> MessageChanges:
        return await self.db.run(_put, message, remove)

    async def remove(self, message: VoicemailMessage) -> MessageChanges:
        return await self.db.run(_remove, message)

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> dict[str, str]:
        return await self.db.run(_save_phonebook, list(entries))
