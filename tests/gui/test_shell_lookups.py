"""Lookup lists cached with a TTL: hit, miss, stale, offline; the settings page shows them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.errors import UserFacingError
from app.domain.routing import RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService, target_list_name
from app.store.lookup_cache import LookupCache
from app.ui.settings_dialog import SettingsDialog


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 1, 12, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lookups(app_context: Any, clock: Clock) -> LookupService:
    cache = LookupCache(app_context.db, ttl=timedelta(days=7), clock=clock)
    return LookupService(app_context.api, app_context.db, cache=cache)


def _calls(sandbox: SandboxServer, method: str) -> int:
    return sum(1 for r in sandbox.request_log if r.method == method)


def test_miss_then_hit(lookups: LookupService, sandbox: SandboxServer, arun: Any) -> None:
    first = arun(lookups.get("servers"))
    assert not first.from_cache and first.rows and not first.stale
    assert _calls(sandbox, "getServersInfo") == 1
    second = arun(lookups.get("servers"))
    assert second.from_cache and second.rows == first.rows
    assert _calls(sandbox, "getServersInfo") == 1  # served from the cache
    servers = arun(lookups.servers())
    assert any(s.recommended for s in servers) and all(s.pop and s.name for s in servers)


def test_stale_copy_is_refreshed(
    lookups: LookupService, sandbox: SandboxServer, arun: Any, clock: Clock
) -> None:
    arun(lookups.get("timezones"))
    clock.now += timedelta(days=8)
    again = arun(lookups.get("timezones"))
    assert not again.from_cache and not again.stale
    assert _calls(sandbox, "getTimezones") == 2


def test_offline_uses_stale_copy_and_says_why(
    lookups: LookupService, sandbox: SandboxServer, arun: Any, clock: Clock
) -> None:
    fresh = arun(lookups.routing_targets(RouteKind.IVR))
    clock.now += timedelta(days=30)
    sandbox.state.api_enabled = False  # the API refuses: like being offline, but instant
    result = arun(lookups.get(target_list_name(RouteKind.IVR)))
    assert result.from_cache and result.stale and result.error
    assert [r["value"] for r in result.rows] == [t.value for t in fresh]
    assert arun(lookups.routing_targets(RouteKind.IVR)) == fresh


def test_offline_without_a_copy_is_an_error(
    lookups: LookupService, sandbox: SandboxServer, arun: Any
) -> None:
    sandbox.state.api_enabled = False
    with pytest.raises(UserFacingError):
        arun(lookups.get("countries"))


def test_system_targets_need_no_api(
    lookups: LookupService, sandbox: SandboxServer, arun: Any
) -> None:
    targets = arun(lookups.routing_targets(RouteKind.SYSTEM))
    assert {t.value for t in targets} >= {"hangup", "busy"}
    assert sandbox.request_log == []


def test_refresh_all_reports_each_list(lookups: LookupService, arun: Any) -> None:
    outcome = arun(lookups.refresh_all(quiet=True), timeout=30_000)
    assert "servers" in outcome and target_list_name(RouteKind.FORWARD) in outcome
    assert all(error is None for error in outcome.values()), outcome


def test_settings_page_lists_pops(
    qtbot: QtBot, app_context: Any, lookups: LookupService, qloop: Any
) -> None:
    dialog = SettingsDialog(app_context.settings, lookups, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.setCurrentIndex(2)
    names = [dialog.lists.item(i).data(0x0100) for i in range(dialog.lists.count())]
    dialog.lists.setCurrentRow(names.index("servers"))
    qtbot.waitUntil(lambda: dialog.rows_table.rowCount() > 0, timeout=10_000)
    headers = [
        dialog.rows_table.horizontalHeaderItem(c).text()
        for c in range(dialog.rows_table.columnCount())
    ]
    assert headers == ["Name", "POP", "Hostname", "Country", "Recommended"]
    assert dialog.rows_table.item(0, 4).text() == "Yes"  # recommended POPs sorted first
    assert "fresh" in dialog.list_state.text()
