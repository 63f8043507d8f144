"""Sort arrows point the way the list reads (issue #15.14): a newest-first list
shows ▼ (largest first), an oldest-first one ▲, as on Windows and macOS. Qt's
Fusion draws the opposite for ``QHeaderView``; the record tables' headers turn it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.record_table import record_table


def _arrow_rows(table: QTableView) -> list[int]:
    """Widths (in dark pixels) of the sort arrow's rows, top to bottom."""
    header = table.horizontalHeader()
    image = header.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    right = header.sectionViewportPosition(0) + header.sectionSize(0)
    background = image.pixelColor(right - 3, 2).value()
    rows: list[int] = []
    for y in range(image.height()):
        dark = sum(1 for x in range(right - 24, right - 2)
                   if background - image.pixelColor(x, y).value() > 60)
        if 0 < dark < 16:  # not the header's border lines
            rows.append(dark)
    return rows


def _table(qtbot: QtBot, order: Qt.SortOrder, parent: QWidget) -> QTableView:
    qtbot.addWidget(parent)
    model = QStandardItemModel(3, 2, parent)
    model.setHorizontalHeaderLabels(["Received", "From"])
    for row in range(3):
        model.setItem(row, 0, QStandardItem(f"2026-12-0{row + 1}"))
    table = record_table(parent, model)
    table.horizontalHeader().resizeSection(0, 200)
    table.sortByColumn(0, order)
    table.resize(400, 150)
    parent.show()
    return table


def test_newest_first_points_down_and_oldest_first_points_up(qtbot: QtBot) -> None:
    window = QWidget()
    newest_first = _arrow_rows(_table(qtbot, Qt.SortOrder.DescendingOrder, window))
    assert len(newest_first) >= 2, "an arrow is drawn"
    assert newest_first[0] > newest_first[-1], newest_first  # ▼: wide at the top
    other = QWidget()
    oldest_first = _arrow_rows(_table(qtbot, Qt.SortOrder.AscendingOrder, other))
    assert oldest_first[0] < oldest_first[-1], oldest_first  # ▲: wide at the bottom
