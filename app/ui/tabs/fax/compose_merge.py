"""Merge the files of an outgoing fax into one PDF (letter pages, grayscale).

``sendFaxMessage`` takes exactly one file, so whatever the user attaches (PDF,
plain text, JPG/GIF/PNG, TIFF including multi-page fax TIFFs) is drawn page by
page into one ``QPdfWriter``; the user previews that PDF before sending, so
what they see is what goes out.

A single PDF is sent as it is (sharper and much smaller). Anything else is
rasterised or laid out at fax resolution: a fax is a grayscale (really black and
white) image at about 200 dpi, so nothing is lost that the recipient would have
seen. Scanned pages cost ~0.5 MB each this way; the size is shown before sending.

This is UI-layer code because it needs QtGui; it creates all Qt objects inside
:func:`merge_attachments`, so it may run on a worker thread (``asyncio.to_thread``)
and keep the window responsive (QPainter on a QPdfWriter/QImage is thread-safe).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPdf import QPdfDocument

from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate

#: Fax "fine" resolution is 204x196 dpi; 200 dpi square is what we render at.
FAX_DPI = 200
#: Lower resolutions a document over the size limit is drawn at, in turn, until it
#: fits (a fax's "standard" resolution is 204x98 dpi: 100 dpi loses little).
FIT_DPIS = (150, 120, 100)
#: Extensions the API accepts for ``file`` (reference: pdf, txt, jpg, gif, png, tif).
SUPPORTED_SUFFIXES: dict[str, str] = {
    ".pdf": "pdf",
    ".txt": "text",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".png": "image",
    ".tif": "image",
    ".tiff": "image",
}
#: For file pickers.
FILE_FILTER = QT_TRANSLATE_NOOP(
    "fax.compose_merge", "Fax documents (*.pdf *.txt *.jpg *.jpeg *.gif *.png *.tif *.tiff)")
#: Margin around text pages, in inches (fax machines crop the edges a little).
_TEXT_MARGIN_IN = 0.6
_TEXT_POINT_SIZE = 11


class AttachmentError(UserFacingError):
    """An attached file cannot go into the fax (unsupported, damaged, empty)."""


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The one PDF made from a fax's attachments, and its size."""
    path: Path
    pages: int
    size_bytes: int
    #: Pages contributed by each input file, in order (shown next to the file list).
    pages_per_file: tuple[int, ...]
    #: The resolution it was drawn at to fit the size limit (None: as given / FAX_DPI).
    fitted_dpi: int | None = None


def unsupported(path: Path) -> str | None:
    """Why ``path`` cannot be attached (its type), or ``None`` when it can."""
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return None
    return translate(
        "fax.compose_merge",
        "“{name}” cannot be faxed: only PDF, text (.txt), JPG, GIF, PNG "
        "and TIFF files can be attached.",
    ).format(name=path.name)


def kind_of(path: Path) -> str:
    """``pdf``, ``text`` or ``image``; raises AttachmentError for anything else."""
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise AttachmentError(unsupported(path) or path.name)
    return kind


def merge_attachments(
    files: Sequence[Path], out: Path, *, dpi: int = FAX_DPI, redraw: bool = False
) -> MergeResult:
    """Write every page of ``files`` (in order) into the PDF ``out``.

    ``redraw``: draw a single PDF's pages too (at ``dpi``) instead of sending it as
    it is. Raises AttachmentError naming the file at fault; ``out`` is then removed
    so a half-written PDF is never sent.
    """
    if not files:
        raise AttachmentError(translate(
            "fax.compose_merge",
            "Attach at least one document to fax.",
        ))
    for path in files:
        kind_of(path)
        if not path.is_file():
            raise AttachmentError(translate(
                "fax.compose_merge",
                "“{name}” no longer exists or cannot be read.",
            ).format(name=path.name))
    out.parent.mkdir(parents=True, exist_ok=True)
    if len(files) == 1 and kind_of(files[0]) == "pdf" and not redraw:
        return _pass_through(files[0], out)
    writer = QPdfWriter(str(out))
    try:
        return _merge_into(writer, files, out, dpi)
    finally:
        # Qt objects made on a worker thread must die there: left to the garbage
        # collector they may be destroyed on another thread ("Timers cannot be
        # stopped from another thread").
        shiboken6.delete(writer)


