"""One bad row never stops a sync (issue #13.7): what a hostile or broken sender can put
in a message, served by the sandbox, read by the real client and stored in the real
cache. Each of these once made message sync fail for good or raised crash dialogs."""

from __future__ import annotations

from typing import Any

from app.api.typed import Api
from app.domain.models.messages import MessageKind
from app.sandbox import SandboxServer
from app.store.messages import get_message, upsert_messages
from tests.integration.test_api_typed import sms_did, window


def test_half_an_emoji_is_repaired_and_stored(
    api: Api, sandbox: SandboxServer, db: Any, run: Any
) -> None:
    did = sms_did(sandbox)
    broken = sandbox.state.deliver_sms(did, "4185550188", "Merci \ud83d beaucoup")
    fine = sandbox.state.deliver_sms(did, "4185550188", "À demain 🎉")
    messages = run(api.get_sms(*window(sandbox, 1), did=did))
    by_id = {m.id: m for m in messages}
    assert by_id[broken].text == "Merci \ufffd beaucoup"  # the lone half, replaced
    assert by_id[fine].text == "À demain 🎉"  # a whole emoji is untouched
    run(db.run(upsert_messages, messages))  # once: UnicodeEncodeError, sync dead
    stored = run(db.run(get_message, MessageKind.SMS, broken))
    assert stored is not None and stored.message.text == "Merci \ufffd beaucoup"


def test_malformed_media_links_drop_the_link_not_the_message(
    api: Api, sandbox: SandboxServer, db: Any, run: Any
) -> None:
    did = sms_did(sandbox)
    good_link = f"{sandbox.url.rsplit('/api/', 1)[0]}/media/x.jpg"
    hostile = sandbox.state.deliver_raw_mms(
        did, "4185550177", "Voici", ["http://0:b/x.jpg", "http://[::1/x.jpg", good_link]
    )
    after = sandbox.state.deliver_sms(did, "4185550177", "and a text after it")
    start, end = window(sandbox, 1)
    mms = {m.id: m for m in run(api.get_mms(start, end, did=did))}
    assert mms[hostile].text == "Voici"
    assert mms[hostile].media == (good_link,)
    sms = {m.id for m in run(api.get_sms(start, end, did=did))}
    assert after in sms
    run(db.run(upsert_messages, list(mms.values())))
