"""Numbers tab against the sandbox over real HTTP: display, quick and bulk reroute, rollback."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import target_list_name
from app.ui import dates
from app.ui.tabs.numbers import create_tab
from app.ui.tabs.numbers.did_model import Column
from app.ui.tabs.numbers.reroute_menu import find_action
from app.ui.tabs.numbers.view import NumbersTab
from tests.gui import test_numbers_support as support
from tests.gui.test_numbers_support import FAX, IVR, MAIN, SALES, cell

# Fixtures shared by the numbers GUI tests (see test_numbers_support).
tab = support.tab
collect_garbage_on_the_gui_thread = support.collect_garbage_on_the_gui_thread


def test_table_shows_numbers_and_routing_in_words(tab: NumbersTab) -> None:
    assert tab.model.rowCount() == 4
    assert cell(tab, MAIN, Column.NUMBER) == "(617) 555-0100"
    assert cell(tab, MAIN, Column.ROUTING) == "Sub-account Front desk phone (284561_frontdesk)"
    assert cell(tab, MAIN, Column.BUSY) == "Voicemail 1001 - Front desk"
    assert cell(tab, MAIN, Column.UNREACHABLE) == "Forward to (617) 555-0188 (Owner mobile)"
    assert cell(tab, SALES, Column.ROUTING) == "Ring group Sales team"
    assert cell(tab, IVR, Column.ROUTING) == "IVR Main menu"
    assert cell(tab, IVR, Column.UNREACHABLE) == "System: no service message"
    assert cell(tab, IVR, Column.BUSY) == "No action"
    assert cell(tab, FAX, Column.ROUTING) == "SIP URI fax@gateway.maplestreet.example:5060"
    assert cell(tab, MAIN, Column.POP) != "POP 5"  # server name from the cached servers
    assert cell(tab, MAIN, Column.VOICEMAIL) == "1001"
    assert cell(tab, IVR, Column.VOICEMAIL) == "None"
    assert cell(tab, MAIN, Column.DIALTIME) == "60 s"
    assert (cell(tab, MAIN, Column.SMS), cell(tab, IVR, Column.SMS)) == ("Yes", "No")
    assert cell(tab, SALES, Column.NOTE) == "Sales & catering"


@pytest.mark.parametrize(
    ("routing", "words"),
    [
        ("queue:3008", "Queue orders"),
        ("cb:2359", "Callback Owner callback"),
        ("tc:1830", "Time condition Opening hours"),
        ("disa:2114", "DISA Owner outbound"),
        ("recording:7570", "Recording Closed for holidays"),
        ("sip:6199", "SIP URI Fax gateway"),
        ("sys:hangup", "System: hang up"),
        ("fwd:18641", "Forward to (781) 555-0175 (Manager mobile)"),
        ("vm:1002", "Voicemail 1002 - Sales"),
        ("none:", "No action"),
    ],
)
def test_every_routing_kind_is_shown_in_words(
    app_context: Any, sandbox: SandboxServer, qtbot: QtBot, arun: Any, routing: str, words: str
) -> None:
    # Set on the "portal" (the sandbox's state), then loaded by the tab.
    sandbox.state.dids[MAIN]["routing"] = routing
    widget = create_tab(app_context)
    assert isinstance(widget, NumbersTab)
    qtbot.addWidget(widget)
    arun(widget.refresh())
    assert cell(widget, MAIN, Column.ROUTING) == words


def test_quick_reroute_from_the_context_menu(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    sandbox.clear_log()
    # Hold the answer back a little so the optimistic state can be observed.
    sandbox.faults.inject("slow", methods="setDIDRouting", delay=0.5)
    tab.select_numbers([SALES])
    menu = tab.build_context_menu()
    action = find_action(menu, Route(RouteKind.VOICEMAIL, "1001"))
    assert action is not None
    action.trigger()
    # Optimistic: the row reads the new target (in italics) before the provider answered.
    qtbot.waitUntil(lambda: tab.model.is_pending(SALES), timeout=5000)
    assert cell(tab, SALES, Column.ROUTING) == "Voicemail 1001 - Front desk"
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES), timeout=5000)
    calls = sandbox.calls("setDIDRouting")
    assert [(c.params["did"], c.params["routing"]) for c in calls] == [(SALES, "vm:1001")]
    assert sandbox.state.dids[SALES]["routing"] == "vm:1001"
    qtbot.waitUntil(lambda: tab.log_model.rowCount() == 1, timeout=5000)
    assert "Ring group Sales team → Voicemail 1001 - Front desk" in str(
        tab.log_model.index(0, 2).data())
    assert tab.log_model.index(0, 3).data() == "Saved"
    # The moment and the number are whole, as every list writes them.
    view, entry = tab.log_panel.view, tab.log_model.entry(0)
    assert entry is not None
    when = tab.log_model.index(0, 0).data()
    assert when == dates.list_date(entry.when, datetime.now().astimezone())
    for column, text in ((0, when), (1, tab.log_model.index(0, 1).data())):
        assert view.columnWidth(column) >= view.fontMetrics().horizontalAdvance(text)


def test_a_number_can_be_routed_back_to_the_main_account(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    """A phone registered on the main account (the demo's "Main account" is online):
    getSubAccounts lists only sub-accounts, so a number routed away from it could
    come back only through Undo or a preset. The main account is offered first."""
    tab.select_numbers([SALES])
    menu = tab.build_context_menu()
    action = find_action(menu, Route(RouteKind.ACCOUNT, "284561"))
    assert action is not None and action.text() == "284561 (main account)"
    action.trigger()
    qtbot.waitUntil(lambda: sandbox.state.dids[SALES]["routing"] == "account:284561",
                    timeout=5000)
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES), timeout=5000)
    assert cell(tab, SALES, Column.ROUTING) == "Sub-account 284561 (main account)"


def test_bulk_reroute_from_the_toolbar_menu(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    sandbox.clear_log()
    tab.select_numbers([MAIN, SALES, IVR])
    assert tab.selection_label.text() == "3 numbers selected"
    tab.route_menu.aboutToShow.emit()
    action = find_action(tab.route_menu, Route(RouteKind.FORWARD, "18635"))
    assert action is not None
    action.trigger()
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDRouting")) == 3, timeout=5000)
    qtbot.waitUntil(lambda: not any(tab.model.is_pending(n) for n in (MAIN, SALES, IVR)),
                    timeout=5000)
    for number in (MAIN, SALES, IVR):
        assert sandbox.state.dids[number]["routing"] == "fwd:18635"
        assert cell(tab, number, Column.ROUTING) == "Forward to (617) 555-0188 (Owner mobile)"
    assert sandbox.state.dids[FAX]["routing"].startswith("sip:")


def test_refused_reroute_rolls_back_with_the_reason(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    # A ring group deleted on the portal after our list was cached.
    sandbox.state.ring_groups.clear()
    shown: list[str] = []
    tab.model.dataChanged.connect(lambda *_: shown.append(cell(tab, MAIN, Column.ROUTING)))
    tab.select_numbers([MAIN])
    tab.menu_builder.route_chosen.emit(Route(RouteKind.RING_GROUP, "4768"))
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert shown[0] == "Ring group Sales team"  # shown at once, then rolled back
    assert cell(tab, MAIN, Column.ROUTING) == "Sub-account Front desk phone (284561_frontdesk)"
    assert not tab.model.is_pending(MAIN)
    text = user_messages.texts[0]
    assert text.startswith("(617) 555-0100 could not be routed to Ring group Sales team:")
    assert "ring group" in text.lower()
    assert sandbox.state.dids[MAIN]["routing"] == "account:284561_frontdesk"
    qtbot.waitUntil(lambda: tab.log_model.rowCount() == 1, timeout=5000)
    assert str(tab.log_model.index(0, 3).data()).startswith("Not saved: ")


def test_transport_fault_rolls_back_too(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    sandbox.faults.inject("http_503", methods="setDIDRouting")
    tab.select_numbers([IVR])
    tab.menu_builder.route_chosen.emit(Route(RouteKind.SYSTEM, "hangup"))
    # A menu (IVR) line is asked about first (issue #15.2), then the refusal is told.
    qtbot.waitUntil(lambda: len(user_messages) == 2, timeout=5000)
    assert user_messages.texts[0].startswith("Route this number to System: hang up?")
    assert cell(tab, IVR, Column.ROUTING) == "IVR Main menu"
    assert "could not be routed to System: hang up" in user_messages.texts[1]


def test_several_numbers_are_confirmed_by_name_and_a_no_changes_nothing(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    """Issue #15.2: selecting several numbers and picking a target used to reroute all of
    them at once, fax line included, without a word."""
    before = {n: cell(tab, n, Column.ROUTING) for n in (MAIN, IVR)}
    user_messages.answer = False
    sandbox.clear_log()
    tab.select_numbers([MAIN, IVR])
    tab.menu_builder.route_chosen.emit(Route(RouteKind.SYSTEM, "hangup"))
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    question = user_messages.texts[0]
    assert question.startswith("Route 2 numbers to System: hang up?")
    assert "(617) 555-0100" in question and "(617) 555-0122" in question
    assert {n: cell(tab, n, Column.ROUTING) for n in (MAIN, IVR)} == before
    assert not [r for r in sandbox.request_log if r.method.startswith("set")]


def test_cached_rows_show_before_any_network(
    tab: NumbersTab, app_context: Any, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    sandbox.clear_log()
    app_context.__dict__.pop("numbers")  # a fresh service, as at the next start
    second = create_tab(app_context)
    assert isinstance(second, NumbersTab)
    qtbot.addWidget(second)
    second.load_cached()
    qtbot.waitUntil(lambda: second.model.rowCount() == 4, timeout=5000)
    assert cell(second, MAIN, Column.ROUTING) == "Sub-account Front desk phone (284561_frontdesk)"
    assert sandbox.request_log == []


def test_table_model_passes_the_model_tester(tab: NumbersTab, qtmodeltester: Any) -> None:
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.log_model)


def test_failed_refresh_says_why_and_keeps_the_rows(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    sandbox.state.ip_enabled = False
    tab.refresh_button.click()
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert "IP" in user_messages.texts[0]
    assert tab.model.rowCount() == 4  # what we had is still shown
    qtbot.waitUntil(tab.refresh_button.isEnabled, timeout=5000)


def test_a_filter_matching_nothing_says_so(tab: NumbersTab) -> None:
    tab.filter_edit.setText("no such number")
    assert tab.proxy.rowCount() == 0
    assert tab.selection_label.text() == "No number matches “no such number”"
    tab.filter_edit.clear()
    assert tab.selection_label.text() == "Select numbers to reroute them"


def test_changes_made_elsewhere_reach_the_table_and_log(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any
) -> None:
    # Not through the tab: the service's events (QtEventListener) carry the rows and
    # the new log lines; the tab reads nothing again.
    arun(tab.service.reroute([IVR], Route(RouteKind.VOICEMAIL, "1001")))
    assert cell(tab, IVR, Column.ROUTING) == "Voicemail 1001 - Front desk"
    assert tab.log_model.rowCount() == 1
    assert "IVR Main menu → Voicemail 1001 - Front desk" in str(tab.log_model.index(0, 2).data())


def test_refresh_drops_numbers_no_longer_on_the_account(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any
) -> None:
    del sandbox.state.dids[FAX]
    arun(tab.refresh())
    assert tab.model.rowCount() == 3 and tab.model.row_of(FAX) == -1
    assert cell(tab, MAIN, Column.NUMBER) == "(617) 555-0100"


def test_a_list_refreshed_elsewhere_renames_targets_in_the_table(
    tab: NumbersTab, app_context: Any, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    sandbox.state.ivrs[0]["name"] = "Day menu"  # renamed on the portal
    # The settings page's "Refresh this list" (or "Refresh all"), not the tab.
    arun(app_context.lookups.get(target_list_name(RouteKind.IVR), refresh=True))
    qtbot.waitUntil(lambda: cell(tab, IVR, Column.ROUTING) == "IVR Day menu", timeout=5000)


def test_a_change_log_line_reads_saving_until_voipms_answers(
    qapp: Any, qtmodeltester: Any
) -> None:
    """Written before the call, the line shows "Saving…"; settled, the same row says
    how it went (no second row), and only a refusal is in the error colour."""
    from dataclasses import replace
    from datetime import UTC

    from PySide6.QtCore import Qt

    from app.domain.models.numbers import ChangeLogEntry
    from app.ui.tabs.numbers.change_log import ChangeLogModel, ChangeLogPanel

    model = ChangeLogModel()
    qtmodeltester.check(model)
    line = ChangeLogEntry(datetime(2026, 12, 5, 21, 0, tzinfo=UTC), MAIN, "routing",
                          "account:284561_frontdesk", "vm:1001", "setDIDRouting", False, "",
                          "c1", pending=True)
    model.add_entries([line])
    assert model.index(0, 3).data() == "Saving…"
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is None
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, *_: changed.append(top.row()))
    panel = ChangeLogPanel(model)
    panel.select_row(0)
    assert not panel.undo_button.isEnabled()  # nothing to undo while it is on its way
    model.add_entries([replace(line, pending=False, ok=True)])
    assert model.rowCount() == 1 and changed == [0]
    assert model.index(0, 3).data() == "Saved"
    assert panel.undo_button.isEnabled()  # settled in place, still selected: undoable
    model.add_entries([replace(line, change_id="c2", pending=False, ok=False, reason="No")])
    assert model.rowCount() == 2 and model.index(0, 3).data() == "Not saved: No"
    assert model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole) is not None
