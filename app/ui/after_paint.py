"""Work that may wait until the first window of a start has painted.

Some of what a widget sets up costs start-up time for nothing on the first
frame: the header style that turns the sort arrows (its Python ``QStyle`` type
is built with ~570 enum members, ~4 ms) is one. While the shell builds the
first window (:func:`hold`), such work is queued by :func:`after_first_paint`
and runs once that window has painted (:func:`release`, from the shell's end of
start-up). Outside a start (a tab built later, a dialog, a test) it runs at once.

GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

#: The queued work while a first window is being built and painted; ``None`` otherwise.
_waiting: list[Callable[[], None]] | None = None


def hold() -> None:
    """A first window is about to be built: queue deferrable work until it painted."""
    global _waiting
    if _waiting is None:
        _waiting = []


def after_first_paint(work: Callable[[], None]) -> None:
    """Run ``work`` once the first window has painted (at once if no start is on)."""
    if _waiting is None:
        work()
    else:
        _waiting.append(work)


def holding() -> bool:
    """Whether deferrable work is being queued (a first window is not painted yet)."""
    return _waiting is not None


def release() -> None:
    """The first window painted (or never will): run what waited, in order."""
    global _waiting
    waiting, _waiting = _waiting, None
    for work in waiting or ():
        work()
