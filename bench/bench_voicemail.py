"""Voicemail benchmark against the sandbox's "large" profile (500 extra voicemails).

Prints figures only (no assertions), with the targets of issue #4 beside them:

* the 500-message mailbox: the refresh (mailboxes, folders, messages, phonebook)
  and then the biggest folder shown in the table, with the longest event-loop
  stall meanwhile (a 5 ms ticker measures gaps: "lists without freezing");
* first play of a message: how many API calls it cost (target: exactly one
  ``getVoicemailMessageFile``; an unheard message adds the mark-as-heard call);
* click-to-audio on a cached message (target < 150 ms): from triggering Play
  until the player is in ``PlayingState`` and its position has moved.

The sandbox runs in a child process so its work does not count as our stalls.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench voicemail``
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

from PySide6.QtWidgets import QApplication

from app.api.client import VoipMsClient
from app.domain.models.voicemail import VoicemailMessage
from app.ui.app import create_qapplication
from app.ui.tabs.voicemail import VoicemailTab, create_tab
from bench.common import StallMeter, tab_bench

CLICKS = 10


async def until(condition: object, limit: float = 10.0) -> bool:
    started = time.perf_counter()
    while not condition():  # type: ignore[operator]
        if time.perf_counter() - started > limit:
            return False
        await asyncio.sleep(0.001)  # the Qt loop turns meanwhile (qasync)
    return True


async def click_to_audio(tab: VoicemailTab, message: VoicemailMessage) -> float:
    """Select ``message``, trigger Play, wait until sound is flowing; ms."""
    tab.player.stop()
    await asyncio.sleep(0.05)
    assert tab.select_message(message.key)
    started = time.perf_counter()
    tab.message_actions.play.trigger()
    start_pos = -1

    def flowing() -> bool:
        nonlocal start_pos
        if not tab.player.is_playing or tab.player.source is None:
            return False
        position = tab.player.player.position()
        if start_pos < 0:
            start_pos = position
        return position > start_pos or position > 0

    await until(flowing)
    return (time.perf_counter() - started) * 1000


async def run(tab: VoicemailTab, client: VoipMsClient, meter: StallMeter) -> None:
    started = time.perf_counter()
    meter.start()
    await tab.refresh()
    refresh_ms = (time.perf_counter() - started) * 1000
    stall = meter.stop()
    overview = await tab.service.overview()
    sizes: dict[tuple[str, str], int] = {}
    for summary in overview.mailboxes:
        for folder in summary.folders:
            rows = await tab.service.messages(summary.box.mailbox, folder.value)
            sizes[(summary.box.mailbox, folder.value)] = len(rows)
    print(
        f"refresh: {len(overview.mailboxes)} mailboxes, {sum(sizes.values())} messages in "
        f"{refresh_ms:.0f} ms ({client.calls_made} API calls), longest stall {stall:.1f} ms"
    )

    biggest = max(sizes, key=lambda k: sizes[k])
    # An empty one first, so the next is a real switch.
    await tab.open_folder("1001", "Work")
    meter.start()
    started = time.perf_counter()
    # The rows are read from the store on its worker thread, then shown.
    await tab.open_folder(*biggest)
    await asyncio.sleep(0.05)  # let the view lay the rows out
    shown_ms = (time.perf_counter() - started) * 1000 - 50
    stall = meter.stop()
    print(
        f"folder {biggest[0]}/{biggest[1]}: {tab.proxy.rowCount()} rows listed in "
        f"{shown_ms:.0f} ms, longest stall {stall:.1f} ms (target: no freeze, < 100 ms)"
    )
    meter.start()
    for column in range(tab.model.columnCount()):
        tab.table.sortByColumn(column, tab.table.horizontalHeader().sortIndicatorOrder())
        await asyncio.sleep(0)
    print(
        f"sorting {tab.proxy.rowCount()} rows by each of {tab.model.columnCount()} columns: "
        f"longest stall {meter.stop():.1f} ms"
    )

    rows = tab.model.messages()
    heard = [m for m in rows if m.listened][: CLICKS + 1]
    unheard = next(m for m in rows if not m.listened)
    tab.player.set_speed(4.0)
    before = client.calls_made
    await click_to_audio(tab, heard[0])
    print(
        f"first play of a heard message: {client.calls_made - before} API call(s) "
        "(target: exactly one getVoicemailMessageFile)"
    )
    before = client.calls_made
    await click_to_audio(tab, unheard)
    def heard_now() -> bool:
        shown = tab.model.message_at(tab.model.row_of(unheard.key))
        return shown is not None and shown.listened

    await until(heard_now)
    await asyncio.sleep(0.2)
    print(
        f"first play of an unheard message: {client.calls_made - before} API calls "
        "(the recording + mark as heard)"
    )

    for message in heard[1:]:
        await tab.service.audio_for(message)  # warm the cache
    before = client.calls_made
    timings = [await click_to_audio(tab, m) for m in heard[1:]]
    print(
        f"click-to-audio on a cached message: median {statistics.median(timings):.0f} ms, "
        f"max {max(timings):.0f} ms over {len(timings)} clicks (target < 150 ms); "
        f"API calls meanwhile: {client.calls_made - before}"
    )
    tab.player.stop()


def main() -> int:
    app = create_qapplication()  # the app's one place for the PySide6 fix
    assert isinstance(app, QApplication)
    with tab_bench("voicemail") as bench:
        tab = create_tab(bench.ctx)
        assert isinstance(tab, VoicemailTab)
        tab.resize(1280, 800)
        tab.show()
        bench.loop.run_until_complete(run(tab, bench.client, StallMeter()))
        tab.shutdown()
        tab.player.clear()
    return 0

if __name__ == "__main__":
    sys.exit(main())
