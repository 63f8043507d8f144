"""Start-up deferrals: the session's API client is built on first use, and the
cache database opened early is handed over only for the right account."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

from app.__main__ import EarlyDatabase
from app.services.account.session import (
    VOIPMS_URL,
    ConnectionOptions,
    DeferredApi,
    close_api,
    open_api,
)


def test_deferred_api_imports_httpx_only_when_used() -> None:
    # A fresh interpreter: this test process has httpx loaded already.
    script = textwrap.dedent(
        """
        import sys
        from app.services.account.session import ConnectionOptions, open_api
        api = open_api("u@example.com", "pw", ConnectionOptions(), deferred=True)
        print("httpx" in sys.modules, api.client.base_url)
        print(api.client.calls_made, "httpx" in sys.modules)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split("\n")
    assert out[0] == f"False {VOIPMS_URL}"
    assert out[1] == "0 True"


def test_deferred_api_builds_once_and_closes() -> None:
    options = ConnectionOptions(base_url="http://127.0.0.1:9/api/v1/rest.php")
    api = open_api("u@example.com", "pw", options, deferred=True)
    assert isinstance(api, DeferredApi) and not api.built
    assert api.client.base_url == options.base_url
    asyncio.run(close_api(api))  # never used: nothing to close, nothing built
    assert not api.built
    client = api.client.__class__  # still the stand-in
    assert api.provider_tz == "America/New_York"  # a real attribute: builds it
    assert api.built and api.client.__class__ is not client
    assert api.resolve() is api.resolve()
    asyncio.run(close_api(api))


def test_early_database_is_handed_over_for_its_own_path_only(tmp_path: Path) -> None:
    wanted = tmp_path / "a" / "cache.sqlite3"
    early = EarlyDatabase(wanted)
    db = early.take(wanted)
    assert db is not None and db.path == wanted
    assert early.take(wanted) is None  # handed over once
    db.close()

    other = EarlyDatabase(tmp_path / "b" / "cache.sqlite3")
    assert other.take(tmp_path / "c" / "cache.sqlite3") is None  # wrong account: closed
    other.discard()  # nothing left; must not raise


def test_python_warnings_go_to_the_log_and_none_reach_stderr_at_exit(tmp_path: Path) -> None:
    # A fresh interpreter running main() with a shell that warns, and that leaves a
    # coroutine unawaited for the garbage collector at exit (what cancelled httpx
    # connection attempts do): the warning is in the log, stderr stays empty.
    script = textwrap.dedent(
        f"""
        import sys, warnings
        from app import __main__ as entry
        from app.ui import app as shell_module

        leftover = []

        async def never_started() -> None:
            pass

        async def run(self) -> int:
            warnings.warn("probe warning", RuntimeWarning)
            leftover.append(never_started())
            return 0

        shell_module.Shell.open_window = lambda self: None
        shell_module.Shell.run = run
        sys.exit(entry.main(["--data-dir", {str(tmp_path)!r}, "--api-url", "http://127.0.0.1:9"]))
        """
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "VOIPMS_API_USERNAME": "a@example.com",
        "VOIPMS_API_PASSWORD": "secret-pw",
        "HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    logs = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.log"))
    assert "probe warning" in logs


def test_ctypes_is_loaded_only_where_the_singleton_fix_applies() -> None:
    # A fresh interpreter: ctypes (~1 ms of the start) is imported by the fix
    # itself, so Pythons without the PySide6 bug (3.12+) never load it for it.
    script = textwrap.dedent(
        """
        import sys
        from app.ui import pyside_fix
        pyside_fix.make_singletons_immortal()
        print("ctypes" in sys.modules, pyside_fix.needs_singleton_fix())
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out[0] == out[1]
