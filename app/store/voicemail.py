"""Voicemail: mailboxes, their folders, messages and the cached audio file.

Messages are keyed (mailbox, folder, message_num) like the API. The provider
renumbers a folder when a message leaves it, so :func:`replace_folder` compares
content, not only keys: a number whose caller/date/duration changed is another
message, and its cached audio path is dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace

from app.domain.models.voicemail import AudioFormat, Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.phone import normalize
from app.store.db import Database, transaction
from app.store.rows import ReplaceResult, dumps, loads, opt_from_epoch, opt_to_epoch

VmKey = tuple[str, str, int]


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


def _identity(m: VoicemailMessage) -> tuple[object, ...]:
    """What makes a recording the same recording (flags may change, these do not)."""
    return (opt_to_epoch(m.date), m.caller_number, m.duration_seconds)


def _clean(m: VoicemailMessage) -> VoicemailMessage:
    return replace(m, caller_number=normalize(m.caller_number) or m.caller_number)


def _upsert(conn: sqlite3.Connection, m: VoicemailMessage, *, drop_audio: bool) -> None:
    conn.execute(
        "INSERT INTO vm_messages (mailbox, folder, message_num, date, caller_name,"
        " caller_number, duration, urgent, listened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (mailbox, folder, message_num) DO UPDATE SET date = excluded.date,"
        " caller_name = excluded.caller_name, caller_number = excluded.caller_number,"
        " duration = excluded.duration, urgent = excluded.urgent, listened = excluded.listened,"
        " audio_path = CASE WHEN ? THEN NULL ELSE audio_path END,"
        " audio_format = CASE WHEN ? THEN NULL ELSE audio_format END",
        (m.mailbox, m.folder, m.message_num, opt_to_epoch(m.date), m.caller_name,
         m.caller_number, m.duration_seconds, int(m.urgent), int(m.listened),
         int(drop_audio), int(drop_audio)),
    )


def _replace_where(
    conn: sqlite3.Connection, where: str, params: Sequence[object],
    rows: Iterable[VoicemailMessage],
) -> ReplaceResult[VoicemailMessage]:
    result: ReplaceResult[VoicemailMessage] = ReplaceResult()
    with transaction(conn):
        stored = {
            (m.mailbox, m.folder, m.message_num): m
            for m in map(_message, conn.execute(f"SELECT * FROM vm_messages WHERE {where}", params))
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
                _upsert(conn, new, drop_audio=True)
                result.inserted.append(new)
            elif old_message != new:
                _upsert(conn, new, drop_audio=_identity(old_message) != _identity(new))
                result.changed.append(new)
    return result


def replace_folder(
    conn: sqlite3.Connection, mailbox: str, folder: str, rows: Iterable[VoicemailMessage]
) -> ReplaceResult[VoicemailMessage]:
    """Make the stored folder equal to the provider's list; report the differences."""
    return _replace_where(conn, "mailbox = ? AND folder = ?", (mailbox, folder), rows)


def replace_mailbox_messages(
    conn: sqlite3.Connection, mailbox: str, rows: Iterable[VoicemailMessage]
) -> ReplaceResult[VoicemailMessage]:
    """Same as :func:`replace_folder` for every folder of a mailbox at once."""
    return _replace_where(conn, "mailbox = ?", (mailbox,), rows)


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


def get_message(conn: sqlite3.Connection, key: VmKey) -> VoicemailMessage | None:
    row = conn.execute(
        "SELECT * FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?", key
    ).fetchone()
    return None if row is None else _message(row)


def set_flags(
    conn: sqlite3.Connection, key: VmKey, *, listened: bool | None = None,
    urgent: bool | None = None,
) -> bool:
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE vm_messages SET listened = coalesce(?, listened), urgent = coalesce(?, urgent)"
            " WHERE mailbox = ? AND folder = ? AND message_num = ?",
            (None if listened is None else int(listened), None if urgent is None else int(urgent),
             *key),
        )
    return cursor.rowcount > 0


