"""The fax compose dialog keeps what was typed (issue #13 point 2): saved to the
store as the user types (debounced) and on close, restored when the dialog next
opens (also in a new tab, as after a restart), gone once sent or discarded."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.services.fax.drafts import FaxDraft
from app.ui.tabs.fax import create_tab
from app.ui.tabs.fax.compose_dialog import ComposeFaxDialog
from app.ui.tabs.fax.view import FaxTab
from tests.gui import test_fax_tab as tab_tests
from tests.gui.test_fax_samples import write_image
from tests.gui.test_fax_send import compose
from tests.gui.test_fax_tab import ScriptedDialogs

dialogs = tab_tests.dialogs
fax_tab = tab_tests.fax_tab


def stored(tab: FaxTab, arun: Any) -> FaxDraft | None:
    result: FaxDraft | None = arun(tab.service.drafts.load())
    return result


def settled(dialog: ComposeFaxDialog, qtbot: QtBot, arun: Any) -> None:
    """The debounce fired and its write is done."""
    qtbot.waitUntil(lambda: not dialog._draft_timer.isActive(), timeout=5_000)
    arun(dialog.drafts_saved())


def fill(dialog: ComposeFaxDialog, arun: Any, tmp_path: Path) -> Path:
    image = write_image(tmp_path / "order.png")
    arun(dialog.add_files([image]))
    dialog.typed_edit.setPlainText("Bonjour Ana, la crème fraîche arrive mardi. 🥐")
    dialog.cover_box.setChecked(True)
    dialog.cover_subject_edit.setText("Order #2291")
    dialog.copy_check.setChecked(True)
    dialog.email_edit.setText("me@example.com")
    return image


def test_typing_is_saved_as_a_draft_once_the_user_pauses(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path
) -> None:
    dialog = compose(fax_tab, qtbot)
    image = fill(dialog, arun, tmp_path)
    assert dialog._draft_timer.isActive()  # debounced, not a write per key
    settled(dialog, qtbot, arun)
    draft = stored(fax_tab, arun)
    assert draft is not None
    assert draft.to_number == "(781) 555-0164"
    assert draft.from_number == "6175550133"
    assert draft.typed_text.startswith("Bonjour Ana")
    assert draft.cover and draft.cover_subject == "Order #2291"
    assert draft.email_copy and draft.email == "me@example.com"
    assert draft.files == (str(image),)


def test_closing_keeps_the_draft_at_once_and_a_new_tab_restores_it(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, app_context: Any,
    dialogs: ScriptedDialogs,
) -> None:
    dialog = compose(fax_tab, qtbot)
    image = fill(dialog, arun, tmp_path)
    gone = write_image(tmp_path / "gone.png")
    arun(dialog.add_files([gone]))
    dialog.station_edit.setText("BAKERY 2")
    dialog.reject()  # closed before the pause: saved anyway
    arun(dialog.drafts_saved())
    assert not dialog._draft_timer.isActive()
    draft = stored(fax_tab, arun)
    assert draft is not None and draft.station_id == "BAKERY 2"
    gone.unlink()

    # As after a restart: a new tab, a new dialog, the same store.
    fax_tab.shutdown()
    again = create_tab(app_context)
    assert isinstance(again, FaxTab)
    again.dialogs = dialogs
    qtbot.addWidget(again)
    restored = again.open_compose()
    assert restored is not dialog
    assert again.draft_restore is not None
    assert arun(again.draft_restore)
    qtbot.waitUntil(lambda: restored.from_combo.isEnabled(), timeout=5_000)
    assert restored.to_edit.text() == "(781) 555-0164"
    assert restored.from_combo.currentData() == "6175550133"
    assert restored.station_edit.text() == "BAKERY 2"
    assert restored.typed_edit.toPlainText().startswith("Bonjour Ana")
    assert restored.cover_box.isChecked()
    assert restored.cover_subject_edit.text() == "Order #2291"
    assert restored.copy_check.isChecked() and restored.email_edit.text() == "me@example.com"
    assert restored.files == [image]
    assert "gone.png" in restored.status.text()
    qtbot.waitUntil(lambda: restored.merged is not None, timeout=10_000)
    assert restored.merged is not None and restored.merged.pages == 3  # cover, text, image
    again.shutdown()


def test_discard_draft_forgets_it_and_sending_clears_it(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    dialog = compose(fax_tab, qtbot)
    fill(dialog, arun, tmp_path)
    settled(dialog, qtbot, arun)
    assert stored(fax_tab, arun) is not None
    assert dialog.discard_button.text() == "Discard draft"
    dialogs.confirm_answer = True
    arun(dialog._on_discard_button_clicked.__wrapped__(dialog))  # type: ignore[attr-defined]
    arun(dialog.drafts_saved())
    assert stored(fax_tab, arun) is None
    assert fax_tab.compose is None

    sending = compose(fax_tab, qtbot)
    sending.typed_edit.setPlainText("Short note")
    qtbot.waitUntil(lambda: sending.merged is not None, timeout=10_000)
    settled(sending, qtbot, arun)
    assert stored(fax_tab, arun) is not None
    assert arun(sending.send())
    arun(sending.drafts_saved())
    assert stored(fax_tab, arun) is None


def test_a_draft_the_app_cannot_read_is_ignored() -> None:
    assert FaxDraft.from_json("{not json") is None
    assert FaxDraft.from_json("[1, 2]") is None
    odd = FaxDraft.from_json('{"to_number": 5, "email_copy": "yes", "files": ["/a", 3],'
                             ' "typed_text": "hi", "future_field": 1}')
    assert odd == FaxDraft(typed_text="hi", files=("/a",))
    assert FaxDraft(station_id="only mine").has_content() is False


def test_closing_the_dialog_while_its_numbers_load_is_harmless(
    fax_tab: FaxTab, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    """The dialog deleted while getFaxNumbersInfo is on its way: the late answer finds
    no widgets to fill (it raised "Internal C++ object already deleted")."""
    import shiboken6

    dialog = compose(fax_tab, qtbot)
    # The numbers are fetched once per session: forget them, so this load asks again.
    fax_tab.service._numbers = None
    sandbox.faults.inject("slow", methods="getFaxNumbersInfo", delay=0.5)
    before = len(sandbox.calls("getFaxNumbersInfo"))
    loading = asyncio.ensure_future(dialog.load_numbers())
    # Deleted while this load waits for its (slow) answer.
    qtbot.waitUntil(lambda: len(sandbox.calls("getFaxNumbersInfo")) > before, timeout=5_000)
    fax_tab.compose = None
    shiboken6.delete(dialog)
    qtbot.waitUntil(loading.done, timeout=10_000)
    assert loading.exception() is None


def test_closing_the_window_with_the_composer_open_keeps_what_was_just_typed(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any
) -> None:
    # The composer is not modal: the window may close under it, a keystroke after
    # the last pause. The window's tasks are cancelled as it closes, so the draft is
    # written before shutdown returns, not by a task.
    dialog = compose(fax_tab, qtbot)
    settled(dialog, qtbot, arun)
    dialog.typed_edit.setPlainText("Livraison à 7 h, merci 🙏")
    assert dialog._draft_timer.isActive()  # not saved yet
    fax_tab.shutdown()
    from app.services.fax.drafts import DRAFT_KEY
    from app.store.sync_state import get_state

    raw = fax_tab.ctx.db.run_sync(get_state, DRAFT_KEY)
    draft = FaxDraft.from_json(raw or "")
    assert draft is not None and draft.typed_text == "Livraison à 7 h, merci 🙏"
    assert draft.to_number == "(781) 555-0164"
