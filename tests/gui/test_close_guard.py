"""Closing the window while VoIP.ms is silent about a send (issue #13.1): the close
waits (bounded) with a visible "Finishing 1 send…", then records the send as unknown
(reconciled at the next start) instead of cancelling it silently."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.models.sends import MESSAGE_KINDS, SendState
from app.services.messages.journal import CANCELLED_TEXT
from app.store.send_journal import get_entry
from app.ui.close_guard import CloseGuard, finishing_text

CONTACT = "4185550142"


class NoteWindow(QWidget):
    """A window with the main window's busy note (its status bar), recorded."""

    def __init__(self, sends: Any) -> None:
        super().__init__()
        self.notes: list[str] = []
        self.guard = CloseGuard(self, sends, timeout_s=0.5)

    def begin_busy(self, text: str, cancel: None) -> object:
        self.notes.append(text)
        return text

    def end_busy(self, token: object) -> None:
        self.notes.append(f"done: {token}")

    def closeEvent(self, event: Any) -> None:
        if not self.guard.hold(event):
            super().closeEvent(event)


def test_closing_mid_send_waits_then_records_the_send_as_unknown(
    app_context: Any, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    did = next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")
    service = app_context.messages
    window = NoteWindow(app_context.sends)
    qtbot.addWidget(window)
    window.show()
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=30)
    sending = asyncio.ensure_future(service.send(did, CONTACT, "Closing soon"))
    qtbot.waitUntil(lambda: app_context.sends.count == 1, timeout=5000)
    window.close()
    assert window.isVisible()  # held: the send is on the wire
    assert window.notes == [finishing_text(1)] and window.notes[0].startswith("Finishing 1 send")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)
    assert sending.cancelled()
    entries = arun(app_context.messages_store.journal_open(MESSAGE_KINDS))
    [entry] = [arun(app_context.db.run(get_entry, e.id)) for e in entries]
    assert entry.state is SendState.UNKNOWN and entry.error == CANCELLED_TEXT
    assert len(sandbox.calls("sendSMS")) == 1
    service.stop()  # the reconciliation it started (next start's job in the app)
    arun(asyncio.sleep(0))


def test_closing_with_nothing_on_the_wire_is_not_held(app_context: Any, qtbot: QtBot) -> None:
    window = NoteWindow(app_context.sends)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not window.isVisible() and window.notes == []
