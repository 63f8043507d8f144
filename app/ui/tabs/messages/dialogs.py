"""Every dialog the Messages tab opens, behind one replaceable object.

Tests (and ``--snapshot``) swap :class:`MessageDialogs` for one returning
canned answers, so nothing ever waits for a click. Confirmations go through
``feedback.ask`` (the shell's recorded sink). File pickers use the
non-blocking ``open()`` + future pattern: a nested ``exec()`` loop under qasync
would re-enter running coroutines.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate

# Qt's dialog classes are imported where a dialog opens: building their Python
# types is ~1 ms the tab's first paint need not wait for.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui import feedback

IMAGE_FILTER = QT_TRANSLATE_NOOP("MessageDialogs", "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)")


class MessageDialogs:
    """Real dialogs. Subclass or replace the methods in tests."""

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str) -> bool:
        return await feedback.ask(parent, text, yes_text=yes_text)

    async def save_path(
        self, parent: QWidget | None, title: str, suggested: str, filters: str
    ) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, title, suggested, filters)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        files = await _run(dialog)
        return Path(files[0]) if files else None

    async def open_images(self, parent: QWidget | None, limit: int) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(parent, translate(
            "MessageDialogs",
            "Attach up to {limit} images",
        ).format(limit=limit), "", translate("MessageDialogs", IMAGE_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        return [Path(f) for f in (await _run(dialog))[:limit]]

    async def new_conversation(
        self, parent: QWidget | None, dids: list[str]
    ) -> tuple[str, str] | None:
        """``(from DID, to number)`` or ``None`` when cancelled."""
        from app.ui.tabs.messages.new_conversation import ask_new_conversation

        return await ask_new_conversation(parent, dids)

    def open_url(self, url: str) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl(url))


async def _run(dialog: QFileDialog) -> list[str]:
    future: asyncio.Future[list[str]] = asyncio.get_running_loop().create_future()

    def _finished(result: int) -> None:
        if not future.done():
            future.set_result(dialog.selectedFiles() if result else [])

    dialog.finished.connect(_finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.deleteLater()
