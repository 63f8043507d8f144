"""KeyedRowsModel: the diffing base of the fax and voicemail tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.ui.models.keyed_rows import KeyedRowsModel


@dataclass(frozen=True)
class Row:
    key: str
    text: str = ""


class RowsModel(KeyedRowsModel[Row, str]):
    def row_key(self, row: Row) -> str:
        return row.key

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        row = self.row_at(index.row())
        return row.text if row is not None and role == Qt.ItemDataRole.DisplayRole else None


def _record(model: RowsModel) -> list[tuple[str, int, int]]:
    events: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: events.append(("removed", a, b)))
    model.rowsInserted.connect(lambda _p, a, b: events.append(("inserted", a, b)))
    model.dataChanged.connect(lambda a, b: events.append(("changed", a.row(), b.row())))
    model.modelReset.connect(lambda: events.append(("reset", -1, -1)))
    return events


def test_removals_go_bottom_block_first_and_keys_stay_findable(qapp: Any) -> None:
    model = RowsModel(2)
    model.replace_all([Row(k) for k in "abcdefg"])
    events = _record(model)
    model.apply([Row("a"), Row("d", "new text"), Row("g"), Row("x"), Row("y")])
    assert events == [
        ("removed", 4, 5),
        ("removed", 1, 2),
        ("changed", 1, 1),
        ("inserted", 3, 4),
    ]
    assert [r.key for r in model.rows()] == ["a", "d", "g", "x", "y"]
    assert [model.row_of(k) for k in "adgxyb"] == [0, 1, 2, 3, 4, -1]
    assert model.data(model.index(1, 0)) == "new text"


def test_replace_all_resets_and_reindexes(qapp: Any) -> None:
    model = RowsModel(2)
    model.apply([Row("a"), Row("b")])
    events = _record(model)
    model.replace_all([Row("c")])
    assert events == [("reset", -1, -1)]
    assert (model.row_of("c"), model.row_of("a"), model.rowCount(), model.columnCount()) == (
        0, -1, 1, 2,
    )
    assert model.row_at(1) is None


def test_columns_changed_is_one_signal_and_none_when_empty(qapp: Any) -> None:
    model = RowsModel(3)
    events = _record(model)
    model.emit_columns_changed(1, 2)
    assert events == []
    model.apply([Row("a"), Row("b")])
    events.clear()
    model.emit_columns_changed(1, 2, [Qt.ItemDataRole.FontRole])
    assert events == [("changed", 0, 1)]
