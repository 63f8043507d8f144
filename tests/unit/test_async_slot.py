"""``app.ui.async_slot``: coroutine slots, held during start-up, errors to excepthook."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from types import TracebackType
from typing import Any

import pytest

from app.ui import async_slot as slots
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


@pytest.fixture(autouse=True)
def not_holding() -> Iterator[None]:
    yield
    slots.release()  # never leave the module holding for other tests


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


def test_held_calls_start_in_order_on_release() -> None:
    probe = Probe()
    slots.hold()
    assert slots.holding()
    assert probe.one_arg(1) is None  # no loop yet: queued, not started
    assert probe.no_args() is None
    assert probe.calls == []

    async def main() -> None:
        slots.release()
        assert not slots.holding()
        await asyncio.sleep(0.01)

    asyncio.run(main())
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
