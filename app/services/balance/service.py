"""The account balance shown in the header: fetched periodically and on demand.

The last figure is kept in the account's cache (``sync_state`` key ``balance``):
the header shows it at once on the next start, and offline, with the time it
was fetched, until a fresh one arrives.

Qt-free: periodic fetches go through the one polling primitive (``Poller``), and
the header hears the events through ``app/ui/bridge.py``.

Events:
    changed(Balance): the new figure after a successful fetch (or ``announce()``).
    failed(str): a readable reason when a fetch failed (the old figure stays shown);
        every failure, whether the poller or the user asked.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from app.domain.errors import UserFacingError
from app.domain.models.balance import Balance
from app.services.events import Event
from app.services.polling import Poller

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.domain.calls import Forecast
    from app.store.db import Database

log = logging.getLogger(__name__)

#: ``sync_state`` key of the last fetched balance.
CACHE_KEY = "balance"
_FIELDS = (
    "current", "spent_today", "calls_today", "time_today", "spent_total", "calls_total",
    "time_total",
)


def balance_to_json(balance: Balance, fetched_at: datetime) -> str:
    data: dict[str, Any] = {"fetched_at": fetched_at.isoformat()}
    for name in _FIELDS:
        value = getattr(balance, name)
        data[name] = str(value) if isinstance(value, Decimal) else value
    return json.dumps(data)


def balance_from_json(text: str) -> tuple[Balance, datetime] | None:
    """The cached figure and when it was fetched; ``None`` if the text is not one."""

    def money(value: Any) -> Decimal | None:
        return None if value is None else Decimal(str(value))

    def count(value: Any) -> int | None:
        return None if value is None else int(value)

    def words(value: Any) -> str | None:
        return None if value is None else str(value)

    try:
        data = json.loads(text)
        current = money(data.get("current"))
        if current is None:
            return None
        balance = Balance(
            current,
            spent_today=money(data.get("spent_today")),
            calls_today=count(data.get("calls_today")),
            time_today=words(data.get("time_today")),
            spent_total=money(data.get("spent_total")),
            calls_total=count(data.get("calls_total")),
            time_total=words(data.get("time_total")),
        )
        fetched_at = datetime.fromisoformat(str(data["fetched_at"]))
    except (ValueError, TypeError, KeyError, InvalidOperation, AttributeError):
        return None
    return (balance, fetched_at) if fetched_at.tzinfo is not None else None


class BalanceService:
    """The current figure (``balance``, ``fetched_at``, ``from_cache``) and its fetching."""

    def __init__(
        self,
        api: Api,
        settings: Settings,
        db: Database | None = None,
        *,
        poll_sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._api = api
        self._settings = settings
        self._db = db
        self.balance: Balance | None = None
        self.fetched_at: datetime | None = None
        #: The figure shown is the one kept from an earlier run, not fetched now.
        self.from_cache = False
        self.last_error: str | None = None
        #: Average daily spend over 30 days and days left (``getTransactionHistory``).
        self.forecast: Forecast | None = None
        self.changed: Event[Balance] = Event("balance.changed")
        self.failed: Event[str] = Event("balance.failed")
        self._inflight: asyncio.Future[Balance] | None = None
        # Interval set by ``start`` (settings may change it while the app runs);
        # ``poll_sleep`` lets a test say when the next tick comes.
        self.poller = Poller(self.refresh, interval_seconds=0, name="balance", sleep=poll_sleep)

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

    def is_short(self) -> bool:
        """True when the balance lasts fewer than ``low_balance_days`` at the recent pace."""
        days = self._settings.low_balance_days
        left = self.forecast.days_left if self.forecast is not None else None
        return days > 0 and left is not None and left < days

    async def _forecast(self, balance: Balance) -> None:
        # Optional: the balance shows without it when the history cannot be read.
        from app.domain.calls import forecast

        today = datetime.now(UTC).date()
        try:
            rows = await self._api.get_transactions(today - timedelta(days=29), today)
        except UserFacingError as exc:
            log.info("No balance forecast: %s", exc.message)
            return
        spent = [-t.amount for t in rows if t.amount < 0]
        self.forecast = forecast(balance.current, spent, days=30)

    def announce(self) -> None:
        """Emit ``changed`` with the figure known now (the threshold may have changed)."""
        if self.balance is not None:
            self.changed.emit(self.balance)

    def load_cached(self) -> None:
        """Take the figure kept from the last run, if any (a small read: start-up)."""
        if self._db is None:
            return
        from app.store.sync_state import get_state

        try:
            text = self._db.run_sync(get_state, CACHE_KEY)
        except Exception:  # the cache is optional here; the fetch follows anyway
            log.exception("Reading the cached balance failed")
            return
        cached = balance_from_json(text) if text else None
        if cached is not None:
            self.balance, self.fetched_at = cached
            self.from_cache = True

    async def _keep(self, balance: Balance, fetched_at: datetime) -> None:
        if self._db is None:
            return
        from app.store.sync_state import set_state

        try:
            await self._db.run(set_state, CACHE_KEY, balance_to_json(balance, fetched_at))
        except Exception:  # not worth bothering the user: the next fetch tries again
            log.exception("Keeping the balance in the cache failed")

    # --- fetching ------------------------------------------------------------------

    async def refresh(self) -> Balance:
        """Fetch now; concurrent callers share one request. Raises ``UserFacingError``."""
        if self._inflight is None or self._inflight.done():
            self._inflight = asyncio.ensure_future(self._fetch())
        return await asyncio.shield(self._inflight)

    async def check_now(self) -> bool:
        """Fetch now without raising: ``False`` when it failed (``failed`` said why)."""
        return await self.poller.check_now()

    async def _fetch(self) -> Balance:
        try:
            balance = await self._api.get_balance()
        except UserFacingError as exc:
            self.last_error = exc.message
            self.failed.emit(exc.message)
            raise
        self.balance = balance
        await self._forecast(balance)
        self.fetched_at = datetime.now(UTC)
        self.from_cache = False
        self.last_error = None
        # Kept before it is announced: a window closed the moment the new balance
        # shows (its tasks are then cancelled) still finds it in the cache next start.
        await self._keep(balance, self.fetched_at)
        self.changed.emit(balance)
        return balance

    # --- polling -------------------------------------------------------------------

    def start(self) -> None:
        """Refresh every ``balance_refresh_minutes`` (0 turns polling off); call again
        after the setting changed."""
        self.poller.set_interval(self._settings.balance_refresh_minutes * 60)
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()
        if self._inflight is not None and not self._inflight.done():
            self._inflight.cancel()
