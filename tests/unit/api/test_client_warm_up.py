"""The first request does not import on the loop (issue #16): what httpx imports at
its first request is imported on a thread from the client's creation on, and the
first call waits for that instead of stalling the event loop."""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from app.api import client as client_module
from app.api.client import VoipMsClient


def _answer(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"status": "success", "balance": {"current_balance": "1"}})


def test_the_first_call_waits_for_the_imports_done_on_a_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events: list[str] = []
    release = threading.Event()

    def slow_imports() -> None:
        events.append("imports on " + ("the loop" if threading.current_thread()
                                        is threading.main_thread() else "a thread"))
        release.wait(5)
        events.append("imported")

    def answer(request: httpx.Request) -> httpx.Response:
        events.append("request sent")
        return _answer(request)

    monkeypatch.setattr(client_module, "_import_first_call_modules", slow_imports)

    async def scenario() -> None:
        client = VoipMsClient("owner@example.com", "pw", transport=httpx.MockTransport(answer),
                              min_interval=0)
        call = asyncio.ensure_future(client.call("getBalance"))
        await asyncio.sleep(0.05)
        assert events == ["imports on a thread"]  # the loop turns meanwhile
        release.set()
        await call
        await client.call("getBalance")  # later calls do not wait again
        await client.aclose()

    asyncio.run(scenario())
    assert events == ["imports on a thread", "imported", "request sent", "request sent"]


def test_closing_the_client_during_the_warm_up_is_harmless(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    monkeypatch.setattr(client_module, "_import_first_call_modules", lambda: release.wait(5))

    async def scenario() -> None:
        client = VoipMsClient("owner@example.com", "pw",
                              transport=httpx.MockTransport(_answer), min_interval=0)
        await client.aclose()
        release.set()

    asyncio.run(scenario())


def test_the_modules_named_exist() -> None:
    """A renamed httpx/anyio module would only be logged: this says so in CI."""
    client_module._import_first_call_modules()
    import sys

    assert all(name in sys.modules for name in client_module.FIRST_CALL_MODULES)
