"""The calls tab's questions and the desktop hand-offs (links, clipboard).

Dialogs open with ``open()`` and are awaited (never ``exec()``); tests give the
tab a scripted subclass so nothing waits for a click.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.ui import feedback
from app.ui.plain_text import plain_labels
from app.ui.widgets.awaited_dialog import await_dialog, first_selected_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class CallDialogs:
    async def confirm(self, parent: QWidget | None, text: str, yes_text: str) -> bool:
        return await feedback.ask(parent, text, yes_text=yes_text)

    async def ask_text(self, parent: QWidget | None, title: str, label: str,
                       default: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        plain_labels(dialog)  # the label quotes a caller's number
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(default)
        text = await await_dialog(
            dialog, lambda accepted: dialog.textValue().strip() if accepted else None)
        return text or None

    async def save_path(self, parent: QWidget | None, title: str, suggested: Path,
                        name_filter: str, suffix: str) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, title, str(suggested))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([name_filter])
        dialog.setDefaultSuffix(suffix)
        return await await_dialog(dialog, lambda accepted: first_selected_path(dialog, accepted))

    def open_url(self, url: str) -> bool:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        return QDesktopServices.openUrl(QUrl(url))

    def copy_text(self, text: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
