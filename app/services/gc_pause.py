"""Pausing Python's cyclic garbage collector while a bulk job builds many objects.

A first sync brings 100,000 messages through this process page by page. Each
page's rows live long enough to be promoted to the oldest generation, and every
few pages the collector then runs a *full* collection over all of them: one C
call holding the GIL for 80-100 ms (measured, issue #16), a frozen window
whatever thread triggered it. The rows are plain data, freed by reference
counting the moment a page is stored; the collector has nothing to find among
them. So bulk jobs pause it, and it resumes when the last one ends (cycles made
meanwhile, a few asyncio objects, are collected then).

Jobs overlap (two tabs syncing at once): the collector resumes only when none
runs any more, and only if it was on when the first one began (start-up turns
it off until the first paint; that stays its business). Loop thread only.

When it resumes, what is alive is first *frozen* (``gc.freeze``: moved where
collections never look). Without that, every object allocated meanwhile that is
still alive (the whole app's young heap, counted but never sorted into older
generations while paused) was walked by the next collections at once: a full
collection of 67 ms holding the GIL right after a first sync, measured. Frozen
objects are still freed by reference counting like any other; only a reference
cycle among them is never reclaimed, a few asyncio objects per bulk job at most.
The end of start-up freezes its heap the same way (:func:`resume_after_startup`).
Kill switch: ``SWITCHBOARD_NO_GC_FREEZE=1`` resumes without freezing.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_running = 0
_resume = False

NO_FREEZE_VAR = "SWITCHBOARD_NO_GC_FREEZE"


def thaw() -> None:
    """A window's session ended (sign-out, another account): what was frozen with it
    goes back to the collector, so a cycle among its objects is reclaimed."""
    gc.unfreeze()


#: Entries freed per loop turn by ``release_in_slices`` (~1 ms of work).
RELEASE_SLICE = 2000


async def release_in_slices(rows: dict[Any, Any]) -> None:
    """Empty a bulk job's big dict a slice per loop turn (loop thread).

    When 100,000 rows die at once, freeing them is one C call holding the GIL
    (~20 ms measured after a calls sync of a year); a slice at a time, the window
    repaints in between.
    """
    while rows:
        for _ in range(min(RELEASE_SLICE, len(rows))):
            rows.popitem()
        await asyncio.sleep(0)


def freeze_long_lived() -> None:
    """What is alive now lives as long as the app (start-up's modules, classes and
    widgets; the tabs once built): later collections need not walk it again (a full
    collection over it held the GIL ~20 ms during a phone registration check)."""
    if not os.environ.get(NO_FREEZE_VAR):
        gc.freeze()


def _resume_collector() -> None:
    freeze_long_lived()
    gc.enable()


def resume_after_startup() -> None:
    """Start-up is over (first paint): its objects (modules, classes, widgets'
    wrappers) live as long as the app, so later collections need not walk them."""
    if not gc.isenabled():
        _resume_collector()


@contextmanager
def collector_paused() -> Iterator[None]:
    global _running, _resume
    if _running == 0:
        _resume = gc.isenabled()
        gc.disable()
    _running += 1
    try:
        yield
    finally:
        _running -= 1
        if _running == 0 and _resume:
            _resume_collector()
