"""The desktop around the window: the app icon, and "keep running in the tray".

``app_icon()`` is the icon of every window, the tray and notifications
(``resources/icons/switchboard.svg``; the icon theme's "switchboard" when this
copy ships without it). ``TrayKeeper`` makes closing the main window hide it
while the tray icon stays, when the user asked for it and a tray exists; the
tray's Quit (or Ctrl+C, File > Quit) then really closes it.

Only a close the user asks of the window manager (the title bar's button,
Alt+F4: a *spontaneous* close event) is turned into hiding; the app's own
``close()`` calls (File > Quit, Ctrl+C, sign out) end the session as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.config.settings import Settings
from app.ui.desktop_files import DESKTOP_ID, icon_file
from app.ui.desktop_tray import AppTray, tray_available


def app_icon() -> QIcon:
    path = icon_file()
    # QIcon reads the file only when something is drawn with it (no start-up cost).
    return QIcon(str(path)) if path is not None else QIcon.fromTheme(DESKTOP_ID)


def apply_app_icon() -> None:
    """The app icon on every window (those shown already too), the tray's included.

    Called once the first window has painted (``app.__main__``): loading the SVG
    icon engine is start-up time the first paint does not need.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.windowIcon().isNull():
        app.setWindowIcon(app_icon())


def close_every_window(main_window: QWidget | None) -> None:
    """Ctrl+C / SIGTERM: close every window, the main window hidden in the tray too.

    ``QApplication.closeAllWindows`` skips hidden windows; the run ends only when
    the main window closes.
    """
    QApplication.closeAllWindows()
    if main_window is not None:
        main_window.close()


class TrayKeeper(QObject):
    """Closing ``window`` hides it while ``settings.keep_in_tray`` is on and a tray exists.

    It watches the window's close events (an event filter, so the window itself
    knows nothing of it); ``quit()`` lets the next close through.
    """

    def __init__(
        self,
        window: QWidget,
        tray: AppTray,
        settings: Settings,
        *,
        has_tray: Callable[[], bool] = tray_available,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tray = tray
        self._settings = settings
        self._has_tray = has_tray
        self._quitting = False
        window.installEventFilter(self)
        tray.open_requested.connect(self.show_window)
        tray.quit_requested.connect(self.quit)
        # ``update()`` shows the tray icon: the shell calls it once the window painted.

    @property
    def active(self) -> bool:
        return self._settings.keep_in_tray and not self._quitting and self._has_tray()

    def update(self) -> None:
        """Show the tray icon now if the setting is on (so the hidden window can come back)."""
        if self.active:
            self._tray.ensure()

    def show_window(self) -> None:
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def quit(self) -> None:
        """Close the window for real (the session ends the normal way)."""
        self._quitting = True
        self._window.close()

    def hide_to_tray(self) -> None:
        self._tray.ensure()
        self._window.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() == QEvent.Type.Close
            and event.spontaneous()
            and self.active
        ):
            event.ignore()
            self.hide_to_tray()
            return True
        return super().eventFilter(watched, event)
