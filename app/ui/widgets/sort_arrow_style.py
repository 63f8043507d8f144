"""The header style behind ``sort_arrow``: sort arrows that point the way the list reads.

``QHeaderView`` asks the style for ``SortUp`` when a column is sorted in
descending order and ``SortDown`` for ascending (GTK's convention), and Fusion
draws them as such: a newest-first list of voicemail or faxes showed ▲. People
used to Windows and macOS read ▲ as "smallest / oldest first" and ▼ as "largest
/ newest first". This style, set on the record tables' headers only, draws the
other arrow.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

_SWAP = {
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
}


class SortArrowStyle(QProxyStyle):
    """The application's style, with the header's sort arrow turned the familiar way."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ) and option.sortIndicator in _SWAP:
            turned = QStyleOptionHeader(option)
            turned.sortIndicator = _SWAP[option.sortIndicator]
            option = turned
        super().drawPrimitive(element, option, painter, widget)
