"""``--snapshot DIR``: wait for every tab's first load, save one PNG per tab.

Exit code 0 when every load succeeded, 1 otherwise; each failure is one line on
stderr (``<tab>: <reason>``), never a traceback. ``DIR/summary.json`` says the
same for a program (the bundle's smoke test, ``packaging/check_bundle.py``):
every tab expected, each one's error (``null``: none), picture and the rows its
lists show.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractItemView, QWidget

from app.ui.main_window import MainWindow
from app.ui.tab_loader import TABS

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
    rows: dict[str, int] = {}
    for key in window.tabs:
        window.show_tab(key)
        # What a user works on, on show: a conversation open, a fax shown, and a
        # routing edit in its own picture (issue #15: the screenshots show them).
        dialogs = await window.tabs[key].showcase() if not results.get(key) else []
        await settle()
        path = directory / f"{key}.png"
        rows[key] = shown_rows(window.tabs[key])
        if not window.grab().save(str(path)):
            results[key] = results.get(key) or f"could not write {path}"
        for name, dialog in dialogs:
            await settle()
            if not dialog.grab().save(str(directory / f"{name}.png")):
                results[key] = results.get(key) or f"could not write {name}.png"
            dialog.close()
    write_summary(directory, results, rows)
    failed = {key: error for key, error in results.items() if error}
    for key, error in failed.items():
        print(f"{key}: {' '.join(str(error).split())}", file=sys.stderr)
    log.info("Snapshot written to %s; %d failed", directory, len(failed))
    return 1 if failed else 0


def shown_rows(tab: QWidget) -> int:
    """Rows in the visible lists and tables of ``tab`` (0: it shows no data)."""
    total = 0
    for view in tab.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and view.isVisibleTo(tab):
            total += model.rowCount(view.rootIndex())
    return total


def write_summary(directory: Path, results: dict[str, str | None], rows: dict[str, int]) -> None:
    """``summary.json``: every tab the app has (``TABS``), shown or not, and how it went."""
    tabs = [
        {
            "key": key,
            "title": title,
            "error": results.get(key, "not shown") if key in rows else "not shown",
            "png": f"{key}.png" if key in rows else None,
            "rows": rows.get(key, 0),
        }
        for key, title in TABS
    ]
    text = json.dumps({"tabs": tabs}, indent=2, ensure_ascii=False)
    (directory / "summary.json").write_text(text + "\n", encoding="utf-8")
