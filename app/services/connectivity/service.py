"""One connectivity state for the whole app, fed by the API client (Qt-free).

Without it, a dead network cost every list three retries, one list after
another: "Refresh everything" had not finished after 91 s. With it:

* the first request that gets no answer for a network reason decides for
  everyone: a connection that cannot be made at all (refused, unknown host, no
  route) turns the state offline at once; a dropped or silent one (read
  time-out, connection closed) or a request still waiting after
  ``stall_seconds`` (then 3, 7, 15 s...) starts one cheap probe, and the probe
  decides;
* while offline, every read is refused (``Unreachable``) without a request,
  reads waiting in the queue or for their answer stop at once, and a write
  gets one probe of its own before it may go out (a send is never lost to a
  state that is out of date, and never sent into the void);
* a recovery loop probes on a backoff (``BACKOFF``: 5 s, 10 s, 30 s, then every
  60 s; the loop's monotonic clock); the first answer turns the state online
  and ``restored`` fires (the window refreshes). ``check_now`` (the Retry
  button) probes at once.

Any HTTP answer means VoIP.ms was reached: an invalid password, an error
status, a certificate refused (a proxy in the way) are not "offline" and keep
their own words.

Events:
    changed(LinkStatus): the state, the last contact or the probing flag changed.
    restored(): VoIP.ms answers again after the state was offline.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from app.api.errors import ApiError, TransportError, Unreachable
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.connectivity.changes import LinkStatus
from app.services.connectivity.ports import Prober
from app.services.events import Event

__all__ = ["ConnectivityService", "Unreachable"]

log = logging.getLogger(__name__)

#: Seconds between recovery probes while offline (the last one repeats).
BACKOFF: tuple[float, ...] = (5.0, 10.0, 30.0, 60.0)
#: A request without an answer this long makes the service probe.
STALL_SECONDS = 1.0
#: A probe without an answer this long means VoIP.ms cannot be reached. Short:
#: a getBalance answers in well under a second on a working line.
PROBE_TIMEOUT = 3.0


class ConnectivityService:
    """The state (``status``), the client's ``Link`` (``admit``, ``lost``,
    ``stalled``, ``answered``, ``unanswered``) and the probes."""

    def __init__(
        self,
        prober: Prober,
        *,
        backoff: tuple[float, ...] = BACKOFF,
        stall_seconds: float = STALL_SECONDS,
        probe_timeout: float = PROBE_TIMEOUT,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._prober = prober
        self.backoff = backoff
        self.stall_seconds = stall_seconds
        self.probe_timeout = probe_timeout
        self._sleep = sleep or asyncio.sleep
        self._clock = clock
        self._now = now
        self.changed: Event[LinkStatus] = Event("connectivity.changed")
        self.restored: Event[()] = Event("connectivity.restored")
        self._online = True
        self._reason = ""
        self._last_contact: datetime | None = None
        self._heard_at: float | None = None
        self._probe: asyncio.Task[bool] | None = None
        #: A probe is waiting for its answer (cleared before its verdict is announced).
        self._probing = False
        self._lost: asyncio.Future[None] | None = None
        self._recovery: asyncio.Task[None] | None = None
        self._next_probe_at: float | None = None
        #: Probes sent (tests and the benchmark count them).
        self.probes = 0
        #: The session ended: no recovery loop starts any more (quitting must not
        #: wait for one).
        self._stopped = False

    # --- state ---------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._online

    @property
    def status(self) -> LinkStatus:
        return LinkStatus(
            online=self._online,
            last_contact=self._last_contact,
            reason=self._reason,
            probing=self._probing,
        )

    def seconds_to_next_probe(self) -> float | None:
        """Until the next automatic probe; ``None`` when none is scheduled."""
        if self._next_probe_at is None:
            return None
        return max(0.0, self._next_probe_at - self._clock())

    def note_contact(self, when: datetime) -> None:
        """An earlier contact known from the cache (the balance's fetch time)."""
        if self._last_contact is None or when > self._last_contact:
            self._last_contact = when

    def _emit(self) -> None:
        self.changed.emit(self.status)

    # --- the client's Link -----------------------------------------------------------

    async def admit(self, method: str, *, read: bool) -> None:
        """Raise ``Unreachable`` when ``method`` must not be sent now."""
        probe = self._probe
        if self._online and probe is not None and not probe.done():
            # The network is suspect: wait for the verdict rather than pile on.
            await asyncio.shield(probe)
        if self._online:
            return
        if read:
            raise Unreachable(method=method)
        # A write is what the user asked for: one probe of its own first, so a
        # state that is out of date does not refuse it; never sent into the void.
        if not await self.check_now():
            raise Unreachable(method=method)

    def lost(self) -> asyncio.Future[None]:
        loop = asyncio.get_running_loop()
        if self._lost is None or self._lost.get_loop() is not loop:
            self._lost = loop.create_future()
            if not self._online:
                self._lost.set_result(None)
        return self._lost

    def stalled(self, method: str) -> None:
        # The client reports a waiting request after 1 s, 3 s, 7 s...: a slow one
        # costs a probe or two, and a network that dies meanwhile is still noticed.
        if self._heard_at is not None and self._clock() - self._heard_at < self.stall_seconds:
            return  # something answered meanwhile: slow, not gone
        log.info("%s is waiting for its answer: probing VoIP.ms", method)
        self._start_probe()

    def answered(self) -> None:
        self._heard_at = self._clock()
        self._last_contact = self._now()
        if not self._online:
            self._go_online()

    def unanswered(self, error: TransportError) -> None:
        if not self._online:
            return
        if error.connect_failed:
            self._go_offline(error)
        else:
            # A dropped or silent connection: maybe the network, maybe this one request.
            self._start_probe()

    # --- probing ---------------------------------------------------------------------

    async def check_now(self) -> bool:
        """Probe now (or join the probe on its way); ``True`` when VoIP.ms answered."""
        return await asyncio.shield(self._start_probe())

    def _start_probe(self) -> asyncio.Task[bool]:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.get_running_loop().create_task(
                self._run_probe(), name="connectivity-probe"
            )
            self._probing = True
            self._emit()
        return self._probe

    async def _run_probe(self) -> bool:
        self.probes += 1
        failure: TransportError | None = None
        try:
            async with asyncio.timeout(self.probe_timeout):
                await self._prober.probe(self.probe_timeout)
        except TimeoutError:
            failure = TransportError(
                QT_TRANSLATE_NOOP(
                    "services",
                    "VoIP.ms did not answer in time.",
                ), kind="timeout", method="probe"
            )
        except TransportError as exc:
            # A certificate refused or an HTTP error page: something answered.
            failure = exc if exc.no_answer else None
        except ApiError as exc:  # a status: VoIP.ms answered (and will say it again)
            log.info("Probe answered with %s", exc.detail)
        finally:
            self._probing = False
        if failure is not None:
            log.info("Probe got no answer: %s", failure.detail)
            self._go_offline(failure)
            return False
        was_online = self._online
        self.answered()
        if was_online:
            self._emit()  # no transition: still say the probe is over
        return True

    # --- transitions -----------------------------------------------------------------

    def _go_offline(self, error: TransportError) -> None:
        self._reason = error.message
        if not self._online:
            self._emit()  # still offline; the probe is over
            return
        log.warning("VoIP.ms cannot be reached (%s): offline", error.detail)
        self._online = False
        if self._lost is not None and not self._lost.done():
            self._lost.set_result(None)
        if not self._stopped:
            self._recovery = asyncio.get_running_loop().create_task(
                self._recover(), name="connectivity-recovery"
            )
        self._emit()

    def _go_online(self) -> None:
        log.warning("VoIP.ms answers again: online")
        self._online = True
        self._reason = ""
        self._lost = None  # the next outage gets a fresh future
        self._next_probe_at = None
        recovery, self._recovery = self._recovery, None
        if recovery is not None and recovery is not asyncio.current_task():
            recovery.cancel()
        self._emit()
        self.restored.emit()

    async def _recover(self) -> None:
        step = 0
        while not self._online:
            delay = self.backoff[min(step, len(self.backoff) - 1)]
            step += 1
            self._next_probe_at = self._clock() + delay
            self._emit()
            await self._sleep(delay)
            self._next_probe_at = None
            if await asyncio.shield(self._start_probe()):
                return

    def stop(self) -> None:
        """End of the session: no probe or recovery left behind."""
        self._stopped = True
        for task in (self._recovery, self._probe):
            if task is not None and not task.done():
                task.cancel()
        self._recovery = None
        self._next_probe_at = None
        self._probing = False
