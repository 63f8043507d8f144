"""A start without a desktop (#17 point 4): one clear sentence and exit 1 before Qt
aborts with its xcb message; the demo's temporary folder never outlives the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.desktop_session import missing_display
from tests.gui.app_process import ROOT

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m app *args`` with temporary folders made under ``tmp_path/tmp``."""
    base = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    base = {k: v for k, v in base.items() if not k.startswith("VOIPMS_")}
    # English unless a test asks otherwise (the sentence follows the system's language).
    base = {k: v for k, v in base.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    base["LANG"] = "C.UTF-8"
    (tmp_path / "tmp").mkdir(exist_ok=True)
    base.update({"TMPDIR": str(tmp_path / "tmp"), "HOME": str(tmp_path / "home"), **env})
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=base,
                          capture_output=True, text=True, timeout=90)


def _demo_folders(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "tmp").glob("switchboard-demo-*"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_no_display_is_one_sentence_and_exit_1(tmp_path: Path) -> None:
    result = _run(tmp_path, "--demo")
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == (
        "switchboard: Switchboard needs a graphical desktop: no display found (DISPLAY is "
        "not set). Start it from a desktop session (or over ssh -X), or set "
        "QT_QPA_PLATFORM=offscreen to run it without a window (e.g. with --snapshot)."
    )
    assert "xcb" not in result.stderr
    assert _demo_folders(tmp_path) == []


def test_a_demo_that_cannot_start_removes_its_folder(tmp_path: Path) -> None:
    # Refused after the demo folder was made (an API address in clear).
    result = _run(tmp_path, "--demo", "--api-url", "http://voip.ms/api/v1/rest.php",
                  QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1
    assert "plain http://" in result.stderr
    assert _demo_folders(tmp_path) == []


def test_a_demo_run_removes_its_folder(tmp_path: Path) -> None:
    result = _run(tmp_path, "--demo", "--exit-after-paint", QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert "first paint" in result.stdout
    assert _demo_folders(tmp_path) == []


def test_a_display_or_a_headless_platform_is_enough() -> None:
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "win32") is None
    assert missing_display({}, "darwin") is None
    assert "(DISPLAY is not set)" in (missing_display({}, "linux") or "")
    # Said before Qt's translations can load: in French where the system speaks French.
    french = missing_display({"LANG": "fr_CA.UTF-8"}, "linux") or ""
    assert french.startswith("Switchboard a besoin d'un bureau graphique")
    assert "(DISPLAY n'est pas défini)" in french
    assert "needs" in (missing_display({"LANGUAGE": "en", "LANG": "fr_CA.UTF-8"}, "linux") or "")
    assert "(DISPLAY is not set)" in (missing_display({"QT_QPA_PLATFORM": "xcb"}, "linux") or "")
    wayland = missing_display({"QT_QPA_PLATFORM": "wayland"}, "linux") or ""
    assert "(WAYLAND_DISPLAY is not set)" in wayland
