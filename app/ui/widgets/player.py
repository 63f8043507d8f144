"""A compact audio player: play/pause, seek slider, position/duration, speed, volume.

Wraps ``QMediaPlayer`` for local files (voicemail recordings are cached on
disk before they play). Two pitfalls from STACK.md shape it:

* the ``QAudioOutput`` is kept as an attribute for the player's whole life: if
  it is garbage-collected the player stalls in ``BufferingMedia`` forever;
* on a machine without an audio device Qt still plays (silently, in real
  time) and reaches ``EndOfMedia``, so "no output" is a notice, not an error;
* the ``QAudioOutput`` is created by QML, not by Python (``_new_audio_output``):
  see there for the deadlock a Python-made one causes.

QtMultimedia (and the QML engine that makes the output) load on first use, not
with the widget: they cost ~50 ms, and the voicemail tab paints its controls
long before anyone presses play. ``player`` / ``audio_output`` create them.

Signals:
    started(): playback began for the loaded file (first ``PlayingState``).
    finished(): the recording played to its end (``EndOfMedia``).
    failed(str): the file cannot be played; a sentence for the user.
    notice(str): something the user should know that does not stop playback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    QByteArray,
    QEvent,
    QGenericArgumentHolder,
    QMetaObject,
    QObject,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate
from app.ui.widgets import glyphs

if TYPE_CHECKING:  # imported on first use: see the module docstring
    from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

log = logging.getLogger(__name__)

#: What the arrow keys and PgUp/PgDn move the seek bar by, in milliseconds.
SEEK_STEP_MS = 5_000
SEEK_PAGE_MS = 30_000
#: Playback speeds offered in the speed box.
SPEEDS: tuple[float, ...] = (1.0, 1.5, 2.0)

# Marked for the catalog, translated where shown (``tr``; this runs before the translator).
NO_OUTPUT_NOTICE = QT_TRANSLATE_NOOP(
    "AudioPlayer",
    "No audio output device was found on this computer: the message plays silently. "
    "Connect speakers or headphones, or save the audio as a file.",
)
UNDECODABLE = QT_TRANSLATE_NOOP(
    "AudioPlayer",
    "This voicemail's audio could not be decoded, so it cannot be played. "
    "Try saving it as a WAV file, or listen to it by phone.",
)


def format_clock(ms: int) -> str:
    """``83_000`` -> ``1:23``; hours only when needed."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


_qml_engine: QObject | None = None


def _new_audio_output(parent: QObject) -> QAudioOutput:
    """A ``QAudioOutput`` made by C++ (QML's ``AudioOutput``), parented to ``parent``.

    Why not ``QAudioOutput(parent)``: an object constructed from Python is a
    PySide wrapper whose ``connectNotify``/``disconnectNotify`` take the GIL.
    The FFmpeg backend's audio thread disconnects from the output while the
    player stops or changes source, and the GUI thread, holding the GIL inside
    ``player.stop()`` (or ``processEvents``), waits for that thread: both wait
    forever (seen as a frozen window; reproduced with a stop/play loop). A
    C++-made output is not a wrapper, so its audio thread never needs the GIL.
    Creating it costs ~15 ms once; without the QML module, fall back.
    """
    global _qml_engine
    from PySide6.QtMultimedia import QAudioOutput

    try:
        from PySide6.QtQml import QQmlComponent, QQmlEngine

        if _qml_engine is None:
            _qml_engine = QQmlEngine()
        component = QQmlComponent(_qml_engine)
        component.setData(QByteArray(b"import QtMultimedia\nAudioOutput {}\n"), QUrl())
        created = component.create()
    except ImportError:
        created = None
    if isinstance(created, QAudioOutput):
        created.setParent(parent)
        return created
    log.warning("QML AudioOutput unavailable; using a Python-made one (may deadlock on stop)")
    return QAudioOutput(parent)


def _speed_label(rate: float) -> str:
    return f"{rate:g}×"


