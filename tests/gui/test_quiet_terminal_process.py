"""Nothing but our own words on the terminal (issue #15.17): the real demo plays a
voicemail (``play_voicemail_driver.py``) and its stderr holds no FFmpeg lines
("[mp3 @ 0x...]", "Input #0, mp3") and no Qt warnings; Qt's go to the log file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.gui.app_process import ENV, ROOT, app_log

DRIVER = Path(__file__).with_name("play_voicemail_driver.py")
NOISE = ("[mp3 @", "Input #0", "Estimating duration", "Stream #0", "propagateSizeHints",
         "qt.multimedia", "PulseAudio", "No audio device")


def test_playing_a_voicemail_prints_nothing_on_the_terminal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**ENV, "PYTHONPATH": str(ROOT)}
    env.pop("QT_FFMPEG_DEBUG", None)
    env.pop("QT_LOGGING_RULES", None)
    done = subprocess.run(
        [sys.executable, str(DRIVER), "--demo", "--data-dir", str(data)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "driver: played to the end" in done.stdout, (done.stdout, done.stderr)
    noisy = [line for line in done.stderr.splitlines() if any(n in line for n in NOISE)]
    assert not noisy, done.stderr
    # Qt's own warnings were not lost: they are in the log, under their category.
    log = app_log(data)
    assert "propagateSizeHints" in log
