"""MMS pictures are scaled once, on a worker thread, and cached on disk (issue #16.3).

The bubble delegate asks ``Thumbnails`` for a picture and never decodes it in
``paint``; the scale is recorded with the thread that did it (``SCALES``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.services.messages.media import remove_unlisted, thumbnail_path
from app.ui.tabs.messages import thumbnails
from app.ui.tabs.messages.bubble_delegate import THUMB
from app.ui.tabs.messages.tab import MessagesTab
from app.ui.tabs.messages.thumbnails import Thumbnails
from tests.gui.test_messages_tab import FakeDialogs
from tests.gui.test_messages_view import open_delivered_picture


def _picture(folder: Path, width: int = 2400, height: int = 1800) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    path = folder / "picture.jpg"
    folder.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))
    return path


def _scales_of(path: Path) -> list[int]:
    return [thread for picture, thread in thumbnails.SCALES.scaled if picture == str(path)]


def _ready(maker: Thumbnails, path: Path, qtbot: QtBot) -> Any:
    assert maker.pixmap(str(path)) is None  # never decoded on the asking (GUI) thread
    with qtbot.waitSignal(maker.ready, timeout=10_000):
        pass
    return maker.pixmap(str(path))


def test_a_picture_is_scaled_once_off_the_gui_thread_and_kept_on_disk(
    tmp_path: Path, qtbot: QtBot,
) -> None:
    picture = _picture(tmp_path / "media")
    first = Thumbnails(THUMB)
    pixmap = _ready(first, picture, qtbot)
    assert pixmap is not None and pixmap.width() <= THUMB.width()
    assert pixmap.height() <= THUMB.height() and pixmap.width() == THUMB.width()
    scales = _scales_of(picture)
    assert len(scales) == 1 and scales[0] != threading.get_ident()
    kept = thumbnail_path(picture, THUMB.width(), THUMB.height())
    assert kept.exists()

    assert first.pixmap(str(picture)) is pixmap  # from memory: nothing asked again
    # Next session (a new delegate): read from the kept file, not scaled again.
    second = Thumbnails(THUMB)
    assert _ready(second, picture, qtbot) is not None
    assert len(_scales_of(picture)) == 1


def test_a_picture_that_cannot_be_read_says_so(tmp_path: Path, qtbot: QtBot) -> None:
    broken = tmp_path / "media" / "expired-link.jpg"
    broken.parent.mkdir()
    broken.write_bytes(b"<html>Not found</html>")
    maker = Thumbnails(QSize(200, 150))
    assert _ready(maker, broken, qtbot) is None
    assert maker.failed(str(broken))


def test_a_thumbnail_goes_with_its_picture(tmp_path: Path, qtbot: QtBot) -> None:
    picture = _picture(tmp_path / "media")
    _ready(Thumbnails(THUMB), picture, qtbot)
    kept = thumbnail_path(picture, THUMB.width(), THUMB.height())
    assert remove_unlisted(picture.parent, {picture.name}, older_than=2e9) == 0
    assert kept.exists()
    assert remove_unlisted(picture.parent, set(), older_than=2e9) == 1
    assert not kept.exists() and not picture.exists()


def test_the_conversation_paints_pictures_without_decoding_them(
    app_context: Any, sandbox: Any, qtbot: QtBot, arun: Any,
) -> None:
    app_context.settings.messages_backfill_days = 30
    tab = MessagesTab(app_context, dialogs=FakeDialogs())
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    did = next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")
    row, path = open_delivered_picture(tab, sandbox, arun, qtbot, did, "4185550177",
                                       "Our van", distinct=True)
    model = tab.pane.model
    delegate = tab.pane.delegate
    tab.pane.view.scrollTo(model.index(row))
    qtbot.waitUntil(lambda: delegate.thumbnails.pixmap(path) is not None, timeout=10_000)
    for _ in range(3):
        tab.pane.view.viewport().repaint()  # paint: draws the cached thumbnail
    scales = _scales_of(Path(path))
    assert len(scales) == 1 and threading.get_ident() not in scales
    tab.shutdown()
