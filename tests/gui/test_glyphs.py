"""The player's painted glyphs: drawn in the colour asked for, sharp on HiDPI,
and re-inked by the player when the theme changes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui import style
from app.ui.widgets import glyphs
from app.ui.widgets.player import AudioPlayer


def _ink(image: QImage) -> set[str]:
    """The colours of the glyph's solid (fully opaque) pixels."""
    colors = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                colors.add(pixel.name())
    return colors


@pytest.mark.parametrize("kind", [glyphs.PLAY, glyphs.PAUSE, glyphs.VOLUME, glyphs.MUTED])
def test_each_glyph_is_drawn_in_the_colour_asked_for(qapp: object, kind: str) -> None:
    icon = glyphs.glyph_icon(kind, QColor("#c03020"))
    image = icon.pixmap(16, 16).toImage()
    assert _ink(image) == {"#c03020"}  # solid pixels: the colour, nothing else


def test_glyphs_have_device_pixels_for_hidpi(qapp: object) -> None:
    icon = glyphs.glyph_icon(glyphs.PLAY, QColor("black"), size=16, scale=2.0)
    pixmap = icon.pixmap(QSize(16, 16), 2.0)  # 16 logical pixels at a device-pixel ratio of 2
    assert pixmap.width() == 32 and pixmap.devicePixelRatio() == 2.0


def test_player_glyphs_follow_the_theme(qapp: QApplication, qtbot: QtBot) -> None:
    player = AudioPlayer()
    qtbot.addWidget(player)

    def play_ink() -> set[str]:
        return _ink(player.play_button.icon().pixmap(16, 16).toImage())

    light_ink = style.light_palette().color(QPalette.ColorRole.ButtonText).name()
    dark_ink = style.dark_palette().color(QPalette.ColorRole.ButtonText).name()
    try:
        # Qt posts the palette change to each widget: it arrives a moment later.
        style.apply_theme(qapp, "light")
        qtbot.waitUntil(lambda: play_ink() == {light_ink}, timeout=2000)
        style.apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: play_ink() == {dark_ink}, timeout=2000)
    finally:
        style.apply_theme(qapp, "system")
