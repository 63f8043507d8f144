"""The connectivity service with the real client over real HTTP (no Qt).

"Network gone" is the sandbox's cable pulled (``app/sandbox/cable.py``: the
port refuses connections and the open ones are cut) or a sandbox that never
answers (the ``timeout`` fault); "back" is the cable plugged in again. The
recovery loop's sleep is handed to the test, which releases it: nothing waits
for real time to order events.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from app.api.client import VoipMsClient
from app.api.errors import AuthError, TransportError, Unreachable
from app.api.retry import RetryPolicy
from app.sandbox import SandboxServer
from app.sandbox.cable import SandboxCable
from app.services.account.session import attach_link
from app.services.connectivity.changes import LinkStatus
from app.services.connectivity.service import ConnectivityService
from app.services.polling import Poller
from tests.integration.test_api_trust import untrusted_tls_server  # noqa: F401  (fixture)


@pytest.fixture
def line(sandbox: SandboxServer) -> Iterator[SandboxCable]:
    cable = SandboxCable(sandbox.port, path=urlsplit(sandbox.url).path)
    yield cable
    cable.close()


class Ticks:
    """The recovery loop's ``sleep``: it waits until the test releases it."""

    def __init__(self) -> None:
        self.asked: list[float] = []
        self.sleeping = asyncio.Event()
        self._wake: asyncio.Future[None] | None = None

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        self._wake = asyncio.get_running_loop().create_future()
        self.sleeping.set()
        await self._wake

    async def next(self) -> None:
        """Wait until the loop sleeps, then wake it (its probe follows)."""
        await self.sleeping.wait()
        self.sleeping.clear()
        assert self._wake is not None
        self._wake.set_result(None)


def make(url: str, **service_options: Any) -> tuple[VoipMsClient, ConnectivityService, Ticks]:
    client = VoipMsClient(
        SandboxServer.__init__.__kwdefaults__["username"],
        SandboxServer.__init__.__kwdefaults__["password"],
        base_url=url,
        min_interval=0,
        retry=RetryPolicy(jitter=lambda d: 0.0),
    )
    ticks = Ticks()
    service = ConnectivityService(client, sleep=ticks, **service_options)
    client.link = service
    return client, service, ticks


def test_offline_after_one_failed_request_then_nothing_but_the_probe(
    line: SandboxCable, run: Any
) -> None:
    async def main() -> None:
        client, service, ticks = make(line.url)
        seen: list[LinkStatus] = []
        service.changed.connect(seen.append)
        try:
            assert await client.call("getDIDsInfo")  # online: answers
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getSMS")
            assert client.calls_made == 2  # the refused request, and no retry
            assert not service.online
            assert seen[-1].online is False
            assert seen[-1].last_contact is not None  # the getDIDsInfo answer
            # Everything else is refused at once, without a request.
            results = await asyncio.gather(
                *(client.call(m) for m in ("getVoicemails", "getSubAccounts", "getBalance")),
                return_exceptions=True,
            )
            assert all(isinstance(r, Unreachable) for r in results)
            assert client.calls_made == 2
            # The recovery loop: one probe per step of the backoff, nothing else.
            await ticks.next()
            await _until(lambda: service.probes == 1 and not service.status.probing)
            assert client.calls_made == 3
            assert not service.online
            await ticks.sleeping.wait()  # the loop backs off further
            assert ticks.asked == [5.0, 10.0]
            assert service.seconds_to_next_probe() == pytest.approx(10.0, abs=1.0)
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_recovers_when_the_network_returns(line: SandboxCable, run: Any) -> None:
    async def main() -> None:
        client, service, ticks = make(line.url)
        restored: list[bool] = []
        service.restored.connect(lambda: restored.append(True))
        try:
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getBalance")
            await ticks.next()  # 5 s: still down
            await _until(lambda: service.probes == 1 and not service.status.probing)
            assert not service.online and not restored
            line.plug()
            await ticks.next()  # 10 s: back
            await _until(lambda: bool(restored))
            assert service.online
            assert ticks.asked == [5.0, 10.0]
            assert service.seconds_to_next_probe() is None
            assert (await client.call("getDIDsInfo"))["status"] == "success"
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_retry_probes_at_once(line: SandboxCable, run: Any) -> None:
    async def main() -> None:
        client, service, _ = make(line.url)
        try:
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getBalance")
            assert await service.check_now() is False
            line.plug()
            assert await service.check_now() is True
            assert service.online
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_server_that_never_answers_turns_offline_without_waiting_out_the_timeout(
    sandbox: SandboxServer, run: Any
) -> None:
    async def main() -> None:
        # The client's own time-out stays long (30 s): the probe decides instead.
        client, service, _ = make(sandbox.url, stall_seconds=0.2, probe_timeout=0.5)
        sandbox.faults.inject("timeout", count=20, delay=10)
        try:
            queued = asyncio.ensure_future(client.call("getVoicemails"))  # waits behind the first
            with pytest.raises(Unreachable):
                await client.call("getDIDsInfo")
            with pytest.raises(Unreachable):
                await queued
            assert not service.online
            assert service.probes == 1
            assert client.calls_made == 2  # the stalled read and the probe
            # Back: nothing given up held on to the call slot.
            sandbox.faults.clear()
            assert await service.check_now() is True
            assert (await client.call("getDIDsInfo"))["status"] == "success"
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_slow_server_is_not_offline(sandbox: SandboxServer, run: Any) -> None:
    async def main() -> None:
        client, service, _ = make(sandbox.url, stall_seconds=0.2, probe_timeout=2.0)
        sandbox.faults.inject("slow", methods="getDIDsInfo", delay=0.8)
        try:
            answer = await client.call("getDIDsInfo")
            assert answer["status"] == "success"
            assert service.online
            # Probed after 0.2 s and 0.6 s of waiting (not every 0.2 s): VoIP.ms answered.
            assert 1 <= service.probes <= 2
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_dropped_connection_is_probed_and_the_read_retried(
    sandbox: SandboxServer, run: Any
) -> None:
    async def main() -> None:
        client, service, _ = make(sandbox.url)
        client._sleep = _no_wait  # the retry's backoff
        sandbox.faults.inject("disconnect", count=1, methods="getDIDsInfo")
        try:
            answer = await client.call("getDIDsInfo")
            assert answer["status"] == "success"
            assert service.online
            assert service.probes == 1
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_wrong_password_is_not_offline(sandbox: SandboxServer, run: Any) -> None:
    async def main() -> None:
        client, service, _ = make(sandbox.url)
        client.set_credentials(sandbox.username, "wrong")
        try:
            with pytest.raises(AuthError):
                await client.call("getDIDsInfo")
            assert service.online
            assert await service.check_now() is True  # the probe was answered (refused)
            assert service.online
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_certificate_failure_is_not_offline(
    untrusted_tls_server: str,  # noqa: F811
    run: Any,
) -> None:
    async def main() -> None:
        client, service, _ = make(untrusted_tls_server)
        try:
            with pytest.raises(TransportError) as failed:
                await client.call("getIP")
            assert failed.value.kind == "certificate"
            assert "certificate" in failed.value.message
            assert service.online
            assert await service.check_now() is True
            assert service.online
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_write_while_offline_probes_first(
    line: SandboxCable, sandbox: SandboxServer, run: Any
) -> None:
    async def main() -> None:
        client, service, _ = make(line.url)
        try:
            did = (await client.call("getDIDsInfo"))["dids"][0]
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getBalance")
            before = client.calls_made
            write = {"did": did["did"], "routing": did["routing"]}
            # Still down: refused after its own probe, so certainly not sent.
            with pytest.raises(Unreachable):
                await client.call("setDIDRouting", **write)
            assert client.calls_made == before + 1  # the probe only
            line.plug()
            sandbox.clear_log()
            # Back: the write's own probe finds VoIP.ms, and the write goes out.
            assert (await client.call("setDIDRouting", **write))["status"] == "success"
            assert service.online
            assert [r.method for r in sandbox.request_log] == ["getBalance", "setDIDRouting"]
        finally:
            service.stop()
            await client.aclose()

    run(main())


