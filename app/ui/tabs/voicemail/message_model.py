"""The message list of one mailbox folder, as a Qt table model.

``apply_changes`` takes the service's change set (rows as stored, keys gone)
and ``apply(rows)`` (``KeyedRowsModel``, keyed on the message key) turns it
into the smallest set of row removals, changes and insertions, so a
mark-as-heard repaints one row and keeps the selection, and a 500-message
refresh does not reset the view.
Sorting happens in a ``QSortFilterProxyModel`` on ``SORT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.domain.models.voicemail import VoicemailMessage
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui import style
from app.ui.dates import list_date
from app.ui.i18n import translate
from app.ui.models.keyed_rows import Index, KeyedRowsModel
from app.ui.plain_text import plain_tooltip

Key = tuple[str, str, int]

UNKNOWN_CALLER = QT_TRANSLATE_NOOP("voicemail", "Unknown caller")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    CALLER = 0
    NUMBER = 1
    RECEIVED = 2
    LENGTH = 3
    URGENT = 4
    STATUS = 5


# Marked for the catalog, translated where shown (this runs before the translator).
HEADERS = {
    Column.CALLER: QT_TRANSLATE_NOOP("voicemail", "From"),
    Column.NUMBER: QT_TRANSLATE_NOOP("voicemail", "Number"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("voicemail", "Received"),
    Column.LENGTH: QT_TRANSLATE_NOOP("voicemail", "Length"),
    Column.URGENT: QT_TRANSLATE_NOOP("voicemail", "Urgent"),
    Column.STATUS: QT_TRANSLATE_NOOP("voicemail", "Status"),
}


def format_length(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def format_received(moment: datetime | None, tz: tzinfo | None, now: datetime) -> str:
    """The received date as every list writes it (``app/ui/dates.py``)."""
    return list_date(moment, now, tz)


class MessageTableModel(KeyedRowsModel[VoicemailMessage, Key]):
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
        super().__init__(len(Column), parent)
        self._name_for = name_for
        self._tz = tz
        self._now = now
        self._bold = QFont()
        self._bold.setBold(True)

    def row_key(self, row: VoicemailMessage) -> Key:
        return row.key

    # --- content ---------------------------------------------------------------------

    def messages(self) -> list[VoicemailMessage]:
        return self.rows()

    def message_at(self, row: int) -> VoicemailMessage | None:
        return self.row_at(row)

    def apply_changes(
        self, changed: Sequence[VoicemailMessage], removed: Sequence[Key], folder: str
    ) -> bool:
        """Apply a change set of the service to this folder's rows (rows of other
        folders are ignored); ``False`` when it touched none of them."""
        gone = set(removed)
        mine = [m for m in changed if m.folder == folder]
        if not mine and not any(self.row_of(key) >= 0 for key in gone):
            return False
        rows = {m.key: m for m in self.rows() if m.key not in gone}
        rows.update((m.key, m) for m in mine)
        self.apply(list(rows.values()))
        return True

    def refresh_labels(self) -> None:
        """Phonebook names changed: repaint the caller column."""
        self.emit_columns_changed(Column.CALLER, Column.CALLER)

    def set_time_zone(self, tz: tzinfo | None) -> None:
        self._tz = tz
        self.emit_columns_changed(Column.RECEIVED, Column.RECEIVED)

    # --- Qt model API ------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("voicemail", HEADERS[Column(section)])
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
            return plain_tooltip(self._tooltip(message))
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
            return self._name_for(message) or translate("voicemail", UNKNOWN_CALLER)
        if column is Column.NUMBER:
            return format_number(message.caller_number) or "—"
        if column is Column.RECEIVED:
            return format_received(message.date, self._tz, self._now())
        if column is Column.LENGTH:
            return format_length(message.duration_seconds)
        if column is Column.URGENT:
            return translate("voicemail", "Urgent") if message.urgent else ""
        return translate("voicemail", "New") if not message.listened else translate("voicemail",
            "Heard")

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
        parts = [self._name_for(message) or translate("voicemail", UNKNOWN_CALLER)]
        number = format_number(message.caller_number)
        if number:
            parts.append(number)
        if message.urgent:
            state = (translate("voicemail", "urgent, not heard yet") if not message.listened
                     else translate("voicemail", "urgent, heard"))
        else:
            state = (translate("voicemail", "not heard yet") if not message.listened
                     else translate("voicemail", "heard"))
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
