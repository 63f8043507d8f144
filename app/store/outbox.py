"""Sends in flight, kept until their outcome is certain.

``sendSMS``/``sendMMS`` are not idempotent, so a timed-out send is never
retried blindly: it stays here as ``unknown`` until the history shows it
(``messages.find_sent_match``) or the user decides. Times are epoch seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.models.messages import MessageKind
from app.domain.phone import normalize
from app.store.db import Database, transaction
from app.store.rows import dumps, loads


class OutboxState(StrEnum):
    SENDING = "sending"
    UNKNOWN = "unknown"
    SENT = "sent"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """A message waiting to be sent (kept if the app closes meanwhile)."""
    local_id: int
    kind: MessageKind
    did: str
    contact: str
    text: str
    media: tuple[str, ...]
    created_at: int
    state: OutboxState
    remote_id: int | None
    error: str


def _entry(row: sqlite3.Row) -> OutboxEntry:
    return OutboxEntry(
        local_id=int(row["local_id"]),
        kind=MessageKind(row["kind"]),
        did=row["did"],
        contact=row["contact"],
        text=row["text"],
        media=tuple(loads(row["media"], [])),
        created_at=int(row["created_at"]),
        state=OutboxState(row["state"]),
        remote_id=row["remote_id"],
        error=row["error"],
    )


def outbox_add(
    conn: sqlite3.Connection, kind: MessageKind, did: str, contact: str, text: str,
    media: Sequence[str], now: int,
) -> int:
    """Record a send about to go out; returns its local id."""
    with transaction(conn):
        row = conn.execute(
            "INSERT INTO outbox (kind, did, contact, text, media, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING local_id",
            (kind.value, normalize(did) or did, normalize(contact) or contact, text,
             dumps(list(media)), now),
        ).fetchone()
    return int(row[0])


def outbox_mark(
    conn: sqlite3.Connection, local_id: int, state: OutboxState,
    remote_id: int | None = None, error: str = "",
) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE outbox SET state = ?, remote_id = coalesce(?, remote_id), error = ?"
            " WHERE local_id = ?",
            (state.value, remote_id, error, local_id),
        )


def outbox_get(conn: sqlite3.Connection, local_id: int) -> OutboxEntry | None:
    row = conn.execute("SELECT * FROM outbox WHERE local_id = ?", (local_id,)).fetchone()
    return None if row is None else _entry(row)


def outbox_unresolved(conn: sqlite3.Connection) -> list[OutboxEntry]:
    """Sends still ``sending`` (app quit mid-send) or ``unknown`` (timed out)."""
    rows = conn.execute(
        "SELECT * FROM outbox WHERE state IN ('sending', 'unknown') ORDER BY created_at, local_id"
    ).fetchall()
    return [_entry(r) for r in rows]


def outbox_remove(conn: sqlite3.Connection, local_id: int) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM outbox WHERE local_id = ?", (local_id,))


def outbox_prune(conn: sqlite3.Connection, older_than: int) -> int:
    """Forget settled entries (sent/failed) created before ``older_than``."""
    with transaction(conn):
        cursor = conn.execute(
            "DELETE FROM outbox WHERE state IN ('sent', 'failed') AND created_at < ?",
            (older_than,),
        )
    return cursor.rowcount


class OutboxRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(
        self, kind: MessageKind, did: str, contact: str, text: str, media: Sequence[str], now: int
    ) -> int:
        return await self.db.run(outbox_add, kind, did, contact, text, list(media), now)

    async def mark(
        self, local_id: int, state: OutboxState, remote_id: int | None = None, error: str = ""
    ) -> None:
        await self.db.run(outbox_mark, local_id, state, remote_id, error)

    async def get(self, local_id: int) -> OutboxEntry | None:
        return await self.db.run(outbox_get, local_id)

    async def unresolved(self) -> list[OutboxEntry]:
        return await self.db.run(outbox_unresolved)

    async def remove(self, local_id: int) -> None:
        await self.db.run(outbox_remove, local_id)

    async def prune(self, older_than: int) -> int:
        return await self.db.run(outbox_prune, older_than)
