"""The client's transport handling against httpx.MockTransport (a fake server).

The integration tier repeats the important cases over real HTTP against the
sandbox; these cover the corner cases exactly and instantly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app import USER_AGENT
from app.api.client import DEFAULT_URL, VoipMsClient
from app.api.errors import (
    AuthError,
    InvalidInput,
    ParameterError,
    RateLimited,
    StatusError,
    TransportError,
)
from app.api.retry import RetryPolicy

PASSWORD = "s3cr&t pass"
Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """Fake server: answers from a list (last one repeats), records requests."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def make_client(server: Recorder, slept: list[float] | None = None) -> VoipMsClient:
    async def fake_sleep(seconds: float) -> None:
        if slept is not None:
            slept.append(seconds)

    return VoipMsClient(
        "owner@example.com",
        PASSWORD,
        transport=httpx.MockTransport(server),
        min_interval=0,
        retry=RetryPolicy(jitter=lambda d: 0.0),
        sleep=fake_sleep,
    )


def run(client: VoipMsClient, method: str, **params: Any) -> dict[str, Any]:
    async def go() -> dict[str, Any]:
        try:
            return await client.call(method, **params)
        finally:
            await client.aclose()

    return asyncio.run(go())


def ok(**data: Any) -> httpx.Response:
    return httpx.Response(200, json={"status": "success", **data})


def test_small_call_is_a_get_with_credentials_and_user_agent() -> None:
    server = Recorder(ok(ip="1.2.3.4"))
    assert run(make_client(server), "getSMS", from_="2024-01-01", did=None, limit=5) == {
        "status": "success",
        "ip": "1.2.3.4",
    }
    request = server.requests[0]
    assert request.method == "GET"
    assert str(request.url).startswith(DEFAULT_URL + "?")
    assert request.url.params["method"] == "getSMS"
    assert request.url.params["from"] == "2024-01-01"
    assert "did" not in request.url.params
    assert request.url.params["api_password"] == PASSWORD
    assert request.headers["user-agent"] == USER_AGENT


def test_base64_and_long_calls_are_multipart_posts() -> None:
    server = Recorder(ok(mms=5))
    client = make_client(server)
    run(client, "sendMMS", did="5551234567", dst="5557654321", message="hi", media1="QUJD")
    request = server.requests[0]
    assert request.method == "POST"
    assert request.headers["content-type"].startswith("multipart/form-data")
    assert request.url.query == b""  # the password is in the body, not the URL
    body = request.content.decode()
    assert 'name="method"' in body and "sendMMS" in body and "QUJD" in body

    server = Recorder(ok(sms=1))
    run(make_client(server), "sendSMS", did="1", dst="2", message="x" * 2000)
    assert server.requests[0].method == "POST"


def test_booleans_are_sent_as_1_and_0() -> None:
    server = Recorder(ok())
    run(make_client(server), "getBalance", advanced=True)
    assert server.requests[0].url.params["advanced"] == "1"


def test_parameter_error_sends_nothing() -> None:
    server = Recorder(ok())
    client = make_client(server)
    with pytest.raises(ParameterError):
        run(client, "sendSMS", did="1", dst="2")
    assert client.calls_made == 0 and server.requests == []


@pytest.mark.parametrize(
    ("response", "status"),
    [
        (httpx.Response(200, text="<html><body>Just a moment...</body></html>"), 200),
        (httpx.Response(522, text="error code: 522"), 522),
        (httpx.Response(200, text=""), 200),
        (httpx.Response(200, text='{"status": "success", "sms": [{"id": 1'), 200),
        (httpx.Response(200, json=["not", "an", "object"]), 200),
        (httpx.Response(200, text="<soap:Fault>oops</soap:Fault>"), 200),
        (httpx.Response(404, text="not found"), 404),
    ],
)
def test_unusable_bodies_are_transport_errors(response: httpx.Response, status: int) -> None:
    server = Recorder(response)
    with pytest.raises(TransportError) as info:
        run(make_client(server), "sendSMS", did="1", dst="2", message="m")
    assert info.value.http_status == status
    assert info.value.body_head == response.text[:200]
    assert len(server.requests) == 1  # a send is never retried


def test_redirect_is_not_followed() -> None:
    server = Recorder(httpx.Response(301, headers={"location": "https://voip.ms/api/v1/rest.php"}))
    with pytest.raises(TransportError) as info:
        run(make_client(server), "getIP")
    assert info.value.kind == "redirect"
    assert "redirect" in info.value.message and DEFAULT_URL in info.value.message
    assert len(server.requests) == 1


def test_empty_list_status_becomes_an_empty_list() -> None:
    server = Recorder(httpx.Response(200, json={"status": "no_sms"}))
    assert run(make_client(server), "getSMS") == {"status": "success", "sms": []}
    server = Recorder(httpx.Response(200, json={"status": "no_message"}))
    assert run(make_client(server), "getFaxMessages") == {"status": "success", "faxes": []}


