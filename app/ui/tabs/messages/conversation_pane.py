"""Right-hand side of the Messages tab: header, bubbles, compose box.

Signals:
    mark_unread_requested(): header button.
    export_requested(): header button.
    delete_requested(object): a ``StoredMessage`` to delete (after confirmation).
    image_requested(str): local path of an image to show full size.
    link_requested(str): a URL clicked in a bubble.
    older_requested(): the user scrolled to the top and older messages exist.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.messages import StoredMessage
from app.domain.phone import format_number
from app.ui.i18n import translate
from app.ui.plain_text import plain_label
from app.ui.tabs.messages.bubble_delegate import BubbleDelegate
from app.ui.tabs.messages.compose import ComposeWidget
from app.ui.tabs.messages.thread_model import MEDIA_ROLE, ThreadModel
from app.ui.widgets.pending_sends import PendingSends


class BubbleView(QListView):
    """A list view that tells its delegate the viewport width before laying out."""

    def __init__(self, delegate: BubbleDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bubbles = delegate
        self.setItemDelegate(delegate)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(0)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        self._editor_index: QModelIndex | None = None
        #: Where the last click was released (viewport coordinates), for hit tests.
        self.last_click = QPoint()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.last_click = event.position().toPoint()
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.bubbles.set_viewport_width(self.viewport().width())
        super().resizeEvent(event)

    def option_for(self, index: QModelIndex) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return option

    def open_text_editor(self, index: QModelIndex) -> None:
        """Make the bubble's text selectable (one at a time)."""
        self.close_text_editor()
        self.openPersistentEditor(index)
        self._editor_index = index

    def close_text_editor(self) -> None:
        if self._editor_index is not None and self._editor_index.isValid():
            self.closePersistentEditor(self._editor_index)
        self._editor_index = None


