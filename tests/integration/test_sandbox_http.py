"""The sandbox over real HTTP (httpx directly, not our client): transport and auth."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from app.sandbox import SandboxServer


def creds(server: SandboxServer) -> dict[str, str]:
    return {"api_username": server.username, "api_password": server.password}


def post(server: SandboxServer, method: str, **params: str) -> dict[str, Any]:
    response = httpx.post(server.url, data={**creds(server), "method": method, **params})
    assert response.status_code == 200
    return dict(response.json())


def test_get_and_post_and_multipart_are_equivalent(sandbox: SandboxServer) -> None:
    params = {**creds(sandbox), "method": "getDIDsInfo"}
    by_get = httpx.get(sandbox.url, params=params).json()
    by_post = httpx.post(sandbox.url, data=params).json()
    by_multipart = httpx.post(sandbox.url, data=params, files={"unused": (None, "x")}).json()
    assert by_get == by_post == by_multipart
    assert by_get["status"] == "success"


@pytest.mark.parametrize(("params", "expected"), [
    ({"method": "getBalance"}, "missing_credentials"),
    ({"method": "getBalance", "api_username": "owner@maplestreetbakery.example"},
     "missing_credentials"),
    ({"method": "getBalance", "api_username": "owner@maplestreetbakery.example",
      "api_password": "wrong"}, "invalid_credentials"),
    ({"api_username": "owner@maplestreetbakery.example"}, "missing_method"),
])
def test_authentication_statuses(sandbox: SandboxServer, params: dict[str, str],
                                 expected: str) -> None:
    assert httpx.post(sandbox.url, data=params).json()["status"] == expected


def test_unknown_method_and_unknown_params(sandbox: SandboxServer) -> None:
    assert post(sandbox, "getEverything")["status"] == "invalid_method"
    # Unknown parameters are ignored, like PHP does.
    assert post(sandbox, "getBalance", colour="blue")["status"] == "success"


def test_get_ip_works_without_credentials_and_when_ip_not_enabled(sandbox: SandboxServer) -> None:
    sandbox.state.ip_enabled = False
    assert httpx.get(sandbox.url, params={"method": "getIP"}).json() == {
        "status": "success", "ip": "127.0.0.1"}
    assert post(sandbox, "getBalance")["status"] == "ip_not_enabled"


def test_json_is_escaped_like_php(sandbox: SandboxServer) -> None:
    sandbox.state.live_quirks.discard("mms_entities")  # plain text, as getSMS has it
    sandbox.state.deliver_mms("6175550100", "6175550142", "Merci 🎂", ["storefront.jpg"])
    raw = httpx.post(sandbox.url, data={**creds(sandbox), "method": "getMMS"}).text
    assert raw.isascii()
    assert "\\ud83c\\udf82" in raw  # \uXXXX escapes, not raw UTF-8
    assert "http:\\/\\/127.0.0.1" in raw  # escaped slashes


def test_request_log_never_holds_the_password(sandbox: SandboxServer) -> None:
    post(sandbox, "getBalance", advanced="1")
    httpx.get(sandbox.url, params={**creds(sandbox), "method": "getDIDsInfo"})
    log = sandbox.request_log
    assert [(e.method, e.verb) for e in log] == [("getBalance", "POST"), ("getDIDsInfo", "GET")]
    assert log[0].params["advanced"] == "1" and log[0].status == "success"
    assert sandbox.password not in repr(log)
    sandbox.clear_log()
    assert sandbox.request_log == []


def test_reset_restores_the_seeded_state(sandbox: SandboxServer) -> None:
    before = post(sandbox, "getDIDsInfo")
    assert post(sandbox, "setDIDRouting", did="6175550100", routing="vm:1002")["status"] == \
        "success"
    assert post(sandbox, "getDIDsInfo") != before
    sandbox.reset()
    assert post(sandbox, "getDIDsInfo") == before


def test_mms_media_is_served_and_fresh_uploads_404_for_a_moment(sandbox: SandboxServer) -> None:
    media_id = str(next(m.id for m in sandbox.state.mms if m.media))
    media = post(sandbox, "getMediaMMS", id=media_id)["media"]
    assert isinstance(media, dict) and set(media) == {"0", "1", "2"}
    as_array = post(sandbox, "getMediaMMS", id=media_id, media_as_array="1")["media"]
    assert isinstance(as_array, list)
    link = next(u for u in as_array if u)
    url = link if link.startswith("http") else f"http://127.0.0.1:{sandbox.port}{link}"
    picture = httpx.get(url)
    assert picture.status_code == 200 and picture.headers["content-type"].startswith("image/")

    sandbox.state.media_delay_seconds = 60.0  # a fresh upload stays unavailable
    png = base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode()
    sent = httpx.post(sandbox.url, data={**creds(sandbox), "method": "sendMMS",
                                         "did": "6175550100", "dst": "6175550142",
                                         "message": "photo"},
                      files={"media1": (None, png)}).json()
    assert isinstance(sent["mms"], int)
    fresh = post(sandbox, "getMediaMMS", id=str(sent["mms"]), media_as_array="1")["media"][0]
    assert httpx.get(fresh).status_code == 404
    token = fresh.rsplit("/", 1)[-1].split(".")[0]
    sandbox.state.media[token].ready_at = 0.0
    assert httpx.get(fresh).content == b"\x89PNG\r\n\x1a\nfake"


def test_fax_send_creates_a_sent_row_with_the_same_pdf(sandbox: SandboxServer) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<</Type /Page>>endobj\n%%EOF\n"
    answer = httpx.post(sandbox.url, data={
        **creds(sandbox), "method": "sendFaxMessage", "to_number": "8005550111",
        "from_name": "Maple St", "from_number": "6175550133"},
        files={"file": (None, base64.b64encode(pdf).decode())}).json()
    assert answer == {"status": "success"}
    sent = post(sandbox, "getFaxMessages", folder="SENT")["faxes"]
    newest = sent[0]
    assert newest["destination"] == "8005550111"
    data = post(sandbox, "getFaxMessagePDF", id=str(newest["id"]))["message_base64"]
    assert base64.b64decode(data) == pdf


def test_long_get_urls_are_refused(sandbox: SandboxServer) -> None:
    response = httpx.get(sandbox.url, params={**creds(sandbox), "method": "sendMMS",
                                              "media1": "A" * 20000})
    assert response.status_code == 414


def test_base64_media_by_get_is_limited_to_512_characters(sandbox: SandboxServer) -> None:
    media = base64.b64encode(b"\x89PNG" + b"x" * 600).decode()
    params = {**creds(sandbox), "method": "sendMMS", "did": "6175550100", "dst": "6175550142",
              "message": "pic", "media1": media}
    assert httpx.get(sandbox.url, params=params).json()["status"] == "exceeds_file_size"
    assert httpx.post(sandbox.url, data=params).json()["status"] == "success"


def test_requests_without_user_agent_are_blocked(sandbox: SandboxServer) -> None:
    data = {**creds(sandbox), "method": "getBalance"}
    blocked = httpx.post(sandbox.url, data=data, headers={"User-Agent": ""})
    assert blocked.status_code == 403 and blocked.text.startswith("<html>")
    allowed = httpx.post(sandbox.url, data=data, headers={"User-Agent": "Switchboard/test"})
    assert allowed.json()["status"] == "success"
    assert sandbox.request_log[-1].headers["user-agent"] == "Switchboard/test"
