"""Sends on the wire right now, over all features (SMS/MMS and fax).

One registry per ``AppServices`` (``AppServices.sends``): the senders register
the task doing each send, the Cancel of a send cancels that task (its sender
then journals it as ``unknown`` and reconciles it: a cancelled send is never
assumed unsent), and the window waits for what is left before it closes
(issue #13.1: closing never cancels a send silently).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager

from app.services.events import Event

#: (feature, journal entry id): ("messages", 12), ("fax", 3).
SendKey = tuple[str, int]


class InFlightSends:
    def __init__(self) -> None:
        self._tasks: dict[SendKey, asyncio.Task[object]] = {}
        #: The number of sends in flight changed (the close note counts them down).
        self.changed: Event[int] = Event("sends.in_flight")

    @contextmanager
    def tracking(self, key: SendKey) -> Iterator[None]:
        """Register the current task as sending ``key`` for the ``with`` block."""
        task = asyncio.current_task()
        assert task is not None, "a send runs in a task"
        self._tasks[key] = task
        self.changed.emit(len(self._tasks))
        try:
            yield
        finally:
            self._tasks.pop(key, None)
            self.changed.emit(len(self._tasks))

    @property
    def count(self) -> int:
        return len(self._tasks)

    def __contains__(self, key: SendKey) -> bool:
        return key in self._tasks

    def ids(self, feature: str) -> list[int]:
        return [entry for name, entry in self._tasks if name == feature]

    def cancel(self, key: SendKey) -> bool:
        """Cancel one send (its sender journals it as unknown); False if not in flight."""
        task = self._tasks.get(key)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    async def wait(self, timeout: float) -> bool:
        """Wait (at most ``timeout`` s) for every send in flight; True when none is left."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
        return not any(not t.done() for t in self._tasks.values())

    async def cancel_all(self, timeout: float = 2.0) -> None:
        """Cancel what is still sending and give the senders ``timeout`` s to journal it."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)
