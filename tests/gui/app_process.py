"""Running the real app in a child process, for tests of what only a process shows
(signals, a second start, a start that cannot work)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
# English whatever the machine's locale: the tests read the app's English words
# (the "language" setting follows the system locale, app/ui/i18n.py).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "LANGUAGE"},
    "QT_QPA_PLATFORM": "offscreen",
    "LC_ALL": "C.UTF-8",
}


def start(*args: str, env: dict[str, str] | None = None,
          module: str = "app") -> subprocess.Popen[str]:
    """``python -m app *args`` in the background, output captured (``env`` added to
    the environment; ``module``: another entry point, e.g. a test driver of the app)."""
    return subprocess.Popen([sys.executable, "-m", module, *args], cwd=ROOT,
                            env={**ENV, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """``python -m app *args`` to its end (60 s at most)."""
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, timeout=60)


def wait_for(predicate: Callable[[], bool], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)  # polling a file another process writes; not ordering
    return False


def app_log(data: Path) -> str:
    """The log of a run with ``--data-dir data`` ("" before it exists)."""
    path = data / "logs" / "switchboard.log"
    return path.read_text(errors="replace") if path.exists() else ""


def sandbox_env(sandbox: Any) -> dict[str, str]:
    """The sandbox account's credentials, as a user's environment gives them."""
    return {"VOIPMS_API_USERNAME": sandbox.username, "VOIPMS_API_PASSWORD": sandbox.password}


def kill_hard(process: subprocess.Popen[str]) -> None:
    """SIGKILL, as a crash or a power cut would end it (nothing runs after it)."""
    try:
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    """End a run the normal way (SIGTERM closes every window); its stdout and stderr."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.communicate(timeout=60)
    except Exception:
        process.kill()
        return process.communicate()


def query_database(data: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` in the cache database of a run with ``--data-dir data``, read
    only, while the app may be writing it ([] before it exists or is migrated)."""
    found = sorted(data.rglob("*.sqlite3"))
    if not found:
        return []
    conn = sqlite3.connect(f"file:{found[0]}?mode=ro", uri=True, timeout=5)
    try:
        return list(conn.execute(sql))
    except sqlite3.OperationalError:  # not migrated yet
        return []
    finally:
        conn.close()
