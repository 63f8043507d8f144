"""The Fax tab: folders | fax list | preview, with the actions above the preview.

The tab reads a folder from the service when it opens it (the store's worker
answers); after that it follows the service's change sets (``changed``, heard
through ``QtEventListener``): every sync and command says what it changed and
``apply_changes`` updates the rows, the folder list and the unread state it
shows, without reading the folder again. Selecting a fax shows its PDF at once
when it is cached (a file on disk, no API call) or after ``getFaxMessagePDF``
otherwise, and marks it as seen. Every action goes through ``run_operation``
(one message per failure) and the actions' slots live in ``actions.FaxActionsMixin``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.fax import FaxMessage
from app.domain.models.sends import JournalEntry, SendState
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.fax.changes import FaxChanges, UnreadState
from app.services.fax.rules import is_inbound
from app.services.fax.send import FaxSender
from app.services.fax.service import FaxService
from app.services.root import AppServices
from app.ui import dates, style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.keyboard import chain_tab_order
from app.ui.operations import run_in_background, run_operation
from app.ui.tabs.fax.actions import FaxActionsMixin
from app.ui.tabs.fax.dialogs import FaxDialogs
from app.ui.tabs.fax.failure_bar import FailureBar
from app.ui.tabs.fax.folder_list import FolderList, display_name
from app.ui.tabs.fax.message_model import SORT_ROLE, Column, FaxTableModel
from app.ui.widgets.pdf_view import READABLE_ZOOM, PdfViewer
from app.ui.widgets.pending_sends import PendingSends
from app.ui.widgets.record_table import record_table
from app.ui.widgets.stretch_column import StretchColumn
from app.ui.widgets.wrap_row import WrapRow

#: (days, label) offered by the period selector.
#: Texts are marked for the catalog and translated where shown.
PERIODS = ((7, QT_TRANSLATE_NOOP("FaxTab", "Last 7 days")),
           (30, QT_TRANSLATE_NOOP("FaxTab", "Last 30 days")),
           (90, QT_TRANSLATE_NOOP("FaxTab", "Last 90 days")),
           (180, QT_TRANSLATE_NOOP("FaxTab", "Last 6 months")),
           (365, QT_TRANSLATE_NOOP("FaxTab", "Last year")))
PREVIEW_EMPTY = QT_TRANSLATE_NOOP("FaxTab", "Select a fax to see it here.")
#: A fax page is US Letter (8.5 in wide): 612 points.
LETTER_WIDTH_POINTS = 612


class FaxTab(FaxActionsMixin):
    key = "fax"
    title = "Fax"

    def __init__(
        self,
        ctx: AppServices,
        service: FaxService,
        *,
        dialogs: FaxDialogs | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.service = service
        self.poller = service.polling
        self.fax_sender: FaxSender = ctx.fax_sender
        self.dialogs = dialogs or FaxDialogs()
        self.outbox = ctx.media_subdir("fax") / "outbox"
        self._folder = "INBOX"
        self._shown_id: int | None = None
        self._refreshed = False
        self._reload_task: asyncio.Task[None] | None = None
        #: What the tab shows of the store's unread state (from the last change set).
        self._unread = UnreadState()

        self.folders = FolderList(self)
        self.model = FaxTableModel(self.is_unread, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._build_table()
        self.empty_label = QLabel("", self)
        style.set_look(self.empty_label, style.MUTED)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)

        self.send_button = QPushButton(translate("FaxTab", "Send a fax…"), self)
        self.send_button.setToolTip(translate(
            "FaxTab",
            "Compose a fax from PDF, text or image files",
        ))
        self.period = QComboBox(self)
        self.period.setAccessibleName(translate("FaxTab", "Period"))
        for days, label in PERIODS:
            self.period.addItem(translate("FaxTab", label), days)
        wanted = ctx.settings.fax_history_days
        index = self.period.findData(wanted)
        self.period.setCurrentIndex(index if index >= 0 else 2)
        self.count_label = QLabel("", self)
        style.set_look(self.count_label, style.MUTED)

        self.preview = PdfViewer(self, placeholder=translate("FaxTab", PREVIEW_EMPTY))
        #: Fax sends not confirmed yet (sending, checking, not sent): issue #13.1.
        self.pending = PendingSends(self)
        self.failure_bar = FailureBar(self)
        self.build_actions()  # FaxActionsMixin: buttons above the preview
        self._layout()
        self._connect()
        self._show_list_state()
        self.update_actions()
        # Tab follows what the eye sees: folders, the row above the list, the list,
        # then the failed fax's "Send again" and the preview.
        chain_tab_order(
            self.folders.list, self.folders.new_button, self.folders.rename_button,
            self.folders.delete_button, self.send_button, self.period, self.move_button,
            self.delete_button, self.email_button, self.save_button, self.print_button,
            self.table, self.failure_bar.button,
        )

    # --- construction ---------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = record_table(self, self.proxy, accessible_name=translate("FaxTab", "Faxes"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        # Who sent it (or, in Sent, where it went) fills the spare width; a narrow
        # window scrolls rather than eliding every sender to "N…" (French, 660 px).
        self.party_columns = [StretchColumn(table, column, metrics.averageCharWidth() * 16)
                              for column in (Column.FROM, Column.TO)]
        widths = {
            Column.DATE: max(dates.list_date_samples(), key=metrics.horizontalAdvance),
            Column.TO: "(555) 555-5555",
            Column.PAGES: translate("fax", "Pages"),
            Column.STATUS: translate("fax", "Success"),
            Column.DURATION: translate("fax", "Duration"),
        }
        for column, sample in widths.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        return table

    def _layout(self) -> None:
        # One row above the list and the preview: sending and the period on the
        # left, the actions on the selected fax on the right. In the preview's own
        # column those buttons made it at least ~350 px wide, and the list too
        # narrow for "NORTHSIDE FLOUR · (800) 555-0111".
        sending = QWidget(self)
        sending_row = QHBoxLayout(sending)
        sending_row.setContentsMargins(0, 0, 0, 0)
        sending_row.addWidget(self.send_button)
        sending_row.addSpacing(12)
        sending_row.addWidget(QLabel(translate("FaxTab", "Show:"), self))
        sending_row.addWidget(self.period)
        sending_row.addWidget(self.count_label, 1)
        actions = QWidget(self)
        actions.setLayout(self.action_bar)
        self.action_bar.setContentsMargins(0, 0, 0, 0)
        # The actions go below when the window is too narrow for one line.
        top = WrapRow(sending, actions)

        self.content_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        preview_pane = QWidget(self)
        preview_column = QVBoxLayout(preview_pane)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(self.failure_bar)
        preview_column.addWidget(self.preview, 1)
        self.content_splitter.addWidget(self.list_stack)
        self.content_splitter.addWidget(preview_pane)
        # The list just wide enough for its columns at the default window size; a
        # wider window widens both (a fax page reads better large).
        self.content_splitter.setStretchFactor(0, 1)
        self.content_splitter.setStretchFactor(1, 1)
        self.content_splitter.setChildrenCollapsible(False)
        self.content_splitter.setSizes([570, 315])

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(top)
        content_layout.addWidget(self.pending)
        content_layout.addWidget(self.content_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.folders)
        self.splitter.addWidget(content)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 900])
        layout = QVBoxLayout(self)  # the default margins, as in the other tabs
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self._events = QtEventListener(self)
        self._events.listen(self.service.changed, self._on_service_changed)
        self._events.listen(self.poller.failed, self._on_poller_failed)
        self.folders.folder_selected.connect(self._on_folders_folder_selected)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.period.currentIndexChanged.connect(self._on_period_current_index_changed)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        journal = self.fax_sender.journal
        if journal is not None:
            self._events.listen(journal.changed, self._on_journal_changed)
            self.pending.cancel_requested.connect(self._on_pending_cancel_requested)
            self.pending.send_again_requested.connect(self._on_pending_send_again_requested)
            self.pending.dismiss_requested.connect(self._on_pending_dismiss_requested)
            self.pending.check_requested.connect(self._on_pending_check_requested)
        self.failure_bar.send_again.connect(self._on_failure_bar_send_again)
        self.connect_actions()  # FaxActionsMixin

    # --- TabBase ----------------------------------------------------------------------

    async def read_cache(self) -> None:
        self.apply_changes(await self.service.overview())
        self._schedule_reload()
        if self.fax_sender.journal is not None:
            self.pending.set_entries(await self.fax_sender.journal.pending())

    async def refresh(self) -> None:
        await self.service.sync(days=self.days)
        self._refreshed = True
        self._show_list_state()
        if not self.poller.active:
            self.poller.start()
            # Fax sends a previous run left unfinished, looked for in Sent (#13.1).
            if self.fax_sender.journal is not None:
                self._announce_found(await self.fax_sender.journal.recover())

    def _announce_found(self, entries: list[JournalEntry]) -> None:
        """Interrupted fax sends found in Sent leave the strip: say where they went."""
        for entry in entries:
            if entry.state is SendState.SENT:
                self.status_message.emit(
                    translate(
                        "FaxTab",
                        "The fax to {number} that was being sent when Switchboard stopped went "
                        "out: it is in Sent.",
                    ).format(number=format_number(entry.contact)))

    # --- pending fax sends (the send journal) -----------------------------------------

    def _on_journal_changed(self, entry: JournalEntry) -> None:
        self.pending.apply(entry)

    def _on_pending_cancel_requested(self, entry_id: int) -> None:
        if not self.ctx.sends.cancel(("fax", entry_id)):
            self.status_message.emit(translate("FaxTab", "That fax is no longer being sent."))

    @async_slot(int)
    async def _on_pending_send_again_requested(self, entry_id: int) -> None:
        row = self.pending.rows.get(entry_id)
        changes = await run_operation(row.again_button if row is not None else None,
                                      self.fax_sender.send_again(entry_id),
                                      busy_text=translate("FaxTab", "Sending the fax…"))
        if changes is not None:
            self.apply_changes(changes)

    @async_slot(int)
    async def _on_pending_dismiss_requested(self, entry_id: int) -> None:
        if self.fax_sender.journal is not None:
            await run_in_background(self, self.fax_sender.journal.dismiss(entry_id),
                                    busy_text=translate("FaxTab", "Discarding…"))

    @async_slot()
    async def _on_pending_check_requested(self) -> None:
        if self.fax_sender.journal is not None:
            found = await run_in_background(self, self.fax_sender.journal.check(),
                                            busy_text=translate(
                                                "FaxTab",
                                                "Checking unconfirmed faxes…",
                                            ))
            self._announce_found(found or [])

    def start_new(self) -> None:
        self.open_compose()

    def main_list(self) -> QTableView:
        return self.table

    def shutdown(self) -> None:
        if self.compose is not None:
            self.compose.save_draft_blocking()  # the window closes: keep what was typed
        self.poller.stop()
        self._events.close()
        self.cancel_background()

    # --- state -------------------------------------------------------------------------

    @property
    def days(self) -> int:
        return int(self.period.currentData() or 90)

    @property
    def folder(self) -> str:
        return self._folder

    def selected_fax(self) -> FaxMessage | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.fax_at(self.proxy.mapToSource(rows[0]).row())

    def select_fax(self, fax_id: int) -> bool:
        row = self.model.row_of(fax_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def open_folder(self, name: str) -> None:
        """Show folder ``name`` (also one the folder list does not show yet)."""
        self.folders.select(name)
        if self._folder != name:
            self._on_folders_folder_selected(name)

    def is_unread(self, fax: FaxMessage) -> bool:
        return fax.id in self._unread.ids

    @property
    def unread(self) -> UnreadState:
        return self._unread

    async def reload(self) -> None:
        """Read the current folder from the store (on opening it, or another period).

        A change set applied while this read waits cannot be lost: the store has
        one worker thread, so a read queued before a command's write answers
        before it, and the command's change set is applied on top.
        """
        folder = self._folder
        rows = await self.service.messages(folder)
        if folder != self._folder:
            return  # the user moved on; that folder's reload is on its way
        listed = self._listed()
        self._show_rows([f for f in rows if listed(f)])

    def _schedule_reload(self) -> None:
        if self._reload_task is not None and not self._reload_task.done():
            self._reload_task.cancel()
        self._reload_task = asyncio.ensure_future(self.reload())

    def _listed(self) -> Callable[[FaxMessage], bool]:
        """Whether a fax is listed: in the open folder and the chosen period."""
        # Computed once per change set, not per fax: the period comes from the
        # combo box (a Qt call) and a sync may bring a year of faxes.
        folder = self._folder
        cutoff = datetime.now(UTC) - timedelta(days=self.days)
        return lambda fax: fax.folder == folder and (fax.date is None or fax.date >= cutoff)

    def apply_changes(self, changes: FaxChanges) -> None:
        """Show what a sync or command changed in the store (no folder re-read)."""
        folders = list(changes.folders) if changes.folders is not None else None
        renamed = changes.folder
        if folders is not None and renamed is not None:
            names = {f.name for f in folders}
            if self._folder not in names and renamed.name in names:
                # The open folder was renamed: follow it (its faxes carry the new name).
                self._folder = renamed.name
        if changes.unread is not None:
            self._unread = changes.unread
        if changes.names is not None:
            self.model.set_names(changes.names)
        if changes.upserted or changes.removed:
            self._show_rows(changes.applied_to(self.model.faxes, self._listed()))
        if folders is not None or changes.unread is not None:
            shown = folders if folders is not None else self.folders.folders
            self.folders.set_folders(shown, dict(self._unread.by_folder), self._folder)
        if changes.unread is not None:
            self.badge_changed.emit(self._unread.count)
            self.model.refresh_fonts()

    def _show_rows(self, rows: list[FaxMessage]) -> None:
        self.model.apply(rows)
        # Inbound faxes are all "to" our own number and sent ones "from" it:
        # hide the column that says nothing so the others have room.
        if rows:
            inbound = [is_inbound(f) for f in rows]
            self.table.setColumnHidden(Column.TO, all(inbound))
            self.table.setColumnHidden(Column.FROM, not any(inbound))
        self._show_list_state()
        self.update_actions()
        if self._shown_id is not None and self.model.row_of(self._shown_id) < 0:
            self._shown_id = None
            self.preview.clear()
        self.failure_bar.show_for(self.selected_fax())

    def _show_list_state(self) -> None:
        count = self.model.rowCount()
        period = self.period.currentText().lower()
        if count:
            self.list_stack.setCurrentWidget(self.table)
            self.count_label.setText(translate("FaxTab", "%n fax(es)", "", count))
            # The dates shown ("Nov 23 23:11") are narrower than the worst case the
            # column starts with ("Mar 28, 2026 10:24"): give the sender's name the rest.
            self.table.resizeColumnToContents(Column.DATE)
            return
        self.count_label.setText("")
        if not self.folders.folders and not self._refreshed:
            text = translate("FaxTab", "Loading faxes…")
        else:
            text = translate("FaxTab", "No faxes in “{folder}” in the {period}.").format(
                folder=display_name(self._folder), period=period)
        self.empty_label.setText(text)
        self.list_stack.setCurrentWidget(self.empty_label)

    async def showcase(self) -> list[tuple[str, QWidget]]:
        """The newest fax of the folder on show, previewed."""
        fax = self.model.fax_at(self.proxy.mapToSource(self.proxy.index(0, 0)).row())
        if fax is not None and self.select_fax(fax.id):
            await self.show_fax(fax)
        return []

    # --- preview ------------------------------------------------------------------------

    async def show_fax(self, fax: FaxMessage) -> None:
        """Preview ``fax``: instantly from the cache, else after downloading it."""
        self._shown_id = fax.id
        self.failure_bar.show_for(fax)
        self._make_preview_readable()
        cached = self.service.cached_pdf(fax.id)
        if cached is None:
            self.preview.clear(translate("FaxTab", "Loading the fax…"))
            path = await run_in_background(
                self, self.service.pdf(fax), busy_text=translate("FaxTab", "Loading the fax…")
            )
            if not shiboken6.isValid(self.preview):
                return  # the window closed while the fax was loading
            if self._shown_id != fax.id:
                return  # another fax was selected meanwhile
            if path is None:
                self.preview.show_message(translate(
                    "FaxTab",
                    "This fax could not be loaded. Select it to try again.",
                ))
                return
            cached = path
        pages = await run_in_background(
            self, self._load_preview(cached), busy_text=translate("FaxTab", "Opening the fax…")
        )
        if pages is None:
            return  # cannot be shown: the viewer says why in place, and one message
        self.update_actions()
        if self.is_unread(fax):
            await self.service.mark_seen(fax)  # its change set clears the badge

    def _make_preview_readable(self) -> None:
        """Widen the preview to show a page readably, as far as the list can spare.

        The preview started ~330 px wide, where "fit width" showed a letter page at
        40 %. The list keeps the width its columns need (a sender's name must not
        be cut); when what is left is still too narrow, the viewer opens the page
        at READABLE_ZOOM and scrolls sideways.
        """
        sizes = self.content_splitter.sizes()
        if len(sizes) != 2 or sum(sizes) <= 0:
            return
        total = sum(sizes)
        scroll_bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        page = LETTER_WIDTH_POINTS * self.logicalDpiX() / 72.0 * READABLE_ZOOM
        wanted = round(page) + scroll_bar + 24  # the view's margins and the splitter's
        spare = total - self._list_width_needed()
        preview = min(max(sizes[1], wanted), max(sizes[1], spare))
        if preview != sizes[1]:
            self.content_splitter.setSizes([total - preview, preview])

    def _list_width_needed(self) -> int:
        """The list's width with every visible column uncut."""
        table = self.table
        width = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
        for column in range(self.proxy.columnCount()):
            if table.isColumnHidden(column):
                continue
            if column in (Column.FROM, Column.TO):  # stretched: their content counts
                width += table.sizeHintForColumn(column) + 8
            else:
                width += table.columnWidth(column)
        return width

    async def _load_preview(self, path: Path) -> int:
        return self.preview.load(path)

    # --- slots ------------------------------------------------------------------------------

    def _on_service_changed(self, changes: FaxChanges) -> None:
        self.apply_changes(changes)

    def _on_poller_failed(self, text: str) -> None:
        self.status_message.emit(translate(
            "FaxTab",
            "Checking for faxes failed: {text}",
        ).format(text=localized(text)))

    def _on_folders_folder_selected(self, name: str) -> None:
        if name == self._folder and self.model.rowCount():
            return
        self._folder = name
        self._shown_id = None
        self.preview.clear()
        self.failure_bar.show_for(None)
        self.model.apply([])
        self._schedule_reload()

    @async_slot(QItemSelection, QItemSelection)
    async def _on_table_selection_changed(self, *_: object) -> None:
        self.update_actions()
        fax = self.selected_fax()
        self.failure_bar.show_for(fax)
        if fax is None:
            return
        if fax.id != self._shown_id or self.preview.page_count() == 0:
            await self.show_fax(fax)

    @async_slot()
    async def _on_period_current_index_changed(self) -> None:
        self.ctx.settings.fax_history_days = self.days
        self._schedule_reload()
        await run_in_background(
            self, self.service.sync(days=self.days), busy_text=translate(
                "FaxTab",
                "Loading faxes…",
            )
        )

    def _on_failure_bar_send_again(self) -> None:
        fax = self.selected_fax()
        if fax is not None:
            self.spawn(self.send_again(fax))

    def pdf_path_for_save(self, fax: FaxMessage) -> Path:
        stamp = fax.date.astimezone().strftime("%Y-%m-%d") if fax.date else "undated"
        who = (fax.stationid or fax.callerid or fax.destination or "fax").strip()
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in who).strip("-")
        return Path.home() / f"Fax {stamp} {safe or fax.id}.pdf"
