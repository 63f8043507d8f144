"""The local change log: what was changed on which number, when, and whether it stuck.

Routes are kept in the log as API strings (stable even if a target is renamed)
and shown in words with the current target lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.did_edit import FIELD_LABELS
from app.domain.models.numbers import ChangeLogEntry
from app.domain.phone import format_number
from app.domain.routing_labels import TargetLists, describe_raw
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui import dates
from app.ui.i18n import localized, translate
from app.ui.style import error_color

_Index = QModelIndex | QPersistentModelIndex
_ROUTE_FIELDS = {
    FIELD_LABELS[name]
    for name in ("routing", "failover_busy", "failover_unreachable", "failover_noanswer")
}
HEADERS = (QT_TRANSLATE_NOOP("ChangeLogModel", "When"), QT_TRANSLATE_NOOP("ChangeLogModel",
    "Number"),
           QT_TRANSLATE_NOOP("ChangeLogModel", "Change"), QT_TRANSLATE_NOOP("ChangeLogModel",
               "Result"))


def change_text(entry: ChangeLogEntry, lists: TargetLists) -> str:
    if entry.field in _ROUTE_FIELDS:
        old, new = describe_raw(entry.old, lists), describe_raw(entry.new, lists)
    else:
        empty = translate("ChangeLogModel", "(empty)")
        old, new = entry.old or empty, entry.new or empty
    # The field's name is stored in English (a marked word): shown in the UI's language.
    field = localized(entry.field)
    return f"{field[:1].upper()}{field[1:]}: {localized(old)} → {localized(new)}"


def result_text(entry: ChangeLogEntry) -> str:
    if entry.pending:
        return translate("ChangeLogModel", "Saving…")
    if entry.ok:
        return translate("ChangeLogModel", "Saved")
    if entry.reason:
        # "Not saved", not "Refused": VoIP.ms may never have heard of it (offline, a
        # window closed before the answer); the reason says which.
        return translate("ChangeLogModel", "Not saved: {reason}").format(
            reason=localized(entry.reason))
    return translate("ChangeLogModel", "Not saved")


class ChangeLogModel(QAbstractTableModel):
    """Newest first; new entries are inserted at the top."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ChangeLogEntry] = []
        self._lists: TargetLists = {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return translate("ChangeLogModel", HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return dates.long_date_time(entry.when.astimezone())  # to the second
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                # As every list writes a moment ("Today 21:11"); the tooltip has the rest.
                return dates.list_date(entry.when, datetime.now().astimezone())
            if column == 1:
                return format_number(entry.did)
            if column == 2:
                return change_text(entry, self._lists)
            if column == 3:
                return result_text(entry)
        if (role == Qt.ItemDataRole.ForegroundRole and column == 3 and not entry.ok
                and not entry.pending):
            return QBrush(error_color(QGuiApplication.palette()))
        return None

    def set_lists(self, lists: TargetLists) -> None:
        self._lists = lists
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))

    def set_entries(self, entries: Sequence[ChangeLogEntry]) -> None:
        """Entries newest first. Only the new head is inserted when the rest is unchanged."""
        entries = list(entries)
        fresh = len(entries) - len(self._rows)
        if self._rows and fresh > 0 and entries[fresh:] == self._rows:
            self.beginInsertRows(QModelIndex(), 0, fresh - 1)
            self._rows = entries
            self.endInsertRows()
            return
        if entries == self._rows:
            return
        self.beginResetModel()
        self._rows = entries
        self.endResetModel()

    def add_entries(self, entries: Sequence[ChangeLogEntry]) -> None:
        """Entries just written (in the order written): inserted at the top, as the
        store lists them (newest first; the last written first within one change).
        A line already shown (written pending, now settled) is replaced where it is."""
        shown = {_key(row): i for i, row in enumerate(self._rows) if row.change_id}
        new: list[ChangeLogEntry] = []
        for entry in entries:
            at = shown.get(_key(entry)) if entry.change_id else None
            if at is None:
                new.append(entry)
                continue
            self._rows[at] = entry
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(HEADERS) - 1))
        if not new:
            return
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._rows[:0] = reversed(new)
        self.endInsertRows()

    def entries(self) -> list[ChangeLogEntry]:
        return list(self._rows)

    def entry(self, row: int) -> ChangeLogEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


def _key(entry: ChangeLogEntry) -> tuple[str, str, str]:
    """A line of the log: one field of one number in one change (pending or settled)."""
    return (entry.change_id, entry.did, entry.field)


def undoable(entry: ChangeLogEntry | None) -> bool:
    """A saved change with a change id (a refused one changed nothing to undo)."""
    return entry is not None and entry.ok and bool(entry.change_id)


class ChangeLogView(QTableView):
    def __init__(self, model: ChangeLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numbersChangeLog")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        # Sized by the longest forms their texts take, not "to contents": the
        # horizontal header sized them once, with no line yet, and never again, so
        # the first change read "5 dé…" / "(617) …".
        metrics = self.fontMetrics()
        when = max(dates.list_date_samples(), key=metrics.horizontalAdvance)
        for column, sample in ((0, when), (1, "(617) 555-0100")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        # Room for a typical refusal ("Not saved: This is not a valid Ring group.").
        header.resizeSection(3, 340)


class ChangeLogPanel(QWidget):
    """The log under the table: a title saying whether anything was changed, the view,
    and "Undo this change" for the selected line (also in its context menu)."""

    #: The change id of the line the user wants undone (every line of that change).
    undo_requested = Signal(str)

    def __init__(self, model: ChangeLogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("changeLogTitle")
        header.addWidget(self.title, 1)
        self.undo_button = QPushButton(translate("ChangeLogPanel", "Undo this change"), self)
        self.undo_button.setObjectName("changeLogUndo")
        self.undo_button.setToolTip(
            translate(
                "ChangeLogPanel",
                "Put the numbers of the selected change back as they were before it",
            ))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        header.addWidget(self.undo_button)
        layout.addLayout(header)
        self.view = ChangeLogView(model, self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_selection_changed)
        # A selected "Saving…" line that VoIP.ms confirms becomes undoable where it is.
        model.dataChanged.connect(self._on_selection_changed)
        layout.addWidget(self.view)

    def selected_entry(self) -> ChangeLogEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self._model.entry(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def build_context_menu(self) -> QMenu:
        menu = QMenu(self)
        action = menu.addAction(translate("ChangeLogPanel", "Undo this change"))
        action.setEnabled(undoable(self.selected_entry()))
        action.triggered.connect(self._on_undo_button_clicked)
        return menu

    def _on_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        self.build_context_menu().popup(self.view.viewport().mapToGlobal(pos))

    def _on_selection_changed(self, *_args: object) -> None:
        self.undo_button.setEnabled(undoable(self.selected_entry()))

    def _on_undo_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None and undoable(entry):
            self.undo_requested.emit(entry.change_id)

    def update_title(self) -> None:
        suffix = (translate("ChangeLogPanel", "changes made from this computer")
                  if self._model.rowCount()
                  else translate("ChangeLogPanel", "nothing changed from this computer yet"))
        self.title.setText(translate(
            "ChangeLogPanel",
            "<b>Change log</b> ({suffix})",
        ).format(suffix=suffix))
