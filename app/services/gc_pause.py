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
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_running = 0
_resume = False


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
            gc.enable()
