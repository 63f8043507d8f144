"""The Messages tab's right side: open a conversation, page it, send, delete, export.

A mixin of ``MessagesTab`` (kept apart for size: the tab wires the list and the
sync, this the conversation pane). Every command goes through the service in
``run_operation`` (the one door that turns a ``UserFacingError`` into a message)
and returns a change set that ``_apply_thread_change`` applies: nothing is
re-read after the tab's own command.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import UserFacingError
from app.domain.models.messages import Direction, MessageKind, StoredMessage
from app.domain.phone import format_number, normalize
from app.domain.sms_text import MAX_ATTACHMENTS
from app.domain.words import Lines
from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.i18n import localized, translate
from app.ui.operations import run_in_background, run_operation
from app.ui.tabs.messages.compose import Attachment
from app.ui.tabs.messages.conversation_model import contact_label

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.domain.models.sends import JournalEntry
    from app.services.messages.changes import MediaReady, SendResult, ThreadChange
    from app.services.messages.service import MessagesService
    from app.ui.tabs.base import TabBase
    from app.ui.tabs.messages.conversation_pane import ConversationPane
    from app.ui.tabs.messages.dialogs import MessageDialogs
    from app.ui.tabs.messages.image_viewer import ImageViewer

    _TabPart = TabBase
else:
    _TabPart = object  # a mixin at run time: MessagesTab supplies the widget

log = logging.getLogger(__name__)

#: Typing pause after which the compose box is kept as the conversation's draft.
DRAFT_SAVE_MS = 800

class ConversationActions(_TabPart):
    if TYPE_CHECKING:  # provided by MessagesTab
        pane: ConversationPane
        dialogs: MessageDialogs
        _open: tuple[str, str] | None
        _viewers: list[ImageViewer]
        _background: set[asyncio.Future[None]]
        conversation_opened: SignalInstance

        @property
        def service(self) -> MessagesService: ...
        def _apply_thread_change(self, change: ThreadChange) -> None: ...
        def _known_dids(self) -> list[str]: ...
        def _select_row_of(self, did: str, contact: str) -> None: ...

    def connect_pane(self, long_text_mode: str) -> None:
        pane = self.pane
        # Typed text is kept as the conversation's draft while typing (debounced),
        # when another conversation opens and when the window closes (issue #13.2).
        from PySide6.QtCore import QTimer

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self._on_draft_timer_timeout)
        self._draft_quiet = False  # set while the tab itself fills or clears the box
        pane.compose.text.textChanged.connect(self._on_compose_text_changed)
        pane.compose.send_requested.connect(self._on_compose_send_requested)
        pane.compose.attach_requested.connect(self._on_compose_attach_requested)
        pane.compose.long_text_mode_changed.connect(self._on_compose_mode_changed)
        pane.compose.set_mode(long_text_mode)
        pane.mark_unread_requested.connect(self._on_pane_mark_unread_requested)
        pane.export_requested.connect(self._on_pane_export_requested)
        pane.delete_requested.connect(self._on_pane_delete_requested)
        pane.image_requested.connect(self._on_pane_image_requested)
        pane.media_retry_requested.connect(self._on_pane_media_retry_requested)
        pane.link_requested.connect(self.dialogs.open_url)
        pane.older_requested.connect(self._on_pane_older_requested)
        pane.pending.cancel_requested.connect(self._on_pending_cancel_requested)
        pane.pending.send_again_requested.connect(self._on_pending_send_again_requested)
        pane.pending.dismiss_requested.connect(self._on_pending_dismiss_requested)
        pane.pending.check_requested.connect(self._on_pending_check_requested)

    # --- opening and paging --------------------------------------------------------

    async def open_conversation(self, did: str, contact: str, *,
                                focus: tuple[MessageKind, int] | None = None) -> None:
        """Show one conversation (its newest page), mark it read, restore its draft."""
        did, contact = normalize(did) or did, normalize(contact) or contact
        await self.flush_draft()  # what was typed in the conversation being left
        self._open = (did, contact)
        self._fill_compose_quietly(self.pane.compose.clear)
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
        pending = await self.service.pending_sends(did, contact)
        if self._open != (did, contact):
            return
        self.pane.pending.set_entries(pending)
        if focus is not None:
            row = self.pane.model.row_of(*focus)
            if row is not None:
                self.pane.scroll_to_row(row)
        else:
            self.pane.scroll_to_bottom()
        draft = await self.service.draft(did, contact)
        if draft is not None and not self.pane.compose.text.toPlainText():
            self._fill_compose_quietly(
                lambda: self.pane.compose.set_draft(draft.text, draft.last_error)
            )
            attachments, _refused = await self._load_pictures(draft.attachments)
            self.pane.compose.add_attachments(attachments)
        if summary is not None and summary.unread:
            await self.mark_open_read()
        self._select_row_of(did, contact)
        self.conversation_opened.emit(did, contact)
        # Links missing from history rows are fetched in the background.
        task = asyncio.ensure_future(self._resolve_media(did, contact, messages))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    # --- drafts ---------------------------------------------------------------------

    def _fill_compose_quietly(self, change: Callable[[], None]) -> None:
        """A change of the compose box that is not the user typing (no draft save)."""
        self._draft_quiet = True
        try:
            change()
        finally:
            self._draft_quiet = False

    def _on_compose_text_changed(self) -> None:
        if not self._draft_quiet and self._open is not None:
            self._draft_timer.start()  # restarts: saved once typing pauses

    def _typed(self) -> tuple[str, tuple[str, ...]]:
        compose = self.pane.compose
        return compose.text.toPlainText(), tuple(str(p) for p in compose.attachment_paths())

    async def flush_draft(self) -> None:
        """Save the open conversation's typed text now if a save is pending."""
        if self._open is None or not self._draft_timer.isActive():
            return
        self._draft_timer.stop()
        text, paths = self._typed()
        await self.service.keep_draft(*self._open, text, paths)

    def flush_draft_now(self) -> None:
        """``flush_draft`` done before returning (the window is closing)."""
        if self._open is None or not self._draft_timer.isActive():
            return
        self._draft_timer.stop()
        text, paths = self._typed()
        self.service.keep_draft_now(*self._open, text, paths)

    @async_slot()
    async def _on_draft_timer_timeout(self) -> None:
        if self._open is None:
            return
        key = self._open
        text, paths = self._typed()
        await run_in_background(self, self.service.keep_draft(*key, text, paths),
                                busy_text=translate("ConversationActions", "Saving the draft…"))

    async def mark_open_read(self) -> None:
        if self._open is not None:
            change = await self.service.mark_read(*self._open)
            if change is not None:
                self._apply_thread_change(change)

    async def _resolve_media(self, did: str, contact: str,
                             messages: list[StoredMessage]) -> None:
        # Best effort: the service logs what it could not resolve.
        found = await self.service.resolve_media(messages)
        if found and self._open == (did, contact):
            self.pane.model.add_messages(found)

    @async_slot()
    async def _on_pane_older_requested(self) -> None:
        if self._open is None or self.pane.loading_older:
            return
        cursor = self.pane.model.oldest_cursor()
        if cursor is None:
            return
        self.pane.loading_older = True
        try:
            from app.services.messages.reads import PAGE_SIZE

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

    async def reload_open_thread(self, *, mark_read: bool) -> None:
        """After a backfill (too big a change set): re-read the shown part of the open thread."""
        if self._open is None:
            return
        did, contact = self._open
        # Only what is newer than the oldest shown message: older pages stay unloaded.
        oldest = self.pane.model.oldest_cursor()
        messages, media = await self.service.conversation(did, contact, around=oldest)
        if oldest is not None:
            messages = [m for m in messages if m.cursor >= oldest]
        self.pane.model.add_messages(messages)
        for pk, paths in media.items():
            self.pane.model.set_media(pk, paths)
        if mark_read:
            await self.mark_open_read()

    def _on_service_media_ready(self, ready: MediaReady) -> None:
        # A message of another conversation is simply not in the model.
        self.pane.model.set_media(ready.pk, list(ready.paths))

    # --- compose -------------------------------------------------------------------

    @async_slot()
    async def _on_compose_send_requested(self) -> None:
        if self._open is None:
            return
        payload = self.pane.compose.payload()
        did = payload.did or self._open[0]
        contact = self._open[1]
        images = [a.data for a in payload.attachments]
        paths = [str(a.path) for a in payload.attachments]
        self._draft_timer.stop()  # the sender keeps the draft itself until it is sent
        result = await run_operation(self.pane.compose.send_button,
                                     self._send(did, contact, payload.text, images, paths),
                                     busy_text=translate("ConversationActions", "Sending…"))
        if result is None:
            return  # the draft (and why) is in the box: see _send
        self._fill_compose_quietly(self.pane.compose.clear)
        if (did, contact) != self._open:
            await self.open_conversation(did, contact)
        self._apply_thread_change(result.change)
        if self._open == (did, contact):
            self.pane.scroll_to_bottom()
        if result.outcome.reconciled:
            self.status_message.emit(translate(
                "ConversationActions",
                "VoIP.ms answered late, but the message was sent.",
            ))

    async def _send(self, did: str, contact: str, text: str, images: list[bytes],
                    paths: list[str]) -> SendResult:
        from app.services.messages.sender import SendFailed  # loaded with the service

        try:
            return await self.service.send(did, contact, text, images, paths)
        except SendFailed as exc:
            # Parts that did go out are shown, and the box keeps what did not; the
            # error itself is reported by run_operation.
            if exc.change is not None:
                self._apply_thread_change(exc.change)
            if exc.kept_in_journal:
                # Not confirmed either way: the text is a pending send (shown above the
                # box), never offered for another Send until it is checked.
                self._clear_sent_text(did, contact, text)
                raise
            self.pane.compose.show_error(localized(exc.message))
            if exc.unsent_text and exc.unsent_text != text:
                unsent = exc.unsent_text  # already kept as the draft by the sender
                self._fill_compose_quietly(lambda: self.pane.compose.text.setPlainText(unsent))
            raise
        except asyncio.CancelledError:
            # Cancel while VoIP.ms was silent: journalled unknown and being checked.
            self._clear_sent_text(did, contact, text)
            raise

    def _clear_sent_text(self, did: str, contact: str, text: str) -> None:
        """The box no longer holds a text the journal holds (unless the user changed it)."""
        if self._open == (did, contact) and self.pane.compose.text.toPlainText() == text:
            self._fill_compose_quietly(self.pane.compose.clear)

    # --- pending sends (the send journal) -------------------------------------------

    def _on_service_sends_changed(self, entry: JournalEntry) -> None:
        if self._open == (entry.did, entry.contact):
            self.pane.pending.apply(entry)

    def _on_pending_cancel_requested(self, entry_id: int) -> None:
        if not self.service.cancel_send(entry_id):
            self.status_message.emit(translate(
                "ConversationActions",
                "That message is no longer being sent.",
            ))

    @async_slot(int)
    async def _on_pending_send_again_requested(self, entry_id: int) -> None:
        row = self.pane.pending.rows.get(entry_id)
        if row is None:
            return
        entry = row.entry
        images: list[bytes] = []
        if entry.attachments and entry.done_parts == 0:
            attachments, problems = await self._load_pictures(entry.attachments)
            if problems:
                feedback.show_message(self, translate(
                    "ConversationActions",
                    "The message was not sent again: {problems}",
                ).format(problems=problems),
                                      level=feedback.Level.WARNING)
                return
            images = [a.data for a in attachments]
        result = await run_operation(row.again_button, self.service.send_again(entry_id, images),
                                     busy_text=translate("ConversationActions", "Sending…"))
        if result is not None:
            self._apply_thread_change(result.change)

    @async_slot(int)
    async def _on_pending_dismiss_requested(self, entry_id: int) -> None:
        await run_in_background(self, self.service.dismiss_send(entry_id),
                                busy_text=translate("ConversationActions", "Discarding…"))

    @async_slot()
    async def _on_pending_check_requested(self) -> None:
        await run_in_background(self, self.service.check_sends(),
                                busy_text=translate(
                                    "ConversationActions",
                                    "Checking unconfirmed messages…",
                                ))

    async def _load_pictures(self, paths: Sequence[str | Path]) -> tuple[list[Attachment], str]:
        """Downscaled pictures ready to attach, and why some could not be read ("")."""
        from app.ui.tabs.messages.image_downscale import downscale_image  # with the first picture

        attachments: list[Attachment] = []
        problems: list[str] = []
        for name in paths:
            try:
                data = await asyncio.to_thread(downscale_image, Path(name))
            except UserFacingError as exc:  # collected: the caller decides who hears it
                log.info("Picture %s not attached: %s", name, exc.message)
                problems.append(exc.message)
                continue
            attachments.append(Attachment(Path(name), data))
        return attachments, localized(Lines(problems, " "))

    async def _attach(self, paths: list[Path]) -> None:
        attachments, problems = await self._load_pictures(paths)
        refused = self.pane.compose.add_attachments(attachments)
        if problems:
            raise UserFacingError(problems)  # shown by run_operation
        if refused:
            feedback.show_message(self, translate(
                "ConversationActions",
                "An MMS carries at most {count} images; the others were not attached.",
            ).format(count=MAX_ATTACHMENTS),
                                  level=feedback.Level.WARNING)

    @async_slot()
    async def _on_compose_attach_requested(self) -> None:
        room = MAX_ATTACHMENTS - self.pane.compose.attachment_count()
        paths = await self.dialogs.open_images(self, room)
        if paths:
            await run_operation(self.pane.compose.attach_button, self._attach(paths),
                                busy_text=translate("ConversationActions", "Attaching…"))

    def _on_compose_mode_changed(self, mode: str) -> None:
        self.ctx.settings.messages_long_text = mode
        try:
            self.ctx.settings.save()
        except OSError as exc:
            log.warning("Settings not saved: %s", exc)

    # --- conversation commands -----------------------------------------------------

    @async_slot()
    async def _on_pane_mark_unread_requested(self) -> None:
        if self._open is None:
            return
        change = await self.service.mark_unread(*self._open)
        if change is None:
            self.status_message.emit(translate(
                "ConversationActions",
                "Nothing to mark unread: no message received here yet.",
            ))
        else:
            self._apply_thread_change(change)

    @async_slot()
    async def _on_pane_export_requested(self) -> None:
        if self._open is None:
            return
        did, contact = self._open
        summary = await self.service.summary(did, contact)
        label = contact_label(summary) if summary else format_number(contact)
        path = await self.dialogs.save_path(
            self, translate(
                "ConversationActions",
                "Export conversation",
            ), f"conversation-{contact}.csv",
            translate("ConversationActions", "CSV spreadsheet (*.csv);;Text (*.txt)"))
        if path is None:
            return
        count = await run_operation(self.pane.export_button,
                                    self.service.export(did, contact, path, label),
                                    busy_text=translate("ConversationActions", "Exporting…"))
        if count is not None:
            feedback.show_message(self, translate(
                "ConversationActions",
                "%n message(s) saved to {path}.", "", count,
            ).format(path=path),
                                  level=feedback.Level.INFO)

    @async_slot(object)
    async def _on_pane_delete_requested(self, stored: StoredMessage) -> None:
        preview = " ".join(stored.message.text.split())[:60] or translate(
            "ConversationActions", "this message")
        if not await self.dialogs.confirm(
            self, translate(
                "ConversationActions",
                "Delete “{preview}”? It is deleted at VoIP.ms too and cannot be restored.",
            ).format(preview=preview),
            translate("ConversationActions", "Delete"),
        ):
            return
        change = await run_operation(self.pane.view, self.service.delete(stored),
                                     busy_text=translate("ConversationActions", "Deleting…"))
        if change is not None:
            self._apply_thread_change(change)

    @async_slot(int)
    async def _on_pane_media_retry_requested(self, pk: int) -> None:
        # The pictures arrive through ``media_ready`` like any download.
        ready = await run_in_background(self, self.service.retry_media(pk),
                                        busy_text=translate(
                                            "ConversationActions",
                                            "Downloading the pictures…",
                                        ))
        if ready is not None and pk not in ready:
            self.status_message.emit(translate(
                "ConversationActions",
                "The pictures could not be downloaded; Switchboard will try again later.",
            ))

    def _picture_title(self, path: str) -> str:
        """ "Picture from <contact> - <date>" (or "sent to") for the message holding ``path``."""
        from datetime import datetime

        from app.ui.dates import list_date
        from app.ui.tabs.messages.thread_model import MEDIA_ROLE

        model = self.pane.model
        who = self.pane.title.text() or translate("ConversationActions", "this conversation")
        for row in range(model.rowCount()):
            stored = model.stored_at(row)
            if stored is not None and path in (model.index(row).data(MEDIA_ROLE) or []):
                when = list_date(stored.message.date, datetime.now().astimezone())
                sent = stored.message.direction is Direction.SENT
                if sent:
                    return translate("ConversationActions",
                        "Picture sent to {who} - {when}").format(
                        who=who, when=when)
                return translate("ConversationActions", "Picture from {who} - {when}").format(
                    who=who, when=when)
        return translate("ConversationActions", "Picture from {who}").format(who=who)

    def _on_pane_image_requested(self, path: str) -> None:
        from app.ui.tabs.messages.image_viewer import ImageViewer  # on the first picture

        viewer = ImageViewer(Path(path), self.dialogs, self, title=self._picture_title(path))
        viewer.destroyed.connect(lambda: self._viewers.remove(viewer)
                                 if viewer in self._viewers else None)
        self._viewers.append(viewer)
        viewer.show()

