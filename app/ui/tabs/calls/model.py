"""The call history as a Qt table model (rows are ``CallRow``s, keyed on the call id).

Outside text (names from caller ids and the phonebook) is returned as plain
strings; the view never renders it as rich text. Unseen missed calls are bold.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.domain.models.calls import CallRow, Outcome
from app.domain.phone import format_number
from app.domain.routing import is_main_account
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.calls.poll import caller_label
from app.ui import dates, style
from app.ui.dates import list_date
from app.ui.i18n import localized, translate
from app.ui.models.keyed_rows import Index, KeyedRowsModel
from app.ui.plain_text import plain_tooltip

ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class Column(IntEnum):
    DATE = 0
    DIRECTION = 1
    NAME = 2
    NUMBER = 3
    DID = 4
    PHONE = 5
    DURATION = 6
    OUTCOME = 7
    COST = 8
    RECORDING = 9


# Marked for the catalog; translated where shown (``tr``): this runs before the translator.
HEADERS = {
    Column.DATE: QT_TRANSLATE_NOOP("calls", "Date"), Column.DIRECTION: "",
    Column.NAME: QT_TRANSLATE_NOOP("calls", "Name"),
    Column.NUMBER: QT_TRANSLATE_NOOP("calls", "Number"),
    Column.DID: QT_TRANSLATE_NOOP("calls", "My number"),
    Column.PHONE: QT_TRANSLATE_NOOP("calls", "Phone"),
    Column.DURATION: QT_TRANSLATE_NOOP("calls", "Duration"),
    Column.OUTCOME: QT_TRANSLATE_NOOP("calls", "Outcome"),
    Column.COST: QT_TRANSLATE_NOOP("calls", "Cost"),
    Column.RECORDING: QT_TRANSLATE_NOOP("calls", "Audio"),
}
OUTCOME_TEXT = {
    Outcome.ANSWERED: QT_TRANSLATE_NOOP("calls", "Answered"),
    Outcome.MISSED: QT_TRANSLATE_NOOP("calls", "Missed"),
    Outcome.BUSY: QT_TRANSLATE_NOOP("calls", "Busy"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("calls", "Failed"),
}


def tr(text: str) -> str:
    """``text`` (marked in the ``calls`` context) in the UI's language."""
    return translate("calls", text) if text else text


def format_seconds(seconds: int) -> str:
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_cost(cost: Decimal) -> str:
    # Fractions of a cent (per-second billing) keep four places.
    return dates.money(cost, 2 if cost >= Decimal("0.01") or not cost else 4)


def phone_label(account: str, name: str = "") -> str:
    """A phone as the Phones tab names it: its description ("Front desk phone"), else
    ``284561_frontdesk`` -> ``frontdesk``; the main account ``284561`` -> "Main account".

    The bare account number read as a stray number among the phones' names, and
    the raw ids matched nothing the user named (the tooltip keeps the raw value)."""
    if not account:
        return ""
    if is_main_account(account):
        return translate("calls", "Main account")
    return name or account.split("_", 1)[1]


def outcome_text(row: CallRow) -> str:
    call = row.call
    if call.outcome is Outcome.MISSED and not call.inbound:
        return translate("calls", "No answer")
    return tr(OUTCOME_TEXT[call.outcome])


class CallTableModel(KeyedRowsModel[CallRow, str]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(len(Column), parent)

    def row_key(self, row: CallRow) -> str:
        return row.id

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(HEADERS[Column(section)])
            if role == Qt.ItemDataRole.ToolTipRole and section == Column.DIRECTION:
                return translate("calls", "Incoming or outgoing")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and row.unseen_missed:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if (role == Qt.ItemDataRole.ForegroundRole and column == Column.OUTCOME
                and row.call.missed):
            return style.error_color(QApplication.palette())
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                Column.DURATION, Column.COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            header = tr(HEADERS[column]) or translate("calls", "Direction")
            return f"{header}: {self.text(row, column)}"
        return None

    def text(self, row: CallRow, column: Column) -> str:
        call = row.call
        if column == Column.DATE:
            return list_date(call.date, datetime.now().astimezone())
        if column == Column.DIRECTION:
            return translate("calls", "↙ In") if call.inbound else translate("calls", "↗ Out")
        if column == Column.NAME:
            return localized(caller_label(row))
        if column == Column.NUMBER:
            return format_number(call.number) or translate("calls", "Unknown")
        if column == Column.DID:
            return format_number(call.did) if call.did else ""
        if column == Column.PHONE:
            return phone_label(call.account, row.phone)
        if column == Column.DURATION:
            return format_seconds(call.seconds) if call.seconds else ""
        if column == Column.OUTCOME:
            return outcome_text(row)
        if column == Column.COST:
            return format_cost(call.cost) if call.cost else ""
        return audio_text(row)

    def tooltip(self, row: CallRow) -> str:
        call = row.call
        outcome = outcome_text(row).lower()
        lines = [
            translate("calls", "Incoming call, {outcome}").format(outcome=outcome)
            if call.inbound else
            translate("calls", "Outgoing call, {outcome}").format(outcome=outcome),
            f"{localized(caller_label(row))} · "
            f"{format_number(call.number) or translate('calls', 'unknown number')}",
        ]
        if call.did:
            mine = format_number(call.did)
            lines.append(translate("calls", "To my number {number}").format(number=mine)
                         if call.inbound else
                         translate("calls", "From my number {number}").format(number=mine))
        if call.account:
            lines.append(translate("calls", "Phone: {account}").format(account=call.account))
        if row.recording is not None:
            lines.append(translate("calls", "Recorded ({length})").format(
                length=format_seconds(row.recording.seconds)))
        if row.voicemail is not None:
            lines.append(translate("calls", "The caller left a voicemail (press Enter to open it)"))
        return "\n".join(lines)

    def show_rows(self, rows: list[CallRow]) -> None:
        """Become ``rows`` (newest first): removals and changes in place, new rows
        inserted where they belong (``apply`` alone would append them at the end)."""
        keys = {r.id for r in rows}
        self.apply([r for r in rows if r.id in self._row_of or r.id not in keys])
        # A kept row whose date changed (a CDR's time corrected by VoIP.ms, another
        # time zone) moves to where it now belongs: updated in place, it broke the
        # newest-first order the list promises.
        self.reorder([r.id for r in rows if r.id in self._row_of])
        index = 0
        while index < len(rows):
            if rows[index].id in self._row_of:
                index += 1
                continue
            end = index
            while end + 1 < len(rows) and rows[end + 1].id not in self._row_of:
                end += 1
            self.beginInsertRows(QModelIndex(), index, end)
            self._rows[index:index] = rows[index:end + 1]
            self._reindex()
            self.endInsertRows()
            index = end + 1

    def refresh_all(self) -> None:
        self.emit_columns_changed(0, len(Column) - 1)


def audio_text(row: CallRow) -> str:
    """What the Audio column says: a recording of the call, a voicemail left in it."""
    parts = []
    if row.recording is not None:
        parts.append(translate("calls", "● Recorded"))
    if row.voicemail is not None:
        parts.append(translate("calls", "✉ Voicemail"))
    return " · ".join(parts)
