"""Messages benchmark against the sandbox's "large" profile (100k messages, 2k threads).

Prints figures only (no assertions), with the targets of issue #5 beside them:

* one year of history for all DIDs: getSMS/getMMS calls made, next to what a
  per-DID 90-day strategy and a 30-day-window strategy would need;
* the longest event-loop stall during that sync (a 5 ms ticker measures gaps);
* full-text search median;
* opening the biggest thread (load + model + first layout);
* scrolling the conversation list: the longest stall;
* RSS of this process (the sandbox runs in a child process, not counted).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_messages.py``
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from app.api.client import VoipMsClient
from app.api.typed import Api
from app.config.settings import Settings
from app.domain.date_windows import calls_for_strategy
from app.services.messages.reads import PAGE_SIZE
from app.services.root import AppServices
from app.store.db import Database
from app.store.search import search_everything, search_messages
from app.ui.app import create_qapplication
from app.ui.tabs.messages.tab import MessagesTab
from bench.common import StallMeter, rss_mb, start_sandbox

#: What people type to find someone (issue #15.6): a name, part of a number, a number
#: in the usual formats.
PEOPLE_QUERIES = ["Okafor", "Grace", "339", "555", "(339) 555-0128", "3395550128",
                  "+1 339-555-0128"]
SEARCH_WORDS = [
    "cake",
    "order",
    "tomorrow",
    "thanks",
    "delivery",
    "birthday",
    "flour",
    "pickup",
    "saturday",
    "muffins",
    "van",
    "umbrella",
    "invoice",
    "chocolate",
    "baguettes",
    "open",
    "close",
    "batch",
    "counter",
    "bread",
]


async def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    result = fn()
    if asyncio.iscoroutine(result):
        await result
    return (time.perf_counter() - start) * 1000


async def measure(app: QApplication, url: str, user: str, password: str) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-messages-"))
    client = VoipMsClient(user, password, base_url=url, min_interval=0.0, timeout=120)
    settings = Settings()
    settings.messages_backfill_days = 365
    settings.messages_poll_seconds = 0
    db = Database.open(tmp / "cache.sqlite3")
    ctx = AppServices(api=Api(client), db=db, settings=settings, media_dir=tmp / "media")
    tab = MessagesTab(ctx)
    tab.resize(1100, 760)
    tab.show()
    tab.load_cached()
    meter = StallMeter(excess_over_tick=True)

    # --- one year for all DIDs -------------------------------------------------------
    meter.start()
    started = time.perf_counter()
    change = await tab.service.refresh()
    await tab._apply_sync(change)  # what tab.refresh() does after the sync
    report = change.report
    sync_s = time.perf_counter() - started
    stall = meter.stop()
    dids = len(await tab.service.dids())
    print(
        f"messages stored: {len(report.inserted)} in {tab.conversations.rowCount()} threads"
        f" ({sync_s:.1f} s)"
    )
    print(f"getSMS/getMMS calls for 1 year, all DIDs: {report.calls}   (target <= 10)")
    print(
        f"  per-DID 90-day windows would need:  "
        f"{calls_for_strategy(365, window_days=90, did_count=dids, overlap_days=0)}"
        f"  ({dids} DIDs)"
    )
    print(
        f"  30-day windows would need:          "
        f"{calls_for_strategy(365, window_days=30, did_count=1, overlap_days=0)}"
    )
    print(f"longest event-loop stall during sync: {stall:.1f} ms   (target < 50 ms)")

    # --- search ---------------------------------------------------------------------
    times = []
    for word in SEARCH_WORDS * 3:
        start = time.perf_counter()
        await db.run(search_messages, word, limit=100)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"FTS search median: {statistics.median(times):.1f} ms, "
        f"max {max(times):.1f} ms   (target median < 30 ms)"
    )
    # People, numbers and text with the real counts (issue #15.6): what the field runs.
    for label, queries in (("names/numbers", PEOPLE_QUERIES), ("words", SEARCH_WORDS)):
        times = []
        totals = []
        for query in queries * 3:
            start = time.perf_counter()
            found = await db.run(search_everything, query, limit=100)
            times.append((time.perf_counter() - start) * 1000)
            totals.append(found.conversations_total + found.messages_total)
        print(
            f"search everything ({label}, first page + counts) median: "
            f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms, "
            f"up to {max(totals):,} results   (target median < 50 ms)"
        )

    # --- open the biggest thread --------------------------------------------------------
    biggest = max(
        (tab.conversations.summary_at(r) for r in range(tab.conversations.rowCount())),
        key=lambda s: s.total if s else 0,
    )
    assert biggest is not None
    opened: list[float] = []
    for _ in range(3):
        tab.pane.show_empty()
        await asyncio.sleep(0.05)
        start = time.perf_counter()
        messages, media = await tab.service.conversation(biggest.did, biggest.contact)
        tab.pane.show_thread(biggest.name, biggest.did, biggest.contact)
        tab.pane.model.set_thread(biggest.did, biggest.contact, messages, media,
                                  has_older=len(messages) < biggest.total)
        tab.pane.view.scrollToBottom()
        # repaint() lays out (the whole list's size hints) and paints synchronously;
        # no processEvents() inside a coroutine (it would re-enter the asyncio loop).
        tab.pane.view.viewport().repaint()
        opened.append((time.perf_counter() - start) * 1000)
    print(
        f"open the biggest thread ({biggest.total} messages): "
        f"{statistics.median(opened):.0f} ms median of 3   (target < 100 ms)"
    )

    # --- scrolling up that thread: older pages ---------------------------------------------
    pages: list[float] = []
    for _ in range(10):
        cursor = tab.pane.model.oldest_cursor()
        if cursor is None or not tab.pane.model.has_older:
            break
        start = time.perf_counter()
        older, media = await tab.service.conversation(biggest.did, biggest.contact,
                                                      before=cursor)
        t1 = time.perf_counter()
        distance = tab.pane.bottom_distance()
        tab.pane.model.prepend_older(older, media, has_older=len(older) >= PAGE_SIZE)
        t2 = time.perf_counter()
        tab.pane.keep_bottom_distance(distance)
        t3 = time.perf_counter()
        tab.pane.view.viewport().repaint()
        # The load is awaited (database thread): only the rest blocks the event loop.
        pages.append((time.perf_counter() - t1) * 1000)
        if os.environ.get("BENCH_DEBUG"):
            print(f"    page: load {1000 * (t1 - start):.0f} ms, insert "
                  f"{1000 * (t2 - t1):.0f} ms, layout {1000 * (t3 - t2):.0f} ms, paint "
                  f"{1000 * (time.perf_counter() - t3):.0f} ms")
    print(f"scrolling up {len(pages)} older pages of {PAGE_SIZE}: UI work per page at most "
          f"{max(pages, default=0):.0f} ms, {tab.pane.model.message_count()} messages loaded"
          "   (event-loop stall: target < 50 ms)")
    start = time.perf_counter()
    tab.pane.view.doItemsLayout()
    print(f"  (re-laying out {tab.pane.model.rowCount()} rows: "
          f"{(time.perf_counter() - start) * 1000:.0f} ms)")

    # --- scroll the conversation list -----------------------------------------------------
    bar = tab.list_view.verticalScrollBar()
    worst = 0.0
    step = max(bar.pageStep() // 2, 1)
    value = 0
    while value <= bar.maximum():
        start = time.perf_counter()
        bar.setValue(value)
        tab.list_view.viewport().repaint()
        worst = max(worst, (time.perf_counter() - start) * 1000)
        value += step
    print(
        f"scroll {tab.conversations.rowCount()} conversations: longest step "
        f"{worst:.1f} ms   (target < 50 ms)"
    )

    current, peak = rss_mb()
    print(f"RSS: {current:.0f} MB now, {peak:.0f} MB peak   (target < 300 MB)")
    tab.shutdown()
    await client.aclose()
    db.close()


def main() -> None:
    """Entry point for ``python -m bench messages`` (like every bench module)."""

    proc, url, user, password = start_sandbox(quiet_stderr=True)
    try:
        app = create_qapplication()  # the app's one place for the PySide6 fix
        assert isinstance(app, QApplication)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(measure(app, url, user, password))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    main()
