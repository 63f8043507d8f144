"""Colours and small style rules that work in light and dark palettes.

Nothing here hard-codes a background: colours are derived from the active
palette so that the system's dark mode, and the ``theme`` setting's forced
light/dark (Fusion) palettes, all stay readable.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

Role = QPalette.ColorRole


def is_dark(palette: QPalette) -> bool:
    return palette.color(Role.Window).lightness() < 128


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 32, 36), QColor(43, 45, 50), QColor(230, 230, 230)
    p.setColor(Role.Window, window)
    p.setColor(Role.WindowText, text)
    p.setColor(Role.Base, base)
    p.setColor(Role.AlternateBase, QColor(38, 40, 45))
    p.setColor(Role.ToolTipBase, window)
    p.setColor(Role.ToolTipText, text)
    p.setColor(Role.PlaceholderText, QColor(150, 150, 150))
    p.setColor(Role.Text, text)
    p.setColor(Role.Button, window)
    p.setColor(Role.ButtonText, text)
    p.setColor(Role.BrightText, QColor(255, 90, 90))
    p.setColor(Role.Link, QColor(110, 170, 255))
    p.setColor(Role.Highlight, QColor(55, 110, 200))
    p.setColor(Role.HighlightedText, QColor(255, 255, 255))
    p.setColor(Role.Mid, QColor(70, 72, 78))
    p.setColor(Role.Dark, QColor(20, 20, 22))
    p.setColor(Role.Light, QColor(80, 82, 88))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 120, 120))
    return p


def light_palette() -> QPalette:
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    return fusion.standardPalette() if fusion is not None else QPalette()


_system_look: tuple[str, QPalette] | None = None


def apply_theme(app: QApplication, theme: str) -> None:
    """``system`` keeps the platform look; ``light``/``dark`` force a Fusion palette.

    The platform's own style and palette are remembered before the first forced
    theme, so that switching back to ``system`` in the settings really restores them.
    """
    global _system_look
    if theme in ("light", "dark"):
        if _system_look is None:
            _system_look = (app.style().name(), QPalette(app.palette()))
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
    elif _system_look is not None:
        app.setStyle(_system_look[0])
        app.setPalette(_system_look[1])
    # else: the platform's look is on already. (Asking for it, ``app.style()``, would
    # build Python's ``QStyle`` type and its ~570 enum members: ~5 ms of a start.)
    _refresh_looks(app)


def warning_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, text) for a warning strip readable on this palette."""
    if is_dark(palette):
        return QColor(90, 60, 10), QColor(255, 220, 150)
    return QColor(255, 240, 200), QColor(110, 70, 0)


def error_color(palette: QPalette) -> QColor:
    return QColor(255, 120, 120) if is_dark(palette) else QColor(170, 20, 20)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: halfway between text and window colours."""
    a, b = palette.color(Role.WindowText), palette.color(Role.Window)
    return QColor(
        (a.red() + b.red()) // 2, (a.green() + b.green()) // 2, (a.blue() + b.blue()) // 2
    )


#: The looks addressed by name (a widget's object name says which it has). They
#: used to be an application style sheet; setting one makes Qt route *every*
#: widget through its style-sheet style, ~7 ms of the first paint on the 2-core
#: machine and a little of every paint after it. Colours come from the palette.
PLAIN = ""  #: no named look: the palette's own colours again
MUTED = "mutedText"  #: secondary text
BALANCE_DETAIL = "balanceDetail"  #: secondary text beside the balance
ERROR = "statusError"  #: a problem, in red
WARNING = "warningStrip"  #: a warning on a tinted strip (``widgets.strips.TintedStrip``)
ERROR_STRIP = "errorStrip"  #: white on red: what stopped an action (same widget)
TITLE = "emptyStateTitle"  #: a heading
AMOUNT = "balanceAmount"  #: the balance figure

_FONTS = {TITLE: 16, AMOUNT: 20}  # pixel sizes, semi-bold


def set_look(widget: QWidget, look: str) -> None:
    """Give ``widget`` the named look, now and after every theme change."""
    widget.setObjectName(look)
    _apply_look(widget, QApplication.palette())


def _apply_look(widget: QWidget, palette: QPalette) -> None:
    look = widget.objectName()
    if look not in _LOOKS:
        widget.setPalette(QPalette())  # PLAIN: inherit again (a label that was an error)
        return
    foreground: QColor | None = None
    if look in (MUTED, BALANCE_DETAIL):
        foreground = muted_color(palette)
    elif look == ERROR:
        foreground = error_color(palette)
    elif look == WARNING:
        background, foreground = warning_colors(palette)
        _set_color(widget, Role.Window, background)
    elif look == ERROR_STRIP:
        background, foreground = QColor(179, 38, 30), QColor(255, 255, 255)
        _set_color(widget, Role.Window, background)
    elif look in _FONTS:
        font = widget.font()
        font.setPixelSize(_FONTS[look])
        font.setWeight(QFont.Weight.DemiBold)
        widget.setFont(font)
    if foreground is not None:
        _set_color(widget, Role.WindowText, foreground)
        _set_color(widget, Role.Text, foreground)


def _set_color(widget: QWidget, role: QPalette.ColorRole, color: QColor) -> None:
    palette = widget.palette()
    palette.setColor(role, color)
    widget.setPalette(palette)


def _refresh_looks(app: QApplication) -> None:
    """The named looks in the new palette (after a theme change)."""
    palette = app.palette()
    for widget in app.allWidgets():
        if widget.objectName() in _LOOKS:
            _apply_look(widget, palette)


_LOOKS = {MUTED, BALANCE_DETAIL, ERROR, WARNING, ERROR_STRIP, TITLE, AMOUNT}


def header_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """(background, bottom border) of the header above the tabs."""
    background = palette.color(Role.Base if is_dark(palette) else Role.AlternateBase)
    return background, palette.color(Role.Mid)


class _WithoutMenuIndicator(QObject):
    """Paints a menu tool button as the style does, minus the menu indicator.

    The buttons whose text carries the arrow ("Move to ▾", "Presets ▾", "Route
    calls to ▾") used to hide the style's indicator (drawn over their last
    letters) with a style sheet. A style sheet hands the button to Qt's
    style-sheet style, which under the Windows and platform styles draws a light
    bevel whatever the palette: light buttons on the dark theme (issue #15
    point 13). Painting the ordinary option without the ``HasMenu`` feature
    keeps the style's own, palette-derived look.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QToolButton):
            # Imported on first paint: building QStyle's Python type costs ~5 ms
            # that the first paint need not spend before the tabs exist.
            from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QStylePainter

            option = QStyleOptionToolButton()
            watched.initStyleOption(option)
            option.features &= ~QStyleOptionToolButton.ToolButtonFeature.HasMenu
            painter = QStylePainter(watched)
            painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
            painter.end()
            return True
        return super().eventFilter(watched, event)


_without_menu_indicator: _WithoutMenuIndicator | None = None


def hide_menu_indicator(button: QToolButton) -> None:
    """Draw ``button`` (a menu button whose text ends in "▾") without the style's arrow."""
    global _without_menu_indicator
    if _without_menu_indicator is None:
        _without_menu_indicator = _WithoutMenuIndicator(QApplication.instance())
    button.installEventFilter(_without_menu_indicator)
