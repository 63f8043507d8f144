"""The Messages tab against the sandbox: list, open, send, search, delete, export,
notifications, unread badge. Dialogs are replaced so nothing blocks."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.models.messages import Direction
from app.services.messages.reads import PAGE_SIZE
from app.ui.tabs.messages.dialogs import MessageDialogs
from app.ui.tabs.messages.tab import MessagesTab


class FakeDialogs(MessageDialogs):
    def __init__(self) -> None:
        self.confirm_answer = True
        self.save_to: Path | None = None
        self.images: list[Path] = []
        self.new: tuple[str, str] | None = None
        self.opened_urls: list[str] = []
        self.questions: list[str] = []

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    async def save_path(self, parent: QWidget | None, title: str, suggested: str,
                        filters: str) -> Path | None:
        return self.save_to

    async def open_images(self, parent: QWidget | None, limit: int) -> list[Path]:
        return self.images[:limit]

    async def new_conversation(self, parent: QWidget | None,
                               dids: list[str]) -> tuple[str, str] | None:
        return self.new

    def open_url(self, url: str) -> None:
        self.opened_urls.append(url)


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def tab(app_context: Any, dialogs: FakeDialogs, qtbot: QtBot, arun: Any) -> Iterator[MessagesTab]:
    app_context.settings.messages_backfill_days = 365
    widget = MessagesTab(app_context, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    widget.load_cached()
    arun(widget.refresh())
    yield widget
    widget.shutdown()


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def _open_first(tab: MessagesTab, qtbot: QtBot) -> Any:
    summary = tab.conversations.summary_at(0)
    assert summary is not None
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.list_view.setCurrentIndex(tab.conversations.index(0))
    assert tab.pane.model.message_count() == min(summary.total, PAGE_SIZE)
    return summary


def test_first_sync_lists_conversations_newest_first_and_nothing_unread(
    tab: MessagesTab, qtbot: QtBot, qtmodeltester: Any
) -> None:
    count = tab.conversations.rowCount()
    assert count > 3
    dates = [tab.conversations.summary_at(r).last_date for r in range(count)]  # type: ignore[union-attr]
    assert dates == sorted(dates, reverse=True)
    assert tab.conversations.unread_total() == 0
    qtmodeltester.check(tab.conversations)
    summary = _open_first(tab, qtbot)
    assert tab.pane.title.text()
    qtmodeltester.check(tab.pane.model)
    # Bubbles are painted by the delegate, not one widget per message.
    assert tab.pane.view.indexWidget(tab.pane.model.index(1)) is None
    assert min(summary.total, PAGE_SIZE) == tab.pane.model.message_count()


def test_a_narrow_conversation_list_does_not_scroll_sideways(
    tab: MessagesTab, qtbot: QtBot
) -> None:
    """The rows asked for 240 px: at the window's narrowest the list scrolled
    sideways to show rows clipped at the edge. They take the list's width."""
    view = tab.list_view
    view.setFixedWidth(200)
    qtbot.waitUntil(lambda: view.viewport().width() < 200, timeout=2_000)
    view.doItemsLayout()
    assert view.horizontalScrollBar().maximum() == 0
    assert view.visualRect(tab.conversations.index(0, 0)).width() == view.viewport().width()
    view.setMinimumWidth(0)
    view.setMaximumWidth(16_777_215)


def test_long_thread_opens_on_its_newest_page_and_loads_older_on_scroll(
    tab: MessagesTab, sandbox: Any, arun: Any, qtbot: QtBot
) -> None:
    state = sandbox.state
    did = _did(sandbox)
    start = state.clock.now_wall() - timedelta(hours=4)
    with state.lock:
        for i in range(PAGE_SIZE + 60):
            state.add_text("sms", date=start + timedelta(minutes=i), type_=i % 2, did=did,
                           contact="4185550190", message=f"line {i}")
    arun(tab.refresh())
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        arun(tab.open_conversation(did, "4185550190"))
    model = tab.pane.model
    assert model.message_count() == PAGE_SIZE and model.has_older
    assert model.messages()[-1].text == f"line {PAGE_SIZE + 59}"
    tab.pane.view.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: model.message_count() == PAGE_SIZE + 60, timeout=5000)
    assert [m.text for m in model.messages()][:2] == ["line 0", "line 1"]
    assert not model.has_older
    # The view stays on the message the user was reading, not jumped to the top.
    assert tab.pane.view.verticalScrollBar().value() > 0


