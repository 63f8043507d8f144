"""Ctrl+C or ``kill`` (SIGTERM) in the terminal ends the run the way closing the window does.

Qt's event loop runs in C++: a Python signal handler only runs when Python code
next executes, which for an idle window may be never, and the default SIGINT
handler then raised KeyboardInterrupt inside whatever callback ran next ("no
running event loop", a crash dialog, shutdown skipped: issue #13.12). The
signal's C handler writes to a socket (``signal.set_wakeup_fd``); a
``QSocketNotifier`` on it wakes the loop, and the run ends through the normal
path: windows close, sends in flight are waited for, the database is closed.
A second Ctrl+C while that happens is the user insisting: the default handler
is back, and it interrupts at once.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QSocketNotifier

log = logging.getLogger(__name__)

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class InterruptHandler:
    """Calls ``on_interrupt`` (on the GUI thread) at the first SIGINT or SIGTERM."""

    def __init__(self, on_interrupt: Callable[[], None]) -> None:
        self._on_interrupt = on_interrupt
        self._pending: int | None = None
        self._handled = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._old_wakeup_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._old_handlers = {sig: signal.signal(sig, self._on_signal) for sig in _SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._on_notifier_activated)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        # Runs between two bytecodes of whatever Python code runs next (the
        # notifier's slot below at the latest): only note it.
        self._pending = signum

    def _on_notifier_activated(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass
        signum, self._pending = self._pending, None
        if signum is None or self._handled:
            return
        self._handled = True
        log.info("%s received: closing", signal.Signals(signum).name)
        # From now on a second Ctrl+C interrupts at once (the user insists).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        self._on_interrupt()

    def close(self) -> None:
        """Put back what was there before (end of the run)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._old_handlers.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._old_wakeup_fd)
        self._reader.close()
        self._writer.close()
