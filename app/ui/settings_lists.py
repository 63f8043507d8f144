"""Settings > Lists: the lookup lists Switchboard keeps, in words a business owner reads.

One row per list (plain name, how many entries, "updated 3 days ago" / "never
fetched"), the selected list's entries in readable columns (the raw rows under
"Advanced"), and Refresh buttons with progress; "Refresh all" turns into "Stop"
while it runs. Selecting a list reads the cache only: the background refresh
(``LookupService.polling``) keeps the copies fresh, the buttons force it. The page
hears ``LookupService.changed`` (through ``QtEventListener``), so a refresh made
anywhere (the background, the main window's "Refresh everything") shows at once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.words import QT_TRANSLATE_NOOP
from app.services.lookups.readable import (
    Table,
    age_words,
    entries_words,
    raw_table,
    readable_table,
)
from app.services.lookups.service import LookupResult, LookupService, all_list_names
from app.ui import style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.operations import run_operation

# Marked for the catalog, translated where shown (this runs before the translator).
OVERVIEW_HEADERS = (QT_TRANSLATE_NOOP("ListsPage", "List"),
                    QT_TRANSLATE_NOOP("ListsPage", "Entries"),
                    QT_TRANSLATE_NOOP("ListsPage", "Updated"))
NAME_ROLE = Qt.ItemDataRole.UserRole


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _read_only_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _item(text: str) -> QTableWidgetItem:
    # Server text (names, descriptions) is plain text: a table item never renders markup.
    return QTableWidgetItem(text)


class ListsPage(QWidget):
    """The *Lists* page of the settings dialog (``lookups`` ``None``: not signed in)."""

    def __init__(
        self,
        lookups: LookupService | None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        super().__init__(parent)
        self._lookups = lookups
        self._clock = clock
        self.names = all_list_names()
        self._refresh_all_task: asyncio.Future[dict[str, str | None]] | None = None
        self._current: LookupResult | None = None

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        style.set_look(self.intro, style.MUTED)
        self.overview = _read_only_table(self)
        self.overview.setColumnCount(len(OVERVIEW_HEADERS))
        self.overview.setHorizontalHeaderLabels(
            [translate("ListsPage", h) for h in OVERVIEW_HEADERS])
        self.overview.setRowCount(len(self.names))
        for row, (name, label) in enumerate(self.names.items()):
            first = _item(localized(label))
            first.setData(NAME_ROLE, name)
            self.overview.setItem(row, 0, first)
            self.overview.setItem(row, 1, _item("…"))
            self.overview.setItem(row, 2, _item(""))
        header = self.overview.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.overview.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries = _read_only_table(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.advanced = QCheckBox(translate(
            "ListsPage",
            "Advanced: show the rows as VoIP.ms sent them",
        ), self)
        self.refresh_button = QPushButton(translate("ListsPage", "Refresh this list"), self)
        self.refresh_all_button = QPushButton(translate("ListsPage", "Refresh all lists"), self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addWidget(self.entries, 1)
        right_layout.addWidget(self.advanced)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.overview)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.refresh_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        if lookups is None:
            self.setEnabled(False)
            self.intro.setText(translate("ListsPage", "Lists are available once signed in."))
            return
        days = lookups.ttl.days
        self.intro.setText(
            translate(
                "ListsPage",
                "Switchboard keeps a copy of these lists from VoIP.ms, so time zones, servers and "
                "routing choices work offline. Copies are refreshed in the background when they "
                "are more than %n day(s) old.", "", days,
            )
        )
        self.state.setText(translate("ListsPage", "Pick a list to see its entries."))
        self.refresh_button.setEnabled(False)
        self.overview.itemSelectionChanged.connect(self._on_overview_item_selection_changed)
        self.advanced.toggled.connect(self._on_advanced_toggled)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.refresh_all_button.clicked.connect(self._on_refresh_all_button_clicked)
        self._events = QtEventListener(self)
        self._events.listen(lookups.changed, self._on_lookups_changed)
        QTimer.singleShot(0, self._on_fill_timer_timeout)

    # --- reading the cache (no network) -------------------------------------------

    def current_list(self) -> str:
        rows = self.overview.selectionModel().selectedRows()
        if not rows:
            return ""
        item = self.overview.item(rows[0].row(), 0)
        return str(item.data(NAME_ROLE)) if item is not None else ""

    def select(self, name: str) -> None:
        self.overview.selectRow(list(self.names).index(name))

    def _row_of(self, name: str) -> int:
        return list(self.names).index(name)

    def show_state(self, name: str, result: LookupResult | None) -> None:
        """The overview row of ``name`` from its cached copy."""
        row = self._row_of(name)
        count = None if result is None else len(result.rows)
        fetched = None if result is None else result.fetched_at
        stale = result is not None and result.stale
        self.overview.setItem(row, 1, _item(localized(entries_words(count))))
        self.overview.setItem(row, 2, _item(localized(
            age_words(fetched, self._clock(), stale=stale))))

    async def reload(self, name: str) -> LookupResult | None:
        if self._lookups is None:
            return None
        result = await self._lookups.cached(name)
        if not shiboken6.isValid(self):  # the dialog closed while the cache was read
            return None
        self.show_state(name, result)
        if name == self.current_list():
            self.show_entries(name, result)
        return result

    async def reload_all(self) -> None:
        for name in self.names:
            await self.reload(name)
            if not shiboken6.isValid(self):
                return
        self._fit_overview()

    def _fit_overview(self) -> None:
        """Wide enough for its three columns: the ages are what the page is about."""
        table = self.overview
        width = table.horizontalHeader().length() + 2 * table.frameWidth()
        width += table.verticalScrollBar().sizeHint().width()
        table.setMinimumWidth(width)

    def show_entries(self, name: str, result: LookupResult | None, error: str = "") -> None:
        self._current = result
        label = localized(self.names[name])
        if result is None:
            self.state.setText(
                translate(
                    "ListsPage",
                    "{label}: never fetched. “Refresh this list” fetches it from VoIP.ms.",
                ).format(label=label)
            )
            self._fill(Table((), []))
            return
        words = localized(age_words(result.fetched_at, self._clock(), stale=result.stale))
        text = translate("ListsPage", "{label}: {entries}, {age}.").format(
            label=label, entries=localized(entries_words(len(result.rows))), age=words)
        if error:
            text += translate(
                "ListsPage", " The last refresh failed ({error}); this is the older copy.",
            ).format(error=localized(error))
        self.state.setText(text)
        table = raw_table(result.rows) if self.advanced.isChecked() else readable_table(
            name, result.rows
        )
        self._fill(table)

    def _fill(self, table: Table) -> None:
        view = self.entries
        view.clear()
        view.setColumnCount(len(table.headers))
        view.setHorizontalHeaderLabels([localized(h) for h in table.headers])
        view.setRowCount(len(table.rows))
        for r, values in enumerate(table.rows):
            for c, value in enumerate(values):
                view.setItem(r, c, _item(localized(value)))  # data is Verbatim
        view.resizeColumnsToContents()

    # --- slots ----------------------------------------------------------------------

    @async_slot()
    async def _on_fill_timer_timeout(self) -> None:
        await self.reload_all()

    @async_slot()
    async def _on_overview_item_selection_changed(self) -> None:
        name = self.current_list()
        self.refresh_button.setEnabled(bool(name) and self._refresh_all_task is None)
        if name:
            await self.reload(name)

    @async_slot(bool)
    async def _on_advanced_toggled(self) -> None:
        name = self.current_list()
        if name:
            await self.reload(name)

    @async_slot(str)
    async def _on_lookups_changed(self, name: str) -> None:
        if name in self.names:
            await self.reload(name)

    @async_slot()
    async def _on_refresh_button_clicked(self) -> None:
        name = self.current_list()
        if self._lookups is None or not name:
            return
        self._busy(translate("ListsPage", "Fetching {name}…").format(
            name=localized(self.names[name])))
        try:
            result = await run_operation(
                self.refresh_button,
                self._lookups.get(name, refresh=True),
                busy_text=translate(
                    "ListsPage",
                    "Fetching {names}…",
                ).format(names=self.names[name]),
            )
        finally:
            if shiboken6.isValid(self):
                self._idle()
        if result is not None and shiboken6.isValid(self):
            self.show_state(name, result)
            if name == self.current_list():
                self.show_entries(name, result, result.error or "")

    @async_slot()
    async def _on_refresh_all_button_clicked(self) -> None:
        if self._refresh_all_task is not None:  # the button says "Stop"
            self._refresh_all_task.cancel()
            return
        if self._lookups is None:
            return
        task = asyncio.ensure_future(
            self._lookups.refresh_all(quiet=True, progress=self._on_refresh_progress)
        )
        self._refresh_all_task = task
        self.refresh_all_button.setText(translate("ListsPage", "Stop"))
        self.refresh_button.setEnabled(False)
        self._busy(translate("ListsPage", "Refreshing all lists…"))
        self.progress.setRange(0, len(self.names))
        try:
            outcome = await run_operation(
                self.refresh_all_button, task, busy_text=translate(
                    "ListsPage",
                    "Refreshing all lists…",
                ), disable=False
            )
        finally:
            self._refresh_all_task = None
            if shiboken6.isValid(self):
                self.refresh_all_button.setText(translate("ListsPage", "Refresh all lists"))
                self.refresh_button.setEnabled(bool(self.current_list()))
                self._idle()
        if not shiboken6.isValid(self):
            return
        if outcome is None:
            self.state.setText(translate(
                "ListsPage",
                "Refresh stopped. The lists not reached yet keep their copies.",
            ))
        else:
            failed = [localized(self.names[n]) for n, e in outcome.items() if e]
            self.state.setText(
                translate("ListsPage", "All lists refreshed.")
                if not failed
                else translate(
                    "ListsPage",
                    "Could not refresh: {failed} (the older copies are kept).",
                ).format(failed=', '.join(failed))
            )
        await self.reload_all()

    def _on_refresh_progress(self, done: int, total: int, name: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        label = self.names.get(name, "")
        self.progress.setFormat(f"{done} of {total}: {label}…" if label else f"{done} of {total}")

    def _busy(self, text: str) -> None:
        self.progress.setRange(0, 0)  # moving until the first step reports
        self.progress.setFormat(text)
        self.progress.show()

    def _idle(self) -> None:
        self.progress.hide()
