"""Qt's font database, filled on a thread while the window is being built.

The first widget that measures text (the status bar, a label) makes Qt read the
fontconfig configuration and list every installed font: ~4 ms of the start on
the GUI thread, measured, that an empty window never pays. ``QFontDatabase`` is
thread-safe (Qt's documentation: "All functions in this class are
thread-safe"), and PySide6 lets go of the GIL while Qt runs it, so a thread
started as soon as the ``QApplication`` exists fills it while the GUI thread
imports and builds the window in Python; whoever needs it first waits on Qt's
own lock for what is left.

Nothing else runs on that thread and nothing depends on it having run. Kill
switch: ``SWITCHBOARD_NO_FONT_WARMUP=1``.
"""

from __future__ import annotations

import os
import threading

ENV_VAR = "SWITCHBOARD_NO_FONT_WARMUP"


def start() -> threading.Thread | None:
    """Fill Qt's font database on a thread (after the ``QApplication`` exists)."""
    if os.environ.get(ENV_VAR):
        return None
    thread = threading.Thread(target=_fill, name="font-warmup", daemon=True)
    thread.start()
    return thread


def _fill() -> None:
    from PySide6.QtGui import QFontDatabase

    QFontDatabase.families()
