"""Typed helpers over canned answers (httpx.MockTransport fakes the server).

The integration tier runs every helper against the sandbox over real HTTP;
these pin down the request each helper builds and odd answer shapes exactly.
"""

from __future__ import annotations

import asyncio
import base64
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest

from app.api.client import VoipMsClient
from app.api.errors import ParameterError, TransportError
from app.api.typed import Api
from app.domain.models.messages import Direction, MessageKind
from app.domain.routing import Route, RouteKind

BASE = "http://127.0.0.1:1/api/v1/rest.php"


class CannedServer:
    def __init__(self, answers: dict[str, dict[str, Any]]) -> None:
        self.answers = answers
        self.requests: list[dict[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            params = dict(request.url.params)
        else:
            params = {}
            body = request.content.decode()
            for part in body.split("--")[1:]:
                if 'name="' in part:
                    name = part.split('name="', 1)[1].split('"', 1)[0]
                    params[name] = part.split("\r\n\r\n", 1)[1].rsplit("\r\n", 1)[0]
        params.pop("api_password", None)
        params["_verb"] = request.method
        self.requests.append(params)
        return httpx.Response(200, json=self.answers.get(params["method"], {"status": "success"}))


def run_api(server: CannedServer, work: Any) -> Any:
    async def go() -> Any:
        client = VoipMsClient(
            "u@example.com",
            "pw",
            base_url=BASE,
            transport=httpx.MockTransport(server),
            min_interval=0,
        )
        try:
            return await work(Api(client))
        finally:
            await client.aclose()

    return asyncio.run(go())


def test_get_sms_sends_provider_dates_and_all_messages_0() -> None:
    server = CannedServer(
        {
            "getSMS": {
                "status": "success",
                "sms": [
                    {
                        "id": "7",
                        "date": "2024-03-10 01:30:00",
                        "type": "1",
                        "did": "+15551234567",
                        "contact": 15557654321,
                        "message": 'say \\"hi\\"',
                    },
                    {
                        "id": "",
                        "date": "2024-03-10 01:30:00",
                        "type": 0,
                        "did": "1",
                        "contact": "2",
                        "message": "no id",
                    },
                ],
            }
        }
    )
    # 02:00 UTC on the 11th is still the 10th in New York.
    start = datetime(2024, 3, 11, 2, 0, tzinfo=UTC)
    messages = run_api(
        server, lambda api: api.get_sms(start, date(2024, 3, 12), did="+15551234567")
    )
    request = server.requests[0]
    assert request["from"] == "2024-03-10" and request["to"] == "2024-03-12"
    assert request["all_messages"] == "0" and request["did"] == "5551234567"
    assert request["limit"] == "10000"
    assert len(messages) == 1
    message = messages[0]
    assert message.key == (MessageKind.SMS, 7)
    assert message.direction is Direction.RECEIVED
    assert message.did == "5551234567" and message.contact == "5557654321"
    assert message.text == 'say "hi"'
    assert message.date == datetime(2024, 3, 10, 6, 30, tzinfo=UTC)


def test_get_mms_reads_media_from_media_and_columns() -> None:
    server = CannedServer(
        {
            "getMMS": {
                "status": "success",
                "mms": [
                    {
                        "id": 3,
                        "date": "2024-01-01 12:00:00",
                        "type": 0,
                        "did": "5551234567",
                        "contact": "5557654321",
                        "message": "",
                        "media": {"0": "/media/a.jpg"},
                        "col_media1": "",
                        "col_media2": "http://x/b.png",
                    },
                ],
            }
        }
    )
    [message] = run_api(server, lambda api: api.get_mms("2024-01-01", "2024-01-01"))
    assert message.kind is MessageKind.MMS and message.direction is Direction.SENT
    assert message.media == ("http://127.0.0.1:1/media/a.jpg", "http://x/b.png")


def test_send_mms_is_a_post_with_data_uris() -> None:
    png = b"\x89PNG\r\n\x1a\nrest"
    server = CannedServer({"sendMMS": {"status": "success", "mms": "23434"}})
    result = run_api(server, lambda api: api.send_mms("5551234567", "+15557654321", "hi", [png]))
    assert result == 23434
    request = server.requests[0]
    assert request["_verb"] == "POST" and request["dst"] == "5557654321"
    assert request["media1"] == "data:image/png;base64," + base64.b64encode(png).decode()


def test_voicemail_audio_from_bare_object_with_wrapped_base64() -> None:
    audio = b"ID3" + bytes(range(200))
    encoded = base64.b64encode(audio).decode()
    wrapped = "\n".join(encoded[i : i + 60] for i in range(0, len(encoded), 60))
    server = CannedServer(
        {
            "getVoicemailMessageFile": {
                "status": "success",
                "message": {
                    "mailbox": "1001",
                    "folder": "INBOX",
                    "message_num": "1",
                    "data": wrapped,
                },
            }
        }
    )
    assert run_api(server, lambda api: api.get_voicemail_audio("1001", "INBOX", 1)) == audio
    assert server.requests[0]["format"] == "mp3"


def test_voicemail_audio_garbage_is_a_transport_error() -> None:
    server = CannedServer(
        {
            "getVoicemailMessageFile": {
                "status": "success",
                "message": [{"data": "%%% not base64 %%%"}],
            }
        }
    )
    with pytest.raises(TransportError, match="damaged"):
        run_api(server, lambda api: api.get_voicemail_audio("1001", "INBOX", 1))


DID_ROW = {
    "did": "5551234567",
    "description": "Main",
    "routing": "sip:100@example.com:5060",
    "failover_busy": "none:",
    "failover_unreachable": "fwd:1521",
    "failover_noanswer": "vm:101",
    "voicemail": "101",
    "pop": "16",
    "dialtime": "60",
    "cnam": "1",
    "callerid_prefix": "MIA",
    "note": "front desk",
    "billing_type": "2",
    "record_calls": "1",
    "port_out_pin": "1234",
    "transcribe": "0",
    "sms_enabled": "1",
    "next_billing": "2014-08-30",
}


def test_set_did_info_writes_every_required_field_and_keeps_raw_ones() -> None:
    server = CannedServer({"getDIDsInfo": {"status": "success", "dids": [DID_ROW]}})

    async def work(api: Api) -> None:
        did = await api.get_did("+15551234567")
        assert did is not None
        assert did.routing == Route(RouteKind.SIP, "100@example.com:5060")
        assert did.cnam is True and did.sms_enabled is True
        await api.set_did_info(replace(did, routing=Route(RouteKind.VOICEMAIL, "101")))

    run_api(server, work)
    sent = server.requests[-1]
    assert sent["method"] == "setDIDInfo"
    for name in ("did", "routing", "pop", "dialtime", "cnam", "billing_type"):
        assert sent[name]
    assert sent["routing"] == "vm:101" and sent["failover_unreachable"] == "fwd:1521"
    assert sent["cnam"] == "1" and sent["billing_type"] == "2"
    assert sent["record_calls"] == "1" and sent["port_out_pin"] == "1234"
    assert "next_billing" not in sent


def test_set_did_info_never_guesses_billing_type() -> None:
    row = {**DID_ROW, "billing_type": ""}
    server = CannedServer({"getDIDsInfo": {"status": "success", "dids": [row]}})

    async def work(api: Api) -> None:
        [did] = await api.get_dids()
        await api.set_did_info(did)

    with pytest.raises(ParameterError, match="billing_type"):
        run_api(server, work)
    assert [r["method"] for r in server.requests] == ["getDIDsInfo"]


def test_balance_and_lookups() -> None:
    server = CannedServer(
        {
            "getBalance": {
                "status": "success",
                "balance": {"current_balance": "112.19", "calls_today": 5},
            },
            "getTimezones": {
                "status": "success",
                "timezones": [
                    {"value": "US/Pacific-New", "description": "US/Pacific-New"},
                    {"value": "America/New_York", "description": "America/New York"},
                ],
            },
        }
    )
    balance = run_api(server, lambda api: api.get_balance())
    assert balance.current == Decimal("112.19") and balance.calls_today == 5
    assert balance.spent_today is None
    zones = run_api(server, lambda api: api.get_lookup("timezones"))
    assert [z["value"] for z in zones] == ["US/Pacific-New", "America/New_York"]
    with pytest.raises(KeyError):
        run_api(server, lambda api: api.get_lookup("nonsense"))


def test_delete_voicemail_refuses_to_empty_a_mailbox() -> None:
    server = CannedServer({})
    with pytest.raises(ValueError):
        run_api(server, lambda api: api.delete_voicemail("1001", "", 1))
    assert server.requests == []
