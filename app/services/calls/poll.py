"""Periodic call-history check and the notification for new missed calls (Qt-free).

Every ``interval`` the service syncs from the last synced day (a day's overlap)
through the shared ``Poller``; any sync that finds new missed calls raises one
notification through the ``NotifierLike`` port.

Events (the ``Poller``'s): failed(str), recovered().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.models.calls import CallRow
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.notifications import NotifyTarget, call_target
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.services.calls.service import CallsService
    from app.services.root import NotifierLike


def caller_label(row: CallRow) -> str:
    """Phonebook name, else the caller-id name, else the formatted number."""
    call = row.call
    known = row.contact or call.caller_name or format_number(call.number)
    # Outside text stays as it is; the fallback is translated by the UI (words.py).
    return Verbatim(known) if known else QT_TRANSLATE_NOOP("services", "Unknown caller")


def notification_text(rows: tuple[CallRow, ...]) -> tuple[str, str]:
    if len(rows) == 1:
        row = rows[0]
        who = caller_label(row)
        number = format_number(row.call.number)
        if number and number != who:
            who = f"{who} ({number})"
        return QT_TRANSLATE_NOOP("services", "Missed call"), Text(
            QT_TRANSLATE_NOOP("services", "From {callers}"), callers=Verbatim(who))
    names = ", ".join(dict.fromkeys(caller_label(r) for r in rows[:3]))
    more = "…" if len(rows) > 3 else ""
    return (Text(QT_TRANSLATE_NOOP("services", "{count} missed calls"), count=len(rows)),
            Text(QT_TRANSLATE_NOOP("services", "From {callers}"),
                 callers=Verbatim(f"{names}{more}")))


class CallsPolling(FeaturePolling):
    """Syncs recent calls on a schedule; notifies about new missed calls."""

    name = "calls"

    def __init__(
        self, service: CallsService, notifier: NotifierLike | None, *, interval_seconds: float
    ) -> None:
        self._service = service
        self._notifier = notifier
        super().__init__(interval_seconds=interval_seconds)
        service.new_missed.connect(self._on_service_new_missed)

    async def _check(self) -> None:
        await self._service.sync()

    def _on_service_new_missed(self, rows: tuple[CallRow, ...]) -> None:
        # A caller who left a voicemail that is already here had its notification
        # ("New voicemail from ..."): one event, one notification, not a second one
        # for the call it was left on.
        untold = tuple(row for row in rows if row.voicemail is None)
        if self._notifier is not None and untold:
            title, text = notification_text(untold)
            target = call_target(untold[0].id) if len(untold) == 1 else NotifyTarget("calls")
            self._notifier.notify(title, text, target)
