"""The settings page's Lists tab shows the cached lookup lists and follows their refreshes.

The cache itself (hit, miss, stale, offline) is tested without Qt in
tests/unit/services/test_lookups.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService
from app.store.lookup_cache import LookupCache, read_lookup
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


def test_settings_page_follows_a_refresh_made_elsewhere(
    qtbot: QtBot, app_context: Any, lookups: LookupService, sandbox: SandboxServer, arun: Any,
    clock: Clock,
) -> None:
    arun(lookups.get("timezones"))
    dialog = SettingsDialog(app_context.settings, lookups, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.setCurrentIndex(2)
    names = [dialog.lists.item(i).data(0x0100) for i in range(dialog.lists.count())]
    dialog.lists.setCurrentRow(names.index("timezones"))
    qtbot.waitUntil(lambda: dialog.rows_table.rowCount() > 0, timeout=10_000)
    rows = dialog.rows_table.rowCount()
    first = dialog.list_state.text()
    # Fetched again by someone else (the main window's "Refresh all") a day later.
    zone = dict(sandbox.state.lookups["timezones"][0], value="Test/Zone")
    sandbox.state.lookups["timezones"].append(zone)
    clock.now += timedelta(days=1)
    arun(lookups.get("timezones", refresh=True))
    qtbot.waitUntil(lambda: dialog.list_state.text() != first, timeout=10_000)
    assert dialog.rows_table.rowCount() == rows + 1


def test_first_load_of_the_window_fills_every_list_in_the_background(
    qtbot: QtBot, main_window: Any, arun: Any, sandbox: SandboxServer
) -> None:
    from app.services.lookups.service import all_list_names

    lookups = main_window.ctx.lookups
    assert all(arun(lookups.cache.get(name)) is None for name in all_list_names())
    with qtbot.waitSignal(main_window.initial_load_finished, timeout=20_000):
        main_window.start()
    assert lookups.polling.running  # started once the tabs' first load was over

    def all_cached() -> bool:
        return all(
            main_window.ctx.db.run_sync(read_lookup, name) is not None for name in all_list_names()
        )

    qtbot.waitUntil(all_cached, timeout=20_000)  # the settings page was never opened
    assert len(sandbox.calls("getTimezones")) == 1 and len(sandbox.calls("getAllowedCodecs")) == 1
    lookups.stop()  # what AppServices.close() does at the end of a session
    assert not lookups.polling.running
