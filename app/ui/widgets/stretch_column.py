"""The one column of a record table that takes the spare width, kept readable.

A table's name column (the caller, the phone) stretches to fill the row while
the other columns keep their measured widths. In a narrow window Qt squeezed it
down to its minimum section size: every caller's name became "…" while the
dates and numbers beside it stayed whole (the French window at its smallest).
Below ``minimum`` the column now stops shrinking and the table scrolls sideways.

:class:`GrowingColumn`: a column of names known only once the rows arrive (the
phones' names in Calls, "Rings for" in Phones), widened to fit them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


def fitting_width(table: QTableView, texts: Iterable[str], most_chars: int) -> int:
    """A column's width for the longest of ``texts`` in ``table``'s font (with the
    cell's padding), at most ``most_chars`` average characters."""
    metrics = table.fontMetrics()
    widest = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 24
    return min(widest, metrics.averageCharWidth() * most_chars)


class StretchColumn(QObject):
    """Makes ``column`` of ``table`` fill the spare width, never narrower than ``minimum``."""

    def __init__(self, table: QTableView, column: int, minimum: int) -> None:
        super().__init__(table)
        self._table = table
        self.column = column
        self.minimum = minimum
        table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)

    def fit(self, texts: Iterable[str], most_chars: int = 40) -> None:
        """Never narrower than the longest of ``texts`` (up to ``most_chars``
        characters): for a short list of names (the phones), a narrow window
        scrolls sideways rather than cut "Front desk phone" to "Front desk p…"."""
        wanted = fitting_width(self._table, texts, most_chars)
        if wanted > self.minimum:
            self.minimum = wanted
            self.update()

    def update(self) -> None:
        """Stretch while the other columns leave ``minimum`` or more, else hold at it."""
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self.column and not header.isSectionHidden(c)
        )
        room = self._table.viewport().width() - others >= self.minimum
        mode = QHeaderView.ResizeMode.Stretch if room else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(self.column) != mode:
            header.setSectionResizeMode(self.column, mode)
        if not room and header.sectionSize(self.column) != self.minimum:
            header.resizeSection(self.column, self.minimum)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:  # the table's viewport
            self.update()
        return False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.column:  # another column made wider or narrower
            self.update()


class GrowingColumn:
    """A column sized for texts the user named (phones, ring groups), known only
    once the rows arrive: ``fit(texts)`` widens it to the longest, up to
    ``most_chars`` characters, and never narrows it. A width the user set by
    dragging the header is theirs: it is left alone from then on."""

    def __init__(self, table: QTableView, column: int, most_chars: int) -> None:
        self._table = table
        self.column = column
        self._most_chars = most_chars
        #: The width as last set here (None: the user has resized the column).
        self._width: int | None = table.columnWidth(column)

    def fit(self, texts: Iterable[str]) -> None:
        table = self._table
        if self._width is not None and table.columnWidth(self.column) != self._width:
            self._width = None  # resized by hand: left as the user wants it
        if self._width is None:
            return
        wanted = fitting_width(table, texts, self._most_chars)
        if wanted > self._width:
            table.setColumnWidth(self.column, wanted)
            self._width = wanted
