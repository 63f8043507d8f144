"""await_dialog and the tab questions built on it, answered by the test itself."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QInputDialog, QWidget

from app.ui.tabs.fax.dialogs import FaxDialogs
from app.ui.tabs.voicemail.dialogs import ask_email
from app.ui.widgets.awaited_dialog import await_dialog


async def _answer(
    parent: QWidget, question: Awaitable[Any], respond: Callable[[QInputDialog], None]
) -> Any:
    task = asyncio.ensure_future(question)
    for _ in range(100):  # until the question has opened its dialog
        dialog = parent.findChild(QInputDialog)
        if dialog is not None and dialog.isVisible():
            break
        await asyncio.sleep(0.01)
    assert dialog is not None
    respond(dialog)
    return await task


def _type_and_accept(text: str) -> Callable[[QInputDialog], None]:
    def respond(dialog: QInputDialog) -> None:
        dialog.setTextValue(text)
        dialog.accept()

    return respond


def _parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_fax_ask_text_gives_stripped_text_and_none_when_cancelled(qtbot: Any, arun: Any) -> None:
    parent = _parent(qtbot)
    asked = FaxDialogs().ask_text(parent, "Rename", "Name:", default="old")
    assert arun(_answer(parent, asked, _type_and_accept("  new name "))) == "new name"
    parent = _parent(qtbot)
    asked = FaxDialogs().ask_text(parent, "Rename", "Name:", default="old")
    assert arun(_answer(parent, asked, QInputDialog.reject)) is None
    parent = _parent(qtbot)
    asked = FaxDialogs().ask_text(parent, "Rename", "Name:")
    assert arun(_answer(parent, asked, _type_and_accept("   "))) is None  # blank is no answer


def test_voicemail_ask_email_offers_the_default(qtbot: Any, arun: Any) -> None:
    parent = _parent(qtbot)
    seen: list[str] = []

    def respond(dialog: QInputDialog) -> None:
        seen.append(dialog.textValue())
        dialog.accept()

    assert arun(_answer(parent, ask_email(parent, "me@example.com"), respond)) == "me@example.com"
    assert seen == ["me@example.com"]


def test_a_cancelled_caller_leaves_the_dialog_to_the_user(qtbot: Any, arun: Any) -> None:
    parent = _parent(qtbot)
    dialog = QDialog(parent)
    destroyed: list[bool] = []
    dialog.destroyed.connect(lambda: destroyed.append(True))
    answers: list[bool] = []
    task = asyncio.ensure_future(await_dialog(dialog, lambda ok: answers.append(ok) or ok))
    qtbot.waitUntil(dialog.isVisible)
    task.cancel()
    qtbot.waitUntil(task.done)
    assert dialog.isVisible()  # closing it is the user's call
    dialog.accept()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert answers == []  # nobody is waiting for the answer
    assert destroyed == [True]  # but the dialog does not leak
