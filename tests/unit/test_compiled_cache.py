"""Code compiled from source every start is compiled once, then served from the cache."""

from __future__ import annotations

import dataclasses
import marshal
import os
import re
import subprocess
import sys
import textwrap
from importlib.util import MAGIC_NUMBER
from pathlib import Path

import pytest

from app.compiled_cache import (
    CACHE_NAME,
    DISABLE_VARIABLE,
    HEADER,
    CompiledCache,
    Entries,
    read_entries,
    write_entries,
)
from app.compiled_cache import beside_bytecode as compiled_cache_home

IMPORT_PYSIDE_AND_COUNT = (
    "import sys; from pathlib import Path; from app.compiled_cache import CompiledCache; "
    "cache = CompiledCache(Path(sys.argv[1])); "
    "exec('with cache.active(): import PySide6.QtCore'); cache.save(); print(cache.hits)"
)


def _fresh_pyside_import(cache_file: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_PYSIDE_AND_COUNT, str(cache_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(done.stdout.strip())


def test_second_start_compiles_nothing_of_pysides_support_code(tmp_path: Path) -> None:
    cache_file = tmp_path / CACHE_NAME
    assert _fresh_pyside_import(cache_file) == 0  # nothing cached yet: compiled, then kept
    entries = read_entries(cache_file)
    assert "shibokensupport/signature/loader.py" in entries.files
    assert entries.regexes  # the support package compiles patterns as it loads
    assert _fresh_pyside_import(cache_file) == len(entries)  # each one served from the cache


def _define_point() -> type:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0

    return Point


def test_dataclass_methods_come_from_the_cache_and_behave(tmp_path: Path) -> None:
    cache_file = tmp_path / CACHE_NAME
    first = CompiledCache(cache_file)
    with first.active():
        _define_point()
    assert first.misses > 0 and first.hits == 0
    first.save()

    second = CompiledCache(cache_file)
    with second.active():
        point = _define_point()
    assert second.misses == 0 and second.hits == first.misses
    assert point(1) == point(1, 0) and repr(point(2, 3)) == "_define_point.<locals>.Point(x=2, y=3)"
    assert hash(point(1)) == hash(point(1, 0))
    assert "exec" not in vars(dataclasses)  # the built-in again once inactive


def test_changed_support_source_is_compiled_again(tmp_path: Path) -> None:
    cache = CompiledCache(tmp_path / CACHE_NAME)
    old = compile(b"x = 1\n", "shibokensupport/a.py", "exec")
    cache.entries.files["shibokensupport/a.py"] = (b"x = 1\n", old)
    with cache.active():
        same = compile(b"x = 1\n", "shibokensupport/a.py", "exec")
        new = compile(b"x = 2\n", "shibokensupport/a.py", "exec")
    assert same is old and cache.hits == 1 and cache.misses == 1
    namespace: dict[str, object] = {}
    exec(new, namespace)
    assert namespace["x"] == 2
    assert cache.entries.files["shibokensupport/a.py"][0] == b"x = 2\n"


def test_other_code_is_never_taken_from_the_cache(tmp_path: Path) -> None:
    cache = CompiledCache(tmp_path / CACHE_NAME)
    cached = compile(b"x = 1\n", "mine.py", "exec")
    cache.entries.files["mine.py"] = (b"x = 1\n", cached)
    with cache.active():
        assert compile(b"x = 1\n", "mine.py", "exec") is not cached
        assert eval(compile("1 + 1", "shibokensupport/a.py", "eval")) == 2
    assert cache.hits == 0 and cache.misses == 0
    cache.save()
    assert not (tmp_path / CACHE_NAME).exists()  # nothing new: nothing written


def test_damaged_or_foreign_cache_files_are_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    damaged.write_bytes(b"\x00garbage")
    assert len(read_entries(damaged)) == 0
    foreign = tmp_path / "foreign"
    foreign.write_bytes(b"\x00\x00\x0d\x0a" + marshal.dumps(({}, {}, {})))  # other magic
    assert len(read_entries(foreign)) == 0
    assert len(read_entries(tmp_path / "missing")) == 0


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    write_entries(blocker / CACHE_NAME, Entries())  # must not raise
    assert not (blocker / CACHE_NAME).exists()


def test_regular_expressions_are_rebuilt_from_the_recorded_program(tmp_path: Path) -> None:
    # Patterns no other test compiles, so that re's own in-process cache misses.
    patterns = [
        (r"(?P<area>\d{3})-(?P<line>\d{4}) compiled-cache-test", re.IGNORECASE),
        (rb"^fax (\w+) compiled-cache-test$", 0),
    ]
    cache_file = tmp_path / CACHE_NAME
    first = CompiledCache(cache_file)
    with first.active():
        expected = [re.compile(pattern, flags) for pattern, flags in patterns]
    assert first.misses == len(patterns)
    first.save()

    re.purge()
    second = CompiledCache(cache_file)
    with second.active():
        rebuilt = [re.compile(pattern, flags) for pattern, flags in patterns]
    assert second.hits == len(patterns) and second.misses == 0
    for old, new in zip(expected, rebuilt, strict=True):
        assert (new.pattern, new.flags, new.groupindex) == (old.pattern, old.flags, old.groupindex)
    match = rebuilt[0].match("613-5550 COMPILED-CACHE-TEST")
    assert match is not None and match.group("line") == "5550"
    assert rebuilt[1].match(b"fax inbox compiled-cache-test").group(1) == b"inbox"  # type: ignore[union-attr]
    assert re._compiler.compile.__module__ == "re._compiler"  # restored once inactive


def test_a_read_only_home_keeps_the_code_in_the_next_place(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")  # the usual place cannot be written
    fallback = tmp_path / "user-cache" / CACHE_NAME
    first = CompiledCache(blocked / CACHE_NAME)
    first.add_location(fallback)
    with first.active():
        _define_point()
    first.save()
    assert fallback.exists()

    second = CompiledCache(blocked / CACHE_NAME)  # nothing there to read...
    assert len(second.entries) == 0
    second.add_location(fallback)  # ...so the next place is read
    with second.active():
        _define_point()
    assert second.misses == 0 and second.hits > 0


def test_the_prefilled_place_is_beside_the_apps_bytecode() -> None:
    import importlib.util
    import sys

    import app.compiled_cache as module

    home = compiled_cache_home()
    assert home is not None
    pyc = Path(importlib.util.cache_from_source(module.__file__))
    assert home.parent == pyc.parent and sys.implementation.cache_tag in home.name


def test_the_next_place_is_read_even_when_code_was_compiled_before_it_was_known(
    tmp_path: Path,
) -> None:
    fallback = tmp_path / "user-cache" / CACHE_NAME
    first = CompiledCache(tmp_path / "missing" / "x" / CACHE_NAME)
    first.add_location(fallback)
    with first.active():
        _define_point()
    first.cache_files = [fallback]  # (as if the usual place could not be written)
    first.save()

    second = CompiledCache(tmp_path / "nothing-here" / CACHE_NAME)
    with second.active():
        re.compile(r"compiled before the next place was known \d+")  # a miss, early
        second.add_location(fallback)
        _define_point()
    assert second.hits > 0


def test_a_prefilled_file_is_read_but_never_written(tmp_path: Path) -> None:
    prefilled = tmp_path / "install" / "__pycache__" / CACHE_NAME
    first = CompiledCache(prefilled)  # (a packager's run, writing it)
    with first.active():
        _define_point()
    first.save()
    before = prefilled.read_bytes()

    user = tmp_path / "user-cache" / CACHE_NAME
    second = CompiledCache(read_only=[prefilled])
    with second.active():
        _define_point()
        re.compile(r"only this run compiles me \d+ prefilled-test")  # something new
    assert second.hits > 0 and second.misses == 1
    second.save()  # nowhere writable yet: nothing written anywhere
    assert prefilled.read_bytes() == before and not user.exists()
    second.add_location(user)
    second.save()
    assert prefilled.read_bytes() == before  # the installation is never written
    assert len(read_entries(user)) == len(read_entries(prefilled)) + 1


def test_code_compiled_before_the_users_file_was_read_does_not_rewrite_it(
    tmp_path: Path,
) -> None:
    user = tmp_path / "user-cache" / CACHE_NAME
    pattern = r"compiled before the user's file was read \d+ rewrite-test"
    first = CompiledCache(user)
    with first.active():
        re.compile(pattern)
    first.save()
    stamp = user.stat().st_mtime_ns
    os.utime(user, ns=(stamp - 10**9, stamp - 10**9))

    re.purge()
    second = CompiledCache()
    with second.active():
        re.compile(pattern)  # a miss: the file is not known yet
        second.add_location(user)
    assert second.misses == 1
    second.save()
    assert user.stat().st_mtime_ns == stamp - 10**9  # it had it: not rewritten


@pytest.mark.parametrize(
    "header",
    [
        MAGIC_NUMBER,  # the old format: bytecode magic number only
        HEADER.replace(b"sre=", b"sre=1"),  # another re engine
        HEADER.replace(f"{sys.hexversion:#x}".encode(), b"0x30b00f0"),  # another release
        HEADER[:-2] + b"+\n",  # same version, another build
    ],
)
def test_a_file_of_another_interpreter_is_ignored(tmp_path: Path, header: bytes) -> None:
    cache_file = tmp_path / CACHE_NAME
    code = compile("x = 1", "<string>", "exec")
    cache_file.write_bytes(header + marshal.dumps(({}, {"x = 1": code}, {})))
    assert len(read_entries(cache_file)) == 0
    cache_file.write_bytes(HEADER + marshal.dumps(({}, {"x = 1": code}, {})))
    assert len(read_entries(cache_file)) == 1  # (the same file with this one's header)


#: ``python -m app`` as far as its window: prints whether the cache is serving then.
_MAIN_PROBE = textwrap.dedent(
    """
    import builtins, dataclasses, sys
    from app import __main__ as entry
    from app.ui import app as shell_module

    def open_window(self):
        serving = builtins.compile.__name__ != "compile" or "exec" in vars(dataclasses)
        print("serving" if serving else "off", flush=True)
        return None

    async def run(self):
        return 0

    shell_module.Shell.open_window = open_window
    shell_module.Shell.run = run
    sys.exit(entry.main(sys.argv[1:]))
    """
)


def _main_probe(tmp_path: Path, *, kill_switch: bool) -> tuple[str, list[Path]]:
    data = tmp_path / ("off" if kill_switch else "on")
    env = {
        **{k: v for k, v in os.environ.items() if k != DISABLE_VARIABLE},
        "QT_QPA_PLATFORM": "offscreen",
        "VOIPMS_API_USERNAME": "a@example.com",
        "VOIPMS_API_PASSWORD": "secret-pw",
        "HOME": str(tmp_path / "home"),
        "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache"),  # beside_bytecode() in here
    }
    if kill_switch:
        env[DISABLE_VARIABLE] = "1"
    args = ["--data-dir", str(data), "--api-url", "http://127.0.0.1:9"]
    result = subprocess.run(
        [sys.executable, "-c", _MAIN_PROBE, *args],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip(), sorted(data.rglob("startup-code.*"))


def test_canary_the_kill_switch_really_turns_the_cache_off(tmp_path: Path) -> None:
    # The probe does see the cache when it is on (so "off" below means something)...
    state, files = _main_probe(tmp_path, kill_switch=False)
    assert state == "serving" and files
    assert not list((tmp_path / "pycache").rglob("startup-code.*"))  # never into the install
    # ...and with the variable set nothing is patched, read or written.
    state, files = _main_probe(tmp_path, kill_switch=True)
    assert state == "off" and files == []