def test_new_inbound_message_notifies_and_shows_unread(
    tab: MessagesTab, sandbox: Any, app_context: Any, arun: Any, qtbot: QtBot
) -> None:
    badges: list[int] = []
    tab.badge_changed.connect(badges.append)
    sandbox.state.deliver_sms(_did(sandbox), "4185550166", "Do you deliver on Saturdays?")
    arun(tab.refresh())
    # The notification goes out from a task of its own, during or just after the sync.
    qtbot.waitUntil(lambda: ("New message from (418) 555-0166", "Do you deliver on Saturdays?")
                    in app_context.notifier.history, timeout=5000)
    qtbot.waitUntil(lambda: tab.conversations.summary_at(0) is not None
                    and tab.conversations.summary_at(0).contact == "4185550166")  # type: ignore[union-attr]
    assert tab.conversations.summary_at(0).unread == 1  # type: ignore[union-attr]
    assert badges and badges[-1] == 1
    # Opening the conversation reads it; a later poll never makes it unread again.
    _open_first(tab, qtbot)
    qtbot.waitUntil(lambda: tab.conversations.unread_total() == 0)
    arun(tab.refresh())
    assert tab.conversations.unread_total() == 0 and badges[-1] == 0


def test_send_from_compose_appends_a_bubble(
    tab: MessagesTab, sandbox: Any, qtbot: QtBot, user_messages: Any
) -> None:
    _open_first(tab, qtbot)
    before = tab.pane.model.message_count()
    qtbot.keyClicks(tab.pane.compose.text, "We open at 7 tomorrow")
    assert tab.pane.compose.counter.text() == "139 characters left"
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: tab.pane.model.message_count() == before + 1, timeout=5000)
    last = tab.pane.model.messages()[-1]
    assert last.text == "We open at 7 tomorrow" and last.direction is Direction.SENT
    assert tab.pane.compose.text.toPlainText() == ""
    assert user_messages.texts == []


def test_failed_send_keeps_text_and_shows_the_error(
    tab: MessagesTab, sandbox: Any, qtbot: QtBot, user_messages: Any
) -> None:
    _open_first(tab, qtbot)
    sandbox.state.daily_send_limit = 0
    tab.pane.compose.text.setPlainText("Please keep me")
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: bool(user_messages.texts), timeout=5000)
    assert "daily limit" in user_messages.texts[0]
    qtbot.waitUntil(lambda: tab.pane.compose.error_label.isVisibleTo(tab))
    assert tab.pane.compose.text.toPlainText() == "Please keep me"
    assert "daily limit" in tab.pane.compose.error_label.text()


def test_attach_image_sends_an_mms(
    tab: MessagesTab, sandbox: Any, dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.sandbox import resources

    picture = tmp_path / "menu.png"
    picture.write_bytes(resources.read("media", "menu_board.png"))
    dialogs.images = [picture]
    _open_first(tab, qtbot)
    tab.pane.compose.attach_button.click()
    qtbot.waitUntil(lambda: tab.pane.compose.attachment_count() == 1)
    assert "Picture message with 1 picture" in tab.pane.compose.counter.text()
    tab.pane.compose.text.setPlainText("Menu")
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: bool(sandbox.calls("sendMMS")), timeout=5000)
    qtbot.waitUntil(lambda: tab.pane.compose.attachment_count() == 0, timeout=5000)


def test_search_highlights_and_jumps_to_the_message(tab: MessagesTab, qtbot: QtBot) -> None:
    summary = _open_first(tab, qtbot)
    word = next(w for m in tab.pane.model.messages() for w in m.text.split()
                if len(w) > 5 and w.isalpha())
    tab.list_view.clearSelection()
    tab.search.field.setText(word)
    qtbot.waitUntil(lambda: len(tab.search.hit_rows()) > 0, timeout=3000)
    first = tab.search.hit_rows()[0]
    label = tab.search.results.itemWidget(first)
    assert "<u>" in label.text()  # type: ignore[union-attr]
    hit = first.data(0x0100 + 20)
    tab.search.hit_activated.emit(hit)
    target = hit.stored.message
    qtbot.waitUntil(lambda: tab.pane.model.row_of(target.kind, target.id) is not None
                    and tab.pane.view.currentIndex().row()
                    == tab.pane.model.row_of(target.kind, target.id), timeout=5000)
    assert summary is not None


