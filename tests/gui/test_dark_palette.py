"""The dark palette reaches the menu buttons and the fax compose dialog (issue
#15 point 13).

"Move to ▾", "Presets ▾" and "Route calls to ▾" hid the style's menu arrow with
a style sheet, which hands them to Qt's style-sheet style: on platform styles it
drew a light bevel whatever the palette. Offscreen, Fusion and Windows both
paint them dark either way, so the test checks both what they look like (the
background and text read on the dark palette) and that no style sheet is left.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStyleFactory, QToolButton
from pytestqt.qtbot import QtBot

from app.ui import style

AVAILABLE_STYLES = QStyleFactory.keys()


@pytest.fixture(params=[s for s in ("Fusion", "Windows") if s in AVAILABLE_STYLES])
def dark(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    name, palette = qapp.style().name(), QPalette(qapp.palette())
    qapp.setStyle(request.param)
    qapp.setPalette(style.dark_palette())
    yield request.param
    qapp.setStyle(name)
    qapp.setPalette(palette)


def menu_buttons(window: Any) -> dict[str, tuple[str, QToolButton]]:
    window.ensure_all_tabs()
    voicemail = window.tabs["voicemail"]
    move = voicemail.action_buttons[voicemail.message_actions.move]
    numbers = window.tabs["numbers"]
    return {
        "voicemail move": ("voicemail", move),
        "fax move": ("fax", window.tabs["fax"].move_button),
        "presets": ("numbers", numbers.presets_button),
        "route": ("numbers", numbers.route_button),
    }


def contrast(a: QColor, b: QColor) -> int:
    return abs(a.lightness() - b.lightness())


def test_menu_buttons_are_drawn_from_the_dark_palette(
    dark: str, main_window: Any, qtbot: QtBot
) -> None:
    for name, (tab, button) in menu_buttons(main_window).items():
        main_window.show_tab(tab)
        qtbot.waitUntil(lambda b=button: b.isVisible() and b.width() > 0, timeout=2_000)
        assert button.styleSheet() == "", f"{name}: a style sheet bypasses the palette"
        assert button.text().endswith("▾")
        button.setEnabled(True)
        image = button.grab().toImage()
        middle = image.height() // 2
        background = image.pixelColor(4, middle)  # inside the bevel, left of the text
        assert background.lightness() < 110, (dark, name, background.name())
        text = max(
            (image.pixelColor(x, middle) for x in range(image.width())),
            key=QColor.lightness,
        )
        assert contrast(text, background) > 100, (dark, name, text.name(), background.name())


def test_the_fax_compose_dialog_close_button_has_no_theme_icon(
    dark: str, main_window: Any, qtbot: QtBot
) -> None:
    main_window.ensure_all_tabs()
    dialog = main_window.tabs["fax"].open_compose()
    # A standard Close button takes the platform theme's icon where the style
    # wants icons on dialog buttons (not Fusion offscreen): dark on dark.
    standard = dialog.buttons.standardButton(dialog.close_button)
    assert standard == QDialogButtonBox.StandardButton.NoButton
    assert dialog.close_button.icon().isNull()
    assert dialog.close_button.text() == "Close"
    dialog.reject()
