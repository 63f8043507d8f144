"""Qt model + delegate of the conversation list (newest first, one row per DID/contact).

The model is updated incrementally: :meth:`ConversationModel.upsert` moves a
conversation that got a new message to its new place (``beginMoveRows``) or
inserts it, so selection and scroll position survive a poll.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.domain.models.messages import Direction, ThreadSummary
from app.domain.phone import format_number
from app.ui import dates
from app.ui.i18n import translate
from app.ui.plain_text import plain_tooltip
from app.ui.widgets.item_state import is_selected

Index = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 10
UNREAD_ROLE = Qt.ItemDataRole.UserRole + 11
#: "(617) 555-0111" when the listed conversations use several of my numbers, else "".
MY_NUMBER_ROLE = Qt.ItemDataRole.UserRole + 12


def contact_label(summary: ThreadSummary) -> str:
    return summary.name or format_number(summary.contact)


def snippet(summary: ThreadSummary) -> str:
    text = " ".join(summary.last_text.split())
    if not text and summary.last_has_media:
        text = translate("ConversationModel", "Image")
    elif summary.last_has_media:
        text = translate("ConversationModel", "Image · {text}").format(text=text)
    if summary.last_direction is Direction.SENT:
        text = translate("ConversationModel", "You: {text}").format(text=text)
    return text


def short_time(moment: datetime, now: datetime | None = None) -> str:
    local = moment.astimezone()
    now_local = (now or datetime.now().astimezone()).astimezone()
    if local.date() == now_local.date():
        return dates.clock(local)
    if (now_local.date() - local.date()).days < 7:
        return dates.weekday(local.date(), short=True)
    # The month spelled out, like the voicemail and fax lists: "09/11/2026"
    # reads as September in the US and as November elsewhere.
    return dates.list_day(local.date(), now_local.date())


class ConversationModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ThreadSummary] = []
        #: How many listed conversations each of my numbers has (whether to name it).
        self._dids: Counter[str] = Counter()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return contact_label(summary)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(translate("ConversationModel", "{contact} · via {number}").format(
                contact=contact_label(summary), number=format_number(summary.did)))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            unread = translate("ConversationModel", ", %n unread", "", summary.unread) \
                if summary.unread else ""
            return f"{contact_label(summary)}{unread}: {snippet(summary)}"
        if role == SUMMARY_ROLE:
            return summary
        if role == UNREAD_ROLE:
            return summary.unread
        if role == MY_NUMBER_ROLE:
            return format_number(summary.did) if len(self._dids) > 1 else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- updates -------------------------------------------------------------------

    def set_all(self, summaries: Sequence[ThreadSummary]) -> None:
        self.beginResetModel()
        self._rows = sorted(summaries, key=_order)
        self._dids = Counter(row.did for row in self._rows)
        self.endResetModel()

    def merge(self, summaries: Sequence[ThreadSummary]) -> None:
        """Make the list ``summaries``, telling the view only what differs.

        Why not ``set_all``: a sync reloads the list after each window of history, and
        a reset made the view lay out and repaint its 2,000 rows each time (~25 ms
        frozen per window, issue #16), losing its scroll position too. Rows that
        stay keep their place; a changed one is repainted; new ones are inserted in
        runs. If the rows that stay are no longer in the same order (a conversation
        moved up), the list is reset as before.
        """
        rows = sorted(summaries, key=_order)
        wanted = {row.key for row in rows}
        if not self._rows or not wanted:
            self.set_all(rows)
            return
        kept = [row.key for row in self._rows if row.key in wanted]
        listed = set(kept)
        if kept != [row.key for row in rows if row.key in listed]:
            self.set_all(rows)
            return
        self._remove_rows_not_in(wanted)
        position = 0
        pending: list[ThreadSummary] = []
        changed: list[int] = []  # told in runs: one signal per row cost ~10 us each
        for summary in rows:
            if summary.key not in listed:
                pending.append(summary)
                continue
            if pending:
                self._tell_changed(changed)
                position = self._insert_block(position, pending)
                pending = []
            if self._rows[position] != summary:
                self._rows[position] = summary
                changed.append(position)
            position += 1
        self._tell_changed(changed)
        self._insert_block(position, pending)

    def _tell_changed(self, rows: list[int]) -> None:
        """One ``dataChanged`` per run of consecutive rows; empties ``rows``."""
        start = 0
        for number in range(1, len(rows) + 1):
            if number == len(rows) or rows[number] != rows[number - 1] + 1:
                self.dataChanged.emit(self.index(rows[start]), self.index(rows[number - 1]))
                start = number
        rows.clear()

    def _remove_rows_not_in(self, wanted: set[tuple[str, str]]) -> None:
        end = len(self._rows)
        while end > 0:
            if self._rows[end - 1].key in wanted:
                end -= 1
                continue
            start = end - 1
            while start > 0 and self._rows[start - 1].key not in wanted:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            self._dids.subtract(row.did for row in self._rows[start:end])
            del self._rows[start:end]
            self.endRemoveRows()
            end = start
        self._dids = +self._dids  # drop the DIDs no row has any more

    def _insert_block(self, position: int, block: list[ThreadSummary]) -> int:
        """Insert ``block`` at ``position``; returns the position after it."""
        if not block:
            return position
        self.beginInsertRows(QModelIndex(), position, position + len(block) - 1)
        self._rows[position:position] = block
        self._dids.update(row.did for row in block)
        self.endInsertRows()
        return position + len(block)

    def add_missing(self, summaries: Sequence[ThreadSummary]) -> None:
        """Insert the conversations not listed yet, each at its place; the listed
        ones keep their (possibly newer) row. Used for a list read in two parts."""
        listed = {row.key for row in self._rows}
        new = sorted((s for s in summaries if s.key not in listed), key=_order)
        orders = [_order(row) for row in self._rows]
        runs: dict[int, list[ThreadSummary]] = {}
        for summary in new:
            runs.setdefault(bisect_left(orders, _order(summary)), []).append(summary)
        # Usually one run after the last row. Last run first, so the positions
        # of the runs before it still hold.
        for position in sorted(runs, reverse=True):
            block = runs[position]
            self.beginInsertRows(QModelIndex(), position, position + len(block) - 1)
            self._rows[position:position] = block
            self._dids.update(row.did for row in block)
            self.endInsertRows()

    def upsert(self, summary: ThreadSummary) -> int:
        """Put ``summary`` at its place (newest first); returns its row."""
        old = self.row_of(summary.did, summary.contact)
        target = self._position_for(summary, skip=old)
        if old is None:
            self.beginInsertRows(QModelIndex(), target, target)
            self._rows.insert(target, summary)
            self._dids[summary.did] += 1
            self.endInsertRows()
            return target
        if target == old:
            self._rows[old] = summary
            self.dataChanged.emit(self.index(old), self.index(old))
            return old
        # beginMoveRows wants the destination in "before the move" numbering.
        destination = target if target < old else target + 1
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), destination)
        del self._rows[old]
        self._rows.insert(target, summary)
        self.endMoveRows()
        self.dataChanged.emit(self.index(target), self.index(target))
        return target

    def remove(self, did: str, contact: str) -> None:
        row = self.row_of(did, contact)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._dids[did] -= 1
            if self._dids[did] <= 0:
                del self._dids[did]
            self.endRemoveRows()

    def _position_for(self, summary: ThreadSummary, *, skip: int | None) -> int:
        key = _order(summary)
        position = 0
        for number, row in enumerate(self._rows):
            if number == skip:
                continue
            if _order(row) < key:
                position += 1
            else:
                break
        return position

    def row_of(self, did: str, contact: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.did == did and row.contact == contact:
                return number
        return None

    def summary_at(self, row: int) -> ThreadSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def unread_total(self) -> int:
        return sum(row.unread for row in self._rows)


def _order(summary: ThreadSummary) -> tuple[float, str, str]:
    return (-summary.last_date.timestamp(), summary.did, summary.contact)


class ConversationDelegate(QStyledItemDelegate):
    """Two lines per conversation: name + time; DID + snippet + unread badge."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        # The width is the list's (the rows stretch to it and elide their texts): a
        # fixed 240 px made a narrow list scroll sideways to show clipped rows.
        return QSize(1, 2 * metrics.height() + 2 * self.PAD + 4)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the display text serves keyboard search; paint() draws the row

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary: ThreadSummary | None = index.data(SUMMARY_ROLE)
        if summary is None:
            return
        painter.save()
        # The style's own row: background, selection, hover and focus (no text,
        # see initStyleOption); the two lines are drawn over it.
        super().paint(painter, option, index)
        selected = is_selected(option, index)
        palette = option.palette
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        faded = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        bold = QFont(option.font)
        bold.setBold(summary.unread > 0)
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        when = short_time(summary.last_date)
        when_width = metrics.horizontalAdvance(when) + 6
        painter.setFont(bold)
        painter.setPen(ink)
        name_rect = QRect(rect.left(), rect.top(), rect.width() - when_width, line)
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(bold).elidedText(contact_label(summary),
                                                       Qt.TextElideMode.ElideRight,
                                                       name_rect.width()))
        painter.setFont(option.font)
        painter.setPen(faded)
        painter.drawText(QRect(rect.right() - when_width, rect.top(), when_width, line),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), when)
        second = QRect(rect.left(), rect.top() + line + 4, rect.width(), line)
        badge_width = 0
        if summary.unread:
            badge = str(summary.unread) if summary.unread < 100 else "99+"
            badge_width = max(metrics.horizontalAdvance(badge) + 10, line)
            badge_rect = QRect(second.right() - badge_width, second.top(), badge_width, line)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight) if not selected
                             else palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawRoundedRect(badge_rect, line / 2, line / 2)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText) if not selected
                           else palette.color(QPalette.ColorRole.Highlight))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
            badge_width += 6
        painter.setPen(faded)
        # The contact's number (not mine: issue #15.8) when a name stands above it,
        # and which of my numbers only when the list mixes several.
        parts = [format_number(summary.contact)] if summary.name else []
        mine = index.data(MY_NUMBER_ROLE)
        if mine:
            # The full number is in the tooltip.
            parts.append(translate("ConversationModel", "to …{digits}").format(digits=mine[-4:]))
        prefix = "".join(f"{part} · " for part in parts)
        text = metrics.elidedText(prefix + snippet(summary), Qt.TextElideMode.ElideRight,
                                  second.width() - badge_width)
        painter.drawText(second.adjusted(0, 0, -badge_width, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()
