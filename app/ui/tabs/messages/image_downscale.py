"""Pictures made small enough for an MMS before they are attached.

A module of its own, loaded with the first picture attached: QImage and QBuffer
are not needed to show the Messages tab (their Python types cost ~1 ms of the
first paint). It runs on a worker thread (``asyncio.to_thread``): decoding a
12 MP phone photo takes longer than a frame.

What phones hand us: 12 MP JPEGs whose "up" is only in their EXIF orientation
(re-encoded without applying it, a portrait photo arrives sideways), PNG
screenshots with transparency (dropped naively, transparent areas turn black),
and HEIC from iPhones, which Qt cannot read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter

from app.domain.errors import UserFacingError
from app.domain.media_types import sniff
from app.domain.sms_text import MAX_ATTACHMENT_BYTES
from app.ui.i18n import translate

#: Re-encode images above this size or dimension (the provider's cap is ~1.2 MB).
TARGET_BYTES = 1_100_000
MAX_DIMENSION = 1600


def downscale_image(path: Path) -> bytes:
    """The image's bytes, re-encoded smaller when needed to stay under ~1.2 MB."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(translate(
            "messages.image_downscale",
            "{name} cannot be read: {value}.",
        ).format(name=path.name, value=exc.strerror or exc)) from exc
    kind = sniff(raw)
    if kind is not None and kind.mime == "image/heic":
        raise UserFacingError(
            translate(
                "messages.image_downscale",
                "{name} is a HEIC photo (the iPhone's format), which Switchboard cannot send. "
                "Export it as JPEG (on the iPhone: Settings > Camera > Formats > Most Compatible) "
                "and attach that.",
            ).format(name=path.name)
        )
    image = _read_upright(raw)
    if image.isNull():
        raise UserFacingError(translate(
            "messages.image_downscale",
            "{name} is not an image Switchboard can read.",
        ).format(name=path.name))
    rotated = _exif_rotation(raw)
    if (
        len(raw) <= TARGET_BYTES
        and max(image.width(), image.height()) <= MAX_DIMENSION * 2
        and not rotated
    ):
        return raw  # small enough, and the receiving phone shows it as it is
    if max(image.width(), image.height()) > MAX_DIMENSION:
        image = image.scaled(QSize(MAX_DIMENSION, MAX_DIMENSION),
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    image = _on_white(image)
    for quality in (85, 70, 55, 40):
        data = _encode_jpeg(image, quality)
        if len(data) <= TARGET_BYTES:
            return data
        if quality == 55:
            image = image.scaled(image.size() * 0.6, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    data = _encode_jpeg(image, 40)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise UserFacingError(translate(
            "messages.image_downscale",
            "{name} could not be made small enough for an MMS.",
        ).format(name=path.name))
    return data


def _read_upright(raw: bytes) -> QImage:
    """Decode ``raw`` with its EXIF orientation applied (what the phone showed)."""
    array = QByteArray(raw)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    image = reader.read()
    buffer.close()
    return image


def _exif_rotation(raw: bytes) -> bool:
    """Whether the file's pixels are stored turned or mirrored (EXIF orientation 2-8)."""
    array = QByteArray(raw)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    turned = reader.transformation() != QImageIOHandler.Transformation.TransformationNone
    buffer.close()
    return turned


def _on_white(image: QImage) -> QImage:
    """The picture as opaque RGB: transparent parts become white, as on paper, not black."""
    if not image.hasAlphaChannel():
        return image.convertToFormat(QImage.Format.Format_RGB32)
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


#: WORKAROUND (PySide6 6.12): ``QImage.save(QIODevice, format, quality)`` refuses the
#: format as ``bytes`` (b"JPEG": "called with wrong argument values") although its
#: signature and stubs say bytes, and accepts ``str``. Every phone photo over ~1.1 MB
#: took this path and crashed (issue #15.1). Gated on the versions seen with the bug;
#: ``tests/gui/test_image_downscale.py`` fails once a gated version no longer has it.
SAVE_FORMAT_AS_STR_VERSIONS = frozenset({(6, 12)})


def jpeg_format() -> str | bytes:
    """The ``format`` argument this PySide6 accepts for ``QImage.save`` to a device."""
    import PySide6

    major, minor = (int(part) for part in PySide6.__version__.split(".")[:2])
    return "JPEG" if (major, minor) in SAVE_FORMAT_AS_STR_VERSIONS else b"JPEG"


def _encode_jpeg(image: QImage, quality: int) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, jpeg_format(), quality):  # type: ignore[arg-type]  # see above
        buffer.close()
        raise UserFacingError(translate(
            "messages.image_downscale",
            "The picture could not be converted to JPEG for sending.",
        ))
    buffer.close()
    return bytes(array.data())
