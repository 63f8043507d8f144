"""The Messages tab: conversation list (left), conversation (right), search, sync bar.

Flow: ``load_cached`` fills the list from the store; ``refresh`` runs a sync
(the first one is a backfill with progress and a Cancel button in the tab) and
updates only what changed. Sends, deletes and read flags go through the
``MessagesService``; every dialog through the injectable ``MessageDialogs``.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserFacingError
from app.domain.phone import format_number, normalize
from app.services.root import AppServices
from app.store.drafts import get_draft
from app.store.messages import StoredMessage
from app.store.search import SearchHit
from app.store.threads import ThreadSummary, list_threads, unread_total
from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.operations import run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.messages.compose import Attachment
from app.ui.tabs.messages.conversation_model import contact_label
from app.ui.tabs.messages.conversation_pane import ConversationPane
from app.ui.tabs.messages.dialogs import MessageDialogs
from app.ui.tabs.messages.list_panel import ConversationListPanel, SyncBar

if TYPE_CHECKING:
    from app.services.messages.service import MessagesService
    from app.services.messages.sync import SyncReport
    from app.ui.tabs.messages.image_viewer import ImageViewer

log = logging.getLogger(__name__)

#: Conversations ``load_cached`` reads before the window first paints: more than
#: a screenful. Reading all ~2,000 of a large account there costs ~17 ms of
#: start-up; the rest is added (below them) when ``refresh`` starts.
FIRST_SCREEN = 60


class MessagesTab(TabBase):
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
        self.dialogs = dialogs or MessageDialogs()
        self._sync_task: asyncio.Task[SyncReport] | None = None
        self._open: tuple[str, str] | None = None
        self._viewers: list[ImageViewer] = []
        self._background: set[asyncio.Future[None]] = set()
        #: ``load_cached`` listed only the first screenful; ``_load_cached_rest`` adds the rest.
        self._rest_pending = False

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
        self.sync_panel = SyncBar(self)
        self.sync_bar = self.sync_panel.bar
        self.cancel_button = self.sync_panel.cancel_button
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

        self.pane = ConversationPane(self)
        self.pane.compose.send_requested.connect(self._on_compose_send_requested)
        self.pane.compose.attach_requested.connect(self._on_compose_attach_requested)
        self.pane.compose.long_text_mode_changed.connect(self._on_compose_mode_changed)
        self.pane.compose.set_mode(ctx.settings.messages_long_text)
        self.pane.mark_unread_requested.connect(self._on_pane_mark_unread_requested)
        self.pane.export_requested.connect(self._on_pane_export_requested)
        self.pane.delete_requested.connect(self._on_pane_delete_requested)
        self.pane.image_requested.connect(self._on_pane_image_requested)
        self.pane.link_requested.connect(self.dialogs.open_url)
        self.pane.older_requested.connect(self._on_pane_older_requested)

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
            service.synced.connect(self._on_service_synced)
            service.media_ready.connect(self._on_service_media_ready)
            service.unread_changed.connect(self.badge_changed)
            service.sync_failed.connect(self.status_message)
        return self._service

    # --- TabBase -------------------------------------------------------------------

    def load_cached(self) -> None:
        summaries = self.ctx.db.run_sync(list_threads, limit=FIRST_SCREEN)
        self._set_summaries(summaries)
        self._rest_pending = len(summaries) == FIRST_SCREEN
        self.badge_changed.emit(self.ctx.db.run_sync(unread_total))

    def _load_cached_rest(self) -> None:
        """The conversations ``load_cached`` left out, added below the first ones.

        Read and applied in one go on the GUI thread, so nothing (a poll, a
        filter change) can come in between; a full reload since then made it moot.
        """
        if not self._rest_pending:
            return
        self._rest_pending = False
        rest = self.ctx.db.run_sync(list_threads, limit=100_000, offset=FIRST_SCREEN)
        self.conversations.add_missing(rest)
        self._fill_did_filter(sorted({s.did for s in rest} | set(self._known_dids())))
        self._update_list_state()

    async def refresh(self) -> None:
        # The window has painted by now (the main window refreshes after that).
        self._load_cached_rest()
        await self._sync(show_progress=True)
        self.service.start_polling()

    def shutdown(self) -> None:
        if self._service is not None:
            self._service.stop()
        if self._sync_task is not None:
            self._sync_task.cancel()
        for viewer in list(self._viewers):
            viewer.close()
        for task in list(self._background):
            task.cancel()

    # --- sync ----------------------------------------------------------------------

    async def _sync(self, *, show_progress: bool) -> SyncReport | None:
        if self._sync_task is not None and not self._sync_task.done():
            return await self._sync_task
        self._sync_task = asyncio.ensure_future(self.service.refresh(self._on_sync_progress))
        self.refresh_button.setEnabled(False)
        self.sync_panel.setVisible(show_progress)
        self.sync_panel.label.setText("Fetching messages…")
        try:
            report = await self._sync_task
            await self._apply_report(report)
            return report
        except asyncio.CancelledError:
            if self._sync_task.cancelled():
                self.status_message.emit("Message sync cancelled; what was fetched is kept.")
                return None
            raise
        finally:
            self.sync_panel.hide()
            self.refresh_button.setEnabled(True)

    def _on_sync_progress(self, done: int, total: int, text: str) -> None:
        self.sync_panel.set_progress(done, total, text)

    def _on_cancel_button_clicked(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()

    @async_slot()
    async def _on_refresh_button_clicked(self) -> None:
        try:
            await self._sync(show_progress=True)
        except UserFacingError as exc:
            feedback.show_error(self, exc)

    @async_slot(object)
    async def _on_service_synced(self, report: SyncReport) -> None:
        if self._sync_task is not None and not self._sync_task.done():
            return  # a sync this tab started: applied when it returns
        await self._apply_report(report)

    async def _apply_report(self, report: SyncReport) -> None:
        if len(report.inserted) + len(report.updated) > 200:
            # A backfill: reloading the list is cheaper than patching it row by row.
            self._set_summaries(await self.service.threads(self._did_filter()))
            if self._open is not None:
                await self._reload_open_thread(mark_read=self.isVisible())
            return
        changed = {(m.did, m.contact) for m in [*report.inserted, *report.updated]}
        for did, contact in changed:
            await self._refresh_summary(did, contact)
        if self._open is not None and self._open in changed:
            await self._reload_open_thread(mark_read=self.isVisible())

    async def _refresh_summary(self, did: str, contact: str) -> None:
        summary = await self.service.summary(did, contact)
        if summary is not None and summary.did not in self._known_dids():
            self._fill_did_filter(sorted({*self._known_dids(), summary.did}))
        wanted = self._did_filter()
        if summary is None or (wanted and summary.did != wanted):
            self.conversations.remove(did, contact)
        else:
            self.conversations.upsert(summary)
        self._update_list_state()

    # --- conversation list ---------------------------------------------------------

    def _did_filter(self) -> str | None:
        return self.left.selected_did()

    def _set_summaries(self, summaries: list[ThreadSummary]) -> None:
        self._rest_pending = False  # a complete list from here on
        self.conversations.set_all(summaries)
        dids = sorted({s.did for s in summaries} | set(self._known_dids()))
        self._fill_did_filter(dids)
        self._update_list_state()
        if self._open is not None:
            row = self.conversations.row_of(*self._open)
            if row is not None:
                self.list_view.selectionModel().blockSignals(True)
                self.list_view.setCurrentIndex(self.conversations.index(row))
                self.list_view.selectionModel().blockSignals(False)

    def _known_dids(self) -> list[str]:
        return self.left.known_dids()

    def _fill_did_filter(self, dids: list[str]) -> None:
        if self.left.fill_did_filter(dids):
            self.pane.compose.set_dids(dids, self._open[0] if self._open else "")

    def _update_list_state(self) -> None:
        self.left.update_empty_state()

    @async_slot(int)
    async def _on_did_filter_changed(self, _index: int) -> None:
        summaries = await self.service.threads(self._did_filter())
        self._rest_pending = False  # a complete list from here on
        self.conversations.set_all(summaries)
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

    async def open_conversation(self, did: str, contact: str, *,
                                focus: tuple[Any, int] | None = None) -> None:
        """Show one conversation (loading it whole), mark it read, restore its draft."""
        did, contact = normalize(did) or did, normalize(contact) or contact
        self._open = (did, contact)
        self.pane.compose.clear()
        summary = await self.service.summary(did, contact)
        self.pane.view.close_text_editor()
        self.pane.show_thread(summary.name if summary else "", did, contact)
        self.pane.compose.set_dids(self._known_dids() or [did], did)
        around = None
        if focus is not None:
            target = await self.service.message(*focus)
            around = target.cursor if target is not None else None
        messages, media = await self.service.conversation(did, contact, around=around)
        if self._open != (did, contact):
            return  # the user moved on while this loaded
        total = summary.total if summary is not None else len(messages)
        self.pane.model.set_thread(did, contact, messages, media,
                                   has_older=len(messages) < total)
        if focus is not None:
            row = self.pane.model.row_of(*focus)
            if row is not None:
                self.pane.scroll_to_row(row)
        else:
            self.pane.view.scrollToBottom()
        draft = await self.ctx.db.run(get_draft, did, contact)
        if draft is not None and not self.pane.compose.text.toPlainText():
            self.pane.compose.set_draft(draft.text, draft.last_error)
            await self._restore_attachments(draft.attachments)
        if summary is not None and summary.unread:
            await self.service.mark_read(did, contact)
            await self._refresh_summary(did, contact)

        row = self.conversations.row_of(did, contact)
        if row is not None and self.list_view.currentIndex().row() != row:
            self.list_view.selectionModel().blockSignals(True)
            self.list_view.setCurrentIndex(self.conversations.index(row))
            self.list_view.selectionModel().blockSignals(False)
        self.conversation_opened.emit(did, contact)
        # Links missing from history rows are fetched in the background.
        task = asyncio.ensure_future(self._resolve_media(did, contact, messages))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _restore_attachments(self, paths: tuple[str, ...]) -> None:
        """Images of a failed send come back with its draft (when the files still exist)."""
        from app.ui.tabs.messages.image_downscale import downscale_image  # with the first picture

        attachments: list[Attachment] = []
        for name in paths:
            try:
                data = await asyncio.to_thread(downscale_image, Path(name))
            except UserFacingError as exc:
                log.info("Draft attachment %s not restored: %s", name, exc.message)
                continue
            attachments.append(Attachment(Path(name), data))
        if attachments:
            self.pane.compose.add_attachments(attachments)

    async def _resolve_media(self, did: str, contact: str,
                             messages: list[StoredMessage]) -> None:
        try:
            found = await self.service.resolve_media(messages)
        except UserFacingError as exc:
            log.info("Media links not resolved: %s", exc.message)
            return
        if found and self._open == (did, contact):
            await self._reload_open_thread(mark_read=False)

    @async_slot()
    async def _on_pane_older_requested(self) -> None:
        if self._open is None or self.pane.loading_older:
            return
        cursor = self.pane.model.oldest_cursor()
        if cursor is None:
            return
        self.pane.loading_older = True
        try:
            from app.services.messages.service import PAGE_SIZE  # loaded with the service

            did, contact = self._open
            messages, media = await self.service.conversation(did, contact, before=cursor)
            if self._open != (did, contact):
                return
            distance = self.pane.bottom_distance()
            self.pane.model.prepend_older(messages, media,
                                          has_older=len(messages) >= PAGE_SIZE)
            self.pane.keep_bottom_distance(distance)
        finally:
            self.pane.loading_older = False

    async def _reload_open_thread(self, *, mark_read: bool) -> None:
        if self._open is None:
            return
        did, contact = self._open
        # Only what is newer than the oldest shown message: older pages stay unloaded.
        oldest = self.pane.model.oldest_cursor()
        messages, media = await self.service.conversation(
            did, contact, around=oldest) if oldest else await self.service.conversation(
            did, contact)
        if oldest is not None:
            messages = [m for m in messages if m.cursor >= oldest]
        self.pane.model.add_messages(messages)
        for pk, paths in media.items():
            self.pane.model.set_media(pk, paths)
        if mark_read and await self.service.mark_read(did, contact):
            await self._refresh_summary(did, contact)

    # --- actions -------------------------------------------------------------------

    @async_slot()
    async def _on_new_button_clicked(self) -> None:
        dids = self._known_dids()
        if not dids:
            dids = sorted({d for d in await self.service.dids()})
        answer = await self.dialogs.new_conversation(self, dids)
        if answer is None:
            return
        did, contact = answer
        await self.open_conversation(did, contact)
        self.pane.compose.text.setFocus()

    @async_slot()
    async def _on_compose_send_requested(self) -> None:
        if self._open is None:
            return
        payload = self.pane.compose.payload()
        did = payload.did or self._open[0]
        contact = self._open[1]
        images = [a.data for a in payload.attachments]
        paths = [str(a.path) for a in payload.attachments]
        outcome = await run_operation(
            self.pane.compose.send_button,
            self.service.send(did, contact, payload.text, images, paths),
            busy_text="Sending…",
        )
        if outcome is None:
            draft = await self.ctx.db.run(get_draft, did, contact)
            if draft is not None:
                self.pane.compose.show_error(draft.last_error)
                if draft.text != payload.text:
                    self.pane.compose.text.setPlainText(draft.text)
            await self._after_local_change(did, contact)
            return
        self.pane.compose.clear()
        if (did, contact) != self._open:
            await self.open_conversation(did, contact)
        await self._after_local_change(did, contact)
        if outcome.reconciled:
            self.status_message.emit("VoIP.ms answered late, but the message was sent.")

    async def _after_local_change(self, did: str, contact: str) -> None:
        await self._refresh_summary(did, contact)
        if self._open == (did, contact):
            await self._reload_open_thread(mark_read=False)
            self.pane.view.scrollToBottom()

    @async_slot()
    async def _on_compose_attach_requested(self) -> None:
        from app.ui.tabs.messages.image_downscale import downscale_image  # with the first picture

        room = 3 - self.pane.compose.attachment_count()
        paths = await self.dialogs.open_images(self, room)
        attachments: list[Attachment] = []
        for path in paths:
            try:
                data = await asyncio.to_thread(downscale_image, path)
            except UserFacingError as exc:
                feedback.show_error(self, exc)
                continue
            attachments.append(Attachment(Path(path), data))
        refused = self.pane.compose.add_attachments(attachments)
        if refused:
            feedback.show_message(self, "An MMS carries at most 3 images; the others were "
                                        "not attached.", level=feedback.Level.WARNING)

    def _on_compose_mode_changed(self, mode: str) -> None:
        self.ctx.settings.messages_long_text = mode
        try:
            self.ctx.settings.save()
        except OSError as exc:
            log.warning("Settings not saved: %s", exc)

    @async_slot()
    async def _on_pane_mark_unread_requested(self) -> None:
        if self._open is None:
            return
        if not await self.service.mark_unread(*self._open):
            self.status_message.emit("Nothing to mark unread: no message received here yet.")
        await self._refresh_summary(*self._open)

    @async_slot()
    async def _on_pane_export_requested(self) -> None:
        if self._open is None:
            return
        did, contact = self._open
        summary = await self.service.summary(did, contact)
        label = contact_label(summary) if summary else format_number(contact)
        path = await self.dialogs.save_path(
            self, "Export conversation", f"conversation-{contact}.csv",
            "CSV spreadsheet (*.csv);;Text (*.txt)")
        if path is None:
            return
        count = await run_operation(self.pane.export_button,
                                    self.service.export(did, contact, path, label),
                                    busy_text="Exporting…")
        if count is not None:
            feedback.show_message(self, f"{count} message(s) saved to {path}.",
                                  level=feedback.Level.INFO)

    @async_slot(object)
    async def _on_pane_delete_requested(self, stored: StoredMessage) -> None:
        preview = " ".join(stored.message.text.split())[:60] or "this message"
        if not await self.dialogs.confirm(
            self, f"Delete “{preview}”? It is deleted at VoIP.ms too and cannot be restored.",
            "Delete",
        ):
            return
        done = await run_operation(self.pane.view, self._delete(stored), busy_text="Deleting…")
        if done:
            self.pane.model.remove_message(stored.message.kind, stored.message.id)
            await self._refresh_summary(stored.message.did, stored.message.contact)

    async def _delete(self, stored: StoredMessage) -> bool:
        await self.service.delete(stored)
        return True

    def _on_pane_image_requested(self, path: str) -> None:
        from app.ui.tabs.messages.image_viewer import ImageViewer  # on the first picture

        viewer = ImageViewer(Path(path), self.dialogs, self)
        viewer.destroyed.connect(lambda: self._viewers.remove(viewer)
                                 if viewer in self._viewers else None)
        self._viewers.append(viewer)
        viewer.show()

    @async_slot(int)
    async def _on_service_media_ready(self, pk: int) -> None:
        if self._open is None:
            return
        media = await self.service.media.paths_for_thread(*self._open)
        if pk in media:
            self.pane.model.set_media(pk, media[pk])

    # --- search --------------------------------------------------------------------

    @async_slot(str)
    async def _on_search_query_changed(self, text: str) -> None:
        hits = await self.service.search(text) if text.strip() else []
        if text != self.search.field.text():
            return  # typed on meanwhile
        names = {s.contact: s.name for s in self._summaries() if s.name}
        self.search.show_hits(text, hits, names)
        self.left.show_search(bool(text.strip()))

    def _summaries(self) -> list[ThreadSummary]:
        rows = range(self.conversations.rowCount())
        return [s for r in rows if (s := self.conversations.summary_at(r)) is not None]

    @async_slot(object)
    async def _on_search_hit_activated(self, hit: SearchHit) -> None:
        message = hit.stored.message
        await self.open_conversation(message.did, message.contact,
                                     focus=(message.kind, message.id))
