"""Every typed helper against the sandbox over real HTTP (no mocks of our code)."""

from __future__ import annotations

import base64
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.api.errors import InvalidInput, NotFound
from app.api.typed import Api
from app.domain.models.messages import Direction, Message, MessageKind
from app.domain.models.voicemail import AudioFormat
from app.domain.routing import Route, RouteKind
from app.sandbox import LoggedRequest, SandboxServer

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type /Catalog /Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type /Pages /Kids [3 0 R] /Count 1>>endobj\n"
    b"3 0 obj<</Type /Page /Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def calls(sandbox: SandboxServer, method: str, count: int = 1) -> list[LoggedRequest]:
    """The sandbox's log of ``method`` calls, once it holds ``count`` of them.

    The sandbox logs a request after writing the answer, so the client can be
    a moment ahead of the log.
    """
    deadline = time.monotonic() + 2.0
    while len(found := sandbox.calls(method)) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return found


def settle_log(sandbox: SandboxServer) -> None:
    """Start from an empty log once the previous test's last entries have landed.

    Otherwise a late entry of the previous test can show up in this one's log.
    """
    last = -1
    deadline = time.monotonic() + 1.0
    while (count := len(sandbox.request_log)) != last and time.monotonic() < deadline:
        last = count
        time.sleep(0.02)
    sandbox.clear_log()


@pytest.fixture(autouse=True)
def _settled_log(sandbox: SandboxServer) -> None:
    settle_log(sandbox)


def window(sandbox: SandboxServer, days: int = 90) -> tuple[date, date]:
    today = sandbox.state.clock.today()
    return today - timedelta(days=days), today


