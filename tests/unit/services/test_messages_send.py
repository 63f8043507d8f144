"""Sending against the sandbox: SMS, split, MMS with image, refusals keep the draft,
timeouts reconciled with the history instead of resending."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from app.api.client import VoipMsClient
from app.api.typed import Api
from app.domain.errors import UserFacingError
from app.domain.models.messages import Direction, MessageKind
from app.domain.sms_text import LongTextMode
from app.sandbox import resources
from app.services.messages.sender import MessageSender, SendFailed
from app.services.messages.sync import MessageSync
from app.store.drafts import get_draft
from app.store.messages import get_message
from app.store.messages_repo import MessagesRepo

CONTACT = "4185550142"


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def _sender(api: Any, db: Any) -> MessageSender:
    store = MessagesRepo(db)
    return MessageSender(api, store, MessageSync(api, store), reconcile_delays=(0.0, 1.2))


def _calls(sandbox: Any, method: str, at_least: int = 1) -> list[Any]:
    """Logged calls, once at least ``at_least`` are: the sandbox logs a call just after
    answering it (on its own thread, with no hook to wait on), so this polls the log
    for that condition, within a deadline."""
    deadline = time.monotonic() + 2.0
    while len(sandbox.calls(method)) < at_least and time.monotonic() < deadline:
        time.sleep(0.01)
    return list(sandbox.calls(method))


def test_short_sms_goes_out_is_stored_and_clears_the_draft(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    outcome = run(_sender(api, db).send(did, CONTACT, "Your cake is ready 🎂"))
    [sent] = outcome.sent
    assert [c.params["message"] for c in _calls(sandbox, "sendSMS")] == ["Your cake is ready 🎂"]
    stored = run(db.run(get_message, MessageKind.SMS, sent.id))
    assert stored is not None and stored.message.direction is Direction.SENT and stored.read
    assert run(db.run(get_draft, did, CONTACT)) is None


def test_long_text_is_split_on_character_boundaries(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    text = "Bonjour é " * 30  # 330 bytes
    outcome = run(_sender(api, db).send(_did(sandbox), CONTACT, text, mode=LongTextMode.SPLIT))
    parts = [c.params["message"] for c in _calls(sandbox, "sendSMS", 3)]
    assert len(parts) == len(outcome.sent) == 3
    assert "".join(parts) == text
    assert all(len(p.encode()) <= 160 for p in parts)


def test_long_text_as_mms_when_chosen(sandbox: Any, api: Any, db: Any, run: Any) -> None:
    text = "x" * 400
    run(_sender(api, db).send(_did(sandbox), CONTACT, text, mode=LongTextMode.MMS))
    assert sandbox.calls("sendSMS") == []
    assert [c.params["message"] for c in _calls(sandbox, "sendMMS")] == [text]


def test_mms_with_image_is_a_post_with_base64_media(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    image = resources.read("media", "menu_board.png")
    outcome = run(_sender(api, db).send(_did(sandbox), CONTACT, "Today's menu", [image]))
    [call] = _calls(sandbox, "sendMMS")
    assert call.verb == "POST" and call.params["media1"].startswith("data:image/png;base64,")
    assert outcome.sent[0].kind is MessageKind.MMS
    assert sandbox.state.mms[-1].media  # the provider kept the picture


def test_refusal_keeps_the_draft_with_the_error(sandbox: Any, api: Any, db: Any, run: Any) -> None:
    did = _did(sandbox)
    sandbox.state.daily_send_limit = 0
    with pytest.raises(SendFailed) as caught:
        run(_sender(api, db).send(did, CONTACT, "Will this go?"))
    assert "daily limit" in caught.value.message
    draft = run(db.run(get_draft, did, CONTACT))
    assert draft is not None and draft.text == "Will this go?"
    assert "daily limit" in draft.last_error


def test_failed_second_part_keeps_only_the_unsent_rest(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    sandbox.state.daily_send_limit = sum(sandbox.state.sends_by_day.values()) + 1
    text = "word " * 60  # two parts
    with pytest.raises(SendFailed) as caught:
        run(_sender(api, db).send(did, CONTACT, text))
    first = _calls(sandbox, "sendSMS")[0].params["message"]
    assert len(caught.value.sent) == 1 and "1 of 2 parts" in caught.value.message
    draft = run(db.run(get_draft, did, CONTACT))
    assert draft is not None and first + draft.text == text


def test_invalid_input_is_refused_before_anything_is_sent(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    with pytest.raises(UserFacingError, match="not a valid"):
        run(_sender(api, db).send(_did(sandbox), "123", "hi"))
    with pytest.raises(UserFacingError, match='"0"'):
        run(_sender(api, db).send(_did(sandbox), CONTACT, "0"))
    assert sandbox.calls("sendSMS") == []


@pytest.fixture
def impatient_api(sandbox: Any, run: Any) -> Iterator[Api]:
    client = VoipMsClient(sandbox.username, sandbox.password, base_url=sandbox.url,
                          min_interval=0, timeout=0.3)
    yield Api(client)
    run(client.aclose())


def test_timeout_is_reconciled_with_history_not_resent(
    sandbox: Any, impatient_api: Api, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    sandbox.faults.inject("slow", methods="sendSMS", delay=1.0)
    outcome = run(_sender(impatient_api, db).send(did, CONTACT, "See you at 5"))
    # The slow call is logged when the sandbox answers it: _calls waits for that.
    assert len(_calls(sandbox, "sendSMS")) == 1  # never sent twice
    assert outcome.reconciled == 1
    assert outcome.sent[0].text == "See you at 5"
    assert run(db.run(get_draft, did, CONTACT)) is None


def test_a_timeout_is_not_settled_by_the_same_text_sent_just_before(
    sandbox: Any, impatient_api: Api, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    sender = _sender(impatient_api, db)
    run(sender.send(did, CONTACT, "OK"))
    # Again, and the connection drops before VoIP.ms ran it: the one "OK" in the
    # history is the first send's, so this one is said not sent, back in the box.
    sandbox.faults.inject("disconnect", methods="sendSMS")
    with pytest.raises(SendFailed, match="not sent again"):
        run(sender.send(did, CONTACT, "OK"))
    draft = run(db.run(get_draft, did, CONTACT))
    assert draft is not None and draft.text == "OK"


def test_timeout_without_trace_in_history_keeps_the_draft(
    sandbox: Any, impatient_api: Api, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    # The connection drops before the provider ran the call: nothing in history.
    sandbox.faults.inject("disconnect", methods="sendSMS")
    with pytest.raises(SendFailed, match="not sent again"):
        run(_sender(impatient_api, db).send(did, CONTACT, "Lost?"))
    assert len(sandbox.calls("sendSMS")) <= 1
    draft = run(db.run(get_draft, did, CONTACT))
    assert draft is not None and draft.text == "Lost?" and draft.last_error
