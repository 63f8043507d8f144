"""Calls benchmark against the sandbox's "large" profile (100k calls over a year).

Prints FIGURE lines (no assertions), with the targets of issue #18:

* ``calls_sync_stall_ms``: the longest event-loop stall while the first sync
  stores a year of history (target <= 16 ms; a 5 ms ticker measures gaps);
* ``calls_first_page_ms``: the tab's first page of history read from the store
  and shown (target < 100 ms);
* ``calls_filter_median_ms``: a filter or search, from the change until the
  rows and totals are shown, median over several (target < 30 ms).

The sandbox runs in a child process so its work does not count as our stalls.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench calls``
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from app.services.gc_pause import freeze_long_lived
from app.ui.app import create_qapplication
from app.ui.tabs.calls import create_tab
from app.ui.tabs.calls.view import CallsTab
from bench.common import StallMeter, tab_bench


async def run(tab: CallsTab, meter: StallMeter) -> None:
    tab.service.backfill_days = 365
    meter.start()
    started = time.perf_counter()
    result = await tab.service.sync()
    sync_ms = (time.perf_counter() - started) * 1000
    stall = meter.stop()
    print(f"sync of a year: {result.fetched} calls in {sync_ms:.0f} ms")
    print(f"FIGURE calls_sync_stall_ms {stall:.1f} ms (target <= 16)")

    firsts = []
    for _ in range(5):
        tab.model.show_rows([])
        started = time.perf_counter()
        await tab.reload()
        await asyncio.sleep(0)
        firsts.append((time.perf_counter() - started) * 1000)
    print(f"first page: {tab.model.rowCount()} rows of {tab.totals_label.text()}")
    print(f"FIGURE calls_first_page_ms {statistics.median(firsts):.1f} ms (target < 100)")

    timings = []
    steps = [("outcome", "missed"), ("search", "555-01"), ("search", "caller"),
             ("search", ""), ("outcome", "answered"), ("period", 90), ("period", 7),
             ("outcome", "all"), ("search", "617555"), ("search", "")]
    for what, value in steps:
        started = time.perf_counter()
        if what == "search":
            tab.search.blockSignals(True)
            tab.search.setText(str(value))
            tab.search.blockSignals(False)
        else:
            combo = tab.outcome if what == "outcome" else tab.period
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        await tab.reload()
        timings.append((time.perf_counter() - started) * 1000)
    print("filters: " + ", ".join(f"{t:.0f}" for t in timings) + " ms")
    print(f"FIGURE calls_filter_median_ms {statistics.median(timings):.1f} ms (target < 30)")


def main() -> int:
    # As the app runs: its one QApplication factory (thread switch interval, ...).
    create_qapplication()
    with tab_bench("calls", quiet_stderr=True) as bench:
        tab = create_tab(bench.ctx)
        assert isinstance(tab, CallsTab)
        tab.resize(1280, 800)
        tab.show()
        freeze_long_lived()  # as the app does once its tabs are built
        bench.loop.run_until_complete(run(tab, StallMeter()))
        tab.shutdown()
    return 0

if __name__ == "__main__":
    sys.exit(main())
