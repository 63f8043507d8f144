"""``app.lazy_modules.defer``: ``import`` binds a stand-in, the first real use runs it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import lazy_modules

MODULE = "switchboard_lazy_probe"


@pytest.fixture
def probe(tmp_path: Path) -> Iterator[Path]:
    """A module that counts how often its code ran (in ``runs.txt`` beside it)."""
    (tmp_path / f"{MODULE}.py").write_text(
        textwrap.dedent(
            """
            import pathlib, time
            _log = pathlib.Path(__file__).with_name("runs.txt")
            _log.write_text(_log.read_text() + "x" if _log.exists() else "x")
            time.sleep(0.05)  # long enough for a second thread to arrive meanwhile
            VALUE = 42
            """
        )
    )
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path / "runs.txt"
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop(MODULE, None)


def test_import_binds_without_running_and_first_use_runs_once(probe: Path) -> None:
    lazy_modules.defer(MODULE)
    assert not lazy_modules.is_loaded(MODULE)
    # The stand-in ``import`` binds (that the statement itself runs nothing is
    # checked in a fresh interpreter below: PySide6's import hook is loaded here).
    module = sys.modules[MODULE]
    assert module.__name__ == MODULE  # metadata reads (import system, PySide's hook)
    assert not probe.exists() and not lazy_modules.is_loaded(MODULE)

    assert module.VALUE == 42
    assert lazy_modules.is_loaded(MODULE)
    assert module.VALUE == 42
    assert probe.read_text() == "x"


def test_two_threads_using_it_first_run_it_once(probe: Path) -> None:
    lazy_modules.defer(MODULE)
    module = sys.modules[MODULE]
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(module.VALUE)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [42, 42]
    assert probe.read_text() == "x"


def test_defer_leaves_an_imported_module_and_an_unknown_name_alone() -> None:
    lazy_modules.defer("json")  # imported already (by pytest): nothing changes
    assert lazy_modules.is_loaded("json")
    lazy_modules.defer("no_such_module_anywhere")
    assert "no_such_module_anywhere" not in sys.modules
    assert not lazy_modules.is_loaded("no_such_module_anywhere")


def test_deferred_asyncio_loads_as_a_whole_package_on_first_use() -> None:
    # A fresh interpreter, set up like app.__main__: asyncio deferred, then Qt with
    # its import hook (which reads ``__name__`` of every imported module).
    # ``import asyncio.events`` and ``from asyncio import ...`` find a complete package.
    script = textwrap.dedent(
        """
        from app import lazy_modules
        lazy_modules.defer("asyncio")
        from app.ui.pyside_fix import skip_feature_source_scan
        skip_feature_source_scan()
        import asyncio
        print(lazy_modules.is_loaded("asyncio"))
        import asyncio.events
        from asyncio import sleep
        print(lazy_modules.is_loaded("asyncio"), asyncio.run(sleep(0, "done")))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out == ["False", "True", "done"]
