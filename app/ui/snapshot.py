"""``--snapshot DIR``: wait for every tab's first load, save one PNG per tab.

Exit code 0 when every load succeeded, 1 otherwise; each failure is one line on
stderr (``<tab>: <reason>``), never a traceback.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path

from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


async def wait_for_initial_load(window: MainWindow, timeout: float) -> dict[str, str | None]:
    loop = asyncio.get_running_loop()
    done: asyncio.Future[dict[str, str | None]] = loop.create_future()

    def _finished(results: object) -> None:
        if not done.done() and isinstance(results, dict):
            done.set_result(results)

    window.initial_load_finished.connect(_finished)
    window.start()
    try:
        return await asyncio.wait_for(done, timeout)
    except TimeoutError:
        finished = dict(window.load_errors)
        return {
            key: finished.get(key, f"did not finish loading within {timeout:.0f} s")
            for key in window.tabs
        }


async def settle(rounds: int = 5) -> None:
    """Let layouts, deferred paints and small async renders finish.

    Sleeping hands control back to Qt's loop, which does the work. Calling
    ``processEvents()`` here instead would run other asyncio callbacks inside
    this task's step (qasync dispatches them as Qt events): "Cannot enter into task".
    """
    for _ in range(rounds):
        await asyncio.sleep(0.02)


async def take_snapshots(window: MainWindow, directory: Path, *, timeout: float) -> int:
    results = await wait_for_initial_load(window, timeout)
    directory.mkdir(parents=True, exist_ok=True)
    for key in window.tabs:
        window.show_tab(key)
        await settle()
        path = directory / f"{key}.png"
        if not window.grab().save(str(path)):
            results[key] = results.get(key) or f"could not write {path}"
    failed = {key: error for key, error in results.items() if error}
    for key, error in failed.items():
        print(f"{key}: {' '.join(str(error).split())}", file=sys.stderr)
    log.info("Snapshot written to %s; %d failed", directory, len(failed))
    return 1 if failed else 0
