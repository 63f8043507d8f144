"""The line under the Numbers toolbar offering to undo the change just made (#15.2).

After a reroute, a preset or an edit the tab shows what happened and an "Undo"
button for ``OFFER_SECONDS``; Ctrl+Z (the tab's shortcut) does the same while
the tab has focus. The change log offers the same for any saved change
(``ChangeLogPanel``). Undo is a change like any other: once done, the bar
offers to undo the undo.

Text shown here comes from the service (numbers and target names from the
provider): the label is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from app.ui.i18n import translate

#: How long the offer stays after a change (the issue's "about 15 s").
OFFER_SECONDS = 15


class UndoBar(QFrame):
    """Hidden until ``offer``; ``undo_requested(change_id)`` when the user clicks Undo."""

    undo_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersUndoBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.change_id = ""
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(translate("UndoBar", "&Undo"), self)
        self.undo_button.setObjectName("numbersUndoButton")
        self.undo_button.setToolTip(translate(
            "UndoBar",
            "Put these numbers back as they were (Ctrl+Z)",
        ))
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(translate("UndoBar", "Dismiss"))
        self.close_button.setToolTip(translate(
            "UndoBar",
            "Dismiss (the change log still offers Undo)",
        ))
        self.close_button.clicked.connect(self.withdraw)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(OFFER_SECONDS * 1000)
        self.timer.timeout.connect(self.withdraw)
        self.hide()

    def offer(self, change_id: str, text: str) -> None:
        """Show ``text`` with Undo for the change ``change_id`` (restarts the countdown)."""
        if not change_id:
            return
        self.change_id = change_id
        self.label.setText(text)
        self.undo_button.setEnabled(True)
        self.show()
        self.timer.start()

    def offered(self) -> bool:
        return bool(self.change_id) and not self.isHidden()

    def withdraw(self) -> None:
        self.timer.stop()
        self.change_id = ""
        self.hide()

    def _on_undo_button_clicked(self) -> None:
        if self.change_id:
            self.undo_requested.emit(self.change_id)
