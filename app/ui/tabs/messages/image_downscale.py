"""Pictures made small enough for an MMS before they are attached.

A module of its own, loaded with the first picture attached: QImage and QBuffer
are not needed to show the Messages tab (their Python types cost ~1 ms of the
first paint).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage

from app.domain.errors import UserFacingError
from app.domain.sms_text import MAX_ATTACHMENT_BYTES

#: Re-encode images above this size or dimension (the provider's cap is ~1.2 MB).
TARGET_BYTES = 1_100_000
MAX_DIMENSION = 1600


def downscale_image(path: Path) -> bytes:
    """The image's bytes, re-encoded smaller when needed to stay under ~1.2 MB."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserFacingError(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc
    image = QImage.fromData(raw)
    if image.isNull():
        raise UserFacingError(f"{path.name} is not an image Switchboard can read.")
    if len(raw) <= TARGET_BYTES and max(image.width(), image.height()) <= MAX_DIMENSION * 2:
        return raw
    if max(image.width(), image.height()) > MAX_DIMENSION:
        image = image.scaled(QSize(MAX_DIMENSION, MAX_DIMENSION),
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    for quality in (85, 70, 55, 40):
        data = _encode_jpeg(image, quality)
        if len(data) <= TARGET_BYTES:
            return data
        if quality == 55:
            image = image.scaled(image.size() * 0.6, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
    data = _encode_jpeg(image, 40)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise UserFacingError(f"{path.name} could not be made small enough for an MMS.")
    return data


def _encode_jpeg(image: QImage, quality: int) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, b"JPEG", quality)
    buffer.close()
    return bytes(array.data())
