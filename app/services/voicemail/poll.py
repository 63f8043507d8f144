"""The periodic new-voicemail check and its desktop notification.

A ``PeriodicCheck`` timer (sync layer may use QtCore) calls ``VoicemailService.check_new``:
one ``getVoicemails`` call per tick, plus the message list of a mailbox only
when its counts moved. Ticks never overlap; a failing check is logged and
reported once through ``check_failed`` (status bar), never as a dialog that
would pile up while the network is down.

Signals:
    check_failed(str): a check failed (the first failure of a run of them).
    checked(int): a check finished; the number of new messages it found.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from app.domain.errors import UserFacingError
from app.domain.models.voicemail import VoicemailMessage
from app.domain.phone import format_number
from app.services.polling import PeriodicCheck
from app.services.root import NotifierLike
from app.services.voicemail.service import VoicemailService

log = logging.getLogger(__name__)


def notification_text(
    service: VoicemailService, arrived: list[VoicemailMessage]
) -> tuple[str, str]:
    """``("New voicemail", "From Jane Roe (555) 123-4567, 0:42")`` or a summary for many."""
    if len(arrived) == 1:
        message = arrived[0]
        caller = service.caller_label(message)
        number = format_number(message.caller_number)
        who = caller if number in ("", caller) else f"{caller} {number}"
        minutes, seconds = divmod(message.duration_seconds, 60)
        urgent = "Urgent voicemail" if message.urgent else "New voicemail"
        return urgent, f"From {who}, {minutes}:{seconds:02d} (mailbox {message.mailbox})"
    callers = sorted({service.caller_label(m) for m in arrived})
    shown = ", ".join(callers[:3]) + (" and others" if len(callers) > 3 else "")
    return f"{len(arrived)} new voicemails", f"From {shown}"


class VoicemailPoller(PeriodicCheck):
    """Asks ``check_new`` on a timer; notifies about arrivals (from any sync)."""

    checked = Signal(int)

    def __init__(
        self,
        service: VoicemailService,
        notifier: NotifierLike,
        *,
        interval_seconds: int = 120,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(interval_seconds=interval_seconds, parent=parent)
        self._service = service
        self._notifier = notifier
        self._failing = False
        # Arrivals found by a full refresh notify too, not only the timer's.
        service.new_voicemail.connect(self._on_service_new_voicemail)

    async def check_now(self) -> int:
        """One check; returns how many new messages it found (0 when it failed)."""
        try:
            arrived = await self._service.check_new()
        except UserFacingError as exc:
            log.warning("Voicemail check failed: %s", exc.message)
            if not self._failing:
                self._failing = True
                self.check_failed.emit(f"Could not check for new voicemail: {exc.message}")
            self.checked.emit(0)
            return 0
        self._failing = False
        self.checked.emit(len(arrived))
        return len(arrived)

    async def run_check(self) -> None:
        await self.check_now()

    @Slot(list)
    def _on_service_new_voicemail(self, arrived: list[VoicemailMessage]) -> None:
        title, text = notification_text(self._service, arrived)
        self._notifier.notify(title, text)
