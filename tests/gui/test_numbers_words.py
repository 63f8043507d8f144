"""Numbers at everyday sizes and in everyday words (issue #15.15), against the sandbox.

At 1100 px the table does not scroll sideways and the routing is whole; "Forward
to a number" takes a typed number (the forwarding is created with setForwarding);
"Ring for" says when it is too short to answer; the technical words are under
"Advanced", explained.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import target_list_name
from app.ui.tabs.numbers.did_model import HEADERS, Column
from app.ui.tabs.numbers.edit_dialog import DidEditDialog
from app.ui.tabs.numbers.view import NumbersTab
from tests.gui import test_numbers_support as support
from tests.gui.test_numbers_support import FAX, MAIN, SALES, cell

tab = support.tab
collect_garbage_on_the_gui_thread = support.collect_garbage_on_the_gui_thread


def _resize(tab: NumbersTab, qtbot: QtBot, width: int, height: int) -> None:
    tab.resize(width, height)
    qtbot.waitUntil(lambda: tab.table.viewport().width() > 0
                    and tab.width() == width, timeout=5000)
    tab.columns.layout()


def _routing_is_whole(tab: NumbersTab) -> bool:
    width = tab.table.columnWidth(Column.ROUTING)
    return width >= tab.table.sizeHintForColumn(Column.ROUTING)


def test_at_1100_px_no_sideways_scroll_and_the_routing_is_whole(
    tab: NumbersTab, qtbot: QtBot
) -> None:
    _resize(tab, qtbot, 1100, 700)
    bar = tab.table.horizontalScrollBar()
    assert bar.maximum() == 0
    assert _routing_is_whole(tab)
    hidden = tab.columns.hidden_columns()
    assert hidden and Column.NUMBER not in hidden and Column.ROUTING not in hidden
    assert "Not shown for lack of room" in tab.table.horizontalHeader().toolTip()
    # Wide: everything fits, nothing is hidden, still no sideways scroll.
    _resize(tab, qtbot, 1920, 1080)
    assert tab.columns.hidden_columns() == []
    assert tab.table.horizontalScrollBar().maximum() == 0
    assert _routing_is_whole(tab)


def test_the_header_menu_shows_a_hidden_column(tab: NumbersTab, qtbot: QtBot) -> None:
    _resize(tab, qtbot, 1100, 700)
    hidden = tab.columns.hidden_columns()[0]
    menu = tab.columns.build_header_menu()
    action = next(a for a in menu.actions() if a.text() == HEADERS[hidden])
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert not tab.table.isColumnHidden(hidden)
    menu = tab.columns.build_header_menu()
    next(a for a in menu.actions() if a.text() == "Fit to the window").trigger()
    assert tab.table.isColumnHidden(hidden)


def _editor(tab: NumbersTab, number: str) -> DidEditDialog:
    dialog = tab.open_edit_dialog(number)
    assert dialog is not None
    return dialog


def test_forward_to_a_typed_number_creates_the_forwarding_then_routes_to_it(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    before = {f["forwarding"] for f in sandbox.state.forwardings}
    dialog = _editor(tab, SALES)
    dialog.routing.choose_new_number("+1 (514) 555-0123")
    assert dialog.routing.number_edit.isVisible()
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES)
                    and sandbox.calls("setDIDRouting") != [], timeout=5000)
    created = [f for f in sandbox.state.forwardings if f["forwarding"] not in before]
    assert [f["phone_number"] for f in created] == ["5145550123"]
    assert sandbox.calls("setForwarding")[0].params["phone_number"] == "5145550123"
    assert sandbox.state.dids[SALES]["routing"] == f"fwd:{created[0]['forwarding']}"
    qtbot.waitUntil(lambda: cell(tab, SALES, Column.ROUTING)
                    == "Forward to (514) 555-0123", timeout=5000)


def test_a_typed_number_already_forwarded_to_is_reused(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    dialog = _editor(tab, SALES)
    dialog.routing.choose_new_number("617-555-0188")  # the owner's mobile, forwarding 18635
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES)
                    and sandbox.calls("setDIDRouting") != [], timeout=5000)
    assert sandbox.calls("setForwarding") == []
    assert sandbox.state.dids[SALES]["routing"] == "fwd:18635"


def test_a_typed_number_that_is_not_one_is_refused_in_words(
    tab: NumbersTab, sandbox: SandboxServer
) -> None:
    dialog = _editor(tab, SALES)
    dialog.failover_busy.choose_new_number("555-12")
    sandbox.clear_log()
    dialog.accept()
    assert dialog.isVisible()
    assert "“555-12” is not a phone number calls can be forwarded to" in dialog.problem.text()
    assert sandbox.request_log == []
    dialog.reject()


def test_ring_for_one_second_is_not_accepted_silently(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    dialog = _editor(tab, MAIN)
    assert dialog.ring_warning.isHidden()
    dialog.dialtime.setValue(1)
    assert not dialog.ring_warning.isHidden()
    assert dialog.ring_warning.text().startswith("1 second is too short for anyone to answer")
    sandbox.clear_log()
    dialog.accept()
    assert dialog.isVisible() and sandbox.request_log == []
    assert "Press “Save anyway” to keep it." in dialog.problem.text()
    dialog.accept()  # the second Save keeps it
    qtbot.waitUntil(lambda: sandbox.calls("setDIDInfo") != []
                    and not tab.model.is_pending(MAIN), timeout=5000)
    assert sandbox.state.dids[MAIN]["dialtime"] == "1"


def test_technical_words_are_under_advanced_and_explained(tab: NumbersTab) -> None:
    dialog = _editor(tab, MAIN)
    kinds = [dialog.routing.kind_combo.itemText(i)
             for i in range(dialog.routing.kind_combo.count())]
    assert not any("DISA" in k or "SIP" in k or "Call back" in k for k in kinds)
    assert "A phone (sub-account)" in kinds and "Phone menu (IVR)" in kinds
    tips = [dialog.routing.kind_combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
            for i in range(dialog.routing.kind_combo.count())]
    assert all(tips)
    # The phone's name, not its sub-account id (the id is in the tooltip).
    assert dialog.routing.target_combo.currentText() == "Front desk phone"
    dialog.routing.select_kind(RouteKind.SYSTEM)
    targets = [dialog.routing.target_combo.itemText(i)
               for i in range(dialog.routing.target_combo.count())]
    assert not any("DTMF" in t for t in targets)
    assert dialog.advanced.isHidden() and not dialog.pop.isVisible()

    dialog.show_advanced(True)
    assert dialog.advanced.isVisible() and dialog.pop.isVisible()
    kinds = [dialog.routing.kind_combo.itemText(i)
             for i in range(dialog.routing.kind_combo.count())]
    assert "Dial out through this number (DISA, advanced)" in kinds
    targets = [dialog.routing.target_combo.itemText(i)
               for i in range(dialog.routing.target_combo.count())]
    assert "Keypad tone test (DTMF, advanced)" in targets
    dialog.reject()


def test_a_number_using_an_advanced_target_opens_with_advanced_shown(
    tab: NumbersTab,
) -> None:
    dialog = _editor(tab, FAX)  # routed to a SIP URI (the fax gateway)
    assert dialog.advanced_button.isChecked() and dialog.advanced.isVisible()
    assert dialog.routing.kind() is RouteKind.SIP
    dialog.reject()


def test_the_heading_shows_a_hostile_description_as_plain_text(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any
) -> None:
    sandbox.state.dids[MAIN]["description"] = "<b>BOSTON</b> &amp; <a href='x'>co</a>"
    arun(tab.refresh())
    dialog = _editor(tab, MAIN)
    from PySide6.QtWidgets import QLabel
    heading = dialog.findChildren(QLabel)[0]
    assert heading.textFormat() == Qt.TextFormat.PlainText
    assert heading.text() == "(617) 555-0100 — <b>BOSTON</b> &amp; <a href='x'>co</a>"
    dialog.reject()


def test_the_route_menu_speaks_plainly_and_keeps_technical_kinds_under_advanced(
    tab: NumbersTab,
) -> None:
    tab.select_numbers([MAIN])
    tab.route_menu.aboutToShow.emit()
    top = [a.text() for a in tab.route_menu.actions() if a.menu() is not None]
    assert "Phones (sub-accounts)" in top and "Phone menus (IVR)" in top
    assert not any("DISA" in t or "SIP" in t for t in top)
    advanced = next(a.menu() for a in tab.route_menu.actions() if a.text() == "Advanced")
    inner = [a.text() for a in advanced.actions()]
    assert "Dial out through this number (DISA)" in inner and "SIP addresses" in inner


def test_a_longer_routing_after_a_change_is_still_whole(
    tab: NumbersTab, app_context: Any, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    _resize(tab, qtbot, 1100, 700)
    before = tab.table.columnWidth(Column.ROUTING)
    sandbox.state.forwardings[0]["description"] = "Owner mobile, evenings and weekends"
    arun(app_context.lookups.get(target_list_name(RouteKind.FORWARD), refresh=True))
    arun(tab.service.reroute([SALES], Route(RouteKind.FORWARD, "18635")))
    qtbot.waitUntil(lambda: tab.table.columnWidth(Column.ROUTING) > before, timeout=5000)
    assert _routing_is_whole(tab)
    assert tab.table.horizontalScrollBar().maximum() == 0
