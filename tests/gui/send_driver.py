"""``python -m tests.gui.send_driver <app arguments> --driver-send DID,CONTACT,TEXT``:
the real app (``app.__main__.main``), which, once its window has started, opens
the conversation with CONTACT and sends TEXT by clicking the real Send button.

For the real-process tests of interrupted sends (tests/gui/test_send_process.py):
the app itself has no such option; this only drives its widgets like a user.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from app.__main__ import main
from app.ui import main_window

log = logging.getLogger("send_driver")


async def _send(window: main_window.MainWindow, did: str, contact: str, text: str) -> None:
    while "messages" not in window.tabs:
        await asyncio.sleep(0.05)  # the tab is built after the first paint
    from app.ui.tabs.messages.tab import MessagesTab

    tab = window.tabs["messages"]
    assert isinstance(tab, MessagesTab)
    await tab.open_conversation(did, contact)
    tab.pane.compose.text.setPlainText(text)
    tab.pane.compose.send_button.click()
    log.info("driver: Send clicked")


def run(argv: list[str]) -> int:
    at = argv.index("--driver-send")
    did, contact, text = argv[at + 1].split(",", 2)
    app_args = argv[:at] + argv[at + 2:]
    original = main_window.MainWindow.start
    tasks: list[asyncio.Task[None]] = []

    def start(self: main_window.MainWindow) -> None:
        original(self)
        tasks.append(asyncio.ensure_future(_send(self, did, contact, text)))

    main_window.MainWindow.start = start  # type: ignore[method-assign]
    return main(app_args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