def test_delete_asks_first_and_removes_the_bubble(
    tab: MessagesTab, sandbox: Any, dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    _open_first(tab, qtbot)
    row = next(r for r in range(tab.pane.model.rowCount()) if tab.pane.model.stored_at(r))
    stored = tab.pane.model.stored_at(row)
    dialogs.confirm_answer = False
    count = tab.pane.model.message_count()
    tab.pane.delete_requested.emit(stored)
    qtbot.waitUntil(lambda: len(dialogs.questions) == 1)
    assert tab.pane.model.message_count() == count
    dialogs.confirm_answer = True
    tab.pane.delete_requested.emit(stored)
    qtbot.waitUntil(lambda: tab.pane.model.message_count() == count - 1, timeout=5000)
    assert tab.pane.model.row_of(stored.message.kind, stored.message.id) is None  # type: ignore[union-attr]
    # The declined request (started first) deleted nothing: the provider saw exactly
    # the one confirmed delete (logged once answered, hence the wait for the first).
    deletes = lambda: [*sandbox.calls("deleteSMS"), *sandbox.calls("deleteMMS")]  # noqa: E731
    qtbot.waitUntil(lambda: len(deletes()) >= 1, timeout=5000)
    assert len(deletes()) == 1 and len(dialogs.questions) == 2


def test_export_csv_and_text(tab: MessagesTab, dialogs: FakeDialogs, qtbot: QtBot,
                             tmp_path: Path, user_messages: Any) -> None:
    summary = _open_first(tab, qtbot)
    dialogs.save_to = tmp_path / "thread.csv"
    tab.pane.export_button.click()
    qtbot.waitUntil(lambda: dialogs.save_to is not None and dialogs.save_to.exists(),
                    timeout=15_000)
    rows = list(csv.reader(dialogs.save_to.open(encoding="utf-8")))
    assert rows[0][0] == "date" and len(rows) == summary.total + 1
    # The export is over when it says so (the file appears a moment before the button
    # is enabled again; a click in between did nothing: a flaky test on 3.13).
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=15_000)
    assert "saved to" in user_messages[0].text and tab.pane.export_button.isEnabled()
    dialogs.save_to = tmp_path / "thread.txt"
    tab.pane.export_button.click()
    qtbot.waitUntil(lambda: dialogs.save_to is not None and dialogs.save_to.exists(),
                    timeout=15_000)
    assert dialogs.save_to.read_text(encoding="utf-8").startswith("Conversation with ")


def test_mark_unread_and_new_conversation(
    tab: MessagesTab, sandbox: Any, dialogs: FakeDialogs, qtbot: QtBot
) -> None:
    summary = _open_first(tab, qtbot)
    tab.pane.unread_button.click()
    qtbot.waitUntil(lambda: tab.conversations.unread_total() == 1 or summary.total == 0,
                    timeout=3000)
    dialogs.new = (_did(sandbox), "4185550111")
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.new_button.click()
    assert tab.pane.title.text() == "(418) 555-0111"
    assert tab.pane.model.message_count() == 0
    # Issue #15.4: the previous contact no longer looks open in the list.
    assert tab.list_view.selectionModel().selectedIndexes() == []
    tab.pane.compose.text.setPlainText("Hello from the bakery")
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: tab.conversations.row_of(_did(sandbox), "4185550111") is not None,
                    timeout=5000)
    new_row = tab.conversations.row_of(_did(sandbox), "4185550111")
    qtbot.waitUntil(lambda: [i.row() for i in tab.list_view.selectionModel().selectedIndexes()]
                    == [new_row], timeout=5000)


def test_link_click_goes_to_the_opener(tab: MessagesTab, dialogs: FakeDialogs) -> None:
    tab.pane.delegate.link_activated.emit("https://example.com/menu")
    assert dialogs.opened_urls == ["https://example.com/menu"]
    assert tab.pane.view.editTriggers() == tab.pane.view.EditTrigger.NoEditTriggers
    assert Qt.ItemFlag.ItemIsSelectable in tab.conversations.flags(tab.conversations.index(0))



# --- drafts: typed text is never thrown away (issue #13.2) -----------------------------

TYPED = "See you at 10 - Réunion à 10h demain — merci 🎉"


def _type(tab: MessagesTab, qtbot: QtBot) -> None:
    """Keys for the ASCII part (QTest cannot press an emoji), then the rest as input."""
    qtbot.keyClicks(tab.pane.compose.text, "See you at 10")
    tab.pane.compose.text.insertPlainText(" - Réunion à 10h demain — merci 🎉")


