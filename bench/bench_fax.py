"""Fax benchmark against the sandbox's "large" profile (1k faxes over a year).

Prints figures only (no assertions), with the targets of issue #6 beside them:

* listing a year of faxes: the sync (getFaxMessages windows), then the folder
  shown in the table, and the longest event-loop stall meanwhile (a 5 ms ticker
  measures gaps; "does not stall the UI");
* first page of a cached 20-page fax visible after selecting it (target
  < 300 ms): from ``selectRow`` until the preview's viewport shows ink, i.e.
  QPdfView finished its asynchronous render of page 1.

The sandbox runs in a child process so its work does not count as our stalls.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench fax``
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.config.settings import Settings
from app.ui.app import create_qapplication
from app.ui.tabs.fax import create_tab
from app.ui.tabs.fax.compose_merge import merge_attachments
from app.ui.tabs.fax.view import FaxTab
from bench.common import StallMeter, tab_bench

PAGES = 20
SELECTIONS = 5


def scanned_fax(folder: Path, pages: int) -> Path:
    """A realistic fax: every page a 200 dpi grayscale scan (not vector text)."""
    images = []
    for page in range(pages):
        image = QImage(1700, 2200, QImage.Format.Format_Grayscale8)
        image.fill(QColor("white"))
        painter = QPainter(image)
        title = QFont("DejaVu Sans")
        title.setPixelSize(64)
        title.setBold(True)
        painter.setFont(title)
        painter.drawText(120, 220, f"PURCHASE ORDER  -  page {page + 1} of {pages}")
        body = QFont("DejaVu Sans Mono")
        body.setPixelSize(36)
        painter.setFont(body)
        for line in range(45):
            painter.drawText(120, 340 + line * 40, f"{line + 1:3d}  Item {line * 7 + page:4d}"
                             "  flour 25 kg  x 4  ........  $ 48.00")
        painter.end()
        path = folder / f"scan-{page:02d}.png"
        image.setDotsPerMeterX(round(200 / 0.0254))
        image.setDotsPerMeterY(round(200 / 0.0254))
        image.save(str(path))
        images.append(path)
    return merge_attachments(images, folder / "twenty.pdf").path


def has_ink(tab: FaxTab) -> bool:
    """True once the preview's viewport shows dark pixels (text of page 1)."""
    image = tab.preview.view.viewport().grab().toImage()
    width, height = image.width(), image.height()
    for y in range(height // 10, height * 6 // 10, 4):
        for x in range(width // 8, width * 7 // 8, 3):
            if QColor(image.pixel(x, y)).lightness() < 140:
                return True
    return False


async def run(tab: FaxTab, app: QApplication, meter: StallMeter, work: Path) -> None:
    started = time.perf_counter()
    meter.start()
    await tab.refresh()
    sync_ms = (time.perf_counter() - started) * 1000
    sync_stall = meter.stop()
    total = len(await tab.service.messages(None))
    print(f"sync of {tab.days} days: {total} faxes in {sync_ms:.0f} ms, "
          f"longest stall {sync_stall:.1f} ms")

    for folder in ("SENT", "INBOX"):
        meter.start()
        started = time.perf_counter()
        tab.open_folder(folder)
        while tab._reload_task is None or not tab._reload_task.done():
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.05)  # let the view lay the rows out
        shown_ms = (time.perf_counter() - started) * 1000
        stall = meter.stop()
        print(f"folder {folder}: {tab.model.rowCount()} rows listed in {shown_ms:.0f} ms, "
              f"longest stall {stall:.1f} ms (target: no stall a user notices, < 100 ms)")

    twenty = scanned_fax(work, PAGES)
    print(f"20-page scanned fax: {twenty.stat().st_size / 1e6:.1f} MB")
    faxes = sorted(tab.model.faxes, key=lambda f: f.date.timestamp() if f.date else 0)[:SELECTIONS]
    for fax in faxes:  # as if previewed before: the PDF is in the disk cache
        shutil.copyfile(twenty, tab.service.pdf_file(fax.id))
    timings: list[float] = []
    stalls: list[float] = []
    for fax in faxes:
        tab.preview.clear()
        await asyncio.sleep(0.05)
        meter.start()
        started = time.perf_counter()
        tab.select_fax(fax.id)
        while not has_ink(tab):
            await asyncio.sleep(0.001)  # the Qt loop runs (qasync): QPdfView renders
            if time.perf_counter() - started > 5:
                break
        timings.append((time.perf_counter() - started) * 1000)
        if os.environ.get("BENCH_FAX_SHOT"):
            tab.grab().save(os.environ["BENCH_FAX_SHOT"])
        assert tab.preview.page_count() == PAGES
        while tab.preview.thumbnails_pending() and time.perf_counter() - started < 10:
            await asyncio.sleep(0.01)
        stalls.append(meter.stop())
    print(f"first page of a cached {PAGES}-page fax visible: median "
          f"{statistics.median(timings):.0f} ms, max {max(timings):.0f} ms "
          f"over {len(timings)} selections (target < 300 ms); longest stall from selection "
          f"until all {PAGES} thumbnails were shown: {max(stalls):.1f} ms")
    await asyncio.sleep(0.5)


def main() -> int:
    app = create_qapplication()  # the app's one place for the PySide6 fix
    assert isinstance(app, QApplication)
    settings = Settings(path=None)
    settings.fax_history_days = 365
    with tab_bench("fax", settings=settings) as bench:
        tab = create_tab(bench.ctx)
        assert isinstance(tab, FaxTab)
        tab.resize(1280, 800)
        tab.show()
        tab.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        bench.loop.run_until_complete(run(tab, app, StallMeter(), bench.work))
        tab.shutdown()
    return 0

if __name__ == "__main__":
    sys.exit(main())
