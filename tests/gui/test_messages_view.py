"""Conversation view details: images inline (open, save), selectable text, thread model
separators, polling timer, new-conversation validation."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from app.domain.models.messages import Direction, Message, MessageKind, StoredMessage
from app.ui.tabs.messages.image_viewer import ImageViewer
from app.ui.tabs.messages.new_conversation import NewConversationDialog, check_number
from app.ui.tabs.messages.tab import MessagesTab
from app.ui.tabs.messages.thread_model import MEDIA_ROLE, DayRow, ThreadModel
from tests.gui.test_messages_tab import FakeDialogs


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def tab(app_context: Any, dialogs: FakeDialogs, qtbot: QtBot, arun: Any) -> Iterator[MessagesTab]:
    app_context.settings.messages_backfill_days = 30
    widget = MessagesTab(app_context, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    arun(widget.refresh())
    yield widget
    widget.shutdown()


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def open_delivered_picture(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot, did: str, contact: str,
    text: str, *, distinct: bool = False,
) -> tuple[int, str]:
    """Deliver an MMS with a picture, open its conversation and wait until the picture
    is downloaded; returns the message's row and the picture's path."""
    mms_id = sandbox.state.deliver_mms(did, contact, text, ["storefront.jpg"],
                                       distinct=distinct)
    arun(tab.refresh())
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, contact))
    model = tab.pane.model
    row = model.row_of(MessageKind.MMS, mms_id)
    assert row is not None
    qtbot.waitUntil(lambda: (model.index(row).data(MEDIA_ROLE) or [None])[0] is not None,
                    timeout=5000)
    return row, model.index(row).data(MEDIA_ROLE)[0]


def test_inbound_image_is_downloaded_shown_opened_and_saved(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot, dialogs: FakeDialogs,
    tmp_path: Path, user_messages: Any,
) -> None:
    did = _did(sandbox)
    row, path = open_delivered_picture(tab, sandbox, arun, qtbot, did, "4185550155",
                                       "Our new sign")
    assert Path(path).exists()
    # Clicking the thumbnail opens the full-size viewer.
    tab.pane.delegate.image_activated.emit(row, 0)
    viewers = [w for w in tab.findChildren(ImageViewer)]
    assert len(viewers) == 1
    with qtbot.waitSignal(viewers[0].loaded, timeout=5000) as decoded:
        pass
    assert decoded.args == [True] and not viewers[0].image.pixmap().isNull()
    dialogs.save_to = tmp_path / "sign.jpg"
    viewers[0]._on_save_clicked()
    # The file exists as soon as the copy starts; "saved" is said once it is done.
    qtbot.waitUntil(lambda: any("saved" in t for t in user_messages.texts), timeout=3000)
    assert dialogs.save_to.read_bytes() == Path(path).read_bytes()
    viewers[0].close()


def test_clicking_a_bubble_makes_its_text_selectable(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot
) -> None:
    did = _did(sandbox)
    sandbox.state.deliver_sms(did, "4185550156", "Order #4412: see https://example.com/o/4412")
    arun(tab.refresh())
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550156"))
    view = tab.pane.view
    row = tab.pane.model.rowCount() - 1
    index = tab.pane.model.index(row)
    view.scrollTo(index)
    geometry = tab.pane.delegate.layout(view.option_for(index), index)
    click = geometry.text.topLeft() + QPoint(2, geometry.text.height() // 2)
    assert tab.pane.delegate.hit(view.option_for(index), index, click)[0] == "text"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    qtbot.waitUntil(lambda: isinstance(view.indexWidget(index), QTextBrowser), timeout=3000)
    editor = view.indexWidget(index)
    assert isinstance(editor, QTextBrowser) and "Order #4412" in editor.toPlainText()
    assert editor.isReadOnly()


def test_poll_timer_fetches_new_messages(
    app_context: Any, sandbox: Any, arun: Any, qtbot: QtBot, dialogs: FakeDialogs
) -> None:
    from app.services.polling import MIN_INTERVAL_SECONDS

    app_context.settings.messages_backfill_days = 7
    # The shortest interval the poller honours (a shorter setting is raised to it).
    app_context.settings.messages_poll_seconds = MIN_INTERVAL_SECONDS
    widget = MessagesTab(app_context, dialogs=dialogs)
    qtbot.addWidget(widget)
    arun(widget.refresh())
    sandbox.state.deliver_sms(_did(sandbox), "4185550157", "Timer test")
    qtbot.waitUntil(lambda: ("New message from (418) 555-0157", "Timer test")
                    in app_context.notifier.history, timeout=MIN_INTERVAL_SECONDS * 1000 + 5000)
    widget.shutdown()


def test_new_conversation_dialog_validates_and_formats(qtbot: QtBot) -> None:
    assert check_number("(617) 555-0199") == ("6175550199", "")
    assert check_number("12345")[1].startswith("A North American number")
    assert "not a valid" in check_number("0175550199")[1]
    dialog = NewConversationDialog(["6175550100", "6175550111"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.number, "4185550123")
    assert dialog.number.text() == "(418) 555-0123" and ok.isEnabled()
    dialog.from_combo.setCurrentIndex(1)
    assert dialog.result_value() == ("6175550111", "4185550123")


def _stored(pk: int, when: datetime, text: str = "x") -> StoredMessage:
    return StoredMessage(Message(MessageKind.SMS, pk, when, Direction.RECEIVED, "6175550100",
                                 "4185550100", text), True, pk)


def test_thread_model_day_separators_stay_consistent(qtmodeltester: Any) -> None:
    model = ThreadModel()
    day1 = datetime(2026, 3, 7, 15, tzinfo=UTC)
    day2 = day1 + timedelta(days=1)
    model.set_thread("6175550100", "4185550100", [_stored(1, day1), _stored(2, day2)],
                     has_older=True)
    assert [type(model.row_object(r)).__name__ for r in range(model.rowCount())] == \
        ["DayRow", "MessageRow", "DayRow", "MessageRow"]
    model.add_messages([_stored(3, day2 + timedelta(minutes=5))])
    assert model.rowCount() == 5  # same day: no new separator
    model.prepend_older([_stored(4, day1 - timedelta(minutes=5))], has_older=False)
    kinds = [isinstance(model.row_object(r), DayRow) for r in range(model.rowCount())]
    assert kinds == [True, False, False, True, False, False]  # day1 separator merged
    assert model.remove_message(MessageKind.SMS, 2)
    assert model.remove_message(MessageKind.SMS, 3)  # day2 empty: its separator goes
    assert all(not isinstance(model.row_object(r), DayRow) or r == 0
               for r in range(model.rowCount()))
    qtmodeltester.check(model)


def test_a_picture_shown_stays_when_the_providers_copy_moves_the_message(
    qapp: Any, tmp_path: Path
) -> None:
    """A picture sent here shows from the bytes that went out; the next sync brings
    the provider's copy stamped a second later, with the provider's link. The
    bubble moves to its new time and keeps showing the picture (it used to read
    "Loading image..." until a download that the cache never needed)."""
    model = ThreadModel()
    when = datetime(2026, 3, 7, 15, tzinfo=UTC)
    sent = StoredMessage(Message(MessageKind.MMS, 9, when, Direction.SENT, "6175550100",
                                 "4185550100", "Tonight's menu", ("sent:mms/9/0",)), True, 9)
    model.set_thread("6175550100", "4185550100", [_stored(1, when - timedelta(minutes=1)),
                                                  sent], has_older=False)
    picture = str(tmp_path / "menu.jpg")
    model.set_media(9, [picture])
    providers = replace(sent, message=replace(sent.message, date=when + timedelta(seconds=1),
                                              media=("https://voip.ms/media/9.jpg",)))
    model.replace_message(providers)
    row = model.row_of(MessageKind.MMS, 9)
    assert row is not None
    assert model.stored_at(row) == providers
    assert model.index(row).data(MEDIA_ROLE) == [picture]


def test_first_backfill_shows_progress_and_can_be_cancelled(
    app_context: Any, sandbox: Any, arun: Any, qtbot: QtBot, dialogs: FakeDialogs
) -> None:
    import asyncio

    app_context.settings.messages_backfill_days = 365
    widget = MessagesTab(app_context, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.show()
    statuses: list[str] = []
    widget.status_message.connect(statuses.append)
    sandbox.faults.inject("slow", methods="getMMS", delay=0.4, count=10)
    task = asyncio.ensure_future(widget.refresh())
    qtbot.waitUntil(lambda: widget.sync_panel.isVisible() and widget.sync_bar.maximum() > 1,
                    timeout=5000)
    widget.cancel_button.click()
    qtbot.waitUntil(task.done, timeout=5000)
    assert not widget.sync_panel.isVisible()
    assert any("cancelled" in s for s in statuses)
    assert widget.conversations.rowCount() >= 0  # what was fetched is kept
    sandbox.faults.clear()
    arun(widget.refresh())  # resumes the backfill
    assert widget.conversations.rowCount() > 3
    assert widget.conversations.unread_total() == 0
    widget.shutdown()


def test_failed_mms_keeps_its_image_with_the_draft(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot, dialogs: FakeDialogs,
    tmp_path: Path, user_messages: Any,
) -> None:
    from app.sandbox import resources

    picture = tmp_path / "receipt.png"
    picture.write_bytes(resources.read("media", "receipt.png"))
    dialogs.images = [picture]
    did = _did(sandbox)
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550158"))
    tab.pane.compose.attach_button.click()
    qtbot.waitUntil(lambda: tab.pane.compose.attachment_count() == 1)
    tab.pane.compose.text.setPlainText("Your receipt")
    sandbox.state.daily_send_limit = 0
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: bool(user_messages.texts), timeout=5000)
    # Leave (another conversation) and come back: text, error and picture are all
    # still there. (Emptying the box by hand would now rightly clear the draft.)
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550157"))
    assert tab.pane.compose.text.toPlainText() == ""
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550158"))
    assert tab.pane.compose.text.toPlainText() == "Your receipt"
    assert "daily limit" in tab.pane.compose.error_label.text()
    assert tab.pane.compose.attachment_count() == 1


def test_clicking_a_link_in_a_bubble_opens_it(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot, dialogs: FakeDialogs
) -> None:
    did = _did(sandbox)
    sandbox.state.deliver_sms(did, "4185550159", "Menu: www.example.com/menu")
    arun(tab.refresh())
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550159"))
    view = tab.pane.view
    index = tab.pane.model.index(tab.pane.model.rowCount() - 1)
    view.scrollTo(index)
    option = view.option_for(index)
    text = tab.pane.delegate.layout(option, index).text
    y = text.top() + text.height() // 2
    spot = next(QPoint(x, y) for x in range(text.left(), text.right())
                if tab.pane.delegate.hit(option, index, QPoint(x, y))[0] == "link")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert dialogs.opened_urls == ["https://www.example.com/menu"]


def test_did_filter_shows_one_numbers_conversations(tab: MessagesTab, qtbot: QtBot) -> None:
    dids = tab.left.known_dids()
    assert len(dids) >= 2
    tab.did_filter.setCurrentIndex(tab.did_filter.findData(dids[1]))
    qtbot.waitUntil(lambda: tab.conversations.rowCount() > 0 and all(
        tab.conversations.summary_at(r).did == dids[1]  # type: ignore[union-attr]
        for r in range(tab.conversations.rowCount())), timeout=3000)
    tab.did_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: {tab.conversations.summary_at(r).did  # type: ignore[union-attr]
                             for r in range(tab.conversations.rowCount())} == set(dids),
                    timeout=3000)


def test_links_in_a_bubble_take_the_colour_they_are_painted_with(qapp: Any) -> None:
    from PySide6.QtGui import QColor, QFont

    from app.ui.tabs.messages.bubble_delegate import BubbleDelegate

    delegate = BubbleDelegate()
    stored = _stored(1, datetime(2026, 3, 7, 15, tzinfo=UTC), "see https://maplestreet.example/menu")
    doc = delegate._document(stored, QFont(), 300, QColor("#ffffff"))
    colours = set()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                colours.add(fmt.foreground().color().name())
            it += 1
        block = block.next()
    # Parsed anchors used to keep the application's blue whatever the bubble.
    assert colours == {"#ffffff"}
