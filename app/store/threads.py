"""Conversations (DID, contact): summaries for the thread list, read/unread.

The ``threads`` table is maintained by triggers on ``messages`` (see
migrations.py), so listing 2k conversations over 100k messages reads 2k rows
plus one message each, whatever the history size.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.domain.models.messages import Direction, MessageKind
from app.domain.models.messages import ThreadSummary as ThreadSummary
from app.domain.phone import normalize
from app.store.db import transaction
from app.store.rows import from_epoch

_SELECT = """
SELECT t.did, t.contact, t.last_date, t.unread, t.total,
       m.text AS last_text, m.direction AS last_direction, m.kind AS last_kind,
       m.media != '[]' AS last_has_media,
       coalesce((SELECT p.name FROM phonebook AS p WHERE p.number_norm = t.contact
                  ORDER BY p.name LIMIT 1), '') AS name
  FROM threads AS t JOIN messages AS m ON m.pk = t.last_pk
"""


def _summary(row: sqlite3.Row) -> ThreadSummary:
    return ThreadSummary(
        did=row["did"],
        contact=row["contact"],
        name=row["name"],
        last_date=from_epoch(row["last_date"]),
        last_text=row["last_text"],
        last_direction=Direction(int(row["last_direction"])),
        last_kind=MessageKind(row["last_kind"]),
        last_has_media=bool(row["last_has_media"]),
        unread=int(row["unread"]),
        total=int(row["total"]),
    )


def _norm(number: str) -> str:
    return normalize(number) or number


def list_threads(
    conn: sqlite3.Connection,
    *,
    did: str | None = None,
    limit: int = 100,
    offset: int = 0,
    unread_only: bool = False,
) -> list[ThreadSummary]:
    """Newest conversation first; optionally one DID's, optionally unread ones only."""
    where: list[str] = []
    params: list[object] = []
    if did is not None:
        where.append("t.did = ?")
        params.append(_norm(did))
    if unread_only:
        where.append("t.unread > 0")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(
        f"{_SELECT} {clause} ORDER BY t.last_date DESC, t.last_pk DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [_summary(r) for r in rows]


def get_thread(conn: sqlite3.Connection, did: str, contact: str) -> ThreadSummary | None:
    row = conn.execute(
        f"{_SELECT} WHERE t.did = ? AND t.contact = ?", (_norm(did), _norm(contact))
    ).fetchone()
    return None if row is None else _summary(row)


def get_threads(
    conn: sqlite3.Connection, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], ThreadSummary | None]:
    """Summaries of these conversations (None: no message left), for a change set."""
    return {(did, contact): get_thread(conn, did, contact) for did, contact in keys}


def unread_total(conn: sqlite3.Connection, did: str | None = None) -> int:
    """Unread inbound messages in all threads (of one DID): for badges and the tray."""
    if did is None:
        row = conn.execute("SELECT coalesce(sum(unread), 0) FROM threads").fetchone()
    else:
        row = conn.execute(
            "SELECT coalesce(sum(unread), 0) FROM threads WHERE did = ?", (_norm(did),)
        ).fetchone()
    return int(row[0])


def mark_thread_read(conn: sqlite3.Connection, did: str, contact: str) -> int:
    """Mark every message of the conversation read; returns how many changed."""
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE messages SET read = 1 WHERE did = ? AND contact = ? AND read = 0",
            (_norm(did), _norm(contact)),
        )
    return cursor.rowcount


def mark_thread_unread(conn: sqlite3.Connection, did: str, contact: str) -> bool:
    """Flag the conversation unread by marking its newest inbound message unread.

    Returns False when the thread has no inbound message (nothing to flag).
    """
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE messages SET read = 0 WHERE pk = (SELECT pk FROM messages"
            " WHERE did = ? AND contact = ? AND direction = 1 ORDER BY date DESC, pk DESC LIMIT 1)",
            (_norm(did), _norm(contact)),
        )
    return cursor.rowcount > 0


def thread_dids(conn: sqlite3.Connection) -> list[str]:
    """DIDs that have at least one conversation (for the DID filter)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT did FROM threads ORDER BY did")]


# For other store modules that list conversations (search by person or number).
SUMMARY_SELECT = _SELECT
summary_from_row = _summary
