"""Notifications through the system tray: one balloon at a time, so what is raised
together is shown together (a missed call and the voicemail it left, found by the
same check, used to show only the voicemail: the second balloon replaced the first).
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.config.settings import Settings
from app.services.notifications import NotifyTarget
from app.ui.desktop_tray import AppTray
from app.ui.notify import TRAY_LINES, Notifier


class RecordingTray(AppTray):
    """The tray's balloons, recorded instead of shown."""

    def __init__(self) -> None:
        super().__init__()
        self.balloons: list[tuple[str, str]] = []

    def show_message(self, title: str, text: str) -> None:
        self.balloons.append((title, text))



def _notifier(tmp_path: Path) -> tuple[Notifier, RecordingTray]:
    tray = RecordingTray()
    notifier = Notifier(Settings(path=tmp_path / "s.json"), tray=tray, has_tray=lambda: True,
                        dbus=lambda: None)
    return notifier, tray


def test_one_notification_is_one_balloon_as_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    notifier, tray = _notifier(tmp_path)
    opened: list[object] = []
    notifier.activated.connect(opened.append)
    target = NotifyTarget("voicemail", ("1001", "INBOX", "3"))
    notifier.notify("New voicemail", "From Dana Whitfield, 0:06", target)
    qtbot.waitUntil(lambda: bool(tray.balloons), timeout=3_000)
    assert tray.balloons == [("New voicemail", "From Dana Whitfield, 0:06")]
    tray.message_clicked.emit()
    assert opened == [target]
    notifier.close()


def test_notifications_raised_together_share_one_balloon(qtbot: QtBot, tmp_path: Path) -> None:
    notifier, tray = _notifier(tmp_path)
    opened: list[object] = []
    notifier.activated.connect(opened.append)
    notifier.notify("Missed call", "From Dana Whitfield ((617) 555-0142)",
                    NotifyTarget("calls", ("1",)))
    notifier.notify("New voicemail", "From Dana Whitfield, 0:06",
                    NotifyTarget("voicemail", ("1001", "INBOX", "3")))
    qtbot.waitUntil(lambda: bool(tray.balloons), timeout=3_000)
    assert tray.balloons == [("2 new notifications",
                              "Missed call: From Dana Whitfield ((617) 555-0142)\n"
                              "New voicemail: From Dana Whitfield, 0:06")]
    tray.message_clicked.emit()
    assert opened == [None]  # two tabs: the click brings the window, no tab chosen
    # Many at once: the first few, then how many more; one tab: the click opens it.
    for n in range(TRAY_LINES + 3):
        notifier.notify("New fax", f"From (418) 555-01{n:02d}",
                        NotifyTarget("fax", ("INBOX", str(n))))
    qtbot.waitUntil(lambda: len(tray.balloons) == 2, timeout=3_000)
    title, text = tray.balloons[1]
    assert title == f"{TRAY_LINES + 3} new notifications"
    assert text.splitlines()[-1] == "…and 3 more" and len(text.splitlines()) == TRAY_LINES + 1
    tray.message_clicked.emit()
    assert opened[-1] == NotifyTarget("fax")
    assert len(notifier.history) == 2 + TRAY_LINES + 3  # each one is still recorded
    notifier.close()
