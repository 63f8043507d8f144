"""Service rules the sandbox enforces, exercised through its dispatcher (no HTTP)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from app.sandbox import SandboxServer, resources

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)  # 10:00 in New York


@pytest.fixture(scope="module")
def _server() -> Iterator[SandboxServer]:
    server = SandboxServer(now=NOW)
    yield server
    server.stop()


@pytest.fixture
def server(_server: SandboxServer) -> SandboxServer:
    _server.reset()
    return _server


def call(server: SandboxServer, method: str, **params: Any) -> dict[str, Any]:
    full = {"api_username": server.username, "api_password": server.password,
            "method": method, **{k.rstrip("_"): str(v) for k, v in params.items()}}
    return server.dispatch(full, "127.0.0.1")


def status(server: SandboxServer, method: str, **params: Any) -> str:
    return str(call(server, method, **params)["status"])


# --- dates ------------------------------------------------------------------------


def test_92_days_is_the_longest_window(server: SandboxServer) -> None:
    assert status(server, "getSMS", from_="2026-08-26", to="2026-11-26") == "success"
    assert status(server, "getSMS", from_="2026-08-25", to="2026-11-26") == "invalid_daterange"


def test_from_after_to_is_rejected(server: SandboxServer) -> None:
    assert status(server, "getMMS", from_="2026-11-20", to="2026-11-01") == "invalid_date_from"


def test_default_window_is_today_in_new_york(server: SandboxServer) -> None:
    rows = call(server, "getSMS")["sms"]
    assert rows and all(r["date"].startswith("2026-11-26") for r in rows)


def test_default_limit_is_50(server: SandboxServer) -> None:
    rows = call(server, "getSMS", from_="2026-08-26", to="2026-11-26")["sms"]
    assert len(rows) == 50
    assert rows == sorted(rows, key=lambda r: r["date"], reverse=True)


def test_dates_are_eastern_wall_clock_across_dst(server: SandboxServer) -> None:
    rows = call(server, "getSMS", from_="2026-11-01", to="2026-11-01", limit=500)["sms"]
    assert [r["date"] for r in rows].count("2026-11-01 01:30:00") == 2


def test_did_filter_adds_plus_one(server: SandboxServer) -> None:
    rows = call(server, "getSMS", from_="2026-09-01", to="2026-11-26", did="6175550100")["sms"]
    assert all(r["did"] == "+16175550100" and r["contact"].startswith("+1") for r in rows)


# --- sending -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("a" * 160, "success"),
    ("é" * 80, "success"),  # 160 bytes
    ("é" * 81, "sms_toolong"),  # 81 characters but 162 bytes
    ("🎂" * 41, "sms_toolong"),  # 41 characters, 164 bytes
    ("0", "message_empty"),
    ("", "message_empty"),
])
def test_sms_length_is_counted_in_utf8_bytes(server: SandboxServer, text: str,
                                             expected: str) -> None:
    assert status(server, "sendSMS", did="6175550100", dst="6175550142",
                  message=text) == expected


def test_send_returns_numeric_id_and_creates_a_sent_row(server: SandboxServer) -> None:
    answer = call(server, "sendSMS", did="6175550100", dst="6175550142", message="Hi there")
    assert isinstance(answer["sms"], int)
    rows = call(server, "getSMS", sms=answer["sms"])["sms"]
    assert rows[0]["type"] == "0" and rows[0]["message"] == "Hi there"


def test_daily_send_cap(server: SandboxServer) -> None:
    server.state.daily_send_limit = 2
    results = [status(server, "sendSMS", did="6175550100", dst="6175550142", message=f"m{i}")
               for i in range(3)]
    assert results == ["success", "success", "limit_reached"]


def test_mms_limits(server: SandboxServer) -> None:
    big = base64.b64encode(b"\xff\xd8" + b"x" * 1_300_000).decode()
    assert status(server, "sendMMS", did="6175550100", dst="6175550142", message="pic",
                  media1=big) == "exceeds_file_size"
    assert status(server, "sendMMS", did="6175550100", dst="6175550142",
                  message="x" * 2049) == "sms_toolong"
    assert status(server, "sendMMS", did="6175550100", dst="6175550142", message="x" * 2048,
                  media1=base64.b64encode(b"\x89PNG tiny").decode()) == "success"


def test_sms_from_a_did_without_sms_is_invalid(server: SandboxServer) -> None:
    assert status(server, "sendSMS", did="6175550122", dst="6175550142",
                  message="hi") == "invalid_did"


# --- empties and lookups ----------------------------------------------------------------


def test_empty_lists_answer_with_statuses(server: SandboxServer) -> None:
    assert status(server, "getSMS", from_="2020-01-01", to="2020-01-02") == "no_sms"
    # The reference says no_sms for MMS too; live accounts answer no_mms (API-NOTES.md).
    assert status(server, "getMMS", from_="2020-01-01", to="2020-01-02") == "no_mms"
    server.state.live_quirks.discard("no_mms")
    assert status(server, "getMMS", from_="2020-01-01", to="2020-01-02") == "no_sms"
    assert status(server, "getFaxMessages", from_="2020-01-01", to="2020-01-02") == "no_message"
    assert status(server, "delMessages", mailbox="1002") == "success"
    assert status(server, "getVoicemailMessages", mailbox="1002") == "no_messages"
    server.state.dids.clear()
    assert status(server, "getDIDsInfo") == "no_did"


def test_timezones_include_names_unknown_to_iana(server: SandboxServer) -> None:
    values = {r["value"] for r in call(server, "getTimezones")["timezones"]}
    assert {"US/Pacific-New", "Factory", "America/New_York"} <= values


def test_unknown_and_unmodelled_methods(server: SandboxServer) -> None:
    assert status(server, "getCodecs") == "invalid_method"
    assert status(server, "getConference") == "no_conference"
    assert status(server, "getCDR") == "missing_params"
    # getCDR is modelled now (handlers/calls.py); an empty range is still no_cdr.
    assert status(server, "getCDR", date_from="2001-11-01", date_to="2001-11-02",
                  timezone="-5") == "no_cdr"
    assert status(server, "orderDID", did="6175550199", routing="none:", pop="5",
                  dialtime="60", cnam="0", billing_type="1") == "order_failed"


def test_unmodelled_methods_follow_the_catalog_the_client_validates_with(
        server: SandboxServer) -> None:
    # One catalog for both sides: the client's validation and the sandbox's
    # idea of which methods exist and what they require are the same data.
    from app.api import catalog as client_catalog
    from app.domain import catalog

    assert client_catalog.CATALOG is catalog.CATALOG
    # Required parameters of an unmodelled method: the first missing one (sorted)
    # names the status, a write with all of them is refused on the first.
    assert catalog.CATALOG["setConference"].required == {
        "conference", "description", "max_members", "name"}
    assert status(server, "setConference") == "missing_conference"
    assert status(server, "setConference", conference="1") == "missing_description"
    assert status(server, "setConference", conference="1", description="d",
                  name="n") == "missing_params"  # no missing_max_members status exists
    assert status(server, "setConference", conference="1", description="d", name="n",
                  max_members="3") == "invalid_conference"
    assert status(server, "addCharge", client="1") == "missing_charge"


# --- voicemail -------------------------------------------------------------------------


def test_voicemail_file_is_a_bare_object_with_wrapped_base64(server: SandboxServer) -> None:
    answer = call(server, "getVoicemailMessageFile", mailbox="1001", folder="INBOX",
                  message_num=1, format="wav")
    message = answer["message"]
    assert isinstance(message, dict)
    assert "\n" in message["data"]
    audio = base64.b64decode(message["data"])
    assert audio[:4] == b"RIFF" and audio == resources.read("voicemail", "vm01.wav")


def test_move_renumbers_in_the_target_folder(server: SandboxServer) -> None:
    assert status(server, "moveFolderVoicemailMessage", mailbox="1001", folder="INBOX",
                  message_num=1, new_folder="Work") == "success"
    moved = call(server, "getVoicemailMessages", mailbox="1001", folder="Work")["messages"]
    assert [m["message_num"] for m in moved] == ["1"]
    assert status(server, "markListenedVoicemailMessage", mailbox="1001", folder="INBOX",
                  message_num=1, listened="yes") == "message_not_found"


# --- DIDs -------------------------------------------------------------------------------


def _did_info(server: SandboxServer, **override: Any) -> dict[str, Any]:
    row = dict(call(server, "getDIDsInfo", did="6175550100")["dids"][0])
    keep = ("did", "routing", "failover_busy", "failover_unreachable", "failover_noanswer",
            "voicemail", "pop", "dialtime", "cnam", "callerid_prefix", "note", "billing_type")
    params = {k: row[k] for k in keep}
    params.update(override)
    return params


def test_set_did_info_requires_all_fields_and_resets_unsent_ones(server: SandboxServer) -> None:
    assert status(server, "setDIDInfo", did="6175550100", routing="vm:1001") == \
        "missing_serverpop"
    assert status(server, "setDIDInfo", did="6175550100", routing="vm:1001", pop="5",
                  dialtime="60", cnam="1", billing_type="1") == "success"
    row = call(server, "getDIDsInfo", did="6175550100")["dids"][0]
    assert row["failover_busy"] == "none:", "optional fields not sent are cleared"


def test_set_did_info_round_trip_keeps_fields(server: SandboxServer) -> None:
    params = _did_info(server, routing="sip:fax@gateway.maplestreet.example:5060")
    assert status(server, "setDIDInfo", **params) == "success"
    row = call(server, "getDIDsInfo", did="6175550100")["dids"][0]
    assert row["routing"] == "sip:fax@gateway.maplestreet.example:5060"
    assert row["failover_busy"] == "vm:1001"


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("routing", "bogus:1", "invalid_routing_header"),
    ("routing", "fwd:99999", "invalid_forwarding"),
    ("routing", "vm:9999", "invalid_mailbox"),
    ("routing", "account:nobody", "invalid_account"),
    ("failover_busy", "bogus:1", "invalid_failover_header"),
    ("failover_noanswer", "grp:1", "invalid_ringgroup"),
    ("pop", "999", "invalid_serverpop"),
    ("cnam", "2", "invalid_cnam"),
    ("billing_type", "3", "invalid_billingtype"),
])
def test_set_did_info_validates_targets(server: SandboxServer, field: str, value: str,
                                        expected: str) -> None:
    assert status(server, "setDIDInfo", **_did_info(server, **{field: value})) == expected


# --- robustness ----------------------------------------------------------------------


def test_every_reference_method_answers_a_status(server: SandboxServer) -> None:
    from app.domain.catalog import CATALOG
    from app.sandbox.handlers.fallback import required_params

    assert len(CATALOG) >= 219  # the whole reference, not an empty catalog
    for method in CATALOG:
        required = required_params(method)
        bare = status(server, method)
        filled = status(server, method, **{name: "1" for name in required})
        junk_params = {"from_": "x", "to": "y", "did": "abc", "mailbox": "1001",
                       "folder": "INBOX", "message_num": "1", "id": "abc"}
        junk_params.update({name: "zz'\"<>" for name in required})
        junk = status(server, method, **junk_params)
        for answer in (bare, filled, junk):
            assert answer and answer.replace("_", "").isalnum(), (method, answer)
        server.reset()


def test_test_hooks_deliver_new_items(server: SandboxServer) -> None:
    state = server.state
    sms_id = state.deliver_sms("6175550100", "6175550142", "Are you open?")
    assert call(server, "getSMS", sms=sms_id)["sms"][0]["message"] == "Are you open?"
    num = state.deliver_voicemail("1002", "6175550142", caller_name="Dana", duration=7)
    rows = call(server, "getVoicemailMessages", mailbox="1002", folder="INBOX")["messages"]
    mine = next(r for r in rows if r["message_num"] == str(num))
    assert mine["callerid"] == '"Dana" <6175550142>' and mine["duration"] == "00:00:07"
    fax_id = state.deliver_fax("8005550111", pages=3)
    fax = call(server, "getFaxMessages", id=fax_id)["faxes"][0]
    assert fax["pages"] == "3" and fax["folder"] == "INBOX"


def test_delivered_pictures_can_be_made_distinct(server: SandboxServer) -> None:
    state, did = server.state, "6175550100"
    shared = [state.deliver_mms(did, "4185550177", "a", ["storefront.jpg"]) for _ in range(2)]
    distinct = [state.deliver_mms(did, "4185550177", "b", ["storefront.jpg"], distinct=True)
                for _ in range(2)]

    def picture(mms_id: int) -> bytes:
        [token] = next(row for row in state.mms if row.id == mms_id).media
        item = state.media[token]
        return item.data if item.data is not None else resources.read("media", item.resource or "")

    original = resources.read("media", "storefront.jpg")
    assert picture(shared[0]) == picture(shared[1]) == original
    first, second = picture(distinct[0]), picture(distinct[1])
    assert first != second and first.startswith(original) and second.startswith(original)


# --- forwardings (setForwarding, issue #15.15) ----------------------------------------


def test_set_forwarding_creates_updates_and_refuses_like_the_reference(
    server: SandboxServer,
) -> None:
    created = call(server, "setForwarding", phone_number="+1 (514) 555-0123")
    assert created["status"] == "success"
    new_id = str(created["forwarding"])
    row = next(f for f in server.state.forwardings if str(f["forwarding"]) == new_id)
    assert row["phone_number"] == "5145550123"
    updated = call(server, "setForwarding", forwarding=new_id, phone_number="5145550124",
                   description="Cell")
    assert str(updated["forwarding"]) == new_id and row["description"] == "Cell"
    assert status(server, "setForwarding", phone_number="12") == "invalid_phonenumber"
    own = next(iter(server.state.dids))
    assert status(server, "setForwarding", phone_number=own) == "invalid_forwarding_did"
    assert status(server, "setForwarding", forwarding="1", phone_number="5145550125") == (
        "invalid_forwarding")
