"""Lookup lists fetched in the background (``LookupService.polling``), Qt-free, on the sandbox.

The first load of an account fills every list without the settings page; an
offline check keeps the old copies serving; only copies past the TTL are fetched
again. The main window starting it is tested in tests/gui/test_shell_lookups.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.api.client import VoipMsClient
from app.api.typed import Api
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService, all_list_names
from app.store.lookup_cache import LookupCache

#: The API method behind each list (what the sandbox's request log shows).
METHODS = {
    "servers": "getServersInfo", "timezones": "getTimezones", "codecs": "getAllowedCodecs",
    "languages": "getLanguages", "locales": "getLocales", "countries": "getCountries",
    "routes": "getRoutes",
}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


async def _no_wait(seconds: float) -> None:
    """Retry back-off of the client, skipped (the faults here are all the same)."""


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def quick_api(sandbox: SandboxServer, event_loop: asyncio.AbstractEventLoop) -> Iterator[Api]:
    client = VoipMsClient(
        sandbox.username, sandbox.password, base_url=sandbox.url, min_interval=0, sleep=_no_wait
    )
    yield Api(client)
    event_loop.run_until_complete(client.aclose())


@pytest.fixture
def lookups(quick_api: Api, db: Any, clock: Clock) -> Iterator[LookupService]:
    cache = LookupCache(db, ttl=timedelta(days=7), clock=clock)
    service = LookupService(quick_api, db, cache=cache)
    yield service
    service.stop()


def _cached(lookups: LookupService, run: Any) -> dict[str, Any]:
    return {name: run(lookups.cache.get(name)) for name in all_list_names()}


def test_a_first_check_fills_every_list(
    lookups: LookupService, sandbox: SandboxServer, run: Any
) -> None:
    announced: list[str] = []
    lookups.changed.connect(announced.append)
    assert run(lookups.polling.check()) is True
    cached = _cached(lookups, run)
    assert all(copy is not None for copy in cached.values()), cached
    for name in METHODS:  # the plain lists all have rows in the demo account
        assert cached[name].rows, name
    assert sorted(announced) == sorted(all_list_names())
    # Each list was asked for exactly once.
    for name, method in METHODS.items():
        assert sandbox.calls(method) and len(sandbox.calls(method)) == 1, name


def test_a_fresh_list_is_not_fetched_again(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.polling.check())
    sandbox.clear_log()
    clock.now += timedelta(days=6)  # inside the 7-day TTL
    assert run(lookups.refresh_due()) == {}
    assert run(lookups.polling.check()) is True
    assert sandbox.request_log == []


def test_an_expired_list_is_fetched_again(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.polling.check())
    zone = dict(sandbox.state.lookups["timezones"][0], value="Test/Zone")
    sandbox.state.lookups["timezones"].append(zone)
    sandbox.clear_log()
    clock.now += timedelta(days=8)
    outcome = run(lookups.refresh_due())
    assert set(outcome) == set(all_list_names())
    assert all(error is None for error in outcome.values()), outcome
    assert len(sandbox.calls("getTimezones")) == 1
    timezones = run(lookups.cache.get("timezones"))
    assert not timezones.is_stale and "Test/Zone" in [r["value"] for r in timezones.rows]


def test_only_the_expired_ones_are_fetched(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.polling.check())
    clock.now += timedelta(days=3)
    run(lookups.get("codecs", refresh=True))  # refreshed by hand three days later
    sandbox.clear_log()
    clock.now += timedelta(days=5)  # the others are 8 days old, codecs 5
    outcome = run(lookups.refresh_due())
    assert "codecs" not in outcome and "timezones" in outcome
    assert sandbox.calls("getAllowedCodecs") == []


def test_offline_the_old_copies_keep_serving(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.polling.check())
    before = _cached(lookups, run)
    clock.now += timedelta(days=30)
    sandbox.faults.inject("http_503", count=10_000)  # the server is down from now on
    sandbox.clear_log()
    failures: list[str] = []
    lookups.polling.failed.connect(failures.append)
    assert run(lookups.polling.check()) is False  # quiet: reported, not raised
    assert len(failures) == 1
    # One list tried (with its retries), not every list: the rest wait for the next check.
    assert {r.method for r in sandbox.request_log} == {METHODS["servers"]}
    for name, copy in before.items():
        served = run(lookups.get(name))
        assert served.rows == copy.rows and served.from_cache and served.stale, name
        assert served.error, name
    # Back online: the next check fetches them again.
    sandbox.faults.clear()
    assert run(lookups.polling.check()) is True
    assert not run(lookups.cache.get("timezones")).is_stale


def test_a_refused_list_does_not_stop_the_others(
    lookups: LookupService, sandbox: SandboxServer, run: Any
) -> None:
    # A status answer for one method (not a transport failure): the others go on.
    sandbox.faults.inject("rate_limit", count=10_000, methods="getTimezones")
    outcome = run(lookups.refresh_due())
    assert outcome["timezones"] and "limit" in outcome["timezones"].lower()
    assert run(lookups.cache.get("timezones")) is None
    others = {name: error for name, error in outcome.items() if name != "timezones"}
    assert set(others) == set(all_list_names()) - {"timezones"}
    assert all(error is None for error in others.values()), others


def test_start_checks_at_once_then_polls(
    lookups: LookupService, run: Any
) -> None:
    async def scenario() -> None:
        filled = asyncio.Event()
        lookups.changed.connect(lambda name: filled.set() if name == "routes" else None)
        lookups.polling.start()
        assert lookups.polling.running
        await asyncio.wait_for(filled.wait(), timeout=20)
        while not lookups.polling.active:  # the periodic checks are scheduled next
            await asyncio.sleep(0)
        lookups.stop()
        assert not lookups.polling.running

    run(scenario())
    assert run(lookups.cache.get("routes")) is not None
