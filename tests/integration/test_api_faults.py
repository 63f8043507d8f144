"""Every fault kind of the sandbox, through the real client over real HTTP.

The client here is built with an injected ``sleep`` that records instead of
waiting and a jitter-free retry policy, so backoff and rate-limit pauses are
asserted exactly without slowing the suite.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from app.api.client import VoipMsClient
from app.api.errors import ApiError, AuthError, RateLimited, TransportError
from app.api.retry import RetryPolicy
from app.api.typed import Api
from app.sandbox import SandboxServer
from tests.integration.test_api_typed import _settled_log, calls  # noqa: F401 (autouse fixture)


class Slept(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def slept() -> Slept:
    return Slept()


@pytest.fixture
def fast_client(
    sandbox: SandboxServer, slept: Slept, event_loop: asyncio.AbstractEventLoop
) -> Iterator[VoipMsClient]:
    client = VoipMsClient(
        sandbox.username,
        sandbox.password,
        base_url=sandbox.url,
        timeout=0.5,
        min_interval=0,
        retry=RetryPolicy(jitter=lambda delay: 0.0),
        sleep=slept,
    )
    yield client
    event_loop.run_until_complete(client.aclose())


def sms_did(sandbox: SandboxServer) -> str:
    return next(n for n, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


@pytest.mark.parametrize(
    ("kind", "http_status", "body_start"),
    [
        ("http_500", 500, "<html>"),
        ("http_503", 503, "<html>"),
        ("html_body", 200, "<!DOCTYPE html>"),
        ("plain_text_522", 522, "error code: 522"),
        ("soap_fault", 500, "<?xml"),
        ("empty_body", 200, ""),
        ("truncated_json", 200, '{"status":"success"'),
    ],
)
def test_bad_answers_are_retried_for_reads(
    kind: str,
    http_status: int,
    body_start: str,
    fast_client: VoipMsClient,
    sandbox: SandboxServer,
    slept: Slept,
    run: Any,
) -> None:
    sandbox.faults.inject(kind, count=2, methods="getBalance")
    balance = run(Api(fast_client).get_balance())
    assert balance.current > 0
    assert slept == [0.5, 1.0]
    assert len(calls(sandbox, "getBalance", 3)) == 3

    sandbox.faults.inject(kind, count=9, methods="getBalance")
    with pytest.raises(TransportError) as info:
        run(fast_client.call("getBalance"))
    assert info.value.http_status == http_status
    assert info.value.body_head.startswith(body_start)
    assert len(info.value.body_head.encode()) <= 200 + 3
    assert info.value.message  # a sentence for the user


@pytest.mark.parametrize("kind", ["http_503", "plain_text_522", "truncated_json", "empty_body"])
def test_sends_are_never_retried(
    kind: str, fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject(kind, count=1, methods="sendSMS")
    before = len(sandbox.state.sms)
    with pytest.raises(TransportError):
        run(Api(fast_client).send_sms(sms_did(sandbox), "6175550142", "Hello"))
    assert slept == []
    assert len(calls(sandbox, "sendSMS")) == 1
    # truncated/empty answers come after the send ran: the SMS went out once.
    ran = kind in {"truncated_json", "empty_body"}
    assert len(sandbox.state.sms) == before + (1 if ran else 0)


def test_timeout_on_a_read_is_retried(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("timeout", count=1, methods="getIP", delay=1.0)
    assert run(Api(fast_client).get_ip()) == "127.0.0.1"
    assert slept == [0.5]
    # The server answers the timed-out request late: let it land in this test's log.
    assert len(calls(sandbox, "getIP", 2)) == 2


def test_timeout_on_a_send_says_it_may_have_gone_out(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("timeout", count=1, methods="sendSMS", delay=1.0)
    with pytest.raises(TransportError) as info:
        run(Api(fast_client).send_sms(sms_did(sandbox), "6175550142", "Hello"))
    assert info.value.kind == "timeout"
    assert "may still have gone through" in info.value.message
    assert slept == []
    # The send ran server-side after all (reconcile, never resend), once.
    assert len(calls(sandbox, "sendSMS")) == 1


def test_slow_answers_arrive(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("slow", count=1, methods="getIP", delay=0.2)
    assert run(Api(fast_client).get_ip()) == "127.0.0.1"
    assert slept == []


def test_disconnect_is_a_network_error_and_reads_retry(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("disconnect", count=1, methods="getIP")
    assert run(Api(fast_client).get_ip()) == "127.0.0.1"
    assert slept == [0.5]
    sandbox.faults.inject("disconnect", count=1, methods="sendSMS")
    with pytest.raises(TransportError) as info:
        run(Api(fast_client).send_sms(sms_did(sandbox), "6175550142", "Hello"))
    assert info.value.kind == "network"


def test_redirect_is_reported_not_followed(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("redirect", count=1, methods="sendSMS")
    with pytest.raises(TransportError) as info:
        run(Api(fast_client).send_sms(sms_did(sandbox), "6175550142", "Hello"))
    assert info.value.kind == "redirect" and info.value.http_status == 301
    assert "https://voip.ms/api/v1/rest.php" in info.value.message
    # Nothing followed the Location header: a followed GET would repeat the
    # send, a followed POST would arrive without its method.
    assert len(calls(sandbox, "sendSMS")) == 1
    assert sandbox.calls("") == []


def test_rate_limit_pauses_then_retries_reads(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("rate_limit", count=1, methods="getDIDsInfo")
    dids = run(Api(fast_client).get_dids())
    assert dids
    assert slept == [pytest.approx(60.0, abs=1.0)]


def test_rate_limit_on_a_send_raises_and_pauses_the_queue(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("rate_limit", count=1, methods="sendSMS")
    api = Api(fast_client)
    with pytest.raises(RateLimited) as info:
        run(api.send_sms(sms_did(sandbox), "6175550142", "Hello"))
    assert "minute" in info.value.message
    assert slept == []
    # The next call of any kind waits the pause out first.
    assert run(api.get_ip()) == "127.0.0.1"
    assert slept == [pytest.approx(60.0, abs=1.0)]


def test_reads_give_up_after_repeated_rate_limits(
    fast_client: VoipMsClient, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    sandbox.faults.inject("rate_limit", count=5, methods="getIP")
    with pytest.raises(RateLimited):
        run(fast_client.call("getIP"))
    assert len(calls(sandbox, "getIP", 3)) == 3


@pytest.mark.parametrize(
    ("setup", "status"),
    [
        ("wrong_password", "invalid_credentials"),
        ("no_password", "missing_credentials"),
        ("ip", "ip_not_enabled"),
        ("api", "api_not_enabled"),
    ],
)
def test_access_problems_are_auth_errors(
    setup: str, status: str, sandbox: SandboxServer, slept: Slept, run: Any
) -> None:
    password = {"wrong_password": "wrong", "no_password": ""}.get(setup, sandbox.password)
    if setup == "ip":
        sandbox.state.ip_enabled = False
    if setup == "api":
        sandbox.state.api_enabled = False
    client = VoipMsClient(
        sandbox.username, password, base_url=sandbox.url, min_interval=0, sleep=slept
    )

    async def go() -> None:
        try:
            with pytest.raises(AuthError) as info:
                await Api(client).get_balance()
            assert info.value.status == status
            assert "VoIP.ms" in info.value.message or "API" in info.value.message
            # getIP works from any address: the set-up screen can show which to whitelist.
            assert await Api(client).get_ip() == "127.0.0.1"
        finally:
            await client.aclose()

    run(go())
    assert slept == []  # auth errors are not retried


def test_password_stays_out_of_errors_and_logs(
    sandbox: SandboxServer, caplog: pytest.LogCaptureFixture, slept: Slept, run: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    # The app's log setup (run by other tests in this process) quiets httpx to
    # WARNING; this test wants its request lines to prove the masking.
    caplog.set_level(logging.DEBUG, logger="httpx")
    client = VoipMsClient(
        sandbox.username, sandbox.password, base_url=sandbox.url, min_interval=0, sleep=slept
    )
    errors: list[ApiError] = []

    async def go() -> None:
        try:
            for kind in ("http_500", "redirect", "truncated_json", "disconnect"):
                sandbox.faults.inject(kind, count=1, methods="sendSMS")
                try:
                    await client.call(
                        "sendSMS", did=sms_did(sandbox), dst="6175550142", message="Hi"
                    )
                except ApiError as exc:
                    errors.append(exc)
        finally:
            await client.aclose()

    run(go())
    assert len(errors) == 4
    assert sandbox.password not in repr(client)
    for error in errors:
        for text in (str(error), repr(error), error.detail, getattr(error, "body_head", "")):
            assert sandbox.password not in text
    messages = [record.getMessage() for record in caplog.records]
    # httpx logs each request URL (GET: credentials in the query): masked.
    assert any("api_password=***" in message for message in messages)
    assert all(sandbox.password not in message for message in messages)
