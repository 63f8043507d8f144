"""The voicemail tab's questions: where to save a recording, which address to e-mail.

Dialogs are opened with ``open()`` and awaited through a future instead of
``exec()``: a nested event loop under qasync would re-enter running coroutines
(see ``app/ui/feedback.py``). The view calls these through small hook methods
that tests replace, so no test ever waits for a click.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

MP3_FILTER = "MP3 audio (*.mp3)"
WAV_FILTER = "WAV audio (*.wav)"


def _future() -> asyncio.Future[object]:
    return asyncio.get_running_loop().create_future()


async def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """A save dialog offering MP3 and WAV; ``None`` when cancelled."""
    dialog = QFileDialog(parent, "Save voicemail as", str(suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([MP3_FILTER, WAV_FILTER])
    dialog.selectNameFilter(WAV_FILTER if suggested.suffix == ".wav" else MP3_FILTER)
    dialog.setDefaultSuffix(suggested.suffix.lstrip(".") or "mp3")
    done = _future()

    def _finished(result: int) -> None:
        files = dialog.selectedFiles()
        if not done.done():
            done.set_result(Path(files[0]) if result and files else None)
        dialog.deleteLater()

    def _filter_chosen(name: str) -> None:
        # Keep the default suffix in step with the chosen type.
        dialog.setDefaultSuffix("wav" if name == WAV_FILTER else "mp3")

    dialog.filterSelected.connect(_filter_chosen)
    dialog.finished.connect(_finished)
    dialog.open()
    result = await done
    return result if isinstance(result, Path) else None


async def ask_email(parent: QWidget | None, default: str) -> str | None:
    """The address to send the recording to; ``None`` when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Send voicemail by e-mail")
    dialog.setLabelText("Send the recording to this e-mail address:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(default)
    dialog.setOkButtonText("Send")
    done = _future()

    def _finished(result: int) -> None:
        if not done.done():
            done.set_result(dialog.textValue().strip() if result else None)
        dialog.deleteLater()

    dialog.finished.connect(_finished)
    dialog.open()
    result = await done
    return result if isinstance(result, str) and result else None
