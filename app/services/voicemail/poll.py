"""The periodic new-voicemail check and its desktop notification (Qt-free).

A ``Poller`` calls ``VoicemailService.check_new``: one ``getVoicemails`` call
per tick, plus the message list of a mailbox only when its counts moved. Checks
never overlap; a failing check is logged and reported once through ``failed``
(the tab shows it in the status bar), never as a dialog that would pile up
while the network is down. Arrivals, found by a check or by a full refresh,
become one desktop notification through the ``NotifierLike`` port.

The service owns one ``VoicemailPolling`` (``service.polling``); the tab only
starts and stops it.

Events:
    failed(str): a check failed (the first failure of a run of them); status-bar text.
    checked(int): a check succeeded; the number of new messages it found.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.events import Event
from app.services.notifications import voicemail_target
from app.services.polling import FeaturePolling
from app.services.root import NotifierLike, RecordingNotifier
from app.services.voicemail.changes import Arrivals, caller_label

if TYPE_CHECKING:
    from app.services.voicemail.service import VoicemailService


def notification_text(arrivals: Arrivals) -> tuple[str, str]:
    """``("New voicemail", "From Jane Roe (555) 123-4567, 0:42")`` or a summary for many."""
    names = arrivals.names
    if len(arrivals.messages) == 1:
        message = arrivals.messages[0]
        caller = caller_label(message, names)
        number = format_number(message.caller_number)
        who = caller if number in ("", caller) else f"{caller} {number}"
        minutes, seconds = divmod(message.duration_seconds, 60)
        # Texts with their values (app/domain/words.py): the UI translates them.
        urgent = (QT_TRANSLATE_NOOP("services", "Urgent voicemail") if message.urgent
                  else QT_TRANSLATE_NOOP("services", "New voicemail"))
        return urgent, Text(
            QT_TRANSLATE_NOOP("services", "From {who}, {length} (mailbox {mailbox})"),
            who=Verbatim(who), length=f"{minutes}:{seconds:02d}", mailbox=message.mailbox,
        )
    callers = sorted({caller_label(m, names) for m in arrivals.messages})
    count = len(arrivals.messages)
    title = Text(QT_TRANSLATE_NOOP("services", "{count} new voicemails"), count=count)
    if len(callers) > 3:
        return title, Text(QT_TRANSLATE_NOOP("services", "From {callers} and others"),
                           callers=Verbatim(", ".join(callers[:3])))
    return title, Text(QT_TRANSLATE_NOOP("services", "From {callers}"),
                       callers=Verbatim(", ".join(callers)))


class VoicemailPolling(FeaturePolling):
    """Runs ``check_new`` every ``interval_seconds``; notifies about arrivals (from any sync)."""

    name = "voicemail"

    def __init__(
        self,
        service: VoicemailService,
        notifier: NotifierLike | None = None,
        *,
        interval_seconds: float = 120,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._service = service
        self._notifier: NotifierLike = notifier if notifier is not None else RecordingNotifier()
        self._found = 0
        super().__init__(interval_seconds=interval_seconds, sleep=sleep)
        # Its own ``failed``: the poller's text, said as a voicemail check.
        self.failed = Event("voicemail.check_failed")
        self.checked: Event[int] = Event("voicemail.checked")
        self.poller.failed.connect(self._on_poller_failed)
        # Arrivals found by a full refresh notify too, not only the timer's.
        service.new_voicemail.connect(self._on_service_new_voicemail)

    async def check_now(self) -> int:
        """One check now; how many new messages it found (0 when it failed)."""
        self._found = 0
        ok = await self.poller.check_now()
        return self._found if ok else 0

    async def _check(self) -> None:
        self._found = len(await self._service.check_new())
        self.checked.emit(self._found)

    def _on_poller_failed(self, text: str) -> None:
        self.failed.emit(Text(
            QT_TRANSLATE_NOOP("services", "Could not check for new voicemail: {problem}"),
            problem=text))

    def _on_service_new_voicemail(self, arrivals: Arrivals) -> None:
        title, text = notification_text(arrivals)
        one = arrivals.messages[0].key if len(arrivals.messages) == 1 else None
        self._notifier.notify(title, text, voicemail_target(one))
