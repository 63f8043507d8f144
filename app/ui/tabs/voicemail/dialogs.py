"""The voicemail tab's questions: where to save a recording, which address to e-mail.

Dialogs are opened with ``open()`` and awaited (``await_dialog``) instead of
``exec()``: a nested event loop under qasync would re-enter running coroutines
(see ``app/ui/feedback.py``). The view calls these through small hook methods
that tests replace, so no test ever waits for a click.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from app.ui.widgets.awaited_dialog import await_dialog, first_selected_path

MP3_FILTER = "MP3 audio (*.mp3)"
WAV_FILTER = "WAV audio (*.wav)"


async def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """A save dialog offering MP3 and WAV; ``None`` when cancelled."""
    dialog = QFileDialog(parent, "Save voicemail as", str(suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([MP3_FILTER, WAV_FILTER])
    dialog.selectNameFilter(WAV_FILTER if suggested.suffix == ".wav" else MP3_FILTER)
    dialog.setDefaultSuffix(suggested.suffix.lstrip(".") or "mp3")

    def _filter_chosen(name: str) -> None:
        # Keep the default suffix in step with the chosen type.
        dialog.setDefaultSuffix("wav" if name == WAV_FILTER else "mp3")

    dialog.filterSelected.connect(_filter_chosen)
    return await await_dialog(dialog, lambda accepted: first_selected_path(dialog, accepted))


async def ask_email(parent: QWidget | None, default: str) -> str | None:
    """The address to send the recording to; ``None`` when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle("Send voicemail by e-mail")
    dialog.setLabelText("Send the recording to this e-mail address:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(default)
    dialog.setOkButtonText("Send")
    address = await await_dialog(
        dialog, lambda accepted: dialog.textValue().strip() if accepted else None
    )
    return address or None
