from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from app.store.db import Database
from app.store.lookup_cache import CachedList, LookupCache
from tests.unit.store.conftest import T0


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


ROWS = [{"value": "America/Toronto", "description": "Toronto"}, {"value": "US/Pacific-New"}]


def test_miss_hit_then_stale_but_still_served(db: Database) -> None:
    clock = FakeClock(T0)
    cache = LookupCache(db, clock=clock)

    async def get() -> CachedList | None:
        return await cache.get("timezones")

    assert asyncio.run(get()) is None
    asyncio.run(cache.put("timezones", ROWS))
    clock.now = T0 + timedelta(days=6)
    fresh = asyncio.run(get())
    assert fresh is not None and fresh.rows == ROWS and not fresh.is_stale
    assert fresh.fetched_at == T0
    clock.now = T0 + timedelta(days=7, seconds=1)
    stale = asyncio.run(get())
    assert stale is not None and stale.is_stale and stale.rows == ROWS


def test_put_replaces_and_ttl_is_injectable(db: Database) -> None:
    clock = FakeClock(T0)
    cache = LookupCache(db, ttl=timedelta(hours=1), clock=clock)
    asyncio.run(cache.put("servers", ROWS))
    clock.now = T0 + timedelta(hours=2)
    assert cache.get_sync("servers") is not None and cache.get_sync("servers").is_stale  # type: ignore[union-attr]
    asyncio.run(cache.put("servers", ROWS[:1]))
    again = cache.get_sync("servers")
    assert again is not None and again.rows == ROWS[:1] and not again.is_stale
    asyncio.run(cache.forget("servers"))
    assert cache.get_sync("servers") is None


def test_cache_survives_restart(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        asyncio.run(LookupCache(db, clock=FakeClock(T0)).put("countries", ROWS))
    with Database.open(path) as db:
        cached = LookupCache(db, clock=FakeClock(T0 + timedelta(days=30))).get_sync("countries")
    assert cached is not None and cached.rows == ROWS and cached.is_stale


def test_a_copy_fetched_under_a_clock_a_year_ahead_is_not_fresh_for_a_year(db: Database) -> None:
    """Issue #13.14: the wall clock was a year ahead when the list was fetched, then fixed."""
    clock = FakeClock(T0 + timedelta(days=365))
    cache = LookupCache(db, clock=clock)
    asyncio.run(cache.put("timezones", ROWS))
    clock.now = T0  # put back
    copy = asyncio.run(cache.get("timezones"))
    assert copy is not None and copy.is_stale and copy.rows == ROWS
