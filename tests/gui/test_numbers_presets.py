"""Routing presets: create in the dialog, confirm the list of numbers, apply in one click."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.numbers.presets import PlannedChange, RoutingPreset
from app.ui import feedback
from app.ui.tabs.numbers.did_model import Column
from app.ui.tabs.numbers.view import NumbersTab
from tests.gui import test_numbers_support as support
from tests.gui.test_numbers_support import FAX, IVR, MAIN, SALES, cell

# Fixtures shared by the numbers GUI tests (see test_numbers_support).
tab = support.tab
collect_garbage_on_the_gui_thread = support.collect_garbage_on_the_gui_thread

AFTER_HOURS = RoutingPreset("After hours", Route(RouteKind.VOICEMAIL, "1001"))




def test_create_preset_in_the_dialog(tab: NumbersTab, app_context: Any) -> None:
    tab.select_numbers([MAIN, SALES])
    dialog = tab.open_presets_dialog()
    # With several numbers selected, the new preset starts limited to them.
    assert dialog.some_radio.isChecked()
    assert sorted(dialog.checked_dids()) == [MAIN, SALES]
    dialog.save_button.click()
    assert dialog.problem.text() == "Give the preset a name."
    dialog.name_edit.setText("Lunch break")
    dialog.route_editor.select_kind(RouteKind.VOICEMAIL)
    assert dialog.route_editor.select_target("1002")
    dialog.save_button.click()
    presets = tab.service.presets.all()
    assert presets == [RoutingPreset("Lunch break", Route(RouteKind.VOICEMAIL, "1002"),
                                     (MAIN, SALES))]
    assert app_context.settings.extra["numbers_presets"][0]["routing"] == "vm:1002"
    assert dialog.preset_list.item(0).text() == "Lunch break: 2 numbers → Voicemail 1002 - Sales"
    dialog.preset_list.setCurrentRow(0)
    dialog.delete_button.click()
    assert tab.service.presets.all() == []
    dialog.reject()


def test_apply_preset_confirms_the_numbers_first(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any, user_messages: Any
) -> None:
    tab.service.presets.save(AFTER_HOURS)
    sandbox.state.dids[IVR]["routing"] = "vm:1001"  # already there: not listed, not called
    arun(tab.refresh())
    sandbox.clear_log()
    asked: list[tuple[str, list[str]]] = []

    async def confirm(parent: Any, preset: RoutingPreset, changes: Sequence[PlannedChange],
                      lists: Any) -> bool:
        asked.append((preset.name, [c.did.did for c in changes]))
        return True

    tab.confirm = confirm
    arun(tab.apply_preset(AFTER_HOURS))
    assert asked == [("After hours", [MAIN, SALES, FAX])]
    calls = sandbox.calls("setDIDRouting")
    assert sorted(c.params["did"] for c in calls) == [MAIN, SALES, FAX]
    for number in (MAIN, SALES, IVR, FAX):
        assert sandbox.state.dids[number]["routing"] == "vm:1001"
        assert tab.model.index(tab.model.row_of(number), Column.ROUTING).data() == (
            "Voicemail 1001 - Front desk")
    assert user_messages == []


def test_declined_confirmation_changes_nothing(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any, user_messages: Any
) -> None:
    tab.service.presets.save(AFTER_HOURS)
    user_messages.answer = False  # the default confirmation goes through feedback.ask
    sandbox.clear_log()
    arun(tab.apply_preset(AFTER_HOURS))
    assert len(user_messages) == 1
    question = user_messages[0]
    assert question.level is feedback.Level.WARNING
    assert question.text.startswith("Apply “After hours”? 4 numbers will be routed to "
                                    "Voicemail 1001 - Front desk:")
    assert "• (617) 555-0111 (BOSTON, MA) — now: Ring group Sales team" in question.text
    assert sandbox.request_log == []


def test_presets_menu_lists_presets_with_what_they_change(tab: NumbersTab) -> None:
    tab.service.presets.save(AFTER_HOURS)
    tab.service.presets.save(RoutingPreset("Day", Route(RouteKind.ACCOUNT, "284561_frontdesk"),
                                           (MAIN,)))
    tab.presets_menu.aboutToShow.emit()
    texts = [a.text() for a in tab.presets_menu.actions() if a.text()]
    assert texts[0] == "After hours: Voicemail 1001 - Front desk  (4 to change)\tCtrl+1"
    assert texts[1] == (
        "Day: Sub-account Front desk phone (284561_frontdesk)  (already applied)\tCtrl+2"
    )
    assert texts[-1] == "Manage presets…"


def test_preset_already_in_effect_says_so(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any, user_messages: Any
) -> None:
    day = RoutingPreset("Day", Route(RouteKind.ACCOUNT, "284561_frontdesk"), (MAIN,))
    sandbox.clear_log()
    arun(tab.apply_preset(day))
    assert user_messages.texts == ["“Day” is already in effect: nothing to change."]
    assert sandbox.request_log == []


def test_preset_with_one_refusal_keeps_the_others_and_names_the_refused(
    tab: NumbersTab, sandbox: SandboxServer, arun: Any, user_messages: Any
) -> None:
    async def yes(*_args: Any) -> bool:
        return True

    tab.confirm = yes
    sandbox.faults.inject("http_503", count=1, methods="setDIDRouting")  # the first call only
    arun(tab.apply_preset(AFTER_HOURS))
    assert len(user_messages) == 1
    text = user_messages.texts[0]
    assert text.startswith("1 of 4 numbers could not be routed to Voicemail 1001 - Front desk:")
    assert "(617) 555-0100: " in text
    assert sandbox.state.dids[MAIN]["routing"] == "account:284561_frontdesk"
    assert tab.model.index(tab.model.row_of(MAIN), Column.ROUTING).data().startswith(
        "Sub-account")
    for number in (SALES, IVR, FAX):
        assert sandbox.state.dids[number]["routing"] == "vm:1001"


def test_apply_now_from_the_dialog(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    tab.service.presets.save(RoutingPreset("Holidays", Route(RouteKind.RECORDING, "7570"),
                                           (MAIN, SALES)))
    dialog = tab.open_presets_dialog()
    dialog.preset_list.setCurrentRow(0)
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()  # the confirmation is answered "yes" by the recorder
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDRouting")) == 2, timeout=5000)
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES), timeout=5000)
    assert "will be routed to Recording Closed for holidays" in user_messages.texts[0]
    assert sandbox.state.dids[MAIN]["routing"] == "recording:7570"
    assert cell(tab, SALES, Column.ROUTING) == "Recording Closed for holidays"
    dialog.reject()


def test_ctrl_number_applies_that_preset_after_confirmation(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    lunch = RoutingPreset("Lunch", Route(RouteKind.VOICEMAIL, "1002"), (SALES,))
    tab.service.presets.save(AFTER_HOURS)
    tab.service.presets.save(lunch)
    asked: list[str] = []

    async def confirm(parent: Any, preset: RoutingPreset, changes: Sequence[PlannedChange],
                      lists: Any) -> bool:
        asked.append(preset.name)
        return True

    tab.confirm = confirm
    # The menu lists the keys next to the presets, in the same order.
    tab.presets_menu.aboutToShow.emit()
    texts = [action.text() for action in tab.presets_menu.actions()]
    assert texts[0].startswith("After hours") and texts[0].endswith("\tCtrl+1")
    assert texts[1].startswith("Lunch") and texts[1].endswith("\tCtrl+2")

    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: sandbox.state.dids[SALES]["routing"] == "vm:1002", timeout=5000)
    assert asked == ["Lunch"]
    assert [c.params["did"] for c in sandbox.calls("setDIDRouting")] == [SALES]

    with qtbot.waitSignal(tab.status_message, timeout=2000) as said:
        qtbot.keyClick(tab.table, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert said.args == ["No preset 7: presets are numbered in the Presets menu (2 saved)."]
    assert asked == ["Lunch"]


def test_ctrl_f_goes_to_the_filter(tab: NumbersTab, qtbot: QtBot) -> None:
    # Ctrl+F is the window's now (app/ui/keyboard.py: every tab's search box, the
    # key pressed in a window: tests/gui/test_keyboard.py); the tab names its box.
    assert tab.search_box() is tab.filter_edit
