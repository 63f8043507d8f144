"""The Voicemail tab against the sandbox: list, playback to the end, cache, badge, check.

Actions and their failure paths are in test_voicemail_actions.py.
``no_qt_log``: see test_voicemail_player.py (a Python Qt message handler and
QtMultimedia's audio thread can deadlock inside ``qWait``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaDevices
from pytestqt.qtbot import QtBot

from app.domain.models.voicemail import AudioFormat
from app.sandbox import SandboxServer
from app.ui.tabs.voicemail import VoicemailTab, create_tab
from app.ui.tabs.voicemail.message_model import Column
from app.ui.widgets.player import NO_OUTPUT_NOTICE, UNDECODABLE
from tests.gui.test_voicemail_helpers import (
    DANA,
    FILE,
    open_tab,
    row_of_caller,
    select_caller,
)

pytestmark = pytest.mark.no_qt_log


@pytest.fixture
def tab(app_context: Any, qtbot: QtBot, arun: Any) -> Iterator[VoicemailTab]:
    yield from open_tab(app_context, qtbot, arun)


def test_create_tab_shares_the_service(app_context: Any, qtbot: QtBot) -> None:
    first = create_tab(app_context)
    qtbot.addWidget(first)
    second = create_tab(app_context)
    qtbot.addWidget(second)
    assert isinstance(first, VoicemailTab) and isinstance(second, VoicemailTab)
    assert first.service is second.service is app_context.voicemail


def test_lists_inbox_with_names_counts_and_bold_unheard(tab: VoicemailTab) -> None:
    assert tab.place == ("1001", "INBOX")
    assert tab.proxy.rowCount() == 5
    # Newest first by default.
    dates = [tab.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 2).date for r in range(5)]
    assert dates == sorted(dates, reverse=True)
    row = row_of_caller(tab, DANA)
    assert tab.proxy.index(row, Column.CALLER).data() == "Dana Whitfield"
    assert tab.proxy.index(row, Column.NUMBER).data() == "(617) 555-0142"
    assert tab.proxy.index(row, Column.STATUS).data() == "New"
    assert tab.proxy.index(row, Column.CALLER).data(Qt.ItemDataRole.FontRole).bold()
    heard = row_of_caller(tab, "6175550163")
    assert tab.proxy.index(heard, Column.CALLER).data(Qt.ItemDataRole.FontRole) is None
    # Mailbox row: name and counts; folder rows: unheard counts.
    top = tab.tree.topLevelItem(0)
    assert top is not None
    assert (top.text(0), top.text(1)) == ("1001 · Front desk", "5 new · 2 urgent")
    inbox = top.child(0)
    assert inbox is not None and (inbox.text(0), inbox.text(1)) == ("Inbox", "4")


def test_badge_counts_unheard_over_all_mailboxes(app_context: Any, qtbot: QtBot, arun: Any) -> None:
    badges: list[int] = []
    for created in open_tab(app_context, qtbot, arun, badges=badges):
        assert badges[-1] == 7
        created.service.unread_changed.emit(arun(created.service.overview()).unread_total)
        assert badges[-1] == 7


def test_sorting_by_caller_and_keyboard_navigation(tab: VoicemailTab, qtbot: QtBot) -> None:
    tab.table.sortByColumn(Column.CALLER, Qt.SortOrder.AscendingOrder)
    names = [tab.proxy.index(r, Column.CALLER).data() for r in range(tab.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    tab.table.setFocus()
    select_caller(tab, DANA)
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    selected = tab.selected_message()
    assert selected is not None and selected.caller_number != DANA
    assert tab.message_actions.play.isEnabled()


def test_folders_switch_and_empty_state(tab: VoicemailTab, qtbot: QtBot, arun: Any) -> None:
    arun(tab.open_folder("1001", "Old"))
    assert tab.proxy.rowCount() == 2
    assert tab.stack.currentWidget() is tab.table
    arun(tab.open_folder("1001", "Work"))
    assert tab.proxy.rowCount() == 0
    assert tab.stack.currentWidget() is tab.empty_label
    assert tab.empty_label.text() == "No messages in Work."
    assert not tab.message_actions.delete.isEnabled()
    arun(tab.open_folder("1002", "INBOX"))
    assert tab.proxy.rowCount() == 3


def test_play_to_end_marks_heard_and_second_play_uses_cache(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    select_caller(tab, DANA)
    sandbox.clear_log()
    tab.table.setFocus()
    with qtbot.waitSignal(tab.player.finished, timeout=15_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert len(sandbox.calls(FILE)) == 1
    qtbot.waitUntil(lambda: sandbox.calls("markListenedVoicemailMessage") != [], timeout=5000)
    assert next(v for v in sandbox.state.voicemails if DANA in v.callerid).listened
    row = row_of_caller(tab, DANA)
    assert tab.proxy.index(row, Column.STATUS).data() == "Heard"
    assert tab.tree.topLevelItem(0).text(1) == "4 new · 2 urgent"  # type: ignore[union-attr]
    assert "Dana Whitfield" in tab.now_playing.text()
    assert tab.player.time_label.text().endswith("/ 0:06")

    sandbox.clear_log()
    with qtbot.waitSignal(tab.player.finished, timeout=15_000):
        tab.message_actions.play.trigger()
    assert sandbox.request_log == []  # cached audio, already heard: no API call at all


def test_space_pauses_and_resumes(tab: VoicemailTab, qtbot: QtBot) -> None:
    tab.player.set_speed(1.0)  # slow enough to catch it playing
    select_caller(tab, DANA)
    tab.table.setFocus()
    with qtbot.waitSignal(tab.player.started, timeout=10_000):
        qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not tab.player.is_playing, timeout=3000)
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.player.is_playing, timeout=3000)
    tab.player.stop()


def test_undecodable_audio_gets_a_message_and_is_not_kept(
    tab: VoicemailTab, user_messages: Any, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    message = select_caller(tab, DANA)
    path = tab.service.cache.path_for(message, AudioFormat.MP3)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"<html>not audio</html>" * 50)
    sandbox.clear_log()
    with qtbot.waitSignal(tab.player.failed, timeout=10_000):
        tab.message_actions.play.trigger()
    assert UNDECODABLE in user_messages.texts
    assert not path.exists()  # the next play fetches it again
    assert sandbox.calls("markListenedVoicemailMessage") == []  # not heard: it never played


def test_no_audio_output_is_explained(tab: VoicemailTab, qtbot: QtBot) -> None:
    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has an audio device")
    select_caller(tab, DANA)
    with qtbot.waitSignal(tab.status_message, timeout=10_000) as blocker:
        tab.message_actions.play.trigger()
    assert blocker.args == [NO_OUTPUT_NOTICE]
    assert tab.player.notice_label.text() == NO_OUTPUT_NOTICE
    qtbot.waitSignal(tab.player.finished, timeout=15_000).wait()


def test_new_voicemail_check_notifies_and_updates_badge(
    app_context: Any, qtbot: QtBot, arun: Any, sandbox: SandboxServer
) -> None:
    badges: list[int] = []
    for tab in open_tab(app_context, qtbot, arun, badges=badges):
        sandbox.state.deliver_voicemail(
            "1001", "6175550106", caller_name="Hannah Becker", duration=7
        )
        assert arun(tab.poller.check_now()) == 1
        assert app_context.notifier.history[-1] == (
            "New voicemail",
            "From Hannah Becker (617) 555-0106, 0:07 (mailbox 1001)",
        )
        assert badges[-1] == 8
        assert row_of_caller(tab, "6175550106") >= 0  # in the open INBOX at once
        assert arun(tab.poller.check_now()) == 0  # nothing new: no second notification
        assert len(app_context.notifier.history) == 1


def test_failed_check_is_reported_once_in_the_status_bar(
    tab: VoicemailTab, qtbot: QtBot, arun: Any, sandbox: SandboxServer, user_messages: Any
) -> None:
    statuses: list[str] = []
    tab.status_message.connect(statuses.append)
    sandbox.state.ip_enabled = False  # the provider refuses every call
    assert arun(tab.poller.check_now()) == 0
    assert arun(tab.poller.check_now()) == 0
    assert len(statuses) == 1 and statuses[0].startswith("Could not check for new voicemail")
    assert user_messages.texts == []  # no dialog for a background check


def test_refresh_starts_the_periodic_check_and_shutdown_stops_it(tab: VoicemailTab) -> None:
    assert tab.poller.active
    tab.shutdown()
    assert not tab.poller.active


def test_in_the_main_window_badge_and_notification(
    qtbot: QtBot, main_window: Any, arun: Any, sandbox: SandboxServer
) -> None:
    with qtbot.waitSignal(main_window.initial_load_finished, timeout=20_000) as blocker:
        main_window.start()
    assert blocker.args[0]["voicemail"] is None  # loaded without error
    tab = main_window.tabs["voicemail"]
    assert isinstance(tab, VoicemailTab)
    index = main_window.tab_widget.indexOf(tab)
    assert main_window.tab_widget.tabText(index) == "Voicemail (7)"
    sandbox.state.deliver_voicemail("1002", "6175550173", caller_name="Tom Reilly")
    assert arun(tab.poller.check_now()) == 1
    assert main_window.tab_widget.tabText(index) == "Voicemail (8)"
    assert main_window.ctx.notifier.history[-1][1].startswith("From Tom Reilly")
    tab.shutdown()


def test_a_change_while_a_folder_is_being_read_is_not_lost(
    tab: VoicemailTab, arun: Any
) -> None:
    """The rows of a folder come from the store's worker thread; a change stored
    meanwhile is applied on top of them, whichever arrives first."""
    old = arun(tab.service.messages("1001", "Old"))[0]

    async def switch_and_change() -> None:
        opening = asyncio.ensure_future(tab.open_folder("1001", "Old"))
        await tab.service.set_urgent(old, not old.urgent)
        await opening

    arun(switch_and_change())
    row = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(old.key), 0)).row()
    assert tab.proxy.index(row, Column.URGENT).data() == ("" if old.urgent else "Urgent")
    assert tab.place == ("1001", "Old") and tab.proxy.rowCount() == 2


def test_two_tabs_on_one_service_both_follow_a_change(
    app_context: Any, qtbot: QtBot, arun: Any
) -> None:
    for first in open_tab(app_context, qtbot, arun):
        for second in open_tab(app_context, qtbot, arun):
            message = select_caller(first, DANA)
            arun(first.set_heard(message, True))
            for tab in (first, second):
                row = row_of_caller(tab, DANA)
                assert tab.proxy.index(row, Column.STATUS).data() == "Heard"
                top = tab.tree.topLevelItem(0)
                assert top is not None and top.text(1) == "4 new · 2 urgent"
