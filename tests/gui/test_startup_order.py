"""The start-up order that makes the first paint fast, checked on the real command.

``python -m app --exit-after-paint`` (what ``bench/bench_startup.py`` times) on a
warm cache, once with each tab on show: the window paints inside the running
qasync loop (made before the window, so whatever the window schedules has a
loop), and the run then carries on and ends cleanly on it (exit code 0, no
traceback). Run on every Python the project supports (.ci/run: 3.11 and 3.13).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.sandbox import SandboxServer
from app.ui.tab_loader import TABS

ROOT = Path(__file__).resolve().parents[2]
PHASES = [
    "python", "config", "qtcore", "ui-modules", "qapplication", "window", "painted",
    "after-paint",
]


def _run(args: list[str], home: Path, sandbox: SandboxServer) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VOIPMS_")}
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "VOIPMS_API_USERNAME": sandbox.username,
            "VOIPMS_API_PASSWORD": sandbox.password,
            "SWITCHBOARD_STARTUP_TIMELINE": "1",  # app.startup_timeline, for the bench
        }
    )
    return subprocess.run(
        [sys.executable, "-m", "app", "--api-url", sandbox.url, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.mark.slow
def test_each_tab_paints_on_the_running_loop_and_the_run_ends_cleanly(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    data = tmp_path / "data"
    warm = _run(["--data-dir", str(data), "--snapshot", str(tmp_path / "shots")], tmp_path, sandbox)
    assert warm.returncode == 0, warm.stderr
    settings_file = data / "settings.json"
    for key, _ in TABS:
        settings = json.loads(settings_file.read_text(encoding="utf-8"))
        settings["last_tab"] = key
        settings_file.write_text(json.dumps(settings), encoding="utf-8")
        result = _run(["--data-dir", str(data), "--exit-after-paint"], tmp_path, sandbox)
        assert result.returncode == 0, f"{key}: {result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, key
        first_paint = [line for line in result.stdout.splitlines() if "first paint" in line]
        assert len(first_paint) == 1, f"{key}: {result.stdout}"
        assert "loop=running" in first_paint[0], f"{key}: {first_paint[0]}"
        # Nothing the first request needs (httpx, phonenumbers) was imported before
        # the paint, even with --api-url checked on the command line; nor hashlib
        # (the single-instance server's name) or platformdirs (Linux's XDG folders
        # are read directly); and the menus' actions and the status bar's progress
        # bar and Cancel button were not built yet (app.ui.app.AFTER_PAINT_MODULES);
        # nor were the Python types of QStyle (the sort arrows' header style) and of
        # every QWidget subclass (a first ``viewport()``: AFTER_PAINT_TYPES).
        assert " early=none " in first_paint[0], f"{key}: {first_paint[0]}"
        # Only the tab on show was imported before the paint.
        assert first_paint[0].endswith(f" tabs={key}"), f"{key}: {first_paint[0]}"
        # The phases the start-up benchmark reports, in the order they happen.
        marks = [
            line.split() for line in result.stderr.splitlines()
            if line.startswith("switchboard-timeline ")
        ]
        assert [mark[1] for mark in marks] == PHASES, key
        # Each mark also carries the CPU time of the process and of its main thread
        # (what the bench compares on a busy machine), which only ever grow.
        assert all(len(mark) == 5 for mark in marks), marks
        for column in (2, 3, 4):
            values = [float(mark[column]) for mark in marks]
            assert values == sorted(values), (key, column, values)
