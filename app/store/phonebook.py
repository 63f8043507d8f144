"""The account's phonebook, kept locally to show names instead of numbers.

Entries are matched on the normalised number (``app.domain.phone.normalize``),
so ``+1 (555) 222-0000`` in the phonebook names the contact ``5552220000``.
Plain functions run on the store's worker (``db.run``); the thread summaries
(``threads.py``) also join this table for names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from app.domain.models.messages import PhonebookEntry
from app.domain.phone import normalize
from app.store.db import transaction


def replace_phonebook(conn: sqlite3.Connection, entries: Iterable[PhonebookEntry]) -> int:
    """Replace the whole local phonebook with the provider's; returns the count."""
    rows = [
        (e.id, e.name, e.number, normalize(e.number), e.note, e.group_name) for e in entries
    ]
    with transaction(conn):
        conn.execute("DELETE FROM phonebook")
        conn.executemany(
            "INSERT OR REPLACE INTO phonebook (id, name, number, number_norm, note, group_name)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def name_for(conn: sqlite3.Connection, number: str) -> str:
    """The phonebook name of a number, "" when unknown."""
    row = conn.execute(
        "SELECT name FROM phonebook WHERE number_norm = ? ORDER BY name LIMIT 1",
        (normalize(number),),
    ).fetchone()
    return "" if row is None else str(row[0])


def all_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Every normalised number -> name (small: the phonebook is hundreds of rows)."""
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT number_norm, name FROM phonebook WHERE number_norm != '' ORDER BY name DESC"
        )
    }
