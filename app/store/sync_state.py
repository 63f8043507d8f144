"""Small key -> text values that sync services keep between runs.

Examples: the end of the last synced SMS window, when the first backfill
finished. Values are text; callers choose the encoding (ISO dates, JSON).
"""

from __future__ import annotations

import sqlite3

from app.store.db import Database, transaction


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def delete_state(conn: sqlite3.Connection, key: str) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM sync_state WHERE key = ?", (key,))


def states_with_prefix(conn: sqlite3.Connection, prefix: str) -> dict[str, str]:
    # GLOB with escaped wildcards: a prefix match that uses the primary key.
    escaped = "".join(f"[{c}]" if c in "*?[" else c for c in prefix)
    rows = conn.execute(
        "SELECT key, value FROM sync_state WHERE key GLOB ? ORDER BY key", (escaped + "*",)
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


class SyncState:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, key: str) -> str | None:
        return await self.db.run(get_state, key)

    async def set(self, key: str, value: str) -> None:
        await self.db.run(set_state, key, value)

    def set_now(self, key: str, value: str) -> None:
        """Blocking: only when the window closes (no loop turn left to await on)."""
        self.db.run_sync(set_state, key, value)

    async def delete(self, key: str) -> None:
        await self.db.run(delete_state, key)

    async def with_prefix(self, prefix: str) -> dict[str, str]:
        return await self.db.run(states_with_prefix, prefix)
