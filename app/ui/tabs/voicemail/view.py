"""The Voicemail tab: mailboxes and folders, the message list, the player.

Everything the user does goes to ``VoicemailService`` through
``run_in_background`` (one message per failure). The service's events reach
the tab through ``QtEventListener``: an ``Overview`` fills the mailbox tree, a
``MessageChanges`` is applied to the open folder's rows (no re-read). Changes
are optimistic in the service, so a click shows at once and a refusal puts the
row back with a message. Rows of another folder are read from the store (on
its worker thread) when the user opens it.

The actions on a message (and the three question hooks tests replace) are
in ``commands.py``, playback in ``playback.py``.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.voicemail import VoicemailFolder, VoicemailMessage
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.root import AppServices
from app.services.voicemail.changes import Key, MessageChanges, Overview, default_folders
from app.services.voicemail.service import VoicemailService
from app.ui import dates, style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import translate
from app.ui.keyboard import chain_tab_order
from app.ui.plain_text import plain_label
from app.ui.tabs.voicemail.actions import MessageActions, action_button
from app.ui.tabs.voicemail.mailbox_tree import MailboxTree, folder_title
from app.ui.tabs.voicemail.message_model import (
    MESSAGE_ROLE,
    SORT_ROLE,
    Column,
    MessageTableModel,
)
from app.ui.tabs.voicemail.playback import PlaybackCommands
from app.ui.widgets.player import AudioPlayer
from app.ui.widgets.record_table import record_table
from app.ui.widgets.stretch_column import StretchColumn
from app.ui.widgets.wrap_row import FlowRow

# Marked for the catalog, translated where shown (this runs before the translator).
NO_MAILBOX_YET = QT_TRANSLATE_NOOP(
    "VoicemailTab", "Your voicemail boxes appear here after the first refresh.")
NO_MAILBOX = QT_TRANSLATE_NOOP(
    "VoicemailTab",
    "This account has no voicemail boxes. Create one in the VoIP.ms customer portal, then refresh.",
)



class VoicemailTab(PlaybackCommands):
    key = "voicemail"
    title = "Voicemail"

    def __init__(
        self,
        ctx: AppServices,
        service: VoicemailService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.service = service
        #: The service's periodic check: started by the first refresh, stopped by shutdown.
        self.poller = service.polling
        #: What the tree shows (mailboxes, folders, counts) and the phonebook names.
        self.overview = Overview()
        self._place: tuple[str, str] | None = None
        #: Set while the open folder's rows are read from the store; changes that
        #: arrive meanwhile wait in ``_pending`` and are applied on top of them.
        self._loading: asyncio.Event | None = None
        self._pending: list[MessageChanges] = []
        self._playing: VoicemailMessage | None = None
        self._refreshed = False
        self._playback_task: asyncio.Future[None] | None = None
        self._open_task: asyncio.Future[None] | None = None

        self.tree = MailboxTree(self)
        self.model = MessageTableModel(self.caller_name, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = record_table(self, self.proxy, accessible_name=translate(
            "VoicemailTab",
            "Voicemail messages",
        ))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._size_columns()
        self.table.sortByColumn(Column.RECEIVED, Qt.SortOrder.DescendingOrder)

        self.empty_label = QLabel(NO_MAILBOX_YET, self)
        style.set_look(self.empty_label, style.MUTED)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.message_actions = MessageActions(self)
        self.action_buttons = self.message_actions.make_buttons(self)
        # The mailbox's own settings (e-mail, attach audio, time zone, language,
        # transcription) are edited in the Phones tab; this is the way there.
        self.settings_action = QAction(translate(
            "VoicemailTab",
            "Mailbox settings…",
        ), self)
        # A button would strip the ellipsis (Qt's iconText); it says a dialog follows.
        self.settings_action.setIconText(translate("VoicemailTab", "Mailbox settings…"))
        self.settings_action.setToolTip(
            translate(
                "VoicemailTab",
                "E-mail, attached audio, time zone, language and transcription of this mailbox",
            ))
        self.settings_button = action_button(self.settings_action, self)
        # Buttons that wrap onto a second line in a narrow window (or in French),
        # rather than a toolbar hiding the last ones behind its "»" menu.
        self.action_row = FlowRow(*self.action_buttons.values(), self.settings_button)
        self.now_playing = plain_label(QLabel(self))  # quotes the caller's name
        style.set_look(self.now_playing, style.MUTED)
        # Wraps rather than widening the window for a very long caller name.
        self.now_playing.setWordWrap(True)
        self.player = AudioPlayer(self)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.action_row)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.now_playing)
        right_layout.addWidget(self.player)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700])
        layout = QVBoxLayout(self)  # the default margins, as in the other tabs
        layout.addWidget(self.splitter)
        # Tab follows what the eye sees: mailboxes, the buttons, the list, the player.
        chain_tab_order(
            self.tree, *self.action_buttons.values(), self.settings_button, self.table,
            self.player.play_button, self.player.seek_slider, self.player.speed_box,
            self.player.volume_slider,
        )
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._connect()
        self._show_empty_state()

    def _connect(self) -> None:
        # The service lives on in the composition root; the listener drops these
        # connections when Qt deletes the tab.
        self._events = QtEventListener(self)
        s = self.service
        self._events.listen(s.overview_changed, self._on_service_overview_changed)
        self._events.listen(s.messages_changed, self._on_service_messages_changed)
        self._events.listen(s.unread_changed, self.badge_changed.emit)
        self._events.listen(self.poller.failed, self.status_message.emit)
        self.tree.folder_selected.connect(self._on_tree_folder_selected)
        selection = self.table.selectionModel()
        # Both: the current row moves before the selection follows it.
        selection.currentRowChanged.connect(self._on_table_current_changed)
        selection.selectionChanged.connect(self._on_table_selection_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.message_actions.play.triggered.connect(self._on_play_triggered)
        self.message_actions.heard.triggered.connect(self._on_heard_triggered)
        self.message_actions.urgent.triggered.connect(self._on_urgent_triggered)
        self.message_actions.move_requested.connect(self._on_move_requested)
        self.message_actions.delete.triggered.connect(self._on_delete_triggered)
        self.message_actions.save.triggered.connect(self._on_save_triggered)
        self.message_actions.email.triggered.connect(self._on_email_triggered)
        self.settings_action.triggered.connect(self._on_settings_triggered)
        self.space_shortcut.activated.connect(self._on_space_activated)
        self.player.started.connect(self._on_player_started)
        self.player.failed.connect(self._on_player_failed)
        self.player.notice.connect(self.status_message)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        # Fixed widths from the font: ResizeToContents would measure every row
        # of a 500-message folder on each change.
        metrics = self.fontMetrics()
        widths = {
            Column.NUMBER: "(555) 555-5555",
            # The widest date the list writes this year ("aujourd'hui 23:59", "28 juill. 23:59").
            Column.RECEIVED: max(dates.list_date_samples(other_years=False),
                                 key=metrics.horizontalAdvance),
            Column.LENGTH: translate("voicemail", "Length"),
            Column.URGENT: translate("voicemail", "Urgent"),
            Column.STATUS: max(translate("voicemail", "Status"), translate("voicemail", "New"),
                               key=len),
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        # The caller fills the spare width; a narrow window scrolls rather than
        # eliding every name to "…".
        self.caller_column = StretchColumn(
            self.table, Column.CALLER, metrics.averageCharWidth() * 16)
        header.setHighlightSections(False)

    # --- TabBase ---------------------------------------------------------------------

    async def read_cache(self) -> None:
        await self.service.load_cached()
        await self._folder_shown()

    async def refresh(self) -> None:
        await self.service.refresh()
        self._refreshed = True
        await self._folder_shown()
        self._show_empty_state()
        if not self.poller.active:
            self.poller.start()

    def main_list(self) -> QTableView:
        return self.table

    def shutdown(self) -> None:
        self.poller.stop()
        self.player.stop()

    # --- selection -------------------------------------------------------------------

    @property
    def place(self) -> tuple[str, str] | None:
        return self._place

    def selected_message(self) -> VoicemailMessage | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        message = index.siblingAtColumn(0).data(MESSAGE_ROLE)
        return message if isinstance(message, VoicemailMessage) else None

    async def open_message(self, key: Key) -> None:
        """Show one message (a call's voicemail link): its folder, the row selected."""
        mailbox, folder, _number = key
        await self.open_folder(mailbox, folder)
        if not self.select_message(key):
            self.status_message.emit(translate(
                "VoicemailTab",
                "That voicemail is no longer in its folder.",
            ))
        self.table.setFocus()

    @async_slot()
    async def _on_settings_triggered(self) -> None:
        window = self.window()
        mailbox = self._place[0] if self._place else ""
        opener = getattr(window, "open_mailbox_settings", None)
        if opener is not None:
            await opener(mailbox)

    def select_message(self, key: Key) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        self._select_proxy_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    async def open_folder(self, mailbox: str, folder: str) -> None:
        """Show ``mailbox``/``folder`` (its rows read from the store) and select a row."""
        self.tree.select(mailbox, folder)
        await self._show_folder(mailbox, folder)
        if self.selected_message() is None:
            self._select_proxy_row(0)

    def _select_proxy_row(self, row: int) -> None:
        if self.proxy.rowCount() == 0:
            return
        row = max(0, min(row, self.proxy.rowCount() - 1))
        index = self.proxy.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    async def _show_folder(self, mailbox: str, folder: str) -> bool:
        """Show another folder; ``False`` when it was already shown (or another was
        asked for meanwhile)."""
        place = (mailbox, folder)
        if self._place == place:
            await self._folder_shown()
            return False
        self._place = place
        loading = self._loading = asyncio.Event()
        self._pending = []
        try:
            rows = await self.service.messages(mailbox, folder)
            if self._place != place:
                return False  # the user went on to another folder
            self.model.replace_all(rows)
            for changes in self._pending:
                self._apply_rows(changes)
            self._pending = []
        finally:
            if self._loading is loading:
                self._loading = None
            loading.set()
        self._after_rows_changed()
        return True

    async def _folder_shown(self) -> None:
        """Wait until the open folder's rows are shown (first paint, a switch)."""
        opening = self._open_task
        # The first folder is opened by a task the first overview started; it may
        # not have begun reading yet (events arrive synchronously).
        if opening is not None and not opening.done() and opening is not asyncio.current_task():
            await asyncio.shield(opening)
        while self._loading is not None:
            await self._loading.wait()

    def _after_rows_changed(self) -> None:
        self._show_empty_state()
        self.message_actions.update_for(self.selected_message(), self._folders())

    def _folders(self) -> list[VoicemailFolder]:
        summary = self.overview.summary(self._place[0]) if self._place else None
        return list(summary.folders if summary else default_folders())

    def _show_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if not self.overview.mailboxes:
            self.empty_label.setText(NO_MAILBOX if self._refreshed else NO_MAILBOX_YET)
        else:
            names = {f.value: folder_title(f) for f in self._folders()}
            folder = self._place[1] if self._place else "INBOX"
            self.empty_label.setText(translate(
                "VoicemailTab",
                "No messages in {folder}.",
            ).format(folder=names.get(folder, folder)))
        self.stack.setCurrentWidget(self.empty_label)

    # --- service events ----------------------------------------------------------------

    def _on_service_overview_changed(self, overview: Overview) -> None:
        names_moved = overview.names != self.overview.names
        self.overview = overview
        self.tree.set_mailboxes([s.box for s in overview.mailboxes])
        for summary in overview.mailboxes:
            self.tree.set_folders(summary.box.mailbox, summary.folders, dict(summary.unheard))
        if names_moved:
            self.model.refresh_labels()
        boxes = [s.box.mailbox for s in overview.mailboxes]
        if self._place is None and boxes and self._open_task is None:
            # First paint: the first mailbox's INBOX, read from the store.
            self._open_task = asyncio.ensure_future(self.open_folder(boxes[0], "INBOX"))
        elif self._place is not None and self._place[0] not in boxes:
            self._place = None
            self._open_task = None
            self.model.replace_all([])
        self._after_rows_changed()

    def _on_service_messages_changed(self, changes: MessageChanges) -> None:
        self.apply_changes(changes)

    def apply_changes(self, changes: MessageChanges) -> None:
        """Show a change of the stored messages (an event, or a command's result).

        Applying the same change set twice changes nothing the second time.
        """
        if changes.summary is not None:
            self._set_summary(changes)
        if self._playing is not None and self._playing.key in changes.removed:
            self.player.clear()  # deleted or moved away while loaded
            self._playing = None
            self.now_playing.clear()
        if self._place is None or self._place[0] != changes.mailbox:
            return
        if self._loading is not None:
            self._pending.append(changes)  # applied on top of the rows being read
            return
        self._apply_rows(changes)
        self._after_rows_changed()

    def _set_summary(self, changes: MessageChanges) -> None:
        summary = changes.summary
        assert summary is not None
        boxes = tuple(
            summary if s.box.mailbox == changes.mailbox else s for s in self.overview.mailboxes
        )
        self.overview = replace(self.overview, mailboxes=boxes)
        self.tree.set_mailboxes([s.box for s in boxes])
        self.tree.set_unheard(changes.mailbox, dict(summary.unheard))

    def _apply_rows(self, changes: MessageChanges) -> None:
        assert self._place is not None
        row = self.table.currentIndex().row()
        was_empty = self.model.rowCount() == 0
        if not self.model.apply_changes(changes.changed, changes.removed, self._place[1]):
            return
        if row >= 0 and self.selected_message() is None:
            # The selected row left (deleted, moved): keep the place in the list
            # so Delete, Delete, Delete walks down the folder.
            self._select_proxy_row(row)
        elif was_empty:
            self._select_proxy_row(0)  # first load: Enter plays the newest at once

    # --- view signals ------------------------------------------------------------------

    @async_slot(str, str)
    async def _on_tree_folder_selected(self, mailbox: str, folder: str) -> None:
        if await self._show_folder(mailbox, folder):
            self._select_proxy_row(0)

    def _on_table_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.message_actions.update_for(self.selected_message(), self._folders())

    def _on_table_selection_changed(
        self, _selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        self.message_actions.update_for(self.selected_message(), self._folders())

    def _on_table_context_menu(self, pos: QPoint) -> None:
        if self.selected_message() is not None:
            self.message_actions.context_menu(self).popup(self.table.viewport().mapToGlobal(pos))


    def _announce(self, text: str) -> None:
        self.status_message.emit(text)
