"""Phones benchmark against the sandbox's "large" profile (40 phones in nine shops).

Prints FIGURE lines (no assertions), with the targets of issue #18:

* ``phones_calls_per_phone_per_poll``: API calls one registration check makes,
  per phone (target <= 1: ``getRegistrationStatus`` takes one account);
* ``phones_poll_wait_s``: the wait between checks for this many phones, from the
  rate budget (``app.services.phones.poll.budget_floor``; it adapts to the
  number of phones and backs off after ``api_limit_exceeded``);
* ``phones_check_ms``: one registration check of every phone, end to end;
* ``phones_check_stall_ms``: the longest event-loop stall while the Phones tab
  refreshes and applies it (target <= 16 ms, one frame).

The sandbox runs in a child process so its work does not count as our stalls.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench phones``
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from app.api.client import VoipMsClient
from app.services.gc_pause import freeze_long_lived
from app.services.phones.poll import budget_floor
from app.ui.app import create_qapplication
from app.ui.tabs.phones import create_tab
from app.ui.tabs.phones.view import PhonesTab
from bench.common import StallMeter, tab_bench


class CountingClient(VoipMsClient):
    """The real client, counting the API methods it calls."""

    methods: list[str]

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        self.methods.append(method)
        return await super().call(method, **params)


async def run(tab: PhonesTab, client: CountingClient) -> None:
    service = tab.service
    meter = StallMeter()
    meter.start()
    await tab.refresh()
    stall = meter.stop()
    phones = await service.phones()
    print(f"{len(phones)} phones, {sum(p.online for p in phones)} online")
    print(f"FIGURE phones_refresh_stall_ms {stall:.1f} ms (target <= 16)")

    timings, stalls, per_phone = [], [], []
    for _ in range(5):
        client.methods = []
        meter = StallMeter()
        meter.start()
        started = time.perf_counter()
        await service.polling.check()
        timings.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.05)  # the tab applies what the check announced
        stalls.append(meter.stop())
        per_phone.append(len(client.methods) / len(phones))
    print(f"calls per check: {sorted(set(client.methods))}")
    print(f"FIGURE phones_calls_per_phone_per_poll {max(per_phone):.2f} calls (target <= 1)")
    print(f"FIGURE phones_poll_wait_s {budget_floor(len(phones)):.0f} s "
          f"(the rate budget's wait for {len(phones)} phones; setting: "
          f"{service.polling.interval:.0f} s)")
    print(f"FIGURE phones_check_ms {statistics.median(timings):.0f} ms")
    print(f"FIGURE phones_check_stall_ms {max(stalls):.1f} ms (target <= 16)")


def main() -> int:
    # As the app runs: its one QApplication factory (thread switch interval, ...).
    create_qapplication()
    with tab_bench("phones", client_class=CountingClient, quiet_stderr=True) as bench:
        bench.client.methods = []
        tab = create_tab(bench.ctx)
        assert isinstance(tab, PhonesTab)
        tab.resize(1280, 800)
        tab.show()
        freeze_long_lived()  # as the app does once its tabs are built
        bench.loop.run_until_complete(run(tab, bench.client))
        tab.shutdown()
    return 0

if __name__ == "__main__":
    sys.exit(main())