@pytest.mark.parametrize(
    ("status", "method", "key"),
    [
        ("no_mms", "getMMS", "sms"),
        ("no_subaccount", "getSubAccounts", "accounts"),
        ("no_transactions", "getTransactionHistory", "transactions"),
        ("no_phonebook_group", "getPhonebookGroups", "phonebooks"),
    ],
)
def test_live_empty_statuses_the_reference_forgets_are_empty_lists(
    status: str, method: str, key: str
) -> None:
    """API-NOTES.md: live accounts answer empty lists with these; none is a failure."""
    from app.api.catalog import CATALOG

    assert key in CATALOG[method].list_keys
    server = Recorder(httpx.Response(200, json={"status": status}))
    params = {"date_from": "2026-01-01", "date_to": "2026-01-31"} if (
        method == "getTransactionHistory") else {}
    assert run(make_client(server), method, **params)[key] == []


def test_an_unknown_no_status_on_a_list_read_is_empty_and_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = Recorder(httpx.Response(200, json={"status": "no_vpri_members"}))
    client = make_client(server)

    async def twice() -> list[dict[str, Any]]:
        try:
            return [await client.call("getSMS"), await client.call("getSMS")]
        finally:
            await client.aclose()

    with caplog.at_level(logging.WARNING, logger="app.api.client"):
        assert asyncio.run(twice()) == [{"status": "success", "sms": []}] * 2
    assert sum("no_vpri_members" in r.getMessage() for r in caplog.records) == 1


def test_an_unknown_status_on_a_write_fails_with_its_raw_code() -> None:
    server = Recorder(httpx.Response(200, json={"status": "no_sms_routing"}))
    with pytest.raises(StatusError) as failed:
        run(make_client(server), "sendSMS", did="6175550100", dst="4185550123", message="hi")
    assert "no_sms_routing" in failed.value.message


def test_real_no_status_is_an_error() -> None:
    server = Recorder(httpx.Response(200, json={"status": "no_base64file"}))
    with pytest.raises(InvalidInput):
        run(
            make_client(server),
            "sendFaxMessage",
            to_number="1",
            from_name="a",
            from_number="2",
            file="x",
        )


def test_reads_retry_transient_failures_with_backoff() -> None:
    slept: list[float] = []
    server = Recorder(
        httpx.ConnectError("refused"),
        httpx.Response(503, text="busy"),
        ok(ip="1.2.3.4"),
    )
    client = make_client(server, slept)
    assert run(client, "getIP")["ip"] == "1.2.3.4"
    assert slept == [0.5, 1.0]
    assert client.calls_made == 3


def test_reads_give_up_after_max_attempts() -> None:
    slept: list[float] = []
    server = Recorder(httpx.ReadTimeout("slow"))
    with pytest.raises(TransportError) as info:
        run(make_client(server, slept), "getIP")
    assert info.value.kind == "timeout"
    assert len(server.requests) == 4 and slept == [0.5, 1.0, 2.0]


def test_sends_never_retry_and_say_it_may_have_gone_out() -> None:
    server = Recorder(httpx.ReadTimeout("slow"), ok(sms=1))
    with pytest.raises(TransportError) as info:
        run(make_client(server), "sendSMS", did="1", dst="2", message="m")
    assert len(server.requests) == 1
    assert "may still have gone through" in info.value.message


def test_rate_limit_pauses_the_queue_and_retries_reads() -> None:
    slept: list[float] = []
    server = Recorder(httpx.Response(200, json={"status": "api_limit_exceeded"}), ok(ip="x"))
    client = make_client(server, slept)
    assert run(client, "getIP")["ip"] == "x"
    assert slept == [pytest.approx(60.0, abs=1.0)]


def test_rate_limit_on_a_send_raises_but_still_pauses() -> None:
    slept: list[float] = []
    server = Recorder(httpx.Response(200, json={"status": "api_limit_exceeded"}), ok(ip="x"))
    client = make_client(server, slept)

    async def go() -> None:
        with pytest.raises(RateLimited):
            await client.call("sendSMS", did="1", dst="2", message="m")
        await client.call("getIP")
        await client.aclose()

    asyncio.run(go())
    assert slept == [pytest.approx(60.0, abs=1.0)] and len(server.requests) == 2


def test_password_never_leaks(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"<html>api_password={PASSWORD} {PASSWORD}</html>"
    server = Recorder(
        httpx.ConnectError(f"failed for https://voip.ms/?api_password={PASSWORD}"),
        httpx.Response(500, text=echo),
        httpx.Response(200, json={"status": "invalid_credentials"}),
    )
    client = make_client(server)
    assert PASSWORD not in repr(client)
    errors: list[Exception] = []
    for _ in range(3):
        client.retry = RetryPolicy(max_attempts=1)
        try:
            run(client, "getBalance")
        except Exception as exc:
            errors.append(exc)
        client = make_client(server)
        client.retry = RetryPolicy(max_attempts=1)
    assert [type(e) for e in errors] == [TransportError, TransportError, AuthError]
    for error in errors:
        texts = [
            str(error),
            repr(error),
            getattr(error, "detail", ""),
            getattr(error, "body_head", ""),
        ]
        assert all(PASSWORD not in text for text in texts), texts
        assert error.__cause__ is None
    # httpx logs request URLs at INFO: the filter masks the password.
    assert caplog.records, "expected httpx request log lines"
    for record in caplog.records:
        assert PASSWORD not in record.getMessage()
        assert "s3cr%26t" not in record.getMessage()
