"""The Messages tab shows sends that are not confirmed (issue #13.1, #16.3): "Still
sending…" with Cancel when VoIP.ms is silent, "May have been sent, checking…" for an
interrupted send, "Not sent" with Send again once the history shows it never went,
"Not confirmed" with no way to resend while the history cannot be read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.models.sends import SendKind, SendState
from app.services.messages.journal import CHECKING_TEXT, INTERRUPTED_TEXT, OFFLINE_TEXT
from app.store.send_journal import begin_send, update_send
from app.ui.tabs.messages.tab import MessagesTab
from tests.gui.test_messages_tab import FakeDialogs


@pytest.fixture
def tab(app_context: Any, qtbot: QtBot, arun: Any) -> Iterator[MessagesTab]:
    app_context.settings.messages_backfill_days = 30
    widget = MessagesTab(app_context, dialogs=FakeDialogs())
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.load_cached()
    arun(widget.refresh())
    widget.pane.pending.still_sending_ms = 150  # the app waits 5 s
    yield widget
    widget.shutdown()


def _open(tab: MessagesTab, qtbot: QtBot) -> tuple[str, str]:
    summary = tab.conversations.summary_at(0)
    assert summary is not None
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.list_view.setCurrentIndex(tab.conversations.index(0))
    return summary.did, summary.contact


def _reopen(tab: MessagesTab, qtbot: QtBot, arun: Any, did: str, contact: str) -> None:
    tab._open = None
    arun(tab.open_conversation(did, contact))


def _interrupted(app_context: Any, arun: Any, did: str, contact: str, text: str) -> int:
    """What a killed run leaves, after this run's start marked it unknown."""
    entry = arun(app_context.db.run(begin_send, SendKind.SMS, did, contact, text, [text]))
    arun(app_context.db.run(update_send, entry.id, state=SendState.UNKNOWN,
                            error=INTERRUPTED_TEXT))
    return int(entry.id)


def test_a_silent_provider_shows_still_sending_with_cancel_and_cancel_reconciles(
    tab: MessagesTab, sandbox: Any, qtbot: QtBot, user_messages: Any
) -> None:
    _open(tab, qtbot)
    before = tab.pane.model.message_count()
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=30)
    tab.pane.compose.text.setPlainText("Running 10 minutes late")
    tab.pane.compose.send_button.click()
    pending = tab.pane.pending
    qtbot.waitUntil(lambda: any(r.cancel_button.isVisibleTo(tab) for r in pending.rows.values()),
                    timeout=5000)
    [row] = pending.rows.values()
    assert row.state.text().startswith("Still sending")
    assert row.text.text() == "“Running 10 minutes late”"
    row.cancel_button.click()
    # Journalled unknown, checked: the provider had it, so it is a sent bubble now.
    qtbot.waitUntil(lambda: tab.pane.model.message_count() == before + 1, timeout=10000)
    qtbot.waitUntil(lambda: not pending.rows, timeout=5000)
    assert tab.pane.model.messages()[-1].text == "Running 10 minutes late"
    assert tab.pane.compose.text.toPlainText() == ""  # not offered for another Send
    assert len(sandbox.calls("sendSMS")) == 1
    assert user_messages.texts == []


def test_an_interrupted_send_shows_checking_then_not_sent_with_send_again(
    tab: MessagesTab, app_context: Any, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    did, contact = _open(tab, qtbot)
    before = tab.pane.model.message_count()
    entry_id = _interrupted(app_context, arun, did, contact, "Invoice attached 🧾")
    _reopen(tab, qtbot, arun, did, contact)
    row = tab.pane.pending.rows[entry_id]
    assert row.state.text() == CHECKING_TEXT and row.isVisibleTo(tab)
    assert not row.again_button.isVisibleTo(tab)  # not before it is checked
    arun(tab.service.check_sends())
    qtbot.waitUntil(lambda: row.again_button.isVisibleTo(tab), timeout=5000)
    assert row.state.text().startswith("Not sent")
    assert sandbox.calls("sendSMS") == []
    row.again_button.click()
    qtbot.waitUntil(lambda: tab.pane.model.message_count() == before + 1, timeout=5000)
    qtbot.waitUntil(lambda: not tab.pane.pending.rows, timeout=5000)
    assert [c.params["message"] for c in sandbox.calls("sendSMS")] == ["Invoice attached 🧾"]


def test_offline_history_leaves_it_not_confirmed_without_send_again(
    tab: MessagesTab, app_context: Any, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    did, contact = _open(tab, qtbot)
    entry_id = _interrupted(app_context, arun, did, contact, "<b>Did</b> it go?")
    _reopen(tab, qtbot, arun, did, contact)
    sandbox.faults.inject("http_503", count=20, methods={"getSMS", "getMMS"})
    arun(tab.service.check_sends())
    row = tab.pane.pending.rows[entry_id]
    qtbot.waitUntil(lambda: row.state.text() == OFFLINE_TEXT, timeout=5000)
    assert row.check_button.isVisibleTo(tab) and not row.again_button.isVisibleTo(tab)
    assert row.text.text() == "“<b>Did</b> it go?”"  # plain text, shown as typed
    assert sandbox.calls("sendSMS") == []
