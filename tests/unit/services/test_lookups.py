"""Lookup lists cached with a TTL (hit, miss, stale, offline), Qt-free, against the sandbox.

The settings page that shows them is tested in tests/gui/test_shell_lookups.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.domain.errors import UserFacingError
from app.domain.routing import RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService, target_list_name
from app.store.lookup_cache import LookupCache


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lookups(api: Any, db: Any, clock: Clock, sandbox: SandboxServer) -> LookupService:
    return LookupService(api, db, cache=LookupCache(db, ttl=timedelta(days=7), clock=clock))


def _calls(sandbox: SandboxServer, method: str) -> int:
    return sum(1 for r in sandbox.request_log if r.method == method)


def test_miss_then_hit(lookups: LookupService, sandbox: SandboxServer, run: Any) -> None:
    fresh: list[str] = []
    lookups.changed.connect(fresh.append)
    first = run(lookups.get("servers"))
    assert not first.from_cache and first.rows and not first.stale
    assert _calls(sandbox, "getServersInfo") == 1
    assert fresh == ["servers"]  # announced when fetched from the API
    second = run(lookups.get("servers"))
    assert second.from_cache and second.rows == first.rows
    assert _calls(sandbox, "getServersInfo") == 1  # served from the cache
    assert fresh == ["servers"]  # a cache hit is no news
    servers = run(lookups.servers())
    assert any(s.recommended for s in servers) and all(s.pop and s.name for s in servers)


def test_stale_copy_is_refreshed(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.get("timezones"))
    clock.now += timedelta(days=8)
    again = run(lookups.get("timezones"))
    assert not again.from_cache and not again.stale
    assert _calls(sandbox, "getTimezones") == 2


def test_ring_groups_keep_their_members_and_an_older_copy_without_them_is_fetched_again(
    lookups: LookupService, sandbox: SandboxServer, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a number routed to a ring group rings (the Phones tab's "Rings for"):
    a copy cached before members were kept would have served none for a week."""
    name = target_list_name(RouteKind.RING_GROUP)
    run(lookups.cache.put(name, [{"value": "4768", "label": "4768 - Sales team"}]))
    groups = run(lookups.routing_targets(RouteKind.RING_GROUP))
    assert [(g.value, g.members) for g in groups] == [
        ("4768", ("account:284561_sales,25,0", "fwd:18641,10,1"))]
    assert _calls(sandbox, "getRingGroups") == 1
    run(lookups.routing_targets(RouteKind.RING_GROUP))
    assert _calls(sandbox, "getRingGroups") == 1  # the new copy is served from the cache
    # A group without members is cached as such, not fetched again and again.
    monkeypatch.setitem(sandbox.state.ring_groups[0], "members", "")
    run(lookups.get(name, refresh=True))
    run(lookups.routing_targets(RouteKind.RING_GROUP))
    assert _calls(sandbox, "getRingGroups") == 2


def test_offline_uses_stale_copy_and_says_why(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    fresh = run(lookups.routing_targets(RouteKind.IVR))
    clock.now += timedelta(days=30)
    sandbox.state.api_enabled = False  # the API refuses: like being offline, but instant
    result = run(lookups.get(target_list_name(RouteKind.IVR)))
    assert result.from_cache and result.stale and result.error
    assert [r["value"] for r in result.rows] == [t.value for t in fresh]
    assert run(lookups.routing_targets(RouteKind.IVR)) == fresh


def test_offline_without_a_copy_is_an_error(
    lookups: LookupService, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.api_enabled = False
    with pytest.raises(UserFacingError):
        run(lookups.get("countries"))


def test_system_targets_need_no_api(
    lookups: LookupService, sandbox: SandboxServer, run: Any
) -> None:
    targets = run(lookups.routing_targets(RouteKind.SYSTEM))
    assert {t.value for t in targets} >= {"hangup", "busy"}
    assert sandbox.request_log == []


def test_refresh_all_reports_each_list(lookups: LookupService, run: Any) -> None:
    outcome = run(lookups.refresh_all(quiet=True))
    assert "servers" in outcome and target_list_name(RouteKind.FORWARD) in outcome
    assert all(error is None for error in outcome.values()), outcome


def test_cached_reads_make_no_call(
    lookups: LookupService, sandbox: SandboxServer, run: Any
) -> None:
    assert run(lookups.cached_routing_targets()) == {}
    assert run(lookups.cached_servers()) == []
    ivrs = run(lookups.routing_targets(RouteKind.IVR))
    servers = run(lookups.servers())
    sandbox.clear_log()
    assert run(lookups.cached_routing_targets()) == {RouteKind.IVR: ivrs}
    assert run(lookups.cached_servers()) == servers
    assert sandbox.request_log == []


def test_ttl_can_change_while_running(
    lookups: LookupService, sandbox: SandboxServer, run: Any, clock: Clock
) -> None:
    run(lookups.get("codecs"))
    clock.now += timedelta(days=2)
    lookups.set_ttl(timedelta(days=1))  # the settings page shortened it
    assert not run(lookups.get("codecs")).from_cache
    assert _calls(sandbox, "getAllowedCodecs") == 2
