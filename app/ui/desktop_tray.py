"""The app's icon in the system tray, where the desktop has one.

One per session, shared: notifications show as its balloon messages
(``app/ui/notify.py``), and with "keep running in the tray" (``app/ui/desktop.py``)
it is how the hidden window comes back (Open) or the app ends (Quit).
Its Qt classes load with its first use, not before the window's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QSystemTrayIcon


def tray_available() -> bool:
    from PySide6.QtWidgets import QSystemTrayIcon

    return QSystemTrayIcon.isSystemTrayAvailable()


class AppTray(QObject):
    """Signals:
    open_requested(): Open in the tray menu, or a click on the icon.
    quit_requested(): Quit in the tray menu.
    message_clicked(): the last balloon message was clicked.
    """

    open_requested = Signal()
    quit_requested = Signal()
    message_clicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None
        self._menu: QMenu | None = None

    @property
    def shown(self) -> bool:
        return self._icon is not None

    def ensure(self) -> QSystemTrayIcon:
        """The tray icon, shown (callers check ``tray_available()`` first)."""
        if self._icon is None:
            from PySide6.QtWidgets import QMenu, QSystemTrayIcon

            from app.ui.desktop import app_icon

            icon = QSystemTrayIcon(app_icon(), self)
            icon.setToolTip(translate("AppTray", "Switchboard"))
            menu = QMenu()
            menu.addAction(translate("AppTray", "Open Switchboard"), self.open_requested.emit)
            menu.addSeparator()
            menu.addAction(translate("AppTray", "Quit"), self.quit_requested.emit)
            icon.setContextMenu(menu)
            icon.activated.connect(self._on_icon_activated)
            icon.messageClicked.connect(self.message_clicked.emit)
            icon.show()
            self._icon, self._menu = icon, menu
        return self._icon

    def show_message(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        self.ensure().showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _on_icon_activated(self, reason: object) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def close(self) -> None:
        if self._icon is not None:
            self._icon.hide()
            self._icon.deleteLater()
            self._icon = None
        if self._menu is not None:
            self._menu.deleteLater()
            self._menu = None
