"""Work around PySide6 6.12 on Python 3.11 dropping references to None/True/False.

Binding calls that return ``None`` (void methods) or a ``bool`` (``Signal.emit``)
release one reference to the singleton they never took. Python 3.12+ made these
objects immortal, so the bug is invisible there; on 3.11 the process aborts after
a few thousand calls with "Fatal Python error: none_dealloc" / "bool_dealloc"
(seen at interpreter shutdown after a pytest-qt ``waitUntil`` loop). Giving the
singletons a huge reference count makes them practically immortal, exactly what
3.12 does.

It is applied only where it is needed (:func:`needs_singleton_fix`: Python < 3.12
and a PySide6 release in :data:`AFFECTED_PYSIDE`), from one place in the app
(``app.ui.app.create_qapplication``) and one in the tests (tests/conftest.py).
tests/gui/test_pyside_fix.py is the canary: it fails when the installed PySide6
no longer has the bug (or has it outside the list), so the gate is revisited.

Also here: :func:`skip_feature_source_scan`, a start-up cost of PySide6's
``__feature__`` support (not a bug, but ~20 ms before the first paint).
"""

from __future__ import annotations

import sys

_BALLAST = 1 << 40
_applied = False

#: PySide6 releases (major, minor) seen over-releasing the singletons on Python
#: < 3.12 (checked against the installed PySide6 by tests/gui/test_pyside_fix.py).
AFFECTED_PYSIDE = frozenset({(6, 12)})


def needs_singleton_fix() -> bool:
    """Whether this Python and PySide6 have the refcount bug."""
    if sys.version_info >= (3, 12):  # the singletons are immortal there
        return False
    import PySide6

    return tuple(PySide6.__version_info__[:2]) in AFFECTED_PYSIDE


def make_singletons_immortal() -> None:
    """Apply the work-around if :func:`needs_singleton_fix` (idempotent)."""
    global _applied
    if _applied or not needs_singleton_fix():
        return
    import ctypes  # only where the fix applies (~1 ms of the start elsewhere)

    # CPython 3.11 object header: ob_refcnt (Py_ssize_t) is the first field.
    for obj in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _applied = True


def _uses_pyside(_module: object) -> bool:
    return True


def skip_feature_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    For ``from __feature__ import snake_case, true_property``, PySide6 hooks
    ``__import__`` and reads each new module's whole source (``inspect.getsource``)
    to see whether it mentions PySide6: select id 0 ("PySide, no feature") or -1
    ("ignore"). Switchboard selects no feature anywhere, so both ids mean plain
    PySide and the scan only costs time: ~20 ms for the ~190 modules the app
    imports before its first paint. With this, every module gets 0 unread.
    Called by ``app.__main__`` before the UI imports; if a PySide version has
    no such function, nothing is changed.
    """
    import PySide6.QtCore  # noqa: F401  (installs the import hook and its module)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        vars(feature)["_mod_uses_pyside"] = _uses_pyside
