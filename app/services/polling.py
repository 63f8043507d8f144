"""Polling: ``Poller``, the one Qt-free primitive every service uses.

Every feature polls the same way (voicemail, fax, messages, balance): an
interval from the settings (``0`` turns it off), at most one check in flight,
failures reported once per run of them, and ``stop`` cancelling a check still
waiting on the network so a closing window leaves no task behind. Only *what*
a check does differs; the service hands that in as a coroutine function.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from app.api.errors import Unreachable
from app.domain.errors import UserFacingError
from app.services.events import Event

log = logging.getLogger(__name__)

#: Shortest interval honoured, so a mistyped setting cannot hammer the API.
MIN_INTERVAL_SECONDS = 5


class Poller:
    """Runs ``check`` every ``interval_seconds`` on the running asyncio loop (Qt-free).

    The one polling primitive of the services (voicemail, fax, messages, balance,
    calls, phones). At most one check is in flight: the next wait starts when the
    previous check ended, so a slow network never piles checks up. ``0`` turns it
    off. A check that fails with a ``UserFacingError`` is reported through
    ``failed`` (the first of a run of failures only: a status-bar line, never a
    dialog that piles up while offline) and polling goes on; any other exception
    is a bug: it goes to the loop's exception handler (crash dialog, log) and
    polling stops. Waits use the loop's monotonic clock: a wall-clock jump neither
    fires nor parks a check.

    Events:
        failed(str): a check failed; the text says what to tell the user.
        recovered(): a check succeeded after failures.
    """

    def __init__(
        self,
        check: Callable[[], Awaitable[object]],
        *,
        interval_seconds: float,
        name: str = "poll",
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._check = check
        self.name = name
        self._sleep = sleep
        self._task: asyncio.Task[None] | None = None
        self._failing = False
        self._reported = False
        self.interval = 0.0
        #: A lower bound on the wait that a feature may raise between checks (its
        #: share of the API's request budget, a back-off) without restarting the
        #: schedule as ``set_interval`` does; the wait is never below ``interval``.
        self.floor = 0.0
        self.failed: Event[str] = Event(f"{name}.failed")
        self.recovered: Event[()] = Event(f"{name}.recovered")
        self.set_interval(interval_seconds)

    def set_interval(self, seconds: float) -> None:
        """``0`` (or less) turns polling off; a running poller restarts its wait."""
        self.interval = 0.0 if seconds <= 0 else max(MIN_INTERVAL_SECONDS, seconds)
        if self._task is not None:
            self.stop()
            self.start()

    @property
    def enabled(self) -> bool:
        return self.interval > 0

    @property
    def active(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start waiting for the first check (needs a running loop); no-op when off."""
        if self.enabled and not self.active:
            self._task = asyncio.get_running_loop().create_task(
                self._run(), name=f"poller:{self.name}"
            )

    def stop(self) -> None:
        """Stop polling; a check in flight is cancelled."""
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()

    async def check_now(self) -> bool:
        """Run one check now (outside the schedule); ``False`` when it failed."""
        return await self._one_check()

    async def _run(self) -> None:
        sleep = self._sleep or asyncio.sleep
        while True:
            await sleep(max(self.interval, self.floor))
            try:
                await self._one_check()
            except Exception as exc:  # a bug: report it once and stop polling
                asyncio.get_running_loop().call_exception_handler(
                    {"message": f"{self.name}: polling stopped by a bug", "exception": exc}
                )
                return

    async def _one_check(self) -> bool:
        try:
            await self._check()
        except Unreachable:
            # Offline: nothing was sent, and the window's one "Can't reach VoIP.ms"
            # bar says so; a line per poller would only repeat it.
            log.debug("%s: skipped, VoIP.ms cannot be reached", self.name)
            self._failing = True
            return False
        except UserFacingError as exc:
            log.info("%s: check failed: %s", self.name, exc.message)
            self._failing = True
            if not self._reported:
                self._reported = True
                self.failed.emit(exc.message)
            return False
        if self._failing:
            self._failing = self._reported = False
            self.recovered.emit()
        return True


class FeaturePolling:
    """A feature's periodic check: a ``Poller`` around ``_check``, the same surface in
    every feature (the UI starts and stops it, tests drive it with ``sleep``).

    Subclasses name themselves (``name``), implement ``_check`` and hook their
    notifications to the service's events.
    """

    name = "poll"

    def __init__(
        self,
        *,
        interval_seconds: float,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.poller = Poller(
            self._check, interval_seconds=interval_seconds, name=self.name, sleep=sleep
        )
        self.failed: Event[str] = self.poller.failed
        self.recovered: Event[()] = self.poller.recovered

    async def _check(self) -> None:
        raise NotImplementedError

    def set_interval(self, seconds: float) -> None:
        self.poller.set_interval(seconds)

    def start(self) -> None:
        self.poller.start()

    def stop(self) -> None:
        self.poller.stop()

    @property
    def active(self) -> bool:
        return self.poller.active

    @property
    def interval(self) -> float:
        return self.poller.interval

    async def check(self) -> bool:
        """One check now; ``False`` when it failed (reported through ``failed``)."""
        return await self.poller.check_now()
