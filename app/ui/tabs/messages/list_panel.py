"""Left side of the Messages tab (buttons, search, DID filter, conversation list) and
the sync bar shown above the tab during a long sync. Widgets only: the tab wires
their signals to the service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.phone import format_number
from app.ui.i18n import translate
from app.ui.tabs.messages.conversation_model import ConversationDelegate, ConversationModel
from app.ui.tabs.messages.search_panel import SearchPanel

ALL_DIDS = ""


class ConversationListPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conversations = ConversationModel(self)
        self.list_view = QListView(self)
        self.list_view.setObjectName("conversationList")
        self.list_view.setModel(self.conversations)
        self.list_view.setItemDelegate(ConversationDelegate(self.list_view))
        # Every row has the same height: scrolling 2,000 conversations stays cheap.
        self.list_view.setUniformItemSizes(True)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.did_filter = QComboBox(self)
        self.did_filter.setObjectName("didFilter")
        self.did_filter.addItem(translate("ConversationListPanel", "All my numbers"), ALL_DIDS)
        self.new_button = QPushButton(translate(
            "ConversationListPanel",
            "New conversation…",
        ), self)
        self.refresh_button = QPushButton(translate("ConversationListPanel", "Refresh"), self)
        self.refresh_button.setToolTip(translate(
            "ConversationListPanel",
            "Fetch new messages now",
        ))
        self.search = SearchPanel(self)
        self.list_empty = QLabel(translate(
            "ConversationListPanel",
            "No conversations yet. Messages appear here after the first sync, or start one with "
            "“New conversation…”.",
        ), self)
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.list_empty)
        self.list_stack.addWidget(self.list_view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.did_filter)
        layout.addWidget(self.list_stack, 3)

    def selected_did(self) -> str | None:
        value = str(self.did_filter.currentData() or "")
        return value or None

    def known_dids(self) -> list[str]:
        return [str(self.did_filter.itemData(i)) for i in range(1, self.did_filter.count())]

    def fill_did_filter(self, dids: list[str]) -> bool:
        """Offer one entry per DID (keeping the current choice); False if unchanged."""
        if dids == self.known_dids():
            return False
        current = self.selected_did()
        self.did_filter.blockSignals(True)
        self.did_filter.clear()
        self.did_filter.addItem(translate("ConversationListPanel", "All my numbers"), ALL_DIDS)
        for did in dids:
            self.did_filter.addItem(translate(
                "ConversationListPanel",
                "Only {number}",
            ).format(number=format_number(did)), did)
        if current:
            self.did_filter.setCurrentIndex(max(self.did_filter.findData(current), 0))
        self.did_filter.blockSignals(False)
        return True

    def update_empty_state(self) -> None:
        self.list_stack.setCurrentIndex(1 if self.conversations.rowCount() else 0)

    def show_search(self, active: bool) -> None:
        """While a search is typed, its results replace the list."""
        self.list_stack.setVisible(not active)
        self.did_filter.setVisible(not active)


class SyncBar(QWidget):
    """"Fetching messages…", a progress bar and Cancel (first backfill, long refresh)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(translate("SyncBar", "Cancel"), self)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def set_progress(self, done: int, total: int, text: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)
