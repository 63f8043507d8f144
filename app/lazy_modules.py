"""Modules that load on first use instead of on ``import`` (start-up time).

``defer("asyncio")`` puts a stand-in for the module into ``sys.modules``: every
``import asyncio`` binds it at no cost, and the real module is executed the first
time one of its attributes is read. ``app.__main__`` defers asyncio so that the
main window can be built and painted before asyncio (~30 ms here) is loaded;
qasync loads it right after the paint. Code that runs before the paint must only
*name* asyncio (in function bodies and annotations), never read it: a test
(tests/gui/test_startup_order.py) checks it is still unloaded at the
first paint.

Why not ``importlib.util.LazyLoader``: on Python 3.11 its stand-in loads as soon
as anything reads ``__spec__``, and every ``import asyncio`` statement does; PySide6's
import hook reads ``__name__`` too.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types

_lock = threading.RLock()
#: Names of deferred modules being executed right now (by the thread holding _lock).
_loading: set[str] = set()


#: Read on every ``import name`` without using the module: the import system reads
#: ``__spec__``, PySide6's import hook (``__feature__`` support) ``__name__``.
_METADATA = frozenset({"__spec__", "__name__"})


class _DeferredModule(types.ModuleType):
    """A module object whose code runs on the first read of anything but metadata."""

    def __getattribute__(self, attr: str) -> object:
        spec = object.__getattribute__(self, "__spec__")
        if attr in _METADATA:
            return object.__getattribute__(self, attr)
        with _lock:  # a second thread waits here until the module is complete
            if type(self) is _DeferredModule and spec.name not in _loading:
                _loading.add(spec.name)
                try:
                    spec.loader.exec_module(self)
                finally:
                    _loading.discard(spec.name)
                self.__class__ = types.ModuleType  # type: ignore[assignment]
        return object.__getattribute__(self, attr)


def defer(name: str) -> None:
    """Load the module ``name`` lazily (no-op if it is imported already)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _DeferredModule
    sys.modules[name] = module


def is_loaded(name: str) -> bool:
    """Whether ``name`` has really been executed (not just deferred, nor absent).

    ``type()``, because reading any attribute of a deferred module loads it.
    """
    module = sys.modules.get(name)
    return module is not None and type(module) is not _DeferredModule
