"""Every voicemail action from the tab, accepted and refused.

Accepted: the list changes at once and the sandbox's state agrees. Refused (a
fault makes the provider fail the call): the row comes back as it was and the
user gets one message naming the caller. Dialogs are replaced through the
view's hooks (``confirm``, ``ask_save_path``, ``ask_email``). ``no_qt_log``:
see test_voicemail_player.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.models.voicemail import AudioFormat
from app.sandbox import SandboxServer
from app.services.voicemail.audio import sniff_format
from app.ui.tabs.voicemail import VoicemailTab
from app.ui.tabs.voicemail.message_model import Column
from tests.gui.test_voicemail_helpers import DANA, open_tab, row_of_caller, select_caller

pytestmark = pytest.mark.no_qt_log


@pytest.fixture
def tab(app_context: Any, qtbot: QtBot, arun: Any) -> Iterator[VoicemailTab]:
    yield from open_tab(app_context, qtbot, arun)


def _row(sandbox: SandboxServer) -> Any:
    return next(v for v in sandbox.state.voicemails if DANA in v.callerid)


def _status(tab: VoicemailTab) -> str:
    return str(tab.proxy.index(row_of_caller(tab, DANA), Column.STATUS).data())


def test_mark_heard_then_not_heard_from_the_toolbar(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    select_caller(tab, DANA)
    assert tab.message_actions.heard.text() == "Mark as heard"
    # A slow provider: the list must not wait for it.
    sandbox.faults.inject("slow", methods="markListenedVoicemailMessage", delay=2.0)
    tab.message_actions.heard.trigger()
    qtbot.waitUntil(lambda: _status(tab) == "Heard", timeout=1500)
    assert not _row(sandbox).listened  # shown before the provider answered
    qtbot.waitUntil(lambda: _row(sandbox).listened, timeout=5000)
    assert tab.message_actions.heard.text() == "Mark as not heard"
    tab.message_actions.heard.trigger()
    qtbot.waitUntil(lambda: not _row(sandbox).listened, timeout=5000)
    assert _status(tab) == "New"


def test_mark_heard_refused_rolls_back_with_a_message(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    select_caller(tab, DANA)
    shown: list[str] = []
    tab.model.dataChanged.connect(lambda *_: shown.append(_status(tab)))
    sandbox.faults.inject("http_500", methods="markListenedVoicemailMessage")
    tab.message_actions.heard.trigger()
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert shown == ["Heard", "New"]  # shown at once, then put back
    assert _status(tab) == "New"
    assert user_messages.texts[0].startswith(
        "Could not mark as heard the voicemail from Dana Whitfield"
    )
    assert not _row(sandbox).listened


def test_urgent_and_refusal(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    select_caller(tab, DANA)
    tab.message_actions.urgent.trigger()
    qtbot.waitUntil(lambda: _row(sandbox).urgent, timeout=5000)
    row = row_of_caller(tab, DANA)
    assert tab.proxy.index(row, Column.URGENT).data() == "Urgent"
    assert tab.message_actions.urgent.text() == "Not urgent"
    sandbox.faults.inject("http_503", methods="markUrgentVoicemailMessage")
    tab.message_actions.urgent.trigger()
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert tab.proxy.index(row_of_caller(tab, DANA), Column.URGENT).data() == "Urgent"
    assert _row(sandbox).urgent


def test_move_to_folder_from_the_menu(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    select_caller(tab, DANA)
    work = tab.message_actions.folder_action("Work")
    inbox = tab.message_actions.folder_action("INBOX")
    assert work is not None and work.isEnabled()
    assert inbox is not None and not inbox.isEnabled()  # already there
    work.trigger()
    qtbot.waitUntil(lambda: row_of_caller(tab, DANA) == -1, timeout=5000)
    assert tab.selected_message() is not None  # the next row took the selection
    qtbot.waitUntil(lambda: _row(sandbox).folder == "Work", timeout=5000)
    arun(tab.open_folder("1001", "Work"))
    assert row_of_caller(tab, DANA) == 0


def test_move_refused_puts_it_back(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    select_caller(tab, DANA)
    sandbox.faults.inject("soap_fault", methods="moveFolderVoicemailMessage")
    tab.message_actions.folder_action("Family").trigger()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert row_of_caller(tab, DANA) >= 0
    assert "move to Family" in user_messages.texts[0]
    assert _row(sandbox).folder == "INBOX"


def test_delete_asks_first(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    message = select_caller(tab, DANA)
    questions: list[str] = []

    async def decline(text: str, yes_text: str) -> bool:
        questions.append(text)
        return False

    tab.confirm = decline  # type: ignore[method-assign]
    assert arun(tab.delete_message(message)) is False
    assert questions and questions[0].startswith("Delete the voicemail from Dana Whitfield")
    assert row_of_caller(tab, DANA) >= 0
    assert sandbox.calls("delMessages") == []

    async def accept(text: str, yes_text: str) -> bool:
        return True

    tab.confirm = accept  # type: ignore[method-assign]
    arun(tab.play(message))  # cached and loaded in the player...
    assert arun(tab.delete_message(message)) is True
    assert row_of_caller(tab, DANA) == -1
    assert not any(DANA in v.callerid for v in sandbox.state.voicemails)
    assert tab.player.source is None  # ...so the player let go of it
    assert tab.service.cache.lookup_playable(message, AudioFormat.MP3) is None


def test_delete_key_and_refusal(
    tab: VoicemailTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    select_caller(tab, DANA)
    user_messages.answer = True  # the default confirm goes through feedback.ask
    sandbox.faults.inject("http_500", methods="delMessages")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(user_messages) == 2, timeout=5000)
    assert user_messages[0].text.startswith("Delete the voicemail from Dana Whitfield")
    assert user_messages[1].text.startswith("Could not delete the voicemail from Dana Whitfield")
    assert row_of_caller(tab, DANA) >= 0
    assert any(DANA in v.callerid for v in sandbox.state.voicemails)


@pytest.mark.parametrize(
    ("name", "fmt"), [("dana.mp3", AudioFormat.MP3), ("dana.wav", AudioFormat.WAV)]
)
def test_save_audio(
    tab: VoicemailTab, arun: Any, tmp_path: Path, name: str, fmt: AudioFormat
) -> None:
    message = select_caller(tab, DANA)
    offered: list[Path] = []

    async def choose(suggested: Path) -> Path:
        offered.append(suggested)
        return tmp_path / name

    tab.ask_save_path = choose  # type: ignore[method-assign]
    saved = arun(tab.save_audio(message))
    assert saved == tmp_path / name
    assert sniff_format(saved.read_bytes()) is fmt
    assert offered[0].name.startswith("Voicemail from Dana Whitfield")


def test_save_audio_cancelled_or_failing(
    tab: VoicemailTab, arun: Any, tmp_path: Path, user_messages: Any, sandbox: SandboxServer
) -> None:
    message = select_caller(tab, DANA)

    async def cancel(suggested: Path) -> None:
        return None

    tab.ask_save_path = cancel  # type: ignore[method-assign]
    sandbox.clear_log()
    assert arun(tab.save_audio(message)) is None
    assert sandbox.request_log == []

    async def nowhere(suggested: Path) -> Path:
        return tmp_path / "missing-folder" / "dana.mp3"

    tab.ask_save_path = nowhere  # type: ignore[method-assign]
    assert arun(tab.save_audio(message)) is None
    assert user_messages.texts[0].startswith("Could not save the recording")


def test_send_by_email(
    tab: VoicemailTab, arun: Any, sandbox: SandboxServer, user_messages: Any
) -> None:
    message = select_caller(tab, DANA)
    defaults: list[str] = []

    async def address(default: str) -> str:
        defaults.append(default)
        return "owner@example.com"

    tab.ask_email = address  # type: ignore[method-assign]
    assert arun(tab.send_email(message)) is True
    assert defaults == ["frontdesk@maplestreetbakery.example"]  # the mailbox's address
    assert sandbox.state.emails_sent[-1]["to"] == "owner@example.com"
    sandbox.faults.inject("http_503", methods="sendVoicemailEmail")
    assert arun(tab.send_email(message)) is False
    assert "e-mail to owner@example.com" in user_messages.texts[0]


def test_actions_follow_the_selection(tab: VoicemailTab) -> None:
    tab.table.clearSelection()
    assert not tab.message_actions.delete.isEnabled()
    select_caller(tab, "2125550190")  # urgent, unheard
    assert tab.message_actions.delete.isEnabled()
    assert tab.message_actions.urgent.text() == "Not urgent"
    assert tab.message_actions.heard.text() == "Mark as heard"


def test_play_of_a_message_gone_at_the_provider(
    tab: VoicemailTab, sandbox: SandboxServer, arun: Any, user_messages: Any
) -> None:
    message = select_caller(tab, DANA)
    sandbox.state.voicemails.remove(_row(sandbox))  # deleted by phone meanwhile
    arun(tab.play(message))
    assert len(user_messages) == 1 and "voicemail" in user_messages.texts[0].lower()
    assert tab.player.source is None
    assert tab.now_playing.text() == ""


def test_context_menu_shows_the_styles_icons(tab: VoicemailTab) -> None:
    # Set with the first menu, not with the tab (see MessageActions._set_menu_icons).
    actions = tab.message_actions
    assert actions.delete.icon().isNull()
    menu = actions.context_menu(tab)
    for action in (actions.play, actions.move, actions.delete, actions.save):
        assert not action.icon().isNull(), action.text()
    assert actions.delete in menu.actions()
    menu.deleteLater()
