"""Import PySide6 without compiling its embedded Python support code every start.

Importing ``PySide6.QtCore`` runs ``shiboken6``'s bootstrap, which loads the
``shibokensupport`` package (signatures, ``__feature__``) from a zip embedded
in the shared library. Its importer hands each module's *source* to the
built-in ``compile()``: ~150 KB of Python compiled on every start, 15-20 ms on
the 2-core development machine, before any window can exist. Python's own
``__pycache__`` never sees those files.

:func:`import_qtcore` keeps the compiled code of exactly those files in one
``marshal`` file in the app's cache folder. During the import, ``compile`` is
wrapped: a call for a ``shibokensupport/`` or ``signature_bootstrap`` file whose
source is byte-for-byte the one in the cache gets the cached code object; any
other call, and any file that changed with a PySide6 update, is compiled as
usual (and the cache is rewritten once). The cache is keyed by the
interpreter's bytecode magic number, so another Python never reads it.
Nothing here can fail the start: an unreadable or unwritable cache only means
compiling as before.

(PySide6's own switch for this, ``SBK_EMBED=0``, writes the files into the
installed ``shiboken6`` package, which a user's installation may not allow.)
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import marshal
import os
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

log = logging.getLogger(__name__)

CACHE_NAME = "pyside-support.marshal"
_CACHED_PREFIXES = ("shibokensupport/", "signature_bootstrap")

#: filename -> (source as compiled, code object)
Entries = dict[str, tuple[bytes, CodeType]]


def import_qtcore(cache_dir: Path | None) -> int:
    """``import PySide6.QtCore`` with the support code served from ``cache_dir``.

    Returns how many files came from the cache (0 when PySide6 was imported
    already). ``None`` (no cache folder known) imports the ordinary way.
    """
    if cache_dir is None:
        import PySide6.QtCore

        return 0
    cache_file = cache_dir / CACHE_NAME
    cache = _CompileCache(read_entries(cache_file))
    real_compile = builtins.compile
    builtins.compile = cache.wrap(real_compile)  # type: ignore[assignment]
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = real_compile
    if cache.changed:
        write_entries(cache_file, cache.entries)
    return cache.hits


class _CompileCache:
    def __init__(self, entries: Entries) -> None:
        self.entries = entries
        self.changed = False
        self.hits = 0

    def wrap(self, real_compile: Any) -> Any:
        def compile_cached(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
            if (
                args
                or kwargs
                or mode != "exec"
                or not isinstance(source, bytes)
                or not isinstance(filename, str)
                or not filename.startswith(_CACHED_PREFIXES)
            ):
                return real_compile(source, filename, mode, *args, **kwargs)
            known = self.entries.get(filename)
            if known is not None and known[0] == source:
                self.hits += 1
                return known[1]
            code = real_compile(source, filename, mode)
            self.entries[filename] = (source, code)
            self.changed = True
            return code

        return compile_cached


def read_entries(cache_file: Path) -> Entries:
    """The cached code, or nothing when the file is missing, foreign or damaged."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC_NUMBER):
        return {}
    try:
        entries = marshal.loads(data[len(MAGIC_NUMBER) :])
    except (EOFError, ValueError, TypeError):
        log.warning("Ignoring a damaged %s", cache_file)
        return {}
    if not isinstance(entries, dict):
        return {}
    return {
        name: (value[0], value[1])
        for name, value in entries.items()
        if isinstance(name, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], bytes)
        and isinstance(value[1], CodeType)
    }


def write_entries(cache_file: Path, entries: Entries) -> None:
    """Replace the cache file in one step (a reader never sees half a file)."""
    temp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(MAGIC_NUMBER + marshal.dumps(entries))
        os.replace(temp, cache_file)
    except OSError as exc:
        log.info("Could not keep PySide6's compiled support code: %s", exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
