"""Work around PySide6 6.12.0 on Python 3.11 releasing ``None`` once per call.

Every binding call that returns ``None`` (a void method such as
``widget.setEnabled(True)`` or ``app.processEvents()``, or a null pointer) drops
one reference to ``None`` it never took. Python 3.12+ made ``None`` immortal, so
the bug is invisible there; on 3.11 the process aborts with "Fatal Python
error: none_dealloc" after a few thousand such calls (seconds of a pytest-qt
``waitUntil`` loop). PySide6 6.11.3 does not have the bug, but QtPdf ships only
as PySide6-Pdf 6.12 here, so we cannot simply pin the older release.

``True`` and ``False`` lose references the same way (``Signal.emit`` returns
a bool). Giving these singletons a huge reference count makes it practically immortal, exactly
what 3.12 does. Idempotent; a no-op on 3.12+. The shell should call it once at
start-up (``app/__main__``) and the root conftest; until then the fax tab
module applies it when imported.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_applied = False


def make_none_immortal() -> None:
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    # True/False suffer the same way (Signal.emit returns a bool).
    for singleton in (None, True, False):
        # CPython 3.11 object header: ob_refcnt (Py_ssize_t) is the first field.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    _applied = True
