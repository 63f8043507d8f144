"""The one way to put a message in front of the user.

Everything user-visible (an error from an operation, a confirmation, a notice)
goes through ``show_message`` / ``ask``. Tests and ``--snapshot`` runs replace
the sink with ``set_sink`` so that messages are recorded instead of shown, and
no dialog ever waits for a click nobody will make.

Dialogs are opened with ``open()`` (window-modal, non-blocking) rather than
``exec()``: a nested event loop under qasync re-enters running coroutines.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QWidget

from app.config.logsetup import private
from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import localized, translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class UserMessage:
    """A message for the user: how serious, the text and any detail."""
    level: Level
    text: str
    detail: str = ""
    title: str = ""


#: Receives every message; returns the answer for questions (``None`` = "no").
Sink = Callable[[UserMessage], "bool | None"]

_sink: Sink | None = None
_TITLES = {
    Level.INFO: "Switchboard",
    Level.WARNING: "Switchboard",
    Level.ERROR: QT_TRANSLATE_NOOP("feedback", "Problem"),
}


def set_sink(sink: Sink | None) -> Sink | None:
    """Route messages to ``sink`` instead of dialogs; returns the previous sink."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def show_message(
    parent: QWidget | None,
    text: str,
    *,
    level: Level = Level.ERROR,
    detail: str = "",
    title: str = "",
) -> None:
    """Tell the user something. Never blocks.

    ``text`` may be a sentence of a service (``app/domain/words.py``): it is shown
    in the UI's language (``i18n.localized``); ``detail`` is technical and stays.
    """
    message = UserMessage(level, localized(text), detail, localized(title))
    # The text may quote a message or a name: its length only, unless asked (logsetup).
    log.info("User message (%s): %s%s", level.value, private(text),
             f" [{private(detail)}]" if detail else "")
    if _sink is not None:
        _sink(message)
        return
    box = _box(parent, message)
    box.setStandardButtons(box.StandardButton.Ok)
    box.open()


def show_error(parent: QWidget | None, error: UserFacingError) -> None:
    show_message(parent, error.message, level=Level.ERROR, detail=error.detail)


async def ask(
    parent: QWidget | None, text: str, *, yes_text: str = "", detail: str = "", title: str = ""
) -> bool:
    """A yes/no question answered without a nested event loop (``yes_text``: "OK")."""
    message = UserMessage(Level.WARNING, localized(text), detail, localized(title))
    log.info("User question: %s", private(text))
    if _sink is not None:
        return bool(_sink(message))
    box = _box(parent, message)
    yes = box.addButton(yes_text or translate("feedback", "OK"), box.ButtonRole.AcceptRole)
    box.addButton(box.StandardButton.Cancel)
    future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

    def _done(_: int) -> None:
        if not future.done():
            future.set_result(box.clickedButton() is yes)

    box.finished.connect(_done)
    box.open()
    return await future


_open_dialogs: set[QDialog] = set()


def keep_alive(dialog: QDialog) -> None:
    """Hold a Python reference until the dialog closes.

    A dialog without a parent is owned by its Python wrapper only: opened with
    ``open()`` from a function that returns, it would be deleted at once.
    """
    _open_dialogs.add(dialog)
    dialog.finished.connect(lambda _code: _open_dialogs.discard(dialog))


def _box(parent: QWidget | None, message: UserMessage) -> QMessageBox:
    # Imported here: QMessageBox's Python type (and its enums) costs ~2 ms to
    # create, and no message box is needed before the window's first paint.
    from PySide6.QtWidgets import QMessageBox

    icons = {
        Level.INFO: QMessageBox.Icon.Information,
        Level.WARNING: QMessageBox.Icon.Warning,
        Level.ERROR: QMessageBox.Icon.Critical,
    }
    box = QMessageBox(parent)
    keep_alive(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(icons[message.level])
    title = message.title or QCoreApplication.translate("feedback", _TITLES[message.level])
    box.setWindowTitle(title)
    # Messages quote outside text (a caller's name, an SMS, a server's status):
    # shown as Qt rich text, "<a href=file:///etc/passwd>" became a live link and
    # "<img src=...>" loaded a file. Every message is plain text.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message.text)
    from PySide6.QtWidgets import QLabel

    for label in box.findChildren(QLabel):
        # QMessageBox turns external links on for its label; nothing we show is a link.
        label.setOpenExternalLinks(False)
    if message.detail:
        box.setDetailedText(message.detail)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    return box
