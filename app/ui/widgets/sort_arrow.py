"""Sort arrows that point the way the list reads (issue #15.14).

The record tables' headers draw their sort arrow through
:class:`~app.ui.widgets.sort_arrow_style.SortArrowStyle` (why: see there). That
style's Python type is built with ``QStyle``'s ~570 enum members (~4 ms), so
while a first window is being built it is set after the paint
(``app.ui.after_paint``), and the header shows no arrow until then rather than
Fusion's reversed one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtWidgets import QTableView

from app.ui import after_paint

if TYPE_CHECKING:
    from app.ui.widgets.sort_arrow_style import SortArrowStyle

_style: SortArrowStyle | None = None


def use_familiar_sort_arrows(table: QTableView) -> None:
    """Draw ``table``'s sort arrow as Windows and macOS do (▼: newest/largest first)."""
    if after_paint.holding():
        table.horizontalHeader().setSortIndicatorShown(False)
        after_paint.after_first_paint(lambda: _turn_arrows(table, held=True))
    else:
        _turn_arrows(table, held=False)


def _turn_arrows(table: QTableView, *, held: bool) -> None:
    global _style
    if not shiboken6.isValid(table):
        return  # the table went away before the first paint
    if _style is None:
        from app.ui.widgets.sort_arrow_style import SortArrowStyle

        # One instance for every header, kept for the life of the process: a widget
        # does not own the style it is given.
        _style = SortArrowStyle()
    header = table.horizontalHeader()
    header.setStyle(_style)
    if held and table.isSortingEnabled():
        # The arrow hidden while waiting comes back, where the list sorts by column
        # (a list in a fixed order, such as Calls, turned sorting off meanwhile).
        header.setSortIndicatorShown(True)
