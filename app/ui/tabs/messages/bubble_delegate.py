"""Paints a conversation as chat bubbles in a plain QListView.

One delegate paints every row (no widget per message): sent bubbles on the
right in the highlight colour, received ones on the left, day separators as a
centred caption, images as fixed-size thumbnails above the text (fixed so a
downloaded image never changes a row's height).

Geometry lives in one function (:meth:`BubbleDelegate.layout`) used by
painting, size hints, hit-testing and the text editor, so they always agree.
Text with a link is laid out by a ``QTextDocument`` (clickable anchors);
plain text by font metrics (fast enough for 5,000 rows).

Signals:
    link_activated(str): a link in a bubble was clicked.
    image_activated(int, int): thumbnail ``n`` of the message in row ``r`` was clicked.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.domain.models.messages import Direction, StoredMessage
from app.ui import dates
from app.ui.i18n import translate
from app.ui.tabs.messages.thread_model import (
    DAY_ROLE,
    IS_SEPARATOR_ROLE,
    MEDIA_ROLE,
    MESSAGE_ROLE,
    DayRow,
    MessageRow,
    Row,
    ThreadModel,
)
from app.ui.widgets.item_state import is_selected

if TYPE_CHECKING:
    # Loaded with the first link shown or the first bubble selected: the rich-text
    # classes' Python types are ~1.3 ms the Messages tab's first paint need not wait for.
    from PySide6.QtGui import QTextDocument

    from app.ui.tabs.messages.thumbnails import Thumbnails

Index = QModelIndex | QPersistentModelIndex

URL_PATTERN = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]", re.IGNORECASE)

PAD = 8  # inside a bubble
GAP = 3  # between rows
SIDE = 12  # between bubble and view edge
THUMB = QSize(200, 150)
MAX_WIDTH_RATIO = 0.72


@dataclass(slots=True)
class BubbleGeometry:
    """Where a message bubble, its text, time and pictures go."""
    bubble: QRect
    text: QRect
    time: QRect
    images: list[QRect] = field(default_factory=list)


def linkify(text: str) -> str:
    """Escaped HTML of ``text`` with URLs as anchors and line breaks kept."""
    import html

    out: list[str] = []
    last = 0
    for match in URL_PATTERN.finditer(text):
        out.append(html.escape(text[last : match.start()]))
        url = match.group(0)
        href = url if "://" in url else f"https://{url}"
        out.append(f'<a href="{html.escape(href)}">{html.escape(url)}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


class BubbleDelegate(QStyledItemDelegate):
    link_activated = Signal(str)
    image_activated = Signal(int, int)
    #: A picture's thumbnail is ready to paint (the view repaints).
    thumbnail_ready = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewport_width = 600
        self._docs: OrderedDict[tuple[int, int], QTextDocument] = OrderedDict()
        self._sizes: dict[tuple[int, int], QSize] = {}
        self._thumbnails: Thumbnails | None = None
        # Fonts and metrics per font key: size hints run for every row of a page.
        self._font_cache: dict[str, tuple[QFont, QFont, QFontMetrics, QFontMetrics]] = {}

    # --- geometry ------------------------------------------------------------------

    @property
    def thumbnails(self) -> Thumbnails:
        """Pictures are scaled on a worker thread, never in ``paint`` (issue #16).

        Made with the first picture shown: its module is not needed for the first paint.
        """
        if self._thumbnails is None:
            from app.ui.tabs.messages.thumbnails import Thumbnails

            self._thumbnails = Thumbnails(THUMB, self)
            self._thumbnails.ready.connect(self.thumbnail_ready)
        return self._thumbnails

    def set_viewport_width(self, width: int) -> None:
        if width != self.viewport_width:
            self.viewport_width = width
            self._sizes.clear()
            self._docs.clear()

    def forget(self) -> None:
        self._sizes.clear()
        self._docs.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        font = option.font
        cached = self._font_cache.get(font.key())
        if cached is None:
            small = QFont(font)
            small.setPointSizeF(max(font.pointSizeF() * 0.8, 7.0))
            cached = (QFont(font), small, QFontMetrics(font), QFontMetrics(small))
            self._font_cache[font.key()] = cached
        return cached[0], cached[1]

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[QFontMetrics, QFontMetrics]:
        self._fonts(option)
        cached = self._font_cache[option.font.key()]
        return cached[2], cached[3]

    def _text_width(self) -> int:
        return max(int(self.viewport_width * MAX_WIDTH_RATIO) - 2 * PAD, 80)

    def _document(self, stored: StoredMessage, font: QFont, width: int,
                  link: QColor | None = None) -> QTextDocument:
        """The laid-out text; ``link`` (when painting) is the anchors' colour."""
        key = (stored.pk, width)
        doc = self._docs.get(key)
        if doc is None:
            from PySide6.QtGui import QTextDocument

            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(font)
            doc.setHtml(linkify(stored.message.text))
            doc.setTextWidth(width)
            self._docs[key] = doc
            if len(self._docs) > 400:
                self._docs.popitem(last=False)
        if link is not None and doc.property("linkColor") != link.name():
            # Anchors take the application's link colour when the HTML is parsed;
            # the paint context's palette does not change it, a style sheet does.
            set_link_color(doc, link)
            doc.setHtml(linkify(stored.message.text))
        return doc

    def _text_size(self, stored: StoredMessage, font: QFont, metrics: QFontMetrics) -> QSize:
        text = stored.message.text
        if not text:
            return QSize(0, 0)
        width = self._text_width()
        if URL_PATTERN.search(text):
            doc = self._document(stored, font, width)
            doc.setTextWidth(width)
            ideal = min(int(doc.idealWidth()) + 1, width)
            return QSize(ideal, int(doc.size().height()) + 1)
        from app.ui.tabs.messages.text_wrap import wrapped_layout

        _layout, size = wrapped_layout(text, font, width)
        return size

    def layout(self, option: QStyleOptionViewItem, index: Index) -> BubbleGeometry:
        row = _row_object(index)
        if isinstance(row, MessageRow):
            stored, media = row.stored, row.media_paths
        else:
            stored = index.data(MESSAGE_ROLE)
            media = index.data(MEDIA_ROLE) or []
        return self._layout(option, stored, len(media))

    def _layout(self, option: QStyleOptionViewItem, stored: StoredMessage,
                media_count: int) -> BubbleGeometry:
        media = range(media_count)
        font, _small = self._fonts(option)
        metrics, small_metrics = self._metrics(option)
        text_size = self._text_size(stored, font, metrics)
        time_height = small_metrics.height()
        time_width = small_metrics.horizontalAdvance(_time_label(stored)) + 2
        content_width = max(text_size.width(), time_width)
        if media:
            content_width = max(content_width, THUMB.width())
        height = PAD + text_size.height() + time_height + PAD
        if media:
            height += len(media) * (THUMB.height() + 4)
        bubble_width = content_width + 2 * PAD
        left = option.rect.left() + SIDE
        if stored.message.direction is Direction.SENT:
            left = option.rect.left() + self.viewport_width - SIDE - bubble_width
        top = option.rect.top() + GAP
        bubble = QRect(left, top, bubble_width, height)
        y = top + PAD
        images: list[QRect] = []
        for _ in media:
            images.append(QRect(left + PAD, y, THUMB.width(), THUMB.height()))
            y += THUMB.height() + 4
        text = QRect(left + PAD, y, text_size.width(), text_size.height())
        time = QRect(left + PAD, text.bottom() + 1, content_width, time_height)
        return BubbleGeometry(bubble, text, time, images)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row = _row_object(index)
        if row is None:
            if index.data(IS_SEPARATOR_ROLE):
                row = DayRow(index.data(DAY_ROLE))
            else:
                row = MessageRow(index.data(MESSAGE_ROLE), index.data(MEDIA_ROLE) or [])
        if isinstance(row, DayRow):
            return QSize(self.viewport_width, self._metrics(option)[0].height() + 16)
        cached = row.size_cache
        if cached is not None and cached[0] == self.viewport_width:
            return cached[1]  # type: ignore[no-any-return]
        key = (row.stored.pk, len(row.media_paths))
        size = self._sizes.get(key)
        if size is None:
            probe = QStyleOptionViewItem(option)
            probe.rect = QRect(0, 0, self.viewport_width, 0)
            geometry = self._layout(probe, row.stored, len(row.media_paths))
            size = QSize(self.viewport_width, geometry.bubble.height() + 2 * GAP)
            self._sizes[key] = size
        row.size_cache = (self.viewport_width, size)
        return size

    # --- painting ------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        try:
            if index.data(IS_SEPARATOR_ROLE):
                self._paint_separator(painter, option, index)
            else:
                self._paint_bubble(painter, option, index)
        finally:
            painter.restore()

    def _paint_separator(self, painter: QPainter, option: QStyleOptionViewItem,
                         index: Index) -> None:
        palette = option.palette
        label = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(option.font)
        width = metrics.horizontalAdvance(label) + 20
        rect = QRect(option.rect.center().x() - width // 2, option.rect.top() + 6, width,
                     metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_bubble(self, painter: QPainter, option: QStyleOptionViewItem,
                      index: Index) -> None:
        stored: StoredMessage = index.data(MESSAGE_ROLE)
        geometry = self.layout(option, index)
        palette = option.palette
        sent = stored.message.direction is Direction.SENT
        fill = palette.color(QPalette.ColorRole.Highlight if sent else QPalette.ColorRole.Button)
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if sent else QPalette.ColorRole.ButtonText
        )
        if is_selected(option, index):
            fill = fill.darker(125) if sent else fill.darker(112)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(geometry.bubble, 12, 12)
        for position, rect in enumerate(geometry.images):
            paths = index.data(MEDIA_ROLE) or []
            self._paint_image(painter, rect, paths[position] if position < len(paths) else None,
                              ink)
        font, small = self._fonts(option)
        text = stored.message.text
        if text:
            if URL_PATTERN.search(text):
                link = readable_link(palette.color(QPalette.ColorRole.Link), fill, ink)
                doc = self._document(stored, font, self._text_width(), link)
                painter.translate(geometry.text.topLeft())
                from PySide6.QtGui import QAbstractTextDocumentLayout

                context = QAbstractTextDocumentLayout.PaintContext()
                context.palette.setColor(QPalette.ColorRole.Text, ink)
                context.palette.setColor(QPalette.ColorRole.Link, link)
                doc.documentLayout().draw(painter, context)
                painter.translate(-geometry.text.topLeft())
            else:
                from app.ui.tabs.messages.text_wrap import draw_wrapped

                painter.setFont(font)
                painter.setPen(ink)
                draw_wrapped(painter, text, font, self._text_width(),
                             QPointF(geometry.text.topLeft()))
        painter.setFont(small)
        faded = QColor(ink)
        faded.setAlphaF(0.7)
        painter.setPen(faded)
        align = Qt.AlignmentFlag.AlignRight if sent else Qt.AlignmentFlag.AlignLeft
        painter.drawText(geometry.time, int(align | Qt.AlignmentFlag.AlignVCenter),
                         _time_label(stored))

    def _paint_image(self, painter: QPainter, rect: QRect, path: str | None,
                     ink: QColor) -> None:
        # Only a ready thumbnail is drawn; asking for one never decodes here.
        pixmap = self.thumbnails.pixmap(path) if path else None
        if pixmap is None or pixmap.isNull():
            painter.setPen(ink)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 6, 6)
            if path is None:
                # Not downloaded (or given up on): a click tries again (issue #13.14).
                label = translate("BubbleDelegate", "Picture not downloaded\nClick to try again")
            elif self.thumbnails.failed(path):
                label = translate("BubbleDelegate", "Image cannot be shown")
            else:
                label = translate("BubbleDelegate", "Loading image…")
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            return
        target = pixmap.rect()
        target.moveCenter(rect.center())
        painter.drawPixmap(target.topLeft(), pixmap)

    # --- interaction ---------------------------------------------------------------

    def hit(self, option: QStyleOptionViewItem, index: Index, pos: QPoint) -> tuple[str, Any]:
        """What is under ``pos``: ("link", url), ("image", n), ("text", None) or ("", None)."""
        if not index.isValid() or index.data(IS_SEPARATOR_ROLE):
            return "", None
        geometry = self.layout(option, index)
        for position, rect in enumerate(geometry.images):
            if rect.contains(pos):
                return "image", position
        stored: StoredMessage = index.data(MESSAGE_ROLE)
        if geometry.text.contains(pos) and URL_PATTERN.search(stored.message.text):
            font, _ = self._fonts(option)
            doc = self._document(stored, font, self._text_width())
            anchor = doc.documentLayout().anchorAt(pos - geometry.text.topLeft())
            if anchor:
                return "link", anchor
        if geometry.bubble.contains(pos):
            return "text", None
        return "", None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        # A read-only browser over the bubble's text: mouse selection, Ctrl+C and
        # clickable links, only for the one message the user is working with.
        from PySide6.QtWidgets import QTextBrowser

        editor = QTextBrowser(parent)
        editor.setObjectName("bubbleTextEditor")
        editor.setReadOnly(True)
        editor.setOpenLinks(False)
        editor.setFrameShape(QFrame.Shape.NoFrame)
        editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.document().setDocumentMargin(0)
        editor.setFont(option.font)
        stored: StoredMessage = index.data(MESSAGE_ROLE)
        sent = stored.message.direction is Direction.SENT
        palette = editor.palette()
        fill = option.palette.color(
            QPalette.ColorRole.Highlight if sent else QPalette.ColorRole.Button
        )
        ink = option.palette.color(
            QPalette.ColorRole.HighlightedText if sent else QPalette.ColorRole.ButtonText
        )
        palette.setColor(QPalette.ColorRole.Base, fill)
        palette.setColor(QPalette.ColorRole.Text, ink)
        # As painted bubbles do: a blue link on a blue (sent) bubble was unreadable.
        link = readable_link(option.palette.color(QPalette.ColorRole.Link), fill, ink)
        palette.setColor(QPalette.ColorRole.Link, link)
        editor.setPalette(palette)
        set_link_color(editor.document(), link)
        editor.setHtml(linkify(stored.message.text))
        editor.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The text is set once in ``createEditor``; nothing is ever written back."""

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Read-only: messages are never edited."""

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        geometry = self.layout(option, index)
        editor.setGeometry(geometry.text.adjusted(0, 0, 4, 2))

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton):
            what, value = self.hit(option, index, event.position().toPoint())
            if what == "link":
                self.link_activated.emit(str(value))
                return True
            if what == "image":
                self.image_activated.emit(index.row(), int(value))
                return True
        return super().editorEvent(event, model, option, index)


def _row_object(index: Index) -> Row | None:
    """The model's row object when the model is a ThreadModel (fast path), else None."""
    model = index.model()
    if isinstance(model, ThreadModel):
        return model.row_object(index.row())
    return None


def set_link_color(doc: QTextDocument, link: QColor) -> None:
    """Anchors parsed from the next ``setHtml`` are drawn in ``link``."""
    doc.setDefaultStyleSheet(f"a {{ color: {link.name()}; }}")
    doc.setProperty("linkColor", link.name())


def readable_link(link: QColor, fill: QColor, ink: QColor) -> QColor:
    """The palette's link colour if it reads well on the bubble, else the text colour.

    (A default blue link on a dark-theme or highlight-coloured bubble is unreadable;
    links stay underlined either way.)
    """
    if abs(link.lightness() - fill.lightness()) >= 90:
        return link
    return QColor(ink)


def _time_label(stored: StoredMessage) -> str:
    label = dates.clock(stored.message.date.astimezone())
    if stored.message.kind.value == "mms":
        label += translate("BubbleDelegate", " · MMS")
    return label