def _merge_into(writer: QPdfWriter, files: Sequence[Path], out: Path, dpi: int) -> MergeResult:
    writer.setResolution(dpi)
    writer.setCreator("Switchboard")
    writer.setTitle(translate("fax.compose_merge", "Fax"))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise AttachmentError(translate(
            "fax.compose_merge",
            "Could not create the fax document in {parent}.",
        ).format(parent=out.parent))
    pager = _Pager(writer, painter)
    per_file: list[int] = []
    try:
        for path in files:
            before = pager.pages
            kind = kind_of(path)
            if kind == "pdf":
                _draw_pdf(path, pager, dpi)
            elif kind == "text":
                _draw_text(path, pager, writer, dpi)
            else:
                _draw_images(path, pager)
            per_file.append(pager.pages - before)
    except BaseException:
        painter.end()
        out.unlink(missing_ok=True)
        raise
    painter.end()
    return MergeResult(out, pager.pages, out.stat().st_size, tuple(per_file))


def _pass_through(path: Path, out: Path) -> MergeResult:
    """One PDF is sent as it is: sharper and far smaller than re-drawing its pages."""
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise AttachmentError(translate(
                "fax.compose_merge",
                "“{name}” cannot be faxed: {error}.",
            ).format(name=path.name, error=_pdf_reason(error)))
        pages = int(document.pageCount())
        if pages == 0:
            raise AttachmentError(translate(
                "fax.compose_merge",
                "“{name}” has no pages.",
            ).format(name=path.name))
    finally:
        document.close()
        shiboken6.delete(document)
    shutil.copyfile(path, out)
    return MergeResult(out, pages, out.stat().st_size, (pages,))


def _pdf_reason(error: QPdfDocument.Error) -> str:
    return {
        QPdfDocument.Error.IncorrectPassword: translate(
            "fax.compose_merge", "it is password-protected"),
        QPdfDocument.Error.UnsupportedSecurityScheme: translate(
            "fax.compose_merge", "it is encrypted"),
    }.get(error, translate("fax.compose_merge", "it is damaged or not a PDF"))


class _Pager:
    """Hands out pages: the writer starts on page one, later pages need newPage()."""

    def __init__(self, writer: QPdfWriter, painter: QPainter) -> None:
        self.writer = writer
        self.painter = painter
        self.pages = 0
        rect = writer.pageLayout().fullRectPixels(writer.resolution())
        self.page_rect = QRectF(0, 0, rect.width(), rect.height())

    def next_page(self) -> QPainter:
        if self.pages > 0:
            self.writer.newPage()
        self.pages += 1
        # Paper is white: without this, viewers show unpainted areas as transparent.
        self.painter.fillRect(self.page_rect, QColor("white"))
        return self.painter


def _draw_image_on_page(pager: _Pager, image: QImage, dpi_x: float, dpi_y: float) -> None:
    """Place ``image`` at its physical size (scaled down to fit), centred at the top.

    Fax TIFFs have non-square pixels (204x98 dpi in standard mode): using both
    resolutions keeps their proportions right.
    """
    page = pager.page_rect
    res = pager.writer.resolution()
    width = image.width() / dpi_x * res
    height = image.height() / dpi_y * res
    scale = min(1.0, page.width() / width, page.height() / height)
    width, height = width * scale, height * scale
    target = QRectF((page.width() - width) / 2, (page.height() - height) / 2, width, height)
    if height > page.height() * 0.8:
        # A full-page scan goes to the top like a sheet in a fax machine.
        target.moveTop(0)
    painter = pager.next_page()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    gray = _to_gray(image)
    # The PDF keeps an image at its own pixels, whatever it is drawn at: a 12 MP phone
    # photo went in whole (~10 MB, the API's limit on its own). No more pixels than
    # the page has at this resolution; fitting a fax under the limit lowers that.
    # Each way on its own: a fax TIFF's 98-dpi rows are not multiplied.
    wide = min(gray.width(), max(1, round(target.width())))
    high = min(gray.height(), max(1, round(target.height())))
    if (wide, high) != (gray.width(), gray.height()):
        gray = gray.scaled(wide, high, Qt.AspectRatioMode.IgnoreAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)
    painter.drawImage(target, gray)


def _to_gray(image: QImage) -> QImage:
    # Transparent areas must become white paper, not black, before dropping alpha.
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(0xFFFFFFFF)
        p = QPainter(flat)
        p.drawImage(QPointF(0, 0), image)
        p.end()
        image = flat
    return image.convertToFormat(QImage.Format.Format_Grayscale8)


