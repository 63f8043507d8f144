"""The audio player's four glyphs (play, pause, volume, muted), painted in a colour.

Painted rather than taken from the style: they follow the palette's text colour
(the Fusion style draws its media icons black whatever the theme, unreadable on
a dark window), look alike on every platform, and asking for a style icon
builds Python's ``QStyle`` type with its ~570 enum members (~5 ms) before the
Voicemail tab's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

PLAY, PAUSE, VOLUME, MUTED = "play", "pause", "volume", "muted"


def glyph_icon(kind: str, color: QColor, size: int = 16, scale: float = 1.0) -> QIcon:
    """``kind`` (one of the names above) in ``color``, ``size`` px square.

    ``scale`` is the screen's device-pixel ratio, for sharp glyphs on HiDPI.
    """
    pixmap = QPixmap(round(size * scale), round(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)  # drawn on a 16 x 16 grid
    _DRAW[kind](painter, color)
    painter.end()
    return QIcon(pixmap)


def _fill(painter: QPainter, path: QPainterPath, color: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(path)


def _play(painter: QPainter, color: QColor) -> None:
    path = QPainterPath(QPointF(4, 2.5))
    path.lineTo(13.5, 8)
    path.lineTo(4, 13.5)
    path.closeSubpath()
    _fill(painter, path, color)


def _pause(painter: QPainter, color: QColor) -> None:
    path = QPainterPath()
    path.addRoundedRect(QRectF(3.5, 2.5, 3.2, 11), 0.8, 0.8)
    path.addRoundedRect(QRectF(9.3, 2.5, 3.2, 11), 0.8, 0.8)
    _fill(painter, path, color)


def _speaker(painter: QPainter, color: QColor) -> None:
    path = QPainterPath(QPointF(1.5, 5.5))
    path.lineTo(4.5, 5.5)
    path.lineTo(8, 2.5)
    path.lineTo(8, 13.5)
    path.lineTo(4.5, 10.5)
    path.lineTo(1.5, 10.5)
    path.closeSubpath()
    _fill(painter, path, color)


def _stroke_pen(color: QColor) -> QPen:
    pen = QPen(color, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _volume(painter: QPainter, color: QColor) -> None:
    _speaker(painter, color)
    painter.setPen(_stroke_pen(color))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Two sound waves: arcs of circles centred on the speaker's mouth.
    for radius in (3.0, 5.5):
        box = QRectF(8 - radius, 8 - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, -50 * 16, 100 * 16)


def _muted(painter: QPainter, color: QColor) -> None:
    _speaker(painter, color)
    painter.setPen(_stroke_pen(color))
    painter.drawLine(QPointF(10.5, 5.5), QPointF(15, 10.5))
    painter.drawLine(QPointF(15, 5.5), QPointF(10.5, 10.5))


_DRAW = {PLAY: _play, PAUSE: _pause, VOLUME: _volume, MUTED: _muted}
