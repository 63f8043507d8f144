"""How live VoIP.ms accounts differ from the reference (API-NOTES.md, issue #14), each
reproduced by the sandbox (``state.live_quirks``) and handled through the real client."""

from __future__ import annotations

from typing import Any

import pytest

from app.api.client import VoipMsClient
from app.api.errors import TransportError
from app.api.typed import Api
from app.sandbox import SandboxServer
from tests.integration.test_api_typed import sms_did, window


def test_mms_text_with_html_entities_is_decoded(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    did = sms_did(sandbox)
    mms_id = sandbox.state.deliver_mms(did, "4185550166", "Réunion à 10h – 5 $ & plus 🎉",
                                       ["receipt.png"])
    start, end = window(sandbox, 1)
    raw = run(client.call("getMMS", from_=start, to=end, all_messages=0))
    row = next(r for r in raw["sms"] if r["id"] == str(mms_id))
    assert row["message"].startswith("R&eacute;union &agrave; 10h &ndash;")  # as live sends it
    typed = {m.id: m for m in run(api.get_mms(start, end))}
    assert typed[mms_id].text == "Réunion à 10h – 5 $ & plus 🎉"


def test_sms_text_is_plain_and_stays_as_typed(api: Api, sandbox: SandboxServer, run: Any) -> None:
    did = sms_did(sandbox)
    sms_id = sandbox.state.deliver_sms(did, "4185550166", "Tom &amp; Jerry")  # literal text
    typed = {m.id: m for m in run(api.get_sms(*window(sandbox, 1)))}
    assert typed[sms_id].text == "Tom &amp; Jerry"


def test_a_group_mms_is_one_message(
    client: VoipMsClient, api: Api, sandbox: SandboxServer, run: Any
) -> None:
    start, end = window(sandbox)
    raw = run(client.call("getMMS", from_=start, to=end, all_messages=0))["sms"]
    group = [r for r in raw if r["message"].startswith("Photos de la soir")]
    assert len(group) == 3 and len({r["id"] for r in group}) == 3
    typed = [m for m in run(api.get_mms(start, end)) if m.text.startswith("Photos de la soir")]
    assert len(typed) == 1
    assert typed[0].id == min(int(r["id"]) for r in group)
    assert typed[0].media  # the picture is kept


def test_expired_media_is_not_taken_for_a_picture(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    start, end = window(sandbox, 92)
    expired = next(m for m in run(api.get_mms(start, end))
                   if m.text == "Delivery confirmation photo")
    (url,) = expired.media
    with pytest.raises(TransportError) as refused:
        run(api.download_media(url))
    assert refused.value.kind == "media"
    sandbox.state.live_quirks.discard("expired_media")  # the same link, still alive
    assert run(api.download_media(url)).startswith(b"\xff\xd8")


def test_no_mms_is_an_empty_list_and_the_sms_still_arrive(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.mms.clear()
    start, end = window(sandbox)
    assert run(api.get_mms(start, end)) == []
    assert run(api.get_sms(start, end))


def test_a_did_without_mailbox_says_so(api: Api, sandbox: SandboxServer, run: Any) -> None:
    number = sms_did(sandbox)
    sandbox.state.dids[number]["voicemail"] = "0"  # how live accounts say "none"
    did = next(d for d in run(api.get_dids()) if d.did == number)
    assert did.voicemail == ""


def test_a_did_edit_writes_back_the_live_extras_it_read(
    api: Api, sandbox: SandboxServer, run: Any
) -> None:
    """setDIDInfo resets what it is not sent, live extras included (issue #14.2)."""
    from dataclasses import replace

    from app.domain.catalog_live import LIVE_EXTRAS

    number = sms_did(sandbox)
    row = sandbox.state.dids[number]
    row.update(voicemail_threshold="35", sms_sip_account="100001_frontdesk",
               sms_sip_account_enabled="1", transcription_start_delay="5")
    did = run(api.get_did(number))
    assert did is not None
    run(api.set_did_info(replace(did, note="Main line (edited)")))
    after = sandbox.state.dids[number]
    assert after["note"] == "Main line (edited)"
    for name, value in (("voicemail_threshold", "35"), ("sms_sip_account", "100001_frontdesk"),
                        ("sms_sip_account_enabled", "1"), ("transcription_start_delay", "5")):
        assert name in LIVE_EXTRAS["setDIDInfo"]
        assert after[name] == value, name