def _open_row(tab: MessagesTab, qtbot: QtBot, row: int) -> Any:
    summary = tab.conversations.summary_at(row)
    assert summary is not None
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.list_view.setCurrentIndex(tab.conversations.index(row))
    return summary


def test_text_typed_is_saved_after_a_pause(tab: MessagesTab, qtbot: QtBot, arun: Any) -> None:
    first = _open_first(tab, qtbot)
    _type(tab, qtbot)
    qtbot.waitUntil(lambda: (arun(tab.service.draft(first.did, first.contact)) or None)
                    is not None, timeout=5000)
    draft = arun(tab.service.draft(first.did, first.contact))
    assert draft is not None and draft.text == TYPED


def test_switching_conversation_keeps_what_was_typed(
    tab: MessagesTab, qtbot: QtBot, arun: Any
) -> None:
    first = _open_first(tab, qtbot)
    _type(tab, qtbot)
    _open_row(tab, qtbot, 1)  # right away: no pause for the debounce
    assert tab.pane.compose.text.toPlainText() != TYPED
    back = _open_row(tab, qtbot, tab.conversations.row_of(first.did, first.contact) or 0)
    assert (back.did, back.contact) == (first.did, first.contact)
    assert tab.pane.compose.text.toPlainText() == TYPED


def test_closing_the_window_keeps_what_was_typed(
    tab: MessagesTab, qtbot: QtBot, arun: Any
) -> None:
    first = _open_first(tab, qtbot)
    _type(tab, qtbot)
    tab.shutdown()  # what the main window does when it closes, before any pause
    draft = arun(tab.service.draft(first.did, first.contact))
    assert draft is not None and draft.text == TYPED


def test_opening_a_conversation_does_not_erase_its_stored_draft(
    tab: MessagesTab, qtbot: QtBot, arun: Any
) -> None:
    first = _open_first(tab, qtbot)
    arun(tab.service.keep_draft(first.did, first.contact, "kept from yesterday"))
    _open_row(tab, qtbot, 1)
    _open_row(tab, qtbot, tab.conversations.row_of(first.did, first.contact) or 0)
    assert tab.pane.compose.text.toPlainText() == "kept from yesterday"
    assert not tab._draft_timer.isActive()  # filling the box schedules no save
    draft = arun(tab.service.draft(first.did, first.contact))
    assert draft is not None and draft.text == "kept from yesterday"


def _newest_in_sight(tab: MessagesTab) -> bool:
    view, model = tab.pane.view, tab.pane.model
    last = view.visualRect(model.index(model.rowCount() - 1))
    bar = view.verticalScrollBar()
    return bar.value() == bar.maximum() and last.bottom() <= view.viewport().height()


def test_a_conversation_opens_on_its_newest_message_in_full(
    tab: MessagesTab, qtbot: QtBot, sandbox: Any, arun: Any
) -> None:
    """Seen in a real window: the newest bubble (a picture) was cut in half at the
    bottom. The scroll to the end came before the view settled, and whatever then
    took height from the view (a restored draft growing the compose box, the
    pending-sends strip, the scroll bar narrowing the text) left it short of the
    end. The view now keeps to the newest message until the user scrolls away, and
    follows what arrives while it is there."""
    tab.resize(900, 700)
    for row in range(min(tab.conversations.rowCount(), 4)):
        with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
            tab.list_view.setCurrentIndex(tab.conversations.index(row))
        qtbot.waitUntil(lambda: _newest_in_sight(tab), timeout=2000)
        # Less room for the view after the scroll (a taller compose box, a strip).
        before = tab.pane.view.viewport().height()
        tab.resize(900, 560)
        qtbot.waitUntil(lambda b=before: tab.pane.view.viewport().height() < b, timeout=2000)
        assert _newest_in_sight(tab)
        tab.resize(900, 700)
    # A message arriving while the newest one is in sight is followed...
    summary = tab.conversations.summary_at(tab.list_view.currentIndex().row())
    assert summary is not None
    sandbox.state.deliver_sms(summary.did, summary.contact, "Is the shop open today? " * 6)
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.pane.model.messages()[-1].text.startswith("Is the shop"))
    qtbot.waitUntil(lambda: _newest_in_sight(tab), timeout=2000)
    # ...but not once the user has scrolled up to read.
    bar = tab.pane.view.verticalScrollBar()
    bar.setValue(bar.maximum() - 60)
    sandbox.state.deliver_sms(summary.did, summary.contact, "Hello?")
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.pane.model.messages()[-1].text == "Hello?")
    qtbot.wait(50)
    assert not _newest_in_sight(tab)