class ConversationPane(QWidget):
    mark_unread_requested = Signal()
    export_requested = Signal()
    delete_requested = Signal(object)
    image_requested = Signal(str)
    #: The pk of a message whose missing pictures the user wants downloaded again.
    media_retry_requested = Signal(int)
    link_requested = Signal(str)
    older_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ThreadModel(self)
        self.delegate = BubbleDelegate(self)
        self.view = BubbleView(self.delegate, self)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.view.clicked.connect(self._on_view_clicked)
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scroll_value_changed)
        bar.rangeChanged.connect(self._on_scroll_range_changed)
        #: Set by the tab while an older page loads, so one scroll asks once.
        self.loading_older = False
        #: Showing the newest message: kept there while the rows and the view settle
        #: and as messages arrive, until the user scrolls away (see ``scroll_to_bottom``).
        self._at_bottom = False
        self.delegate.link_activated.connect(self.link_requested)
        self.delegate.image_activated.connect(self._on_delegate_image_activated)
        self.delegate.thumbnail_ready.connect(self._on_delegate_thumbnail_ready)
        self.title = QLabel(self)
        self.title.setObjectName("conversationTitle")
        plain_label(self.title)  # a contact's name
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("conversationSubtitle")
        plain_label(self.subtitle)
        self.unread_button = QPushButton(translate("ConversationPane", "Mark unread"), self)
        self.unread_button.clicked.connect(self.mark_unread_requested)
        self.export_button = QPushButton(translate("ConversationPane", "Export…"), self)
        self.export_button.setToolTip(translate(
            "ConversationPane",
            "Save this conversation as CSV or text",
        ))
        self.export_button.clicked.connect(self.export_requested)
        self.compose = ComposeWidget(self)
        #: Sends not confirmed yet (sending, checking, not sent): issue #13.1.
        self.pending = PendingSends(self)
        self.empty = QLabel(translate(
            "ConversationPane",
            "Choose a conversation on the left, or start a new one.",
        ), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        header = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.subtitle)
        header.addLayout(names, 1)
        header.addWidget(self.unread_button)
        header.addWidget(self.export_button)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(header)
        body_layout.addWidget(self.view, 1)
        body_layout.addWidget(self.pending)
        body_layout.addWidget(self.compose)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # --- state ---------------------------------------------------------------------

    def show_empty(self) -> None:
        self.view.close_text_editor()
        self.model.clear()
        self.pending.set_entries([])
        self.stack.setCurrentIndex(0)

    def show_thread(self, name: str, did: str, contact: str) -> None:
        self.title.setText(name or format_number(contact))
        mine = format_number(did)
        self.subtitle.setText(
            translate("ConversationPane", "{contact} · via your number {number}").format(
                contact=format_number(contact), number=mine) if name
            else translate("ConversationPane", "via your number {number}").format(number=mine))
        self.stack.setCurrentIndex(1)

    def has_thread(self) -> bool:
        return self.stack.currentIndex() == 1 and bool(self.model.contact)

    def scroll_to_row(self, row: int) -> None:
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- slots ---------------------------------------------------------------------

    def scroll_to_bottom(self) -> None:
        """Show the newest message, and keep it in sight while what is around it
        settles: the rows are laid out again when the scroll bar appears (narrower
        text), the compose box grows with a restored draft, the pending-sends strip
        shows. A scroll to the end done once was undone by that (the newest bubble
        cut in half). Messages arriving meanwhile are followed, as in any chat; once
        the user scrolls up, the view stays where they put it."""
        self._at_bottom = True
        self.view.scrollToBottom()

    def _on_scroll_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._at_bottom:
            self.view.verticalScrollBar().setValue(maximum)

    def _on_scroll_value_changed(self, value: int) -> None:
        self._at_bottom = value >= self.view.verticalScrollBar().maximum()
        if value < 40 and self.model.has_older and not self.loading_older:
            self.older_requested.emit()

    def keep_bottom_distance(self, distance: int) -> None:
        """After rows were added on top, stay on the same message (distance from bottom)."""
        self.view.doItemsLayout()
        bar = self.view.verticalScrollBar()
        bar.setValue(max(bar.maximum() - distance, 0))

    def bottom_distance(self) -> int:
        bar = self.view.verticalScrollBar()
        return bar.maximum() - bar.value()

    def _on_view_clicked(self, index: QModelIndex) -> None:
        what, _ = self.delegate.hit(self.view.option_for(index), index, self.view.last_click)
        if what == "text":
            self.view.open_text_editor(index)
        else:
            self.view.close_text_editor()

    def _on_delegate_thumbnail_ready(self, _path: str) -> None:
        self.view.viewport().update()  # the rows showing "Loading image…" repaint

    def _on_delegate_image_activated(self, row: int, position: int) -> None:
        paths = self.model.index(row).data(MEDIA_ROLE) or []
        if position < len(paths) and paths[position]:
            self.image_requested.emit(str(paths[position]))
        elif (stored := self.model.stored_at(row)) is not None:
            self.media_retry_requested.emit(stored.pk)  # the placeholder says: try again

    def _on_view_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        stored = self.model.stored_at(index.row()) if index.isValid() else None
        if stored is None:
            return
        menu = self.build_context_menu(stored, index)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self, stored: StoredMessage, index: QModelIndex) -> QMenu:
        menu = QMenu(self)
        copy = menu.addAction(translate("ConversationPane", "Copy text"))
        copy.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(stored.message.text))
        select = menu.addAction(translate("ConversationPane", "Select text"))
        select.triggered.connect(lambda: self.view.open_text_editor(index))
        for position, path in enumerate(index.data(MEDIA_ROLE) or []):
            if path:
                action = menu.addAction(translate(
                    "ConversationPane",
                    "Open image {number}",
                ).format(number=position + 1))
                action.triggered.connect(lambda _=False, p=path: self.image_requested.emit(p))
        if None in (index.data(MEDIA_ROLE) or []):
            retry = menu.addAction(translate("ConversationPane", "Download pictures again"))
            retry.triggered.connect(lambda: self.media_retry_requested.emit(stored.pk))
        menu.addSeparator()
        delete = menu.addAction(translate("ConversationPane", "Delete message…"))
        delete.triggered.connect(lambda: self.delete_requested.emit(stored))
        return menu
