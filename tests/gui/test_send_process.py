"""Sends survive a kill and a closed window (issue #13.1), with the real app in a
child process against a sandbox living in the test: the provider executes the send
and goes silent (``hang_after``). Killed with SIGKILL and started again on the same
data folder, the app reconciles the send with the history and never sends it twice;
closed mid-send, the window waits for the answer instead of cancelling it."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

from tests.gui.app_process import (
    app_log,
    kill_hard,
    query_database,
    sandbox_env,
    start,
    stop,
    wait_for,
)

CONTACT = "4185550142"
TEXT = "Your order #1042 is ready for pickup"


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def _journal(data: Path) -> list[str]:
    """The send journal's states, read from the app's database ([] before it exists)."""
    return [row[0] for row in query_database(data, "SELECT state FROM send_journal ORDER BY id")]


def test_a_send_killed_mid_flight_is_reconciled_after_restart_not_sent_twice(
    sandbox: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=120)
    args = ("--api-url", sandbox.url, "--data-dir", str(data))
    first = start(*args, "--driver-send", f"{_did(sandbox)},{CONTACT},{TEXT}",
                  env=sandbox_env(sandbox), module="tests.gui.send_driver")
    try:
        assert wait_for(lambda: len(sandbox.calls("sendSMS")) == 1, 90), app_log(data)
        # Journalled before it went out; the answer never came.
        assert _journal(data) == ["sending"]
    finally:
        kill_hard(first)
    sandbox.faults.clear()
    second = start(*args, env=sandbox_env(sandbox))
    try:
        assert wait_for(lambda: _journal(data) == ["sent"], 90), (_journal(data), app_log(data))
        assert "Interrupted send 1 found in the history: sent" in app_log(data)
    finally:
        _out, err = stop(second)
    assert len(sandbox.calls("sendSMS")) == 1  # never sent twice
    assert "Traceback" not in err, err


def test_closing_the_window_mid_send_waits_for_the_answer(
    sandbox: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=3)
    process = start("--api-url", sandbox.url, "--data-dir", str(data), "--driver-send",
                    f"{_did(sandbox)},{CONTACT},{TEXT}", env=sandbox_env(sandbox),
                    module="tests.gui.send_driver")
    try:
        assert wait_for(lambda: len(sandbox.calls("sendSMS")) == 1, 90), app_log(data)
        process.send_signal(signal.SIGTERM)  # closes every window, the normal way
        _out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    log = app_log(data)
    assert "Close held: 1 send(s) on the wire" in log
    assert _journal(data) == ["sent"]  # answered while the window waited
    assert len(sandbox.calls("sendSMS")) == 1
    assert "Traceback" not in err, err
