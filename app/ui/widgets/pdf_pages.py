"""Pages of a PDF as pictures: thumbnails on white paper, and printing.

Apart from ``pdf_view`` so that QtGui's painting classes (QImage, QPainter,
QPixmap, QIcon) load with the first document, not with the Fax tab: their
Python types are ~2 ms of the tab's first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from app.domain.errors import UserFacingError
from app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300


def blank_page(size: QSize) -> QIcon:
    """A white page, shown until the page's thumbnail is rendered."""
    blank = QPixmap(size)
    blank.fill(QColor("white"))
    return QIcon(blank)


def page_icon(rendered: QImage) -> QIcon:
    return QIcon(QPixmap.fromImage(on_paper(rendered)))


def on_paper(rendered: QImage) -> QImage:
    """A rendered page on white paper with a thin border (unpainted PDF areas are
    transparent)."""
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.setPen(QColor("#9a9a9a"))
    painter.drawRect(0, 0, paper.width() - 1, paper.height() - 1)
    painter.end()
    return paper


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of ``path`` on ``printer`` (already set up); returns pages printed.

    Pages are rendered at up to ``PRINT_DPI`` and fitted to the printer's page,
    so a letter fax prints right on A4 too. Creates its own document, so it can run
    on a worker thread.
    """
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise UserFacingError(translate(
                "widgets.pdf_pages",
                "“{name}” cannot be printed: it is not a valid PDF.",
            ).format(name=path.name))
        first = printer.fromPage() - 1 if printer.fromPage() > 0 else 0
        last = printer.toPage() - 1 if printer.toPage() > 0 else document.pageCount() - 1
        last = min(last, document.pageCount() - 1)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserFacingError(translate(
                "widgets.pdf_pages",
                "The printer could not be opened. Check that it is connected.",
            ))
        printed = 0
        try:
            dpi = printer.resolution()
            area = printer.pageLayout().paintRectPixels(dpi)
            # A fax holds ~200 dpi of detail: rendering at a 1200 dpi printer's
            # resolution would only cost time and hundreds of MB per page.
            render_dpi = min(dpi, PRINT_DPI)
            for index in range(first, last + 1):
                if printed and not printer.newPage():
                    raise UserFacingError(translate(
                        "widgets.pdf_pages",
                        "The printer stopped accepting pages.",
                    ))
                points = document.pagePointSize(index)
                width, height = points.width() / 72 * dpi, points.height() / 72 * dpi
                scale = min(area.width() / max(width, 1), area.height() / max(height, 1), 1.0)
                target = QRect(0, 0, round(width * scale), round(height * scale))
                target.moveLeft((area.width() - target.width()) // 2)
                factor = render_dpi / dpi
                image = document.render(
                    index,
                    QSize(
                        max(1, round(target.width() * factor)),
                        max(1, round(target.height() * factor)),
                    ),
                )
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        document.close()
        # Made on a worker thread: must be destroyed there, not by a later GC.
        shiboken6.delete(document)
