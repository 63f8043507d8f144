"""The throttle: serialised, spaced, paused; with a fake clock and sleep."""

from __future__ import annotations

import asyncio

from app.api.ratelimit import Throttle


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_calls_are_spaced_by_min_interval() -> None:
    fake = FakeTime()
    throttle = Throttle(0.25, sleep=fake.sleep, clock=fake.clock)

    async def run() -> None:
        for _ in range(3):
            async with throttle:
                fake.now += 0.05  # the call itself

    asyncio.run(run())
    assert fake.slept == [0.25, 0.25]


def test_pause_holds_the_next_call() -> None:
    fake = FakeTime()
    throttle = Throttle(0.0, sleep=fake.sleep, clock=fake.clock)

    async def run() -> None:
        async with throttle:
            throttle.pause_for(60.0)
        assert throttle.paused_for == 60.0
        async with throttle:
            pass

    asyncio.run(run())
    assert fake.slept == [60.0]


def test_calls_are_serialised() -> None:
    throttle = Throttle(0.0)
    inside = 0
    peak = 0

    async def one() -> None:
        nonlocal inside, peak
        async with throttle:
            inside += 1
            peak = max(peak, inside)
            await asyncio.sleep(0)
            inside -= 1

    async def run() -> None:
        await asyncio.gather(*(one() for _ in range(5)))

    asyncio.run(run())
    assert peak == 1


def test_sleep_that_does_not_advance_the_clock_cannot_loop() -> None:
    slept: list[float] = []

    async def instant(seconds: float) -> None:
        slept.append(seconds)

    throttle = Throttle(0.0, sleep=instant, clock=lambda: 5.0)

    async def run() -> None:
        async with throttle:
            throttle.pause_for(60.0)
        async with throttle:
            pass
        async with throttle:
            pass

    asyncio.run(run())
    assert slept == [60.0]
