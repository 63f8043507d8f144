"""Colours and small style rules that work in light and dark palettes.

Nothing here hard-codes a background: colours are derived from the active
palette so that the system's dark mode, and the ``theme`` setting's forced
light/dark (Fusion) palettes, all stay readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    # Not at run time: the first use of ``QStyle`` in Python builds its ~570 enum
    # members (~5 ms), which the tabs that need no style enum skip before the
    # first paint.
    from PySide6.QtWidgets import QStyle

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

    The platform's own style and palette are remembered on the first call so that
    switching back to ``system`` in the settings really restores them.
    """
    global _system_look
    if _system_look is None:
        _system_look = (app.style().name(), QPalette(app.palette()))
    if theme in ("light", "dark"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
    else:
        app.setStyle(_system_look[0])
        app.setPalette(_system_look[1])
    app.setStyleSheet(stylesheet(app.palette()))


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


def tinted_standard_icon(widget: QWidget, which: QStyle.StandardPixmap, size: int = 16) -> QIcon:
    """A style's standard icon recoloured with the widget's text colour.

    Fusion draws the media icons (play, pause, volume) in black whatever the
    palette, which vanishes on a dark window; the shape is kept, the colour follows
    the theme.
    """
    source = widget.style().standardIcon(which).pixmap(size, size)
    tinted = QPixmap(source.size())
    tinted.setDevicePixelRatio(source.devicePixelRatio())
    tinted.fill(QColor(0, 0, 0, 0))
    painter = QPainter(tinted)
    painter.drawPixmap(0, 0, source)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(tinted.rect(), widget.palette().color(Role.ButtonText))
    painter.end()
    return QIcon(tinted)


def stylesheet(palette: QPalette) -> str:
    """Application-wide rules, addressed by object name so tabs are unaffected."""
    warn_bg, warn_fg = warning_colors(palette)
    header = palette.color(Role.Base if is_dark(palette) else Role.AlternateBase)
    border = palette.color(Role.Mid)
    return f"""
QFrame#headerBar {{
    background: {header.name()};
    border-bottom: 1px solid {border.name()};
}}
QLabel#balanceAmount {{ font-size: 20px; font-weight: 600; }}
QLabel#balanceDetail, QLabel#mutedText {{ color: {muted_color(palette).name()}; }}
QLabel#balanceWarning, QLabel#warningStrip {{
    background: {warn_bg.name()}; color: {warn_fg.name()};
    border-radius: 4px; padding: 2px 8px;
}}
QLabel#statusError {{ color: {error_color(palette).name()}; }}
QLabel#emptyStateTitle {{ font-size: 16px; font-weight: 600; }}
"""
