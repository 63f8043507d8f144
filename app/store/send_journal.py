"""The send journal table (issue #13.1): every send recorded before it goes out.

Plain functions of a connection and ``SendJournalRepo(db)``, the port the
messages sender and the fax sender write through. ``begin`` inserts the entry
and clears the conversation's draft in ONE transaction: after a crash the text
is in the journal (shown as "may have been sent, checking...") and never back in
the compose box as a fresh draft that Send would send a second time.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.domain.phone import normalize
from app.store.db import Database, transaction
from app.store.rows import dumps, from_epoch, loads, to_epoch

_OPEN = (SendState.SENDING.value, SendState.UNKNOWN.value)


def _norm(number: str) -> str:
    return normalize(number) or number


def begin_send(
    conn: sqlite3.Connection, kind: SendKind, did: str, contact: str, text: str,
    parts: Sequence[str], attachments: Sequence[str] = (), extra: dict[str, str] | None = None,
    *, clear_draft_too: bool = True, now: float | None = None,
) -> JournalEntry:
    """Record a send about to go out (state ``sending``); returns the entry."""
    stamp = int(time.time() if now is None else now)
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO send_journal (kind, state, did, contact, text, attachments, parts,"
            " done_parts, created, updated, error, closed, extra)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '', 0, ?)",
            (kind.value, SendState.SENDING.value, _norm(did), _norm(contact), text,
             dumps(list(attachments)), dumps(list(parts)), stamp, stamp, dumps(extra or {})),
        )
        if clear_draft_too and kind is not SendKind.FAX:
            # Imported here: the fax tab builds this module before its first paint,
            # and the text messages' drafts bring their models (~1 ms) with them.
            from app.store.drafts import clear_draft

            clear_draft(conn, did, contact)
        entry_id = int(cursor.lastrowid or 0)
    found = get_entry(conn, entry_id)
    assert found is not None
    return found


def update_send(
    conn: sqlite3.Connection, entry_id: int, *, state: SendState | None = None,
    done_parts: int | None = None, error: str | None = None, closed: bool | None = None,
    now: float | None = None,
) -> JournalEntry | None:
    """Move an entry on (only the given fields change); returns it as stored now."""
    sets: list[str] = ["updated = ?"]
    values: list[Any] = [int(time.time() if now is None else now)]
    for column, value in (("state", state.value if state is not None else None),
                          ("done_parts", done_parts), ("error", error),
                          ("closed", None if closed is None else int(closed))):
        if value is not None:
            sets.append(f"{column} = ?")
            values.append(value)
    with transaction(conn):
        conn.execute(f"UPDATE send_journal SET {', '.join(sets)} WHERE id = ?",
                     (*values, entry_id))
    return get_entry(conn, entry_id)


def get_entry(conn: sqlite3.Connection, entry_id: int) -> JournalEntry | None:
    row = conn.execute("SELECT * FROM send_journal WHERE id = ?", (entry_id,)).fetchone()
    return None if row is None else _entry(row)


def open_entries(conn: sqlite3.Connection, kinds: Sequence[SendKind]) -> list[JournalEntry]:
    """Entries still ``sending`` or ``unknown`` of these kinds, oldest first."""
    of_kinds, kind_values = _kind_in(kinds)
    rows = conn.execute(
        f"SELECT * FROM send_journal WHERE state IN (?, ?) AND {of_kinds} ORDER BY id",
        (*_OPEN, *kind_values),
    ).fetchall()
    return [_entry(row) for row in rows]


def orphans_to_unknown(
    conn: sqlite3.Connection, kinds: Sequence[SendKind], keep: Sequence[int] = (),
    error: str = "",
) -> list[JournalEntry]:
    """``sending`` entries no task is sending any more (a crash, a kill) -> ``unknown``."""
    of_kinds, kind_values = _kind_in(kinds)
    # (``id NOT IN (NULL)`` would match nothing: no clause when nothing is kept.)
    spared = f" AND id NOT IN ({', '.join('?' for _ in keep)})" if keep else ""
    with transaction(conn):
        conn.execute(
            f"UPDATE send_journal SET state = ?, error = ?, updated = ? WHERE state = ?"
            f" AND {of_kinds}{spared}",
            (SendState.UNKNOWN.value, error, int(time.time()), SendState.SENDING.value,
             *kind_values, *keep),
        )
    return open_entries(conn, kinds)


def shown_entries(
    conn: sqlite3.Connection, kinds: Sequence[SendKind], did: str | None = None,
    contact: str | None = None,
) -> list[JournalEntry]:
    """Entries the user still has to see (not sent, not closed), oldest first."""
    of_kinds, kind_values = _kind_in(kinds)
    sql = f"SELECT * FROM send_journal WHERE state != ? AND closed = 0 AND {of_kinds}"
    args: list[Any] = [SendState.SENT.value, *kind_values]
    if did is not None and contact is not None:
        sql += " AND did = ? AND contact = ?"
        args += [_norm(did), _norm(contact)]
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [_entry(row) for row in rows]


def parts_sent_by_others(
    conn: sqlite3.Connection, entry_id: int, kinds: Sequence[SendKind], did: str,
    contact: str, text: str, since: int, until: int,
) -> int:
    """How many times sends journalled in [since, until] (epoch s) other than
    ``entry_id`` put ``text`` out to this conversation: parts the provider
    confirmed, or that a reconciliation found in the history.

    A reconciliation must not take one of those for its own send: "OK" sent and
    confirmed at 10:00, "OK" again at 10:01 that timed out, and the history's one
    "OK" is the first send's, so the second did not go out.
    """
    others, args = _gone_out_by_others(entry_id, kinds, contact, since, until)
    rows = conn.execute(
        f"SELECT parts, done_parts FROM send_journal WHERE did = ? AND {others}",
        (_norm(did), *args),
    ).fetchall()
    return sum(list(loads(row["parts"], []))[: row["done_parts"]].count(text) for row in rows)


def sends_gone_out(
    conn: sqlite3.Connection, entry_id: int, kinds: Sequence[SendKind], contact: str,
    since: int, until: int,
) -> int:
    """How many sends journalled in [since, until] (epoch s) to ``contact``, other
    than ``entry_id``, went out (confirmed, or found by a reconciliation): a fax
    in Sent that one of them put there is not another's."""
    others, args = _gone_out_by_others(entry_id, kinds, contact, since, until)
    row = conn.execute(f"SELECT COUNT(*) FROM send_journal WHERE {others}", args).fetchone()
    return int(row[0])


