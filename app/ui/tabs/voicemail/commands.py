"""What the user can do to a voicemail: heard, urgent, move, delete, save, e-mail.

A mixin of ``VoicemailTab``. Each action goes to ``VoicemailService`` through
``run_in_background`` (the one door: a refusal becomes one message; the service
already rolled the list back). The list follows the change sets the service
announces (nothing is re-read); a command's returned change set tells the
caller what it did (``delete_message``: whether the row is gone). Questions
to the user go through three hooks that tests replace, so nothing waits for a
click in a test: ``confirm``, ``ask_save_path``, ``ask_email``.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.domain.models.voicemail import VoicemailMessage
from app.services.voicemail.changes import MessageChanges, Overview, caller_label, caller_name
from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.i18n import localized, translate
from app.ui.operations import run_in_background
from app.ui.tabs.base import TabBase
from app.ui.tabs.voicemail.message_model import format_received

if TYPE_CHECKING:
    from app.services.voicemail.service import VoicemailService


class MessageCommands(TabBase):
    """Base of ``VoicemailTab``. Needs from the tab: ``service``, ``overview``,
    ``selected_message``, ``_announce``."""

    service: VoicemailService
    overview: Overview

    def selected_message(self) -> VoicemailMessage | None:
        raise NotImplementedError

    def _announce(self, text: str) -> None:
        raise NotImplementedError

    def caller_name(self, message: VoicemailMessage) -> str:
        """Phonebook name, else caller id; empty for an unknown caller (no I/O: the
        names came with the service's last ``Overview``)."""
        return caller_name(message, self.overview.names)

    def caller_label(self, message: VoicemailMessage) -> str:
        return localized(caller_label(message, self.overview.names))

    async def _command(
        self, work: Awaitable[MessageChanges], busy_text: str
    ) -> MessageChanges | None:
        """Run a command through the one door; its change set, ``None`` when refused.

        The rows were already updated from the service's ``messages_changed``
        (optimistic step, confirmation or roll-back, in the order they were
        stored). Applying the returned set again here would be wrong: a later
        command on the same row (a quick second click while a slow provider
        answers the first) would be painted over by this older result.
        """
        return await run_in_background(self, work, busy_text=busy_text)

    # --- user hooks (tests replace these) ---------------------------------------------

    async def confirm(self, text: str, yes_text: str) -> bool:
        return await feedback.ask(self._parent(), text, yes_text=yes_text, title=translate(
            "MessageCommands",
            "Delete voicemail",
        ))

    # The dialogs module loads with the first question asked: building the Python
    # types of Qt's file and input dialogs is ~1 ms the first paint need not wait for.
    async def ask_save_path(self, suggested: Path) -> Path | None:
        from app.ui.tabs.voicemail import dialogs

        return await dialogs.ask_save_path(self._parent(), suggested)

    async def ask_email(self, default: str) -> str | None:
        from app.ui.tabs.voicemail import dialogs

        return await dialogs.ask_email(self._parent(), default)

    def _parent(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None

    # --- actions -----------------------------------------------------------------------

    @async_slot()
    async def _on_heard_triggered(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.set_heard(message, not message.listened)

    async def set_heard(self, message: VoicemailMessage, heard: bool) -> None:
        text = (translate("MessageCommands", "Marking as heard…") if heard
                else translate("MessageCommands", "Marking as not heard…"))
        await self._command(self.service.set_listened(message, heard), text)

    @async_slot()
    async def _on_urgent_triggered(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.set_urgent(message, not message.urgent)

    async def set_urgent(self, message: VoicemailMessage, urgent: bool) -> None:
        await self._command(self.service.set_urgent(message, urgent), translate(
            "MessageCommands",
            "Saving…",
        ))

    @async_slot(str)
    async def _on_move_requested(self, folder: str) -> None:
        message = self.selected_message()
        if message is not None:
            await self.move_message(message, folder)

    async def move_message(self, message: VoicemailMessage, folder: str) -> None:
        await self._command(self.service.move(message, folder), translate(
            "MessageCommands",
            "Moving to {folder}…",
        ).format(folder=folder))

    @async_slot()
    async def _on_delete_triggered(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.delete_message(message)

    async def delete_message(self, message: VoicemailMessage) -> bool:
        label = self.caller_label(message)
        when = format_received(message.date, None, _now())
        question = translate(
            "MessageCommands",
                "Delete the voicemail from {caller} ({when})? This cannot be undone.",
        ).format(caller=label, when=when)
        if not await self.confirm(question, translate("MessageCommands", "Delete")):
            return False
        changes = await self._command(self.service.delete(message), translate(
            "MessageCommands",
            "Deleting voicemail…",
        ))
        return changes is not None and message.key in changes.removed

    @async_slot()
    async def _on_save_triggered(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.save_audio(message)

    async def save_audio(self, message: VoicemailMessage) -> Path | None:
        suggested = Path.home() / _file_name(self.caller_label(message), message)
        destination = await self.ask_save_path(suggested)
        if destination is None:
            return None
        saved = await run_in_background(
            self,
            self.service.save_audio(message, destination),
            busy_text=translate("MessageCommands", "Saving the recording…"),
        )
        if saved is not None:
            self._announce(translate("MessageCommands", "Saved to {saved}").format(saved=saved))
        return saved

    @async_slot()
    async def _on_email_triggered(self) -> None:
        message = self.selected_message()
        if message is not None:
            await self.send_email(message)

    async def send_email(self, message: VoicemailMessage) -> bool:
        summary = self.overview.summary(message.mailbox)
        address = await self.ask_email(summary.box.email if summary else "")
        if address is None:
            return False
        work = self.service.send_email(message, address)
        sent = await run_in_background(self, _done(work), busy_text=translate(
            "MessageCommands",
            "Sending e-mail…",
        ))
        if sent:
            self._announce(translate(
                "MessageCommands",
                "Voicemail sent to {address}",
            ).format(address=address))
        return bool(sent)


async def _done(work: Awaitable[None]) -> bool:
    """``True`` once ``work`` has finished (``run_operation`` gives ``None`` on failure)."""
    await work
    return True


def _now() -> datetime:
    return datetime.now().astimezone()


def _file_name(label: str, message: VoicemailMessage) -> str:
    when = message.date.astimezone().strftime("%Y-%m-%d %H-%M") if message.date else "undated"
    safe = re.sub(r'[\\/:*?"<>|]+', "-", label).strip() or "caller"
    return f"Voicemail from {safe} {when}.mp3"