def test_a_deferred_client_gets_the_link_when_it_is_built(run: Any) -> None:
    from app.services.account.session import ConnectionOptions, open_api

    api = open_api("me@example.com", "pw", ConnectionOptions(base_url="http://127.0.0.1:9/x"),
                   deferred=True)
    service = ConnectivityService(api.client)
    attach_link(api, service)
    assert not api.built  # attaching did not build the client
    assert api.client.link is service  # the first use builds it, with the link
    run(api.client.aclose())


def test_poller_does_not_repeat_the_offline_state(run: Any) -> None:
    async def main() -> None:
        outcomes: list[BaseException | None] = [Unreachable(), Unreachable(), None]

        async def check() -> None:
            outcome = outcomes.pop(0)
            if outcome is not None:
                raise outcome

        poller = Poller(check, interval_seconds=0, name="test")
        failed: list[str] = []
        recovered: list[bool] = []
        poller.failed.connect(failed.append)
        poller.recovered.connect(lambda: recovered.append(True))
        assert await poller.check_now() is False
        assert await poller.check_now() is False
        assert failed == []  # the window's bar says it once
        assert await poller.check_now() is True
        assert recovered == [True]

    run(main())


async def _no_wait(seconds: float) -> None:
    await asyncio.sleep(0)


async def _until(condition: Any) -> None:
    """Turn the loop until ``condition()`` holds (work in flight on this loop)."""
    async with asyncio.timeout(10):
        while not condition():
            await asyncio.sleep(0.01)


def test_after_stop_no_recovery_loop_is_left_behind(line: SandboxCable, run: Any) -> None:
    async def main() -> None:
        client, service, _ = make(line.url)
        try:
            service.stop()  # the window closed; a refresh still fails afterwards
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getBalance")
            assert not service.online
            assert service.seconds_to_next_probe() is None
            pending = [t for t in asyncio.all_tasks() if t.get_name() == "connectivity-recovery"]
            assert pending == []
        finally:
            await client.aclose()

    run(main())


def test_a_text_sent_while_offline_is_not_sent_and_kept(
    line: SandboxCable, sandbox: SandboxServer, db: Any, run: Any
) -> None:
    """Refused before the wire: "not sent" (never "may have been sent"), the text kept."""
    from app.api.typed import Api
    from app.services.messages.sender import MessageSender, SendFailed
    from app.services.messages.sync import MessageSync
    from app.store.drafts import get_draft
    from app.store.messages_repo import MessagesRepo

    did = next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")

    async def main() -> SendFailed:
        client, service, _ = make(line.url)
        store = MessagesRepo(db)
        api = Api(client)
        sender = MessageSender(api, store, MessageSync(api, store), reconcile_delays=(0.0,))
        try:
            line.pull()
            with pytest.raises(Unreachable):
                await client.call("getBalance")
            with pytest.raises(SendFailed) as failed:
                await sender.send(did, "4185550142", "Your cake is ready")
            return failed.value
        finally:
            service.stop()
            await client.aclose()

    sandbox.clear_log()
    error = run(main())
    assert error.message.startswith("The message was not sent: Can't reach VoIP.ms.")
    assert "kept in the box" in error.message
    assert sandbox.calls("sendSMS") == []
    draft = run(db.run(get_draft, did, "4185550142"))
    assert draft is not None and "Your cake is ready" in str(draft)
