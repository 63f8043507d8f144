"""The Voicemail tab: mailboxes and folders, the message list, the player.

Everything the user does goes to ``VoicemailService`` through
``run_operation`` (one message per failure). The list follows the service's
signals; changes are optimistic there, so a click shows at once and a
refusal puts the row back with a message.

The actions on a message (and the three question hooks tests replace) are
in ``commands.py``.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.voicemail import VoicemailFolder, VoicemailMessage
from app.domain.phone import format_number
from app.services.root import AppServices
from app.services.voicemail.poll import VoicemailPoller
from app.services.voicemail.service import Key, VoicemailService
from app.ui import feedback, style
from app.ui.async_slot import async_slot
from app.ui.operations import run_in_background
from app.ui.tabs.voicemail.actions import MessageActions
from app.ui.tabs.voicemail.commands import MessageCommands
from app.ui.tabs.voicemail.mailbox_tree import MailboxTree, folder_title
from app.ui.tabs.voicemail.message_model import (
    MESSAGE_ROLE,
    SORT_ROLE,
    Column,
    MessageTableModel,
    format_length,
    format_received,
)
from app.ui.widgets.player import AudioPlayer
from app.ui.widgets.record_table import record_table

NO_MAILBOX_YET = "Your voicemail boxes appear here after the first refresh."
NO_MAILBOX = (
    "This account has no voicemail boxes. Create one in the VoIP.ms customer portal, then refresh."
)


class VoicemailTab(MessageCommands):
    key = "voicemail"
    title = "Voicemail"

    def __init__(
        self,
        ctx: AppServices,
        service: VoicemailService,
        poller: VoicemailPoller,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.service = service
        self.poller = poller
        self._place: tuple[str, str] | None = None
        self._playing: Key | None = None
        self._refreshed = False
        self._playback_task: asyncio.Future[None] | None = None

        self.tree = MailboxTree(self)
        self.model = MessageTableModel(service.caller_name, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = record_table(self, self.proxy, accessible_name="Voicemail messages")
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
        self.toolbar = QToolBar(self)
        # Text only, like the other tabs' toolbars: Fusion's stock icons are few,
        # clash with each other and vanish on dark palettes.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.message_actions.fill_toolbar(self.toolbar)
        self.now_playing = QLabel(self)
        style.set_look(self.now_playing, style.MUTED)
        # Wraps rather than widening the window for a very long caller name.
        self.now_playing.setWordWrap(True)
        self.player = AudioPlayer(self)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.toolbar)
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
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self._connect()
        self._show_empty_state()

    def _connect(self) -> None:
        s = self.service
        s.mailboxes_changed.connect(self._on_service_mailboxes_changed)
        s.folders_changed.connect(self._on_service_folders_changed)
        s.messages_changed.connect(self._on_service_messages_changed)
        s.names_changed.connect(self.model.refresh_labels)
        # Signal to signal (not to ``.emit``): Qt drops the link when the tab goes,
        # while the service lives on in the composition root (ctx).
        s.unread_changed.connect(self.badge_changed)
        self.poller.check_failed.connect(self.status_message)
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
            Column.RECEIVED: "Yesterday 00:00",
            Column.LENGTH: "Length",
            Column.URGENT: "Urgent",
            Column.STATUS: "Status",
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        header.setSectionResizeMode(Column.CALLER, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

    # --- TabBase ---------------------------------------------------------------------

    async def read_cache(self) -> None:
        await self.service.load_cached()

    async def refresh(self) -> None:
        await self.service.refresh()
        self._refreshed = True
        self._show_empty_state()
        if not self.poller.active:
            self.poller.start()

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

    def select_message(self, key: Key) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        self._select_proxy_row(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        return True

    def open_folder(self, mailbox: str, folder: str) -> None:
        self.tree.select(mailbox, folder)
        self._show_folder(mailbox, folder)
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

    def _show_folder(self, mailbox: str, folder: str) -> bool:
        """Show another folder; ``False`` when it was already shown."""
        if self._place == (mailbox, folder):
            return False
        self._place = (mailbox, folder)
        self.model.replace_all(self.service.messages(mailbox, folder))
        self._after_rows_changed()
        return True

    def _after_rows_changed(self) -> None:
        self._show_empty_state()
        self.message_actions.update_for(self.selected_message(), self._folders())

    def _folders(self) -> list[VoicemailFolder]:
        return self.service.folders(self._place[0]) if self._place else []

    def _show_empty_state(self) -> None:
        if self.model.rowCount() > 0:
            self.stack.setCurrentWidget(self.table)
            return
        if not self.service.mailboxes():
            self.empty_label.setText(NO_MAILBOX if self._refreshed else NO_MAILBOX_YET)
        else:
            names = {f.value: folder_title(f) for f in self._folders()}
            folder = self._place[1] if self._place else "INBOX"
            self.empty_label.setText(f"No messages in {names.get(folder, folder)}.")
        self.stack.setCurrentWidget(self.empty_label)

    def _unheard_by_folder(self, mailbox: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for message in self.service.messages(mailbox):
            if not message.listened:
                counts[message.folder] = counts.get(message.folder, 0) + 1
        return counts

    # --- service signals ---------------------------------------------------------------

    def _on_service_mailboxes_changed(self) -> None:
        boxes = self.service.mailboxes()
        self.tree.set_mailboxes(boxes)
        for box in boxes:
            unheard = self._unheard_by_folder(box.mailbox)
            self.tree.set_folders(box.mailbox, self.service.folders(box.mailbox), unheard)
        if self._place is None and boxes:
            self.open_folder(boxes[0].mailbox, "INBOX")
        elif self._place is not None and self._place[0] not in {b.mailbox for b in boxes}:
            self._place = None
            self.model.replace_all([])
        self._after_rows_changed()

    def _on_service_folders_changed(self, mailbox: str) -> None:
        unheard = self._unheard_by_folder(mailbox)
        self.tree.set_folders(mailbox, self.service.folders(mailbox), unheard)
        if self._place and self._place[0] == mailbox:
            self.message_actions.update_for(self.selected_message(), self._folders())

    def _on_service_messages_changed(self, mailbox: str) -> None:
        self.tree.set_unheard(mailbox, self._unheard_by_folder(mailbox))
        if self._place is None or self._place[0] != mailbox:
            return
        row = self.table.currentIndex().row()
        was_empty = self.model.rowCount() == 0
        self.model.apply(self.service.messages(*self._place))
        if row >= 0 and self.selected_message() is None:
            # The selected row left (deleted, moved): keep the place in the list
            # so Delete, Delete, Delete walks down the folder.
            self._select_proxy_row(row)
        elif was_empty:
            self._select_proxy_row(0)  # first load: Enter plays the newest at once
        if self._playing is not None and self.service.message(self._playing) is None:
            self.player.clear()  # deleted or moved away while loaded
            self._playing = None
            self.now_playing.clear()
        self._after_rows_changed()

    # --- view signals ------------------------------------------------------------------

    def _on_tree_folder_selected(self, mailbox: str, folder: str) -> None:
        if self._show_folder(mailbox, folder):
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

    @async_slot(QModelIndex)
    async def _on_table_activated(self, _index: QModelIndex) -> None:
        await self.play_selected()

    @async_slot()
    async def _on_play_triggered(self) -> None:
        await self.play_selected()

    def _on_space_activated(self) -> None:
        # Synchronous on purpose: pause must act on this key press, not on a
        # later turn of the event loop.
        message = self.selected_message()
        if message is not None and message.key == self._playing and self.player.source:
            self.player.toggle()
        elif message is not None:
            self._playback_task = asyncio.ensure_future(self.play(message))
        else:
            self.player.toggle()

    # --- playback ----------------------------------------------------------------------

    async def play_selected(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.play(message)

    async def play(self, message: VoicemailMessage) -> None:
        """Fetch (once) and play ``message``; it is marked heard when sound starts."""
        self._playing = message.key
        label = self.service.caller_label(message)
        self.now_playing.setText(f"Fetching the recording from {label}…")
        path = await run_in_background(
            self, self.service.audio_for(message), busy_text="Fetching voicemail…"
        )
        if self._playing != message.key:
            return  # the user picked another message meanwhile
        if path is None:
            self.now_playing.clear()
            return
        self.now_playing.setText(self._describe(message))
        self.player.load(path)

    def _describe(self, message: VoicemailMessage) -> str:
        number = format_number(message.caller_number)
        label = self.service.caller_label(message)
        who = label if number in ("", label) else f"{label} · {number}"
        when = format_received(message.date, None, _now())
        return f"{who} · {when} · {format_length(message.duration_seconds)}"

    @async_slot()
    async def _on_player_started(self) -> None:
        message = self.service.message(self._playing) if self._playing else None
        if message is not None and not message.listened:
            await run_in_background(
                self,
                self.service.set_listened(message, True),
                busy_text="Marking as heard…",
            )

    def _on_player_failed(self, text: str) -> None:
        message = self.service.message(self._playing) if self._playing else None
        if message is not None:
            # A damaged download must not stick: the next try fetches it again.
            self.service.forget_audio(message)
        feedback.show_message(self, text, level=feedback.Level.WARNING)

    def _announce(self, text: str) -> None:
        self.status_message.emit(text)


def _now() -> datetime:
    return datetime.now().astimezone()
