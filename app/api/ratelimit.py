"""One call at a time, spaced, and a pause after ``api_limit_exceeded``.

VoIP.ms counts requests per minute per account. Known clients stay under the
limit by serialising calls and spacing them about 250 ms apart, and wait about
a minute once the provider says the limit is reached (API-NOTES.md). The clock
and ``sleep`` are injected so tests never wait for real.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from types import TracebackType

SleepFn = Callable[[float], Awaitable[None]]


class Throttle:
    """``async with throttle:`` holds the single call slot.

    Entering waits for the lock, then for the pause (if any) and the spacing
    since the previous call ended. Waits are computed once and slept once, so
    an injected sleep that returns immediately never makes this loop.
    """

    def __init__(
        self,
        min_interval: float = 0.25,
        *,
        sleep: SleepFn = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval = min_interval
        self._sleep = sleep
        self._clock = clock
        self._lock = asyncio.Lock()
        self._last_end: float | None = None
        self._paused_until: float = 0.0

    def pause_for(self, seconds: float) -> None:
        """Hold every queued and future call for ``seconds`` from now."""
        self._paused_until = max(self._paused_until, self._clock() + seconds)

    @property
    def paused_for(self) -> float:
        """Seconds of pause still ahead (0 when not paused)."""
        return max(0.0, self._paused_until - self._clock())

    def _wait_needed(self) -> float:
        now = self._clock()
        wait = max(0.0, self._paused_until - now)
        if self._last_end is not None and self.min_interval > 0:
            wait = max(wait, self._last_end + self.min_interval - now)
        return wait

    async def __aenter__(self) -> Throttle:
        await self._lock.acquire()
        try:
            wait = self._wait_needed()
            if wait > 0:
                await self._sleep(wait)
            # The pause is served (or was never needed): clear it so a fake
            # clock that does not advance cannot make the next call wait again.
            self._paused_until = 0.0
        except BaseException:
            self._lock.release()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.leave()

    def leave(self) -> None:
        """Give the slot back (``__aexit__``; also for a caller that gave up waiting
        just as the slot became its own)."""
        self._last_end = self._clock()
        self._lock.release()