def sms_did(sandbox: SandboxServer) -> str:
    return next(n for n, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


# --- general ----------------------------------------------------------------------


def test_get_ip_and_balance(api: Api, run: Any) -> None:
    assert run(api.get_ip()) == "127.0.0.1"
    balance = run(api.get_balance())
    assert balance.current == Decimal("47.318250")
    assert balance.calls_total is not None and balance.calls_total > 0


# --- messages ---------------------------------------------------------------------


def test_get_sms_history(api: Api, sandbox: SandboxServer, run: Any) -> None:
    start, end = window(sandbox)
    messages: list[Message] = run(api.get_sms(start, end))
    assert messages and all(m.kind is MessageKind.SMS for m in messages)
    assert len({m.id for m in messages}) == len(messages)
    assert {Direction.SENT, Direction.RECEIVED} <= {m.direction for m in messages}
    assert all(m.date.tzinfo is UTC for m in messages)
    assert all(len(m.did) == 10 and m.contact for m in messages)
    [logged] = calls(sandbox, "getSMS")
    assert logged.params["all_messages"] == "0" and logged.params["limit"] == "10000"
    assert logged.params["from"] == start.isoformat() and logged.verb == "GET"


def test_get_sms_for_one_contact(api: Api, sandbox: SandboxServer, run: Any) -> None:
    start, end = window(sandbox)
    everything = run(api.get_sms(start, end))
    contact = everything[0].contact
    mine = run(api.get_sms(start, end, contact=contact))
    assert mine and {m.contact for m in mine} == {contact}


def test_get_mms_and_media(api: Api, sandbox: SandboxServer, run: Any) -> None:
    start, end = window(sandbox)
    mms = run(api.get_mms(start, end))
    assert mms and all(m.kind is MessageKind.MMS for m in mms)
    with_media = [m for m in mms if m.media]
    assert with_media
    assert all(url.startswith(sandbox.base_url) for m in with_media for url in m.media)
    links = run(api.get_media_mms(with_media[0].id))
    assert links == list(with_media[0].media)


def test_send_sms_then_it_is_in_history(api: Api, sandbox: SandboxServer, run: Any) -> None:
    did = sms_did(sandbox)
    new_id = run(api.send_sms(did, "+1 (617) 555-0142", "Your order is ready"))
    assert isinstance(new_id, int) and new_id > 0
    today = sandbox.state.clock.today()
    sent = [m for m in run(api.get_sms(today, today, did=did)) if m.id == new_id]
    assert sent and sent[0].direction is Direction.SENT
    assert sent[0].contact == "6175550142" and sent[0].text == "Your order is ready"


def test_send_mms_with_media_is_a_multipart_post(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    did = sms_did(sandbox)
    new_id = run(api.send_mms(did, "6175550142", "Cake photo", [PNG]))
    assert new_id > 0
    [logged] = calls(sandbox, "sendMMS")
    assert logged.verb == "POST"
    assert logged.params["media1"].startswith("data:image/png;base64,")
    row = next(r for r in sandbox.state.mms if r.id == new_id)
    assert sandbox.state.media[row.media[0]].data == PNG


def test_delete_sms_and_mms(api: Api, sandbox: SandboxServer, run: Any) -> None:
    sms_id = sandbox.state.sms[0].id
    mms_id = sandbox.state.mms[0].id
    run(api.delete_sms(sms_id))
    run(api.delete_mms(mms_id))
    assert all(r.id != sms_id for r in sandbox.state.sms)
    assert all(r.id != mms_id for r in sandbox.state.mms)
    with pytest.raises(NotFound):
        run(api.delete_sms(sms_id))


def test_send_sms_rejections_are_readable(api: Api, sandbox: SandboxServer, run: Any) -> None:
    did = sms_did(sandbox)
    with pytest.raises(InvalidInput) as too_long:
        run(api.send_sms(did, "6175550142", "é" * 100))
    assert too_long.value.status == "sms_toolong" and "160" in too_long.value.message
    with pytest.raises(InvalidInput) as empty:
        run(api.send_sms(did, "6175550142", "0"))
    assert empty.value.status == "message_empty"


def test_get_phonebook(api: Api, run: Any) -> None:
    entries = run(api.get_phonebook())
    assert entries and all(e.id and e.name for e in entries)
    assert all(e.number.isdigit() for e in entries if e.number)


# --- voicemail --------------------------------------------------------------------


def test_voicemail_boxes_folders_and_messages(api: Api, run: Any) -> None:
    boxes = run(api.get_voicemails())
    assert {"1001", "1002"} <= {b.mailbox for b in boxes}
    front = next(b for b in boxes if b.mailbox == "1001")
    assert front.name == "Front desk" and front.raw["mailbox"] == "1001"
    folders = run(api.get_voicemail_folders("1001"))
    assert "INBOX" in {f.value for f in folders}
    messages = run(api.get_voicemail_messages("1001"))
    assert messages and all(m.mailbox == "1001" for m in messages)
    assert all(m.date is None or m.date.tzinfo is UTC for m in messages)
    inbox = run(api.get_voicemail_messages("1001", "INBOX"))
    assert inbox and {m.folder for m in inbox} == {"INBOX"}


def test_voicemail_audio_in_every_format(api: Api, sandbox: SandboxServer, run: Any) -> None:
    num = sandbox.state.deliver_voicemail("1001", "6175550142", caller_name="Dana")
    for count, fmt in enumerate(AudioFormat, start=1):
        audio = run(api.get_voicemail_audio("1001", "INBOX", num, fmt))
        assert isinstance(audio, bytes) and len(audio) > 0
        logged = calls(sandbox, "getVoicemailMessageFile", count)
        assert logged[-1].params["format"] == fmt.value


def test_voicemail_actions(api: Api, sandbox: SandboxServer, run: Any) -> None:
    num = sandbox.state.deliver_voicemail("1001", "6175550142", caller_name="Dana Whitfield")
    [fresh] = [m for m in run(api.get_voicemail_messages("1001", "INBOX")) if m.message_num == num]
    assert (fresh.caller_name, fresh.caller_number) == ("Dana Whitfield", "6175550142")
    assert not fresh.listened

    def server_row() -> Any:
        return next(
            v
            for v in sandbox.state.voicemails
            if v.mailbox == "1001" and v.folder == "INBOX" and v.message_num == num
        )

    run(api.mark_listened("1001", "INBOX", num, True))
    assert server_row().listened
    run(api.mark_listened("1001", "INBOX", num, False))
    assert not server_row().listened
    run(api.mark_urgent("1001", "INBOX", num, True))
    assert server_row().urgent
    run(api.send_voicemail_email("1001", "INBOX", num, "owner@example.com"))
    assert sandbox.state.emails_sent[-1]["to"] == "owner@example.com"
    run(api.move_voicemail("1001", "INBOX", num, "Work"))
    moved = [
        v
        for v in sandbox.state.voicemails
        if v.folder == "Work" and v.callerid.endswith("<6175550142>")
    ]
    assert moved
    run(api.delete_voicemail("1001", "Work", moved[-1].message_num))
    assert moved[-1] not in sandbox.state.voicemails
    # Only that message went: the mailbox still has the others.
    assert any(v.mailbox == "1001" for v in sandbox.state.voicemails)


def test_voicemail_message_not_found(api: Api, run: Any) -> None:
    with pytest.raises(NotFound) as info:
        run(api.mark_listened("1001", "INBOX", 9999, True))
    assert info.value.status == "message_not_found"


# --- fax --------------------------------------------------------------------------


def test_fax_folders_messages_and_pdf(api: Api, sandbox: SandboxServer, run: Any) -> None:
    folders = run(api.get_fax_folders())
    assert "INBOX" in {f.name for f in folders}
    start, end = window(sandbox)
    faxes = run(api.get_fax_messages(start, end))
    assert faxes and all(f.id > 0 and f.date is not None for f in faxes)
    inbox = run(api.get_fax_messages(start, end, folder="INBOX"))
    assert inbox and {f.folder for f in inbox} == {"INBOX"}
    pdf = run(api.get_fax_pdf(faxes[0].id))
    assert pdf.startswith(b"%PDF")


def test_fax_actions(api: Api, sandbox: SandboxServer, run: Any) -> None:
    fax_id = sandbox.state.deliver_fax("8005550111", pages=1)
    run(api.set_fax_folder("Receipts"))
    folders = {f.name: f.id for f in run(api.get_fax_folders())}
    assert "Receipts" in folders
    run(api.set_fax_folder("Receipts 2024", folders["Receipts"]))
    folders = {f.name: f.id for f in run(api.get_fax_folders())}
    assert "Receipts 2024" in folders and "Receipts" not in folders
    run(api.move_fax(fax_id, folders["Receipts 2024"]))
    assert next(f for f in sandbox.state.faxes if f.id == fax_id).folder == "Receipts 2024"
    run(api.mail_fax_pdf(fax_id, "books@example.com"))
    assert sandbox.state.emails_sent[-1] == {"kind": "fax", "to": "books@example.com", "id": fax_id}
    run(api.delete_fax(fax_id))
    assert all(f.id != fax_id for f in sandbox.state.faxes)
    run(api.delete_fax_folder(folders["Receipts 2024"]))
    assert "Receipts 2024" not in {f.name for f in run(api.get_fax_folders())}
    with pytest.raises(NotFound):
        run(api.get_fax_pdf(fax_id))


def test_fax_numbers_and_sending(api: Api, sandbox: SandboxServer, run: Any) -> None:
    numbers = run(api.get_fax_numbers())
    assert numbers and all(len(n.did) == 10 for n in numbers)
    before = len(sandbox.state.faxes)
    run(api.send_fax("+1 617 555 0199", numbers[0].did, PDF, from_name="Maple Street"))
    [logged] = calls(sandbox, "sendFaxMessage")
    assert logged.verb == "POST" and logged.params["to_number"] == "6175550199"
    assert len(sandbox.state.faxes) == before + 1
    sent = sandbox.state.faxes[-1]
    assert sent.folder == "SENT" and sent.data == PDF


def test_fax_with_unsupported_file_is_rejected(api: Api, sandbox: SandboxServer, run: Any) -> None:
    number = run(api.get_fax_numbers())[0].did
    with pytest.raises(InvalidInput) as info:
        run(api.send_fax("6175550199", number, b"\x80\x81\xfe not a document"))
    assert info.value.status == "invalid_file" and "PDF" in info.value.message


# --- numbers ----------------------------------------------------------------------


def test_dids_and_one_did(api: Api, sandbox: SandboxServer, run: Any) -> None:
    dids = run(api.get_dids())
    assert {d.did for d in dids} == set(sandbox.state.dids)
    one = run(api.get_did("+1" + dids[0].did))
    assert one is not None and one.did == dids[0].did and one.routing == dids[0].routing
    assert run(api.get_did("2125550000")) is None


def test_set_did_routing_pop_voicemail(api: Api, sandbox: SandboxServer, run: Any) -> None:
    did = run(api.get_dids())[0]
    run(api.set_did_routing(did.did, Route(RouteKind.VOICEMAIL, "1002")))
    assert sandbox.state.dids[did.did]["routing"] == "vm:1002"
    run(api.set_did_routing(did.did, Route(RouteKind.SIP, "100@pbx.example.com:5060")))
    assert run(api.get_did(did.did)).routing == Route(RouteKind.SIP, "100@pbx.example.com:5060")
    run(api.set_did_pop(did.did, "16"))
    assert sandbox.state.dids[did.did]["pop"] == "16"
    run(api.set_did_voicemail(did.did, "1002"))
    assert sandbox.state.dids[did.did]["voicemail"] == "1002"


def test_set_did_info_round_trip_keeps_every_field(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    did = run(api.get_dids())[0]
    before = dict(sandbox.state.dids[did.did])
    run(api.set_did_info(replace(did, note="Front counter", dialtime=45)))
    after = sandbox.state.dids[did.did]
    assert after["note"] == "Front counter" and after["dialtime"] == "45"
    unchanged = (
        "routing",
        "failover_busy",
        "failover_unreachable",
        "failover_noanswer",
        "voicemail",
        "pop",
        "cnam",
        "billing_type",
        "record_calls",
        "transcribe",
        "transcription_locale",
        "callerid_prefix",
    )
    assert {k: after[k] for k in unchanged} == {k: before[k] for k in unchanged}
    [logged] = calls(sandbox, "setDIDInfo")
    assert {"did", "routing", "pop", "dialtime", "cnam", "billing_type"} <= set(logged.params)


def test_invalid_routing_is_a_readable_error(api: Api, sandbox: SandboxServer, run: Any) -> None:
    did = next(iter(sandbox.state.dids))
    with pytest.raises(InvalidInput) as info:
        run(api.set_did_routing(did, Route(RouteKind.FORWARD, "99999")))
    assert info.value.status == "invalid_forwarding"
    assert "forwarding" in info.value.message.lower()


def test_servers_targets_and_lookups(api: Api, sandbox: SandboxServer, run: Any) -> None:
    servers = run(api.get_servers())
    assert servers and all(s.pop and s.hostname for s in servers)
    for kind in RouteKind:
        targets = run(api.get_routing_targets(kind))
        if kind is RouteKind.NONE:
            assert targets == []
        else:
            assert targets and all(t.value and t.label for t in targets), kind
    for name in ("servers", "timezones", "codecs", "languages", "locales", "countries", "routes"):
        rows = run(api.get_lookup(name))
        assert rows and all(isinstance(r, dict) for r in rows), name


def test_dates_go_out_as_provider_days(api: Api, sandbox: SandboxServer, run: Any) -> None:
    # 03:00 UTC is the previous evening in New York.
    moment = datetime(2024, 7, 5, 3, 0, tzinfo=UTC)
    run(api.get_fax_messages(moment, moment + timedelta(days=1)))
    logged = calls(sandbox, "getFaxMessages")[-1]
    assert (logged.params["from"], logged.params["to"]) == ("2024-07-04", "2024-07-05")
