"""Await a dialog's answer without ``exec()``.

``QDialog.exec()`` runs a nested event loop; under qasync that re-enters
coroutines that are already running (see ``app/ui/feedback.py``). So the tabs
open dialogs window-modally with ``open()`` and await a future that the
dialog's ``finished`` signal resolves. The answer is read inside that signal
handler, while the dialog is certainly alive, and the dialog is then scheduled
for deletion. A cancelled caller leaves the dialog on screen until the user
closes it (the answer then goes nowhere), and nothing leaks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QFileDialog

T = TypeVar("T")


async def await_dialog(
    dialog: QDialog, answer: Callable[[bool], T], *, show_instead_of_open: bool = False
) -> T:
    """Open ``dialog`` window-modally; ``answer(accepted)`` once it is closed.

    ``show_instead_of_open``: for dialogs whose ``open()`` the bindings
    overload with a receiver (``QPrintDialog``); they are shown window-modal,
    which is what ``open()`` does.
    """
    done: asyncio.Future[T] = asyncio.get_running_loop().create_future()

    def _finished(result: int) -> None:
        if not done.done():
            done.set_result(answer(bool(result)))
        dialog.deleteLater()

    dialog.finished.connect(_finished)
    if show_instead_of_open:
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()
    else:
        dialog.open()
    return await done


def first_selected_path(dialog: QFileDialog, accepted: bool) -> Path | None:
    """The answer of a save (or open-one-file) dialog: the chosen path or ``None``."""
    files = dialog.selectedFiles()
    return Path(files[0]) if accepted and files else None
