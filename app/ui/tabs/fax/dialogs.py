"""The fax tab's questions: files to attach, where to save, a name, an address, a printer.

Every dialog is opened with ``open()`` and awaited through a future instead of
``exec()``: a nested event loop under qasync would re-enter running coroutines
(see ``app/ui/feedback.py``). The tab and the compose dialog hold a
``FaxDialogs``; tests give them a scripted subclass, so no test ever waits
for a click. Yes/no confirmations go through ``feedback.ask`` (recorded in tests).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from app.ui import feedback
from app.ui.tabs.fax.compose_merge import FILE_FILTER

PDF_FILTER = "PDF documents (*.pdf)"


def _future() -> asyncio.Future[object]:
    return asyncio.get_running_loop().create_future()


class FaxDialogs:
    """Real dialogs. Each method returns ``None`` (or ``False``/``[]``) when cancelled."""

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str, title: str) -> bool:
        return await feedback.ask(parent, text, yes_text=yes_text, title=title)

    async def open_files(self, parent: QWidget | None) -> list[Path]:
        dialog = QFileDialog(parent, "Attach documents to the fax")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([FILE_FILTER, "All files (*)"])
        done = _future()

        def _finished(result: int) -> None:
            if not done.done():
                done.set_result([Path(f) for f in dialog.selectedFiles()] if result else [])
            dialog.deleteLater()

        dialog.finished.connect(_finished)
        dialog.open()
        chosen = await done
        return chosen if isinstance(chosen, list) else []

    async def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        dialog = QFileDialog(parent, "Save fax as PDF", str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([PDF_FILTER])
        dialog.setDefaultSuffix("pdf")
        done = _future()

        def _finished(result: int) -> None:
            files = dialog.selectedFiles()
            if not done.done():
                done.set_result(Path(files[0]) if result and files else None)
            dialog.deleteLater()

        dialog.finished.connect(_finished)
        dialog.open()
        chosen = await done
        return chosen if isinstance(chosen, Path) else None

    async def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = "", ok_text: str = "OK"
    ) -> str | None:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(default)
        dialog.setOkButtonText(ok_text)
        done = _future()

        def _finished(result: int) -> None:
            if not done.done():
                done.set_result(dialog.textValue().strip() if result else None)
            dialog.deleteLater()

        dialog.finished.connect(_finished)
        dialog.open()
        text = await done
        return text if isinstance(text, str) and text else None

    async def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """The system print dialog on ``printer``; True when the user chose Print."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print fax")
        done = _future()

        def _finished(result: int) -> None:
            if not done.done():
                done.set_result(bool(result))
            dialog.deleteLater()

        dialog.finished.connect(_finished)
        # QPrintDialog.open() is overloaded with a receiver in the bindings: show
        # it window-modal instead, which is what open() does.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
        return bool(await done)
