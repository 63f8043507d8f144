"""Desktop notifications (new voicemail, message, fax, missed call, phone offline, low balance).

Services call ``notifier.notify(title, text, target)`` (the ``NotifierLike``
port). Every notification is recorded in ``history`` / ``targets`` (tests read
them); it reaches the screen, unless the user turned notifications off:

* through the system tray's balloon where the desktop has a tray;
* otherwise through the freedesktop notification service on the session bus
  (``app/ui/notify_dbus.py``): stock GNOME, tiling desktops, anything with a
  notification daemon and no tray;
* otherwise only the log says it.

A click on a notification emits ``activated(target)``; the shell opens that tab
and row (``app/ui/notify_open.py``). A D-Bus notification is sent on a worker
thread (a hung notification server must not hold the window); its id comes back
to this thread through a queued signal. Nothing here loads before the first
notification: the tray's and D-Bus's classes cost start-up time for nothing.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.config.logsetup import private
from app.config.settings import Settings
from app.domain.sms_text import escape_rich_text
from app.services.notifications import NotifyTarget
from app.ui import crash
from app.ui.desktop_tray import AppTray, tray_available
from app.ui.i18n import localized, translate

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from app.ui.notify_dbus import FreedesktopNotifications

log = logging.getLogger(__name__)
#: D-Bus notifications remembered for a click (older ones are forgotten first).
REMEMBERED = 50
#: Notifications raised this close together share one tray balloon: a tray shows one
#: balloon at a time (Windows' notification area, Qt's own balloon), so a missed call
#: and the voicemail it left, found by the same check, showed only the voicemail.
TRAY_GATHER_MS = 800
#: Lines a shared balloon lists before "…and N more".
TRAY_LINES = 4


def tray_text(text: str, platform: str = sys.platform) -> str:
    """``text`` as the system tray's balloon shows it verbatim.

    On Linux Qt hands the balloon to the desktop's notification server, which reads
    ``<a>``, ``<img>`` and ``&amp;`` as markup (the freedesktop "body-markup"):
    a caller's name or an SMS there must be escaped (issue #13.5). Windows and
    macOS show notification text as it is. (The D-Bus path asks the server
    whether it reads markup: ``notify_dbus.escape_markup``.)
    """
    return escape_rich_text(text) if platform.startswith("linux") else text


class Notifier(QObject):
    """Signals:
    notified(str, str): title and text of a notification that was raised.
    activated(object): a notification was clicked: its ``NotifyTarget`` (or ``None``).
    """

    notified = Signal(str, str)
    activated = Signal(object)
    #: (id, target) of a D-Bus notification the server took; emitted by the worker.
    _sent = Signal(int, object)
    #: An exception ``send`` raised on the worker (a bug).
    _send_failed = Signal(object)

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        tray: AppTray | None = None,
        has_tray: Callable[[], bool] = tray_available,
        # The notification service's client; returning ``None``: none (tests).
        dbus: Callable[[], FreedesktopNotifications | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.tray = tray if tray is not None else AppTray(self)
        self._has_tray = has_tray
        self._make_dbus = dbus
        self._dbus: FreedesktopNotifications | None = None
        self._dbus_checked = False
        #: The target of the tray's last balloon (the tray says only "clicked").
        self._tray_target: NotifyTarget | None = None
        #: Raised and not shown yet: ``(title, text, target)``, gathered into one balloon.
        self._tray_pending: list[tuple[str, str, NotifyTarget | None]] = []
        self._tray_gather: QTimer | None = None
        #: D-Bus notification id -> target, for ``ActionInvoked``.
        self._dbus_targets: dict[int, NotifyTarget | None] = {}
        #: Clicks on ids whose ``_sent`` has not arrived yet (a worker thread's race).
        self._early_clicks: set[int] = set()
        #: One thread, so notifications reach the server in the order they were raised.
        self._sender: ThreadPoolExecutor | None = None
        self._sent.connect(self._on_sent)
        self._send_failed.connect(self._on_send_failed)
        self._closed = False
        #: The latest D-Bus send (tests see that ``notify`` did not wait for it).
        self.last_send: Future[int | None] | None = None
        self.history: list[tuple[str, str]] = []
        self.targets: list[NotifyTarget | None] = []
        self.tray.message_clicked.connect(self._on_tray_message_clicked)

    def notify(self, title: str, text: str, target: NotifyTarget | None = None) -> None:
        # Sentences of the services (app/domain/words.py) in the UI's language.
        title, text = localized(title), localized(text)
        self.history.append((title, text))
        self.targets.append(target)
        log.info("Notification: %s: %s", private(title), private(text))  # names, bodies
        self.notified.emit(title, text)
        if not self._settings.notifications:
            return
        if self._has_tray():
            self._tray_pending.append((title, text, target))
            if self._tray_gather is None:
                from PySide6.QtCore import QTimer

                self._tray_gather = QTimer(self)
                self._tray_gather.setSingleShot(True)
                self._tray_gather.setInterval(TRAY_GATHER_MS)
                self._tray_gather.timeout.connect(self._show_tray_pending)
            if not self._tray_gather.isActive():
                self._tray_gather.start()
            return
        dbus = self._ensure_dbus()
        if dbus is None:
            log.info("No tray and no notification service: the notification is only logged")
            return
        if self._sender is None:
            self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notify")
        future = self._sender.submit(dbus.send, title, text)
        future.add_done_callback(lambda done: self._on_send_done(done, target))
        self.last_send = future

    def _show_tray_pending(self) -> None:
        """One balloon for what was raised within ``TRAY_GATHER_MS``: as it is when
        alone, else "3 new notifications" with a line each; a click opens their tab
        when they share one, else just the window."""
        pending, self._tray_pending = self._tray_pending, []
        if not pending or self._closed:
            return
        if len(pending) == 1:
            title, text, target = pending[0]
        else:
            title = translate("Notifier", "%n new notification(s)", "", len(pending))
            lines = [f"{t}: {x}" for t, x, _ in pending[:TRAY_LINES]]
            if len(pending) > TRAY_LINES:
                lines.append(translate("Notifier", "…and {count} more").format(
                    count=len(pending) - TRAY_LINES))
            text = "\n".join(lines)
            tabs = {p[2].tab if p[2] is not None else "" for p in pending}
            target = NotifyTarget(tabs.pop()) if len(tabs) == 1 else None
        self._tray_target = target
        self.tray.show_message(tray_text(title), tray_text(text))

    def _on_send_done(self, done: Future[int | None], target: NotifyTarget | None) -> None:
        """On the worker thread: hand the outcome to the GUI thread (queued signals)."""
        if done.cancelled() or self._closed:
            return
        error = done.exception()
        if error is not None:  # a bug in sending: the crash handler, on the GUI thread
            self._send_failed.emit(error)
            return
        number = done.result()
        if number is not None:
            self._sent.emit(number, target)

    def _on_send_failed(self, error: object) -> None:
        if isinstance(error, Exception):
            crash.report_bug(error)

    def _on_sent(self, number: int, target: object) -> None:
        kept = target if isinstance(target, NotifyTarget) else None
        if number in self._early_clicks:
            self._early_clicks.discard(number)
            self.activated.emit(kept)
            return
        self._dbus_targets[number] = kept
        while len(self._dbus_targets) > REMEMBERED:
            del self._dbus_targets[next(iter(self._dbus_targets))]

    def _ensure_dbus(self) -> FreedesktopNotifications | None:
        if not self._dbus_checked:
            self._dbus_checked = True
            if self._make_dbus is not None:
                dbus = self._make_dbus()
            else:
                from app.ui.desktop_files import icon_file
                from app.ui.notify_dbus import FreedesktopNotifications

                dbus = FreedesktopNotifications(icon=icon_file(), parent=self)
            if dbus is not None and dbus.available():
                dbus.invoked.connect(self._on_dbus_invoked)
                dbus.closed.connect(self._on_dbus_closed)
                self._dbus = dbus
            else:
                log.info("No notification service on the session bus")
        return self._dbus

    def _on_tray_message_clicked(self) -> None:
        self.activated.emit(self._tray_target)

    def _on_dbus_invoked(self, number: int) -> None:
        if number in self._dbus_targets:
            self.activated.emit(self._dbus_targets.pop(number))
        else:  # clicked before its id came back from the worker (or another app's)
            if len(self._early_clicks) >= REMEMBERED:
                self._early_clicks.clear()
            self._early_clicks.add(number)

    def _on_dbus_closed(self, number: int) -> None:
        # ActionInvoked comes before NotificationClosed: nothing is lost by forgetting now.
        self._dbus_targets.pop(number, None)

    def close(self) -> None:
        self._closed = True
        if self._tray_gather is not None:
            self._tray_gather.stop()
        if self._sender is not None:
            self._sender.shutdown(wait=False, cancel_futures=True)
            self._sender = None
        self.tray.close()
        if self._dbus is not None:
            self._dbus.close()
            self._dbus = None
