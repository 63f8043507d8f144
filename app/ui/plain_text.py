"""Outside text (a caller's name, an SMS, a server's status) shown as the characters it is.

Qt renders a label in ``AutoText`` and every tool tip as rich text as soon as the
text *looks* like markup (``Qt.mightBeRichText``): a sender's
``<img src="file:///...">`` would load a file and ``<a href=...>`` become a
link. Labels that show outside text are ``PlainText``; tool tips cannot be told
to be plain, so the text is escaped inside a rich-text paragraph that keeps its
line breaks. Issue #13.5; ``tests/gui/test_plain_text_sweep.py`` checks every
tab and dialog with hostile strings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.sms_text import escape_rich_text  # not html.escape: see there


def plain_tooltip(text: Any) -> Any:
    """``text`` as a tool tip that shows exactly these characters (non-strings as given)."""
    if not isinstance(text, str) or not GuiQt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + escape_rich_text(text) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as plain text, links never opened; returns it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_labels(widget: QWidget) -> None:
    """Every label inside ``widget`` (a standard dialog quoting outside text) made plain."""
    for label in widget.findChildren(QLabel):
        plain_label(label)
