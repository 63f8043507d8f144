"""The Calls tab: filters, the call history (paged), actions on a call, recordings.

The history is read from the store a page at a time (``CallsService.page``:
SQL on the store's worker thread, newest first) and more pages are read as the
list is scrolled to its end. After that the tab follows the service's change
sets (``changed``, heard through ``QtEventListener``): new calls that the
filter selects are inserted, changed ones updated, and the unseen missed-call
count becomes the tab's badge. Selecting an unseen missed call marks it seen.
Every action goes through ``run_operation`` (one message per failure).
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.calls import CallFilter
from app.domain.models.calls import CallRow, Totals
from app.domain.phone import format_number
from app.domain.routing import is_main_account
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.calls.changes import CallChanges
from app.services.calls.service import CallsService, caller_label
from app.services.root import AppServices
from app.ui import dates, feedback, style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.operations import run_in_background, run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.calls.dialogs import CallDialogs
from app.ui.tabs.calls.model import (
    HEADERS,
    CallTableModel,
    Column,
    format_cost,
    format_seconds,
    phone_label,
    tr,
)
from app.ui.widgets.record_table import record_table
from app.ui.widgets.stretch_column import GrowingColumn, StretchColumn
from app.ui.widgets.wrap_row import WrapRow

if TYPE_CHECKING:
    from app.ui.widgets.player import AudioPlayer

#: (days, label) of the period filter; 0 = everything stored.
#: Labels are marked for the catalog and translated when the combo boxes are filled.
PERIODS = ((1, QT_TRANSLATE_NOOP("calls", "Today")),
           (7, QT_TRANSLATE_NOOP("calls", "Last 7 days")),
           (30, QT_TRANSLATE_NOOP("calls", "Last 30 days")),
           (90, QT_TRANSLATE_NOOP("calls", "Last 90 days")),
           (0, QT_TRANSLATE_NOOP("calls", "All calls")))
OUTCOMES = (("all", QT_TRANSLATE_NOOP("calls", "All calls")),
            ("missed", QT_TRANSLATE_NOOP("calls", "Missed")),
            ("answered", QT_TRANSLATE_NOOP("calls", "Answered")))
PAGE = 200
#: More changed rows than this are shown by reading the page again, not merged.
BULK_CHANGE_ROWS = 500


@runtime_checkable
class ConversationOpener(Protocol):
    """The main window: shows the Messages tab on a conversation."""

    async def open_conversation(self, did: str, contact: str) -> None: ...


@runtime_checkable
class VoicemailOpener(Protocol):
    """The main window: shows the Voicemail tab on one message (mailbox, folder, number)."""

    async def open_voicemail(self, key: tuple[str, str, int]) -> None: ...


def totals_text(totals: Totals) -> str:
    calls = translate("calls", "%n call(s)", "", totals.calls)
    minutes = translate("calls", "{time} talk time").format(time=format_seconds(totals.seconds))
    return f"{calls} · {minutes} · {format_cost(totals.cost)}"


class CallsTab(TabBase):
    key = "calls"
    title = "Calls"

    def __init__(self, ctx: AppServices, service: CallsService, *,
                 dialogs: CallDialogs | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.service = service
        self.poller = service.polling
        self.dialogs = dialogs or CallDialogs()
        self._filter = CallFilter()
        self._more = False
        self._loading_more = False
        self._refreshed = False
        self._reload_task: asyncio.Task[None] | None = None
        self._totals_task: asyncio.Task[None] | None = None
        self._playing: CallRow | None = None
        self._player: AudioPlayer | None = None

        self.outcome = self._combo(translate("CallsTab", "Show"), OUTCOMES)
        self.did_filter = self._combo(translate(
            "CallsTab",
            "My number",
        ), (("", translate(
            "CallsTab",
            "All my numbers",
        )),))
        self.phone_filter = self._combo(translate("CallsTab", "Phone"), (("", translate("CallsTab",
            "All phones")),))
        self.period = self._combo(translate(
            "CallsTab",
            "Period",
        ), tuple((d, label) for d, label in PERIODS))
        self.period.setCurrentIndex(2)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("CallsTab", "Search name or number"))
        self.search.setAccessibleName(translate("CallsTab", "Search calls"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)

        self.model = CallTableModel(self)
        self.table = self._build_table()
        self.empty_label = QLabel(translate("CallsTab", "Loading calls…"), self)
        style.set_look(self.empty_label, style.MUTED)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.totals_label = QLabel("", self)
        self.totals_label.setTextFormat(Qt.TextFormat.PlainText)
        style.set_look(self.totals_label, style.MUTED)

        self.call_button = self._button(translate(
            "CallsTab",
            "Call back",
        ), translate(
            "CallsTab",
            "Call this number with your softphone",
        ))
        self.text_button = self._button(translate(
            "CallsTab",
            "Text back",
        ), translate(
            "CallsTab",
            "Open a conversation with this number",
        ))
        self.copy_button = self._button(translate(
            "CallsTab",
            "Copy number",
        ), translate(
            "CallsTab",
            "Copy the number (Ctrl+C)",
        ))
        self.contact_button = self._button(translate(
            "CallsTab",
            "Add to contacts…",
        ), translate(
            "CallsTab",
            "Save the caller in the phonebook",
        ))
        self.seen_button = self._button(translate(
            "CallsTab",
            "Mark all seen",
        ), translate(
            "CallsTab",
            "Clear the missed-call count",
        ))
        self.export_button = self._button(translate(
            "CallsTab",
            "Export CSV…",
        ), translate(
            "CallsTab",
            "Save the calls shown as a spreadsheet",
        ))
        self.play_button = self._button(translate(
            "CallsTab",
            "Play recording",
        ), translate(
            "CallsTab",
            "Play the call's recording",
        ))
        self.save_button = self._button(translate(
            "CallsTab",
            "Save recording…",
        ), translate(
            "CallsTab",
            "Save the recording as an MP3 file",
        ))
        self.delete_button = self._button(translate(
            "CallsTab",
            "Delete recording…",
        ), translate(
            "CallsTab",
            "Delete the recording at VoIP.ms",
        ))
        self.email_button = self._button(translate("CallsTab", "E-mail recording…"),
                                         translate(
                                             "CallsTab",
                                             "Have VoIP.ms e-mail the recording to an address",
                                         ))
        self.voicemail_button = self._button(translate("CallsTab", "Voicemail"),
                                             translate(
                                                 "CallsTab",
                                                 "Open the voicemail the caller left",
                                             ))
        #: The address the last recording went to (the next one is offered the same).
        self._recording_email = ""
        self.now_playing = QLabel("", self)
        self.now_playing.setTextFormat(Qt.TextFormat.PlainText)
        style.set_look(self.now_playing, style.MUTED)
        self.player_row = QHBoxLayout()
        self._layout()
        self._connect()
        self.update_actions()

    # --- construction -------------------------------------------------------------------

    def _combo(self, name: str, items: tuple[tuple[object, str], ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        for data, label in items:
            combo.addItem(tr(label), data)
        return combo

    def _group(self, *buttons: QPushButton) -> QWidget:
        """Buttons side by side, as one piece of a ``WrapRow``."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return group

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        return button

    def _build_table(self) -> QTableView:
        table = record_table(self, self.model, accessible_name=translate("CallsTab", "Calls"))
        table.setSortingEnabled(False)  # newest first, paged from the store
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        # The name fills the spare width; a narrow window scrolls rather than eliding it.
        self.name_column = StretchColumn(table, Column.NAME, metrics.averageCharWidth() * 16)
        # Samples of the widest texts, in the UI's language.
        widths = {Column.DATE: max(dates.list_date_samples(), key=metrics.horizontalAdvance),
                  Column.DIRECTION: translate("calls", "↗ Out"),
                  Column.NUMBER: "(555) 555-5555", Column.DID: "(555) 555-5555",
                  Column.PHONE: translate("calls", "Main account"),
                  Column.DURATION: tr(HEADERS[Column.DURATION]),
                  Column.OUTCOME: translate("calls", "No answer"), Column.COST: "$0.0000",
                  Column.RECORDING: translate("calls", "✉ Voicemail")}
        for column, sample in widths.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)
        # Wide enough for the phones' names ("Kitchen wall phone"), which the owner
        # chose on the portal, once they are known.
        self.phone_names_column = GrowingColumn(table, Column.PHONE, most_chars=24)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for combo in (self.outcome, self.did_filter, self.phone_filter, self.period):
            filters.addWidget(combo)
        filters.addWidget(self.search, 1)
        # Each row's right-hand group goes below the rest when the window is too
        # narrow for one line (WrapRow).
        on_call = self._group(self.call_button, self.text_button, self.copy_button,
                              self.contact_button, self.voicemail_button)
        on_list = self._group(self.seen_button, self.export_button)
        playing = QWidget(self)
        playing.setLayout(self.player_row)
        self.player_row.setContentsMargins(0, 0, 0, 0)
        self.player_row.addWidget(self.play_button)
        self.player_row.addWidget(self.now_playing, 1)
        on_recording = self._group(self.save_button, self.email_button, self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(WrapRow(on_call, on_list))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.totals_label)
        layout.addLayout(WrapRow(playing, on_recording))
        self.empty_label.hide()

    def _connect(self) -> None:
        self._events = QtEventListener(self)
        self._events.listen(self.service.changed, self._on_service_changed)
        self._events.listen(self.poller.failed, self._on_poller_failed)
        for combo in (self.outcome, self.did_filter, self.phone_filter, self.period):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.call_button.clicked.connect(self._on_call_button_clicked)
        self.text_button.clicked.connect(self._on_text_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.contact_button.clicked.connect(self._on_contact_button_clicked)
        self.seen_button.clicked.connect(self._on_seen_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.email_button.clicked.connect(self._on_email_button_clicked)
        self.voicemail_button.clicked.connect(self._on_voicemail_button_clicked)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table)
        copy.activated.connect(self._on_copy_button_clicked)

    # --- TabBase --------------------------------------------------------------------------

    async def read_cache(self) -> None:
        self.badge_changed.emit(await self.service.unseen_count())
        await self._fill_choices()
        await self.reload()

    async def refresh(self) -> None:
        await self.service.sync()
        self._refreshed = True
        await self._fill_choices()
        self._show_state()
        if not self.poller.active:
            self.poller.start()

    def search_box(self) -> QLineEdit:
        return self.search

    def search_results(self) -> QTableView:
        return self.table

    def shutdown(self) -> None:
        self.poller.stop()
        self._events.close()
        for task in (self._reload_task, self._totals_task):
            if task is not None:
                task.cancel()
        player = self._player
        if player is not None:
            player.stop()

    # --- state ------------------------------------------------------------------------------

    @property
    def filter(self) -> CallFilter:
        return self._filter

    def current_filter(self) -> CallFilter:
        days = int(self.period.currentData() or 0)
        return CallFilter(
            outcome=str(self.outcome.currentData()),
            did=str(self.did_filter.currentData() or ""),
            account=str(self.phone_filter.currentData() or ""),
            since=self.service.since(days) if days else None,
            query=self.search.text().strip(),
        )

    def selected_row(self) -> CallRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_call(self, call_id: str) -> bool:
        row = self.model.row_of(call_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    async def reload(self) -> None:
        """Read the first page of what the filter selects (and its totals)."""
        wanted = self.current_filter()
        rows = await self.service.page(wanted, limit=PAGE)
        totals = await self.service.totals(wanted)
        if wanted != self.current_filter():
            return  # the user changed the filter meanwhile; that reload follows
        self._filter = wanted
        self._more = len(rows) == PAGE
        self.model.show_rows(rows)
        self.totals_label.setText(totals_text(totals))
        self._show_state()
        self.update_actions()

    async def load_more(self) -> None:
        if not self._more or self._loading_more:
            return
        self._loading_more = True
        try:
            wanted = self._filter
            rows = await self.service.page(wanted, limit=PAGE, offset=self.model.rowCount())
            if wanted != self._filter:
                return
            self._more = len(rows) == PAGE
            known = {r.id for r in self.model.rows()}
            self.model.apply(self.model.rows() + [r for r in rows if r.id not in known])
        finally:
            self._loading_more = False

    def _schedule_reload(self) -> None:
        if self._reload_task is not None and not self._reload_task.done():
            self._reload_task.cancel()
        self._reload_task = asyncio.ensure_future(self.reload())

    async def _fill_choices(self) -> None:
        dids, phones = await self.service.choices()
        self._set_choices(self.did_filter, translate("CallsTab", "All my numbers"),
                          [(d, format_number(d)) for d in dids])
        # Named as the table names them; the main account first, then by name.
        named = sorted(((account, phone_label(account, name)) for account, name in phones),
                       key=lambda choice: (not is_main_account(choice[0]), choice[1].casefold()))
        self._set_choices(self.phone_filter, translate("CallsTab", "All phones"), named)
        self.phone_names_column.fit(label for _, label in named)

    def _set_choices(self, combo: QComboBox, all_label: str,
                     items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        blocked = combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, "")
        for data, label in items:
            combo.addItem(label, data)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(blocked)

    def apply_changes(self, changes: CallChanges) -> None:
        """Show what a sync or command changed in the store (no re-read of the list)."""
        if changes.unseen is not None:
            self.badge_changed.emit(changes.unseen)
        if changes.bulk or len(changes.upserted) > BULK_CHANGE_ROWS:
            # A first sync or a long backfill: merging tens of thousands of rows here
            # froze the window (~450 ms for 100k calls); the shown page is read again
            # from the store on its thread instead.
            self._schedule_reload()
            self._schedule_totals()
            return
        if changes.upserted:
            shown = {r.id: r for r in self.model.rows()}
            oldest = self.model.row_at(self.model.rowCount() - 1) if self._more else None
            floor = oldest.call.date if oldest is not None else None
            for row in changes.upserted:
                if row.id in shown:
                    if self._filter.matches(row.call, row.contact):
                        shown[row.id] = row
                    else:
                        del shown[row.id]
                elif self._filter.matches(row.call, row.contact) and (
                        floor is None or (row.call.date is not None and row.call.date >= floor)):
                    shown[row.id] = row
            ordered = sorted(shown.values(), reverse=True, key=lambda r: (
                r.call.date.timestamp() if r.call.date else 0, r.id))
            self.model.show_rows(ordered)
            self._show_state()
            self.update_actions()
            self._schedule_totals()

    def _schedule_totals(self) -> None:
        async def update() -> None:
            wanted = self._filter
            totals = await self.service.totals(wanted)
            if wanted == self._filter:
                self.totals_label.setText(totals_text(totals))

        if self._totals_task is not None and not self._totals_task.done():
            self._totals_task.cancel()
        self._totals_task = asyncio.ensure_future(update())

    def _show_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if empty:
            loading = not self._refreshed and self._filter == CallFilter()
            self.empty_label.setText(
                translate(
                    "CallsTab",
                    "Loading calls…",
                ) if loading else translate(
                    "CallsTab",
                    "No calls match these filters.",
                ))

    def update_actions(self) -> None:
        row = self.selected_row()
        has_number = row is not None and bool(row.call.number)
        for button in (self.call_button, self.text_button, self.copy_button,
                       self.contact_button):
            button.setEnabled(has_number)
        if row is not None and (row.contact or not has_number):
            self.contact_button.setEnabled(False)
        recorded = row is not None and row.recording is not None
        for button in (self.play_button, self.save_button, self.email_button,
                       self.delete_button):
            button.setEnabled(recorded)
        self.voicemail_button.setEnabled(row is not None and row.voicemail is not None)
        self.export_button.setEnabled(self.model.rowCount() > 0)

    # --- slots ------------------------------------------------------------------------------

    def _on_service_changed(self, changes: CallChanges) -> None:
        self.apply_changes(changes)

    def _on_poller_failed(self, text: str) -> None:
        self.status_message.emit(translate(
            "CallsTab",
            "Checking for calls failed: {text}",
        ).format(text=localized(text)))

    def _on_filter_changed(self) -> None:
        self._schedule_reload()

    @async_slot(int)
    async def _on_scroll_value_changed(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        if self._more and value >= bar.maximum() - 5:
            await self.load_more()

    def _on_table_selection_changed(self, *_: object) -> None:
        # Synchronous: the buttons follow the selection at once (keyboard users).
        self.update_actions()
        row = self.selected_row()
        if row is not None and row.unseen_missed:
            self._mark_seen_soon(row)

    @async_slot(object)
    async def _mark_seen_soon(self, row: CallRow) -> None:
        await run_in_background(self, self.service.mark_seen([row]),
                                busy_text=translate("CallsTab", "Marking the call seen…"))

    @async_slot(QModelIndex)
    async def _on_table_activated(self, _index: QModelIndex) -> None:
        row = self.selected_row()
        if row is not None and row.recording is not None:
            await self.play(row)
        elif row is not None and row.voicemail is not None:
            await self.open_voicemail(row)

    @async_slot()
    async def _on_voicemail_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            await self.open_voicemail(row)

    async def open_voicemail(self, row: CallRow) -> None:
        """Show the voicemail this caller left, in the Voicemail tab."""
        window = self.window()
        if row.voicemail is not None and isinstance(window, VoicemailOpener):
            await window.open_voicemail(row.voicemail)

    def _on_call_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or not row.call.number:
            return
        url = call_link(row.call.number, self.ctx.settings.call_link_scheme)
        if not self.dialogs.open_url(url):
            feedback.show_message(
                self, translate(
                    "CallsTab",
                    "No program on this computer opens “{value}:” links. Install a softphone, or "
                    "choose the other link type in the settings.",
                ).format(value=url.split(':')[0]),
                level=feedback.Level.WARNING)

    def _on_copy_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None and row.call.number:
            self.dialogs.copy_text(format_number(row.call.number))
            self.status_message.emit(translate(
                "CallsTab",
                "Copied {number}",
            ).format(number=format_number(row.call.number)))

    @async_slot()
    async def _on_text_button_clicked(self) -> None:
        row = self.selected_row()
        window = self.window()
        if row is None or not isinstance(window, ConversationOpener):
            return
        did = row.call.did
        if not did:
            dids, _phones = await self.service.choices()
            did = dids[0] if dids else ""
        await window.open_conversation(did, row.call.number)

    @async_slot()
    async def _on_contact_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        number = format_number(row.call.number)
        name = await self.dialogs.ask_text(
            self, translate(
                "CallsTab",
                "Add to contacts",
            ), translate(
                "CallsTab",
                "Name for {number}:",
            ).format(number=number), row.call.caller_name.title())
        if name is None:
            return
        changes = await run_operation(self.contact_button,
                                      self.service.add_contact(row.call.number, name),
                                      busy_text=translate("CallsTab", "Adding the contact…"))
        if changes is not None:
            self.status_message.emit(translate(
                "CallsTab",
                "Added {name} to the phonebook",
            ).format(name=name))

    @async_slot()
    async def _on_seen_button_clicked(self) -> None:
        await run_operation(self.seen_button, self.service.mark_all_seen(),
                            busy_text=translate("CallsTab", "Marking calls seen…"))

    @async_slot()
    async def _on_export_button_clicked(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        target = await self.dialogs.save_path(
            self, translate(
                "CallsTab",
                "Export calls",
            ), Path.home() / f"Calls {stamp}.csv", translate(
                "CallsTab",
                "CSV files (*.csv)",
            ), "csv")
        if target is None:
            return
        count = await run_operation(self.export_button,
                                    self.service.export_csv(self._filter, target),
                                    busy_text=translate("CallsTab", "Exporting calls…"))
        if count is not None:
            self.status_message.emit(translate(
                "CallsTab",
                "Exported {count} calls to {name}",
            ).format(count=count, name=target.name))

    @async_slot()
    async def _on_play_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None:
            await self.play(row)

    async def play(self, row: CallRow) -> None:
        recording = row.recording
        if recording is None:
            return
        self._playing = row
        self.now_playing.setText(translate(
            "CallsTab",
            "Fetching the recording of {row}…",
        ).format(row=localized(caller_label(row))))
        path = await run_in_background(self, self.service.recording_audio(recording),
                                       busy_text=translate("CallsTab", "Fetching the recording…"))
        if self._playing is not row:
            return
        if path is None:
            self.now_playing.clear()
            return
        self.now_playing.setText(
            translate(
                "CallsTab",
                "{row} · {seconds}",
            ).format(row=localized(caller_label(row)), seconds=format_seconds(recording.seconds)))
        self.audio_player().load(path)

    def audio_player(self) -> AudioPlayer:
        """The shared player, built on first use (QtMultimedia loads then)."""
        if self._player is None:
            from app.ui.widgets.player import AudioPlayer

            player = AudioPlayer(self)
            player.failed.connect(self._on_player_failed)
            self.player_row.insertWidget(1, player, 2)
            self._player = player
        return self._player

    def _on_player_failed(self, text: str) -> None:
        feedback.show_message(self, text, level=feedback.Level.WARNING)

    @async_slot()
    async def _on_save_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.recording is None:
            return
        stamp = row.call.date.astimezone().strftime("%Y-%m-%d %H%M") if row.call.date else "call"
        safe = "".join(c if c.isalnum() else "-" for c in caller_label(row)).strip("-")
        target = await self.dialogs.save_path(
            self, translate(
                "CallsTab",
                "Save recording",
            ), Path.home() / f"Call {stamp} {safe}.mp3",
            translate("CallsTab", "MP3 audio (*.mp3)"), "mp3")
        if target is None:
            return
        saved = await run_operation(self.save_button,
                                    self.service.save_recording(row.recording, target),
                                    busy_text=translate("CallsTab", "Saving the recording…"))
        if saved is not None:
            self.status_message.emit(translate("CallsTab", "Saved {name}").format(name=saved.name))

    @async_slot()
    async def _on_email_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.recording is None:
            return
        default = self._recording_email or await self.service.default_recording_email()
        email = await self.dialogs.ask_text(
            self, translate("CallsTab", "E-mail recording"),
            translate(
                "CallsTab",
                "Send the recording of the call with {row} to:",
            ).format(row=localized(caller_label(row))), default)
        if email is None:
            return
        sent = await run_operation(self.email_button,
                                   self.service.email_recording(row.recording, email),
                                   busy_text=translate(
                                       "CallsTab",
                                       "Asking VoIP.ms to e-mail the recording…",
                                   ))
        if sent is not None:
            self._recording_email = email.strip()
            self.status_message.emit(sent)

    @async_slot()
    async def _on_delete_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.recording is None:
            return
        ok = await self.dialogs.confirm(
            self, translate(
                "CallsTab",
                "Delete the recording of the call with {row}? It is deleted at VoIP.ms too and "
                "cannot be recovered.",
            ).format(row=localized(caller_label(row))), translate(
                "CallsTab",
                "Delete",
            ))
        if not ok:
            return
        if self._playing is not None and self._playing.id == row.id and self._player:
            self._player.stop()
        await run_operation(self.delete_button, self.service.delete_recording(row.recording),
                            busy_text=translate("CallsTab", "Deleting the recording…"))


def call_link(number: str, scheme: str) -> str:
    """``tel:+16175550142`` / ``sip:16175550142`` for NANP numbers; others as dialled."""
    digits = "".join(c for c in number if c.isdigit())
    if len(digits) == 10:
        digits = "1" + digits
    return f"sip:{digits}" if scheme == "sip" else f"tel:+{digits}"
