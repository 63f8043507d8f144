"""Work that waits for the first paint of a start (``app.ui.after_paint``), and the
sort arrows' header style, which is such work (its ``QStyle`` type costs ~4 ms)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.ui import after_paint
from app.ui.widgets.record_table import record_table
from app.ui.widgets.sort_arrow_style import SortArrowStyle
from tests.gui.test_sort_arrows import _arrow_rows


@pytest.fixture(autouse=True)
def _no_start_left_holding() -> Iterator[None]:
    yield
    after_paint.release()


def test_outside_a_start_work_runs_at_once() -> None:
    done: list[str] = []
    after_paint.after_first_paint(lambda: done.append("now"))
    assert done == ["now"]
    assert not after_paint.holding()


def test_during_a_start_work_waits_for_the_paint_and_runs_once_in_order() -> None:
    done: list[int] = []
    after_paint.hold()
    after_paint.hold()  # a second hold does not drop what already waits
    after_paint.after_first_paint(lambda: done.append(1))
    after_paint.after_first_paint(lambda: done.append(2))
    assert done == []
    after_paint.release()
    after_paint.release()  # the 5 s fallback after the paint: nothing runs twice
    assert done == [1, 2]
    assert not after_paint.holding()


def test_a_start_shows_no_reversed_arrow_then_the_familiar_one(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    model = QStandardItemModel(3, 2, window)
    model.setHorizontalHeaderLabels(["Received", "From"])
    for row in range(3):
        model.setItem(row, 0, QStandardItem(f"2026-12-0{row + 1}"))
    after_paint.hold()
    table = record_table(window, model)
    header = table.horizontalHeader()
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    header.resizeSection(0, 200)
    table.resize(400, 150)
    window.show()
    qtbot.waitExposed(window)
    # Before the paint is over: no arrow at all, rather than Fusion's reversed one.
    assert not header.isSortIndicatorShown()
    assert not isinstance(header.style(), SortArrowStyle)
    assert _arrow_rows(table) == []
    after_paint.release()
    assert header.isSortIndicatorShown()
    assert isinstance(header.style(), SortArrowStyle)
    rows = _arrow_rows(table)
    assert len(rows) >= 2 and rows[0] > rows[-1], rows  # ▼: newest first


def test_a_list_in_a_fixed_order_gets_no_arrow_after_the_paint(qtbot: QtBot) -> None:
    # Calls and Phones turn sorting off after record_table (newest first / the
    # account's order): the arrow must not come back with the style.
    window = QWidget()
    qtbot.addWidget(window)
    model = QStandardItemModel(3, 2, window)
    after_paint.hold()
    table = record_table(window, model)
    table.setSortingEnabled(False)
    after_paint.release()
    assert isinstance(table.horizontalHeader().style(), SortArrowStyle)
    assert not table.horizontalHeader().isSortIndicatorShown()


def test_a_table_gone_before_the_paint_is_skipped(qtbot: QtBot) -> None:
    window = QWidget()
    model = QStandardItemModel(1, 1, window)
    after_paint.hold()
    table = record_table(window, model)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _valid(table))
    after_paint.release()  # no RuntimeError about a deleted C++ object


def _valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_the_record_tables_viewport_is_set_up_as_qts_own(qtbot: QtBot) -> None:
    # record_table gives the table a viewport made in Python (start-up: see there);
    # it must paint and behave as the one Qt would have made.
    from PySide6.QtWidgets import QTableView

    window = QWidget()
    qtbot.addWidget(window)
    ours = record_table(window, QStandardItemModel(1, 1, window)).viewport()
    qts = QTableView(window).viewport()
    assert ours.backgroundRole() == qts.backgroundRole()
    assert ours.autoFillBackground() == qts.autoFillBackground()
    attributes = [a for a in Qt.WidgetAttribute if a.name.startswith("WA_")]
    assert [a.name for a in attributes if ours.testAttribute(a) != qts.testAttribute(a)] == []
