"""Each documented quirk of the real service (API-NOTES.md), as the sandbox serves it,
seen through the real client: the raw answer shows the quirk, the typed helper hides it."""

from __future__ import annotations

import base64
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from app import USER_AGENT
from app.api.client import VoipMsClient
from app.api.errors import InvalidInput, LimitReached
from app.api.typed import Api
from app.domain.routing import RouteKind
from app.sandbox import SandboxServer, resources
from tests.integration.test_api_typed import (  # noqa: F401 (_settled_log: autouse fixture)
    _settled_log,
    calls,
    sms_did,
    window,
)


def test_plus_one_numbers_with_a_did_filter(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    did = sms_did(sandbox)
    start, end = window(sandbox)
    raw = run(client.call("getSMS", from_=start, to=end, did=did, all_messages=0))
    assert raw["sms"] and all(row["did"].startswith("+1") for row in raw["sms"])
    typed = run(api.get_sms(start, end, did=did))
    assert typed and {m.did for m in typed} == {did}
    assert all(not m.contact.startswith("+") and len(m.contact) == 10 for m in typed)


def test_ids_as_strings_in_lists_and_numbers_from_send(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    start, end = window(sandbox)
    raw = run(client.call("getSMS", from_=start, to=end, all_messages=0, limit=1))
    assert isinstance(raw["sms"][0]["id"], str)
    sent = run(client.call("sendSMS", did=sms_did(sandbox), dst="6175550142", message="Hi"))
    assert isinstance(sent["sms"], int)
    assert all(isinstance(m.id, int) for m in run(api.get_sms(start, end)))


def test_mms_rows_come_under_the_sms_key(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    start, end = window(sandbox)
    raw = run(client.call("getMMS", from_=start, to=end, all_messages=0))
    assert "sms" in raw and "mms" not in raw
    legs = sum(1 for r in sandbox.state.mms if r.extra_leg and start <= r.date.date() <= end)
    assert legs == 2  # the demo's group MMS: three rows, one message
    assert len(run(api.get_mms(start, end))) == len(raw["sms"]) - legs


def test_media_hidden_in_list_is_found_with_get_media_mms(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    hidden = [r for r in sandbox.state.mms if r.media_hidden_in_list and r.media]
    assert hidden, "the seeded data should contain MMS rows with hidden media"
    row = hidden[0]
    listed = {m.id: m for m in run(api.get_mms(row.date.date(), row.date.date()))}
    assert listed[row.id].media == ()
    links = run(api.get_media_mms(row.id))
    assert len(links) == len(row.media)
    assert all(link.startswith(sandbox.base_url + "/media/") for link in links)


def test_relative_media_links_are_resolved_and_served(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    relative = [
        r for r in sandbox.state.mms if r.relative_links and r.media and not r.media_hidden_in_list
    ]
    assert relative
    start = end = relative[0].date.date()
    raw = run(client.call("getMMS", from_=start, to=end, all_messages=0))
    raw_row = next(row for row in raw["sms"] if row["id"] == str(relative[0].id))
    assert raw_row["media"][0].startswith("/media/")
    message = next(m for m in run(api.get_mms(start, end)) if m.id == relative[0].id)
    assert message.media[0] == sandbox.base_url + raw_row["media"][0]
    response = httpx.get(message.media[0])
    assert response.status_code == 200 and response.content


def test_media_as_object_or_array(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    row = next(r for r in sandbox.state.mms if r.media)
    as_object = run(client.call("getMediaMMS", id=row.id))["media"]
    as_array = run(client.call("getMediaMMS", id=row.id, media_as_array=1))["media"]
    assert isinstance(as_object, dict) and isinstance(as_array, list)
    assert run(api.get_media_mms(row.id)) == [url for url in as_array if url]


def test_php_escaped_quotes_in_bodies(api: Api, sandbox: SandboxServer, run: Any) -> None:
    escaped = [r for r in sandbox.state.sms if '\\"' in r.message]
    assert escaped, "the seeded data should contain PHP-escaped quotes"
    for row in escaped[:3]:
        day = row.date.date()
        texts = {m.id: m.text for m in run(api.get_sms(day, day))}
        assert "\\" not in texts[row.id] and '"' in texts[row.id]


def test_base64_with_line_breaks_in_a_bare_object(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    num = sandbox.state.deliver_voicemail("1001", "6175550142")
    raw = run(
        client.call(
            "getVoicemailMessageFile", mailbox="1001", folder="INBOX", message_num=num, format="wav"
        )
    )
    assert isinstance(raw["message"], dict)  # not a one-element list
    assert "\n" in raw["message"]["data"]
    audio = run(api.get_voicemail_audio("1001", "INBOX", num, fmt="wav"))
    assert audio == base64.b64decode(raw["message"]["data"])
    assert audio == resources.voicemail_audio(sandbox.state.voicemails[-1].clip, "wav")


def test_time_zones_unknown_to_iana_are_kept(api: Api, run: Any) -> None:
    values = [row["value"] for row in run(api.get_lookup("timezones"))]
    assert "US/Pacific-New" in values and "America/New_York" in values


def test_unicode_and_escaped_slashes_are_decoded(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    names = {e.name for e in run(api.get_phonebook())}
    assert any(not name.isascii() for name in names)  # PHP sends \u00e9
    start, end = window(sandbox)
    mms = run(api.get_mms(start, end))
    assert all("\\/" not in url for m in mms for url in m.media)


@pytest.mark.parametrize(
    ("clear", "helper", "method", "status"),
    [
        (lambda s: s.sms.clear(), "sms", "getSMS", "no_sms"),
        (lambda s: s.mms.clear(), "mms", "getMMS", "no_mms"),
        (
            lambda s: s.voicemails.clear(),
            "voicemail_messages",
            "getVoicemailMessages",
            "no_messages",
        ),
        (lambda s: s.faxes.clear(), "faxes", "getFaxMessages", "no_message"),
        (lambda s: s.dids.clear(), "dids", "getDIDsInfo", "no_did"),
        (lambda s: s.fax_numbers.clear(), "fax_numbers", "getFaxNumbersInfo", "no_numbers"),
        (lambda s: s.mailboxes.clear(), "voicemails", "getVoicemails", "no_mailbox"),
        (lambda s: s.fax_folders.clear(), "fax_folders", "getFaxFolders", "no_folder"),
        (lambda s: s.phonebook.clear(), "phonebook", "getPhonebook", "no_phonebook"),
        (lambda s: s.forwardings.clear(), "forwardings", "getForwardings", "no_forwarding"),
        (lambda s: s.sub_accounts.clear(), "accounts", "getSubAccounts", "no_account"),
        (lambda s: s.disas.clear(), "disas", "getDISAs", "no_disa"),
    ],
)
def test_empty_list_statuses_become_empty_lists(
    clear: Any, helper: str, method: str, status: str, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    with sandbox.state.lock:
        clear(sandbox.state)
    start, end = window(sandbox)
    calls_by_helper = {
        "sms": lambda: api.get_sms(start, end),
        "mms": lambda: api.get_mms(start, end),
        "voicemail_messages": lambda: api.get_voicemail_messages("1001"),
        "faxes": lambda: api.get_fax_messages(start, end),
        "dids": api.get_dids,
        "fax_numbers": api.get_fax_numbers,
        "voicemails": api.get_voicemails,
        "fax_folders": api.get_fax_folders,
        "phonebook": api.get_phonebook,
        "forwardings": lambda: api.get_routing_targets(RouteKind.FORWARD),
        "accounts": lambda: api.get_routing_targets(RouteKind.ACCOUNT),
        "disas": lambda: api.get_routing_targets(RouteKind.DISA),
    }
    assert run(calls_by_helper[helper]()) == []
    # The service really answered with the empty-list status, not success + [].
    assert [entry.status for entry in calls(sandbox, method)] == [status]


def test_date_range_over_92_days_is_readable(api: Api, sandbox: SandboxServer, run: Any) -> None:
    today = sandbox.state.clock.today()
    with pytest.raises(InvalidInput) as info:
        run(api.get_sms(today - timedelta(days=120), today))
    assert info.value.status == "invalid_daterange" and "92 days" in info.value.message


def test_daily_send_cap(api: Api, sandbox: SandboxServer, run: Any) -> None:
    sandbox.state.daily_send_limit = 0
    with pytest.raises(LimitReached) as info:
        run(api.send_sms(sms_did(sandbox), "6175550142", "Hi"))
    assert "daily" in info.value.message


def test_get_for_small_calls_post_for_long_ones(
    client: VoipMsClient, sandbox: SandboxServer, run: Any
) -> None:
    did = sms_did(sandbox)
    run(client.call("getIP"))
    with pytest.raises(InvalidInput):
        run(client.call("sendSMS", did=did, dst="6175550142", message="x" * 1600))
    assert calls(sandbox, "getIP")[0].verb == "GET"
    assert calls(sandbox, "sendSMS")[0].verb == "POST"


def test_user_agent_is_sent(client: VoipMsClient, sandbox: SandboxServer, run: Any) -> None:
    # The provider's firewall blocks requests without one (the sandbox answers 403).
    run(client.call("getIP"))
    logged: Any = calls(sandbox, "getIP")[0]
    assert logged.headers["User-Agent"] == USER_AGENT


def test_far_past_window_is_empty_not_an_error(api: Api, run: Any) -> None:
    day = date(2001, 1, 1)
    assert run(api.get_sms(day, day)) == []
    assert run(api.get_fax_messages(day, day)) == []