def _image_dpi(image: QImage) -> tuple[float, float]:
    """The image's own resolution, or 96 dpi when it has none worth believing."""

    def dpi(dpm: int) -> float:
        value = dpm * 0.0254
        return value if 50 <= value <= 1200 else 96.0

    return dpi(image.dotsPerMeterX()), dpi(image.dotsPerMeterY())


def iter_image_frames(path: Path) -> Iterator[QImage]:
    """Every page of a TIFF; the first frame of anything else (an animated GIF)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    pages = max(1, reader.imageCount()) if path.suffix.lower() in (".tif", ".tiff") else 1
    for index in range(pages):
        # Qt's TIFF reader does not advance on read(): jump to each page explicitly.
        if index > 0 and not reader.jumpToImage(index):
            return
        image = reader.read()
        if image.isNull():
            if index == 0:
                raise AttachmentError(
                    translate(
                        "fax.compose_merge",
                        "“{name}” is not a readable image ({value}).",
                    ).format(name=path.name, value=reader.errorString())
                )
            return
        yield image


def _draw_images(path: Path, pager: _Pager) -> None:
    for image in iter_image_frames(path):
        _draw_image_on_page(pager, image, *_image_dpi(image))


def _draw_pdf(path: Path, pager: _Pager, dpi: int) -> None:
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise AttachmentError(translate(
                "fax.compose_merge",
                "“{name}” cannot be faxed: {error}.",
            ).format(name=path.name, error=_pdf_reason(error)))
        if document.pageCount() == 0:
            raise AttachmentError(translate(
                "fax.compose_merge",
                "“{name}” has no pages.",
            ).format(name=path.name))
        for index in range(document.pageCount()):
            points = document.pagePointSize(index)
            size = QSize(
                max(1, round(points.width() / 72 * dpi)),
                max(1, round(points.height() / 72 * dpi)),
            )
            image = document.render(index, size)
            if image.isNull():
                raise AttachmentError(translate(
                    "fax.compose_merge",
                    "Page {value} of “{name}” could not be read.",
                ).format(value=index + 1, name=path.name))
            _draw_image_on_page(pager, image, dpi, dpi)
    finally:
        document.close()
        shiboken6.delete(document)


def read_text_file(path: Path) -> str:
    """Text files come from anywhere: UTF-8 first, then Windows-1252 (never fails)."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _draw_text(path: Path, pager: _Pager, writer: QPdfWriter, dpi: int) -> None:
    text = read_text_file(path).replace("\r\n", "\n").replace("\f", "\n")
    if not text.strip():
        raise AttachmentError(translate(
            "fax.compose_merge",
            "“{name}” is empty: there is nothing to fax.",
        ).format(name=path.name))
    document = QTextDocument()
    try:
        _lay_out_text(document, text, pager, writer, dpi)
    finally:
        shiboken6.delete(document)


def _lay_out_text(
    document: QTextDocument, text: str, pager: _Pager, writer: QPdfWriter, dpi: int
) -> None:
    # Lay out with the writer's metrics so 11 pt is 11 pt on paper.
    document.documentLayout().setPaintDevice(writer)
    font = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    font.setPointSize(_TEXT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    margin = _TEXT_MARGIN_IN * dpi
    page = pager.page_rect
    body = QSizeF(page.width() - 2 * margin, page.height() - 2 * margin)
    document.setPageSize(body)
    document.setPlainText(text)
    for index in range(document.pageCount()):
        draw_text_page(pager.next_page(), document, index, body, margin)


def draw_text_page(
    painter: QPainter, document: QTextDocument, index: int, body: QSizeF, margin: float
) -> None:
    """Page ``index`` of ``document`` (laid out in pages of ``body``) at ``margin``.

    Not drawContents(): it inks with the screen's palette, and a dark theme's
    light-grey text made nearly blank fax pages. Paper is white: black ink.
    """
    painter.save()
    painter.translate(margin, margin - index * body.height())
    clip = QRectF(0, index * body.height(), body.width(), body.height())
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    context.clip = clip
    painter.setClipRect(clip)
    document.documentLayout().draw(painter, context)
    painter.restore()


def count_pages(path: Path) -> int:
    """Pages of a PDF file (0 when it cannot be read); used by tests and the preview."""
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            return 0
        return int(document.pageCount())
    finally:
        document.close()
        shiboken6.delete(document)


#: Signature of the merge function, injectable for tests of the dialog.
Merger = Callable[[Sequence[Path], Path], MergeResult]
