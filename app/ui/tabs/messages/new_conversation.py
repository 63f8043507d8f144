"""Dialog to start a conversation with any number: validated, formatted as typed."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.domain.phone import format_number, is_valid_nanp, normalize
from app.ui import style
from app.ui.i18n import translate


def check_number(text: str) -> tuple[str, str]:
    """``(normalised number, "")`` or ``("", reason)`` for what the user typed."""
    digits = normalize(text)
    if not digits:
        return "", translate("NewConversationDialog", "Type the phone number to write to.")
    if len(digits) != 10:
        # No-break space: the example number is never split across two lines.
        return "", translate(
            "NewConversationDialog",
            "A North American number has 10 digits, e.g. (555)\u00a0123-4567.")
    if not is_valid_nanp(digits):
        return "", translate(
            "NewConversationDialog", "{number} is not a valid North American number.",
        ).format(number=format_number(digits))
    return digits, ""


class NewConversationDialog(QDialog):
    def __init__(self, dids: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NewConversationDialog", "New conversation"))
        # Room for the longest problem ("A North American number has 10 digits…") on
        # two lines; the dialog's natural width squeezed it to four, clipped.
        self.setMinimumWidth(360)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText("(555) 123-4567")
        self.from_combo = QComboBox(self)
        for did in dids:
            self.from_combo.addItem(format_number(did), did)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        style.set_look(self.problem, style.ERROR)  # red, like other input problems
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate(
            "NewConversationDialog",
            "Start",
        ))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.number.textEdited.connect(self._on_number_text_edited)
        layout = QFormLayout(self)
        layout.addRow(translate("NewConversationDialog", "To:"), self.number)
        layout.addRow(translate("NewConversationDialog", "From:"), self.from_combo)
        layout.addRow(self.problem)
        layout.addRow(self.buttons)
        self._on_number_text_edited(self.number.text())

    def _on_number_text_edited(self, text: str) -> None:
        digits, reason = check_number(text)
        if digits:
            formatted = format_number(digits)
            if formatted != text:
                self.number.setText(formatted)
        self.problem.setText(reason if text.strip() else "")
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)  # a wrapped problem keeps its last line
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(digits) and self.from_combo.count() > 0)

    def _on_buttons_accepted(self) -> None:
        if self.result_value() is not None:
            self.accept()

    def result_value(self) -> tuple[str, str] | None:
        digits, _ = check_number(self.number.text())
        did = str(self.from_combo.currentData() or "")
        return (did, digits) if digits and did else None


async def ask_new_conversation(parent: QWidget | None, dids: list[str]) -> tuple[str, str] | None:
    dialog = NewConversationDialog(dids, parent)
    future: asyncio.Future[tuple[str, str] | None] = asyncio.get_running_loop().create_future()

    def _finished(result: int) -> None:
        if not future.done():
            future.set_result(dialog.result_value() if result else None)

    dialog.finished.connect(_finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.deleteLater()
