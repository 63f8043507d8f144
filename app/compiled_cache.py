"""Keep what Python would otherwise compile from source on every start.

Three things before the first paint hand *source text* to a compiler each run,
and Python's ``__pycache__`` never sees any of them (figures: the 2-core
development machine):

- ``import PySide6.QtCore`` runs shiboken6's bootstrap, which loads the
  ``shibokensupport`` package (signatures, ``__feature__``) from a zip embedded
  in the shared library, passing each module's source to ``compile()``: about
  150 KB of Python, ~13 ms.
- ``@dataclass`` writes ``__init__``/``__repr__``/``__eq__``/... of each class as
  source and ``exec``-s it: about 30 classes before the paint, ~8 ms.
- Regular expressions compiled at import time, above all by that support
  package (~40 patterns, ~13 ms).

:class:`CompiledCache` keeps the results in one ``marshal`` file in the user's
cache folder (``AppPaths.cache_dir``; with ``--data-dir``, under that folder).
Nothing is ever written into the installation at run time; a packager may
pre-fill a read-only copy beside the app's bytecode (:func:`beside_bytecode`:
copy the user's file there after one start), which then serves from the first
line of ``main()``, before the user's folder is known. While it is started,
``compile`` is wrapped for exactly those support files, ``dataclasses`` sees an
``exec`` that looks the source text up first, and ``re`` builds a pattern it has
seen from the compiled program it recorded (the arguments of ``_sre.compile``,
which is what ``re`` itself ends with). A hit needs the *same* input (source
compared byte for byte, no hash; the same pattern and flags), so a changed class
or a PySide6 update compiles as usual and the file is rewritten once, after the
paint. The file is keyed on the exact interpreter (bytecode magic number,
implementation, ``sys.hexversion``, the full ``sys.version``) and ``_sre.MAGIC``
(the format of a compiled pattern): any other Python, even a rebuild of the
same version, ignores it. Nothing here can fail a start: a missing, damaged or
unwritable cache, or a Python whose ``re`` is built differently, only means
compiling as before.

Kill switch: ``SWITCHBOARD_NO_COMPILED_CACHE=1`` in the environment turns all of
it off (nothing read, patched or written), e.g. to rule the cache out when
something looks wrong at start-up.

(PySide6's own switch for the first part, ``SBK_EMBED=0``, writes the files
into the installed ``shiboken6`` package, which a user's installation may not
allow; dataclasses and ``re`` have no such switch.)
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import logging
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from importlib.util import MAGIC_NUMBER, cache_from_source
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

log = logging.getLogger(__name__)

#: The file's name, wherever it is kept: one per interpreter (the marshal format
#: and the bytecode are its own), so two Pythons sharing a cache folder never
#: take turns rewriting one file.
CACHE_NAME = f"startup-code.{sys.implementation.cache_tag or 'python'}.marshal"
#: Set (to anything but "" or "0") to switch the cache off (module docstring).
DISABLE_VARIABLE = "SWITCHBOARD_NO_COMPILED_CACHE"


def _interpreter_key() -> bytes:
    """What a file must start with to be read by this interpreter (module docstring)."""
    import _sre

    return MAGIC_NUMBER + (
        f"\n{sys.implementation.name} {sys.hexversion:#x} sre={_sre.MAGIC} {sys.version}\n"
    ).encode("utf-8", "backslashreplace")


#: The header of every cache file this interpreter reads and writes.
HEADER = _interpreter_key()


def disabled() -> bool:
    """Whether the kill switch (``SWITCHBOARD_NO_COMPILED_CACHE``) is set."""
    return os.environ.get(DISABLE_VARIABLE, "") not in ("", "0")
#: Files of PySide6's embedded support package, as its importer names them.
_SUPPORT_PREFIXES = ("shibokensupport/", "signature_bootstrap")
#: More entries than this and the ones this run did not use are dropped.
MAX_ENTRIES = 2000

#: support file name -> (its source, code)
Files = dict[str, tuple[bytes, CodeType]]
#: source text given to ``exec`` -> code
Texts = dict[str, CodeType]
#: (pattern, flags) -> the arguments ``re`` passed to ``_sre.compile``
Regexes = dict[tuple[Any, int], tuple[Any, ...]]


class Entries:
    __slots__ = ("files", "regexes", "texts")

    def __init__(
        self, files: Files | None = None, texts: Texts | None = None, regexes: Regexes | None = None
    ) -> None:
        self.files: Files = files or {}
        self.texts: Texts = texts or {}
        self.regexes: Regexes = regexes or {}

    def __len__(self) -> int:
        return len(self.files) + len(self.texts) + len(self.regexes)


def beside_bytecode() -> Path | None:
    """Where a packager may put a pre-filled, read-only cache: with the app's
    compiled modules (``__pycache__``, or under ``sys.pycache_prefix``).

    Known before anything is configured, so such a file serves from the first
    line of ``main()``. Only read, never written by the app (the installation
    may be read-only, and is not the app's to change). ``None`` without a cache
    tag.
    """
    if sys.implementation.cache_tag is None:
        return None
    return Path(cache_from_source(__file__)).with_name(CACHE_NAME)


class CompiledCache:
    """Compiled code read from ``read_only`` files and from ``cache_files``, and
    written to the first of ``cache_files`` that can be written (more places:
    :meth:`add_location`). All of it off when :func:`disabled`."""

    def __init__(self, *cache_files: Path, read_only: Iterable[Path] = ()) -> None:
        self.enabled = not disabled()
        self.cache_files = list(cache_files)
        self.entries = Entries()
        #: Everything read from disk: ``save`` writes only if this run used more.
        self._stored = Entries()
        self.hits = 0
        self.misses = 0
        self._used = Entries()
        self._restore: list[tuple[Any, str, Any]] = []
        for cache_file in (*read_only, *cache_files):
            self._merge(cache_file)

    def add_location(self, cache_file: Path) -> None:
        """Another writable place for the file, tried after the others; what it
        holds is served from now on."""
        self.cache_files.append(cache_file)
        self._merge(cache_file)

    def _merge(self, cache_file: Path) -> None:
        if not self.enabled:
            return
        found = read_entries(cache_file)
        for mine, theirs in ((self.entries, found), (self._stored, found)):
            mine.files.update(theirs.files)
            mine.texts.update(theirs.texts)
            mine.regexes.update(theirs.regexes)

    def start(self) -> None:
        """Serve compiled code from now on (to PySide6's importer, ``@dataclass``, ``re``)."""
        if self._restore or not self.enabled:
            return
        real_compile = builtins.compile
        self._patch(builtins, "compile", self._wrap_compile(real_compile))
        # A module global shadows the built-in for the code of that module only.
        self._patch(dataclasses, "exec", self._wrap_exec(real_compile, builtins.exec))
        regex_compiler: ModuleType | None = getattr(re, "_compiler", None)  # Python 3.11+
        sre = getattr(regex_compiler, "_sre", None)
        if regex_compiler is not None and callable(getattr(sre, "compile", None)):
            recorder = _RecordingSre(sre)
            self._patch(regex_compiler, "_sre", recorder)
            self._patch(
                regex_compiler, "compile", self._wrap_regex(regex_compiler.compile, sre, recorder)
            )

    def stop(self) -> None:
        """Back to the originals (idempotent)."""
        while self._restore:
            owner, name, original = self._restore.pop()
            if original is _ABSENT:
                vars(owner).pop(name, None)
            else:
                setattr(owner, name, original)

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        self.start()
        try:
            yield
        finally:
            self.stop()

    def save(self) -> None:
        """Write the file if this run used code that no file read had.

        (Code compiled before the user's file was known, e.g. argparse's
        patterns, is a miss on every start, but no reason to rewrite the file
        when the file has it.)"""
        if not self.enabled or not self._has_new():
            return
        entries = self.entries if len(self.entries) <= MAX_ENTRIES else self._used
        for cache_file in self.cache_files:
            if write_entries(cache_file, entries):
                return

    def _has_new(self) -> bool:
        used, stored = self._used, self._stored
        return (
            any(
                name not in stored.files or stored.files[name][0] != source
                for name, (source, _) in used.files.items()
            )
            or any(text not in stored.texts for text in used.texts)
            or any(key not in stored.regexes for key in used.regexes)
        )

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        self._restore.append((owner, name, vars(owner).get(name, _ABSENT)))
        setattr(owner, name, replacement)

    def _wrap_compile(self, real_compile: Any) -> Any:
        files, used = self.entries.files, self._used.files

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
            known = files.get(filename)
            if known is not None and known[0] == source:
                self.hits += 1
            else:
                self.misses += 1
                known = files[filename] = (source, real_compile(source, filename, mode))
            used[filename] = known
            return known[1]

        return compile_cached

    def _wrap_exec(self, real_compile: Any, real_exec: Any) -> Any:
        texts, used = self.entries.texts, self._used.texts

        def exec_cached(source: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(source, str):
                code = texts.get(source)
                if code is None:
                    self.misses += 1
                    code = texts[source] = real_compile(source, "<string>", "exec")
                else:
                    self.hits += 1
                used[source] = code
                source = code
            return real_exec(source, *args, **kwargs)

        return exec_cached

    def _wrap_regex(self, real_compile: Any, sre: Any, recorder: _RecordingSre) -> Any:
        regexes, used = self.entries.regexes, self._used.regexes

        def compile_regex(pattern: Any, flags: Any = 0) -> Any:
            if not isinstance(pattern, (str, bytes)) or type(flags) is not int or flags & re.DEBUG:
                return real_compile(pattern, flags)
            key = (pattern, flags)
            known = regexes.get(key)
            if known is not None:
                try:
                    compiled = sre.compile(*known)
                except Exception:  # not what this Python's _sre takes after all
                    regexes.pop(key, None)
                else:
                    self.hits += 1
                    used[key] = known
                    return compiled
            recorder.calls.args = None
            compiled = real_compile(pattern, flags)
            recorded = recorder.calls.args
            if recorded is not None and recorded[0] == pattern:
                recorded = _plain(recorded)  # opcodes are int subclasses marshal refuses
                if _marshallable(recorded):
                    self.misses += 1
                    regexes[key] = used[key] = recorded
            return compiled

        return compile_regex


class _RecordingSre:
    """Stands in for ``_sre`` inside ``re._compiler``; notes what ``compile`` got.

    Per thread, in case another thread compiles a pattern at the same moment.
    """

    def __init__(self, sre: Any) -> None:
        self._sre = sre
        self.calls = threading.local()

    def compile(self, *args: Any) -> Any:
        self.calls.args = args
        return self._sre.compile(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sre, name)


_ABSENT = object()


def _plain(value: Any) -> Any:
    """``value`` with int subclasses (``re``'s named opcodes) made plain ints."""
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def read_entries(cache_file: Path) -> Entries:
    """The cached code, or nothing when the file is missing, foreign or damaged."""
    try:
        data = cache_file.read_bytes()
    except OSError:
        return Entries()
    if not data.startswith(HEADER):  # another interpreter's (or an old) file
        return Entries()
    try:
        loaded = marshal.loads(data[len(HEADER) :])
    except (EOFError, ValueError, TypeError):
        log.warning("Ignoring a damaged %s", cache_file)
        return Entries()
    if not (isinstance(loaded, tuple) and len(loaded) == 3):
        return Entries()
    files, texts, regexes = (part if isinstance(part, dict) else {} for part in loaded)
    return Entries(
        files={
            name: value
            for name, value in files.items()
            if isinstance(name, str)
            and isinstance(value, tuple)
            and len(value) == 2
            and isinstance(value[0], bytes)
            and isinstance(value[1], CodeType)
        },
        texts={
            text: code
            for text, code in texts.items()
            if isinstance(text, str) and isinstance(code, CodeType)
        },
        regexes={
            key: args
            for key, args in regexes.items()
            if isinstance(key, tuple) and len(key) == 2 and isinstance(args, tuple)
        },
    )


def write_entries(cache_file: Path, entries: Entries) -> bool:
    """Replace the cache file in one step (a reader never sees half a file)."""
    temp = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.tmp")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps((entries.files, entries.texts, entries.regexes))
        temp.write_bytes(HEADER + data)
        os.replace(temp, cache_file)
    except (OSError, ValueError) as exc:
        log.info("Could not keep the compiled start-up code in %s: %s", cache_file, exc)
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        return False
    return True
