"""The voicemail service's store port on the app's SQLite database.

One ``db.run`` per operation, on the database thread: loading the whole
snapshot (mailboxes, folders, messages, phonebook names) is a single hop so the
tab paints from the cache in one go.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.models.messages import PhonebookEntry
from app.domain.models.voicemail import Mailbox, VoicemailFolder, VoicemailMessage
from app.services.voicemail.ports import VoicemailSnapshot
from app.store import phonebook
from app.store import voicemail as vm
from app.store.db import Connection, Database


def _load(conn: Connection) -> VoicemailSnapshot:
    boxes = vm.list_mailboxes(conn)
    return VoicemailSnapshot(
        mailboxes=boxes,
        folders={b.mailbox: vm.list_folders(conn, b.mailbox) for b in boxes},
        messages={b.mailbox: vm.list_messages(conn, b.mailbox) for b in boxes},
        names=phonebook.all_names(conn),
    )


class DbVoicemailStore:
    """``VoicemailStore`` on ``app.store.voicemail`` and ``app.store.phonebook``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self) -> VoicemailSnapshot:
        return await self.db.run(_load)

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> None:
        await self.db.run(vm.replace_mailboxes, list(mailboxes))

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> None:
        await self.db.run(vm.replace_folders, mailbox, list(folders))

    async def save_messages(self, mailbox: str, messages: Sequence[VoicemailMessage]) -> None:
        await self.db.run(vm.replace_mailbox_messages, mailbox, list(messages))

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> None:
        await self.db.run(phonebook.replace_phonebook, list(entries))
