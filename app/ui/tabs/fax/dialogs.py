"""The fax tab's questions: files to attach, where to save, a name, an address, a printer.

Every dialog is opened with ``open()`` and awaited (``await_dialog``) instead
of ``exec()``: a nested event loop under qasync would re-enter running
coroutines (see ``app/ui/feedback.py``). The tab and the compose dialog hold a
``FaxDialogs``; tests give them a scripted subclass, so no test ever waits
for a click. Yes/no confirmations go through ``feedback.ask`` (recorded in tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui import feedback
from app.ui.i18n import translate
from app.ui.plain_text import plain_labels
from app.ui.widgets.awaited_dialog import await_dialog, first_selected_path

# Qt's dialog classes are imported where a dialog opens: building their Python
# types is ~1 ms the tab's first paint need not wait for.
if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QWidget

PDF_FILTER = QT_TRANSLATE_NOOP("FaxDialogs", "PDF documents (*.pdf)")


class FaxDialogs:
    """Real dialogs. Each method returns ``None`` (or ``False``/``[]``) when cancelled."""

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str, title: str) -> bool:
        return await feedback.ask(parent, text, yes_text=yes_text, title=title)

    async def open_files(self, parent: QWidget | None) -> list[Path]:
        # Imported here: the merging code (QtPdf, QtGui painting) is not needed
        # before the tab's first paint, and FILE_FILTER belongs with its file types.
        from PySide6.QtWidgets import QFileDialog

        from app.ui.tabs.fax.compose_merge import FILE_FILTER

        dialog = QFileDialog(parent, translate("FaxDialogs", "Attach documents to the fax"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([translate("fax.compose_merge", FILE_FILTER),
                               translate("FaxDialogs", "All files (*)")])
        return await await_dialog(
            dialog, lambda accepted: [Path(f) for f in dialog.selectedFiles()] if accepted else []
        )

    async def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, translate("FaxDialogs", "Save fax as PDF"), str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([translate("FaxDialogs", PDF_FILTER)])
        dialog.setDefaultSuffix("pdf")
        return await await_dialog(dialog, lambda accepted: first_selected_path(dialog, accepted))

    async def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = "", ok_text: str = ""
    ) -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        plain_labels(dialog)  # the label quotes a folder's name
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(default)
        dialog.setOkButtonText(ok_text or translate("FaxDialogs", "OK"))
        text = await await_dialog(
            dialog, lambda accepted: dialog.textValue().strip() if accepted else None
        )
        return text or None

    async def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        """The system print dialog on ``printer``; True when the user chose Print."""
        from PySide6.QtPrintSupport import QPrintDialog  # loaded on the first print

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(translate("FaxDialogs", "Print fax"))
        # QPrintDialog.open() is overloaded with a receiver in the bindings.
        return await await_dialog(dialog, bool, show_instead_of_open=True)

