"""One Switchboard per data folder (issue #13.4), with real processes: a second start
brings the first to the front and exits; a lock left by a killed one is taken over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _start(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--demo", "--data-dir", str(data)],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _wait_for(predicate: Callable[[], bool], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)  # polling a file another process writes; not ordering
    return False


def _log(data: Path) -> str:
    path = data / "logs" / "switchboard.log"
    return path.read_text(errors="replace") if path.exists() else ""


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def test_a_second_start_brings_the_first_to_the_front_and_exits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = _start(data)
    try:
        assert _wait_for(lambda: "Session of" in _log(data)), "the first never started"
        second = subprocess.run(
            [sys.executable, "-m", "app", "--demo", "--data-dir", str(data)],
            cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=60,
        )
        assert second.returncode == 0
        assert "already running" in second.stderr and "Traceback" not in second.stderr
        assert _wait_for(lambda: "bringing the window to the front" in _log(data), 20)
        assert first.poll() is None  # the first goes on
    finally:
        _stop(first)
    assert first.returncode == 0


def test_a_lock_left_by_a_killed_instance_does_not_block_the_next_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    first = _start(data)
    assert _wait_for(lambda: "Session of" in _log(data)), "the first never started"
    first.kill()  # kill -9: the lock file stays behind
    first.communicate()
    assert any(p.name == "switchboard.lock" for p in (data / "cache").iterdir())
    sessions = _log(data).count("Session of")
    second = _start(data)
    try:
        assert _wait_for(lambda: _log(data).count("Session of") > sessions), (
            "the next start did not take over the stale lock"
        )
    finally:
        _stop(second)
    assert second.returncode == 0
