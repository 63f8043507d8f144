"""Settings: general options, the account, and the cached lookup lists.

The "Lists" page shows every cached list (servers/POPs, time zones, routing
targets...) with its age, lets the user refresh them, and shows the rows of the
selected one; the servers list shows names, POP numbers and "recommended". It
hears the lookup service (``changed``, through ``QtEventListener``), so the list
on show follows a refresh made elsewhere (the main window's "Refresh all").

Signals:
    applied(): settings were changed and saved (the app re-applies theme, timers).
    sign_out_requested(): the user pressed "Sign out" on the Account page.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.config.settings import LANGUAGES, THEMES, Settings
from app.services.lookups.service import (
    LookupResult,
    LookupService,
    all_list_names,
    server_from_row,
)
from app.ui import style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.operations import run_operation

if TYPE_CHECKING:
    from app.config.secrets import Credentials

log = logging.getLogger(__name__)
SERVER_COLUMNS = ("Name", "POP", "Hostname", "Country", "Recommended")
THEME_LABELS = {"system": "Same as the system", "light": "Light", "dark": "Dark"}
#: Each language is named in itself, so a user lost in the wrong one still finds theirs.
LANGUAGE_LABELS = {"system": "Same as the system", "en": "English", "fr": "Français"}


def describe_result(result: LookupResult | None) -> str:
    if result is None:
        return "not fetched yet"
    when = result.fetched_at.astimezone().strftime("%Y-%m-%d %H:%M") if result.fetched_at else "?"
    state = "out of date" if result.stale else "fresh"
    text = f"{len(result.rows)} entries, fetched {when} ({state})"
    if result.error:
        text += f"; refresh failed: {result.error}"
    return text


class SettingsDialog(QDialog):
    applied = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        lookups: LookupService | None,
        credentials: Credentials | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Switchboard settings")
        self.resize(760, 520)
        self._settings = settings
        self._lookups = lookups
        self.pages = QTabWidget(self)
        self.pages.addTab(self._general_page(), "General")
        self.pages.addTab(self._account_page(credentials), "Account")
        self.pages.addTab(self._lists_page(), "Lists")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

    # --- pages ---------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        described = Settings.describe()
        s = self._settings
        self.refresh_minutes = QSpinBox(page)
        self.refresh_minutes.setRange(0, 24 * 60)
        self.refresh_minutes.setSuffix(" min")
        self.refresh_minutes.setValue(s.balance_refresh_minutes)
        self.low_balance = QDoubleSpinBox(page)
        self.low_balance.setRange(0, 100_000)
        self.low_balance.setPrefix("$")
        self.low_balance.setValue(s.low_balance_warning)
        self.ttl_days = QSpinBox(page)
        self.ttl_days.setRange(1, 365)
        self.ttl_days.setSuffix(" days")
        self.ttl_days.setValue(s.lookup_ttl_days)
        self.notifications = QCheckBox("Show desktop notifications", page)
        self.notifications.setChecked(s.notifications)
        self.theme = QComboBox(page)
        for theme in THEMES:
            self.theme.addItem(THEME_LABELS[theme], theme)
        self.theme.setCurrentIndex(max(self.theme.findData(s.theme), 0))
        self.language = QComboBox(page)
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_LABELS[language], language)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.language_note = QLabel("Applied the next time Switchboard starts.", page)
        style.set_look(self.language_note, style.MUTED)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        for name, label, widget in (
            ("balance_refresh_minutes", "Refresh balance every", self.refresh_minutes),
            ("low_balance_warning", "Warn when balance is below", self.low_balance),
            ("lookup_ttl_days", "Keep cached lists for", self.ttl_days),
            ("notifications", "Notifications", self.notifications),
            ("theme", "Colours", self.theme),
            ("language", "Language", self.language),
        ):
            widget.setToolTip(described[name][1])
            form.addRow(label, widget)
        form.addRow("", self.language_note)
        return page

    def _on_language_current_index_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != self._settings.language)

    def _account_page(self, credentials: Credentials | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow("Account e-mail", QLabel(credentials.username if credentials else "—", page))
        where = {
            "keyring": "in this computer's password keyring",
            "session": "in memory for this session only (no keyring available)",
            "environment": "from the VOIPMS_API_* environment variables (not stored)",
        }
        stored = where.get(credentials.source.value, "") if credentials else ""
        form.addRow("API password", QLabel(f"kept {stored}" if stored else "—", page))
        sign_out = QPushButton("Sign out / switch account…", page)
        # Button-sized, not stretched across the page like the form's fields.
        sign_out.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sign_out.clicked.connect(self._on_sign_out_clicked)
        form.addRow("", sign_out)
        return page

    def _lists_page(self) -> QWidget:
        page = QWidget(self)
        self.list_names = all_list_names()
        self.lists = QListWidget(page)
        for name, label in self.list_names.items():
            item = QListWidgetItem(label, self.lists)
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.lists.setMaximumWidth(200)
        self.list_state = QLabel(page)
        style.set_look(self.list_state, style.MUTED)
        self.list_state.setWordWrap(True)
        self.rows_table = QTableWidget(page)
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.verticalHeader().hide()
        self.rows_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.rows_table.setWordWrap(False)
        self.rows_table.horizontalHeader().setStretchLastSection(True)
        self.refresh_list_button = QPushButton("Refresh this list", page)
        self.refresh_all_button = QPushButton("Refresh all lists", page)
        self.refresh_list_button.clicked.connect(self._on_refresh_list_button_clicked)
        self.refresh_all_button.clicked.connect(self._on_refresh_all_button_clicked)
        right = QVBoxLayout()
        right.addWidget(self.list_state)
        right.addWidget(self.rows_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.refresh_list_button)
        row.addWidget(self.refresh_all_button)
        right.addLayout(row)
        layout = QHBoxLayout(page)
        layout.addWidget(self.lists)
        layout.addLayout(right, 1)
        if self._lookups is None:
            page.setEnabled(False)
            self.list_state.setText("Lists are available once signed in.")
        else:
            # Nothing is fetched until a list is picked; say so instead of an empty table.
            self.list_state.setText("Pick a list on the left to see the copy Switchboard keeps.")
            self.lists.currentItemChanged.connect(self._on_lists_current_item_changed)
            self._events = QtEventListener(self)
            self._events.listen(self._lookups.changed, self._on_lookups_changed)
        return page

    # --- lists ---------------------------------------------------------------------

    def current_list(self) -> str:
        item = self.lists.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_rows(self, result: LookupResult) -> None:
        self.list_state.setText(f"{self.list_names[result.name]}: {describe_result(result)}")
        table = self.rows_table
        table.clear()
        if result.name == "servers":
            servers = [server_from_row(r) for r in result.rows]
            servers.sort(key=lambda s: (not s.recommended, s.name))
            columns: list[str] = list(SERVER_COLUMNS)
            cells: list[list[str]] = [
                [s.name, s.pop, s.hostname, s.country, "Yes" if s.recommended else ""]
                for s in servers
            ]
        else:
            keys = _columns(result.rows)
            cells = [[_text(r.get(c)) for c in keys] for r in result.rows]
            columns = [c.replace("_", " ").capitalize() for c in keys]
        table.setColumnCount(len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setRowCount(len(cells))
        for r, values in enumerate(cells):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.resizeColumnsToContents()

    async def _load(self, name: str, *, refresh: bool) -> None:
        if self._lookups is None or not name:
            return
        result = await run_operation(
            self.refresh_list_button,
            self._lookups.get(name, refresh=refresh),
            busy_text=f"Fetching {self.list_names[name]}…",
        )
        if result is not None and name == self.current_list():
            self.show_rows(result)

    @async_slot()
    async def _on_lists_current_item_changed(self) -> None:
        await self._load(self.current_list(), refresh=False)

    @async_slot(str)
    async def _on_lookups_changed(self, name: str) -> None:
        # A fresh copy of the list on show arrived: show it (from the cache, no fetch).
        if name == self.current_list() and self.refresh_list_button.isEnabled():
            await self._load(name, refresh=False)

    @async_slot()
    async def _on_refresh_list_button_clicked(self) -> None:
        await self._load(self.current_list(), refresh=True)

    @async_slot()
    async def _on_refresh_all_button_clicked(self) -> None:
        if self._lookups is None:
            return
        outcome = await run_operation(
            self.refresh_all_button,
            self._lookups.refresh_all(quiet=True),
            busy_text="Refreshing all lists…",
        )
        if outcome is not None:
            failed = [self.list_names[n] for n, e in outcome.items() if e]
            self.list_state.setText(
                "All lists refreshed."
                if not failed
                else f"Could not refresh: {', '.join(failed)} (older copies are kept)."
            )
        await self._load(self.current_list(), refresh=False)

    # --- saving --------------------------------------------------------------------

    def _on_sign_out_clicked(self) -> None:
        self.reject()
        self.sign_out_requested.emit()

    def _on_buttons_accepted(self) -> None:
        s = self._settings
        s.balance_refresh_minutes = self.refresh_minutes.value()
        s.low_balance_warning = float(self.low_balance.value())
        s.lookup_ttl_days = self.ttl_days.value()
        s.notifications = self.notifications.isChecked()
        s.theme = str(self.theme.currentData())
        s.language = str(self.language.currentData())
        s.save()
        self.applied.emit()
        self.accept()


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows[:50]:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns


def _text(value: Any) -> str:
    return "" if value is None else str(value)
