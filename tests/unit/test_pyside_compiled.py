"""PySide6's embedded support code is compiled once, then served from the cache."""

from __future__ import annotations

import marshal
import subprocess
import sys
from pathlib import Path

from app.ui.pyside_compiled import CACHE_NAME, _CompileCache, read_entries, write_entries

IMPORT_AND_COUNT = (
    "import sys; from pathlib import Path; from app.ui.pyside_compiled import import_qtcore; "
    "print(import_qtcore(Path(sys.argv[1])))"
)


def _fresh_import(cache_dir: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_AND_COUNT, str(cache_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(done.stdout.strip())


def test_second_start_compiles_nothing_of_pysides_support_code(tmp_path: Path) -> None:
    assert _fresh_import(tmp_path) == 0  # nothing cached yet: compiled, then kept
    entries = read_entries(tmp_path / CACHE_NAME)
    assert "shibokensupport/signature/loader.py" in entries
    assert _fresh_import(tmp_path) == len(entries)  # every one served from the cache


def test_changed_source_is_compiled_again_and_replaces_the_entry() -> None:
    real_compile = compile
    old = real_compile(b"x = 1\n", "shibokensupport/a.py", "exec")
    cache = _CompileCache({"shibokensupport/a.py": (b"x = 1\n", old)})
    compile_cached = cache.wrap(real_compile)

    same = compile_cached(b"x = 1\n", "shibokensupport/a.py", "exec")
    new = compile_cached(b"x = 2\n", "shibokensupport/a.py", "exec")

    assert same is old and cache.hits == 1
    namespace: dict[str, object] = {}
    exec(new, namespace)
    assert namespace["x"] == 2 and cache.changed
    assert cache.entries["shibokensupport/a.py"][0] == b"x = 2\n"


def test_other_code_is_never_taken_from_the_cache() -> None:
    cached = compile(b"x = 1\n", "mine.py", "exec")
    cache = _CompileCache({"mine.py": (b"x = 1\n", cached)})
    compile_cached = cache.wrap(compile)
    assert compile_cached(b"x = 1\n", "mine.py", "exec") is not cached
    assert eval(compile_cached("1 + 1", "shibokensupport/a.py", "eval")) == 2
    assert not cache.changed and cache.hits == 0


def test_damaged_or_foreign_cache_files_are_ignored(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged"
    damaged.write_bytes(b"\x00garbage")
    assert read_entries(damaged) == {}
    foreign = tmp_path / "foreign"
    foreign.write_bytes(b"\x00\x00\x0d\x0a" + marshal.dumps({}))  # another Python's magic
    assert read_entries(foreign) == {}
    assert read_entries(tmp_path / "missing") == {}


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    write_entries(blocker / CACHE_NAME, {})  # must not raise
    assert not (blocker / CACHE_NAME).exists()
