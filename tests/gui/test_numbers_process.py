"""A change to a number cut off by a kill (the real app in a child process, the
sandbox in the test): VoIP.ms makes the change and goes silent (``hang_after``),
the app is killed with SIGKILL. Its change-log line, written before the call, is
still there ("Saving…"); the next start's refresh settles it as saved, from what
the provider has, without sending the change again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gui import app_process as run

NUMBER = "6175550111"  # the sales line of the demo account (a ring group)


def _log_lines(data: Path) -> list[tuple[Any, ...]]:
    """(did, new value, ok, pending) of the change log ([] before it exists)."""
    return run.query_database(data, "SELECT did, new, ok, pending FROM did_changes ORDER BY id")


def test_a_reroute_killed_before_the_answer_is_settled_after_restart(
    sandbox: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sandbox.faults.inject("hang_after", methods="setDIDRouting", delay=120)
    args = ("--api-url", sandbox.url, "--data-dir", str(data))
    first = run.start(*args, "--driver-reroute", f"{NUMBER},vm:1001",
                      env=run.sandbox_env(sandbox), module="tests.gui.reroute_driver")
    try:
        called = run.wait_for(lambda: len(sandbox.calls("setDIDRouting")) == 1, 90)
        assert called, run.app_log(data)
        assert _log_lines(data) == [(NUMBER, "vm:1001", 0, 1)]  # written before the call
    finally:
        run.kill_hard(first)
    sandbox.faults.clear()
    assert sandbox.state.dids[NUMBER]["routing"] == "vm:1001"  # VoIP.ms made it
    second = run.start(*args, env=run.sandbox_env(sandbox))
    try:
        assert run.wait_for(lambda: _log_lines(data) == [(NUMBER, "vm:1001", 1, 0)], 90), (
            _log_lines(data), run.app_log(data))
    finally:
        _out, err = run.stop(second)
    assert len(sandbox.calls("setDIDRouting")) == 1  # not made again
    assert "Traceback" not in err, err
