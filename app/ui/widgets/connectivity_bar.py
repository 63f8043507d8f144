"""The one "Can't reach VoIP.ms" bar under the header, with Retry.

Shown while the connectivity service (``app/services/connectivity``) says
VoIP.ms cannot be reached; the tabs keep showing what they have saved. It says
when VoIP.ms last answered and when the next automatic try comes; Retry probes
at once. Plain text only: the reason comes from an error message.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.dates import in_sentence
from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.services.connectivity.changes import LinkStatus
    from app.services.connectivity.service import ConnectivityService


def bar_text(status: LinkStatus, next_try: float | None, now: datetime) -> str:
    """What the bar says: the state, the last contact, the next try."""
    parts = [translate("ConnectivityBar", "Can't reach VoIP.ms.")]
    if status.last_contact is not None:
        parts[0] = translate(
            "ConnectivityBar", "Can't reach VoIP.ms. Showing saved data (last contact {when}).",
        ).format(when=in_sentence(status.last_contact, now))  # "at 21:52"
    if status.probing:
        parts.append(translate("ConnectivityBar", "Checking now…"))
    elif next_try is not None:
        parts.append(translate("ConnectivityBar", "Trying again in {seconds} s.").format(
            seconds=max(1, round(next_try))))
    return " ".join(parts)


class ConnectivityBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        style.set_look(self, style.WARNING)
        self.setAccessibleName(translate("ConnectivityBar", "Can't reach VoIP.ms"))
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(translate("ConnectivityBar", "Re&try"), self)
        self.retry_button.setToolTip(translate("ConnectivityBar", "Try to reach VoIP.ms now"))
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        # The countdown to the next automatic try.
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._service: ConnectivityService | None = None
        self._events: QtEventListener | None = None
        self.hide()

    def bind(self, service: ConnectivityService) -> None:
        """Follow ``service`` (once; the window binds it when its network work starts)."""
        if self._service is not None:
            return
        self._service = service
        self._events = QtEventListener(self)
        self._events.listen(service.changed, self._on_service_changed)
        self._on_service_changed(service.status)

    def _on_service_changed(self, status: LinkStatus) -> None:
        self.setVisible(not status.online)
        self.retry_button.setEnabled(not status.probing)
        self.label.setToolTip(status.reason)
        if status.online:
            self._tick.stop()
            return
        self._update_text(status)
        if not self._tick.isActive():
            self._tick.start()

    def _update_text(self, status: LinkStatus) -> None:
        assert self._service is not None
        self.label.setText(
            bar_text(status, self._service.seconds_to_next_probe(), datetime.now().astimezone())
        )

    def _on_tick_timeout(self) -> None:
        if self._service is not None and not self._service.online:
            self._update_text(self._service.status)

    @async_slot()
    async def _on_retry_button_clicked(self) -> None:
        if self._service is not None:
            await self._service.check_now()
