"""Voicemail: mailboxes, their folders and messages; ``VoicemailRepo``, the voicemail
service's store.

Messages are keyed (mailbox, folder, message_num) like the API. The provider
renumbers a folder when a message leaves it, so :func:`replace_mailbox_messages`
compares content, not only keys: a number whose caller/date/duration changed is
another message (reported as changed). The recordings themselves are cached on
disk by the service (``app/services/voicemail/audio.py``), not here.

``VoicemailRepo`` satisfies the service's port
(``app/services/voicemail/ports.py: VoicemailStore``) structurally. One
``db.run`` per operation, on the database thread: each write and the read of
what it changed (rows, the mailbox's counts, the badge total) happen in the same
hop and the same transaction, so the tab's first paint and every change cost
one trip to the worker, and the GUI thread never waits on SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace

from app.domain.models.messages import PhonebookEntry
from app.domain.models.voicemail import (
    Mailbox,
    MailboxSummary,
    Overview,
    StoredChange,
    VoicemailFolder,
    VoicemailKey,
    VoicemailMessage,
    default_folders,
    phonebook_names,
)
from app.domain.phone import normalize
from app.store import phonebook
from app.store.db import Database, transaction
from app.store.rows import ReplaceResult, dumps, loads, opt_from_epoch, opt_to_epoch

# --- mailboxes and folders -------------------------------------------------------------


def replace_mailboxes(conn: sqlite3.Connection, mailboxes: Sequence[Mailbox]) -> None:
    with transaction(conn):
        keep = [m.mailbox for m in mailboxes]
        conn.execute(
            f"DELETE FROM vm_mailboxes WHERE mailbox NOT IN ({','.join('?' * len(keep))})", keep
        )
        conn.executemany(
            "INSERT OR REPLACE INTO vm_mailboxes (mailbox, name, new, urgent, email, raw,"
            " position) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.mailbox, m.name, m.new, m.urgent, m.email, dumps(m.raw), i)
             for i, m in enumerate(mailboxes)],
        )


def list_mailboxes(conn: sqlite3.Connection) -> list[Mailbox]:
    rows = conn.execute("SELECT * FROM vm_mailboxes ORDER BY position, mailbox").fetchall()
    return [
        Mailbox(r["mailbox"], r["name"], int(r["new"]), int(r["urgent"]), r["email"],
                loads(r["raw"], {}))
        for r in rows
    ]


def replace_folders(
    conn: sqlite3.Connection, mailbox: str, folders: Sequence[VoicemailFolder]
) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM vm_folders WHERE mailbox = ?", (mailbox,))
        conn.executemany(
            "INSERT OR REPLACE INTO vm_folders (mailbox, value, description, position)"
            " VALUES (?, ?, ?, ?)",
            [(mailbox, f.value, f.description, i) for i, f in enumerate(folders)],
        )


def list_folders(conn: sqlite3.Connection, mailbox: str) -> list[VoicemailFolder]:
    rows = conn.execute(
        "SELECT value, description FROM vm_folders WHERE mailbox = ? ORDER BY position",
        (mailbox,),
    ).fetchall()
    return [VoicemailFolder(r["value"], r["description"]) for r in rows]


# --- messages -------------------------------------------------------------------------


def _message(row: sqlite3.Row) -> VoicemailMessage:
    return VoicemailMessage(
        mailbox=row["mailbox"],
        folder=row["folder"],
        message_num=int(row["message_num"]),
        date=opt_from_epoch(row["date"]),
        caller_name=row["caller_name"],
        caller_number=row["caller_number"],
        duration_seconds=int(row["duration"]),
        urgent=bool(row["urgent"]),
        listened=bool(row["listened"]),
    )


def _clean(m: VoicemailMessage) -> VoicemailMessage:
    return replace(m, caller_number=normalize(m.caller_number) or m.caller_number)


def _upsert(conn: sqlite3.Connection, m: VoicemailMessage) -> None:
    conn.execute(
        "INSERT INTO vm_messages (mailbox, folder, message_num, date, caller_name,"
        " caller_number, duration, urgent, listened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (mailbox, folder, message_num) DO UPDATE SET date = excluded.date,"
        " caller_name = excluded.caller_name, caller_number = excluded.caller_number,"
        " duration = excluded.duration, urgent = excluded.urgent, listened = excluded.listened",
        (m.mailbox, m.folder, m.message_num, opt_to_epoch(m.date), m.caller_name,
         m.caller_number, m.duration_seconds, int(m.urgent), int(m.listened)),
    )


def replace_mailbox_messages(
    conn: sqlite3.Connection, mailbox: str, rows: Iterable[VoicemailMessage]
) -> ReplaceResult[VoicemailMessage]:
    """Make the stored messages of ``mailbox`` (every folder) equal to the provider's
    list; report the differences."""
    result: ReplaceResult[VoicemailMessage] = ReplaceResult()
    with transaction(conn):
        stored = {
            (m.mailbox, m.folder, m.message_num): m
            for m in map(_message, conn.execute(
                "SELECT * FROM vm_messages WHERE mailbox = ?", (mailbox,)))
        }
        fresh = {m.key: m for m in map(_clean, rows)}
        for key, old in stored.items():
            if key not in fresh:
                conn.execute(
                    "DELETE FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?",
                    key,
                )
                result.removed.append(old)
        for key, new in fresh.items():
            old_message = stored.get(key)
            if old_message is None:
                _upsert(conn, new)
                result.inserted.append(new)
            elif old_message != new:
                _upsert(conn, new)
                result.changed.append(new)
    return result


def list_messages(
    conn: sqlite3.Connection, mailbox: str | None = None, folder: str | None = None
) -> list[VoicemailMessage]:
    """Newest first."""
    where, params = [], []
    if mailbox is not None:
        where.append("mailbox = ?")
        params.append(mailbox)
    if folder is not None:
        where.append("folder = ?")
        params.append(folder)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"SELECT * FROM vm_messages {clause} ORDER BY date DESC, mailbox, folder, message_num",
        params,
    ).fetchall()
    return [_message(r) for r in rows]


def get_message(conn: sqlite3.Connection, key: VoicemailKey) -> VoicemailMessage | None:
    row = conn.execute(
        "SELECT * FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?", key
    ).fetchone()
    return None if row is None else _message(row)


def delete_message(conn: sqlite3.Connection, key: VoicemailKey) -> bool:
    """Forget a message; ``True`` when it was stored."""
    with transaction(conn):
        cursor = conn.execute(
            "DELETE FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?", key
        )
    return cursor.rowcount > 0


def put_message(
    conn: sqlite3.Connection, message: VoicemailMessage, *, remove: VoicemailKey | None = None
) -> None:
    """Store one message as it is now (a flag change, or a move when ``remove`` is the
    key it had); the voicemail service's optimistic changes and their roll-backs."""
    with transaction(conn):
        if remove is not None and remove != message.key:
            conn.execute(
                "DELETE FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?",
                remove,
            )
        _upsert(conn, _clean(message))


