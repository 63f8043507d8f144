"""Attaching what phones really produce (issue #15.1): a 12 MP JPEG whose "up" is in its
EXIF orientation, a large PNG screenshot with transparency, a HEIC photo. The pictures
are made once per session (a 12 MP photo of noise is ~10 MB, as a camera's is)."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from app.domain.errors import UserFacingError
from app.ui.tabs.messages import image_downscale
from app.ui.tabs.messages.image_downscale import (
    MAX_DIMENSION,
    SAVE_FORMAT_AS_STR_VERSIONS,
    TARGET_BYTES,
    downscale_image,
)


def _noise_image(width: int, height: int, fmt: QImage.Format) -> QImage:
    """Incompressible pixels: the encoded file is as big as a real photo's."""
    depth = 4
    data = os.urandom(width * height * depth)
    image = QImage(data, width, height, width * depth, fmt)
    return image.copy()  # own the pixels (``data`` goes away)


def _encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, quality)  # type: ignore[arg-type]
    buffer.close()
    return bytes(array.data())


def _with_exif_orientation(jpeg: bytes, orientation: int) -> bytes:
    """Insert an APP1 Exif segment carrying only the Orientation tag (0x0112)."""
    ifd = struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0)
    payload = b"Exif\x00\x00" + tiff
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


@pytest.fixture(scope="session")
def phone_photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """4000x3000 (12 MP) landscape pixels, EXIF orientation 6: shown as a portrait."""
    image = _noise_image(4000, 3000, QImage.Format.Format_RGB32)
    path = tmp_path_factory.mktemp("photos") / "IMG_4821.JPG"
    path.write_bytes(_with_exif_orientation(_encode(image, "JPEG", 92), 6))
    return path


@pytest.fixture(scope="session")
def screenshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2560x1440 PNG with a transparent band (a screenshot with rounded corners)."""
    image = _noise_image(2560, 1440, QImage.Format.Format_ARGB32)
    for y in range(0, 100):
        for x in range(2560):
            image.setPixelColor(x, y, QColor(0, 0, 0, 0))
    path = tmp_path_factory.mktemp("shots") / "Screenshot 2026-12-04.png"
    path.write_bytes(_encode(image, "PNG"))
    return path


def test_a_12_megapixel_photo_is_sent_upright_and_small(qapp: object, phone_photo: Path) -> None:
    assert phone_photo.stat().st_size > 5_000_000  # as big as the real thing
    data = downscale_image(phone_photo)
    assert len(data) <= TARGET_BYTES
    sent = QImage.fromData(data)
    assert not sent.isNull()
    assert max(sent.width(), sent.height()) <= MAX_DIMENSION
    assert sent.height() > sent.width()  # the phone's portrait, not the sensor's landscape


def test_a_large_png_screenshot_is_converted_with_white_not_black(
    qapp: object, screenshot: Path
) -> None:
    assert screenshot.stat().st_size > TARGET_BYTES
    data = downscale_image(screenshot)
    assert len(data) <= TARGET_BYTES and data.startswith(b"\xff\xd8")
    sent = QImage.fromData(data)
    corner = sent.pixelColor(sent.width() // 2, 5)
    assert corner.lightness() > 200  # the transparent band became white


def test_a_heic_photo_is_refused_with_a_clear_word(qapp: object, tmp_path: Path) -> None:
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 4000)
    with pytest.raises(UserFacingError) as refused:
        downscale_image(heic)
    assert "HEIC" in refused.value.message and "JPEG" in refused.value.message


def test_a_small_picture_is_sent_as_it_is(qapp: object, tmp_path: Path) -> None:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    small = tmp_path / "logo.jpg"
    small.write_bytes(_encode(image, "JPEG", 90))
    assert downscale_image(small) == small.read_bytes()


def test_canary_pyside_still_refuses_the_format_as_bytes(qapp: object) -> None:
    """The workaround in image_downscale is gated on PySide6 versions with the bug:
    this fails the day such a version accepts bytes again (drop the gate then), and
    on other versions checks that bytes, the documented type, do work."""
    import PySide6

    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    buffer = QBuffer(QByteArray())
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        image.save(buffer, b"JPEG", 85)
        bytes_work = True
    except (TypeError, ValueError):
        bytes_work = False
    assert bytes_work is (version not in SAVE_FORMAT_AS_STR_VERSIONS)
    assert image_downscale.jpeg_format() == ("JPEG" if not bytes_work else b"JPEG")
