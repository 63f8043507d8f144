"""Unsent text per conversation (DID, contact), with the error of the last attempt.

The sender saves the draft before anything goes on the wire and clears it once
everything went out; after a failure the draft keeps what is left and why.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence

from app.domain.models.messages import Draft as Draft
from app.domain.phone import normalize
from app.store.db import Database, transaction
from app.store.rows import dumps, from_epoch, loads


def _norm(number: str) -> str:
    return normalize(number) or number


def save_draft(
    conn: sqlite3.Connection,
    did: str,
    contact: str,
    text: str,
    last_error: str = "",
    attachments: Sequence[str] = (),
    *,
    now: float | None = None,
) -> None:
    """Create or replace the conversation's draft."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO drafts (did, contact, text, attachments, last_error, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (did, contact) DO UPDATE SET"
            " text = excluded.text, attachments = excluded.attachments,"
            " last_error = excluded.last_error, updated_at = excluded.updated_at",
            (_norm(did), _norm(contact), text, dumps(list(attachments)), last_error,
             int(time.time() if now is None else now)),
        )


def set_draft_error(conn: sqlite3.Connection, did: str, contact: str, error: str) -> bool:
    """Record why the last send failed; False if there is no draft."""
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE drafts SET last_error = ? WHERE did = ? AND contact = ?",
            (error, _norm(did), _norm(contact)),
        )
    return cursor.rowcount > 0


def get_draft(conn: sqlite3.Connection, did: str, contact: str) -> Draft | None:
    row = conn.execute(
        "SELECT * FROM drafts WHERE did = ? AND contact = ?", (_norm(did), _norm(contact))
    ).fetchone()
    return None if row is None else _draft(row)


def list_drafts(conn: sqlite3.Connection) -> list[Draft]:
    rows = conn.execute("SELECT * FROM drafts ORDER BY updated_at DESC").fetchall()
    return [_draft(r) for r in rows]


def clear_draft(conn: sqlite3.Connection, did: str, contact: str) -> None:
    with transaction(conn):
        conn.execute(
            "DELETE FROM drafts WHERE did = ? AND contact = ?", (_norm(did), _norm(contact))
        )


def _draft(row: sqlite3.Row) -> Draft:
    return Draft(
        did=row["did"],
        contact=row["contact"],
        text=row["text"],
        last_error=row["last_error"],
        updated_at=from_epoch(row["updated_at"]),
        attachments=tuple(loads(row["attachments"], [])),
    )


class DraftRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def save(
        self, did: str, contact: str, text: str, last_error: str = "",
        attachments: Sequence[str] = (),
    ) -> None:
        await self.db.run(save_draft, did, contact, text, last_error, list(attachments))

    async def get(self, did: str, contact: str) -> Draft | None:
        return await self.db.run(get_draft, did, contact)

    async def all(self) -> list[Draft]:
        return await self.db.run(list_drafts)

    async def set_error(self, did: str, contact: str, error: str) -> bool:
        return await self.db.run(set_draft_error, did, contact, error)

    async def clear(self, did: str, contact: str) -> None:
        await self.db.run(clear_draft, did, contact)
