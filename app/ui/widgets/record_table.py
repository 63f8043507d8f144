"""The read-only, sortable list table the tabs show their records in.

Faxes, voicemail messages and numbers are all lists of records the user picks
rows from and acts on through buttons and menus, never edits in place. They
should look and behave alike (whole-row selection, zebra rows, no cell
editing, click-to-sort headers, no row numbers, one line per row), so the
settings live here once rather than drifting apart tab by tab.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from app.ui.widgets.sort_arrow import use_familiar_sort_arrows


def _viewport() -> QWidget:
    """A viewport made here, set up as Qt sets up its own.

    Made here, it is known to Python: when a table's own viewport is first asked
    for (``viewport()``), PySide6 looks for its Python type among *every* QWidget
    subclass and builds each one's type and enums (~70, ~5 ms of the start).
    """
    viewport = QWidget()
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
    return viewport


def record_table(
    parent: QWidget,
    model: QAbstractItemModel,
    *,
    accessible_name: str | None = None,
    multi_select: bool = False,
    grid: bool = False,
) -> QTableView:
    """A ``QTableView`` on ``model`` set up as a record list.

    ``multi_select`` lets the user pick several rows (extended selection) for
    bulk actions; otherwise one row at a time. ``grid`` keeps cell lines, which
    help read wide tables with many short columns.
    """
    table = QTableView(parent)
    table.setViewport(_viewport())
    table.setModel(model)
    if accessible_name is not None:
        table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setAlternatingRowColors(True)
    table.setShowGrid(grid)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    use_familiar_sort_arrows(table)
    # Tab leaves the list for the next control (a toolbar) instead of walking its
    # cells: 38 presses never got out of the voicemail list (issue #15 point 9).
    table.setTabKeyNavigation(False)
    return table
