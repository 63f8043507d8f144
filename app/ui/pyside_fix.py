"""Work around PySide6 6.12 on Python 3.11 dropping references to None/True/False.

Binding calls that return ``None`` (void methods) or a ``bool`` release one
reference to the singleton they never took. Python 3.12+ made these objects
immortal, so the bug is invisible there; on 3.11 the process aborts after a few
thousand calls with "Fatal Python error: none_dealloc" / "bool_dealloc" (seen at
interpreter shutdown after a pytest-qt ``waitUntil`` loop). Giving the
singletons a huge reference count makes them practically immortal, exactly what
3.12 does. Idempotent; a no-op on 3.12+. Called by ``create_qapplication`` and
the test conftest and the benchmarks.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_applied = False


def make_singletons_immortal() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    # CPython 3.11 object header: ob_refcnt (Py_ssize_t) is the first field.
    for obj in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _applied = True
