"""The phones table: one row per phone, plain strings only (names are outside text)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication

from app.domain.models.numbers import Server
from app.domain.models.phones import Phone
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui import dates, style
from app.ui.i18n import localized, translate
from app.ui.plain_text import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PHONE = 0
    STATUS = 1
    WHERE = 2
    ADDRESS = 3
    NEXT = 4
    NUMBERS = 5


# Marked for the catalog, translated where shown (this runs before the translator).
HEADERS = {Column.PHONE: QT_TRANSLATE_NOOP("PhonesModel", "Phone"),
           Column.STATUS: QT_TRANSLATE_NOOP("PhonesModel", "Status"),
           Column.WHERE: QT_TRANSLATE_NOOP("PhonesModel", "Server"),
           Column.ADDRESS: QT_TRANSLATE_NOOP("PhonesModel", "Address"),
           Column.NEXT: QT_TRANSLATE_NOOP("PhonesModel", "Re-registers"),
           Column.NUMBERS: QT_TRANSLATE_NOOP("PhonesModel", "Rings for")}


def when(moment: datetime | None) -> str:
    """A moment in a sentence ("Last checked {when}"): ``dates.in_sentence``."""
    return dates.in_sentence(moment) if moment is not None else ""


def status_text(phone: Phone) -> str:
    reg = phone.registration
    if reg is None:
        return translate("PhonesModel", "Not checked yet")
    return translate("PhonesModel", "Online") if reg.registered else translate("PhonesModel",
        "Offline")


def server_text(phone: Phone, servers: dict[str, Server]) -> str:
    reg = phone.registration
    point = reg.first if reg is not None else None
    if point is None:
        return ""
    known = servers.get(point.server_pop)
    return (known.name if known is not None else "") or point.server_name or point.server_hostname


def address_text(phone: Phone) -> str:
    reg = phone.registration
    point = reg.first if reg is not None else None
    if point is None:
        return ""
    transport = f" ({point.transport})" if point.transport else ""
    return f"{point.ip}{transport}"


def rings_for_text(phone: Phone) -> str:
    """"(617) 555-0100, (617) 555-0111 (Sales team)": the numbers routed to the
    phone, then those that ring it through a ring group (named after it)."""
    direct = [format_number(n) for n in phone.numbers]
    grouped = [translate("PhonesModel", "{number} ({group})").format(
        number=format_number(n), group=group) for n, group in phone.group_numbers]
    return ", ".join(direct + grouped)


class PhonesModel(QAbstractTableModel):
    """Rows keyed by account; ``apply`` takes the phones as the change set leaves them."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.phones: list[Phone] = []
        self.servers: dict[str, Server] = {}

    def set_servers(self, servers: Sequence[Server]) -> None:
        if servers:
            self.servers = {s.pop: s for s in servers}

    def apply(self, phones: Sequence[Phone]) -> None:
        """Rows removed, inserted and changed in place (selection survives a poll)."""
        wanted = {p.account for p in phones}
        for row in reversed(range(len(self.phones))):
            if self.phones[row].account not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.phones[row]
                self.endRemoveRows()
        index = {p.account: i for i, p in enumerate(self.phones)}
        for phone in phones:
            at = index.get(phone.account)
            if at is None:
                end = len(self.phones)
                self.beginInsertRows(QModelIndex(), end, end)
                self.phones.append(phone)
                self.endInsertRows()
            else:
                self.phones[at] = phone
        if self.phones:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.phones) - 1, len(Column) - 1))

    def phone_at(self, row: int) -> Phone | None:
        return self.phones[row] if 0 <= row < len(self.phones) else None

    def row_of(self, account: str) -> int:
        return next((i for i, p in enumerate(self.phones) if p.account == account), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.phones)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("PhonesModel", HEADERS[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        phone = self.phone_at(index.row())
        if phone is None or not index.isValid():
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(phone, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(phone, column))
        if (role == Qt.ItemDataRole.ForegroundRole and column is Column.STATUS
                and phone.registration is not None and not phone.registration.registered):
            # What the badge counts stands out, as a missed call does in Calls.
            return style.error_color(QApplication.palette())
        return None

    def text(self, phone: Phone, column: Column) -> str:
        reg = phone.registration
        point = reg.first if reg is not None else None
        if column is Column.PHONE:
            return localized(phone.label)
        if column is Column.STATUS:
            return status_text(phone)
        if column is Column.WHERE:
            return server_text(phone, self.servers)
        if column is Column.ADDRESS:
            return address_text(phone)
        if column is Column.NEXT:
            if point is None or point.expires is None:
                return ""
            # As every list writes a moment: "Today 21:29".
            return dates.list_date(point.expires, datetime.now().astimezone())
        return rings_for_text(phone)

    def tooltip(self, phone: Phone, column: Column) -> str:
        if column is Column.PHONE:
            return phone.account
        if column is Column.STATUS and phone.registration is not None:
            return translate("PhonesModel", "Last checked {when}").format(
                when=when(phone.registration.checked_at))
        if column is Column.NUMBERS and phone.group_numbers:
            return "\n".join([
                *(translate("PhonesModel", "{number}: routed to this phone").format(
                    number=format_number(n)) for n in phone.numbers),
                *(translate("PhonesModel", "{number}: rings the ring group “{group}”, "
                            "this phone among its members").format(
                    number=format_number(n), group=group) for n, group in phone.group_numbers),
            ])
        return self.text(phone, column)
