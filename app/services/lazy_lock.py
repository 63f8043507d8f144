"""``LazyLock``: an ``asyncio.Lock`` that is made on first use.

Services are created with their tab, before the main window's first paint, and
asyncio is loaded after that paint (``app.lazy_modules``). Creating the lock in
``__init__`` would load asyncio early; this defers it to the first sync.
"""

from __future__ import annotations

import asyncio
from types import TracebackType


class LazyLock:
    __slots__ = ("_lock",)

    def __init__(self) -> None:
        self._lock: asyncio.Lock | None = None

    def locked(self) -> bool:
        return self._lock is not None and self._lock.locked()

    async def __aenter__(self) -> None:
        if self._lock is None:
            self._lock = asyncio.Lock()
        await self._lock.acquire()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        assert self._lock is not None
        self._lock.release()
