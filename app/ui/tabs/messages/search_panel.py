"""Search across all messages (FTS5): a field and a result list with highlights.

Signals:
    query_changed(str): the text to search for (debounced by the tab).
    hit_activated(object): a ``SearchHit`` the user opened.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.models.messages import SearchHit
from app.domain.phone import format_number
from app.domain.sms_text import escape_rich_text, snippet_html

HIT_ROLE = 0x0100 + 20


class SearchPanel(QWidget):
    query_changed = Signal(str)
    hit_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Search all messages")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
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

    def _on_debounce_timeout(self) -> None:
        self.query_changed.emit(self.field.text())

    def show_hits(self, query: str, hits: Sequence[SearchHit], names: dict[str, str]) -> None:
        self.results.clear()
        active = bool(query.strip())
        self.results.setVisible(active)
        self.status.setVisible(active)
        if not active:
            return
        self.status.setText(f"{len(hits)} message(s) found" if hits
                            else f"No message contains “{query.strip()}”.")
        for hit in hits:
            message = hit.stored.message
            who = names.get(message.contact) or format_number(message.contact)
            local = message.date.astimezone()
            when = f"{local:%b} {local.day}, {local.year} {local:%H:%M}"
            item = QListWidgetItem(self.results)
            label = QLabel(f"<b>{escape_rich_text(who)}</b> · <small>{when}</small><br>"
                           f"{snippet_html(hit.snippet, '<b><u>', '</u></b>')}")
            label.setWordWrap(True)
            label.setContentsMargins(4, 2, 4, 2)
            item.setData(HIT_ROLE, hit)
            width = max(self.results.viewport().width() - 8, 200)
            item.setSizeHint(QSize(width, label.heightForWidth(width) + 6))
            self.results.setItemWidget(item, label)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
