"""Composing and sending a fax from the tab: merge, preview, validation, send, failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.ui.tabs.fax.compose_dialog import ComposeFaxDialog
from app.ui.tabs.fax.compose_merge import merge_attachments
from app.ui.tabs.fax.view import FaxTab
from tests.gui import test_fax_tab as tab_tests
from tests.gui.test_fax_samples import write_image, write_multipage_tiff, write_text
from tests.gui.test_fax_tab import ScriptedDialogs
from tests.unit.services.test_fax_send import logged

# The tab fixtures, shared with test_fax_tab.py.
dialogs = tab_tests.dialogs
fax_tab = tab_tests.fax_tab


def compose(tab: FaxTab, qtbot: QtBot) -> ComposeFaxDialog:
    dialog = tab.open_compose()
    qtbot.waitUntil(lambda: dialog.from_combo.isEnabled(), timeout=5_000)
    dialog.to_edit.setText("(781) 555-0164")
    dialog.name_edit.setText("Maple St Bakery")
    dialog.station_edit.setText("BAKERY")
    return dialog


def sent_to(tab: FaxTab, number: str) -> list[Any]:
    return [f for f in tab.model.faxes if f.destination == number]


def test_send_from_pdf_previews_every_page_and_lands_in_sent(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, sandbox: SandboxServer
) -> None:
    letter = merge_attachments([write_text(tmp_path / "letter.txt", 150)], tmp_path / "l.pdf")
    dialog = compose(fax_tab, qtbot)
    assert dialog.from_combo.currentData() == "6175550133"
    arun(dialog.add_files([letter.path]))
    assert dialog.merged is not None and dialog.merged.pages == letter.pages
    assert dialog.preview.page_count() == letter.pages
    assert "page" in dialog.summary.text()
    dialog.copy_check.setChecked(True)
    dialog.email_edit.setText("me@example.com")
    assert arun(dialog.send())
    (call,) = logged(sandbox, "sendFaxMessage")
    assert call.verb == "POST" and call.params["send_email"] == "me@example.com"
    assert fax_tab.compose is None  # sent: the draft is gone
    fax_tab.open_folder("SENT")
    qtbot.waitUntil(lambda: bool(sent_to(fax_tab, "7815550164")), timeout=5_000)
    assert sent_to(fax_tab, "7815550164")[0].pages == letter.pages
    assert fax_tab.ctx.settings.fax_email == "me@example.com"


def test_send_from_images_merges_one_page_per_image_and_tiff_page(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, dialogs: ScriptedDialogs,
    sandbox: SandboxServer,
) -> None:
    dialog = compose(fax_tab, qtbot)
    dialogs.files = [
        write_image(tmp_path / "logo.png"),
        write_image(tmp_path / "photo.jpg", size=(1200, 900)),
        write_image(tmp_path / "stamp.gif"),
        write_multipage_tiff(tmp_path / "scan.tif", 3),
    ]
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=10_000)
    assert dialog.merged is not None
    assert dialog.merged.pages == 6 and dialog.merged.pages_per_file == (1, 1, 1, 3)
    assert dialog.preview.page_count() == 6
    assert dialog.attachments.item(3).text() == "scan.tif  —  3 pages"
    # Reordering re-merges: the TIFF first.
    dialog.attachments.setCurrentRow(3)
    arun(dialog._move_current(-1))
    assert dialog.files[2].name == "scan.tif"
    assert dialog.merged is not None and dialog.merged.pages_per_file == (1, 1, 3, 1)
    assert arun(dialog.send())
    fax_tab.open_folder("SENT")
    qtbot.waitUntil(lambda: bool(sent_to(fax_tab, "7815550164")), timeout=5_000)
    assert sent_to(fax_tab, "7815550164")[0].pages == 6


def test_invalid_number_is_refused_before_sending(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, sandbox: SandboxServer,
    user_messages: Any,
) -> None:
    dialog = compose(fax_tab, qtbot)
    dialog.to_edit.setText("555-0164 1234")
    assert dialog.to_hint.text() == "Not a valid US or Canadian fax number."
    arun(dialog.add_files([write_image(tmp_path / "a.png")]))
    assert not arun(dialog.send())
    assert "not a valid US or Canadian fax number" in user_messages.texts[-1]
    assert logged(sandbox, "sendFaxMessage", 1, timeout=0.3) == []


def test_unusable_attachment_is_named_and_left_out(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, user_messages: Any
) -> None:
    dialog = compose(fax_tab, qtbot)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK")
    arun(dialog.add_files([write_image(tmp_path / "ok.png"), broken, notes]))
    assert any("notes.docx" in t for t in user_messages.texts)
    assert any("broken.pdf" in t and "damaged" in t for t in user_messages.texts)
    assert [p.name for p in dialog.files] == ["ok.png"]
    assert dialog.merged is not None and dialog.merged.pages == 1


def test_failed_send_keeps_the_composed_fax(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, sandbox: SandboxServer,
    user_messages: Any,
) -> None:
    dialog = compose(fax_tab, qtbot)
    arun(dialog.add_files([write_image(tmp_path / "a.png"), write_text(tmp_path / "b.txt")]))
    sandbox.state.daily_send_limit = 0  # limit_reached: a refusal
    assert not arun(dialog.send())
    assert "was not sent" in user_messages.texts[-1] and "kept" in user_messages.texts[-1]
    assert len(logged(sandbox, "sendFaxMessage", 2, timeout=0.3)) == 1  # not retried
    assert dialog.isVisible() and dialog.send_button.isEnabled()
    assert dialog.merged is not None and dialog.merged.path.exists()
    # Closing and reopening brings the same draft back.
    dialog.reject()
    assert fax_tab.open_compose() is dialog
    assert [p.name for p in dialog.files] == ["a.png", "b.txt"]
    assert dialog.to_edit.text() == "(781) 555-0164"
    sandbox.state.daily_send_limit = 100
    assert arun(dialog.send())


def test_discard_forgets_the_draft(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path, dialogs: ScriptedDialogs
) -> None:
    dialog = compose(fax_tab, qtbot)
    arun(dialog.add_files([write_image(tmp_path / "a.png")]))
    merged = dialog.merged
    assert merged is not None
    dialogs.confirm_answer = True
    arun(dialog._on_discard_button_clicked.__wrapped__(dialog))  # type: ignore[attr-defined]
    assert not merged.path.exists()
    assert fax_tab.compose is None


def test_fax_numbers_that_cannot_be_loaded_are_reported_through_the_one_door(
    fax_tab: FaxTab, qtbot: QtBot, sandbox: SandboxServer, user_messages: Any
) -> None:
    sandbox.state.ip_enabled = False
    dialog = fax_tab.open_compose()
    qtbot.waitUntil(
        lambda: dialog.from_combo.itemText(0) == "Could not load your fax numbers",
        timeout=5_000,
    )
    assert not dialog.from_combo.isEnabled()
    assert len(user_messages.texts) == 1 and "IP" in user_messages.texts[0]


def test_the_composer_leaves_the_window_usable(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any
) -> None:
    # Composing may take a while: the fax list, the other tabs and the Cancel of a
    # fax still sending stay reachable (a modal composer blocked them all).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialog = compose(fax_tab, qtbot)
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.NonModal
    assert QApplication.activeModalWidget() is None
    assert fax_tab.window().isEnabled() and fax_tab.pending.isEnabled()
    # "Send a fax..." again brings the same composer back, with what was typed.
    assert fax_tab.open_compose() is dialog
    assert dialog.to_edit.text() == "(781) 555-0164"


def test_a_fax_too_big_even_redrawn_says_to_send_it_in_two(
    fax_tab: FaxTab, qtbot: QtBot, tmp_path: Path
) -> None:
    """Drawn again at the lowest resolution and still over the limit, "attach smaller
    images" is no answer (Switchboard made them as small as a fax is worth)."""
    from dataclasses import replace

    from app.services.fax.send import MAX_FAX_FILE_BYTES
    from app.ui.tabs.fax.compose_merge import FIT_DPIS, MergeResult

    dialog = compose(fax_tab, qtbot)
    over = MergeResult(tmp_path / "big.pdf", 90, MAX_FAX_FILE_BYTES + 1, (90,))
    dialog.merged = over
    dialog._update_summary()
    assert "remove pages or attach smaller images" in dialog.summary.text()
    dialog.merged = replace(over, fitted_dpi=FIT_DPIS[-1])
    dialog._update_summary()
    assert f"even drawn at {FIT_DPIS[-1]} dpi: send it as two faxes" in dialog.summary.text()
    dialog.merged = replace(over, size_bytes=MAX_FAX_FILE_BYTES, fitted_dpi=FIT_DPIS[0])
    dialog._update_summary()
    assert f"drawn at {FIT_DPIS[0]} dpi to fit" in dialog.summary.text()
