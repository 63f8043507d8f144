"""Message text wrapped the way people read it: at word boundaries, a word broken only
when it is wider than the bubble (a long link, a number run). QPainter's text flags
offer only "words" (a long word overflows) or "anywhere" ("Merci beaucou|p", issue
#15.5); ``QTextOption.WrapAtWordBoundaryOrAnywhere`` is the mode in between, and a
``QTextLayout`` measures and paints with the same lines.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFont, QPainter, QTextLayout, QTextOption


def wrapped_layout(text: str, font: QFont, width: int) -> tuple[QTextLayout, QSize]:
    """The laid-out ``text`` at most ``width`` px wide, and the size it needs."""
    # QTextLayout keeps "\n" as a character; Unicode's line separator breaks the line.
    layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    height = 0.0
    widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, QSize(int(widest + 0.999) + 1, int(height + 0.999))


def line_texts(layout: QTextLayout) -> list[str]:
    """The text of each line (tests, and anyone checking where lines broke)."""
    text = layout.text()
    out = []
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        out.append(text[line.textStart(): line.textStart() + line.textLength()])
    return out


def draw_wrapped(painter: QPainter, text: str, font: QFont, width: int, top_left: QPointF) -> None:
    layout, _size = wrapped_layout(text, font, width)
    layout.draw(painter, top_left)
