"""The message list of one mailbox folder, as a Qt table model.

``apply(rows)`` turns the service's current list into the smallest set of
row removals, changes and insertions, so a mark-as-heard repaints one row and
keeps the selection, and a 500-message refresh does not reset the view.
Sorting happens in a ``QSortFilterProxyModel`` on ``SORT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.domain.models import VoicemailMessage
from app.domain.phone import format_number
from app.ui import style

Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str, int]

UNKNOWN_CALLER = "Unknown caller"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    CALLER = 0
    NUMBER = 1
    RECEIVED = 2
    LENGTH = 3
    URGENT = 4
    STATUS = 5


HEADERS = {
    Column.CALLER: "From",
    Column.NUMBER: "Number",
    Column.RECEIVED: "Received",
    Column.LENGTH: "Length",
    Column.URGENT: "Urgent",
    Column.STATUS: "Status",
}


def format_length(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def format_received(moment: datetime | None, tz: tzinfo | None, now: datetime) -> str:
    """Date in the user's zone: ``Today 10:24``, ``Yesterday 18:02``, ``Mar 2 10:24``,
    ``Mar 2, 2025 10:24`` for other years. ``tz=None`` is the computer's zone."""
    if moment is None:
        return "Unknown date"
    local = moment.astimezone(tz)
    today = now.astimezone(tz).date()
    clock = local.strftime("%H:%M")
    days = (today - local.date()).days
    if days == 0:
        return f"Today {clock}"
    if days == 1:
        return f"Yesterday {clock}"
    day = f"{local:%b} {local.day}"
    if local.year == today.year:
        return f"{day} {clock}"
    return f"{day}, {local.year} {clock}"


class MessageTableModel(QAbstractTableModel):
    """Rows of ``VoicemailMessage``; the caller column asks ``name_for`` (phonebook,
    then caller id); a caller without a name reads "Unknown caller"."""

    def __init__(
        self,
        name_for: Callable[[VoicemailMessage], str],
        *,
        tz: tzinfo | None = None,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._name_for = name_for
        self._tz = tz
        self._now = now
        self._rows: list[VoicemailMessage] = []
        self._bold = QFont()
        self._bold.setBold(True)

    # --- content ---------------------------------------------------------------------

    def messages(self) -> list[VoicemailMessage]:
        return list(self._rows)

    def row_of(self, key: Key) -> int:
        for row, message in enumerate(self._rows):
            if message.key == key:
                return row
        return -1

    def message_at(self, row: int) -> VoicemailMessage | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace_all(self, rows: Sequence[VoicemailMessage]) -> None:
        """Another folder: a new list, not a change of this one."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def apply(self, rows: Sequence[VoicemailMessage]) -> None:
        """Make the model equal to ``rows`` with incremental row signals."""
        wanted = {m.key: m for m in rows}
        # Removals, from the end so earlier row numbers stay valid; contiguous
        # runs go in one beginRemoveRows.
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].key in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= 0 and self._rows[row - 1].key not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._rows[row : last + 1]
            self.endRemoveRows()
            row -= 1
        for row, current in enumerate(self._rows):
            fresh = wanted.pop(current.key)
            if fresh != current:
                self._rows[row] = fresh
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        if wanted:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(wanted) - 1)
            self._rows.extend(wanted.values())
            self.endInsertRows()

    def refresh_labels(self) -> None:
        """Phonebook names changed: repaint the caller column."""
        if self._rows:
            top = self.index(0, Column.CALLER)
            self.dataChanged.emit(top, self.index(len(self._rows) - 1, Column.CALLER))

    def set_time_zone(self, tz: tzinfo | None) -> None:
        self._tz = tz
        if self._rows:
            top = self.index(0, Column.RECEIVED)
            self.dataChanged.emit(top, self.index(len(self._rows) - 1, Column.RECEIVED))

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == Column.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        message = self.message_at(index.row())
        if message is None or not 0 <= index.column() < len(Column):
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(message, column)
        if role == SORT_ROLE:
            return self._sort_key(message, column)
        if role == MESSAGE_ROLE:
            return message
        if role == Qt.ItemDataRole.FontRole and not message.listened:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(message)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(message, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._display(message, column)}"
        return None

    # --- helpers ---------------------------------------------------------------------

    def _display(self, message: VoicemailMessage, column: Column) -> str:
        if column is Column.CALLER:
            return self._name_for(message) or UNKNOWN_CALLER
        if column is Column.NUMBER:
            return format_number(message.caller_number) or "—"
        if column is Column.RECEIVED:
            return format_received(message.date, self._tz, self._now())
        if column is Column.LENGTH:
            return format_length(message.duration_seconds)
        if column is Column.URGENT:
            return "Urgent" if message.urgent else ""
        return "New" if not message.listened else "Heard"

    def _sort_key(self, message: VoicemailMessage, column: Column) -> Any:
        if column is Column.CALLER:
            # Unknown callers sort after named ones, by number.
            name = self._name_for(message)
            return name.casefold() if name else "\uffff" + message.caller_number
        if column is Column.NUMBER:
            return message.caller_number
        if column is Column.RECEIVED:
            return message.date.timestamp() if message.date else 0.0
        if column is Column.LENGTH:
            return message.duration_seconds
        if column is Column.URGENT:
            return int(message.urgent)
        return int(not message.listened)

    def _tooltip(self, message: VoicemailMessage) -> str:
        parts = [self._name_for(message) or UNKNOWN_CALLER]
        number = format_number(message.caller_number)
        if number:
            parts.append(number)
        state = "not heard yet" if not message.listened else "heard"
        if message.urgent:
            state = "urgent, " + state
        return f"{' · '.join(parts)} — {state}"

    def _foreground(self, message: VoicemailMessage, column: Column) -> Any:
        palette = QApplication.palette() if QApplication.instance() else QPalette()
        if column is Column.URGENT and message.urgent:
            return style.error_color(palette)
        if column is Column.CALLER and not self._name_for(message):
            return style.muted_color(palette)
        if column is Column.STATUS and message.listened:
            return style.muted_color(palette)
        return None
