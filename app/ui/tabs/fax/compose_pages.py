"""Pages the compose dialog writes itself: a typed letter and a cover page.

VoIP.ms sends exactly the file it is given and has no cover page of its own,
so both are drawn here into letter-size PDFs that then go through
``compose_merge`` like any attachment (what the preview shows is what is sent).

Like ``compose_merge``, everything Qt is created and destroyed inside each
function, so they run on a worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app.ui import dates
from app.ui.i18n import translate
from app.ui.tabs.fax.compose_merge import (
    FAX_DPI,
    FIT_DPIS,
    AttachmentError,
    MergeResult,
    draw_text_page,
    merge_attachments,
)

#: Margin of a typed page, in inches (fax machines crop the edges a little).
MARGIN_IN = 0.75
#: Typed letters read like letters: a proportional font, 12 pt.
TEXT_POINT_SIZE = 12


@dataclass(frozen=True, slots=True)
class CoverPage:
    """What the cover page says; the page count is added when it is drawn."""
    to: str = ""
    sender: str = ""
    subject: str = ""
    note: str = ""
    to_number: str = ""
    from_number: str = ""


def write_typed_pages(text: str, out: Path) -> int:
    """Lay ``text`` out on letter pages (paginated) in the PDF ``out``; its page count."""
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    if not text.strip():
        raise AttachmentError(translate(
            "fax.compose_pages",
            "The typed message is empty: there is nothing to fax.",
        ))
    return _write_document(out, lambda doc: doc.setPlainText(text))


def write_cover_page(cover: CoverPage, total_pages: int, out: Path, *, today: date) -> int:
    """One cover page in ``out``: to, from, date, subject, page count (cover included), note."""
    # In the UI's language: the cover page is the user's own letterhead.
    rows: Sequence[tuple[str, str]] = (
        (translate("fax.compose_pages", "To:"), _join(cover.to, cover.to_number)),
        (translate("fax.compose_pages", "From:"), _join(cover.sender, cover.from_number)),
        (translate("fax.compose_pages", "Date:"), dates.long_day(today, with_year=True)),
        (translate("fax.compose_pages", "Subject:"), cover.subject.strip()),
        (translate("fax.compose_pages", "Pages:"),
         translate("fax.compose_pages", "{count} (including this page)").format(
             count=total_pages)),
    )
    # Everything the user typed is escaped: this is rich text only for the layout.
    table = "".join(
        f"<tr><td style='padding:6px 18px 6px 0'><b>{html.escape(label)}</b></td>"
        f"<td style='padding:6px 0'>{html.escape(value)}</td></tr>"
        for label, value in rows
        if value
    )
    note = html.escape(cover.note.strip()).replace("\n", "<br>")
    body = (
        f"<h1 style='font-size:28pt'>{html.escape(translate('fax.compose_pages', 'Fax'))}</h1>"
        f"<table cellspacing='0'>{table}</table>"
        "<hr>"
        + (f"<p style='white-space:pre-wrap'>{note}</p>" if note else "")
    )
    pages = _write_document(out, lambda doc: doc.setHtml(body))
    if pages != 1:
        raise AttachmentError(translate(
            "fax.compose_pages",
            "The cover note is too long for one page: shorten it.",
        ))
    return pages


def _join(name: str, number: str) -> str:
    name, number = name.strip(), number.strip()
    return f"{name} · {number}" if name and number else name or number


def _write_document(out: Path, fill: Callable[[QTextDocument], None]) -> int:
    """Lay a ``QTextDocument`` filled by ``fill(document)`` out on letter pages in ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(out))
    document = QTextDocument()
    try:
        writer.setResolution(FAX_DPI)
        writer.setCreator("Switchboard")
        writer.setTitle(translate("fax.compose_pages", "Fax"))
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.Letter),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        # Lay out with the writer's metrics so 12 pt is 12 pt on paper.
        document.documentLayout().setPaintDevice(writer)
        font = QFont()
        font.setStyleHint(QFont.StyleHint.SansSerif)
        font.setPointSize(TEXT_POINT_SIZE)
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        full = writer.pageLayout().fullRectPixels(writer.resolution())
        margin = MARGIN_IN * FAX_DPI
        body = QSizeF(full.width() - 2 * margin, full.height() - 2 * margin)
        document.setPageSize(body)
        fill(document)
        pages = int(document.pageCount())
        painter = QPainter()
        if not painter.begin(writer):
            raise AttachmentError(translate(
                "fax.compose_pages",
                "Could not create the fax document in {parent}.",
            ).format(parent=out.parent))
        try:
            for index in range(pages):
                if index:
                    writer.newPage()
                painter.fillRect(QRectF(0, 0, full.width(), full.height()), QColor("white"))
                draw_text_page(painter, document, index, body, margin)
        finally:
            painter.end()
        return pages
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    finally:
        # Qt objects made on a worker thread must die there (see compose_merge).
        shiboken6.delete(document)
        shiboken6.delete(writer)


def build_fax(
    files: Sequence[Path], typed: str, cover: CoverPage | None, out: Path, *, today: date,
    limit: int | None = None,
) -> MergeResult:
    """The one PDF that is sent: cover page, typed pages, then the attached files.

    Over ``limit`` bytes (a 20-page scanned PDF is ~13 MB; the API takes 10), the
    pages are drawn again at lower resolutions (``FIT_DPIS``) until it fits: a fax
    is received at ~200x100 dpi anyway, and "remove pages" was no answer for one
    scanned document. ``fitted_dpi`` says which; still too big, the last try is
    returned and the dialog says so.
    """
    result = _build_fax(files, typed, cover, out, today=today, dpi=FAX_DPI, redraw=False)
    if limit is None or result.size_bytes <= limit:
        return result
    for dpi in FIT_DPIS:
        result = replace(_build_fax(files, typed, cover, out, today=today, dpi=dpi,
                                    redraw=True), fitted_dpi=dpi)
        if result.size_bytes <= limit:
            break
    return result


def _build_fax(
    files: Sequence[Path], typed: str, cover: CoverPage | None, out: Path, *, today: date,
    dpi: int, redraw: bool,
) -> MergeResult:
    """``build_fax`` at one resolution.

    ``pages_per_file`` counts the attached files' pages only (the dialog shows them
    beside the files). The cover's page count includes everything, so the rest is
    merged first and the cover put in front of it.
    """
    typed_pdf = out.with_name(f"{out.stem}-typed.pdf")
    body_pdf = out.with_name(f"{out.stem}-body.pdf")
    cover_pdf = out.with_name(f"{out.stem}-cover.pdf")
    try:
        parts = list(files)
        if typed.strip():
            write_typed_pages(typed, typed_pdf)
            parts.insert(0, typed_pdf)
        if cover is None:
            body = whole = merge_attachments(parts, out, dpi=dpi, redraw=redraw)
        elif parts:
            body = merge_attachments(parts, body_pdf, dpi=dpi, redraw=redraw)
            write_cover_page(cover, body.pages + 1, cover_pdf, today=today)
            whole = merge_attachments([cover_pdf, body_pdf], out, dpi=dpi, redraw=redraw)
        else:  # a cover page alone: a one-page note
            write_cover_page(cover, 1, cover_pdf, today=today)
            body = MergeResult(cover_pdf, 0, 0, ())
            whole = merge_attachments([cover_pdf], out, dpi=dpi, redraw=redraw)
        per_file = body.pages_per_file[1:] if typed.strip() else body.pages_per_file
        return MergeResult(out, whole.pages, whole.size_bytes, per_file)
    finally:
        for temporary in (typed_pdf, body_pdf, cover_pdf):
            temporary.unlink(missing_ok=True)
