"""The account's phonebook, kept locally to show names instead of numbers.

Entries are matched on the normalised number (``app.domain.phone.normalize``),
so ``+1 (555) 222-0000`` in the phonebook names the contact ``5552220000``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from app.domain.models.messages import PhonebookEntry
from app.domain.phone import normalize
from app.store.db import Database, transaction


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


def list_phonebook(conn: sqlite3.Connection) -> list[PhonebookEntry]:
    rows = conn.execute(
        "SELECT id, name, number, note, group_name FROM phonebook ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [PhonebookEntry(r["id"], r["name"], r["number"], r["note"], r["group_name"])
            for r in rows]


def name_for(conn: sqlite3.Connection, number: str) -> str:
    """The phonebook name of a number, "" when unknown."""
    row = conn.execute(
        "SELECT name FROM phonebook WHERE number_norm = ? ORDER BY name LIMIT 1",
        (normalize(number),),
    ).fetchone()
    return "" if row is None else str(row[0])


def names_for(conn: sqlite3.Connection, numbers: Sequence[str]) -> dict[str, str]:
    """Normalised number -> name for those of ``numbers`` that have one."""
    wanted = sorted({normalize(n) for n in numbers if normalize(n)})
    found: dict[str, str] = {}
    # Chunked: SQLite limits the number of bound parameters.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT number_norm, name FROM phonebook WHERE number_norm IN ({marks})"
            " ORDER BY name DESC",
            chunk,
        ):
            found[row[0]] = row[1]  # DESC then overwrite: the alphabetically first wins
    return found


def all_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Every normalised number -> name (small: the phonebook is hundreds of rows)."""
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT number_norm, name FROM phonebook WHERE number_norm != '' ORDER BY name DESC"
        )
    }


class PhonebookRepo:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def replace(self, entries: Iterable[PhonebookEntry]) -> int:
        return await self.db.run(replace_phonebook, list(entries))

    async def entries(self) -> list[PhonebookEntry]:
        return await self.db.run(list_phonebook)

    async def name_for(self, number: str) -> str:
        return await self.db.run(name_for, number)

    async def names_for(self, numbers: Sequence[str]) -> dict[str, str]:
        return await self.db.run(names_for, list(numbers))

    async def all_names(self) -> dict[str, str]:
        return await self.db.run(all_names)
