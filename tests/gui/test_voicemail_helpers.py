"""Shared helpers of the voicemail GUI tests (no tests here; the name keeps the
file with the other voicemail test files)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pytestqt.qtbot import QtBot

from app.domain.models.voicemail import VoicemailMessage
from app.ui.tabs.voicemail import VoicemailTab, create_tab
from app.ui.tabs.voicemail.message_model import MESSAGE_ROLE

FILE = "getVoicemailMessageFile"

DANA = "6175550142"  # 1001 INBOX, unheard, in the phonebook


def open_tab(
    ctx: Any, qtbot: QtBot, arun: Any, *, badges: list[int] | None = None
) -> Iterator[VoicemailTab]:
    """The tab, shown and refreshed from the sandbox, playing at 4x."""
    tab = create_tab(ctx)
    assert isinstance(tab, VoicemailTab)
    if badges is not None:
        tab.badge_changed.connect(badges.append)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    tab.player.set_speed(4.0)
    tab.load_cached()
    arun(tab.refresh())
    yield tab
    tab.shutdown()


def row_of_caller(tab: VoicemailTab, number: str) -> int:
    """Proxy row of the message from ``number`` in the open folder, or -1."""
    for row in range(tab.proxy.rowCount()):
        message = tab.proxy.index(row, 0).data(MESSAGE_ROLE)
        if message.caller_number == number:
            return row
    return -1


def select_caller(tab: VoicemailTab, number: str) -> VoicemailMessage:
    row = row_of_caller(tab, number)
    assert row >= 0, f"no message from {number} in {tab.place}"
    tab.table.selectRow(row)
    message = tab.selected_message()
    assert message is not None and message.caller_number == number
    return message