def delete_message(conn: sqlite3.Connection, key: VmKey) -> str | None:
    """Forget a message; returns its cached audio path (for the caller to delete)."""
    with transaction(conn):
        row = conn.execute(
            "DELETE FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?"
            " RETURNING audio_path",
            key,
        ).fetchone()
    return None if row is None else row[0]


def set_audio_path(
    conn: sqlite3.Connection, key: VmKey, path: str | None, fmt: AudioFormat | None = None
) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE vm_messages SET audio_path = ?, audio_format = ?"
            " WHERE mailbox = ? AND folder = ? AND message_num = ?",
            (path, None if fmt is None else fmt.value, *key),
        )


def audio_path(conn: sqlite3.Connection, key: VmKey) -> tuple[str, AudioFormat | None] | None:
    row = conn.execute(
        "SELECT audio_path, audio_format FROM vm_messages"
        " WHERE mailbox = ? AND folder = ? AND message_num = ?",
        key,
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return str(row[0]), None if row[1] is None else AudioFormat(row[1])


def put_message(
    conn: sqlite3.Connection, message: VoicemailMessage, *, remove: VmKey | None = None
) -> None:
    """Store one message as it is now (a flag change, or a move when ``remove`` is the
    key it had); the voicemail service's optimistic changes and their roll-backs."""
    with transaction(conn):
        if remove is not None and remove != message.key:
            conn.execute(
                "DELETE FROM vm_messages WHERE mailbox = ? AND folder = ? AND message_num = ?",
                remove,
            )
        _upsert(conn, _clean(message), drop_audio=False)


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


def unlistened_count(conn: sqlite3.Connection, mailbox: str | None = None) -> int:
    if mailbox is None:
        row = conn.execute("SELECT count(*) FROM vm_messages WHERE listened = 0").fetchone()
    else:
        row = conn.execute(
            "SELECT count(*) FROM vm_messages WHERE listened = 0 AND mailbox = ?", (mailbox,)
        ).fetchone()
    return int(row[0])


class VoicemailRepo:
    """Async front for the voicemail functions."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def replace_mailboxes(self, mailboxes: Sequence[Mailbox]) -> None:
        await self.db.run(replace_mailboxes, list(mailboxes))

    async def mailboxes(self) -> list[Mailbox]:
        return await self.db.run(list_mailboxes)

    async def replace_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> None:
        await self.db.run(replace_folders, mailbox, list(folders))

    async def folders(self, mailbox: str) -> list[VoicemailFolder]:
        return await self.db.run(list_folders, mailbox)

    async def replace_folder(
        self, mailbox: str, folder: str, rows: Iterable[VoicemailMessage]
    ) -> ReplaceResult[VoicemailMessage]:
        return await self.db.run(replace_folder, mailbox, folder, list(rows))

    async def replace_mailbox_messages(
        self, mailbox: str, rows: Iterable[VoicemailMessage]
    ) -> ReplaceResult[VoicemailMessage]:
        return await self.db.run(replace_mailbox_messages, mailbox, list(rows))

    async def messages(
        self, mailbox: str | None = None, folder: str | None = None
    ) -> list[VoicemailMessage]:
        return await self.db.run(list_messages, mailbox, folder)

    async def set_flags(
        self, key: VmKey, *, listened: bool | None = None, urgent: bool | None = None
    ) -> bool:
        return await self.db.run(set_flags, key, listened=listened, urgent=urgent)

    async def delete(self, key: VmKey) -> str | None:
        return await self.db.run(delete_message, key)

    async def set_audio_path(
        self, key: VmKey, path: str | None, fmt: AudioFormat | None = None
    ) -> None:
        await self.db.run(set_audio_path, key, path, fmt)

    async def audio_path(self, key: VmKey) -> tuple[str, AudioFormat | None] | None:
        return await self.db.run(audio_path, key)

    async def unlistened(self, mailbox: str | None = None) -> int:
        return await self.db.run(unlistened_count, mailbox)
