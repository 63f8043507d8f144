"""Run the real demo and play its newest voicemail to the end, then close (a child
process of ``test_quiet_terminal_process.py``; not a test module).

Everything is the app's own start (``python -m app --demo``): logging, Qt's
message handler, the window, the voicemail tab and its player. The only addition
is what a user would do once the window is up: select the first voicemail, play
it (at 4x, so the test is quick), and close the window when it ended.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import app.ui.app as shell
from app.__main__ import main

_first_paint = shell.wait_for_first_paint
_tasks: set[asyncio.Future[None]] = set()


async def _wait(predicate: Any, timeout: float = 30.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("the voicemail never got there")
        await asyncio.sleep(0.05)


async def _play_first_voicemail(window: Any) -> None:
    try:
        await _wait(lambda: "voicemail" in window.tabs
                    and window.tabs["voicemail"].model.rowCount())
        tab = window.tabs["voicemail"]
        ended = asyncio.get_running_loop().create_future()
        tab.player.finished.connect(lambda: ended.done() or ended.set_result(None))
        tab.player.set_speed(4.0)
        tab.table.selectRow(0)
        await tab.play_selected()
        await asyncio.wait_for(ended, 30)
        print("driver: played to the end", flush=True)
    finally:
        window.close()


async def _then_play(window: Any, timeout: float = 1.0) -> None:
    await _first_paint(window, timeout)
    _tasks.add(asyncio.ensure_future(_play_first_voicemail(window)))


if __name__ == "__main__":
    shell.wait_for_first_paint = _then_play  # type: ignore[assignment]
    sys.exit(main(sys.argv[1:]))
