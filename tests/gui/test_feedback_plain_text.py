"""Message boxes show outside text as plain text, never Qt rich text (issue #13.5)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui import feedback

HOSTILE = (
    '<a href="file:///etc/passwd">Delete this message from Bob?</a>'
    '<img src="file:///etc/hostname"><b>bold</b> & R&eacute;union'
)


def test_a_message_box_shows_markup_as_the_characters_it_is(qtbot: QtBot) -> None:
    box = feedback._box(None, feedback.UserMessage(feedback.Level.WARNING, HOSTILE))
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    labels = [label for label in box.findChildren(QLabel) if label.text() == HOSTILE]
    assert labels, "the text is shown exactly as given"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert all(not label.openExternalLinks() for label in labels)
