"""``app.ui.async_slot``: coroutine slots as tasks on the current loop, errors to excepthook."""

from __future__ import annotations

import asyncio
import sys
from types import TracebackType
from typing import Any

import pytest

from app.ui.async_slot import async_slot


class Probe:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    @async_slot()
    async def no_args(self) -> None:
        self.calls.append(("no_args",))

    @async_slot(int)
    async def one_arg(self, value: int) -> None:
        self.calls.append(("one_arg", value))
        await asyncio.sleep(0)

    @async_slot()
    async def fails(self) -> None:
        raise RuntimeError("slot bug")


def test_call_runs_the_coroutine_as_a_task_and_drops_extra_signal_args() -> None:
    probe = Probe()

    async def main() -> None:
        # ``clicked(bool)`` connected to a slot without parameters: ``True`` is dropped.
        task = probe.no_args(True)
        assert isinstance(task, asyncio.Task)
        await task
        await probe.one_arg(7, "extra")

    asyncio.run(main())
    assert probe.calls == [("no_args",), ("one_arg", 7)]


def test_calls_before_the_loop_runs_start_in_order_once_it_runs() -> None:
    # What app.__main__ relies on: the loop is the current loop before the window
    # is built, so slots called meanwhile schedule tasks that run when it runs.
    probe = Probe()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        first = probe.one_arg(1)
        second = probe.no_args()
        assert probe.calls == []  # scheduled, not started
        loop.run_until_complete(asyncio.gather(first, second))
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    assert probe.calls == [("one_arg", 1), ("no_args",)]


def test_an_escaping_exception_reaches_the_excepthook(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        seen.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)

    async def main() -> None:
        task = Probe().fails()
        await asyncio.wait([task])

    asyncio.run(main())
    assert [str(exc) for exc in seen] == ["slot bug"]


def test_a_call_that_fits_no_signature_is_an_error() -> None:
    with pytest.raises(TypeError, match="signature mismatch"):
        Probe.one_arg(Probe())  # type: ignore[call-arg]  # the value is missing
