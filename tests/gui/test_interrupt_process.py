"""Ctrl+C or SIGTERM in the terminal shuts the real app down cleanly (issue #13.12):
exit code 0, the run's normal end in the log, no traceback on the terminal."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.gui.app_process import app_log, start, wait_for


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_closes_the_window_and_ends_the_run_normally(
    tmp_path: Path, signum: int
) -> None:
    data = tmp_path / "data"
    process = start("--demo", "--data-dir", str(data))
    try:
        started = wait_for(lambda: "Session of" in app_log(data))
        assert started, "the app never started its session"
        process.send_signal(signum)
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Unexpected error" not in err, err
    log = app_log(data)
    assert f"{signal.Signals(signum).name} received: closing" in log
    assert "Switchboard exiting with 0" in log
