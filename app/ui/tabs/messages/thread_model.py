"""Qt model of one conversation: messages oldest first, with a day separator row
before the first message of each local calendar day.

Rows are plain Python objects (no QWidget per message), so a 5,000-message
thread is a list of 5,000 tuples and the view paints only what is visible.
Updates are incremental: new messages are inserted where they belong,
deletions remove one row (and its separator when the day empties).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.models.messages import Direction, Message, MessageKind, StoredMessage
from app.ui import dates
from app.ui.i18n import translate

Index = QModelIndex | QPersistentModelIndex

MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
DAY_ROLE = Qt.ItemDataRole.UserRole + 2
#: Local file paths of the message's media, ``None`` while not downloaded.
MEDIA_ROLE = Qt.ItemDataRole.UserRole + 3
IS_SEPARATOR_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(slots=True)
class MessageRow:
    """A message row of the thread, with its cached pictures and sizes."""
    stored: StoredMessage
    media_paths: list[str | None]
    #: The delegate's size hint and the viewport width it was computed for (a cache:
    #: a view re-lays out every row whenever rows are inserted).
    size_cache: tuple[int, Any] | None = None

    @property
    def message(self) -> Message:
        return self.stored.message

    @property
    def sort_key(self) -> tuple[datetime, int]:
        return (self.stored.message.date, self.stored.pk)


@dataclass(frozen=True, slots=True)
class DayRow:
    """A day separator row of the thread."""
    day: date


Row = MessageRow | DayRow


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


class ThreadModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        # Sort keys of the rows (separators get their message's key minus a bit)
        # so insertion is a bisect, not a scan.
        self._keys: list[tuple[datetime, int, int]] = []
        self.did = ""
        self.contact = ""
        #: Older messages exist in the store that are not loaded yet.
        self.has_older = False

    # --- Qt API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == IS_SEPARATOR_ROLE:
            return isinstance(row, DayRow)
        if isinstance(row, DayRow):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return day_label(row.day)
            if role == DAY_ROLE:
                return row.day
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.message.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            at = dates.clock(row.message.date.astimezone())
            if row.message.direction is Direction.SENT:
                return translate("ThreadModel", "Sent {time}: {text}").format(
                    time=at, text=row.message.text)
            return translate("ThreadModel", "Received {time}: {text}").format(
                time=at, text=row.message.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return dates.long_date_time(row.message.date.astimezone())
        if role == MESSAGE_ROLE:
            return row.stored
        if role == MEDIA_ROLE:
            return list(row.media_paths)
        if role == DAY_ROLE:
            return local_day(row.message.date)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], DayRow):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- loading -------------------------------------------------------------------

    def set_thread(
        self,
        did: str,
        contact: str,
        messages: Sequence[StoredMessage],
        media: dict[int, list[str | None]] | None = None,
        *,
        has_older: bool = False,
    ) -> None:
        """Replace the content with (the newest page of) one conversation."""
        self.beginResetModel()
        self.did, self.contact = did, contact
        self.has_older = has_older
        self._rows, self._keys = _build_rows(messages, media or {})
        self.endResetModel()

    def prepend_older(
        self,
        messages: Sequence[StoredMessage],
        media: dict[int, list[str | None]] | None = None,
        *,
        has_older: bool,
    ) -> int:
        """Insert an older page at the top; returns how many rows were added."""
        self.has_older = has_older
        shown = {row.stored.pk for row in self._rows if isinstance(row, MessageRow)}
        fresh = [m for m in messages if m.pk not in shown]
        if self._keys:
            fresh = [m for m in fresh if (m.message.date, m.pk, 1) < self._keys[0]]
        if not fresh:
            return 0
        rows, keys = _build_rows(fresh, media or {})
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._rows[0:0] = rows
        self._keys[0:0] = keys
        self.endInsertRows()
        before = len(self._rows)
        self._drop_separator_if_orphaned(len(rows))
        return len(rows) - (before - len(self._rows))

    def oldest_cursor(self) -> tuple[int, int] | None:
        for row in self._rows:
            if isinstance(row, MessageRow):
                return row.stored.cursor
        return None

    def row_object(self, row: int) -> Row | None:
        """Direct access for the delegate's hot path (size hints of thousands of rows)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def clear(self) -> None:
        self.set_thread("", "", [])

    def add_messages(self, messages: Sequence[StoredMessage]) -> list[QModelIndex]:
        """Insert messages of this thread that are not shown yet; returns their indexes."""
        added: list[QModelIndex] = []
        shown = {row.message.key: row.stored for row in self._rows if isinstance(row, MessageRow)}
        for stored in sorted(messages, key=lambda s: (s.message.date, s.pk)):
            known = shown.get(stored.message.key)
            if known is not None:
                if known.message != stored.message or known.read != stored.read:
                    self.replace_message(stored)
                continue
            added.append(self._insert(stored))
        return added

    def _insert(self, stored: StoredMessage,
                known_paths: list[str | None] | None = None) -> QModelIndex:
        key = (stored.message.date, stored.pk, 1)
        row = MessageRow(stored, _paths(stored, known_paths))
        position = bisect.bisect_left(self._keys, key)
        day = local_day(stored.message.date)
        previous_day = self._day_before(position)
        if previous_day != day:
            self.beginInsertRows(QModelIndex(), position, position + 1)
            self._rows[position:position] = [DayRow(day), row]
            self._keys[position:position] = [(stored.message.date, stored.pk, 0), key]
            self.endInsertRows()
            self._drop_separator_if_orphaned(position + 2)
            return self.index(position + 1)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, row)
        self._keys.insert(position, key)
        self.endInsertRows()
        return self.index(position)

    def _day_before(self, position: int) -> date | None:
        for row in reversed(self._rows[max(0, position - 1) : position]):
            return row.day if isinstance(row, DayRow) else local_day(row.message.date)
        return None

    def _drop_separator_if_orphaned(self, position: int) -> None:
        """A separator followed by a row of the same day (or nothing) is redundant."""
        if position >= len(self._rows) or not isinstance(self._rows[position], DayRow):
            return
        day_row = self._rows[position]
        assert isinstance(day_row, DayRow)
        if self._day_before(position) == day_row.day:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            del self._keys[position]
            self.endRemoveRows()

    def replace_message(self, stored: StoredMessage) -> None:
        row = self.row_of(stored.message.kind, stored.message.id)
        if row is None:
            return
        current = self._rows[row]
        assert isinstance(current, MessageRow)
        if current.stored.message.date != stored.message.date:
            # Moved in time (the provider's copy of a message sent here is stamped a
            # second apart): it keeps the pictures it shows, or they would read
            # "Loading image…" until a download that may never come.
            self.remove_message(stored.message.kind, stored.message.id)
            self._insert(stored, current.media_paths)
            return
        self._rows[row] = MessageRow(stored, current.media_paths)
        self.dataChanged.emit(self.index(row), self.index(row))

    def remove_message(self, kind: MessageKind, id_: int) -> bool:
        row = self.row_of(kind, id_)
        if row is None:
            return False
        first, last = row, row
        before = self._rows[row - 1] if row > 0 else None
        after = self._rows[row + 1] if row + 1 < len(self._rows) else None
        if isinstance(before, DayRow) and (after is None or isinstance(after, DayRow)):
            first = row - 1  # the day has no message left: its separator goes too
        self.beginRemoveRows(QModelIndex(), first, last)
        del self._rows[first : last + 1]
        del self._keys[first : last + 1]
        self.endRemoveRows()
        return True

    def set_media(self, pk: int, paths: list[str | None]) -> None:
        for row_number, row in enumerate(self._rows):
            if isinstance(row, MessageRow) and row.stored.pk == pk:
                row.media_paths = _paths(row.stored, paths)
                row.size_cache = None
                index = self.index(row_number)
                self.dataChanged.emit(index, index, [MEDIA_ROLE])
                return

    # --- lookups -------------------------------------------------------------------

    def row_of(self, kind: MessageKind, id_: int) -> int | None:
        for number, row in enumerate(self._rows):
            if isinstance(row, MessageRow) and row.message.key == (kind, id_):
                return number
        return None

    def stored_at(self, row: int) -> StoredMessage | None:
        item = self._rows[row] if 0 <= row < len(self._rows) else None
        return item.stored if isinstance(item, MessageRow) else None

    def messages(self) -> list[Message]:
        return [row.message for row in self._rows if isinstance(row, MessageRow)]

    def message_count(self) -> int:
        return sum(1 for row in self._rows if isinstance(row, MessageRow))

    def pending_media(self) -> list[int]:
        """pks of shown messages with media not on disk yet."""
        return [row.stored.pk for row in self._rows
                if isinstance(row, MessageRow) and any(p is None for p in row.media_paths)]


def _build_rows(
    messages: Sequence[StoredMessage], media: dict[int, list[str | None]]
) -> tuple[list[Row], list[tuple[datetime, int, int]]]:
    rows: list[Row] = []
    keys: list[tuple[datetime, int, int]] = []
    current: date | None = None
    for stored in sorted(messages, key=lambda s: (s.message.date, s.pk)):
        day = local_day(stored.message.date)
        if day != current:
            rows.append(DayRow(day))
            keys.append((stored.message.date, stored.pk, 0))
            current = day
        rows.append(MessageRow(stored, _paths(stored, media.get(stored.pk))))
        keys.append((stored.message.date, stored.pk, 1))
    return rows, keys


def _paths(stored: StoredMessage, known: list[str | None] | None = None) -> list[str | None]:
    count = len(stored.message.media)
    paths = list(known or [])[:count]
    return paths + [None] * (count - len(paths))


def day_label(day: date, today: date | None = None) -> str:
    today = today or date.today()
    delta = (today - day).days
    if delta == 0:
        return translate("ThreadModel", "Today")
    if delta == 1:
        return translate("ThreadModel", "Yesterday")
    if 0 < delta < 7:
        return dates.weekday(day)
    return dates.long_day(day, with_year=day.year != today.year)
