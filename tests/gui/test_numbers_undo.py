"""Undo in the Numbers tab (issue #15.2), against the sandbox over real HTTP.

Right after a change: an inline "Undo" for a while, and Ctrl+Z while the tab has
focus; later: "Undo this change" on any saved line of the change log.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.did_edit import DidEdit
from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.ui.tabs.numbers.did_model import Column
from app.ui.tabs.numbers.undo_bar import OFFER_SECONDS
from app.ui.tabs.numbers.view import NumbersTab
from tests.gui import test_numbers_support as support
from tests.gui.test_numbers_support import IVR, MAIN, SALES, cell

tab = support.tab
collect_garbage_on_the_gui_thread = support.collect_garbage_on_the_gui_thread

HANGUP = Route(RouteKind.SYSTEM, "hangup")


def _settled(tab: NumbersTab, *numbers: str) -> bool:
    return not any(tab.model.is_pending(n) for n in numbers)


def test_undo_button_right_after_a_bulk_reroute_restores_every_number(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    before = {n: sandbox.state.dids[n]["routing"] for n in (MAIN, SALES, IVR)}
    shown = {n: cell(tab, n, Column.ROUTING) for n in (MAIN, SALES, IVR)}
    assert tab.undo_bar.isHidden()
    tab.select_numbers([MAIN, SALES, IVR])
    tab.menu_builder.route_chosen.emit(HANGUP)  # confirmed (answer: yes)
    qtbot.waitUntil(tab.undo_bar.offered, timeout=5000)
    assert tab.undo_bar.label.text() == "3 numbers now go to System: hang up."
    assert tab.undo_bar.timer.interval() == OFFER_SECONDS * 1000
    sandbox.clear_log()

    qtbot.mouseClick(tab.undo_bar.undo_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDInfo")) == 3
                    and _settled(tab, MAIN, SALES, IVR), timeout=5000)
    assert {n: sandbox.state.dids[n]["routing"] for n in before} == before
    assert {n: cell(tab, n, Column.ROUTING) for n in shown} == shown
    # The undo is in the log and offered for undoing in turn.
    qtbot.waitUntil(lambda: tab.log_model.rowCount() == 6, timeout=5000)
    assert tab.log_model.entry(0).method == "setDIDInfo"  # type: ignore[union-attr]
    assert tab.undo_bar.label.text().startswith("Undone: (617) 555-0100, (617) 555-0111")


def test_the_offer_goes_away_after_its_time(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    tab.select_numbers([SALES])
    tab.menu_builder.route_chosen.emit(HANGUP)
    qtbot.waitUntil(tab.undo_bar.offered, timeout=5000)
    tab.undo_bar.timer.setInterval(50)  # the offer's time, sped up
    tab.undo_bar.timer.start()
    qtbot.waitUntil(lambda: not tab.undo_bar.offered(), timeout=5000)
    assert tab.last_change_id  # Ctrl+Z still knows the last change


def test_ctrl_z_in_the_tab_undoes_the_last_edit(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    before = dict(sandbox.state.dids[MAIN])
    tab._on_edit_dialog_accepted(MAIN, DidEdit(routing=HANGUP, dialtime=25, note="Closed"))
    qtbot.waitUntil(tab.undo_bar.offered, timeout=5000)
    assert sandbox.state.dids[MAIN]["note"] == "Closed"
    tab.table.setFocus()
    qtbot.waitUntil(tab.table.hasFocus, timeout=5000)
    sandbox.clear_log()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDInfo")) == 1 and _settled(tab, MAIN),
                    timeout=5000)
    for name in ("routing", "dialtime", "note"):
        assert sandbox.state.dids[MAIN][name] == before[name], name
    assert cell(tab, MAIN, Column.NOTE) == before["note"]


def test_undo_from_the_change_log(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    arun(tab.service.reroute([IVR], HANGUP))  # an older change, made earlier
    arun(tab.service.reroute([SALES], Route(RouteKind.VOICEMAIL, "1001")))
    assert tab.log_model.rowCount() == 2
    assert not tab.log_panel.undo_button.isEnabled()
    tab.log_panel.select_row(1)  # the IVR line
    assert tab.log_panel.undo_button.isEnabled()
    menu = tab.log_panel.build_context_menu()
    assert [a.text() for a in menu.actions() if a.isEnabled()] == ["Undo this change"]
    qtbot.mouseClick(tab.log_panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.state.dids[IVR]["routing"] != "sys:hangup"
                    and _settled(tab, IVR), timeout=5000)
    assert cell(tab, IVR, Column.ROUTING) == "IVR Main menu"
    assert sandbox.state.dids[SALES]["routing"] == "vm:1001"  # the other change stays


def test_a_refused_line_offers_no_undo(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    sandbox.state.ring_groups.clear()
    tab.select_numbers([MAIN])
    tab.menu_builder.route_chosen.emit(Route(RouteKind.RING_GROUP, "4768"))
    qtbot.waitUntil(lambda: tab.log_model.rowCount() == 1, timeout=5000)
    tab.log_panel.select_row(0)
    assert not tab.log_panel.undo_button.isEnabled()
    assert not tab.undo_bar.offered()


def test_a_partial_undo_names_the_numbers_restored_and_not(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any, arun: Any
) -> None:
    arun(tab.service.reroute([MAIN, SALES], HANGUP))
    tab.log_panel.select_row(0)
    sandbox.faults.inject("http_503", count=1, methods="setDIDInfo")
    count = len(user_messages)
    qtbot.mouseClick(tab.log_panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(user_messages) == count + 1, timeout=5000)
    text = user_messages.texts[-1]
    assert text.startswith("Undone: (617) 555-01") and "Not restored:\n(617) 555-01" in text
    restored = [n for n in (MAIN, SALES) if sandbox.state.dids[n]["routing"] != "sys:hangup"]
    assert len(restored) == 1
    qtbot.waitUntil(lambda: _settled(tab, MAIN, SALES), timeout=5000)
    for number in (MAIN, SALES):
        shown_hangup = cell(tab, number, Column.ROUTING) == "System: hang up"
        assert shown_hangup == (number not in restored)


def test_undoing_an_older_change_overwritten_since_asks_first(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any, arun: Any
) -> None:
    arun(tab.service.reroute([IVR], HANGUP))
    arun(tab.service.reroute([IVR], Route(RouteKind.VOICEMAIL, "1001")))  # changed again
    tab.log_panel.select_row(1)  # the first change (IVR -> hang up)
    user_messages.answer = False
    sandbox.clear_log()
    qtbot.mouseClick(tab.log_panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert user_messages.texts[0].endswith(
        "(617) 555-0122: routing is now Voicemail 1001 - Front desk")
    assert not [r for r in sandbox.request_log if r.method.startswith("set")]
    assert sandbox.state.dids[IVR]["routing"] == "vm:1001"
    user_messages.answer = True
    qtbot.mouseClick(tab.log_panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sandbox.state.dids[IVR]["routing"] == "ivr:4636"
                    and _settled(tab, IVR), timeout=5000)
