"""The faxes of one folder as a Qt table model.

``apply(rows)`` (``KeyedRowsModel``, keyed on the fax id) turns the store's
current list into the smallest set of row removals, changes and insertions, so
a sync that brings one new fax inserts one row, keeps the selection and never
resets the view; a 1k-fax folder is filled in one insertion. Sorting happens in
a ``QSortFilterProxyModel`` on ``SORT_ROLE``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.domain.models.fax import FaxMessage
from app.domain.models.voicemail import phonebook_name
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.fax.rules import is_inbound, sender_name
from app.ui import style
from app.ui.dates import list_date
from app.ui.i18n import translate
from app.ui.models.keyed_rows import Index, KeyedRowsModel
from app.ui.plain_text import plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FAX_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    DATE = 0
    FROM = 1
    TO = 2
    PAGES = 3
    STATUS = 4
    DURATION = 5


# Marked for the catalog, translated where shown (this runs before the translator).
HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("fax", "Date"),
    Column.FROM: QT_TRANSLATE_NOOP("fax", "From"),
    Column.TO: QT_TRANSLATE_NOOP("fax", "To"),
    Column.PAGES: QT_TRANSLATE_NOOP("fax", "Pages"),
    Column.STATUS: QT_TRANSLATE_NOOP("fax", "Status"),
    Column.DURATION: QT_TRANSLATE_NOOP("fax", "Duration"),
}
#: The fax statuses VoIP.ms sends (``SUCCESS``...), in words; others are shown as sent.
STATUS_WORDS = {
    "success": QT_TRANSLATE_NOOP("fax", "Success"),
    "failed": QT_TRANSLATE_NOOP("fax", "Failed"),
}


def format_date(moment: datetime | None, now: datetime) -> str:
    """The fax's date as every list writes it (``app/ui/dates.py``)."""
    return list_date(moment, now)


def format_duration(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def sender_text(fax: FaxMessage, names: Mapping[str, str] | None = None) -> str:
    """The phonebook's name for the caller id, else the station id, and the number,
    without saying the same thing twice ("Northside Flour Co. · (800) 555-0111", as
    the other tabs name that caller; "NORTHSIDE FLOUR" is what its machine says)."""
    number = format_number(fax.callerid) if fax.callerid else ""
    station = sender_name(fax, names)
    if station and station != fax.callerid and station != number:
        return f"{station} · {number}" if number else station
    return number or station or translate("fax", "Unknown")


def recipient_text(fax: FaxMessage, names: Mapping[str, str] | None = None) -> str:
    """The number a fax went to, with the phonebook's name for it when there is one."""
    number = format_number(fax.destination)
    if not number:
        return "—"
    known = phonebook_name(names, fax.destination)
    return f"{known} · {number}" if known else number


def status_text(fax: FaxMessage) -> str:
    raw = fax.status.strip().lower()
    known = STATUS_WORDS.get(raw)
    status = translate("fax", known) if known else (raw.capitalize() or translate("fax", "Unknown"))
    return f"{status}: {fax.message}" if fax.message and raw != "success" else status


class FaxTableModel(KeyedRowsModel[FaxMessage, int]):
    """Rows are ``FaxMessage``s; bold when unread (see ``is_unread``)."""

    def __init__(
        self,
        is_unread: Callable[[FaxMessage], bool],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        parent: Any = None,
    ) -> None:
        super().__init__(len(Column), parent)
        self._is_unread = is_unread
        self._clock = clock
        self._names: Mapping[str, str] = {}

    def set_names(self, names: Mapping[str, str]) -> None:
        """The phonebook's names to label senders and recipients with."""
        if dict(names) == self._names:
            return
        self._names = dict(names)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, Column.FROM),
                                  self.index(self.rowCount() - 1, Column.TO))

    def row_key(self, row: FaxMessage) -> int:
        return row.id

    # --- Qt API ---------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("fax", HEADERS[Column(section)]) if 0 <= section < len(
                Column) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        fax = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(fax, column)
        if role == SORT_ROLE:
            return self._sort_key(fax, column)
        if role == FAX_ROLE:
            return fax
        if role == Qt.ItemDataRole.FontRole and self._is_unread(fax):
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        failed = bool(fax.status) and fax.status.upper() != "SUCCESS"
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATUS and failed:
            return style.error_color(QApplication.palette())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(fax))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.PAGES,
            Column.DURATION,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{translate('fax', HEADERS[column])}: {self._display(fax, column)}"
        return None

    def _display(self, fax: FaxMessage, column: Column) -> str:
        if column == Column.DATE:
            return format_date(fax.date, self._clock())
        if column == Column.FROM:
            return sender_text(fax, self._names)
        if column == Column.TO:
            return recipient_text(fax, self._names)
        if column == Column.PAGES:
            return str(fax.pages)
        if column == Column.STATUS:
            return status_text(fax)
        return format_duration(fax.duration_seconds)

    def _sort_key(self, fax: FaxMessage, column: Column) -> Any:
        if column == Column.DATE:
            return fax.date.timestamp() if fax.date else 0.0
        if column == Column.PAGES:
            return fax.pages
        if column == Column.DURATION:
            return fax.duration_seconds
        return self._display(fax, column).lower()

    def _tooltip(self, fax: FaxMessage) -> str:
        when = format_date(fax.date, self._clock())
        lines = [
            translate("fax", "Received {when}").format(when=when) if is_inbound(fax)
            else translate("fax", "Sent {when}").format(when=when),
            translate("fax", "From: {sender}").format(sender=sender_text(fax, self._names)),
            translate("fax", "To: {number}").format(number=recipient_text(fax, self._names)),
            translate("fax", "%n page(s), {duration}", "", fax.pages).format(
                duration=format_duration(fax.duration_seconds)),
            translate("fax", "Status: {status}").format(status=status_text(fax)),
        ]
        return "\n".join(lines)

    # --- content --------------------------------------------------------------

    def fax_at(self, row: int) -> FaxMessage | None:
        return self.row_at(row)

    @property
    def faxes(self) -> list[FaxMessage]:
        return self.rows()

    def refresh_fonts(self) -> None:
        """Unread state changed (outside the rows): repaint everything cheaply."""
        self.emit_columns_changed(0, len(Column) - 1, [Qt.ItemDataRole.FontRole])
