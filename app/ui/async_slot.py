"""``@async_slot``: a Qt slot that runs a coroutine on the asyncio (qasync) loop.

It does what ``qasync.asyncSlot`` does: a ``Slot`` that wraps the coroutine in a
task, drops trailing signal arguments the coroutine does not take, and hands an
escaping exception to ``sys.excepthook`` (``app.ui.crash``). Ours because the
task is returned (tests await it) and the failure goes to the excepthook
whatever qasync version is installed.

The qasync loop is the current loop before the main window is built
(``app.__main__``), so a slot called while the window is built schedules its
task on that loop; the task runs as soon as the loop does.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import sys
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec

from PySide6.QtCore import Slot

P = ParamSpec("P")


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

    The decorated method returns the task.
    """

    def decorate(fn: Callable[P, Coroutine[Any, Any, Any]]) -> Callable[P, Any]:
        signature = inspect.signature(fn)

        @Slot(*slot_types)
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            args = _fitting_args(signature, args, kwargs)
            task = asyncio.ensure_future(fn(*args, **kwargs))
            task.add_done_callback(_report_failure)
            return task

        return wrapper

    return decorate

