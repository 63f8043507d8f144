"""The settings dialog's "Desktop" section: start at login, keep running in the tray.

Each box is offered only where it can work: "Start at login" where the desktop
reads XDG autostart entries (Linux, the BSDs), "Keep running in the tray" where
a system tray exists. The autostart entry itself is the truth for the first box
(the user may have removed it in the desktop's own settings).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from app.config.settings import Settings
from app.ui import desktop_files
from app.ui.desktop_tray import tray_available
from app.ui.i18n import localized, translate

XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")


class DesktopSection(QGroupBox):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        has_tray: Callable[[], bool] = tray_available,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(translate("DesktopSection", "Desktop"), parent)
        described = Settings.describe()
        layout = QVBoxLayout(self)
        self.start_at_login: QCheckBox | None = None
        self.keep_in_tray: QCheckBox | None = None
        if platform.startswith(XDG_PLATFORMS):
            box = QCheckBox(translate("DesktopSection", "Start Switchboard when I log in"), self)
            box.setChecked(desktop_files.autostart_enabled())
            box.setToolTip(localized(described["start_at_login"][1]))
            layout.addWidget(box)
            self.start_at_login = box
        if has_tray():
            box = QCheckBox(translate(
                "DesktopSection",
                "Keep running in the tray when the window closes",
            ), self)
            box.setChecked(settings.keep_in_tray)
            box.setToolTip(localized(described["keep_in_tray"][1]))
            layout.addWidget(box)
            self.keep_in_tray = box
        self.setVisible(self.start_at_login is not None or self.keep_in_tray is not None)

    def apply(self, settings: Settings) -> str | None:
        """Store the choices (and write or remove the autostart entry); a problem to show."""
        if self.keep_in_tray is not None:
            settings.keep_in_tray = self.keep_in_tray.isChecked()
        if self.start_at_login is None:
            return None
        wanted = self.start_at_login.isChecked()
        try:
            if wanted != desktop_files.autostart_enabled():
                desktop_files.set_autostart(wanted)
        except OSError as exc:
            where = desktop_files.autostart_file()
            self.start_at_login.setChecked(desktop_files.autostart_enabled())
            template = (translate("DesktopSection", "Could not add the start-at-login entry "
                                            "({where}): {reason}.") if wanted else
                        translate("DesktopSection", "Could not remove the start-at-login entry "
                                            "({where}): {reason}."))
            return template.format(where=where, reason=exc.strerror or exc)
        settings.start_at_login = wanted
        return None