def set_mailbox_counts(conn: sqlite3.Connection, mailbox: str, new: int, urgent: int) -> None:
    """Counts of a mailbox as its stored messages give them (after a change made here)."""
    with transaction(conn):
        conn.execute(
            "UPDATE vm_mailboxes SET new = ?, urgent = ? WHERE mailbox = ?",
            (new, urgent, mailbox),
        )


def folder_counts(conn: sqlite3.Connection, mailbox: str) -> dict[str, tuple[int, int]]:
    """Folder -> (unheard, urgent) over the stored messages of ``mailbox`` (empty
    folders are absent); what the mailbox tree shows beside each folder."""
    rows = conn.execute(
        "SELECT folder, sum(listened = 0), sum(urgent != 0) FROM vm_messages"
        " WHERE mailbox = ? GROUP BY folder",
        (mailbox,),
    ).fetchall()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


# --- the service's store: reads and writes with what they changed ----------------------


def _summary(conn: sqlite3.Connection, box: Mailbox) -> MailboxSummary:
    counts = folder_counts(conn, box.mailbox)
    if counts:
        # The stored messages may be newer than the provider's counts (a change
        # made since): the counts describe the list the user sees.
        new = sum(unheard for unheard, _ in counts.values())
        urgent = sum(flagged for _, flagged in counts.values())
        box = replace(box, new=new, urgent=urgent)
    folders = tuple(list_folders(conn, box.mailbox)) or default_folders()
    unheard = {folder: c[0] for folder, c in counts.items() if c[0]}
    return MailboxSummary(box, folders, unheard)


