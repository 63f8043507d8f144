"""``@async_slot``: a Qt slot that runs a coroutine on the asyncio (qasync) loop.

It does what ``qasync.asyncSlot`` does (a ``Slot`` that wraps the coroutine in a
task, drops trailing signal arguments the coroutine does not take, and hands an
escaping exception to ``sys.excepthook``, see ``app.ui.crash``), with two
differences that exist for the start-up time:

* Decorating imports neither qasync nor asyncio. The window's modules are
  imported, and the window painted, *before* asyncio and qasync are loaded
  (``app.__main__``): the two cost ~35 ms that the first paint does not need.
* Between ``hold()`` and ``release()`` (the start-up, until the qasync loop is
  the current loop) a call is queued instead of started, and started by
  ``release()`` in the order it came. Outside that window, e.g. in tests, a call
  is scheduled at once, exactly like ``asyncSlot``.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, ParamSpec

from PySide6.QtCore import Slot

if TYPE_CHECKING:
    import asyncio

P = ParamSpec("P")

#: ``None``: calls are scheduled at once. A list: the calls held until ``release()``.
_held: list[Callable[[], object]] | None = None


def hold() -> None:
    """Queue slot calls from now on: no asyncio loop exists yet."""
    global _held
    if _held is None:
        _held = []


def release() -> None:
    """Start the queued calls (the asyncio loop is now the current loop); stop queueing."""
    global _held
    calls, _held = _held or [], None
    for call in calls:
        call()


def holding() -> bool:
    return _held is not None


def _report_failure(task: asyncio.Future[Any]) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None and isinstance(exc, Exception):
        sys.excepthook(type(exc), exc, exc.__traceback__)


def _fitting_args(
    signature: inspect.Signature, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """``args`` less the trailing ones the coroutine does not take.

    Qt drops signal arguments a slot does not declare; Python calls do not, so
    ``clicked(bool)`` connected to ``async def on_click(self)`` would fail.
    """
    while True:
        try:
            signature.bind(*args, **kwargs)
        except TypeError:
            if len(args) <= 1:  # only ``self`` (or nothing) left: a real mismatch
                raise TypeError(
                    "async_slot was not callable from the signal: signature mismatch"
                ) from None
            args = args[:-1]
        else:
            return args


def async_slot(
    *slot_types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, Any]]], Callable[P, Any]]:
    """Decorate ``async def`` methods connected to Qt signals (see the module).

    The decorated method returns the task (``None`` while calls are held).
    """

    def decorate(fn: Callable[P, Coroutine[Any, Any, Any]]) -> Callable[P, Any]:
        signature = inspect.signature(fn)

        @Slot(*slot_types)
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> asyncio.Future[Any] | None:
            args = _fitting_args(signature, args, kwargs)
            if _held is not None:
                _held.append(functools.partial(_start, fn, args, kwargs))
                return None
            return _start(fn, args, kwargs)

        return wrapper

    return decorate


def _start(
    fn: Callable[..., Coroutine[Any, Any, Any]], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> asyncio.Future[Any]:
    import asyncio  # loaded by now: the loop runs (or tests set one)

    task = asyncio.ensure_future(fn(*args, **kwargs))
    task.add_done_callback(_report_failure)
    return task
