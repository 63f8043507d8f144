"""Notifications where there is no tray (#17 point 3): through the freedesktop
notification service, checked against a real daemon (dunst) on a private bus.

The daemon must receive the app's name, icon, desktop entry and an "Open"
action, with outside text kept plain; its action (a click) must open the item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from app.config.settings import Settings
from app.services.notifications import NotifyTarget, conversation_target, voicemail_target
from app.ui import crash
from app.ui.desktop_files import icon_file
from app.ui.notify import Notifier
from app.ui.notify_dbus import FreedesktopNotifications, needs_typed_interface
from app.ui.notify_open import NotificationOpener
from tests.gui.app_process import wait_for
from tests.gui.notification_daemon import NotificationDaemon, notification_daemon

__all__ = ["notification_daemon"]  # the fixture, imported for pytest


def _notifier(daemon: NotificationDaemon, tmp_path: Path, name: str) -> Notifier:
    """A notifier as the app builds it where there is no tray, on the daemon's bus."""
    bus = QDBusConnection.connectToBus(daemon.address, name)
    assert bus.isConnected(), bus.lastError().message()
    return Notifier(
        Settings(path=tmp_path / "settings.json"),
        has_tray=lambda: False,
        dbus=lambda: FreedesktopNotifications(bus, icon=icon_file()),
    )


def test_the_daemon_receives_name_icon_entry_action_and_plain_text(
    notification_daemon: NotificationDaemon, tmp_path: Path
) -> None:
    notifier = _notifier(notification_daemon, tmp_path, "notify-plain")
    try:
        notifier.notify("New message from <b>Zoë</b>", "Tom & Jerry <i>à 5 h</i> 🎂 %s",
                        conversation_target("6175550100", "6175550142"))
        assert wait_for(lambda: "Zoë" in notification_daemon.printed(), timeout=20)
        printed = notification_daemon.printed()
        assert "appname: 'Switchboard'" in printed
        assert "desktop_entry: 'switchboard'" in printed
        assert f"icon: '{icon_file()}'" in printed
        assert "summary: 'New message from <b>Zoë</b>'" in printed
        # dunst reads bodies as markup: the sender's text arrives escaped, shown as typed.
        assert "body: 'Tom &amp; Jerry &lt;i&gt;à 5 h&lt;/i&gt; 🎂 %s'" in printed
        assert '"default": "Open"' in printed
    finally:
        notifier.close()


def test_invoking_the_action_hands_back_the_target(
    notification_daemon: NotificationDaemon, tmp_path: Path, qtbot: QtBot
) -> None:
    notifier = _notifier(notification_daemon, tmp_path, "notify-click")
    target = NotifyTarget("fax", ("Inbox", "42"))
    try:
        notifier.notify("New fax", "From (800) 555-0111, 2 pages", target)
        assert wait_for(lambda: "New fax" in notification_daemon.printed(), timeout=20)
        with qtbot.waitSignal(notifier.activated, timeout=10_000) as clicked:
            notification_daemon.invoke_default_action()
        assert clicked.args == [target]
    finally:
        notifier.close()


def test_clicking_a_voicemail_notification_opens_its_row(
    notification_daemon: NotificationDaemon, tmp_path: Path, qtbot: QtBot,
    main_window: Any, arun: Any,
) -> None:
    notifier = _notifier(notification_daemon, tmp_path, "notify-open")
    NotificationOpener(notifier, main_window)  # as the shell wires every session
    tab = main_window.tabs["voicemail"]
    arun(tab.refresh())
    main_window.show_tab("numbers")
    wanted = arun(tab.service.messages("1002", "INBOX"))[0]
    try:
        notifier.notify("New voicemail", "From (617) 555-0187", voicemail_target(wanted.key))
        assert wait_for(lambda: "New voicemail" in notification_daemon.printed(), timeout=20)
        notification_daemon.invoke_default_action()

        def opened() -> bool:
            selected = tab.selected_message()
            return main_window.current_key() == "voicemail" and selected is not None and (
                selected.key == wanted.key)

        qtbot.waitUntil(opened, timeout=10_000)
    finally:
        notifier.close()


def test_a_server_that_does_not_answer_does_not_hold_the_window(
    notification_daemon: NotificationDaemon, tmp_path: Path, qtbot: QtBot
) -> None:
    notifier = _notifier(notification_daemon, tmp_path, "notify-hung")
    try:
        notifier.notify("First", "the server is fine")
        assert wait_for(lambda: "First" in notification_daemon.printed(), timeout=20)
        notification_daemon.pause()
        notifier.notify("Second", "the server is frozen")
        # notify() came back while the server cannot have answered: sent on a worker.
        assert notifier.last_send is not None and not notifier.last_send.done()
        notification_daemon.resume()
        assert wait_for(lambda: "Second" in notification_daemon.printed(), timeout=20)
    finally:
        notification_daemon.resume()
        notifier.close()


def test_a_click_before_the_id_came_back_still_opens(tmp_path: Path, qtbot: QtBot) -> None:
    notifier = Notifier(Settings(path=tmp_path / "s.json"), dbus=lambda: None)
    target = NotifyTarget("calls", ("call-7",))
    notifier._on_dbus_invoked(7)  # ActionInvoked overtook the worker's answer
    with qtbot.waitSignal(notifier.activated, timeout=1000) as clicked:
        notifier._on_sent(7, target)
    assert clicked.args == [target]


def test_notifications_off_sends_nothing(
    notification_daemon: NotificationDaemon, tmp_path: Path, qtbot: QtBot
) -> None:
    notifier = _notifier(notification_daemon, tmp_path, "notify-off")
    notifier._settings.notifications = False
    try:
        notifier.notify("Muted", "nothing to show")
        notifier._settings.notifications = True
        notifier.notify("Loud", "shown")
        assert wait_for(lambda: "Loud" in notification_daemon.printed(), timeout=20)
        assert "Muted" not in notification_daemon.printed()
        assert notifier.history == [("Muted", "nothing to show"), ("Loud", "shown")]
    finally:
        notifier.close()


def test_pyside_still_cannot_send_a_uint32() -> None:
    """Canary of the workaround in app/ui/notify_dbus.py: once PySide6 writes a D-Bus
    uint32 from a Python int, a plain QDBusMessage can replace the exported
    interface description; this test then fails to say so."""
    assert needs_typed_interface()



class _BrokenService(QObject):
    """A notification service client whose send has a bug."""

    invoked = Signal(int)
    closed = Signal(int)

    def available(self) -> bool:
        return True

    def send(self, title: str, text: str) -> int | None:
        raise ValueError("a bug in sending")

    def close(self) -> None:
        pass


def test_a_bug_in_sending_reaches_the_crash_handler(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(crash, "report_bug", reported.append)
    broken = _BrokenService()
    notifier = Notifier(Settings(path=tmp_path / "s.json"), has_tray=lambda: False,
                        dbus=lambda: broken)  # type: ignore[arg-type,return-value]
    try:
        notifier.notify("New fax", "2 pages")
        qtbot.waitUntil(lambda: bool(reported), timeout=5000)
        assert isinstance(reported[0], ValueError)
    finally:
        notifier.close()
