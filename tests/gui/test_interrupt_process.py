"""Ctrl+C or SIGTERM in the terminal shuts the real app down cleanly (issue #13.12):
exit code 0, the run's normal end in the log, no traceback on the terminal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)  # polling a file another process writes; not ordering
    return False


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_closes_the_window_and_ends_the_run_normally(
    tmp_path: Path, signum: int
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--demo", "--data-dir", str(data)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    log_file = data / "logs" / "switchboard.log"
    try:
        started = _wait_for(
            lambda: log_file.exists() and "Session of" in log_file.read_text(errors="replace"),
            timeout=60,
        )
        assert started, "the app never started its session"
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Unexpected error" not in err, err
    log = log_file.read_text(errors="replace")
    assert f"{signal.Signals(signum).name} received: closing" in log
    assert "Switchboard exiting with 0" in log
