"""Rows that wrap when space is short, instead of widening the window.

:class:`WrapRow`: two groups, the second below the first, flush right, when the
row is narrow. :class:`FlowRow`: buttons that wrap one by one (the voicemail
actions, which a ``QToolBar`` used to hide behind its "»" menu in French).

A tab's toolbar row (the fax list's "Send a fax… · Show: · 189 faxes" beside its
five actions on the selected fax; the calls' actions) made the window at least as
wide as the whole row: 1,100 px in French, wider than a 1024-px-wide screen (or a
1280-px one at 125 % scaling) can show. In a ``WrapRow`` the row needs only as
much as its wider group: when both fit, the second sits at the right edge as
before; when not, it moves to a line of its own, flush right.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class WrappingLayout(QLayout):
    """What a layout that wraps its items needs of ``QLayout``; the placing is
    ``_arrange``'s, for :class:`WrapRow` (two groups) and ``FlowRow`` (buttons)."""

    def __init__(self, *widgets: QWidget) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self.addWidget(widget)

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the items in ``rect`` (when ``apply``); returns the height used."""
        raise NotImplementedError

    # --- QLayout -------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:
        """The widest item: the others wrap below it."""
        shown = self._shown()
        return QSize(
            max((item.minimumSize().width() for item in shown), default=0),
            max((item.minimumSize().height() for item in shown), default=0),
        )

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]


class WrapRow(WrappingLayout):
    """``first`` on the left, ``second`` at the right edge or, if narrow, below."""

    def __init__(self, first: QWidget, second: QWidget) -> None:
        super().__init__(first, second)

    # --- arranging ---------------------------------------------------------------------

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the groups in ``rect`` (when ``apply``); returns the height used."""
        shown = self._shown()
        if not shown:
            return 0
        spacing = max(self.spacing(), 0)
        hints = [item.sizeHint() for item in shown]
        one_line = sum(h.width() for h in hints) + spacing * (len(shown) - 1) <= rect.width()
        if one_line or len(shown) == 1:
            height = max(h.height() for h in hints)
            if apply:
                first, rest = shown[0], shown[1:]
                used = sum(h.width() for h in hints[1:]) + spacing * len(rest)
                first.setGeometry(QRect(rect.topLeft(), QSize(rect.width() - used, height)))
                x = rect.right() + 1
                for item, hint in zip(reversed(rest), reversed(hints[1:]), strict=True):
                    x -= hint.width()
                    item.setGeometry(QRect(QPoint(x, rect.top()), QSize(hint.width(), height)))
                    x -= spacing
            return height
        # Too narrow for both: each group on a line of its own, the second flush right.
        y = rect.top()
        for index, (item, hint) in enumerate(zip(shown, hints, strict=True)):
            width = rect.width() if index == 0 else min(hint.width(), rect.width())
            if apply:
                x = rect.left() if index == 0 else rect.right() + 1 - width
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            y += hint.height() + spacing
        return y - spacing - rect.top()


class FlowRow(WrappingLayout):
    """Buttons left to right, wrapping to a new line (left-aligned) where the next
    one does not fit: every button stays visible and reachable with Tab at any
    width, where a ``QToolBar`` hides what does not fit behind its "»" menu."""

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        shown = self._shown()
        if not shown:
            return 0
        spacing = max(self.spacing(), 0)
        x, y, line_height = rect.left(), rect.top(), 0
        for item in shown:
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x > rect.left() and x + width > rect.right() + 1:  # next line
                x, y, line_height = rect.left(), y + line_height + spacing, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.top()
