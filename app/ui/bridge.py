"""The one bridge from Qt-free service events (``app.services.events``) to Qt.

A widget that wants to hear a service owns one ``QtEventListener``::

    self._events = QtEventListener(self)
    self._events.listen(service.folders_changed, self._on_service_folders_changed)

Each event is re-emitted as the listener's Qt signal and delivered to the slot
on the listener's thread: directly when the service emitted on that thread (the
usual case: services run on the qasync loop, the GUI thread), queued when it
emitted from a worker. When Qt deletes the owner, every connection to the
services is dropped, so a service never calls into a deleted widget.
(Electrum's ``QtEventListener`` does the same for its Qt-free wallet.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVarTuple

from PySide6.QtCore import QObject, Signal, Slot

from app.services.events import Event

Ts = TypeVarTuple("Ts")


class QtEventListener(QObject):
    """Delivers service events to slots of its parent, on the parent's thread.

    Signals:
        fired(object, object): internal; (slot, arguments) of one event.
    """

    fired = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._disconnects: list[Callable[[], None]] = []
        self.fired.connect(self._on_fired)
        # Not a bound method of self: the listener's wrapper may be gone by then.
        disconnects = self._disconnects
        parent.destroyed.connect(lambda *_: _drop_all(disconnects))

    def listen(self, event: Event[*Ts], slot: Callable[[*Ts], object]) -> None:
        """Call ``slot(*args)`` on this object's thread whenever ``event`` is emitted."""

        def relay(*args: *Ts) -> None:
            self.fired.emit(slot, args)

        self._disconnects.append(event.connect(relay))

    def close(self) -> None:
        """Stop listening to every event (also done when the parent is destroyed)."""
        _drop_all(self._disconnects)

    @Slot(object, object)
    def _on_fired(self, slot: Callable[..., object], args: tuple[Any, ...]) -> None:
        slot(*args)


def _drop_all(disconnects: list[Callable[[], None]]) -> None:
    while disconnects:
        disconnects.pop()()
