"""The dialog shown when Switchboard cannot start at all (before any window exists)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.i18n import translate


def show_cannot_start(message: str) -> None:
    """A plain modal dialog: no event loop runs yet, so ``exec()`` is fine here."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    box = QMessageBox(
        QMessageBox.Icon.Critical, translate("cannot_start", "Switchboard cannot start"), message)
    box.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a path or an address
    box.exec()
    del app
