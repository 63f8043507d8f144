"""How a service tells the rest of the app that something changed, without Qt.

Services are plain asyncio; the UI listens through one Qt bridge
(``app/ui/bridge.py: QtEventListener``), which delivers each event on the
receiver's thread and forgets the receiver when Qt deletes it. Anything else
(a test, a command-line tool) connects a plain function::

    class FaxService:
        def __init__(self) -> None:
            self.folders_changed: Event[FolderChange] = Event("fax.folders_changed")

    seen: list[FolderChange] = []
    service.folders_changed.connect(seen.append)

Handlers run synchronously, in the order they were connected, on the thread
that emits (services emit on the event loop's thread). A handler that raises is
a bug: the exception propagates to the emitter, as a Python call would.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Generic, TypeVarTuple

Ts = TypeVarTuple("Ts")


class Event(Generic[*Ts]):
    """A typed notification with any number of connected handlers.

    ``Event[int]`` carries one int, ``Event[()]`` nothing, ``Event[str, str]`` two
    strings; mypy checks both ``emit`` and the handlers against it.
    """

    __slots__ = ("_handlers", "name")

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._handlers: list[Callable[[*Ts], object]] = []

    def connect(self, handler: Callable[[*Ts], object]) -> Callable[[], None]:
        """Call ``handler`` on every ``emit``; returns a function that disconnects it."""
        self._handlers.append(handler)
        return lambda: self.disconnect(handler)

    def disconnect(self, handler: Callable[[*Ts], object]) -> None:
        """Stop calling ``handler`` (no error when it was not connected)."""
        with contextlib.suppress(ValueError):
            self._handlers.remove(handler)

    def emit(self, *args: *Ts) -> None:
        # A copy: a handler may disconnect itself (or another) while we iterate.
        for handler in list(self._handlers):
            handler(*args)

    @property
    def handler_count(self) -> int:
        return len(self._handlers)

    def __repr__(self) -> str:
        return f"<Event {self.name or hex(id(self))} handlers={len(self._handlers)}>"
