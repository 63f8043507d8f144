"""The account balance shown in the header: fetched on a timer and on demand.

Signals:
    changed(object): the new ``Balance`` after a successful fetch.
    failed(str): a readable reason when a fetch failed (the old figure stays shown).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.errors import UserFacingError
from app.domain.models import Balance

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.config.settings import Settings

log = logging.getLogger(__name__)


class BalanceService(QObject):
    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, api: Api, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._api = api
        self._settings = settings
        self.balance: Balance | None = None
        self.fetched_at: datetime | None = None
        self.last_error: str | None = None
        self._inflight: asyncio.Future[Balance] | None = None
        self._timer_task: asyncio.Future[None] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)

    # --- state ---------------------------------------------------------------------

    @property
    def threshold(self) -> Decimal:
        return Decimal(str(self._settings.low_balance_warning))

    def is_low(self) -> bool:
        """True when a warning threshold is set and the known balance is under it."""
        return (
            self.balance is not None
            and self.threshold > 0
            and self.balance.current < self.threshold
        )

    # --- fetching ------------------------------------------------------------------

    async def refresh(self) -> Balance:
        """Fetch now; concurrent callers share one request. Raises ``UserFacingError``."""
        if self._inflight is None or self._inflight.done():
            self._inflight = asyncio.ensure_future(self._fetch())
        return await asyncio.shield(self._inflight)

    async def _fetch(self) -> Balance:
        try:
            balance = await self._api.get_balance()
        except UserFacingError as exc:
            self.last_error = exc.message
            self.failed.emit(exc.message)
            raise
        self.balance = balance
        self.fetched_at = datetime.now(UTC)
        self.last_error = None
        self.changed.emit(balance)
        return balance

    # --- timer ---------------------------------------------------------------------

    def start(self) -> None:
        """Refresh every ``balance_refresh_minutes`` (0 turns the timer off)."""
        minutes = self._settings.balance_refresh_minutes
        if minutes > 0:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        if self._timer_task is not None and not self._timer_task.done():
            self._timer_task.cancel()
        if self._inflight is not None and not self._inflight.done():
            self._inflight.cancel()

    def _on_timer_timeout(self) -> None:
        if self._timer_task is None or self._timer_task.done():
            self._timer_task = asyncio.ensure_future(self._refresh_quietly())

    async def _refresh_quietly(self) -> None:
        # A timer refresh that fails is reported by ``failed`` (status bar), not a dialog.
        try:
            await self.refresh()
        except UserFacingError:
            pass
        except asyncio.CancelledError:
            pass