def overview(conn: sqlite3.Connection) -> Overview:
    """Every mailbox with its folders and counts, and the phonebook names."""
    summaries = tuple(_summary(conn, box) for box in list_mailboxes(conn))
    return Overview(summaries, phonebook.all_names(conn))


def _changed(
    conn: sqlite3.Connection,
    mailbox: str,
    changed: Sequence[VoicemailMessage],
    removed: Sequence[VoicemailKey],
) -> StoredChange:
    """What a write to ``mailbox`` did, with its counts recounted and kept."""
    now = overview(conn)
    summary = now.summary(mailbox)
    if summary is not None:
        # Kept so a mailbox emptied here reads 0, not the provider's last count.
        set_mailbox_counts(conn, mailbox, summary.box.new, summary.box.urgent)
    return StoredChange(mailbox, tuple(changed), tuple(removed), summary, now.unread_total)


def save_messages(
    conn: sqlite3.Connection, mailbox: str, rows: Sequence[VoicemailMessage]
) -> StoredChange:
    """The provider's messages of ``mailbox``; what changed, with the new counts."""
    with transaction(conn):
        result = replace_mailbox_messages(conn, mailbox, rows)
        return _changed(
            conn, mailbox, result.inserted + result.changed, [m.key for m in result.removed]
        )


def put(
    conn: sqlite3.Connection, message: VoicemailMessage, remove: VoicemailKey | None
) -> StoredChange:
    """One message as it is now (``remove``: its key before a move), as stored."""
    with transaction(conn):
        put_message(conn, message, remove=remove)
        stored = get_message(conn, message.key) or message
        gone = [remove] if remove is not None and remove != message.key else []
        return _changed(conn, message.mailbox, [stored], gone)


def remove(conn: sqlite3.Connection, message: VoicemailMessage) -> StoredChange:
    with transaction(conn):
        delete_message(conn, message.key)
        return _changed(conn, message.mailbox, [], [message.key])


def save_mailboxes(conn: sqlite3.Connection, boxes: Sequence[Mailbox]) -> list[StoredChange]:
    """The provider's mailbox list; returns what left with mailboxes that are gone."""
    with transaction(conn):
        known = {box.mailbox for box in list_mailboxes(conn)}
        replace_mailboxes(conn, boxes)
        gone = known - {box.mailbox for box in boxes}
        dropped: list[StoredChange] = []
        for mailbox in sorted(gone):
            result = replace_mailbox_messages(conn, mailbox, [])
            replace_folders(conn, mailbox, [])
            dropped.append(StoredChange(mailbox, removed=tuple(m.key for m in result.removed)))
        return dropped


def save_folders(
    conn: sqlite3.Connection, mailbox: str, folders: Sequence[VoicemailFolder]
) -> bool:
    """``True`` when ``folders`` differ from the stored ones (then they are stored)."""
    if list_folders(conn, mailbox) == list(folders):
        return False
    replace_folders(conn, mailbox, folders)
    return True


def save_phonebook(conn: sqlite3.Connection, entries: Sequence[PhonebookEntry]) -> dict[str, str]:
    phonebook.replace_phonebook(conn, entries)
    return phonebook_names(entries)


class VoicemailRepo:
    """The voicemail service's store (``VoicemailStore``): one ``db.run`` per call."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def overview(self) -> Overview:
        return await self.db.run(overview)

    async def messages(self, mailbox: str, folder: str | None = None) -> list[VoicemailMessage]:
        return await self.db.run(list_messages, mailbox, folder)

    async def message(self, key: VoicemailKey) -> VoicemailMessage | None:
        return await self.db.run(get_message, key)

    async def names(self) -> dict[str, str]:
        return await self.db.run(phonebook.all_names)

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> list[StoredChange]:
        return await self.db.run(save_mailboxes, list(mailboxes))

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> bool:
        return await self.db.run(save_folders, mailbox, list(folders))

    async def save_messages(
        self, mailbox: str, messages: Sequence[VoicemailMessage]
    ) -> StoredChange:
        return await self.db.run(save_messages, mailbox, list(messages))

    async def put(
        self, message: VoicemailMessage, *, remove: VoicemailKey | None = None
    ) -> StoredChange:
        return await self.db.run(put, message, remove)

    async def remove(self, message: VoicemailMessage) -> StoredChange:
        return await self.db.run(remove, message)

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> dict[str, str]:
        return await self.db.run(save_phonebook, list(entries))
