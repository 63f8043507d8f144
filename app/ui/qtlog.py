"""Qt's and FFmpeg's own words go to our log (or nowhere), never onto the user's terminal.

* Qt's messages (warnings of the platform plugin, QtMultimedia's probing of
  optional system libraries...) reach ``install_qt_message_handler``'s handler,
  which writes them to the log under ``qt.<category>``.
* QtMultimedia's chatty categories are limited to warnings: their debug and info
  lines come from the FFmpeg threads, and every message that reaches a Python
  handler from those threads needs the GIL (the PySide6 6.12 deadlock in
  CONTRACTS.md's "Qt pitfalls"). ``QT_LOGGING_RULES`` still overrides this.
* FFmpeg itself prints straight to stderr ("[mp3 @ 0x...] Estimating duration
  from bitrate", "Input #0, mp3, from ..."): Qt routes FFmpeg's log only when
  ``QT_FFMPEG_DEBUG`` is set. ``quiet_ffmpeg`` sets FFmpeg's log level to quiet in
  the libavutil Qt loaded for the first media player, before it opens a file (the
  library cannot be loaded on its own: its stub dependencies resolve only once
  QtMultimedia has loaded it, so it is looked up, never loaded). (A log callback
  into Python is not an option: FFmpeg calls it on its own threads, see above.)
  A file FFmpeg cannot decode still reaches the user through QMediaPlayer's error.
  Issue #15.17; ``tests/gui/test_quiet_terminal_process.py`` plays a voicemail in a
  real process and reads its stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

#: Filter rules set before any multimedia object exists (environment rules win).
MULTIMEDIA_RULES = "qt.multimedia.*.debug=false\nqt.multimedia.*.info=false"

#: FFmpeg's ``AV_LOG_QUIET``.
AV_LOG_QUIET = -8

_ffmpeg_quieted = False


def _handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    if category == "default":
        logger = log
    else:  # "qt.multimedia.ffmpeg" as it is; an application's own category under "qt."
        logger = logging.getLogger(category if category.startswith("qt.") else f"qt.{category}")
    logger.log(_LEVELS.get(msg_type, logging.WARNING), "%s", message)


def install_qt_message_handler() -> None:
    QLoggingCategory.setFilterRules(MULTIMEDIA_RULES)
    qInstallMessageHandler(_handler)


def _libavutil_candidates() -> list[Path]:
    """The libavutil shipped with Qt (Linux/macOS: the libraries folder; Windows: binaries)."""
    folders = {
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath)),
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.BinariesPath)),
    }
    patterns = {"win32": "avutil-*.dll", "darwin": "libavutil*.dylib"}
    pattern = patterns.get(sys.platform, "libavutil.so.*")
    found: list[Path] = []
    for folder in folders:
        # Shortest name first: ``libavutil.so.61`` is the soname the plugin loads.
        found.extend(sorted(folder.glob(pattern), key=lambda p: len(p.name)))
    return found


def quiet_ffmpeg() -> bool:
    """Turn FFmpeg's own terminal output off (once); False when it could not be done.

    Call it once a ``QMediaPlayer`` exists (QtMultimedia has loaded FFmpeg then).

    Left alone when ``QT_FFMPEG_DEBUG`` is set: whoever set it wants FFmpeg's log.
    """
    global _ffmpeg_quieted
    if _ffmpeg_quieted or os.environ.get("QT_FFMPEG_DEBUG"):
        return _ffmpeg_quieted
    import ctypes  # only here: the first media player, never before the first paint

    # Only the copy already in the process (the one QtMultimedia uses), never a new one.
    mode = getattr(os, "RTLD_NOLOAD", 0) | getattr(os, "RTLD_LAZY", 0)
    for candidate in _libavutil_candidates():
        try:
            library = ctypes.CDLL(str(candidate), mode=mode)
            set_level = library.av_log_set_level
        except (OSError, AttributeError):
            continue
        set_level.argtypes = [ctypes.c_int]
        set_level.restype = None
        set_level(AV_LOG_QUIET)
        _ffmpeg_quieted = True
        return True
    log.info("FFmpeg's libavutil is not loaded from next to Qt; its messages may reach stderr")
    return False
