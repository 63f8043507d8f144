"""Injected faults over real HTTP: what a client of the sandbox actually sees."""

from __future__ import annotations

import json

import httpx
import pytest

from app.sandbox import SandboxServer


def _data(server: SandboxServer, method: str, **params: str) -> dict[str, str]:
    return {"api_username": server.username, "api_password": server.password,
            "method": method, **params}


def test_rate_limit_answers_a_status_and_does_not_run_the_call(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("rate_limit", methods="sendSMS")
    data = _data(sandbox, "sendSMS", did="6175550100", dst="6175550142", message="hello")
    first = httpx.post(sandbox.url, data=data)
    assert first.status_code == 200 and first.json() == {"status": "api_limit_exceeded"}
    assert not any(m.message == "hello" for m in sandbox.state.sms)
    assert httpx.post(sandbox.url, data=data).json()["status"] == "success"


@pytest.mark.parametrize(("kind", "code", "head"), [
    ("http_500", 500, b"<html>"),
    ("http_503", 503, b"<html>"),
    ("html_body", 200, b"<!DOCTYPE html>"),
    ("plain_text_522", 522, b"error code: 522"),
    ("soap_fault", 500, b"<?xml"),
])
def test_transport_faults(sandbox: SandboxServer, kind: str, code: int, head: bytes) -> None:
    sandbox.faults.inject(kind)
    response = httpx.post(sandbox.url, data=_data(sandbox, "getBalance"))
    assert response.status_code == code
    assert response.content.startswith(head)
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)
    # Consumed: the next call is normal.
    assert httpx.post(sandbox.url, data=_data(sandbox, "getBalance")).json()["status"] == \
        "success"


def test_faults_only_hit_the_named_methods_and_count_down(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("http_503", count=2, methods=["getSMS"])
    assert httpx.post(sandbox.url, data=_data(sandbox, "getBalance")).status_code == 200
    codes = [httpx.post(sandbox.url, data=_data(sandbox, "getSMS")).status_code
             for _ in range(3)]
    assert codes == [503, 503, 200]


def test_truncated_and_empty_bodies_still_run_the_call(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("truncated_json", methods="sendSMS")
    sandbox.faults.inject("empty_body", methods="deleteSMS")
    truncated = httpx.post(sandbox.url, data=_data(
        sandbox, "sendSMS", did="6175550100", dst="6175550142", message="went out"))
    assert truncated.status_code == 200 and truncated.text.startswith('{"status"')
    with pytest.raises(json.JSONDecodeError):
        json.loads(truncated.text)
    sent = [m for m in sandbox.state.sms if m.message == "went out"]
    assert len(sent) == 1, "the send happened although the answer was cut"
    empty = httpx.post(sandbox.url, data=_data(sandbox, "deleteSMS", id=str(sent[0].id)))
    assert empty.status_code == 200 and empty.content == b""
    assert not any(m.message == "went out" for m in sandbox.state.sms)


def test_redirect_turns_post_into_get_and_loses_the_method(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("redirect")
    response = httpx.post(sandbox.url, data=_data(sandbox, "getBalance"),
                          follow_redirects=True)
    assert response.history and response.history[0].status_code == 301
    assert "www." in response.history[0].headers["location"]
    assert response.json() == {"status": "missing_method"}


def test_slow_and_timeout(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("slow", delay=0.2)
    assert httpx.post(sandbox.url, data=_data(sandbox, "getBalance")).json()["status"] == \
        "success"
    sandbox.faults.inject("timeout", delay=5.0)
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(sandbox.url, data=_data(sandbox, "getBalance"), timeout=0.3)


def test_disconnect(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("disconnect")
    with pytest.raises(httpx.TransportError):
        httpx.post(sandbox.url, data=_data(sandbox, "getBalance"))


def test_unknown_fault_kind_is_a_test_bug(sandbox: SandboxServer) -> None:
    with pytest.raises(ValueError, match="Unknown fault kind"):
        sandbox.faults.inject("gremlins")


def test_per_minute_rate_limit_when_switched_on(sandbox: SandboxServer) -> None:
    sandbox.state.rate_limit_per_minute = 3
    statuses = [httpx.post(sandbox.url, data=_data(sandbox, "getBalance")).json()["status"]
                for _ in range(4)]
    assert statuses == ["success", "success", "success", "api_limit_exceeded"]
