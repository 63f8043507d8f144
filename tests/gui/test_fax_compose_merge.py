"""Attachments of every accepted kind merge into one PDF with the right page count."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.ui.tabs.fax.compose_merge import AttachmentError, count_pages, merge_attachments
from tests.gui.test_fax_samples import write_image, write_multipage_tiff, write_text


def test_images_and_multipage_tiff_merge_page_by_page(qapp: object, tmp_path: Path) -> None:
    files = [
        write_image(tmp_path / "logo.png"),
        write_image(tmp_path / "photo.jpg", size=(1600, 1200)),
        write_image(tmp_path / "anim.gif"),
        write_multipage_tiff(tmp_path / "scan.tif", 3),
    ]
    result = merge_attachments(files, tmp_path / "out.pdf")
    assert result.pages == 6
    assert result.pages_per_file == (1, 1, 1, 3)
    assert count_pages(result.path) == 6
    assert result.size_bytes == result.path.stat().st_size > 0


def test_text_paginates_and_pdf_pages_are_copied(qapp: object, tmp_path: Path) -> None:
    long_text = write_text(tmp_path / "letter.txt", lines=150)
    first = merge_attachments([long_text], tmp_path / "text.pdf")
    assert first.pages >= 2  # 150 lines at 11 pt do not fit one letter page
    merged = merge_attachments(
        [first.path, write_image(tmp_path / "sig.png")], tmp_path / "both.pdf"
    )
    assert merged.pages == first.pages + 1
    assert count_pages(merged.path) == first.pages + 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.docx", b"PK\x03\x04", "only PDF"),
        ("broken.pdf", b"%PDF-1.4 garbage", "damaged"),
        ("empty.txt", b"  \n", "empty"),
        ("fake.png", b"not an image", "not a readable image"),
    ],
)
def test_unusable_files_are_named_in_a_clear_error(
    qapp: object, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.pdf"
    with pytest.raises(AttachmentError, match=message) as caught:
        merge_attachments([write_image(tmp_path / "ok.png"), bad], out)
    assert name in str(caught.value)
    assert not out.exists()  # a half-written fax is never left behind


def test_nothing_attached_is_refused(qapp: object, tmp_path: Path) -> None:
    with pytest.raises(AttachmentError, match="Attach at least one"):
        merge_attachments([], tmp_path / "out.pdf")


def test_a_single_pdf_is_sent_as_it_is(qapp: object, tmp_path: Path) -> None:
    text = merge_attachments([write_text(tmp_path / "t.txt", 120)], tmp_path / "t.pdf")
    result = merge_attachments([text.path], tmp_path / "out.pdf")
    assert result.path.read_bytes() == text.path.read_bytes()
    assert result.pages == text.pages and result.pages_per_file == (text.pages,)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing")
    with pytest.raises(AttachmentError, match=r"broken\.pdf"):
        merge_attachments([broken], tmp_path / "out2.pdf")


def test_text_is_black_on_paper_even_in_the_dark_theme(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from app.ui.style import apply_theme

    apply_theme(qapp, "dark")  # light-grey window text
    try:
        merged = merge_attachments([write_text(tmp_path / "t.txt", 40)], tmp_path / "t.pdf")
    finally:
        apply_theme(qapp, "system")
    pdf = QPdfDocument()
    pdf.load(str(merged.path))
    page = pdf.render(0, QSize(400, 520))
    darkest = min(
        page.pixelColor(x, y).lightness()
        for x in range(0, page.width(), 2)
        for y in range(0, page.height() // 3, 2)
    )
    pdf.close()
    assert darkest < 80  # the text was inked in the theme's grey (lightness ~200)


def _scanned_pdf(tmp_path: Path, pages: int) -> Path:
    """A PDF of pages scanned at 200 dpi: noise compresses badly, as real scans do."""
    import random

    from PySide6.QtGui import QImage

    rng = random.Random(7)
    width, height = 1700, 2200  # letter at 200 dpi
    images = []
    for n in range(pages):
        image = QImage(rng.randbytes(width * height), width, height, width,
                       QImage.Format.Format_Grayscale8).copy()
        image.setDotsPerMeterX(round(200 / 0.0254))
        image.setDotsPerMeterY(round(200 / 0.0254))
        path = tmp_path / f"page{n}.png"
        assert image.save(str(path))
        images.append(path)
    return merge_attachments(images, tmp_path / "scan.pdf").path


def test_a_document_over_the_limit_is_drawn_again_smaller_until_it_fits(
    qapp: object, tmp_path: Path
) -> None:
    """A 20-page scanned PDF is ~13 MB and the API takes 10: "remove pages" was the
    only advice. Over the limit, the pages are drawn at lower resolutions until the
    fax fits, all of them kept; under it, a PDF is sent as it is."""
    from datetime import date

    from app.ui.tabs.fax.compose_merge import FAX_DPI, FIT_DPIS
    from app.ui.tabs.fax.compose_pages import build_fax

    scan = _scanned_pdf(tmp_path, 2)
    whole = scan.stat().st_size
    out = tmp_path / "fax.pdf"
    as_is = build_fax([scan], "", None, out, today=date(2026, 12, 5), limit=whole)
    assert as_is.fitted_dpi is None and as_is.size_bytes == whole  # sent as it is
    limit = int(whole * 0.75)  # fits at 150 dpi (0.56 of the pixels), not at 200
    fitted = build_fax([scan], "", None, out, today=date(2026, 12, 5), limit=limit)
    assert fitted.fitted_dpi == FIT_DPIS[0] < FAX_DPI
    assert fitted.size_bytes <= limit and fitted.pages == 2 and count_pages(out) == 2
    hopeless = build_fax([scan], "", None, out, today=date(2026, 12, 5), limit=1_000)
    assert hopeless.fitted_dpi == FIT_DPIS[-1] and hopeless.size_bytes > 1_000


def test_a_phone_photo_goes_in_with_no_more_pixels_than_the_page_has(
    qapp: object, tmp_path: Path
) -> None:
    """A PDF keeps an image at its own pixels whatever it is drawn at: one 12 MP
    photo (worst case, all detail) made an 11.6 MB fax on its own, over the API's
    10 MB, and drawing it at a lower resolution to fit changed nothing."""
    import random

    from PySide6.QtGui import QImage

    rng = random.Random(3)
    photo = QImage(rng.randbytes(4000 * 3000), 4000, 3000, 4000,
                   QImage.Format.Format_Grayscale8).copy()
    path = tmp_path / "IMG_2041.jpg"
    assert photo.save(str(path), quality=90)
    at_200 = merge_attachments([path], tmp_path / "200.pdf")
    at_100 = merge_attachments([path], tmp_path / "100.pdf", dpi=100)
    # Letter at 200 dpi is 1700 x 2200: ~1.5 MB of such pixels, not the photo's 11.6.
    assert at_200.pages == 1 and at_200.size_bytes < 3_000_000
    assert at_100.size_bytes < at_200.size_bytes / 2
