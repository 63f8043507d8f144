"""The name column of a record table (``app.ui.widgets.stretch_column``): it fills
the spare width, and in a narrow window it stops at a readable width and the
table scrolls sideways, instead of eliding every name to "…"."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from app.ui.widgets.stretch_column import StretchColumn


def _table(qtbot: QtBot) -> tuple[QTableView, StretchColumn]:
    model = QStandardItemModel(5, 6)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(1, 6):
        table.setColumnWidth(column, 100)
    return table, StretchColumn(table, 0, 150)


def test_the_column_fills_the_spare_width_of_a_wide_table(qtbot: QtBot) -> None:
    table, _ = _table(qtbot)
    table.resize(1000, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: table.columnWidth(0) > 150)
    others = sum(table.columnWidth(c) for c in range(1, 6))
    assert table.columnWidth(0) == table.viewport().width() - others
    assert table.horizontalScrollBar().maximum() == 0


def test_a_narrow_table_keeps_the_column_readable_and_scrolls(qtbot: QtBot) -> None:
    table, stretch = _table(qtbot)
    table.resize(1000, 300)
    table.show()
    qtbot.waitExposed(table)
    table.resize(450, 300)  # the other columns alone take 500
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    assert table.columnWidth(0) == stretch.minimum
    assert all(table.columnWidth(c) == 100 for c in range(1, 6))
    # Wide again: it stretches again, no sideways scrolling left.
    table.resize(1000, 300)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    assert table.columnWidth(0) > stretch.minimum


def test_two_such_columns_share_the_width_and_each_stops_at_its_minimum(
    qtbot: QtBot,
) -> None:
    """The fax list's From and To (a folder holding faxes both ways shows both)."""
    model = QStandardItemModel(5, 5)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.horizontalHeader().setStretchLastSection(False)
    for column in range(2, 5):
        table.setColumnWidth(column, 100)
    pair = [StretchColumn(table, column, 120) for column in (0, 1)]
    table.resize(1000, 300)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: table.columnWidth(0) > 120 and table.columnWidth(1) > 120)
    table.resize(400, 300)  # the three others alone take 300
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    assert [table.columnWidth(c.column) for c in pair] == [120, 120]
    table.setColumnHidden(1, True)  # one way only: the other has the room
    table.resize(1000, 300)
    qtbot.waitUntil(lambda: table.columnWidth(0) == table.viewport().width() - 300)
