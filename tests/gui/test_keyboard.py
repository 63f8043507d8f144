"""Keyboard-only use of the window (issue #15 point 9), key by key with QTest.

Tab leaves the Voicemail, Fax and Numbers lists (it walked their cells), the
toolbar is a few presses away in the order the eye reads, Ctrl+Tab / Ctrl+PgDown
switch tabs from inside a list, Alt+1 ... Alt+6 go to one, Ctrl+F / Esc / Ctrl+N /
Ctrl+Shift+N, Enter on a number, the player's seek bar and speed, and the menus list
the shortcuts.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.ui.tabs.base import TabBase

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
#: Each list, and the widgets of the toolbar above it.
LISTS = {
    "voicemail": lambda tab: [*tab.action_buttons.values(), tab.settings_button],
    "fax": lambda tab: [tab.send_button, tab.period, tab.move_button, tab.print_button],
    "numbers": lambda tab: tab.toolbar.findChildren(QWidget),
}


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifier)


def loaded(window: Any, key: str, qtbot: QtBot, arun: Any) -> TabBase:
    window.show_tab(key)
    tab: TabBase = window.tabs[key]
    arun(tab.refresh())
    table: QTableView = tab.table  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=5_000)
    return tab


@pytest.fixture
def window(main_window: Any, qtbot: QtBot) -> Any:
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=2_000)
    return main_window


@pytest.mark.parametrize("key", list(LISTS))
def test_tab_leaves_the_list_and_the_toolbar_is_a_few_presses_away(
    window: Any, qtbot: QtBot, arun: Any, key: str
) -> None:
    tab = loaded(window, key, qtbot, arun)
    table: QTableView = tab.table  # type: ignore[attr-defined]
    toolbar = set(LISTS[key](tab))
    table.setFocus()
    table.selectRow(0)
    qtbot.waitUntil(table.hasFocus, timeout=2_000)
    press(Qt.Key.Key_Tab)
    assert not table.hasFocus(), "Tab stayed in the list"
    table.setFocus()
    for _ in range(3):  # back up to the toolbar, which is drawn above the list
        press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        if QApplication.focusWidget() in toolbar:
            break
    assert QApplication.focusWidget() in toolbar, QApplication.focusWidget()
    # ...and forward again into the list.
    for _ in range(len(toolbar) + 2):
        press(Qt.Key.Key_Tab)
        if table.hasFocus():
            break
    assert table.hasFocus()
    if key == "fax":  # the selected fax loads: let it finish before the window closes
        qtbot.waitUntil(lambda: tab.preview.path is not None, timeout=5_000)  # type: ignore[attr-defined]


def test_ctrl_tab_and_ctrl_pgdown_switch_tabs_from_inside_a_list(
    window: Any, qtbot: QtBot, arun: Any
) -> None:
    tab = loaded(window, "fax", qtbot, arun)
    tab.table.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(tab.table.hasFocus, timeout=2_000)  # type: ignore[attr-defined]
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "numbers"
    press(Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert window.current_key() == "fax"
    press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "numbers"
    press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "fax"


def test_alt_and_a_digit_goes_straight_to_a_tab(window: Any, qtbot: QtBot, arun: Any) -> None:
    for key in ("calls", "voicemail", "phones"):  # their lists show once loaded
        loaded(window, key, qtbot, arun)
    tab = loaded(window, "fax", qtbot, arun)
    tab.table.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(tab.table.hasFocus, timeout=2_000)  # type: ignore[attr-defined]
    ALT = Qt.KeyboardModifier.AltModifier
    for digit, key in ((Qt.Key.Key_3, "calls"), (Qt.Key.Key_1, "voicemail"),
                       (Qt.Key.Key_6, "phones")):
        press(digit, ALT)
        assert window.current_key() == key
        # The keyboard is in the tab's list, ready for the arrows (it used to be on
        # the tab itself, where Down did nothing).
        listed = window.tabs[key].main_list()
        assert listed is not None
        qtbot.waitUntil(listed.hasFocus, timeout=2_000)
    # A tab whose list is not shown yet (nothing loaded): the keyboard is in the tab.
    press(Qt.Key.Key_2, ALT)
    assert window.current_key() == "messages"
    qtbot.waitUntil(lambda: window.tabs["messages"].isAncestorOf(QApplication.focusWidget())
                    or window.tabs["messages"].hasFocus(), timeout=2_000)
    # Down picks a row at once.
    phones = window.tabs["phones"]
    press(Qt.Key.Key_6, ALT)
    qtbot.waitUntil(phones.table.hasFocus, timeout=2_000)
    assert not phones.table.selectionModel().selectedRows()  # nothing chosen for the user
    press(Qt.Key.Key_Down)
    assert [i.row() for i in phones.table.selectionModel().selectedRows()] == [0]


def test_down_in_a_search_box_goes_into_what_it_found(
    window: Any, qtbot: QtBot, arun: Any
) -> None:
    """Messages: Ctrl+F, a name, Down, Enter opens the conversation; Calls: Down from
    the search goes into the list. (Down used to stay in the box.)"""
    window.show_tab("messages")
    messages = window.tabs["messages"]
    arun(messages.refresh())
    summary = messages.conversations.summary_at(0)
    assert summary is not None
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    # Digits of the number (QTest types ASCII only; the search takes any format).
    QTest.keyClicks(messages.search_box(), summary.contact[-7:])
    results = messages.left.search.results
    qtbot.waitUntil(lambda: results.isVisible() and results.count() > 1, timeout=5_000)
    press(Qt.Key.Key_Down)
    assert results.hasFocus() and results.currentItem() is not None
    with qtbot.waitSignal(messages.conversation_opened, timeout=5_000):
        press(Qt.Key.Key_Return)
    # The keyboard is where the reply is typed; Tab leaves the box (it typed a tab
    # character into the text).
    compose = messages.pane.compose
    qtbot.waitUntil(compose.text.hasFocus, timeout=2_000)
    press(Qt.Key.Key_Tab)
    assert not compose.text.hasFocus() and compose.text.toPlainText() == ""

    calls = loaded(window, "calls", qtbot, arun)
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert calls.search_box().hasFocus()  # type: ignore[union-attr]
    press(Qt.Key.Key_Down)
    table = calls.table  # type: ignore[attr-defined]
    assert table.hasFocus() and table.currentIndex().isValid()


def test_ctrl_f_focuses_the_search_and_esc_clears_it(
    window: Any, qtbot: QtBot, arun: Any
) -> None:
    tab = loaded(window, "numbers", qtbot, arun)
    tab.table.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(tab.table.hasFocus, timeout=2_000)  # type: ignore[attr-defined]
    box = tab.search_box()
    assert box is not None
    box.setText("555")
    tab.table.setFocus()  # type: ignore[attr-defined]
    press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert box.hasFocus() and box.selectedText() == "555"
    QTest.keyClicks(box, "617")
    assert box.text() == "617"
    press(Qt.Key.Key_Escape)
    assert box.text() == ""
    # Voicemail has no search: Find is greyed there, not silently doing nothing.
    window.show_tab("voicemail")
    assert not window.shortcuts.find.isEnabled()
    window.show_tab("calls")
    assert window.shortcuts.find.isEnabled()


def test_ctrl_n_starts_a_conversation_and_ctrl_shift_n_a_fax(
    window: Any, qtbot: QtBot, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_tab("messages")
    messages = window.tabs["messages"]
    asked: list[list[str]] = []

    async def new_conversation(parent: Any, dids: list[str]) -> None:
        asked.append(dids)

    monkeypatch.setattr(messages.dialogs, "new_conversation", new_conversation)
    window.show_tab("voicemail")
    window.tabs["voicemail"].setFocus()
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "messages"
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    press(Qt.Key.Key_N, CTRL | SHIFT)
    assert window.current_key() == "fax"
    fax = window.tabs["fax"]
    qtbot.waitUntil(lambda: fax.compose is not None and fax.compose.isVisible(), timeout=5_000)
    fax.compose.reject()


def test_enter_on_a_number_opens_its_editor(
    window: Any, qtbot: QtBot, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = loaded(window, "numbers", qtbot, arun)
    opened: list[str] = []
    monkeypatch.setattr(tab, "open_edit_dialog", lambda number: opened.append(number))
    table = tab.table  # type: ignore[attr-defined]
    table.setFocus()
    table.selectRow(0)
    table.setCurrentIndex(table.model().index(0, 0))
    press(Qt.Key.Key_Return)
    assert len(opened) == 1
    # A double click opens it once, not twice (activated and doubleClicked both fire).
    # A double click opens it too (activated, which a double click also emits).
    table.activated.emit(table.model().index(1, 0))
    assert len(opened) == 2


@pytest.mark.no_qt_log
def test_the_players_seek_bar_and_speed_are_reached_and_worked_by_keyboard(
    window: Any, qtbot: QtBot, arun: Any
) -> None:
    tab = loaded(window, "voicemail", qtbot, arun)
    player = tab.player  # type: ignore[attr-defined]
    player.seek_slider.setEnabled(True)
    player.speed_box.setEnabled(True)
    player.seek_slider.setRange(0, 60_000)
    tab.table.setFocus()  # type: ignore[attr-defined]
    qtbot.waitUntil(tab.table.hasFocus, timeout=2_000)  # type: ignore[attr-defined]
    for _ in range(3):
        press(Qt.Key.Key_Tab)
        if player.seek_slider.hasFocus():
            break
    assert player.seek_slider.hasFocus()
    press(Qt.Key.Key_Right)
    assert player.seek_slider.value() == 5_000
    press(Qt.Key.Key_Tab)
    assert player.speed_box.hasFocus()
    before = player.speed()
    press(Qt.Key.Key_Down)
    assert player.speed() != before


def test_the_menus_list_the_shortcuts(window: Any) -> None:
    shortcuts = window.shortcuts
    texts = {a.text(): a.shortcut().toString() for a in shortcuts.menu.actions() if a.text()}
    assert texts["&Next tab"] == "Ctrl+Tab"
    assert texts["&Previous tab"] == "Ctrl+Shift+Tab"
    assert texts["&Find in this tab"] == "Ctrl+F"
    assert texts["New &conversation…"] == "Ctrl+N"
    assert texts["New &fax…"] == "Ctrl+Shift+N"
    assert texts["Voicemail"] == "Alt+1" and texts["Phones"] == "Alt+6"
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Go") == menus.index("&Help") - 1
