"""Fax in everyday use (issue #15 point 10): a failed fax says why and can be sent
again, the preview opens readable, a fax can be typed (with a cover page), and
"E-mail me a copy" is remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from app.domain.phone import format_number
from app.sandbox import SandboxServer
from app.ui.tabs.fax.compose_merge import count_pages
from app.ui.tabs.fax.compose_pages import write_cover_page
from app.ui.tabs.fax.view import FaxTab
from app.ui.widgets.pdf_view import READABLE_ZOOM
from tests.gui import test_fax_tab as tab_tests
from tests.gui.test_fax_send import compose, sent_to
from tests.gui.test_fax_tab import ScriptedDialogs
from tests.unit.services.test_fax_send import logged

dialogs = tab_tests.dialogs
fax_tab = tab_tests.fax_tab


def pdf_text(path: Path, page: int) -> str:
    document = QPdfDocument()
    try:
        assert document.load(str(path)) == QPdfDocument.Error.None_
        return str(document.getAllText(page).text())
    finally:
        document.close()


def failed_sent_fax(tab: FaxTab, qtbot: QtBot) -> Any:
    tab.open_folder("SENT")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=5_000)
    (fax,) = [f for f in tab.model.faxes if f.status.upper() == "FAILED"]
    return fax


def test_a_failed_fax_says_why_and_sends_again_with_the_same_number_and_file(
    fax_tab: FaxTab, qtbot: QtBot, sandbox: SandboxServer,
) -> None:
    fax = failed_sent_fax(fax_tab, qtbot)
    ok = next(f for f in fax_tab.model.faxes if f.status.upper() == "SUCCESS")
    tab_tests.select(fax_tab, qtbot, ok)
    assert not fax_tab.failure_bar.isVisible()
    tab_tests.select(fax_tab, qtbot, fax)
    assert fax_tab.failure_bar.isVisible()
    text = fax_tab.failure_bar.label.text()
    to = format_number(fax.destination)
    assert text == f"Not sent to {to}: No answer from remote fax machine."
    fax_tab.failure_bar.button.click()
    qtbot.waitUntil(lambda: fax_tab.compose is not None, timeout=5_000)
    dialog = fax_tab.compose
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=10_000)
    assert dialog.to_edit.text() == to
    assert dialog.merged is not None and dialog.merged.pages == fax.pages
    assert len(dialog.files) == 1
    # Nothing went out by itself: the user checks and presses Send.
    assert logged(sandbox, "sendFaxMessage", 1, timeout=0.2) == []


def test_server_text_in_the_failure_line_stays_plain(
    fax_tab: FaxTab, qtbot: QtBot
) -> None:
    from dataclasses import replace

    fax = failed_sent_fax(fax_tab, qtbot)
    hostile = replace(fax, message="<img src='file:///etc/passwd'><b>busy</b>")
    fax_tab.failure_bar.show_for(hostile)
    from PySide6.QtCore import Qt

    assert fax_tab.failure_bar.label.textFormat() == Qt.TextFormat.PlainText
    assert "<img" in fax_tab.failure_bar.label.text()


@pytest.mark.parametrize("size", [(1200, 720), (900, 600)])
def test_the_preview_opens_at_a_readable_zoom(
    fax_tab: FaxTab, qtbot: QtBot, size: tuple[int, int]
) -> None:
    fax_tab.resize(*size)
    qtbot.waitUntil(lambda: fax_tab.width() == size[0], timeout=2_000)
    fax = tab_tests.inbox(fax_tab)[0]
    tab_tests.select(fax_tab, qtbot, fax)
    qtbot.waitUntil(lambda: fax_tab.preview.zoom() >= READABLE_ZOOM - 0.01, timeout=3_000)
    # The list keeps room for its columns.
    assert fax_tab.content_splitter.sizes()[0] >= 300


def test_a_typed_message_paginates_and_is_sent(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, sandbox: SandboxServer
) -> None:
    dialog = compose(fax_tab, qtbot)
    letter = "\n\n".join(
        f"Paragraph {n}: Dear Ortega Farms, please deliver the crème fraîche on Tuesday. 🥐"
        for n in range(120)
    )
    dialog.typed_edit.setPlainText(letter)
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=10_000)
    assert dialog.merged is not None and dialog.merged.pages >= 3
    assert "Paragraph 0: Dear Ortega Farms" in pdf_text(dialog.merged.path, 0)
    last = dialog.merged.pages - 1
    assert "Paragraph 119" in pdf_text(dialog.merged.path, last)
    pages = dialog.merged.pages
    assert arun(dialog.send())
    (call,) = logged(sandbox, "sendFaxMessage")
    assert call.verb == "POST"
    fax_tab.open_folder("SENT")
    qtbot.waitUntil(lambda: bool(sent_to(fax_tab, "7815550164")), timeout=5_000)
    assert sent_to(fax_tab, "7815550164")[0].pages == pages


def test_a_cover_page_goes_first_and_counts_every_page(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, tmp_path: Path
) -> None:
    from tests.gui.test_fax_samples import write_image

    dialog = compose(fax_tab, qtbot)
    arun(dialog.add_files([write_image(tmp_path / "order.png")]))
    dialog.typed_edit.setPlainText("Please confirm the order below.")
    dialog.cover_box.setChecked(True)
    dialog.cover_to_edit.setText("Ana Ortega <ana>")
    dialog.cover_subject_edit.setText("Order #2291")
    dialog.cover_note_edit.setPlainText("Two pages follow.")
    qtbot.waitUntil(
        lambda: dialog.merged is not None and dialog.merged.pages == 3, timeout=10_000
    )
    assert dialog.merged is not None
    # The merged fax is pictures of pages; what the cover says is read from the
    # cover page the dialog describes, drawn alone.
    described = dialog.cover()
    assert described is not None
    alone = tmp_path / "cover.pdf"
    write_cover_page(described, 3, alone, today=date(2026, 3, 2))
    cover = pdf_text(alone, 0)
    for expected in ("Ana Ortega <ana>", "(781) 555-0164", "Maple St Bakery", "Order #2291",
                     "3 (including this page)", "Two pages follow.", "March 2, 2026"):
        assert expected in cover, expected
    assert dialog.merged.pages_per_file == (1,)
    assert count_pages(dialog.merged.path) == 3
    # Unticked: the cover goes away again.
    dialog.cover_box.setChecked(False)
    qtbot.waitUntil(
        lambda: dialog.merged is not None and dialog.merged.pages == 2, timeout=10_000
    )


def test_email_me_a_copy_is_remembered(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, sandbox: SandboxServer, dialogs: ScriptedDialogs
) -> None:
    dialog = compose(fax_tab, qtbot)
    assert not dialog.copy_check.isChecked()
    dialog.typed_edit.setPlainText("Hello")
    qtbot.waitUntil(lambda: dialog.merged is not None, timeout=10_000)
    dialog.copy_check.setChecked(True)
    dialog.email_edit.setText("me@example.com")
    assert arun(dialog.send())
    assert fax_tab.ctx.settings.fax_email_copy
    again = compose(fax_tab, qtbot)
    assert again is not dialog
    assert again.copy_check.isChecked() and again.email_edit.isEnabled()
    assert again.email_edit.text() == "me@example.com"
    again.typed_edit.setPlainText("Hello again")
    qtbot.waitUntil(lambda: again.merged is not None, timeout=10_000)
    assert arun(again.send())
    calls = logged(sandbox, "sendFaxMessage", 2)
    assert calls[-1].params["send_email"] == "me@example.com"