class AudioPlayer(QWidget):
    """Player controls for one local audio file at a time. See module docstring."""

    started = Signal()
    finished = Signal()
    failed = Signal(str)
    notice = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Made by ``_ensure_media`` on first use (module docstring).
        self._player: QMediaPlayer | None = None
        self._audio_output: QAudioOutput | None = None
        self._devices: QMediaDevices | None = None
        self._source: Path | None = None
        self._seeking = False
        self._started_emitted = False
        self._failed_emitted = False

        self.play_button = QToolButton(self)
        self.play_button.setAutoRaise(True)
        self.play_button.setToolTip(translate("AudioPlayer", "Play / pause (Space)"))
        self.play_button.setAccessibleName(translate("AudioPlayer", "Play"))
        self.play_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.seek_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.seek_slider.setAccessibleName(translate("AudioPlayer", "Position"))
        # Reachable and operable by keyboard: Tab stops here, arrows seek 5 s,
        # PgUp/PgDn 30 s (the range is in milliseconds; one step was 1 ms).
        self.seek_slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.seek_slider.setSingleStep(SEEK_STEP_MS)
        self.seek_slider.setPageStep(SEEK_PAGE_MS)
        self.seek_slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.time_label = QLabel(self)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Fixed width from the widest text so the slider does not jump while playing.
        self.time_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00 / 00:00") + 6)
        self.speed_box = QComboBox(self)
        self.speed_box.setToolTip(translate("AudioPlayer", "Playback speed"))
        self.speed_box.setAccessibleName(translate("AudioPlayer", "Speed"))
        self.speed_box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for rate in SPEEDS:
            self.speed_box.addItem(_speed_label(rate), rate)
        self.volume_icon = QLabel(self)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setValue(100)
        self.volume_slider.setFixedWidth(80)
        self.volume_slider.setToolTip(translate("AudioPlayer", "Volume"))
        self.volume_slider.setAccessibleName(translate("AudioPlayer", "Volume"))
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(False)
        self.notice_label.setObjectName("playerNotice")

        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek_slider, 1)
        controls.addWidget(self.time_label)
        controls.addSpacing(8)
        controls.addWidget(self.speed_box)
        controls.addSpacing(8)
        controls.addWidget(self.volume_icon)
        controls.addWidget(self.volume_slider)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(controls)
        layout.addWidget(self.notice_label)

        self.play_button.clicked.connect(self._on_play_button_clicked)
        self.seek_slider.sliderPressed.connect(self._on_seek_slider_pressed)
        self.seek_slider.sliderReleased.connect(self._on_seek_slider_released)
        self.seek_slider.valueChanged.connect(self._on_seek_slider_value_changed)
        self.speed_box.currentIndexChanged.connect(self._on_speed_box_changed)
        self.volume_slider.valueChanged.connect(self._on_volume_slider_changed)

        self._update_play_icon()
        self._update_volume_icon()
        self._update_time()
        self._set_enabled(False)

    # --- public API ------------------------------------------------------------------

    @property
    def player(self) -> QMediaPlayer:
        return self._ensure_media()[0]

    @property
    def audio_output(self) -> QAudioOutput:
        return self._ensure_media()[1]

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def load(self, path: Path, *, autoplay: bool = True) -> None:
        """Show ``path`` in the controls and (by default) start playing it."""
        from PySide6.QtMultimedia import QMediaDevices

        self._ensure_media()
        self._source = path
        self._started_emitted = False
        self._failed_emitted = False
        self.hide_notice()
        self._seeking = False
        # setSource stops whatever played before.
        self._command("setSource", Q_ARG(QUrl, QUrl.fromLocalFile(str(path))))
        # The rate is per source in some backends: re-apply the chosen one.
        self._command("setPlaybackRate", Q_ARG(float, self.speed()))
        self._set_enabled(True)
        if not QMediaDevices.audioOutputs():
            self.show_notice(translate("AudioPlayer", NO_OUTPUT_NOTICE))
            self.notice.emit(translate("AudioPlayer", NO_OUTPUT_NOTICE))
        if autoplay:
            self._command("play")

    def clear(self) -> None:
        """Stop and forget the file (message deleted or moved away)."""
        self._command("stop")
        self._command("setSource", Q_ARG(QUrl, QUrl()))
        self._source = None
        self._set_enabled(False)
        self._update_time()

    def toggle(self) -> None:
        """Play/pause; from the end of the recording, start over."""
        if self._source is None:
            return
        if self.is_playing:
            self._command("pause")
        else:
            from PySide6.QtMultimedia import QMediaPlayer

            if self.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
                self._command("setPosition", Q_ARG("qint64", 0))
            self._command("play")

    def stop(self) -> None:
        self._command("stop")

    def speed(self) -> float:
        value = self.speed_box.currentData()
        return float(value) if value is not None else 1.0

    def set_speed(self, rate: float) -> None:
        """Select ``rate``; a rate not in the box (tests use 4x) is added to it."""
        index = self.speed_box.findData(rate)
        if index < 0:
            self.speed_box.addItem(_speed_label(rate), rate)
            index = self.speed_box.count() - 1
        self.speed_box.setCurrentIndex(index)
        self._command("setPlaybackRate", Q_ARG(float, rate))

    def show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(True)

    def hide_notice(self) -> None:
        announced = self.notice_label.text() == NO_OUTPUT_NOTICE
        self.notice_label.clear()
        self.notice_label.setVisible(False)
        if announced:
            self.notice.emit("")  # its copy in the status bar goes too (issue #15.14)

    # --- slots -----------------------------------------------------------------------

    @Slot()
    def _on_play_button_clicked(self) -> None:
        self.toggle()

    @Slot()
    def _on_seek_slider_pressed(self) -> None:
        self._seeking = True

    @Slot()
    def _on_seek_slider_released(self) -> None:
        self._seeking = False
        self._command("setPosition", Q_ARG("qint64", self.seek_slider.value()))

    @Slot(int)
    def _on_seek_slider_value_changed(self, value: int) -> None:
        if self._seeking:
            # Dragging: show where the thumb is, seek on release.
            self._update_time(value)
        else:
            # Keyboard or a click on the groove: seek right away. Our own
            # updates block the slider's signals, so they never come here.
            self._command("setPosition", Q_ARG("qint64", value))

    @Slot(int)
    def _on_speed_box_changed(self, _index: int) -> None:
        self._command("setPlaybackRate", Q_ARG(float, self.speed()))

    @Slot(int)
    def _on_volume_slider_changed(self, value: int) -> None:
        if self._audio_output is not None:  # else _ensure_media applies it
            self._command("setVolume", Q_ARG("float", value / 100.0), target=self._audio_output)
        self._update_volume_icon()

    @Slot(int)
    def _on_player_position_changed(self, position: int) -> None:
        if not self._seeking:
            self.seek_slider.blockSignals(True)
            self.seek_slider.setValue(position)
            self.seek_slider.blockSignals(False)
            self._update_time(position)

    @Slot(int)
    def _on_player_duration_changed(self, duration: int) -> None:
        self.seek_slider.blockSignals(True)
        self.seek_slider.setRange(0, max(0, duration))
        self.seek_slider.setPageStep(max(1000, duration // 10))
        self.seek_slider.setSingleStep(1000)
        self.seek_slider.blockSignals(False)
        self._update_time()

    # No @Slot on the player's handlers: their argument types live in QtMultimedia,
    # which is not imported when this class is defined (connected in _ensure_media).
    def _on_player_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        self._update_play_icon()
        if state == QMediaPlayer.PlaybackState.PlayingState and not self._started_emitted:
            self._started_emitted = True
            self.started.emit()

    def _on_player_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            # Leave the thumb at the end; the next toggle starts over.
            self._update_play_icon()
            self.finished.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail(translate("AudioPlayer", UNDECODABLE))

    def _on_player_error(self, error: QMediaPlayer.Error, _text: str) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if error != QMediaPlayer.Error.NoError:
            self._fail(translate("AudioPlayer", UNDECODABLE))

    def _on_devices_changed(self) -> None:
        from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

        # Follow the system default (headphones plugged in while listening).
        default = QMediaDevices.defaultAudioOutput()
        self._command("setDevice", Q_ARG(QAudioDevice, default), target=self.audio_output)
        if QMediaDevices.audioOutputs() and self.notice_label.text() == translate(
                "AudioPlayer", NO_OUTPUT_NOTICE):
            self.hide_notice()

    # --- helpers ---------------------------------------------------------------------

    def _ensure_media(self) -> tuple[QMediaPlayer, QAudioOutput]:
        """The media player and its output, made (and wired) the first time."""
        if self._player is not None and self._audio_output is not None:
            return self._player, self._audio_output
        from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer

        from app.ui.qtlog import quiet_ffmpeg

        player = QMediaPlayer(self)
        quiet_ffmpeg()  # now FFmpeg is loaded; it would print on the terminal (#15.17)
        # Kept on self on purpose (STACK.md): a collected output stalls playback.
        output = _new_audio_output(self)
        player.setAudioOutput(output)
        self._player, self._audio_output = player, output
        self._devices = QMediaDevices(self)
        player.positionChanged.connect(self._on_player_position_changed)
        player.durationChanged.connect(self._on_player_duration_changed)
        player.playbackStateChanged.connect(self._on_player_state_changed)
        player.mediaStatusChanged.connect(self._on_player_status_changed)
        player.errorOccurred.connect(self._on_player_error)
        self._devices.audioOutputsChanged.connect(self._on_devices_changed)
        # What the controls were set to before there was a player.
        self._command("setPlaybackRate", Q_ARG(float, self.speed()))
        self._command("setVolume", Q_ARG("float", self.volume_slider.value() / 100.0),
                      target=output)
        return player, output

    def _fail(self, message: str) -> None:
        if self._failed_emitted:
            return  # InvalidMedia and errorOccurred both fire for one bad file
        self._failed_emitted = True
        self._command("stop")
        self._set_enabled(False)
        self.show_notice(message)
        self.failed.emit(message)

    def _command(
        self, slot: str, *args: QGenericArgumentHolder, target: QObject | None = None
    ) -> None:
        """Call a slot of the player (or output) from the event loop, not from here.

        Stopping or changing the source makes the GUI thread wait for the
        FFmpeg audio thread. Called from Python, that wait holds the GIL; if the
        audio thread then needs it (a Qt warning going to a Python message
        handler, e.g. "No audio device detected"), both wait forever. Queued,
        the slot runs from ``QApplication.exec``, which has released the GIL.
        Before the player exists there is nothing to tell: ``_ensure_media``
        applies the speed and volume chosen meanwhile.
        """
        if target is None and self._player is None:
            return
        receiver = target if target is not None else self._player
        assert receiver is not None
        QMetaObject.invokeMethod(receiver, slot, Qt.ConnectionType.QueuedConnection, *args)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.play_button, self.seek_slider, self.speed_box):
            widget.setEnabled(enabled)

    def _update_time(self, position: int | None = None) -> None:
        engine = self._player
        if position is None:
            position = engine.position() if engine is not None else 0
        duration = engine.duration() if engine is not None else 0
        self.time_label.setText(translate(
            "AudioPlayer",
            "{position} / {duration}",
        ).format(position=format_clock(position), duration=format_clock(duration)))

    def _glyph(self, kind: str) -> QIcon:
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        return glyphs.glyph_icon(kind, color, scale=self.devicePixelRatioF())

    def _update_play_icon(self) -> None:
        playing = self.is_playing
        self.play_button.setIcon(self._glyph(glyphs.PAUSE if playing else glyphs.PLAY))
        self.play_button.setAccessibleName(translate(
            "AudioPlayer",
            "Pause",
        ) if playing else translate(
            "AudioPlayer",
            "Play",
        ))

    def _update_volume_icon(self) -> None:
        muted = self.volume_slider.value() == 0
        self.volume_icon.setPixmap(self._glyph(glyphs.MUTED if muted else glyphs.VOLUME).pixmap(16))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch: glyphs in the new ink
            self._update_play_icon()
            self._update_volume_icon()
