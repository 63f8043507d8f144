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
from app.store.db import transaction
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


def get_draft(conn: sqlite3.Connection, did: str, contact: str) -> Draft | None:
    row = conn.execute(
        "SELECT * FROM drafts WHERE did = ? AND contact = ?", (_norm(did), _norm(contact))
    ).fetchone()
    return None if row is None else _draft(row)


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
