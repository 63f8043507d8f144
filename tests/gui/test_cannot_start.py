"""When Switchboard cannot start, it says why in one sentence, never a traceback
(issue #13.11 read-only data folder, #13.8 an API address in clear)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_an_unusable_data_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    # A file where a folder should be: refused even to root (as a read-only disk is).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = _run("--data-dir", str(blocker / "Switchboard"), "--demo")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "cannot write to its data folder" in lines[0] and "--data-dir" in lines[0]


def test_an_api_address_in_clear_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    result = _run("--api-url", "http://voip.ms/api/v1/rest.php", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "will not send the API password over plain http://" in result.stderr
