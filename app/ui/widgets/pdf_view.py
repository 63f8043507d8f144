"""A PDF viewer for faxes: page list with thumbnails, page navigation, zoom, fit width.

Signals:
    document_loaded(int): a document was shown; its page count.
    page_changed(int): the current page (0-based) changed, by scrolling or navigation.

Two QtPdf facts shape this widget (STACK.md):
* the ``QPdfDocument`` is owned by this container, never by the ``QPdfView``
  (a document parented to its view segfaults when the view is deleted);
* ``QPdfView`` renders asynchronously, so the first page appears a moment after
  :meth:`PdfViewer.load` returns. Thumbnails are rendered shortly after by a
  ``QPdfPageRenderer`` in its C++ thread, so a 20-page fax never freezes the window.

QtPdf loads with the first document (or the first use of ``view`` / ``document``),
not with the widget: ~20 ms the fax tab need not spend before it first paints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserFacingError
from app.ui.i18n import translate

if TYPE_CHECKING:  # imported on first use: see the module docstring
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
    from PySide6.QtPdfWidgets import QPdfView

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0, 4.0)
THUMB_WIDTH = 84
#: Below this width the page thumbnails are hidden (the page view needs the room:
#: with them a 600 px column showed a letter page at 40 %, too small to read).
THUMBS_MIN_VIEWER_WIDTH = 700
#: The smallest zoom a document opens at: "fit width" in a narrow column gave
#: 40 % (issue #15 point 10); below this it opens at this zoom and scrolls sideways.
READABLE_ZOOM = 0.6
THUMB_DELAY_MS = 250



def _load_error_reason(error: QPdfDocument.Error) -> str:
    from PySide6.QtPdf import QPdfDocument

    reasons = {
        QPdfDocument.Error.FileNotFound: translate("PdfViewer", "the file is missing"),
        QPdfDocument.Error.InvalidFileFormat: translate("PdfViewer", "it is not a valid PDF"),
        QPdfDocument.Error.IncorrectPassword: translate("PdfViewer", "it is password-protected"),
        QPdfDocument.Error.UnsupportedSecurityScheme: translate("PdfViewer", "it is encrypted"),
        QPdfDocument.Error.DataNotYetAvailable: translate("PdfViewer", "it is incomplete"),
    }
    return reasons.get(error, translate("PdfViewer", "it has no pages"))


class PdfViewer(QWidget):
    """Shows one PDF file; see the module docstring for its signals."""

    document_loaded = Signal(int)
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self._placeholder_text = placeholder or translate("PdfViewer", "Nothing to show.")
        self._path: Path | None = None
        self._thumbs_done = 0
        #: Fit the width, but never below READABLE_ZOOM, until the user picks a zoom.
        self._auto_fit = True
        # The QtPdf parts, made by ``_ensure_pdf`` (module docstring).
        self._view: QPdfView | None = None
        self._renderer: QPdfPageRenderer | None = None
        self._document: QPdfDocument | None = None

        self._thumbs = QListWidget(self)
        self._thumbs.setObjectName("pdfPages")
        self._thumbs.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 11 / 8.5)))
        self._thumbs.setViewMode(QListView.ViewMode.IconMode)
        self._thumbs.setFlow(QListView.Flow.TopToBottom)
        self._thumbs.setWrapping(False)
        self._thumbs.setMovement(QListView.Movement.Static)
        self._thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self._thumbs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._thumbs.setSpacing(4)
        self._thumbs.setUniformItemSizes(True)
        # At most a thumbnail's width, and none at all in a narrow preview (see
        # resizeEvent): the page itself matters more than the strip beside it.
        self._thumbs.setMaximumWidth(THUMB_WIDTH + 36)
        self._thumbs.setMinimumWidth(0)
        self._thumbs.setAccessibleName(translate("PdfViewer", "Pages"))
        self._thumbs.currentRowChanged.connect(self._on_thumbs_current_row_changed)

        self._placeholder = QLabel(self._placeholder_text, self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setWordWrap(True)
        self._placeholder.setObjectName("pdfPlaceholder")
        self._placeholder.setEnabled(False)  # greyed like an empty state, not an error box

        pages = QWidget(self)
        row = QHBoxLayout(pages)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self._thumbs)
        self._pages_row = row  # the view joins it in _ensure_pdf

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._placeholder)
        self._stack.addWidget(pages)

        # Thumbnails start a moment after the first page so they do not compete
        # with QPdfView's render of it (the < 300 ms target of issue #6).
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(THUMB_DELAY_MS)
        self._thumb_timer.timeout.connect(self._start_thumbnails)
        self._thumb_requests: dict[int, int] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._toolbar = QWidget(self)
        self._toolbar.setLayout(self._build_toolbar())
        self._toolbar.setVisible(False)
        layout.addWidget(self._toolbar)
        layout.addWidget(self._stack, 1)

        QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in)
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out)
        self._update_controls()

    # --- construction ---------------------------------------------------------

    def _ensure_pdf(self) -> tuple[QPdfView, QPdfDocument]:
        """The view and its document, made (and wired) the first time."""
        if self._view is not None and self._document is not None:
            return self._view, self._document
        from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
        from PySide6.QtPdfWidgets import QPdfView

        view = QPdfView(self)
        view.setObjectName("pdfView")
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(8)
        # Owned by this container, deliberately not by the view (see module docstring).
        # The thumbnail renderer is created first so it is destroyed (and its
        # thread stopped) before the document it reads.
        renderer = QPdfPageRenderer(self)
        renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        document = QPdfDocument(self)
        view.setDocument(document)
        renderer.setDocument(document)
        renderer.pageRendered.connect(self._on_renderer_page_rendered)
        self._view, self._renderer, self._document = view, renderer, document
        self._pages_row.addWidget(view, 1)
        navigator = view.pageNavigator()
        navigator.currentPageChanged.connect(self._on_navigator_current_page_changed)
        view.zoomFactorChanged.connect(self._update_zoom_label)
        view.zoomModeChanged.connect(self._update_zoom_label)
        view.viewport().installEventFilter(self)
        return view, document

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setObjectName(name)
        button.setAutoRaise(True)
        return button

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self._prev = self._tool("◀", translate("PdfViewer", "Previous page"), "pdfPrev")
        self._next = self._tool("▶", translate("PdfViewer", "Next page"), "pdfNext")
        self._page_box = QSpinBox(self)
        self._page_box.setObjectName("pdfPage")
        self._page_box.setAccessibleName(translate("PdfViewer", "Page"))
        self._page_box.setKeyboardTracking(False)
        self._page_box.setMinimum(1)
        self._page_of = QLabel(translate("PdfViewer", "of 0"), self)
        self._zoom_out_btn = self._tool("−", translate("PdfViewer", "Zoom out"), "pdfZoomOut")
        self._zoom_in_btn = self._tool("+", translate("PdfViewer", "Zoom in"), "pdfZoomIn")
        self._zoom_label = QLabel("", self)
        metrics = self._zoom_label.fontMetrics()
        self._zoom_label.setMinimumWidth(metrics.horizontalAdvance("0000%"))
        self._zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Short labels (the tooltips say it all): the preview column must stay narrow
        # enough to leave the fax list room for a sender's name and number.
        self._fit_width_btn = self._tool(translate(
            "PdfViewer",
            "Width",
        ), translate(
            "PdfViewer",
            "Fit page width",
        ), "pdfFitWidth")
        self._fit_page_btn = self._tool(translate(
            "PdfViewer",
            "Page",
        ), translate(
            "PdfViewer",
            "Show whole page",
        ), "pdfFitPage")
        for button in (self._fit_width_btn, self._fit_page_btn):
            button.setCheckable(True)
        self._prev.clicked.connect(self.previous_page)
        self._next.clicked.connect(self.next_page)
        self._page_box.valueChanged.connect(self._on_page_box_value_changed)
        self._zoom_in_btn.clicked.connect(self.zoom_in)
        self._zoom_out_btn.clicked.connect(self.zoom_out)
        self._fit_width_btn.clicked.connect(self.fit_width)
        self._fit_page_btn.clicked.connect(self.fit_page)
        for widget in (self._prev, self._page_box, self._page_of, self._next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (
            self._zoom_out_btn,
            self._zoom_label,
            self._zoom_in_btn,
            self._fit_width_btn,
            self._fit_page_btn,
        ):
            bar.addWidget(widget)
        self._page_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return bar

    # --- public API -----------------------------------------------------------

    @property
    def view(self) -> QPdfView:
        return self._ensure_pdf()[0]

    @property
    def document(self) -> QPdfDocument:
        return self._ensure_pdf()[1]

    @property
    def page_list(self) -> QListWidget:
        return self._thumbs

    @property
    def path(self) -> Path | None:
        return self._path

    def page_count(self) -> int:
        return int(self.document.pageCount()) if self._path else 0

    def current_page(self) -> int:
        return int(self._view.pageNavigator().currentPage()) if self._view is not None else 0

    def load(self, path: Path) -> int:
        """Show ``path`` from its first page; returns its page count.

        Raises UserFacingError (and shows the reason in place) when it cannot
        be opened.
        """
        from PySide6.QtPdf import QPdfDocument

        view, document = self._ensure_pdf()
        self._reset()
        # The view must be visible (and sized) when the document arrives, or
        # QPdfView lays the pages out for a zero-width viewport.
        self._stack.setCurrentIndex(1)
        self._toolbar.setVisible(True)
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_ or document.pageCount() == 0:
            reason = _load_error_reason(error)
            document.close()
            self.show_message(translate(
                "PdfViewer",
                "This document cannot be shown: {reason}.",
            ).format(reason=reason))
            raise UserFacingError(translate(
                "PdfViewer",
                "“{name}” cannot be shown: {reason}.",
            ).format(name=path.name, reason=reason))
        self._path = path
        count = int(document.pageCount())
        self._fill_page_list(count)
        self._auto_fit = True
        self._apply_auto_fit()
        view.pageNavigator().jump(0, QPointF(), view.zoomFactor())
        self._update_controls()
        self.document_loaded.emit(count)
        self._thumb_timer.start()
        return count

    def clear(self, message: str = "") -> None:
        """Back to the empty state, with ``message`` or the placeholder."""
        self._reset()
        self.show_message(message or self._placeholder_text)

    def show_message(self, text: str) -> None:
        self._placeholder.setText(text)
        self._stack.setCurrentIndex(0)
        # Page and zoom controls mean nothing without a document.
        self._toolbar.setVisible(False)
        self._update_controls()

    def go_to_page(self, index: int) -> None:
        if not 0 <= index < self.page_count():
            return
        navigator = self.view.pageNavigator()
        navigator.jump(index, QPointF(), navigator.currentZoom())
        # In multi-page mode the navigator may report the page only after a
        # scroll settles; keep the controls in step right away.
        self._sync_current(index)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def fit_width(self) -> None:
        """The page's width fills the view, whatever the zoom (the user asked)."""
        from PySide6.QtPdfWidgets import QPdfView

        self._auto_fit = False
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_controls()

    def fit_page(self) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self._auto_fit = False
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_controls()

    def fit_width_zoom(self) -> float:
        """The zoom "fit width" gives in the view's current size."""
        view = self._view
        if view is None or self.page_count() == 0:
            return 1.0
        page = self.document.pagePointSize(self.current_page())
        if page.width() <= 0:
            return 1.0
        scale = view.logicalDpiX() / 72.0
        margins = view.documentMargins()
        area = view.viewport().width()
        if view.verticalScrollBar().isHidden():
            # A multi-page document gets a scroll bar once fitted: leave it room.
            area -= view.style().pixelMetric(view.style().PixelMetric.PM_ScrollBarExtent)
        return max(0.05, (area - margins.left() - margins.right()) / (page.width() * scale))

    def _apply_auto_fit(self) -> None:
        """Fit the width, or READABLE_ZOOM when fitting would make the page too small."""
        if not self._auto_fit or self._view is None or self.page_count() == 0:
            return
        from PySide6.QtPdfWidgets import QPdfView

        view = self._view
        if self.fit_width_zoom() >= READABLE_ZOOM:
            if view.zoomMode() != QPdfView.ZoomMode.FitToWidth:
                view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif view.zoomMode() != QPdfView.ZoomMode.Custom or view.zoomFactor() != READABLE_ZOOM:
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(READABLE_ZOOM)

    def zoom(self) -> float:
        """The effective zoom (1.0 = 100 %), also in the fit modes."""
        view = self._view
        if view is None:
            return 1.0  # a QPdfView's zoom factor before anyone changed it
        from PySide6.QtPdfWidgets import QPdfView

        if view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return float(view.zoomFactor())
        page = self.document.pagePointSize(self.current_page())
        if page.width() <= 0 or page.height() <= 0:
            return 1.0
        scale = view.logicalDpiX() / 72.0
        margins = view.documentMargins()
        area = view.viewport().size()
        width = (area.width() - margins.left() - margins.right()) / (page.width() * scale)
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return max(0.05, width)
        height = (area.height() - margins.top() - margins.bottom()) / (page.height() * scale)
        return max(0.05, min(width, height))

    def set_zoom(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self._auto_fit = False
        view = self.view
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor)))
        self._update_controls()

    def zoom_in(self) -> None:
        current = self.zoom()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom()
        smaller = [z for z in ZOOM_STEPS if z < current - 0.01]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def thumbnails_pending(self) -> int:
        return max(0, self.page_count() - self._thumbs_done)

    # --- internals ------------------------------------------------------------

    def _reset(self) -> None:
        self._thumb_timer.stop()
        # Renders still queued for the previous document are ignored when they land.
        self._thumb_requests.clear()
        self._path = None
        self._thumbs_done = 0
        self._thumbs.clear()
        if self._document is not None:
            self._document.close()

    def _fill_page_list(self, count: int) -> None:
        from app.ui.widgets import pdf_pages  # painting classes: with the first document

        icon = pdf_pages.blank_page(self._thumbs.iconSize())
        self._thumbs.blockSignals(True)
        for index in range(count):
            item = QListWidgetItem(icon, translate("PdfViewer", "Page {number}").format(
                number=index + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._thumbs.addItem(item)
        self._thumbs.setCurrentRow(0)
        self._thumbs.blockSignals(False)

    def _start_thumbnails(self) -> None:
        if self._path is not None:
            self._request_thumbnail(0)

    def _request_thumbnail(self, index: int) -> None:
        # A scanned fax page takes ~35 ms to render. QPdfPageRenderer renders in
        # a C++ thread, so neither the UI thread nor Python's GIL waits for it;
        # but requestPage() blocks while that thread is busy, so pages are asked
        # for one at a time, each when the previous one has arrived.
        document, renderer = self._document, self._renderer
        if document is None or renderer is None or index >= document.pageCount():
            return
        box = self._thumbs.iconSize()
        page = document.pagePointSize(index)
        scale = min(box.width() / max(page.width(), 1), box.height() / max(page.height(), 1))
        size = QSize(max(1, round(page.width() * scale)), max(1, round(page.height() * scale)))
        self._thumb_requests[int(renderer.requestPage(index, size))] = index

    def _on_renderer_page_rendered(
        self, _page: int, _size: QSize, image: QImage, _options: object, request: int
    ) -> None:
        index = self._thumb_requests.pop(int(request), None)
        item = self._thumbs.item(index) if index is not None else None
        if index is None or item is None:
            return  # a page of a document that is no longer shown
        from app.ui.widgets import pdf_pages

        item.setIcon(pdf_pages.page_icon(image))
        self._thumbs_done += 1
        self._request_thumbnail(index + 1)

    def _sync_current(self, index: int) -> None:
        self._thumbs.blockSignals(True)
        self._thumbs.setCurrentRow(index)
        self._thumbs.blockSignals(False)
        self._page_box.blockSignals(True)
        self._page_box.setValue(index + 1)
        self._page_box.blockSignals(False)
        self._prev.setEnabled(index > 0)
        self._next.setEnabled(index + 1 < self.page_count())

    def _update_controls(self) -> None:
        count = self.page_count()
        has_doc = count > 0 and self._stack.currentIndex() == 1
        self._page_box.setMaximum(max(1, count))
        self._page_of.setText(translate("PdfViewer", "of {count}").format(count=count))
        for widget in (
            self._page_box,
            self._zoom_in_btn,
            self._zoom_out_btn,
            self._fit_width_btn,
            self._fit_page_btn,
        ):
            widget.setEnabled(has_doc)
        self._sync_current(self.current_page() if has_doc else 0)
        if not has_doc:
            self._prev.setEnabled(False)
            self._next.setEnabled(False)
        self._update_zoom_label()

    def _update_zoom_label(self, *_: object) -> None:
        if self._view is None:  # no view yet: a new one fits the width
            self._fit_width_btn.setChecked(True)
            self._fit_page_btn.setChecked(False)
            self._zoom_label.setText("")
            return
        from PySide6.QtPdfWidgets import QPdfView

        mode = self._view.zoomMode()
        self._fit_width_btn.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self._fit_page_btn.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self._zoom_label.setText(translate(
            "PdfViewer",
            "{value}%",
        ).format(value=round(self.zoom() * 100)) if self.page_count() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._thumbs.setVisible(event.size().width() >= THUMBS_MIN_VIEWER_WIDTH)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The fit modes change the effective zoom whenever the viewport resizes.
        view = self._view
        if view is not None and watched is view.viewport() and event.type() == QEvent.Type.Resize:
            self._apply_auto_fit()
            self._update_zoom_label()
        return super().eventFilter(watched, event)

    # --- slots ----------------------------------------------------------------

    def _on_navigator_current_page_changed(self, page: int) -> None:
        self._sync_current(page)
        self._update_zoom_label()
        self.page_changed.emit(page)

    def _on_thumbs_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.go_to_page(row)

    def _on_page_box_value_changed(self, value: int) -> None:
        self.go_to_page(value - 1)
