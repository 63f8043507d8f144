"""Keep the code Python would otherwise compile from source on every start.

Two things before the first paint hand *source text* to the compiler each run,
and Python's ``__pycache__`` never sees either:

- ``import PySide6.QtCore`` runs shiboken6's bootstrap, which loads the
  ``shibokensupport`` package (signatures, ``__feature__``) from a zip embedded
  in the shared library, passing each module's source to ``compile()``: about
  150 KB of Python, ~13 ms of the start on the 2-core development machine.
- ``@dataclass`` writes ``__init__``/``__repr__``/``__eq__``/... of each class as
  source and ``exec``-s it: about 30 classes before the paint, ~10 ms.

:class:`CompiledCache` keeps the compiled code objects in one ``marshal`` file
in the app's cache folder. While :meth:`CompiledCache.active`, ``compile`` is
wrapped for exactly those support files, and ``dataclasses`` sees an ``exec``
that looks the source text up first. A hit needs the *same* source (a
byte-for-byte comparison, no hash), so a changed class or a PySide6 update
compiles as usual and the file is rewritten once, after the paint. The file is
tagged with the interpreter's bytecode magic number: another Python never
reads it. Nothing here can fail a start; a missing, damaged or unwritable cache
only means compiling as before.

(PySide6's own switch for the first part, ``SBK_EMBED=0``, writes the files
into the installed ``shiboken6`` package, which a user's installation may not
allow; dataclasses have no such switch.)
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import logging
import marshal
import os
from collections.abc import Iterator
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

log = logging.getLogger(__name__)

CACHE_NAME = "compiled-startup-code.marshal"
#: Files of PySide6's embedded support package, as its importer names them.
_SUPPORT_PREFIXES = ("shibokensupport/", "signature_bootstrap")
#: More entries than this and the ones this run did not use are dropped.
MAX_ENTRIES = 2000

#: support file name -> (its source, code); generated source text -> code
Files = dict[str, tuple[bytes, CodeType]]
Texts = dict[str, CodeType]


class CompiledCache:
    def __init__(self, cache_file: Path) -> None:
        self.cache_file = cache_file
        self.files, self.texts = read_entries(cache_file)
        self.hits = 0
        self.misses = 0
        self._used_files: set[str] = set()
        self._used_texts: set[str] = set()
        self._real_compile: Any = None

    def start(self) -> None:
        """Serve compiled code to PySide6's importer and ``@dataclass`` from now on."""
        if self._real_compile is not None:
            return
        real_compile = self._real_compile = builtins.compile
        builtins.compile = self._wrap_compile(real_compile)  # type: ignore[assignment]
        # A module global shadows the built-in for the code of that module only.
        vars(dataclasses)["exec"] = self._wrap_exec(real_compile, builtins.exec)

    def stop(self) -> None:
        """Back to the built-ins (idempotent)."""
        if self._real_compile is None:
            return
        builtins.compile = self._real_compile
        self._real_compile = None
        vars(dataclasses).pop("exec", None)

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        self.start()
        try:
            yield
        finally:
            self.stop()

    def save(self) -> None:
        """Write the file if this run compiled something it did not have."""
        if not self.misses:
            return
        files, texts = self.files, self.texts
        if len(files) + len(texts) > MAX_ENTRIES:
            files = {name: files[name] for name in self._used_files}
            texts = {text: texts[text] for text in self._used_texts}
        write_entries(self.cache_file, files, texts)

    def _wrap_compile(self, real_compile: Any) -> Any:
        def compile_cached(source: Any, filename: Any, mode: Any, *args: Any, **kwargs: Any) -> Any:
            if (
                args
                or kwargs
                or mode != "exec"
                or not isinstance(source, bytes)
                or not isinstance(filename, str)
                or not filename.startswith(_SUPPORT_PREFIXES)
            ):
                return real_compile(source, filename, mode, *args, **kwargs)
            self._used_files.add(filename)
            known = self.files.get(filename)
            if known is not None and known[0] == source:
                self.hits += 1
                return known[1]
            self.misses += 1
            code = real_compile(source, filename, mode)
            self.files[filename] = (source, code)
            return code

        return compile_cached

    def _wrap_exec(self, real_compile: Any, real_exec: Any) -> Any:
        def exec_cached(source: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(source, str):
                self._used_texts.add(source)
                code = self.texts.get(source)
                if code is None:
                    self.misses += 1
                    code = self.texts[source] = real_compile(source, "<string>", "exec")
                else:
                    self.hits += 1
                source = code
            return real_exec(source, *args, **kwargs)

        return exec_cached


def read_entries(cache_file: Path) -> tuple[Files, Texts]:
    """The cached code, or nothing when the file is missing, foreign or damaged."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return {}, {}
    if not data.startswith(MAGIC_NUMBER):
        return {}, {}
    try:
        loaded = marshal.loads(data[len(MAGIC_NUMBER) :])
    except (EOFError, ValueError, TypeError):
        log.warning("Ignoring a damaged %s", cache_file)
        return {}, {}
    if not (isinstance(loaded, tuple) and len(loaded) == 2):
        return {}, {}
    raw_files, raw_texts = loaded
    if not (isinstance(raw_files, dict) and isinstance(raw_texts, dict)):
        return {}, {}
    files: Files = {
        name: value
        for name, value in raw_files.items()
        if isinstance(name, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], bytes)
        and isinstance(value[1], CodeType)
    }
    texts: Texts = {
        text: code
        for text, code in raw_texts.items()
        if isinstance(text, str) and isinstance(code, CodeType)
    }
    return files, texts


def write_entries(cache_file: Path, files: Files, texts: Texts) -> None:
    """Replace the cache file in one step (a reader never sees half a file)."""
    temp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(MAGIC_NUMBER + marshal.dumps((files, texts)))
        os.replace(temp, cache_file)
    except OSError as exc:
        log.info("Could not keep the compiled start-up code: %s", exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
