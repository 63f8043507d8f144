"""Full-size view of an MMS image with a Save button (opened non-modally)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.tabs.messages.dialogs import MessageDialogs


class ImageViewer(QDialog):
    def __init__(self, path: Path, dialogs: MessageDialogs, parent: QWidget | None = None,
                 *, title: str = "Picture") -> None:
        super().__init__(parent)
        self.path = path
        self.dialogs = dialogs
        # Who sent it and when ("Picture from Dana Whitfield - Today 10:24"): the file's
        # own name is a hash of its link, meaningless to anyone (issue #15.14).
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        pixmap = QPixmap(str(path))
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if pixmap.isNull():
            self.image.setText("This image cannot be shown.")
        else:
            self.image.setPixmap(pixmap)
        scroll = QScrollArea(self)
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(
            self._on_save_clicked)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        if not pixmap.isNull():
            self.resize(min(pixmap.width() + 40, 1000), min(pixmap.height() + 80, 800))

    @async_slot()
    async def _on_save_clicked(self) -> None:
        target = await self.dialogs.save_path(self, "Save image", self.path.name,
                                              f"Image (*{self.path.suffix})")
        if target is None:
            return
        try:
            await asyncio.to_thread(shutil.copyfile, self.path, target)
        except OSError as exc:
            feedback.show_message(self, f"The image could not be saved to {target}: "
                                        f"{exc.strerror or exc}.")
            return
        feedback.show_message(self, f"Image saved to {target}.", level=feedback.Level.INFO)
