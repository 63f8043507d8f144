"""Whether the item a delegate is painting is selected, asked without ``QStyle``.

``option.state & QStyle.StateFlag.State_Selected`` is the usual question, but
the first use of ``QStyle`` from Python builds its type with ~570 enum members
(~5 ms), and the Messages tab's conversation list paints in the first frame.
The view's selection model gives the same answer.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem


def is_selected(option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
    view = option.widget
    if not isinstance(view, QAbstractItemView):
        return False
    selection = view.selectionModel()
    return selection is not None and selection.isSelected(index)
