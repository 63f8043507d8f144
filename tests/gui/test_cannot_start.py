"""When Switchboard cannot start, it says why in one sentence, never a traceback
(issue #13.11 read-only data folder, #13.8 an API address in clear)."""

from __future__ import annotations

from pathlib import Path

from tests.gui.app_process import run


def test_an_unusable_data_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    # A file where a folder should be: refused even to root (as a read-only disk is).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run("--data-dir", str(blocker / "Switchboard"), "--demo")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "cannot write to its data folder" in lines[0] and "--data-dir" in lines[0]


def test_an_api_address_in_clear_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    result = run("--api-url", "http://voip.ms/api/v1/rest.php", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "will not send the API password over plain http://" in result.stderr
