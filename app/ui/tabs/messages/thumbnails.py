"""Thumbnails of MMS pictures: scaled once, off the GUI thread, kept on disk.

A 7900x7900 picture decoded in ``paint`` cost 793 ms of frozen window (issue
#16). Here the bubble delegate asks :class:`Thumbnails` for a picture's
thumbnail and paints "Loading image…" until it is ready; a worker thread
decodes the picture *at the thumbnail's size* (``QImageReader.setScaledSize``:
JPEG scales while decoding, and PySide6 lets the GIL go during ``read()``;
``QImage.scaled`` would hold it, so it is not used) and writes the result
beside the picture (``app.services.messages.media.thumbnail_path``). The next
session reads the small file instead of decoding the picture again. Only
QImage is used on the worker; the QPixmap is made on the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

log = logging.getLogger(__name__)

#: Pixmaps kept in memory (a few screens of pictures).
MEMORY_LIMIT = 200

#: One worker: pictures are decoded one after another, never several 250 MB at once.
#: Made with the first picture (not with the Messages tab's first paint).
_worker: ThreadPoolExecutor | None = None


class ScaleLog:
    """Where and how often pictures were scaled (tests prove "once, off the GUI thread")."""

    def __init__(self) -> None:
        self.scaled: list[tuple[str, int]] = []  # (picture, thread id)

    def record(self, picture: str) -> None:
        self.scaled.append((picture, threading.get_ident()))


SCALES = ScaleLog()


def submit(fn: Callable[..., object], *args: object) -> None:
    """Run ``fn`` on the picture worker thread (pictures are decoded there, one at a time)."""
    global _worker
    if _worker is None:
        from concurrent.futures import ThreadPoolExecutor

        _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pictures")
    _worker.submit(fn, *args)


def read_scaled(picture: str, box: QSize) -> QImage:
    """The picture decoded at most ``box`` big (a worker thread's job; see the module).

    A null image means the picture cannot be read (not an image, damaged).
    """
    reader = QImageReader(picture)
    reader.setAutoTransform(True)  # a phone's portrait photo stands up
    size = reader.size()
    if not size.isValid():
        return QImage()
    if size.width() > box.width() or size.height() > box.height():
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    SCALES.record(picture)
    return reader.read()


def load_or_make(picture: str, box: QSize) -> QImage:
    """Runs on the worker thread: the thumbnail from disk, else scaled from the picture."""
    from app.services.messages.media import thumbnail_path  # hashlib: not before the paint

    source = Path(picture)
    target = thumbnail_path(source, box.width(), box.height())
    if target.exists():
        cached = QImage(str(target))
        if not cached.isNull():
            return cached
    image = read_scaled(picture, box)
    if image.isNull():
        return image
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".part-{os.getpid()}-{target.name}")
        if image.save(str(partial)):  # PNG, from the name
            os.replace(partial, target)
    except OSError as exc:  # a full or read-only disk: shown anyway, made again next time
        log.info("Thumbnail not kept for %s: %s", source.name, exc)
    return image


class Thumbnails(QObject):
    """Thumbnails by picture path; ``ready(path)`` once one can be painted.

    ``pixmap(path)`` never decodes: it returns the thumbnail, or ``None`` and
    starts making it (``failed(path)`` tells a picture that cannot be shown).
    """

    ready = Signal(str)
    #: From the worker thread to this object's (GUI) thread: queued by Qt.
    _made = Signal(str, QImage)

    def __init__(self, box: QSize, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box = box
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._made.connect(self._on_made, Qt.ConnectionType.QueuedConnection)

    def pixmap(self, path: str) -> QPixmap | None:
        pixmap = self._pixmaps.get(path)
        if pixmap is not None:
            self._pixmaps.move_to_end(path)
            return pixmap
        if path not in self._pending and path not in self._failed:
            self._pending.add(path)
            submit(self._make, path, QSize(self.box))
        return None

    def failed(self, path: str) -> bool:
        return path in self._failed

    def _make(self, path: str, box: QSize) -> None:
        image = load_or_make(path, box)
        with contextlib.suppress(RuntimeError):  # the conversation view closed meanwhile
            self._made.emit(path, image)

    def _on_made(self, path: str, image: QImage) -> None:
        self._pending.discard(path)
        if image.isNull():
            self._failed.add(path)
        else:
            self._pixmaps[path] = QPixmap.fromImage(image)  # small: fine on the GUI thread
            if len(self._pixmaps) > MEMORY_LIMIT:
                self._pixmaps.popitem(last=False)
        self.ready.emit(path)
