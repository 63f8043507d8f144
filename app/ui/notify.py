"""Desktop notifications (new voicemail, message, fax).

Tabs call ``ctx.notifier.notify(title, text)``. Every notification is recorded in
``history`` (tests read it); it reaches the system tray only when one exists and
the user has not turned notifications off in the settings.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.config.logsetup import private
from app.config.settings import Settings
from app.domain.sms_text import escape_rich_text

if TYPE_CHECKING:
    # The tray icon's classes load with the first notification: their Python types
    # (QIcon's ~100 theme-icon names among them) cost ~1.5 ms of the first paint.
    from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)


def tray_text(text: str, platform: str = sys.platform) -> str:
    """``text`` as the system's notification shows it verbatim.

    On Linux Qt hands the text to the desktop's notification server, which reads
    ``<a>``, ``<img>`` and ``&amp;`` as markup (the freedesktop "body-markup"):
    a caller's name or an SMS there must be escaped (issue #13.5). Windows and
    macOS show notification text as it is.
    """
    return escape_rich_text(text) if platform.startswith("linux") else text


class Notifier(QObject):
    """Signals:
    notified(str, str): title and text of a notification that was raised.
    """

    notified = Signal(str, str)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tray: QSystemTrayIcon | None = None
        self.history: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> None:
        self.history.append((title, text))
        log.info("Notification: %s: %s", private(title), private(text))  # names, bodies
        self.notified.emit(title, text)
        if not self._settings.notifications:
            return
        from PySide6.QtWidgets import QSystemTrayIcon

        tray = self._ensure_tray()
        if tray is not None:
            tray.showMessage(tray_text(title), tray_text(text),
                             QSystemTrayIcon.MessageIcon.Information, 8000)

    def _ensure_tray(self) -> QSystemTrayIcon | None:
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QSystemTrayIcon

        if self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip("Switchboard")
            self._tray.show()
        return self._tray

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None
