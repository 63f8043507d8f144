"""Periodic fax check and the desktop notification for new inbound faxes (Qt-free).

Every ``interval`` the service syncs a short recent window (new faxes and
status changes of recent sent ones) through the shared ``Poller``; any sync that
finds new inbound faxes, the poller's or a full refresh, raises one
notification through the ``NotifierLike`` port.

Events (the ``Poller``'s):
    failed(str): a periodic check failed; the first of a run of failures only
        (the tab shows it in the status bar, never as a dialog).
    recovered(): a check succeeded after failures.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING

from app.domain.models.fax import FaxMessage
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.fax.rules import sender_name
from app.services.notifications import fax_target
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.services.fax.service import FaxService
    from app.services.root import NotifierLike

log = logging.getLogger(__name__)

#: Days fetched by a periodic check: today and yesterday cover a fax at midnight.
POLL_DAYS = 2


def notification_text(
    faxes: tuple[FaxMessage, ...] | list[FaxMessage], names: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """"New fax" / "From Northside Flour Co. ((800) 555-0111), 2 pages": the sender
    as the phonebook names it (as the list does), else its station id."""
    if len(faxes) == 1:
        fax = faxes[0]
        number = format_number(fax.callerid)
        station = sender_name(fax, names)
        # A fax machine's station id is often just its own number ("4185550124"):
        # then the formatted number says it once, not "4185550124 ((418) 555-0124)".
        if station and _digits(station) != _digits(fax.callerid):
            who = f"{station} ({number})" if number else station
        else:
            who = number or station or QT_TRANSLATE_NOOP("services", "unknown sender")
        # Texts with their values (app/domain/words.py): the UI translates them.
        if fax.pages == 1:
            text = Text(QT_TRANSLATE_NOOP("services", "From {who}, 1 page"), who=Verbatim(who))
        else:
            text = Text(QT_TRANSLATE_NOOP("services", "From {who}, {pages} pages"),
                        who=Verbatim(who), pages=fax.pages)
        return QT_TRANSLATE_NOOP("services", "New fax"), text
    pages = sum(f.pages for f in faxes)
    return (Text(QT_TRANSLATE_NOOP("services", "{count} new faxes"), count=len(faxes)),
            Text(QT_TRANSLATE_NOOP("services", "{pages} pages in all"), pages=pages))


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


class FaxPolling(FeaturePolling):
    """Syncs the recent fax window on a schedule; notifies about new inbound faxes.

    Built by ``FaxService`` (one per service); ``0`` seconds keeps it off.
    """

    name = "fax"

    def __init__(
        self,
        service: FaxService,
        notifier: NotifierLike | None,
        *,
        interval_seconds: float,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._service = service
        self._notifier = notifier
        super().__init__(interval_seconds=interval_seconds, sleep=sleep)
        service.new_faxes.connect(self._on_service_new_faxes)

    async def _check(self) -> None:
        await self._service.sync(days=POLL_DAYS)

    def _on_service_new_faxes(self, faxes: tuple[FaxMessage, ...]) -> None:
        if self._notifier is not None:
            title, text = notification_text(faxes, self._service.names_told)
            first = faxes[0]  # several: the newest one's row, in the folder they came to
            self._notifier.notify(title, text, fax_target(first.folder, first.id))
