"""PySide6 6.12 on Python 3.11 drops references to None/True/False on binding calls.

The fix now lives in the shell (``app/ui/pyside_fix.py``, applied when the
QApplication is created and in the root conftest). The fax tab still calls it
on import, which is harmless (idempotent) and protects scripts such as the
benchmark that build the tab without the shell.
"""

from __future__ import annotations

from app.ui.pyside_fix import make_singletons_immortal

__all__ = ["make_none_immortal"]


def make_none_immortal() -> None:
    make_singletons_immortal()
