"""The Qt-free event mechanism and the one polling primitive (no QApplication)."""

from __future__ import annotations

import asyncio

from app.domain.errors import UserFacingError
from app.services.events import Event
from app.services.polling import Poller


def test_event_calls_handlers_in_order_and_disconnects() -> None:
    event: Event[int, str] = Event("x")
    seen: list[tuple[str, int, str]] = []
    off_a = event.connect(lambda n, s: seen.append(("a", n, s)))
    event.connect(lambda n, s: seen.append(("b", n, s)))
    event.emit(1, "one")
    off_a()
    event.emit(2, "two")
    assert seen == [("a", 1, "one"), ("b", 1, "one"), ("b", 2, "two")]
    assert event.handler_count == 1


def test_a_handler_may_disconnect_itself_while_emitting() -> None:
    event: Event[()] = Event()
    calls: list[str] = []

    def once() -> None:
        calls.append("once")
        event.disconnect(once)

    event.connect(once)
    event.connect(lambda: calls.append("always"))
    event.emit()
    event.emit()
    assert calls == ["once", "always", "always"]


class _Clock:
    """A sleep that returns at once but counts, so a test never waits for real."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


def test_poller_checks_on_schedule_reports_a_failure_once_and_recovers() -> None:
    clock = _Clock()
    outcomes = [UserFacingError("offline"), UserFacingError("offline"), None, None]
    failures: list[str] = []
    recovered: list[bool] = []

    async def main() -> int:
        finished = asyncio.Event()
        checks = 0

        async def check() -> None:
            nonlocal checks
            checks += 1
            outcome = outcomes[checks - 1] if checks <= len(outcomes) else None
            if checks == 4:
                finished.set()
            if outcome is not None:
                raise outcome

        poller = Poller(check, interval_seconds=60, name="t", sleep=clock.sleep)
        poller.failed.connect(failures.append)
        poller.recovered.connect(lambda: recovered.append(True))
        poller.start()
        await asyncio.wait_for(finished.wait(), 5)
        poller.stop()
        return checks

    assert asyncio.run(main()) >= 4
    assert failures == ["offline"]  # the second failure of the run is not repeated
    assert recovered == [True]
    assert set(clock.waits) == {60}


def test_poller_zero_interval_is_off_and_short_intervals_are_raised() -> None:
    async def check() -> None:
        raise AssertionError("never called")

    async def main() -> tuple[bool, float]:
        off = Poller(check, interval_seconds=0)
        off.start()
        short = Poller(check, interval_seconds=1)
        return off.active, short.interval

    active, interval = asyncio.run(main())
    assert not active
    assert interval >= 5


def test_poller_stops_on_a_bug_and_reports_it_to_the_loop() -> None:
    reported: list[str] = []

    async def main() -> bool:
        asyncio.get_running_loop().set_exception_handler(
            lambda loop, context: reported.append(context["message"])
        )

        async def check() -> None:
            raise KeyError("bug")

        poller = Poller(check, interval_seconds=60, name="buggy", sleep=_Clock().sleep)
        poller.start()
        for _ in range(20):
            await asyncio.sleep(0)
        return poller.active

    assert asyncio.run(main()) is False
    assert reported == ["buggy: polling stopped by a bug"]


def test_a_feature_raises_the_wait_with_floor_without_restarting_the_schedule() -> None:
    clock = _Clock()

    async def main() -> None:
        finished = asyncio.Event()
        checks = 0

        async def check() -> None:
            nonlocal checks
            checks += 1
            poller.floor = 300 if checks == 1 else 10  # e.g. a back-off, then a small budget
            if checks == 3:
                finished.set()

        poller = Poller(check, interval_seconds=60, name="t", sleep=clock.sleep)
        poller.start()
        await asyncio.wait_for(finished.wait(), 5)
        poller.stop()

    asyncio.run(main())
    # The first wait is the interval, the second the floor, then never below the interval.
    assert clock.waits[:3] == [60, 300, 60]
