"""A ``QTimer``-driven "anything new?" check shared by the fax and voicemail pollers.

Both tabs poll the same way: a timer whose interval comes from settings (``0``
turns it off), at most one check in flight (a tick that arrives while the
previous check still waits on the network is dropped rather than queued), and
``stop`` cancels the check in flight so a closing window leaves no task behind.
Only *what* a check does and how it reports differs; subclasses supply that in
``run_check``.

Signals:
    check_failed(str): a periodic check failed (status bar text; no dialog).
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QObject, QTimer, Signal, Slot

#: Shortest interval honoured, so a mistyped setting cannot hammer the API.
MIN_INTERVAL_SECONDS = 5


class PeriodicCheck(QObject):
    check_failed = Signal(str)

    def __init__(self, *, interval_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._task: asyncio.Task[None] | None = None
        self._enabled = False
        self.set_interval(interval_seconds)

    def set_interval(self, seconds: int) -> None:
        """``0`` turns the periodic check off."""
        self._enabled = seconds > 0
        self._timer.setInterval(max(MIN_INTERVAL_SECONDS, seconds) * 1000)
        if not self._enabled:
            self._timer.stop()

    def start(self) -> None:
        if self._enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    async def run_check(self) -> None:
        """One timer-driven check; reports failures itself (never raises ``UserFacingError``)."""
        raise NotImplementedError

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self._task is not None and not self._task.done():
            return  # the previous check is still waiting on the network
        self._task = asyncio.ensure_future(self.run_check())
