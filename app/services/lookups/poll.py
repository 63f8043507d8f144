"""Lookup lists kept fresh in the background: ``LookupRefresh``.

Started once the main window's first load of the account is over (so it never
competes with the tabs or delays the first paint): one check at once, then one
every ``CHECK_SECONDS``. A check fetches only the lists that were never fetched
or whose copy is older than the TTL (``lookup_ttl_days``); a fresh list costs a
small cache read and no API call. Quiet on failure: offline, the old copies stay
in the cache and are served as they are, and the next check tries again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.services.lookups.service import LookupService

log = logging.getLogger(__name__)

#: How often the copies' age is looked at. The TTL is counted in days, so an
#: hour late is nothing; the same interval is the retry delay when offline.
CHECK_SECONDS = 30 * 60


class LookupRefresh(FeaturePolling):
    """Fetches the due lookup lists now and then every ``interval_seconds``.

    Events (from ``FeaturePolling``): ``failed(str)`` once per run of failed
    checks (nobody has to listen: the cache keeps serving), ``recovered()``.
    """

    name = "lookups"

    def __init__(
        self,
        service: LookupService,
        *,
        interval_seconds: float = CHECK_SECONDS,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(interval_seconds=interval_seconds, sleep=sleep)
        self._service = service
        self._first: asyncio.Task[None] | None = None

    async def _check(self) -> None:
        outcome = await self._service.refresh_due()
        failed = {name: error for name, error in outcome.items() if error}
        if failed:
            # A UserFacingError: logged once by the poller, polling goes on.
            name, error = next(iter(failed.items()))
            template = (
                QT_TRANSLATE_NOOP("services", "Could not refresh 1 cached list ({name}: {error})")
                if len(failed) == 1 else
                QT_TRANSLATE_NOOP("services",
                    "Could not refresh {count} cached lists ({name}: {error})")
            )
            raise UserFacingError(Text(template, count=len(failed), name=Verbatim(name),
                error=error))

    def start(self) -> None:
        """Check at once (in a task of its own), then every interval; no-op when running."""
        if self.active or (self._first is not None and not self._first.done()):
            return
        self._first = asyncio.get_running_loop().create_task(
            self._first_then_poll(), name="lookups:first-check"
        )

    async def _first_then_poll(self) -> None:
        try:
            await self.check()  # a UserFacingError never leaves check()
        except Exception as exc:  # a bug: reported like the poller reports its own
            asyncio.get_running_loop().call_exception_handler(
                {"message": "lookups: background refresh stopped by a bug", "exception": exc}
            )
            return
        super().start()

    def stop(self) -> None:
        first, self._first = self._first, None
        if first is not None and not first.done():
            first.cancel()
        super().stop()

    @property
    def running(self) -> bool:
        """The first check is under way or the periodic checks are scheduled."""
        return self.active or (self._first is not None and not self._first.done())
