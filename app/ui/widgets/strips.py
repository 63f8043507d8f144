"""Two painted surfaces: the header above the tabs and a tinted strip.

They paint their own background (colours from ``app.ui.style``) instead of
using a style sheet, which would put every widget of the app through Qt's
slower style-sheet style.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from app.ui import style


class HeaderBar(QFrame):
    """The band with the app's name, the account and the balance.

    In a narrow window the name and the account (also in the title bar) step
    aside for the balance: beside them, the balance line had ~70 px and broke
    into eight lines, a header taller than the list under it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self._names: QWidget | None = None
        self._balance_room: Callable[[], int] = lambda: 0

    def make_room(self, names: QWidget, balance_room: Callable[[], int]) -> None:
        """Hide ``names`` whenever beside it the balance would get under
        ``balance_room()`` px (asked each time: a low-balance warning takes room)."""
        self._names, self._balance_room = names, balance_room
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        if self._names is None:
            return
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        others = margins.left() + margins.right() if margins is not None else 0
        beside = width - others - self._names.sizeHint().width()
        self._names.setVisible(beside >= self._balance_room())

    def paintEvent(self, event: QPaintEvent) -> None:
        background, border = style.header_colors(self.palette())
        painter = QPainter(self)
        painter.fillRect(self.rect(), background)
        painter.fillRect(0, self.height() - 1, self.width(), 1, border)
        painter.end()


class TintedStrip(QLabel):
    """A label on a tinted, rounded strip: a warning (low balance, no keyring)
    or, with ``look=style.ERROR_STRIP``, a problem that stopped an action."""

    def __init__(self, parent: QWidget | None = None, look: str = style.WARNING) -> None:
        super().__init__(parent)
        style.set_look(self, look)
        if look == style.WARNING:
            self.setContentsMargins(8, 2, 8, 2)  # a line among other lines
        else:
            self.setContentsMargins(4, 4, 4, 4)  # a block of its own

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(style.Role.Window))
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        painter.end()
        super().paintEvent(event)
