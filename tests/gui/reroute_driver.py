"""``python -m tests.gui.reroute_driver <app arguments> --driver-reroute NUMBER,ROUTING``:
the real app (``app.__main__.main``), which, once its Numbers tab lists NUMBER,
selects it and picks ROUTING (``vm:1001``) from the reroute menu, as a user does.

For the real-process test of a change cut off by a kill
(tests/gui/test_numbers_process.py): the app itself has no such option.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from app.__main__ import main
from app.domain.routing import Route
from app.ui import main_window

log = logging.getLogger("reroute_driver")


async def _reroute(window: main_window.MainWindow, number: str, routing: str) -> None:
    from app.ui.tabs.numbers.view import NumbersTab

    while not isinstance(tab := window.tabs.get("numbers"), NumbersTab) or (
            tab.model.row_of(number) < 0):
        await asyncio.sleep(0.05)  # built after the first paint, listed after a refresh
    tab.select_numbers([number])
    tab.menu_builder.route_chosen.emit(Route.parse(routing))
    log.info("driver: reroute chosen")


def run(argv: list[str]) -> int:
    at = argv.index("--driver-reroute")
    number, routing = argv[at + 1].split(",", 1)
    app_args = argv[:at] + argv[at + 2:]
    original = main_window.MainWindow.start
    tasks: list[asyncio.Task[None]] = []

    def start(self: main_window.MainWindow) -> None:
        original(self)
        tasks.append(asyncio.ensure_future(_reroute(self, number, routing)))

    main_window.MainWindow.start = start  # type: ignore[method-assign]
    return main(app_args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
