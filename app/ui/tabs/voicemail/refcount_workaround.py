"""Keep ``True``/``False`` alive under PySide6 6.12 on Python 3.11.

Like ``None`` (``app/ui/tabs/fax/pyside_workaround.py``), the booleans lose a
reference on binding calls that return them: ``Signal.emit`` returns a bool, so
a few hundred emits abort the process with "Fatal Python error: bool_dealloc".
The voicemail service emits on every change, hence this fix here until the
shell applies it at start-up. Python 3.12+ made the singletons immortal; this
does the same. Idempotent enough: adding the ballast twice is harmless.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_applied = False


def make_bools_immortal() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    for singleton in (True, False, None):
        # CPython 3.11 object header: ob_refcnt (Py_ssize_t) is the first field.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    _applied = True
