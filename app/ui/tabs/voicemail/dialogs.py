"""The voicemail tab's questions: where to save a recording, which address to e-mail.

Dialogs are opened with ``open()`` and awaited (``await_dialog``) instead of
``exec()``: a nested event loop under qasync would re-enter running coroutines
(see ``app/ui/feedback.py``). The view calls these through small hook methods
that tests replace, so no test ever waits for a click.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate
from app.ui.widgets.awaited_dialog import await_dialog, first_selected_path

# Marked for the catalog, translated when the dialog opens (this runs before the translator).
MP3_FILTER = QT_TRANSLATE_NOOP("voicemail.dialogs", "MP3 audio (*.mp3)")
WAV_FILTER = QT_TRANSLATE_NOOP("voicemail.dialogs", "WAV audio (*.wav)")


async def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """A save dialog offering MP3 and WAV; ``None`` when cancelled."""
    dialog = QFileDialog(parent, translate(
        "voicemail.dialogs",
        "Save voicemail as",
    ), str(suggested))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    mp3, wav = translate("voicemail.dialogs", MP3_FILTER), translate("voicemail.dialogs",
        WAV_FILTER)
    dialog.setNameFilters([mp3, wav])
    dialog.selectNameFilter(wav if suggested.suffix == ".wav" else mp3)
    dialog.setDefaultSuffix(suggested.suffix.lstrip(".") or "mp3")

    def _filter_chosen(name: str) -> None:
        # Keep the default suffix in step with the chosen type.
        dialog.setDefaultSuffix("wav" if name == wav else "mp3")

    dialog.filterSelected.connect(_filter_chosen)
    return await await_dialog(dialog, lambda accepted: first_selected_path(dialog, accepted))


async def ask_email(parent: QWidget | None, default: str) -> str | None:
    """The address to send the recording to; ``None`` when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(translate("voicemail.dialogs", "Send voicemail by e-mail"))
    dialog.setLabelText(translate(
        "voicemail.dialogs",
        "Send the recording to this e-mail address:",
    ))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(default)
    dialog.setOkButtonText(translate("voicemail.dialogs", "Send"))
    address = await await_dialog(
        dialog, lambda accepted: dialog.textValue().strip() if accepted else None
    )
    return address or None
