"""Sample attachments for the fax tests (and checks that the samples are what they claim).

Qt can read multi-page TIFFs but not write them, so :func:`write_multipage_tiff`
writes a small uncompressed grayscale TIFF by hand (one IFD per page) with the
non-square resolution of a standard-mode fax (204x98 dpi).
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from app.ui.tabs.fax.compose_merge import iter_image_frames


def write_multipage_tiff(path: Path, pages: int, width: int = 170, height: int = 110) -> Path:
    """An uncompressed 8-bit grayscale TIFF with ``pages`` pages (page n has n bars)."""
    entries_per_ifd = 12
    ifd_size = 2 + entries_per_ifd * 12 + 4
    pixel_bytes = width * height
    blobs: list[bytes] = []
    offset = 8
    layout: list[tuple[int, int]] = []  # (ifd offset, data offset)
    for _ in range(pages):
        ifd_at = offset
        data_at = ifd_at + ifd_size + 16  # 16 bytes: two resolution rationals
        layout.append((ifd_at, data_at))
        offset = data_at + pixel_bytes
    out = bytearray(b"II*\x00" + struct.pack("<I", layout[0][0]))
    for page, (ifd_at, data_at) in enumerate(layout):
        rational_at = ifd_at + ifd_size
        next_ifd = layout[page + 1][0] if page + 1 < pages else 0
        entries = [
            (256, 3, 1, width),
            (257, 3, 1, height),
            (258, 3, 1, 8),
            (259, 3, 1, 1),  # no compression
            (262, 3, 1, 1),  # black is zero
            (273, 4, 1, data_at),
            (277, 3, 1, 1),
            (278, 3, 1, height),
            (279, 4, 1, pixel_bytes),
            (282, 5, 1, rational_at),
            (283, 5, 1, rational_at + 8),
            (296, 3, 1, 2),  # inches
        ]
        ifd = bytearray(struct.pack("<H", len(entries)))
        for tag, kind, count, value in entries:
            packed = struct.pack("<HI", value, 0)[:4] if kind == 3 else struct.pack("<I", value)
            ifd += struct.pack("<HHI", tag, kind, count) + packed
        ifd += struct.pack("<I", next_ifd)
        ifd += struct.pack("<IIII", 204, 1, 98, 1)
        pixels = bytearray(b"\xff" * pixel_bytes)
        for bar in range(page + 1):
            x0 = 10 + bar * 12
            for y in range(20, height - 20):
                pixels[y * width + x0 : y * width + x0 + 6] = b"\x00" * 6
        assert len(out) == ifd_at
        out += ifd
        assert len(out) == data_at
        out += pixels
        blobs.append(bytes(pixels))
    path.write_bytes(bytes(out))
    return path


def write_image(path: Path, text: str = "Hello", size: tuple[int, int] = (400, 300)) -> Path:
    """A PNG/JPG/GIF (by suffix) with some dark text on white."""
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.drawRect(5, 5, size[0] - 10, size[1] - 10)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    if path.suffix.lower() == ".gif":
        # Qt reads GIF but cannot write it.
        path.write_bytes(_encode_gif(image.convertToFormat(QImage.Format.Format_Grayscale8)))
    else:
        assert image.save(str(path)), path
    return path


def _encode_gif(image: QImage) -> bytes:
    """A valid grayscale GIF89a without real compression.

    LZW with a clear code before the table would need 10-bit codes, so every code
    stays 9 bits wide and each pixel is its own literal.
    """
    width, height = image.width(), image.height()
    pixels = bytearray()
    for y in range(height):
        row = image.constScanLine(y)
        pixels += bytes(row)[:width]
    clear, end = 256, 257
    codes: list[int] = []
    for index, value in enumerate(pixels):
        if index % 250 == 0:
            codes.append(clear)
        codes.append(value)
    codes.append(end)
    bits = 0
    nbits = 0
    data = bytearray()
    for code in codes:
        bits |= code << nbits
        nbits += 9
        while nbits >= 8:
            data.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        data.append(bits & 0xFF)
    blocks = bytearray()
    for start in range(0, len(data), 255):
        chunk = data[start : start + 255]
        blocks += bytes([len(chunk)]) + chunk
    palette = b"".join(bytes([g, g, g]) for g in range(256))
    header = b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF7, 0, 0)
    descriptor = b"," + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return header + palette + descriptor + b"\x08" + bytes(blocks) + b"\x00;"


def write_text(path: Path, lines: int = 30) -> Path:
    line = "the quick brown fox jumps over the lazy dog."
    body = "\n".join(f"Line {n}: {line}" for n in range(lines))
    path.write_text(body, encoding="utf-8")
    return path


def test_multipage_tiff_sample_has_its_pages(qapp: object, tmp_path: Path) -> None:
    path = write_multipage_tiff(tmp_path / "three.tif", 3)
    assert QImageReader(str(path)).imageCount() == 3
    frames = list(iter_image_frames(path))
    assert len(frames) == 3
    assert round(frames[0].dotsPerMeterX() * 0.0254) == 204
    assert round(frames[0].dotsPerMeterY() * 0.0254) == 98


def test_image_sample_is_readable(qapp: object, tmp_path: Path) -> None:
    for name in ("a.png", "b.jpg", "c.gif"):
        assert not QImage(str(write_image(tmp_path / name))).isNull()
