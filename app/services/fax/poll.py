"""Periodic fax check and the desktop notification for new inbound faxes.

Every ``interval`` the service syncs a short recent window (new faxes and
status changes of recent sent ones); any sync that finds new inbound faxes,
the timer's or a full refresh, raises one notification.

Signals:
    check_failed(str): a periodic check failed (status bar text; no dialog).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxMessage
from app.domain.phone import format_number
from app.services.fax.service import FaxService
from app.services.polling import PeriodicCheck
from app.services.root import NotifierLike

log = logging.getLogger(__name__)

#: Days fetched by a periodic check: today and yesterday cover a fax at midnight.
POLL_DAYS = 2


def notification_text(faxes: list[FaxMessage]) -> tuple[str, str]:
    if len(faxes) == 1:
        fax = faxes[0]
        who = fax.stationid or format_number(fax.callerid) or "unknown sender"
        number = format_number(fax.callerid)
        if number and number != who:
            who = f"{who} ({number})"
        return "New fax", f"From {who}, {fax.pages} page{'s' if fax.pages != 1 else ''}"
    pages = sum(f.pages for f in faxes)
    return f"{len(faxes)} new faxes", f"{pages} pages in all"


class FaxPoller(PeriodicCheck):
    """Syncs the recent fax window on a timer; notifies about new inbound faxes."""

    def __init__(
        self,
        service: FaxService,
        notifier: NotifierLike,
        *,
        interval_seconds: int = 120,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(interval_seconds=interval_seconds, parent=parent)
        self._service = service
        self._notifier = notifier
        service.new_faxes.connect(self._on_service_new_faxes)

    async def check(self) -> None:
        try:
            await self._service.sync(days=POLL_DAYS)
        except UserFacingError as exc:
            log.info("Fax check failed: %s", exc.message)
            self.check_failed.emit(f"Checking for faxes failed: {exc.message}")

    async def run_check(self) -> None:
        await self.check()

    def _on_service_new_faxes(self, faxes: list[FaxMessage]) -> None:
        title, text = notification_text(faxes)
        self._notifier.notify(title, text)
