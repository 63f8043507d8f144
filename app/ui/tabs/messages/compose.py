"""The compose box under a conversation: from-DID, text, byte counter, images, send.

Signals:
    send_requested(): the user pressed Send (or Ctrl+Enter); read
        :meth:`ComposeWidget.payload`.
    attach_requested(): the user wants to pick images.
    long_text_mode_changed(str): "split" or "mms", to remember in the settings.

Images are downscaled by ``image_downscale`` (QImage belongs to the UI layer)
and handed to the service as bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.phone import format_number
from app.domain.sms_text import (
    MAX_ATTACHMENTS,
    LongTextMode,
    count,
)
from app.ui import style
from app.ui.i18n import localized, translate
from app.ui.widgets.strips import TintedStrip


@dataclass(frozen=True, slots=True)
class Attachment:
    """A picture to send: its file and the bytes that will go."""
    path: Path
    data: bytes


@dataclass(frozen=True, slots=True)
class ComposePayload:
    """What the compose box hands over to be sent."""
    did: str
    text: str
    attachments: tuple[Attachment, ...]


class _TextBox(QPlainTextEdit):
    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.submit.emit()
            return
        super().keyPressEvent(event)


class ComposeWidget(QWidget):
    send_requested = Signal()
    attach_requested = Signal()
    long_text_mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attachments: list[Attachment] = []
        self.error_label = TintedStrip(self, style.ERROR_STRIP)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.from_combo = QComboBox(self)
        self.from_combo.setToolTip(translate(
            "ComposeWidget",
            "The number the message is sent from",
        ))
        self.mode_combo = QComboBox(self)
        self.mode_combo.addItem(translate(
            "ComposeWidget",
            "Long texts: split into SMS",
        ), LongTextMode.SPLIT.value)
        self.mode_combo.addItem(translate(
            "ComposeWidget",
            "Long texts: send as MMS",
        ), LongTextMode.MMS.value)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_combo_changed)
        self.counter = QLabel(self)
        self.counter.setObjectName("composeCounter")
        self.text = _TextBox(self)
        self.text.setPlaceholderText(translate(
            "ComposeWidget",
            "Type a message (Ctrl+Enter sends)",
        ))
        self.text.setFixedHeight(72)
        # Tab leaves the box for the buttons, as everywhere else: it typed an invisible
        # tab character into the text (one of 160) and kept a keyboard user inside.
        self.text.setTabChangesFocus(True)
        self.text.textChanged.connect(self._update_counter)
        self.text.submit.connect(self.send_requested)
        self.attach_button = QToolButton(self)
        self.attach_button.setText(translate("ComposeWidget", "Attach image…"))
        self.attach_button.clicked.connect(self.attach_requested)
        self.send_button = QPushButton(translate("ComposeWidget", "Send"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send_requested)
        self.attachment_row = QHBoxLayout()
        self.attachment_row.setSpacing(6)

        top = QHBoxLayout()
        top.addWidget(QLabel(translate("ComposeWidget", "From:"), self))
        top.addWidget(self.from_combo, 1)
        top.addWidget(self.mode_combo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.attach_button)
        bottom.addLayout(self.attachment_row)
        bottom.addStretch(1)
        bottom.addWidget(self.counter)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.error_label)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.send_requested.emit)
        self._update_counter()

    # --- state ---------------------------------------------------------------------

    def set_dids(self, dids: list[str], current: str = "") -> None:
        self.from_combo.blockSignals(True)
        self.from_combo.clear()
        for did in dids:
            self.from_combo.addItem(format_number(did), did)
        if current and current not in dids:
            self.from_combo.addItem(format_number(current), current)
        if current:
            self.from_combo.setCurrentIndex(self.from_combo.findData(current))
        self.from_combo.blockSignals(False)

    def set_mode(self, mode: str) -> None:
        index = self.mode_combo.findData(mode)
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(max(index, 0))
        self.mode_combo.blockSignals(False)
        self._update_counter()

    def mode(self) -> LongTextMode:
        return LongTextMode(self.mode_combo.currentData() or LongTextMode.SPLIT.value)

    def set_draft(self, text: str, error: str = "") -> None:
        self.text.setPlainText(text)
        self.show_error(error)

    def show_error(self, error: str) -> None:
        self.error_label.setText(error)
        self.error_label.setVisible(bool(error))

    def clear(self) -> None:
        self.text.clear()
        self._attachments.clear()
        self._rebuild_chips()
        self.show_error("")

    def payload(self) -> ComposePayload:
        return ComposePayload(str(self.from_combo.currentData() or ""),
                              self.text.toPlainText(), tuple(self._attachments))

    def add_attachments(self, attachments: list[Attachment]) -> int:
        """Add images up to the limit; returns how many were refused for the limit."""
        room = MAX_ATTACHMENTS - len(self._attachments)
        self._attachments.extend(attachments[:room])
        self._rebuild_chips()
        return max(0, len(attachments) - room)

    def attachment_paths(self) -> list[Path]:
        return [attachment.path for attachment in self._attachments]

    def attachment_count(self) -> int:
        return len(self._attachments)

    # --- slots ---------------------------------------------------------------------

    def _on_mode_combo_changed(self, _index: int) -> None:
        self._update_counter()
        self.long_text_mode_changed.emit(self.mode().value)

    def _update_counter(self) -> None:
        counted = count(self.text.toPlainText())
        mode = LongTextMode.MMS if self._attachments else self.mode()
        label = localized(counted.label(mode))
        if self._attachments:
            label = localized(counted.picture_label(len(self._attachments)))
        self.counter.setText(label)
        self.mode_combo.setVisible(counted.over_sms)

    def _rebuild_chips(self) -> None:
        while self.attachment_row.count():
            item = self.attachment_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for position, attachment in enumerate(self._attachments):
            chip = QToolButton(self)
            chip.setObjectName(f"attachment{position}")
            pixmap = QPixmap()
            pixmap.loadFromData(attachment.data)
            if not pixmap.isNull():
                chip.setIcon(pixmap.scaled(QSize(32, 32), Qt.AspectRatioMode.KeepAspectRatio))
                chip.setIconSize(QSize(32, 32))
            chip.setText(translate("ComposeWidget", "{name} ✕").format(name=attachment.path.name))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setToolTip(translate(
                "ComposeWidget",
                "{name} ({size} KB): click to remove",
            ).format(name=attachment.path.name, size=len(attachment.data) // 1024))
            chip.clicked.connect(lambda _=False, p=position: self._remove_attachment(p))
            self.attachment_row.addWidget(chip)
        self.attach_button.setEnabled(len(self._attachments) < MAX_ATTACHMENTS)
        self._update_counter()

    def _remove_attachment(self, position: int) -> None:
        if 0 <= position < len(self._attachments):
            del self._attachments[position]
            self._rebuild_chips()
