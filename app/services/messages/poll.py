"""Periodic messages check and the desktop notification for new inbound messages (Qt-free).

Every ``messages_poll_seconds`` the service syncs (``MessagesService.refresh``)
through the shared ``Poller``; a tick while a refresh the user asked for is
running adds nothing and is skipped. Any sync that stores new inbound messages,
the poller's or a refresh, raises a notification through the ``NotifierLike``
port: one per message (name from the phonebook, a snippet of the text), or one
summary when more than three arrived at once.

Events (the ``Poller``'s):
    failed(str): a periodic check failed; the first of a run of failures only
        (the tab shows it in the status bar, never as a dialog).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.notifications import NotifyTarget, conversation_target
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.domain.models.messages import Message
    from app.services.messages.service import MessagesService
    from app.services.root import NotifierLike

SNIPPET_CHARS = 80
#: More new messages than this at once are announced in one summary.
ONE_BY_ONE_UP_TO = 3


def snippet(message: Message) -> str:
    """The notification text of one message: its text on one line, cut at ``SNIPPET_CHARS``."""
    text = " ".join(message.text.split()) or (
        QT_TRANSLATE_NOOP("services", "Image") if message.media else "")
    if len(text) > SNIPPET_CHARS:
        text = text[: SNIPPET_CHARS - 1] + "…"
    return text


class MessagesPolling(FeaturePolling):
    """Syncs on a schedule and announces new inbound messages.

    Built by ``MessagesService`` (one per service); ``0`` seconds keeps it off.
    """

    name = "messages"

    def __init__(
        self,
        service: MessagesService,
        notifier: NotifierLike | None,
        *,
        interval_seconds: float,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._service = service
        self._notifier = notifier
        super().__init__(interval_seconds=interval_seconds, sleep=sleep)

    async def _check(self) -> None:
        # A refresh the user asked for is running: this tick has nothing to add.
        if not self._service.syncing:
            await self._service.refresh()

    async def announce(self, messages: Sequence[Message]) -> None:
        """Notify these new inbound messages (nothing without a notifier)."""
        if not messages or self._notifier is None:
            return
        if len(messages) > ONE_BY_ONE_UP_TO:
            senders = {m.contact for m in messages}
            # Texts with their values (app/domain/words.py): the UI translates them.
            self._notifier.notify(
                Text(QT_TRANSLATE_NOOP("services", "{count} new messages"), count=len(messages)),
                Text(QT_TRANSLATE_NOOP("services", "From {count} contacts"), count=len(senders)),
                NotifyTarget("messages"))
            return
        for message in messages:
            name = (await self._service.store.phonebook_name(message.contact)
                    or format_number(message.contact))
            self._notifier.notify(
                Text(QT_TRANSLATE_NOOP("services", "New message from {name}"),
                     name=Verbatim(name)),
                Verbatim(snippet(message)),
                conversation_target(message.did, message.contact))
