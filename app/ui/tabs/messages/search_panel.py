"""Search across all messages: people and numbers, then message text (issue #15.6).

One field; the results replace the conversation list while it holds text:

* **Conversations** whose contact matches by phonebook name ("Okafor") or by
  number in any common format ("339", "(339) 555-0128", "+1 339-555-0128");
* **Messages** whose text holds every word (FTS5), matches highlighted.

The status line gives the real counts (never a silent cap); messages come a
page at a time, and the last row loads the next page ("Show 100 more…", also
with Enter). Names and texts come from outside: escaped before they reach a
rich-text label.

Signals:
    query_changed(str): the text to search for (debounced here).
    hit_activated(object): a ``SearchHit`` the user opened.
    conversation_activated(object): a ``ThreadSummary`` the user opened.
    more_requested(): the user asked for the next page of messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.models.messages import SearchResults, ThreadSummary
from app.domain.phone import format_number
from app.domain.sms_text import escape_rich_text, snippet_html
from app.ui import dates
from app.ui.i18n import translate

HIT_ROLE = 0x0100 + 20
CONVERSATION_ROLE = 0x0100 + 21
MORE_ROLE = 0x0100 + 22


def _conversations(n: int) -> str:
    return translate("SearchPanel", "{count} conversation(s)", "", n).format(count=dates.number(n))


def _messages(n: int) -> str:
    return translate("SearchPanel", "{count} message(s)", "", n).format(count=dates.number(n))


def status_text(results: SearchResults) -> str:
    """"2 conversations · 347 messages", or why nothing shows."""
    query = results.query.strip()
    if not results.conversations_total and not results.messages_total:
        return translate("SearchPanel", "Nothing found for “{text}”.").format(text=query)
    parts = []
    if results.conversations_total:
        parts.append(_conversations(results.conversations_total))
    if results.messages_total or not parts:
        parts.append(_messages(results.messages_total))
    return " · ".join(parts)


class _ResultList(QListWidget):
    """The results, each row as high as its label at the list's width: sized again
    whenever that width changes (the list shown, a scroll bar, the window resized),
    or rows sized for a stale width leave gaps or cut their last line off.

    A scroll area's ``resizeEvent`` is its viewport's; overriding it spares asking
    for ``viewport()`` while the window is built (PySide6 then walks every QWidget
    subclass, ~ms before the first paint: tests/gui/test_startup_order.py)."""

    def __init__(self, on_resize: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_resize()


class SearchPanel(QWidget):
    query_changed = Signal(str)
    hit_activated = Signal(object)
    conversation_activated = Signal(object)
    more_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(translate(
            "SearchPanel",
            "Search names, numbers and messages",
        ))
        self.field.setClearButtonEnabled(True)
        self.results = _ResultList(self._fit_rows, self)
        self.results.setObjectName("searchResults")
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        #: What the list holds now (the first page and any loaded after it).
        self.shown: SearchResults | None = None
        self._names: dict[str, str] = {}
        #: A next page was asked for and has not arrived: a second click asks nothing.
        self.loading_more = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.field.textChanged.connect(lambda _t: self._debounce.start())
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.results.hide()
        self.status.hide()

    def _fit_rows(self) -> None:
        if not self.results.count():
            return  # nothing to fit (and no viewport() asked for while the window is built)
        width = self._row_width()
        for row in range(self.results.count()):
            item = self.results.item(row)
            label = self.results.itemWidget(item)
            if isinstance(label, QLabel):
                item.setSizeHint(QSize(width, label.heightForWidth(width) + 6))

    def _row_width(self) -> int:
        return max(self.results.viewport().width(), 120)

    def _on_debounce_timeout(self) -> None:
        self.query_changed.emit(self.field.text())

    # --- showing results -----------------------------------------------------------

    def clear_results(self) -> None:
        self.shown = None
        self.loading_more = False
        self.results.clear()
        self.results.hide()
        self.status.hide()

    def show_results(self, results: SearchResults, names: Mapping[str, str]) -> None:
        """The first page of a search (replaces what was shown)."""
        self.results.clear()
        self.shown = results
        self.loading_more = False
        self._names = dict(names)
        for summary in results.conversations:
            if summary.name:
                self._names.setdefault(summary.contact, summary.name)
        self.results.show()
        self.status.show()
        self.status.setText(status_text(results))
        if results.conversations:
            self._add_heading(
                translate("SearchPanel", "Conversations")
                if results.conversations_total <= len(results.conversations)
                else translate("SearchPanel", "Conversations (newest {shown} of {total})").format(
                    shown=len(results.conversations),
                    total=dates.number(results.conversations_total)))
            for summary in results.conversations:
                self._add_conversation(summary)
        if results.messages:
            self._add_heading(translate("SearchPanel", "Messages"))
        self._add_hits(results)

    def append_results(self, page: SearchResults) -> None:
        """The next page of messages, after the ones shown."""
        if self.shown is None or page.query != self.shown.query:
            return
        self.loading_more = False
        self._remove_more_row()
        merged = self.shown.messages + page.messages
        self.shown = SearchResults(
            self.shown.query, self.shown.conversations, self.shown.conversations_total,
            merged, page.messages_total, 0)
        self._add_hits(page, total=self.shown)

    def hit_rows(self) -> list[QListWidgetItem]:
        items = (self.results.item(i) for i in range(self.results.count()))
        return [item for item in items if item.data(HIT_ROLE) is not None]

    def conversation_rows(self) -> list[QListWidgetItem]:
        items = (self.results.item(i) for i in range(self.results.count()))
        return [item for item in items if item.data(CONVERSATION_ROLE) is not None]

    def more_row(self) -> QListWidgetItem | None:
        last = self.results.item(self.results.count() - 1) if self.results.count() else None
        return last if last is not None and last.data(MORE_ROLE) else None

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text, self.results)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: shown, never selected
        font = item.font()
        font.setBold(True)
        item.setFont(font)

    def _add_label(self, item: QListWidgetItem, html: str) -> None:
        label = QLabel(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setContentsMargins(4, 2, 4, 2)
        width = self._row_width()
        item.setSizeHint(QSize(width, label.heightForWidth(width) + 6))
        self.results.setItemWidget(item, label)

    def _add_conversation(self, summary: ThreadSummary) -> None:
        number = format_number(summary.contact)
        local = summary.last_date.astimezone()
        item = QListWidgetItem(self.results)
        item.setData(CONVERSATION_ROLE, summary)
        # For screen readers; the label paints (an item text would be drawn under it).
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{summary.name} {number}".strip())
        who = (f"<b>{escape_rich_text(summary.name)}</b> · {escape_rich_text(number)}"
               if summary.name else f"<b>{escape_rich_text(number)}</b>")
        count = _messages(summary.total)
        # A year only for other years, as every list writes dates.
        last = translate("SearchPanel", "last {date}").format(
            date=dates.list_day(local.date(), datetime.now().date()))
        self._add_label(item, f"{who}<br><small>{count} · {last}</small>")

    def _add_hits(self, page: SearchResults, total: SearchResults | None = None) -> None:
        now = datetime.now().astimezone()
        for hit in page.messages:
            message = hit.stored.message
            who = self._names.get(message.contact) or format_number(message.contact)
            # As every list writes dates: "Yesterday 21:10", "Dec 1 21:39", a year
            # only for other years.
            when = dates.list_date(message.date, now)
            item = QListWidgetItem(self.results)
            item.setData(HIT_ROLE, hit)
            self._add_label(item, f"<b>{escape_rich_text(who)}</b> · <small>{when}</small><br>"
                                  f"{snippet_html(hit.snippet, '<b><u>', '</u></b>')}")
        shown = total or page
        more = shown.messages_total - len(shown.messages)
        if more > 0:
            item = QListWidgetItem(self.results)
            item.setData(MORE_ROLE, True)
            step = min(more, len(page.messages) or more)
            item.setText(translate(
                "SearchPanel",
                "Show {step} more ({count} of {total} messages shown)",
            ).format(step=dates.number(step), count=dates.number(len(shown.messages)),
                     total=dates.number(shown.messages_total)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(translate("SearchPanel", "Load the next page of messages (Enter)"))

    def _remove_more_row(self) -> None:
        row = self.more_row()
        if row is not None:
            self.results.takeItem(self.results.row(row))

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
            return
        summary = item.data(CONVERSATION_ROLE)
        if summary is not None:
            self.conversation_activated.emit(summary)
            return
        if item.data(MORE_ROLE) and not self.loading_more:
            self.loading_more = True
            item.setText(translate("SearchPanel", "Loading…"))
            self.more_requested.emit()
