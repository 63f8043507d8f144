"""The first sync lists the newest conversations as soon as their window is stored,
then fills older history in the background with progress and Cancel (issue #16.2).

The sync talks to the sandbox over real HTTP; a gate holds every call after the
newest window's two (getSMS, getMMS), so the test can look at the tab while the
older windows are provably still being fetched (no sleeps: waits on the tab).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.tabs.messages.tab import MessagesTab
from tests.gui.test_messages_tab import FakeDialogs


class GatedApi:
    """The real API, except that calls after the first ``free`` wait for ``gate``."""

    def __init__(self, api: Any, free: int) -> None:
        self.api = api
        self.free = free
        self.gate = asyncio.Event()
        self.waiting = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)

    async def get_sms(self, *args: Any, **kwargs: Any) -> Any:
        return await self._gated(self.api.get_sms, *args, **kwargs)

    async def get_mms(self, *args: Any, **kwargs: Any) -> Any:
        return await self._gated(self.api.get_mms, *args, **kwargs)

    async def _gated(self, fetch: Callable[..., Awaitable[Any]], *args: Any,
                     **kwargs: Any) -> Any:
        if self.free > 0:
            self.free -= 1
        else:
            self.waiting += 1
            await self.gate.wait()
            self.waiting -= 1
        return await fetch(*args, **kwargs)


def _tab(app_context: Any, qtbot: QtBot) -> tuple[MessagesTab, GatedApi]:
    app_context.settings.messages_backfill_days = 365
    tab = MessagesTab(app_context, dialogs=FakeDialogs())
    qtbot.addWidget(tab)
    tab.show()
    gated = GatedApi(tab.service.engine.api, free=2)  # the newest window: SMS + MMS
    tab.service.engine.api = gated
    return tab, gated


def test_the_newest_window_is_listed_while_older_ones_are_fetched(
    app_context: Any, qtbot: QtBot, arun: Any,
) -> None:
    tab, gated = _tab(app_context, qtbot)
    tab.load_cached()
    assert tab.conversations.rowCount() == 0  # first start: nothing cached
    refresh = asyncio.ensure_future(tab.refresh())

    qtbot.waitUntil(lambda: tab.conversations.rowCount() > 0, timeout=20_000)
    # Listed while the sync still waits for the older windows: not at its end.
    assert gated.waiting == 1
    assert not refresh.done()
    assert tab.sync_panel.isVisible() and tab.cancel_button.isEnabled()
    assert tab.left.list_stack.currentIndex() == 1  # the list, not "No conversations yet"
    early = tab.conversations.rowCount()

    gated.gate.set()
    qtbot.waitUntil(refresh.done, timeout=30_000)
    refresh.result()
    assert tab.conversations.rowCount() >= early
    assert not tab.sync_panel.isVisible()
    tab.shutdown()


def test_cancel_keeps_the_newest_window_listed(
    app_context: Any, qtbot: QtBot, arun: Any,
) -> None:
    tab, gated = _tab(app_context, qtbot)
    refresh = asyncio.ensure_future(tab.refresh())
    qtbot.waitUntil(lambda: tab.conversations.rowCount() > 0 and gated.waiting == 1,
                    timeout=20_000)
    listed = tab.conversations.rowCount()
    with qtbot.waitSignal(tab.status_message, timeout=10_000) as said:
        tab.cancel_button.click()
    assert said.args == ["Message sync cancelled; what was fetched is kept."]
    qtbot.waitUntil(refresh.done, timeout=10_000)
    assert tab.conversations.rowCount() == listed
    assert not tab.sync_panel.isVisible()
    tab.shutdown()
