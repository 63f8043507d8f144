"""Full-size view of an MMS image with a Save button (opened non-modally).

The picture is decoded on the picture worker thread, at most :data:`VIEW_LIMIT`
big (a 7900x7900 photo decoded on the GUI thread froze the window ~1 s and
needed 250 MB); "Loading image…" shows meanwhile. Save copies the original file.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
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
from app.ui.i18n import translate
from app.ui.tabs.messages.dialogs import MessageDialogs
from app.ui.tabs.messages.thumbnails import read_scaled, submit

#: The viewer shows pictures at most this big (bigger ones are scaled while decoded).
VIEW_LIMIT = QSize(1600, 1600)


class ImageViewer(QDialog):
    """Signals: loaded(bool): the picture was decoded (False: it cannot be shown)."""

    loaded = Signal(bool)
    #: From the worker thread to the dialog's (GUI) thread: queued by Qt.
    _decoded = Signal(QImage)

    def __init__(self, path: Path, dialogs: MessageDialogs, parent: QWidget | None = None,
                 *, title: str = "") -> None:
        super().__init__(parent)
        self.path = path
        self.dialogs = dialogs
        # Who sent it and when ("Picture from Dana Whitfield - Today 10:24"): the file's
        # own name is a hash of its link, meaningless to anyone (issue #15.14).
        self.setWindowTitle(title or translate("ImageViewer", "Picture"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.image = QLabel(translate("ImageViewer", "Loading image…"), self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.resize(480, 360)
        self._decoded.connect(self._on_decoded, Qt.ConnectionType.QueuedConnection)
        submit(self._decode, str(path))

    def _decode(self, path: str) -> None:
        image = read_scaled(path, VIEW_LIMIT)
        with contextlib.suppress(RuntimeError):  # closed meanwhile
            self._decoded.emit(image)

    def _on_decoded(self, image: QImage) -> None:
        if image.isNull():
            self.image.setText(translate("ImageViewer", "This image cannot be shown."))
            self.loaded.emit(False)
            return
        self.image.setPixmap(QPixmap.fromImage(image))
        self.resize(min(image.width() + 40, 1000), min(image.height() + 80, 800))
        self.loaded.emit(True)

    @async_slot()
    async def _on_save_clicked(self) -> None:
        target = await self.dialogs.save_path(self, translate(
            "ImageViewer",
            "Save image",
        ), self.path.name,
                                              translate(
                                                  "ImageViewer",
                                                  "Image (*{suffix})",
                                              ).format(suffix=self.path.suffix))
        if target is None:
            return
        try:
            await asyncio.to_thread(shutil.copyfile, self.path, target)
        except OSError as exc:
            feedback.show_message(self, translate(
                "ImageViewer",
                "The image could not be saved to {target}: {value}.",
            ).format(target=target, value=exc.strerror or exc))
            return
        feedback.show_message(self, translate(
            "ImageViewer",
            "Image saved to {target}.",
        ).format(target=target), level=feedback.Level.INFO)
