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


def _dialog(qtbot: QtBot, app_context: Any, lookups: LookupService, clock: Clock) -> Any:
    dialog = SettingsDialog(app_context.settings, lookups, None)
    # The page's idea of "now" is the cache's (ages read "updated 3 days ago").
    dialog.lists_page._clock = clock
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.setCurrentIndex(2)
    return dialog


def _overview(page: Any) -> dict[str, tuple[str, str, str]]:
    table = page.overview
    return {
        table.item(r, 0).data(0x0100): tuple(table.item(r, c).text() for c in range(3))
        for r in range(table.rowCount())
    }


def _entries(page: Any) -> tuple[list[str], list[list[str]]]:
    table = page.entries
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    return headers, rows


def test_every_list_with_a_plain_name_its_size_and_age(
    qtbot: QtBot, app_context: Any, lookups: LookupService, arun: Any, clock: Clock
) -> None:
    arun(lookups.get("timezones"))
    arun(lookups.get("servers"))
    clock.now += timedelta(days=3)
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    qtbot.waitUntil(lambda: _overview(page)["countries"][2] == "never fetched", timeout=10_000)
    overview = _overview(page)
    assert overview["timezones"] == ("Time zones", "48 entries", "updated 3 days ago")
    assert overview["servers"][0] == "Servers (POPs)"
    assert overview["countries"] == ("Countries", "—", "never fetched")
    assert "7 days" in page.intro.text()  # when copies are refreshed, in words


def test_entries_in_readable_columns_and_raw_under_advanced(
    qtbot: QtBot, app_context: Any, lookups: LookupService, arun: Any, clock: Clock,
    sandbox: SandboxServer,
) -> None:
    arun(lookups.get("timezones"))
    arun(lookups.get("codecs"))
    arun(lookups.get("servers"))
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    page.select("timezones")
    qtbot.waitUntil(lambda: page.entries.rowCount() == 48, timeout=10_000)
    headers, rows = _entries(page)
    assert headers == ["Time zone"]  # not the same text twice
    assert rows[0] == ["Africa/Cairo"]
    assert page.state.text() == "Time zones: 48 entries, updated just now."
    page.select("codecs")
    qtbot.waitUntil(lambda: _entries(page)[0] == ["Codec", "Code"], timeout=10_000)
    assert _entries(page)[1][0] == ["G.711U", "ulaw"]
    page.advanced.setChecked(True)
    qtbot.waitUntil(lambda: _entries(page)[0] == ["value", "description"], timeout=10_000)
    page.advanced.setChecked(False)
    page.select("servers")
    qtbot.waitUntil(lambda: _entries(page)[0][:2] == ["Name", "POP"], timeout=10_000)
    assert _entries(page)[1][0][4] == "Yes"  # recommended POPs first
    assert sandbox.calls("getTimezones") and len(sandbox.calls("getTimezones")) == 1


def test_selecting_a_list_never_fetched_says_so_without_the_network(
    qtbot: QtBot, app_context: Any, lookups: LookupService, clock: Clock, sandbox: SandboxServer,
) -> None:
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    page.select("languages")
    qtbot.waitUntil(lambda: "never fetched" in page.state.text(), timeout=10_000)
    assert page.entries.rowCount() == 0 and page.refresh_button.isEnabled()
    assert sandbox.request_log == []
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.entries.rowCount() == 3, timeout=10_000)
    assert _overview(page)["languages"][1:] == ("3 entries", "updated just now")
    assert _entries(page) == (["Language", "Code"],
                              [["English", "en"], ["French", "fr"], ["Spanish", "es"]])


def test_refresh_all_shows_progress_then_every_list_is_fresh(
    qtbot: QtBot, app_context: Any, lookups: LookupService, clock: Clock,
) -> None:
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    steps: list[tuple[int, int]] = []
    original = page._on_refresh_progress

    def record(done: int, total: int, name: str) -> None:
        original(done, total, name)
        steps.append((done, total))
        assert page.progress.isVisible() and page.refresh_all_button.text() == "Stop"

    page._on_refresh_progress = record
    page.refresh_all_button.click()
    qtbot.waitUntil(lambda: page.state.text() == "All lists refreshed.", timeout=20_000)
    total = len(page.names)
    assert steps[0] == (0, total) and steps[-1] == (total, total)
    assert not page.progress.isVisible() and page.refresh_all_button.text() == "Refresh all lists"
    qtbot.waitUntil(
        lambda: all(v[2] == "updated just now" for v in _overview(page).values()), timeout=10_000
    )


def test_refresh_all_can_be_stopped(
    qtbot: QtBot, app_context: Any, lookups: LookupService, clock: Clock, sandbox: SandboxServer,
) -> None:
    sandbox.faults.inject("slow", count=100, delay=0.3)
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    page.refresh_all_button.click()
    qtbot.waitUntil(lambda: page.refresh_all_button.text() == "Stop", timeout=5_000)
    page.refresh_all_button.click()
    qtbot.waitUntil(lambda: page.state.text().startswith("Refresh stopped."), timeout=10_000)
    assert page.refresh_all_button.text() == "Refresh all lists"
    assert not page.progress.isVisible()
    assert len(sandbox.request_log) < len(page.names)  # it did not go on


def test_server_text_is_shown_as_plain_text(
    qtbot: QtBot, app_context: Any, lookups: LookupService, arun: Any, clock: Clock,
    sandbox: SandboxServer,
) -> None:
    hostile = "<b>Évora</b> <img src=x> 🇵🇹"
    sandbox.state.lookups["countries"].append({"value": "PT", "description": hostile})
    arun(lookups.get("countries"))
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    page.select("countries")
    qtbot.waitUntil(lambda: page.entries.rowCount() == 6, timeout=10_000)
    assert _entries(page)[1][-1] == [hostile, "PT"]


def test_settings_page_follows_a_refresh_made_elsewhere(
    qtbot: QtBot, app_context: Any, lookups: LookupService, sandbox: SandboxServer, arun: Any,
    clock: Clock,
) -> None:
    arun(lookups.get("timezones"))
    dialog = _dialog(qtbot, app_context, lookups, clock)
    page = dialog.lists_page
    page.select("timezones")
    qtbot.waitUntil(lambda: page.entries.rowCount() == 48, timeout=10_000)
    # Fetched again by someone else (the background refresh) a day later.
    zone = {"value": "Test/Zone", "description": "Test/Zone"}
    sandbox.state.lookups["timezones"].append(zone)
    clock.now += timedelta(days=1)
    arun(lookups.get("timezones", refresh=True))
    qtbot.waitUntil(lambda: page.entries.rowCount() == 49, timeout=10_000)
    assert _overview(page)["timezones"][1:] == ("49 entries", "updated just now")


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
