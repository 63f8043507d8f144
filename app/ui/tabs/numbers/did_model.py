"""The DIDs table: one row per number, routing and failovers in words.

Rows are updated in place (``dataChanged`` for one row, ``beginInsertRows`` /
``beginRemoveRows`` for the difference) so selection and scroll position survive
a refresh or an optimistic change. A row whose change is still on its way to the
provider is drawn in italics with a tooltip, so the user sees that it is not yet
confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from app.domain.models.numbers import Did, Server
from app.domain.phone import format_number
from app.domain.routing_labels import TargetLists, describe
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.numbers.changes import DidChangeSet
from app.ui.i18n import localized, translate
from app.ui.plain_text import plain_tooltip
from app.ui.widgets.record_table import record_table

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    DESCRIPTION = 1
    ROUTING = 2
    BUSY = 3
    UNREACHABLE = 4
    NO_ANSWER = 5
    POP = 6
    VOICEMAIL = 7
    DIALTIME = 8
    CNAM = 9
    SMS = 10
    NOTE = 11


# Marked for the catalog, translated where shown (this runs before the translator).
HEADERS: dict[Column, str] = {
    Column.NUMBER: QT_TRANSLATE_NOOP("DidTableModel", "Number"),
    Column.DESCRIPTION: QT_TRANSLATE_NOOP("DidTableModel", "Description"),
    Column.ROUTING: QT_TRANSLATE_NOOP("DidTableModel", "Routing"),
    Column.BUSY: QT_TRANSLATE_NOOP("DidTableModel", "If busy"),
    Column.UNREACHABLE: QT_TRANSLATE_NOOP("DidTableModel", "If unreachable"),
    Column.NO_ANSWER: QT_TRANSLATE_NOOP("DidTableModel", "If no answer"),
    Column.POP: QT_TRANSLATE_NOOP("DidTableModel", "Server"),
    Column.VOICEMAIL: QT_TRANSLATE_NOOP("DidTableModel", "Voicemail"),
    Column.DIALTIME: QT_TRANSLATE_NOOP("DidTableModel", "Ring for"),
    Column.CNAM: QT_TRANSLATE_NOOP("DidTableModel", "Caller names"),
    Column.SMS: QT_TRANSLATE_NOOP("DidTableModel", "Texts"),
    Column.NOTE: QT_TRANSLATE_NOOP("DidTableModel", "Note"),
}

#: Role giving the row's ``Did`` (for selection handling and tests).
DID_ROLE = Qt.ItemDataRole.UserRole + 1


def _yes_no(flag: bool) -> str:
    return translate("DidTableModel", "Yes") if flag else translate("DidTableModel", "No")


class DidTableModel(QAbstractTableModel):
    """Rows of ``Did`` rendered with the cached target lists and servers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Did] = []
        # number -> row, so updates stay O(1) on accounts with thousands of DIDs.
        self._row_by_number: dict[str, int] = {}
        self._lists: TargetLists = {}
        self._servers: dict[str, Server] = {}
        self._pending: dict[str, str] = {}

    # --- Qt interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return translate("DidTableModel", HEADERS[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        did = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(did, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            pending = self._pending.get(did.did)
            if pending:
                return plain_tooltip(translate("DidTableModel", "Saving: {change}").format(
                    change=localized(pending)))
            if column in (Column.ROUTING, Column.BUSY, Column.UNREACHABLE, Column.NO_ANSWER):
                return plain_tooltip(
                    f"{self.display_text(did, column)}\n({self._route_of(did, column)})")
            text = self.display_text(did, column)
            return plain_tooltip(text) if column in (Column.DESCRIPTION, Column.NOTE) and text \
                else None
        if role == Qt.ItemDataRole.FontRole and did.did in self._pending:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DIALTIME,):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DID_ROLE:
            return did
        return None

    # --- rendering -----------------------------------------------------------------

    def _route_of(self, did: Did, column: Column) -> str:
        route = {
            Column.ROUTING: did.routing,
            Column.BUSY: did.failover_busy,
            Column.UNREACHABLE: did.failover_unreachable,
            Column.NO_ANSWER: did.failover_noanswer,
        }[column]
        return route.to_api()

    def server_name(self, pop: str) -> str:
        server = self._servers.get(pop)
        if server is not None:
            return server.name
        return translate("DidTableModel", "POP {pop}").format(pop=pop) if pop else ""

    def display_text(self, did: Did, column: Column) -> str:
        renderers: dict[Column, Callable[[Did], str]] = {
            Column.NUMBER: lambda d: format_number(d.did),
            Column.DESCRIPTION: lambda d: d.description,
            Column.ROUTING: lambda d: localized(describe(d.routing, self._lists)),
            Column.BUSY: lambda d: localized(describe(d.failover_busy, self._lists)),
            Column.UNREACHABLE: lambda d: localized(describe(d.failover_unreachable, self._lists)),
            Column.NO_ANSWER: lambda d: localized(describe(d.failover_noanswer, self._lists)),
            Column.POP: lambda d: self.server_name(d.pop),
            Column.VOICEMAIL: lambda d: d.voicemail or translate("DidTableModel", "None"),
            Column.DIALTIME: lambda d: translate("DidTableModel", "{seconds} s").format(
                seconds=d.dialtime),
            Column.CNAM: lambda d: _yes_no(d.cnam),
            Column.SMS: lambda d: _yes_no(d.sms_enabled),
            Column.NOTE: lambda d: d.note,
        }
        return renderers[column](did)

    # --- updates -------------------------------------------------------------------

    def dids(self) -> list[Did]:
        return list(self._rows)

    def did_at(self, row: int) -> Did | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, number: str) -> int:
        return self._row_by_number.get(number, -1)

    def did(self, number: str) -> Did | None:
        """The row of ``number`` as shown (a change in flight included)."""
        return self.did_at(self.row_of(number))

    def set_lookups(self, lists: TargetLists, servers: Sequence[Server]) -> None:
        """New target lists / servers change only the words, so repaint every row."""
        self._lists = lists
        self._servers = {server.pop: server for server in servers}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def set_dids(self, dids: Sequence[Did]) -> None:
        """Replace the rows by ``dids`` with the smallest set of row signals."""
        wanted = {did.did: did for did in dids}
        # Remove rows that are gone, from the bottom so indexes stay valid.
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].did not in wanted:
                self._remove_row(row)
        for did in dids:
            self.update_did(did, insert=True)

    def apply_changes(self, changes: DidChangeSet) -> None:
        """Apply a change set: rows gone are removed, changed rows repainted (or added).

        Applying the same set twice changes nothing (equal rows are not repainted).
        """
        for number in changes.removed:
            row = self.row_of(number)
            if row >= 0:
                self._remove_row(row)
        for did in changes.changed:
            self.update_did(did, insert=True)

    def _remove_row(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._row_by_number = {d.did: i for i, d in enumerate(self._rows)}
        self.endRemoveRows()

    def update_did(self, did: Did, *, insert: bool = False) -> None:
        """Repaint the row of ``did`` (appending it when ``insert`` and it is new)."""
        row = self.row_of(did.did)
        if row < 0:
            if not insert:
                return
            row = len(self._rows)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.append(did)
            self._row_by_number[did.did] = row
            self.endInsertRows()
            return
        if self._rows[row] == did and did.raw == self._rows[row].raw:
            return
        self._rows[row] = did
        self._emit_row(row)

    def set_pending(self, number: str, what: str | None) -> None:
        """Mark a row as waiting for the provider (``what`` describes the change)."""
        if what:
            self._pending[number] = what
        else:
            self._pending.pop(number, None)
        row = self.row_of(number)
        if row >= 0:
            self._emit_row(row)

    def is_pending(self, number: str) -> bool:
        return number in self._pending

    def _emit_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))


def did_table(parent: QWidget, proxy: QAbstractItemModel) -> QTableView:
    """The DIDs table (sorted by number; the tab adds its context menu)."""
    # Several numbers at once: bulk reroute and presets act on the selection.
    table = record_table(parent, proxy, multi_select=True, grid=True)
    table.setObjectName("didTable")
    table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    # Widths: app/ui/tabs/numbers/columns.py (fitted to the window, no sideways scroll).
    return table


def empty_note(parent: QWidget) -> QLabel:
    """Shown instead of the table while there is no number."""
    label = QLabel(translate(
        "numbers.did_model",
        "No numbers yet. Refresh to load them from VoIP.ms.",
    ), parent)
    label.setObjectName("numbersEmpty")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label
