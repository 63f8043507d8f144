"""Cached provider lookup lists (time zones, servers, countries, routes ...).

They change rarely, so a copy younger than the TTL (a week by default) is
used as is; an older copy is still served, flagged ``is_stale``, so the app
works offline and the caller refreshes in the background.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.store.db import Database, transaction
from app.store.rows import dumps, from_epoch, loads

DEFAULT_TTL = timedelta(days=7)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class CachedList:
    """A cached lookup list and how fresh it is."""
    rows: list[dict[str, Any]]
    fetched_at: datetime
    is_stale: bool


def read_lookup(conn: sqlite3.Connection, name: str) -> tuple[list[dict[str, Any]], float] | None:
    row = conn.execute(
        "SELECT rows, fetched_at FROM lookup_cache WHERE name = ?", (name,)
    ).fetchone()
    if row is None:
        return None
    return list(loads(row["rows"], [])), float(row["fetched_at"])


def write_lookup(
    conn: sqlite3.Connection, name: str, rows: list[dict[str, Any]], fetched_at: float
) -> None:
    with transaction(conn):
        conn.execute(
            "INSERT INTO lookup_cache (name, rows, fetched_at) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET rows = excluded.rows,"
            " fetched_at = excluded.fetched_at",
            (name, dumps(rows), fetched_at),
        )


def forget_lookup(conn: sqlite3.Connection, name: str) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM lookup_cache WHERE name = ?", (name,))


class LookupCache:
    """``get(name)`` / ``put(name, rows)`` on the database thread; clock injectable."""

    def __init__(
        self,
        db: Database,
        *,
        ttl: timedelta = DEFAULT_TTL,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self.db = db
        self.ttl = ttl
        self._clock = clock

    def _wrap(self, found: tuple[list[dict[str, Any]], float] | None) -> CachedList | None:
        if found is None:
            return None
        rows, fetched = found
        fetched_at = from_epoch(fetched)
        age = self._clock() - fetched_at
        # Fetched "in the future": under a wall clock that has since been put back.
        # Stale, or a copy fetched a year ahead would pass for fresh for a year.
        return CachedList(rows, fetched_at, age >= self.ttl or age < timedelta(0))

    async def get(self, name: str) -> CachedList | None:
        """The cached copy (stale or not), or None if never fetched."""
        return self._wrap(await self.db.run(read_lookup, name))

    def get_sync(self, name: str) -> CachedList | None:
        """Blocking variant for start-up (a small read)."""
        return self._wrap(self.db.run_sync(read_lookup, name))

    async def put(self, name: str, rows: list[dict[str, Any]]) -> CachedList:
        now = self._clock()
        await self.db.run(write_lookup, name, list(rows), now.timestamp())
        return CachedList(list(rows), now, False)

    async def forget(self, name: str) -> None:
        await self.db.run(forget_lookup, name)
