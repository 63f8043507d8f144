"""Fitting the DIDs table to its width: no sideways scrolling, routing text whole (#15.15).

Columns are shown by importance while they fit the width at their natural size
(contents, capped); the rest are hidden and listed in the header's tooltip,
and the header's context menu can show or hide any column by hand. The number
and where its calls go are always shown; the routing column gets what is left
when even it does not fit (then it elides, with the full text in the tooltip),
and the last shown column stretches to the right edge.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from app.ui.i18n import translate
from app.ui.tabs.numbers.did_model import HEADERS, Column

#: Most important first: what a small business reads to know where calls go.
PRIORITY: tuple[Column, ...] = (
    Column.NUMBER,
    Column.ROUTING,
    Column.NOTE,
    Column.NO_ANSWER,
    Column.BUSY,
    Column.UNREACHABLE,
    Column.VOICEMAIL,
    Column.DIALTIME,
    Column.DESCRIPTION,
    Column.SMS,
    Column.POP,
    Column.CNAM,
)
ALWAYS_SHOWN = frozenset((Column.NUMBER, Column.ROUTING))
#: Widest a column's natural size may be (longer text elides, tooltip has it all).
CAPS: dict[Column, int] = {
    Column.DESCRIPTION: 160, Column.NOTE: 180, Column.ROUTING: 420,
}
DEFAULT_CAP = 260
#: The routing column is never squeezed below this (it then elides).
ROUTING_MIN = 160
#: Rows measured besides those on show (see ``ColumnFitter._measured_rows``).
MEASURED_ROWS = 200
#: A cell's padding around its text (the delegate's margins and the grid line).
CELL_MARGIN = 8


class ColumnFitter(QObject):
    """Keeps ``table``'s columns fitted to its width (refit on resize and on ``fit()``)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        #: Columns the user chose to show or hide from the header menu.
        self.user_choice: dict[Column, bool] = {}
        self._natural: dict[Column, int] = {}
        self._full: dict[Column, int] = {}
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_context_menu_requested)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.viewport().installEventFilter(self)
        # Rows whose text changed (a reroute, a refresh) may need other widths: one
        # refit for a burst of changes (a bulk reroute repaints every row).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(50)
        self._refit.timeout.connect(self.fit)
        model = table.model()
        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                       model.modelReset, model.layoutChanged):
            signal.connect(self._schedule_fit)

    # --- public --------------------------------------------------------------------

    def fit(self) -> None:
        """Measure the contents again, then lay the columns out (rows changed)."""
        rows = self._measured_rows()
        self._full = {column: self._measure(column, rows) for column in Column}
        self._natural = {column: min(width, CAPS.get(column, DEFAULT_CAP))
                         for column, width in self._full.items()}
        self.layout()

    def hidden_columns(self) -> list[Column]:
        return [c for c in Column if self.table.isColumnHidden(c)]

    def layout(self) -> None:
        if not self._natural:
            return
        table = self.table
        available = table.viewport().width()
        shown: list[Column] = []
        used = 0
        for column in PRIORITY:
            choice = self.user_choice.get(column)
            width = self._natural[column]
            fits = choice is None and used + width <= available
            if column in ALWAYS_SHOWN or choice is True or fits:
                shown.append(column)
                used += width
        header = table.horizontalHeader()
        for column in Column:
            table.setColumnHidden(column, column not in shown)
        for column in shown:
            header.resizeSection(column, self._natural[column])
        over = used - available
        if over > 0:
            routing = max(ROUTING_MIN, self._natural[Column.ROUTING] - over)
            header.resizeSection(Column.ROUTING, routing)
        else:
            # Room left: widen capped (elided) columns towards their whole text.
            spare = -over
            for column in shown:
                grow = min(spare, self._full[column] - self._natural[column])
                if grow > 0:
                    header.resizeSection(column, self._natural[column] + grow)
                    spare -= grow
        hidden = [translate("DidTableModel", HEADERS[c]) for c in Column if c not in shown]
        header.setToolTip(
            translate("ColumnFitter", "Not shown for lack of room: {columns}.\n"
                      "Right-click here to choose the columns.").format(columns=", ".join(hidden))
            if hidden
            else translate("ColumnFitter", "Right-click here to choose the columns.")
        )

    def build_header_menu(self) -> QMenu:
        menu = QMenu(self.table)
        for column in Column:
            action = menu.addAction(HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.setEnabled(column not in ALWAYS_SHOWN)
            action.toggled.connect(lambda on, c=column: self._choose(c, on))
        menu.addSeparator()
        auto = menu.addAction(translate("ColumnFitter", "Fit to the window"))
        auto.triggered.connect(self._reset_choices)
        return menu

    # --- internals -----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.layout()
        return False

    def _schedule_fit(self, *_args: object) -> None:
        self._refit.start()

    def _measured_rows(self) -> list[int]:
        """The rows shown now and the first ``MEASURED_ROWS``: Qt's own measure reads
        every row (~400 ms for 2,000 numbers, on the GUI thread); a row further down
        with a longer text elides, its tooltip has it all."""
        table = self.table
        count = table.model().rowCount()
        top = max(0, table.rowAt(0))
        bottom = table.rowAt(table.viewport().height())
        bottom = count - 1 if bottom < 0 else bottom
        return sorted(set(range(min(count, MEASURED_ROWS))) | set(range(top, bottom + 1)))

    def _measure(self, column: Column, rows: list[int] | None = None) -> int:
        table = self.table
        model = table.model()
        metrics = table.fontMetrics()
        # Italic (a change on its way) is a little wider: the margin covers it.
        contents = max((metrics.horizontalAdvance(str(model.index(row, column).data() or ""))
                        for row in (self._measured_rows() if rows is None else rows)),
                       default=0)
        title = table.horizontalHeader().sectionSizeFromContents(column).width()
        return max(contents + CELL_MARGIN, title) + 4

    def _choose(self, column: Column, shown: bool) -> None:
        self.user_choice[column] = shown
        self.layout()

    def _reset_choices(self) -> None:
        self.user_choice.clear()
        self.layout()

    def _on_header_context_menu_requested(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.build_header_menu().popup(header.mapToGlobal(pos))
