"""The Messages tab: conversation list (left), conversation (right), search, sync bar.

Flow: ``load_cached`` fills the list from the cache (one screenful, through the
service's read module); ``refresh`` runs a sync (the first one is a backfill with
progress and a Cancel button in the tab) and applies what it changed. Every read
and command goes through the ``MessagesService`` (never the store); a command
returns a change set the tab applies (``_apply_thread_change``), so the tab does
not re-read after its own commands. Service events arrive through
``QtEventListener``; dialogs through the injectable ``MessageDialogs``. The
conversation pane's actions live in ``conversation_actions.py``.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QSplitter, QVBoxLayout, QWidget

from app import startup_timeline
from app.domain.models.messages import SearchHit, ThreadSummary
from app.services.root import AppServices
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.operations import run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.messages.conversation_actions import ConversationActions
from app.ui.tabs.messages.conversation_pane import ConversationPane
from app.ui.tabs.messages.dialogs import MessageDialogs
from app.ui.tabs.messages.list_panel import ConversationListPanel, SyncBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

    from app.services.messages.changes import HistoryStored, SyncChange, ThreadChange
    from app.services.messages.service import MessagesService
    from app.ui.tabs.messages.image_viewer import ImageViewer

log = logging.getLogger(__name__)

#: Conversations ``load_cached`` reads before the window first paints: more than
#: a screenful. Reading all ~2,000 of a large account there costs ~17 ms of
#: start-up; the rest is added (below them) when ``refresh`` starts.
FIRST_SCREEN = 60


class MessagesTab(ConversationActions, TabBase):
    """Signals (besides TabBase's):
    conversation_opened(str, str): a conversation (did, contact) is shown, read and ready.
    """

    conversation_opened = Signal(str, str)
    key = "messages"
    title = "Messages"

    def __init__(self, ctx: AppServices, parent: QWidget | None = None,
                 *, dialogs: MessageDialogs | None = None) -> None:
        super().__init__(ctx, parent)
        self._service: MessagesService | None = None
        self._events = QtEventListener(self)
        self.dialogs = dialogs or MessageDialogs()
        self._sync_task: asyncio.Task[SyncChange] | None = None
        self._open: tuple[str, str] | None = None
        self._viewers: list[ImageViewer] = []
        self._background: set[asyncio.Future[None]] = set()
        #: ``load_cached`` listed only the first screenful; ``_load_cached_rest`` adds the rest.
        self._rest_pending = False
        self._listed_once = False

        self.left = ConversationListPanel(self)
        # Short names for the left panel's parts (tests and slots use them).
        self.conversations = self.left.conversations
        self.list_view = self.left.list_view
        self.did_filter = self.left.did_filter
        self.new_button = self.left.new_button
        self.refresh_button = self.left.refresh_button
        self.search = self.left.search
        self.list_view.selectionModel().selectionChanged.connect(
            self._on_list_view_selection_changed)
        self.did_filter.currentIndexChanged.connect(self._on_did_filter_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.search.query_changed.connect(self._on_search_query_changed)
        self.search.hit_activated.connect(self._on_search_hit_activated)
        self.search.conversation_activated.connect(self._on_search_conversation_activated)
        self.search.more_requested.connect(self._on_search_more_requested)
        self.sync_panel = SyncBar(self)
        self.sync_bar = self.sync_panel.bar
        self.cancel_button = self.sync_panel.cancel_button
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

        self.pane = ConversationPane(self)
        self.connect_pane(ctx.settings.messages_long_text)

        splitter = QSplitter(self)
        splitter.addWidget(self.left)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(self.sync_panel)
        layout.addWidget(splitter, 1)

        self.pane.show_empty()

    @property
    def service(self) -> MessagesService:
        """The session's messages service, made on first use (after the first paint)."""
        if self._service is None:
            service = self._service = self.ctx.messages
            self._events.listen(service.synced, self._on_service_synced)
            self._events.listen(service.media_ready, self._on_service_media_ready)
            self._events.listen(service.unread_changed, self.badge_changed.emit)
            self._events.listen(service.poll_failed, self._on_service_poll_failed)
            self._events.listen(service.sends_changed, self._on_service_sends_changed)
            self._events.listen(service.sends_reconciled, self._apply_thread_change)
            self._events.listen(service.history_stored, self._on_service_history_stored)
        return self._service

    def _on_service_poll_failed(self, text: str) -> None:
        self.status_message.emit(localized(text))

    # --- TabBase -------------------------------------------------------------------

    def load_cached(self) -> None:
        # Before the first paint: a small synchronous read, without building the
        # service (it loads asyncio and the sync modules).
        cached = self.ctx.messages_first_screen(FIRST_SCREEN)
        # The mark below is for a first-ever start (nothing cached) only.
        self._listed_once = self._listed_once or bool(cached.threads)
        self._set_summaries(cached.threads)
        self._rest_pending = cached.partial
        self.badge_changed.emit(cached.unread_total)

    async def _load_cached_rest(self) -> None:
        """The conversations ``load_cached`` left out, added below the first ones.

        ``add_missing`` keeps rows a poll updated meanwhile; a full reload since
        (``_set_summaries``, a DID filter) made this read moot.
        """
        if not self._rest_pending:
            return
        rest = await self.service.threads(offset=FIRST_SCREEN)
        if not self._rest_pending:
            return
        self._rest_pending = False
        self.conversations.add_missing(rest)
        self._fill_did_filter(sorted({s.did for s in rest} | set(self._known_dids())))
        self._update_list_state()

    async def refresh(self) -> None:
        # The window has painted by now (the main window refreshes after that).
        await self._load_cached_rest()
        await self._sync(show_progress=True)
        self.service.start_polling()

    def search_box(self) -> QLineEdit:
        return self.left.search.field

    def search_results(self) -> QAbstractItemView:
        results = self.left.search.results
        return results if results.isVisible() else self.list_view

    def start_new(self) -> None:
        self.new_button.click()

    def shutdown(self) -> None:
        self.flush_draft_now()  # typed text survives closing the window
        self._events.close()
        if self._service is not None:
            self._service.stop()
        if self._sync_task is not None:
            self._sync_task.cancel()
        for viewer in list(self._viewers):
            viewer.close()
        for task in list(self._background):
            task.cancel()

    # --- sync ----------------------------------------------------------------------

    async def _sync(self, *, show_progress: bool) -> SyncChange | None:
        if self._sync_task is not None and not self._sync_task.done():
            return await self._sync_task
        self._sync_task = asyncio.ensure_future(self.service.refresh(self._on_sync_progress))
        self.refresh_button.setEnabled(False)
        self.sync_panel.setVisible(show_progress)
        self.sync_panel.label.setText(translate("MessagesTab", "Fetching messages…"))
        try:
            change = await self._sync_task
            await self._apply_sync(change)
            return change
        except asyncio.CancelledError:
            if self._sync_task.cancelled():
                self.status_message.emit(translate(
                    "MessagesTab",
                    "Message sync cancelled; what was fetched is kept.",
                ))
                return None
            raise
        finally:
            self.sync_panel.hide()
            self.refresh_button.setEnabled(True)

    @async_slot(object)
    async def _on_service_history_stored(self, _step: HistoryStored) -> None:
        """A first sync stored its newest window: list it now, older ones keep coming.

        Without this the list said "No conversations yet" until the whole year was
        in (~14 s on a large account) although the newest months came early.
        """
        summaries = await self.service.threads(self._did_filter())
        if self._sync_task is None or self._sync_task.done():
            return  # the sync finished meanwhile and listed everything itself
        self._set_summaries(summaries)
        if self._open is not None:
            await self.reload_open_thread(mark_read=self.isVisible())

    def _on_sync_progress(self, done: int, total: int, text: str) -> None:
        self.sync_panel.set_progress(done, total, localized(text))

    def _on_cancel_button_clicked(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()

    @async_slot()
    async def _on_refresh_button_clicked(self) -> None:
        # A failure becomes one message in operations.run_operation (the one door).
        await run_operation(self.refresh_button, self._sync(show_progress=True),
                            busy_text=translate(
                                "MessagesTab",
                                "Fetching messages…",
                            ), disable=False, refresh=True)

    @async_slot(object)
    async def _on_service_synced(self, change: SyncChange) -> None:
        if self._sync_task is not None and not self._sync_task.done():
            return  # a sync this tab started: applied when it returns
        await self._apply_sync(change)

    async def _apply_sync(self, change: SyncChange) -> None:
        if change.reload:
            # A backfill: reloading the list is cheaper than patching it row by row.
            self._set_summaries(await self.service.threads(self._did_filter()))
            if self._open is not None:
                await self.reload_open_thread(mark_read=self.isVisible())
            return
        for (did, contact), summary in change.threads.items():
            self._show_summary(did, contact, summary)
        if self._open is not None and self._open in change.changed_threads:
            self.pane.model.add_messages(change.messages_of(*self._open))
            if self.isVisible():
                await self.mark_open_read()

    # --- conversation list ---------------------------------------------------------

    def _apply_thread_change(self, change: ThreadChange) -> None:
        """Apply what a command changed: the list row, the open conversation, the badge."""
        self._show_summary(change.did, change.contact, change.summary)
        if self._open == change.key:
            for kind, id_ in change.removed:
                self.pane.model.remove_message(kind, id_)
            self.pane.model.add_messages(change.upserted)
            for ready in change.media:  # a sent picture, shown at once (#15.7)
                self.pane.model.set_media(ready.pk, list(ready.paths))
        self.badge_changed.emit(change.unread_total)

    def _show_summary(self, did: str, contact: str, summary: ThreadSummary | None) -> None:
        if summary is not None and summary.did not in self._known_dids():
            self._fill_did_filter(sorted({*self._known_dids(), summary.did}))
        wanted = self._did_filter()
        if summary is None or (wanted and summary.did != wanted):
            self.conversations.remove(did, contact)
        else:
            self.conversations.upsert(summary)
            if self._open == (did, contact):
                self._select_row_of(did, contact)  # the open one is the highlighted one
        self._update_list_state()

    def _did_filter(self) -> str | None:
        return self.left.selected_did()

    def _set_summaries(self, summaries: list[ThreadSummary]) -> None:
        self._rest_pending = False  # a complete list from here on
        self.conversations.merge(summaries)
        dids = sorted({s.did for s in summaries} | set(self._known_dids()))
        self._fill_did_filter(dids)
        self._update_list_state()
        if self._open is not None:
            self._select_row_of(*self._open)

    def _select_row_of(self, did: str, contact: str) -> None:
        """Highlight a conversation in the list without reopening it."""
        row = self.conversations.row_of(did, contact)
        selection = self.list_view.selectionModel()
        if row is None:
            # A conversation not listed yet (a new one): no other row may look open
            # (issue #15.4); its row is selected when its first message lists it.
            from PySide6.QtCore import QItemSelectionModel, QModelIndex

            selection.blockSignals(True)
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            selection.blockSignals(False)
            self.list_view.viewport().update()
        elif self.list_view.currentIndex().row() != row:
            selection.blockSignals(True)
            self.list_view.setCurrentIndex(self.conversations.index(row))
            selection.blockSignals(False)

    def _known_dids(self) -> list[str]:
        return self.left.known_dids()

    def _fill_did_filter(self, dids: list[str]) -> None:
        if self.left.fill_did_filter(dids):
            self.pane.compose.set_dids(dids, self._open[0] if self._open else "")

    def _update_list_state(self) -> None:
        self.left.update_empty_state()
        if not self._listed_once and self.conversations.rowCount():
            self._listed_once = True
            # bench responsiveness: a first-ever start -> the first conversations synced.
            startup_timeline.mark("conversations listed")

    @async_slot(int)
    async def _on_did_filter_changed(self, _index: int) -> None:
        summaries = await self.service.threads(self._did_filter())
        self._rest_pending = False  # a complete list from here on
        self.conversations.merge(summaries)
        self._update_list_state()

    @async_slot(QItemSelection, QItemSelection)
    async def _on_list_view_selection_changed(self, selected: QItemSelection,
                                              _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        summary = self.conversations.summary_at(indexes[0].row())
        if summary is not None:
            await self.open_conversation(summary.did, summary.contact)

    @async_slot()
    async def _on_new_button_clicked(self) -> None:
        dids = self._known_dids()
        if not dids:
            dids = sorted(set(await self.service.dids()))
        answer = await self.dialogs.new_conversation(self, dids)
        if answer is None:
            return
        did, contact = answer
        await self.open_conversation(did, contact)
        self.pane.compose.text.setFocus()

    # --- search --------------------------------------------------------------------

    @async_slot(str)
    async def _on_search_query_changed(self, text: str) -> None:
        # People and numbers, then messages, with the real counts (issue #15.6).
        results = await self.service.search_everything(text) if text.strip() else None
        if text != self.search.field.text():
            return  # typed on meanwhile
        if results is None:
            self.search.clear_results()
        else:
            names = {s.contact: s.name for s in self._summaries() if s.name}
            self.search.show_results(results, names)
        self.left.show_search(results is not None)

    @async_slot()
    async def _on_search_more_requested(self) -> None:
        shown = self.search.shown
        if shown is None:
            return
        page = await self.service.search_everything(shown.query, offset=len(shown.messages))
        self.search.append_results(page)

    @async_slot(object)
    async def _on_search_conversation_activated(self, summary: ThreadSummary) -> None:
        await self.open_conversation(summary.did, summary.contact)
        self._into_the_message_box()

    async def showcase(self) -> list[tuple[str, QWidget]]:
        """The newest conversation open, unless one is open already."""
        summaries = self._summaries()
        if summaries and self._open is None:
            await self.open_conversation(summaries[0].did, summaries[0].contact)
        return []

    def _summaries(self) -> list[ThreadSummary]:
        rows = range(self.conversations.rowCount())
        return [s for r in rows if (s := self.conversations.summary_at(r)) is not None]

    @async_slot(object)
    async def _on_search_hit_activated(self, hit: SearchHit) -> None:
        message = hit.stored.message
        await self.open_conversation(message.did, message.contact,
                                     focus=(message.kind, message.id))
        self._into_the_message_box()

    def _into_the_message_box(self) -> None:
        """Found by a search and opened: the keyboard goes where a reply is typed (it
        stayed in the results). Not when a conversation is picked from the list: the
        arrow keys go on walking the list."""
        if self._open is not None:
            self.pane.compose.text.setFocus(Qt.FocusReason.OtherFocusReason)
