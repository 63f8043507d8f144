"""The audio player widget on its own: plays to the end, seeks, speeds, fails cleanly.

``no_qt_log``: pytest-qt's Qt message handler is Python; QtMultimedia's audio
thread logging through it while the GUI thread waits for that thread inside
``qWait`` (which keeps the GIL) deadlocks. See ``AudioPlayer._command``.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pytest
from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer
from pytestqt.qtbot import QtBot

from app.ui.widgets.player import NO_OUTPUT_NOTICE, SPEEDS, UNDECODABLE, AudioPlayer, format_clock


def _tone(path: Path, seconds: float = 2.0, rate: int = 8000) -> Path:
    """A short 440 Hz WAV: enough for the player to load, play and finish."""
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


pytestmark = pytest.mark.no_qt_log


@pytest.fixture
def player(qtbot: QtBot) -> AudioPlayer:
    widget = AudioPlayer()
    qtbot.addWidget(widget)
    widget.set_speed(4.0)
    return widget


def test_format_clock() -> None:
    assert format_clock(0) == "0:00"
    assert format_clock(83_400) == "1:23"
    assert format_clock(3_723_000) == "1:02:03"
    assert format_clock(-5) == "0:00"


def test_plays_to_end_and_shows_duration(qtbot: QtBot, player: AudioPlayer, tmp_path: Path) -> None:
    clip = _tone(tmp_path / "tone.wav")
    assert not player.play_button.isEnabled()
    with qtbot.waitSignal(player.started, timeout=5000):
        player.load(clip)
    assert player.play_button.isEnabled()
    assert player.player.playbackRate() == 4.0
    with qtbot.waitSignal(player.finished, timeout=5000):
        pass
    assert player.player.duration() > 1500
    assert player.time_label.text().endswith("/ 0:02")
    assert player.seek_slider.maximum() == player.player.duration()


def test_toggle_pauses_and_restarts_after_end(
    qtbot: QtBot, player: AudioPlayer, tmp_path: Path
) -> None:
    clip = _tone(tmp_path / "tone.wav")
    with qtbot.waitSignal(player.started, timeout=5000):
        player.load(clip)
    player.toggle()
    paused = QMediaPlayer.PlaybackState.PausedState
    qtbot.waitUntil(lambda: player.player.playbackState() == paused, timeout=3000)
    assert player.play_button.accessibleName() == "Play"
    player.toggle()
    qtbot.waitUntil(lambda: player.is_playing, timeout=3000)
    with qtbot.waitSignal(player.finished, timeout=5000):
        pass
    player.toggle()  # from the end: starts over
    qtbot.waitUntil(lambda: player.is_playing, timeout=3000)
    player.stop()


def test_seek_slider_moves_playback(qtbot: QtBot, player: AudioPlayer, tmp_path: Path) -> None:
    clip = _tone(tmp_path / "tone.wav", seconds=3.0)
    player.load(clip, autoplay=False)
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=5000)
    player.seek_slider.setValue(2000)  # as a keyboard step or a click on the groove would
    qtbot.waitUntil(lambda: player.player.position() >= 1900, timeout=3000)


def test_speed_and_volume_controls(qtbot: QtBot, player: AudioPlayer) -> None:
    labels = [player.speed_box.itemText(i) for i in range(len(SPEEDS))]
    assert labels == ["1×", "1.5×", "2×"]
    player.speed_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: player.player.playbackRate() == 1.5, timeout=2000)
    player.volume_slider.setValue(30)
    qtbot.waitUntil(lambda: abs(player.audio_output.volume() - 0.3) < 0.01, timeout=2000)
    player.volume_slider.setValue(0)
    qtbot.waitUntil(lambda: player.audio_output.volume() == 0.0, timeout=2000)


def test_undecodable_file_fails_with_message(
    qtbot: QtBot, player: AudioPlayer, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"this is not audio at all" * 20)
    with qtbot.waitSignal(player.failed, timeout=5000) as blocker:
        player.load(bad)
    assert blocker.args == [UNDECODABLE]
    assert player.notice_label.isVisibleTo(player)
    assert not player.play_button.isEnabled()


def test_no_audio_output_is_a_notice_not_an_error(
    qtbot: QtBot, player: AudioPlayer, tmp_path: Path
) -> None:
    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has an audio device")
    clip = _tone(tmp_path / "tone.wav")
    with qtbot.waitSignal(player.notice, timeout=1000) as blocker:
        player.load(clip)
    assert blocker.args == [NO_OUTPUT_NOTICE]
    assert player.notice_label.text() == NO_OUTPUT_NOTICE
    with qtbot.waitSignal(player.finished, timeout=5000):
        pass  # and it still plays to the end