def _gone_out_by_others(
    entry_id: int, kinds: Sequence[SendKind], contact: str, since: int, until: int,
) -> tuple[str, tuple[Any, ...]]:
    """The condition (and its values) for the sends of ``kinds`` to ``contact``
    journalled in [since, until], other than ``entry_id``, that went out."""
    of_kinds, kind_values = _kind_in(kinds)
    return (
        f"contact = ? AND id != ? AND done_parts > 0 AND created BETWEEN ? AND ? AND {of_kinds}",
        (_norm(contact), entry_id, since, until, *kind_values),
    )


def _kind_in(kinds: Sequence[SendKind]) -> tuple[str, tuple[str, ...]]:
    """``kind IN (?, ...)`` for ``kinds``, and the values it takes."""
    return f"kind IN ({', '.join('?' for _ in kinds)})", tuple(k.value for k in kinds)


def _entry(row: sqlite3.Row) -> JournalEntry:
    return JournalEntry(
        id=row["id"],
        kind=SendKind(row["kind"]),
        state=SendState(row["state"]),
        did=row["did"],
        contact=row["contact"],
        text=row["text"],
        attachments=tuple(loads(row["attachments"], [])),
        parts=tuple(loads(row["parts"], [])),
        done_parts=row["done_parts"],
        created=from_epoch(row["created"]),
        updated=from_epoch(row["updated"]),
        error=row["error"],
        closed=bool(row["closed"]),
        extra=dict(loads(row["extra"], {})),
    )


class SendJournalRepo:
    """The journal as the senders' port (``app/services/messages/journal.py``).

    ``MessagesRepo`` inherits it (the messages sender's one store); the fax sender
    gets one of its own from ``AppServices``.
    """

    db: Database

    def __init__(self, db: Database) -> None:
        self.db = db

    async def journal_begin(
        self, kind: SendKind, did: str, contact: str, text: str, parts: Sequence[str],
        attachments: Sequence[str] = (), extra: dict[str, str] | None = None,
    ) -> JournalEntry:
        return await self.db.run(begin_send, kind, did, contact, text, list(parts),
                                 list(attachments), extra)

    async def journal_update(
        self, entry_id: int, *, state: SendState | None = None, done_parts: int | None = None,
        error: str | None = None, closed: bool | None = None,
    ) -> JournalEntry | None:
        return await self.db.run(update_send, entry_id, state=state, done_parts=done_parts,
                                 error=error, closed=closed)

    async def journal_entry(self, entry_id: int) -> JournalEntry | None:
        return await self.db.run(get_entry, entry_id)

    async def journal_open(self, kinds: Sequence[SendKind]) -> list[JournalEntry]:
        return await self.db.run(open_entries, list(kinds))

    async def journal_gone_out(
        self, entry_id: int, kinds: Sequence[SendKind], contact: str, since: datetime,
        until: datetime,
    ) -> int:
        return await self.db.run(sends_gone_out, entry_id, kinds, contact, to_epoch(since),
                                 to_epoch(until))

    async def journal_orphans_to_unknown(
        self, kinds: Sequence[SendKind], keep: Sequence[int] = (), error: str = "",
    ) -> list[JournalEntry]:
        return await self.db.run(orphans_to_unknown, list(kinds), list(keep), error)

    async def journal_shown(
        self, kinds: Sequence[SendKind], did: str | None = None, contact: str | None = None,
    ) -> list[JournalEntry]:
        return await self.db.run(shown_entries, list(kinds), did, contact)
