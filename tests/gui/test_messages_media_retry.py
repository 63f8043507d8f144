"""A picture that could not be downloaded can be fetched again from its placeholder
(issue #13.14): clicking "Picture not downloaded / Click to try again" downloads it now,
even after the automatic retries gave up."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.domain.models.messages import MessageKind
from app.store.media import MediaState, media_for_message
from app.ui.tabs.messages.tab import MessagesTab
from app.ui.tabs.messages.thread_model import MEDIA_ROLE
from tests.gui.test_messages_tab import _did, dialogs, tab

__all__ = ["dialogs", "tab"]  # fixtures


def _set_expired(sandbox: Any, expired: bool) -> None:
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.expired = expired


def test_clicking_the_placeholder_of_a_failed_picture_downloads_it_again_then_opens_it(
    tab: MessagesTab, sandbox: Any, app_context: Any, arun: Any, qtbot: QtBot
) -> None:
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550171", "Our new sign",
                                       ["storefront.jpg"], distinct=True)
    _set_expired(sandbox, True)
    arun(tab.refresh())

    def attempts() -> int:
        items = arun(app_context.db.run(media_for_message, MessageKind.MMS, mms_id))
        return items[0].attempts if items else 0

    qtbot.waitUntil(lambda: attempts() >= 1, timeout=10_000)
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.list_view.setCurrentIndex(tab.conversations.index(0))
    row = tab.pane.model.row_of(MessageKind.MMS, mms_id)
    assert row is not None
    index = tab.pane.model.index(row)
    assert index.data(MEDIA_ROLE) == [None]  # the placeholder is shown
    menu = tab.pane.build_context_menu(tab.pane.model.stored_at(row), index)  # type: ignore[arg-type]
    assert "Download pictures again" in [a.text() for a in menu.actions()]

    _set_expired(sandbox, False)  # the provider serves it again; the next retry is minutes away
    tab.pane.delegate.image_activated.emit(row, 0)  # what a click on the placeholder sends
    qtbot.waitUntil(lambda: bool(tab.pane.model.index(row).data(MEDIA_ROLE)[0]), timeout=10_000)
    [item] = arun(app_context.db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.state is MediaState.DONE

    # Opened full size, the window says whose picture it is and when (not a file hash).
    tab.pane.delegate.image_activated.emit(row, 0)
    qtbot.waitUntil(lambda: bool(tab._viewers), timeout=5000)
    title = tab._viewers[-1].windowTitle()
    assert title.startswith("Picture from (418) 555-0171 - "), title
    assert ":" in title.rsplit(" - ", 1)[1] and ".jpg" not in title, title  # "Today 10:24"
    tab._viewers[-1].close()
