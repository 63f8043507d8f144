"""A table model whose rows are immutable records with a key, updated by diff.

The fax and voicemail lists both receive "the folder as it is now" after every
sync or action. Resetting the model each time would drop the selection and the
scroll position and flash the view, so ``apply(rows)`` turns the new list into
the smallest set of row signals instead: removed rows go in contiguous blocks
(bottom block first, so earlier row numbers stay valid), rows whose record
changed get one ``dataChanged``, and new rows are appended in one insertion
(the sort proxy in front of the model puts them in place). A sync that brings
one new fax inserts one row; a mark-as-heard repaints one row.

Subclasses say what a row's key is (``row_key``) and how a row is shown
(``data``, ``headerData``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex

Index = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")
KeyT = TypeVar("KeyT", bound=Hashable)


class KeyedRowsModel(QAbstractTableModel, Generic[RowT, KeyT]):
    def __init__(self, column_count: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._column_count = column_count
        self._rows: list[RowT] = []
        self._row_of: dict[KeyT, int] = {}

    def row_key(self, row: RowT) -> KeyT:
        """The identity of a record across syncs (its fields may change)."""
        raise NotImplementedError

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    # --- content -----------------------------------------------------------------------

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: KeyT) -> int:
        """The row showing ``key``, or -1."""
        return self._row_of.get(key, -1)

    def replace_all(self, rows: Sequence[RowT]) -> None:
        """A different list (another folder), not a change of this one: reset."""
        self.beginResetModel()
        self._rows = list(rows)
        self._reindex()
        self.endResetModel()

    def apply(self, rows: Sequence[RowT]) -> None:
        """Become ``rows`` with minimal signals: removals, in-place changes, then appends."""
        wanted = {self.row_key(row): row for row in rows}
        doomed = sorted((r for key, r in self._row_of.items() if key not in wanted), reverse=True)
        for start, end in _runs_descending(doomed):
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start : end + 1]
            self.endRemoveRows()
        if doomed:
            self._reindex()
        for row, current in enumerate(self._rows):
            fresh = wanted.pop(self.row_key(current))
            if fresh != current:
                self._rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, self._column_count - 1))
        if wanted:  # what is left is new
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(wanted) - 1)
            self._rows.extend(wanted.values())
            self._reindex()
            self.endInsertRows()

    def reorder(self, keys: Sequence[KeyT]) -> None:
        """Put the rows in the order of ``keys`` (the same keys), one layout change;
        selections and other persistent indexes follow their rows."""
        if [self.row_key(row) for row in self._rows] == list(keys):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = [(self.row_key(self._rows[i.row()]), i.column()) for i in before]
        self._rows = [self._rows[self._row_of[key]] for key in keys]
        self._reindex()
        self.changePersistentIndexList(
            before, [self.index(self._row_of[key], column) for key, column in moved])
        self.layoutChanged.emit()

    def emit_columns_changed(self, first: int, last: int, roles: Sequence[int] = ()) -> None:
        """Something outside the records changed how columns ``first..last`` look
        (unread state, phonebook names, time zone): repaint them in one signal."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, first), self.index(len(self._rows) - 1, last), list(roles)
            )

    def _reindex(self) -> None:
        self._row_of = {self.row_key(row): number for number, row in enumerate(self._rows)}


def _runs_descending(rows: list[int]) -> list[tuple[int, int]]:
    """``[9, 8, 7, 3]`` -> ``[(7, 9), (3, 3)]``: contiguous blocks, bottom block first."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][0] - 1 == row:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs
