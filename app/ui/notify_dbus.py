"""Desktop notifications through the freedesktop notification service (D-Bus).

Where there is no system tray (stock GNOME, many tiling desktops) this is how a
notification reaches the screen: ``org.freedesktop.Notifications.Notify`` on
the session bus, with the app's name, icon and desktop entry, and one
"default" action, so that a click on the notification comes back as
``ActionInvoked(id, "default")`` and opens what it is about.

Workaround (PySide6 6.7 to 6.12 at least): PySide6 turns every Python int into
a D-Bus ``int32``/``int64`` (``QDBusMessage``) or ``uint16`` (``QDBusArgument``),
never the ``uint32`` that ``Notify``'s ``replaces_id`` must be, and servers
refuse the call ("does not match expected type (susssasa{sv}i)"). A
``QDBusInterface`` converts arguments to the method's declared types, but it
declares ``Notify``'s hints as a raw type (the servers' introspection carries
no Qt type for ``a{sv}``). Qt keys the method tables it builds by interface
name, per connection, so we export a small object of our own that describes
``org.freedesktop.Notifications`` with Qt's type annotation first: the
notification server's interface then gets that table, and ``invokeMethod``
sends the right types. ``needs_typed_interface()`` says whether PySide still
lacks a ``uint32``: ``tests/gui/test_notify_dbus.py`` fails once it does not, and
a plain ``QDBusMessage`` can then replace the exported description.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    SLOT,
    ClassInfo,
    QMetaObject,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusArgument, QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
#: Where our own description of the interface is exported (see the module docstring).
TYPES_PATH = "/app/switchboard/NotificationTypes"
#: A notification server answers in a millisecond; a hung one must not hold the window.
CALL_TIMEOUT_MS = 1500

_INTROSPECTION = f"""<interface name="{INTERFACE}">
  <method name="Notify">
    <arg name="app_name" type="s" direction="in"/>
    <arg name="replaces_id" type="u" direction="in"/>
    <arg name="app_icon" type="s" direction="in"/>
    <arg name="summary" type="s" direction="in"/>
    <arg name="body" type="s" direction="in"/>
    <arg name="actions" type="as" direction="in"/>
    <arg name="hints" type="a{{sv}}" direction="in"/>
    <annotation name="org.qtproject.QtDBus.QtTypeName.In6" value="QVariantMap"/>
    <arg name="expire_timeout" type="i" direction="in"/>
    <arg name="id" type="u" direction="out"/>
  </method>
  <method name="GetCapabilities">
    <arg name="capabilities" type="as" direction="out"/>
  </method>
