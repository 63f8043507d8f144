"""Closing the window while a send is on the wire (issue #13.1).

A send cut off may still have been executed by the provider, so closing never
cancels one silently: the close is held (``closeEvent`` ignored) with a visible
note, "Finishing 1 send…", until the sends are answered or ``timeout_s`` passed;
what is still unanswered then is cancelled, which journals it as ``unknown``
(checked against the history at the next start, never resent by itself). Then
the window closes the normal way.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol, runtime_checkable

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from app.services.sends import InFlightSends
from app.ui.i18n import translate

log = logging.getLogger(__name__)

#: How long the window waits for sends on the wire before closing anyway.
CLOSE_WAIT_S = 10.0


@runtime_checkable
class _BusyWindow(Protocol):
    def begin_busy(self, text: str, cancel: None) -> object: ...

    def end_busy(self, token: object) -> None: ...


def finishing_text(count: int) -> str:
    return translate("CloseGuard", "Finishing %n send(s)… the window closes after.", "", count)


class CloseGuard:
    def __init__(self, window: QWidget, sends: InFlightSends,
                 timeout_s: float = CLOSE_WAIT_S) -> None:
        self.window = window
        self.sends = sends
        self.timeout_s = timeout_s
        self._waiting: asyncio.Task[None] | None = None
        self._released = False

    def hold(self, event: QCloseEvent) -> bool:
        """True (event ignored) while sends are in flight; the guard closes the window later."""
        if self._released or self.sends.count == 0:
            return False
        event.ignore()
        if self._waiting is None:
            count = self.sends.count
            log.info("Close held: %d send(s) on the wire", count)
            # The note shows at once; the window closes when the wait is over.
            busy = (self.window.begin_busy(finishing_text(count), None)
                    if isinstance(self.window, _BusyWindow) else None)
            self._waiting = asyncio.ensure_future(self._finish_then_close(busy))
        return True

    async def _finish_then_close(self, busy: object) -> None:
        window = self.window
        try:
            if not await self.sends.wait(self.timeout_s):
                log.warning("Sends still unanswered after %.0f s: recorded as unknown",
                            self.timeout_s)
                await self.sends.cancel_all()
        finally:
            if busy is not None and isinstance(window, _BusyWindow):
                window.end_busy(busy)
            self._released = True
            window.close()
