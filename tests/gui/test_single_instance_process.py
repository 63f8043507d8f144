"""One Switchboard per data folder (issue #13.4), with real processes: a second start
brings the first to the front and exits; a lock left by a killed one is taken over."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

from tests.gui.app_process import app_log, run, start, wait_for


def _start(data: Path) -> subprocess.Popen[str]:
    return start("--demo", "--data-dir", str(data))


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
        assert wait_for(lambda: "Session of" in app_log(data)), "the first never started"
        second = run("--demo", "--data-dir", str(data))
        assert second.returncode == 0
        assert "already running" in second.stderr and "Traceback" not in second.stderr
        assert wait_for(lambda: "bringing the window to the front" in app_log(data), 20)
        assert first.poll() is None  # the first goes on
    finally:
        _stop(first)
    assert first.returncode == 0


def test_a_lock_left_by_a_killed_instance_does_not_block_the_next_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    first = _start(data)
    assert wait_for(lambda: "Session of" in app_log(data)), "the first never started"
    first.kill()  # kill -9: the lock file stays behind
    first.communicate()
    assert any(p.name == "switchboard.lock" for p in (data / "cache").iterdir())
    sessions = app_log(data).count("Session of")
    second = _start(data)
    try:
        assert wait_for(lambda: app_log(data).count("Session of") > sessions), (
            "the next start did not take over the stale lock"
        )
    finally:
        _stop(second)
    assert second.returncode == 0
