"""A picture message just sent shows its picture at once (issue #15.7).

Before: the sent bubble had no picture until a later sync brought the provider's
link and the download finished. Now the bytes that went out are cached under the
sent row and the bubble shows them as soon as the send returns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.domain.models.messages import Direction, MessageKind
from app.ui.tabs.messages.tab import MessagesTab
from app.ui.tabs.messages.thread_model import MEDIA_ROLE
from tests.gui.test_messages_tab import FakeDialogs, _open_first, dialogs, tab

__all__ = ["dialogs", "tab"]  # fixtures shared with the Messages tab tests


def _sent_mms_row(tab: MessagesTab, id_: int | None = None) -> int | None:
    """The row of the MMS "Tonight's menu" sent here (the newest; ``id_``: that one).

    The sandbox is shared by the session: the other test of this module sent the
    same text to the same conversation, and a sync brings that copy here too."""
    model = tab.pane.model
    found = None
    for row in range(model.rowCount()):
        stored = model.stored_at(row)
        if (stored is not None and stored.message.kind is MessageKind.MMS
                and stored.message.direction is Direction.SENT
                and stored.message.text == "Tonight's menu"
                and (id_ is None or stored.message.id == id_)):
            found = row
    return found


def test_the_sent_picture_shows_at_once_without_a_refresh(
    tab: MessagesTab, sandbox: Any, dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path
) -> None:
    from app.sandbox import resources

    picture = tmp_path / "menu.png"
    picture.write_bytes(resources.read("media", "menu_board.png"))
    dialogs.images = [picture]
    _open_first(tab, qtbot)
    tab.pane.compose.attach_button.click()
    qtbot.waitUntil(lambda: tab.pane.compose.attachment_count() == 1)
    sent_bytes = tab.pane.compose.payload().attachments[0].data
    tab.pane.compose.text.setPlainText("Tonight's menu")
    sandbox.clear_log()
    tab.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: _sent_mms_row(tab) is not None, timeout=5000)

    row = _sent_mms_row(tab)
    assert row is not None
    paths = tab.pane.model.index(row).data(MEDIA_ROLE)
    assert paths and paths[0] is not None, "the sent bubble has no picture"
    assert Path(paths[0]).read_bytes() == sent_bytes
    # Shown from what went out: nothing was fetched for it (other MMS of the open
    # conversation may be resolved in the background meanwhile).
    sent = tab.pane.model.stored_at(row)
    assert sent is not None
    assert [c.method for c in sandbox.request_log].count("sendMMS") == 1
    assert all(c.params.get("id") != str(sent.message.id)
               for c in sandbox.calls("getMediaMMS"))


def test_the_picture_stays_after_the_next_sync_brings_the_providers_copy(
    tab: MessagesTab, sandbox: Any, dialogs: FakeDialogs, qtbot: QtBot, tmp_path: Path,
    arun: Any,
) -> None:
    from app.sandbox import resources

    picture = tmp_path / "menu.png"
    picture.write_bytes(resources.read("media", "menu_board.png"))
    dialogs.images = [picture]
    _open_first(tab, qtbot)
    tab.pane.compose.attach_button.click()
    qtbot.waitUntil(lambda: tab.pane.compose.attachment_count() == 1)
    tab.pane.compose.text.setPlainText("Tonight's menu")
    tab.pane.compose.send_button.click()

    def shown_from_the_send() -> bool:
        # The send is over once its picture is cached and shown (keep_sent): only then
        # is "the next sync" next. (The row itself shows a moment earlier.)
        row = _sent_mms_row(tab)
        paths = tab.pane.model.index(row).data(MEDIA_ROLE) if row is not None else []
        return bool(paths) and paths[0] is not None

    qtbot.waitUntil(shown_from_the_send, timeout=5000)
    sent_row = _sent_mms_row(tab)
    assert sent_row is not None
    sent = tab.pane.model.stored_at(sent_row)
    assert sent is not None
    arun(tab.refresh())
    row = _sent_mms_row(tab, sent.message.id)
    assert row is not None
    paths = tab.pane.model.index(row).data(MEDIA_ROLE)
    assert len(paths) == 1 and paths[0] is not None and Path(paths[0]).is_file()
