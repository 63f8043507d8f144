"""Honest words when a send is turned away (issue #13.15), against sandbox faults.

A rate limit drops a send unexecuted: the user must hear that it was not sent
(not "Switchboard will wait a minute and continue", which it does for reads only);
a number without SMS says that SMS is off for it; a change refused by the rate
limit says nothing was changed.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.api.errors import RateLimited, StatusError
from app.api.messages import message_for
from app.services.messages.sender import SendFailed
from app.store.drafts import get_draft
from tests.unit.services.test_messages_send import CONTACT, _calls, _did, _sender


def test_a_send_dropped_by_the_rate_limit_says_it_was_not_sent(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    sandbox.faults.inject("rate_limit", count=1, methods=["sendSMS"])
    with pytest.raises(SendFailed) as caught:
        run(_sender(api, db).send(did, CONTACT, "Table for four at eight?"))
    text = caught.value.message
    assert "not sent" in text and "too many requests" in text and "again in a minute" in text
    assert "continue" not in text  # Switchboard does not send it later on its own
    assert len(_calls(sandbox, "sendSMS")) == 1  # asked once, not retried
    assert not [m for m in sandbox.state.sms if m.message == "Table for four at eight?"
                and m.type == 0]
    draft = run(db.run(get_draft, did, CONTACT))
    assert draft is not None and draft.text == "Table for four at eight?"


def test_sending_from_a_number_without_sms_says_so(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    with sandbox.state.lock:
        did, row = next((d, r) for d, r in sandbox.state.dids.items()
                        if r.get("sms_enabled") == "1")
        row["sms_enabled"] = "0"
    with pytest.raises(SendFailed) as caught:
        run(_sender(api, db).send(did, CONTACT, "Hello"))
    text = caught.value.message
    assert "SMS is not turned on" in text and "send from another number" in text
    assert "not a valid" not in text


def test_the_rate_limit_on_a_read_and_a_change_each_say_what_happens() -> None:
    read = RateLimited("api_limit_exceeded", method="getSMS")
    assert "wait a minute and continue" in read.message  # reads are retried after the pause
    change = RateLimited("api_limit_exceeded", method="setDIDRouting")
    assert "nothing was changed" in change.message and "continue" not in change.message
    fax = StatusError("api_limit_exceeded", method="sendFaxMessage")
    assert "nothing was sent" in fax.message
    # Without a method (or for other statuses) the general sentence stays.
    assert message_for("invalid_did") == message_for("invalid_did", "getDIDsInfo")