</interface>"""


class _NotificationTypes(QDBusAbstractAdaptor):
    """Describes the interface only; it serves no calls."""


# PySide6's stubs type ClassInfo as a class, not the decorator it is.
_describe = ClassInfo({"D-Bus Interface": INTERFACE, "D-Bus Introspection": _INTROSPECTION})  # type: ignore[call-arg]
_NotificationTypes = _describe(_NotificationTypes)  # type: ignore[operator, misc]


#: The server's signals and the slots of ``FreedesktopNotifications`` that hear them.
_SIGNAL_SLOTS = (
    ("ActionInvoked", "_on_action_invoked(uint,QString)"),
    ("NotificationClosed", "_on_notification_closed(uint,uint)"),
)


def _slot(signature: str) -> str:
    """Qt's SLOT() code for ``signature`` (PySide6's stubs say bytes; it takes str)."""
    return SLOT(signature)


def needs_typed_interface() -> bool:
    """Whether PySide6 still cannot write a D-Bus ``uint32`` from a Python int."""
    argument = QDBusArgument()
    argument << 0
    return argument.currentSignature() != "u"


def escape_markup(text: str) -> str:
    """Plain text for a server that reads bodies as markup ("body-markup")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FreedesktopNotifications(QObject):
    """Signals:
    invoked(int): the notification with this id was clicked (its "default" action).
    closed(int): the notification with this id is gone (expired, dismissed, clicked).
    """

    invoked = Signal(int)
    closed = Signal(int)

    def __init__(
        self,
        connection: QDBusConnection | None = None,
        *,
        app_name: str = "Switchboard",
        desktop_entry: str = "switchboard",
        icon: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bus = connection if connection is not None else QDBusConnection.sessionBus()
        self._app_name = app_name
        self._desktop_entry = desktop_entry
        self._icon = str(icon) if icon is not None else desktop_entry
        self._markup: bool | None = None
        self._types_owner: QObject | None = None
        self._listening = False

    def available(self) -> bool:
        """A session bus with a notification server on it (running or activatable).

        When there is one, the interface is described and its signals heard (on
        this, the GUI thread), ready for ``send`` from any thread.
        """
        if not self._bus.isConnected():
            return False
        names = self._bus.interface()
        found = bool(names.isServiceRegistered(SERVICE).value()) or SERVICE in (
            names.activatableServiceNames().value() or []
        )
        if found and not self._listening:
            self._export_types()  # before Qt reads the server's own description
            self._listen()
        return found

    def send(self, title: str, text: str) -> int | None:
        """Send one notification and wait for its id (``None``: the server did not take it).

        Blocking (up to ``CALL_TIMEOUT_MS``): ``Notifier`` calls it on a worker
        thread. Qt's D-Bus connection may be used from any thread; each call
        makes its own interface object, in the calling thread.
        """
        interface = QDBusInterface(SERVICE, PATH, INTERFACE, self._bus)
        interface.setTimeout(CALL_TIMEOUT_MS)
        body = escape_markup(text) if self._body_is_markup(interface) else text
        hints = {"desktop-entry": self._desktop_entry}
        number = QMetaObject.invokeMethod(
            interface, "Notify", Qt.ConnectionType.DirectConnection, Q_RETURN_ARG("uint"),
            Q_ARG(str, self._app_name), Q_ARG("uint", 0), Q_ARG(str, self._icon),
            Q_ARG(str, title), Q_ARG(str, body), Q_ARG("QStringList", ["default", "Open"]),
            Q_ARG("QVariantMap", hints), Q_ARG(int, -1),
        )
        error = interface.lastError()
        if error.isValid() or not isinstance(number, int):
            log.warning("The notification server refused a notification: %s", error.message())
            return None
        return number

    def _export_types(self) -> None:
        """Qt reads our description of the interface once; later interfaces reuse it."""
        owner = QObject(self)
        _NotificationTypes(owner)
        if not self._bus.registerObject(TYPES_PATH, owner):
            log.warning("Could not describe the notification interface on D-Bus")
        described = QDBusInterface(self._bus.baseService(), TYPES_PATH, INTERFACE, self._bus)
        if not described.isValid():
            log.warning("Notification interface description: %s", described.lastError().message())
        self._types_owner = owner

    def _listen(self) -> None:
        if self._listening:
            return
        self._listening = True
        for signal, slot in _SIGNAL_SLOTS:
            slot_code = _slot(slot)
            if not self._bus.connect("", PATH, INTERFACE, signal, self, slot_code):  # type: ignore[call-overload]
                log.warning("Cannot hear %s from the notification server", signal)

    def _body_is_markup(self, interface: QDBusInterface) -> bool:
        if self._markup is None:
            reply = interface.call("GetCapabilities")
            arguments = reply.arguments()
            capabilities = arguments[0] if arguments and isinstance(arguments[0], list) else []
            # Asked once; two threads asking at once would both store the same answer.
            self._markup = "body-markup" in capabilities
        return self._markup

    @Slot("uint", str)
    def _on_action_invoked(self, number: int, action: str) -> None:
        if action == "default":
            self.invoked.emit(number)

    @Slot("uint", "uint")
    def _on_notification_closed(self, number: int, _reason: int) -> None:
        self.closed.emit(number)

    def close(self) -> None:
        if self._types_owner is not None:
            self._bus.unregisterObject(TYPES_PATH)
            self._types_owner = None
        if self._listening:
            for signal, slot in _SIGNAL_SLOTS:
                slot_code = _slot(slot)
                self._bus.disconnect("", PATH, INTERFACE, signal, self, slot_code)  # type: ignore[call-overload]
            self._listening = False
