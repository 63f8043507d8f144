"""The send journal (issue #13.1, #16.3) with the real service and store against the
sandbox, no Qt: every send is journalled before it goes out; an interrupted one is
reconciled with the history (found -> sent, not found -> "Not sent" and Send again,
history unreachable -> unknown, never resent); Cancel journals it unknown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.api.client import VoipMsClient
from app.api.typed import Api
from app.config.settings import Settings
from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.services.messages.changes import ThreadChange
from app.services.messages.journal import NOT_SENT_TEXT, OFFLINE_TEXT
from app.services.messages.sender import SendFailed
from app.services.messages.service import MessagesService
from app.services.sends import InFlightSends
from app.store.drafts import get_draft, save_draft
from app.store.messages_repo import MessagesRepo
from app.store.send_journal import begin_send, get_entry

CONTACT = "4185550142"


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def _service(api: Any, db: Any, sandbox: Any, tmp_path: Path) -> MessagesService:
    settings = Settings(path=None)
    settings.messages_backfill_days = 2
    return MessagesService(api, MessagesRepo(db), settings, tmp_path / "mms",
                           api_url=sandbox.url, in_flight=InFlightSends(),
                           reconcile_delays=(0.0, 0.2))


@pytest.fixture
def service(api: Any, db: Any, sandbox: Any, tmp_path: Path, run: Any
            ) -> Iterator[MessagesService]:
    created = _service(api, db, sandbox, tmp_path)
    yield created
    created.stop()
    run(asyncio.sleep(0))


@pytest.fixture
def impatient_api(sandbox: Any, run: Any) -> Iterator[Api]:
    client = VoipMsClient(sandbox.username, sandbox.password, base_url=sandbox.url,
                          min_interval=0, timeout=0.3)
    yield Api(client)
    run(client.aclose())


def _heard(service: MessagesService) -> list[JournalEntry]:
    heard: list[JournalEntry] = []
    service.sends_changed.connect(heard.append)
    return heard


def _interrupted(db: Any, run: Any, did: str, text: str, parts: list[str] | None = None
                 ) -> int:
    """What a run killed mid-send leaves: an entry still ``sending``, no draft."""
    entry = run(db.run(begin_send, SendKind.SMS, did, CONTACT, text, parts or [text]))
    return int(entry.id)


def test_a_send_is_journalled_before_the_wire_then_marked_sent(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    heard = _heard(service)
    run(db.run(save_draft, did, CONTACT, "Order ready"))
    calls_when_journalled: list[int] = []
    service.sends_changed.connect(
        lambda e: calls_when_journalled.append(len(sandbox.calls("sendSMS"))))
    run(service.send(did, CONTACT, "Order ready"))
    assert heard[0].state is SendState.SENDING and heard[0].parts == ("Order ready",)
    assert calls_when_journalled[0] == 0  # recorded before anything went out
    assert heard[-1].state is SendState.SENT and heard[-1].done_parts == 1
    assert run(db.run(get_entry, heard[0].id)).state is SendState.SENT
    # The draft went with the journal entry: a crash now leaves nothing to resend.
    assert run(db.run(get_draft, did, CONTACT)) is None
    assert run(service.pending_sends(did, CONTACT)) == []


def test_an_interrupted_send_found_in_the_history_is_sent_and_shown(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    entry_id = _interrupted(db, run, did, "Table for 4 at 7")
    # The provider had executed it before the app died.
    sandbox.state.add_text("sms", date=sandbox.state.clock.now_wall(), type_=0, did=did,
                           contact=CONTACT, message="Table for 4 at 7")
    changes: list[ThreadChange] = []
    service.thread_changed.connect(changes.append)
    [entry] = run(service.recover_sends())
    assert entry.id == entry_id and entry.state is SendState.SENT
    assert sandbox.calls("sendSMS") == []  # never sent again
    [change] = changes
    assert [s.message.text for s in change.upserted] == ["Table for 4 at 7"]
    assert run(service.pending_sends(did, CONTACT)) == []


def test_an_interrupted_send_not_in_the_history_is_not_sent_and_can_be_sent_again(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    entry_id = _interrupted(db, run, did, "Never arrived")
    [entry] = run(service.recover_sends())
    assert entry.state is SendState.FAILED and entry.error == NOT_SENT_TEXT
    [shown] = run(service.pending_sends(did, CONTACT))
    assert shown.id == entry_id
    assert sandbox.calls("sendSMS") == []  # nothing automatic
    result = run(service.send_again(entry_id))
    assert [m.text for m in result.outcome.sent] == ["Never arrived"]
    assert len(sandbox.calls("sendSMS")) == 1
    assert run(db.run(get_entry, entry_id)).closed
    assert run(service.pending_sends(did, CONTACT)) == []


def test_a_multipart_send_resumes_only_the_parts_not_found(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    entry_id = _interrupted(db, run, did, "first half second half",
                            ["first half ", "second half"])
    sandbox.state.add_text("sms", date=sandbox.state.clock.now_wall(), type_=0, did=did,
                           contact=CONTACT, message="first half ")
    [entry] = run(service.recover_sends())
    assert entry.state is SendState.FAILED and entry.done_parts == 1
    assert entry.unsent_text == "second half"
    run(service.send_again(entry_id))
    assert [c.params["message"] for c in sandbox.calls("sendSMS")] == ["second half"]


def test_the_same_text_sent_just_before_is_not_taken_for_the_interrupted_one(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    # "OK" sent and confirmed, then "OK" again that the app was killed sending and
    # that never reached VoIP.ms: the history's one "OK" is the first send's.
    did = _did(sandbox)
    run(service.send(did, CONTACT, "OK"))
    second = _interrupted(db, run, did, "OK")
    [entry] = run(service.recover_sends())
    assert entry.id == second and entry.state is SendState.FAILED
    assert entry.error == NOT_SENT_TEXT
    assert len(sandbox.calls("sendSMS")) == 1  # nothing resent by itself
    # Had it gone out, the history would hold two: then it is found as sent.
    third = _interrupted(db, run, did, "OK")
    sandbox.state.add_text("sms", date=sandbox.state.clock.now_wall(), type_=0, did=did,
                           contact=CONTACT, message="OK")
    [entry] = run(service.recover_sends())
    assert entry.id == third and entry.state is SendState.SENT


def test_two_interrupted_sends_of_one_text_share_what_the_history_holds(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    first = _interrupted(db, run, did, "On my way")
    second = _interrupted(db, run, did, "On my way")
    sandbox.state.add_text("sms", date=sandbox.state.clock.now_wall(), type_=0, did=did,
                           contact=CONTACT, message="On my way")
    entries = {e.id: e for e in run(service.recover_sends())}
    assert entries[first].state is SendState.SENT  # the oldest takes the one copy
    assert entries[second].state is SendState.FAILED  # the other did not go out
    assert sandbox.calls("sendSMS") == []


def test_a_part_repeated_in_one_send_needs_its_own_copy(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    entry_id = _interrupted(db, run, did, "ha ha ", ["ha ", "ha "])
    sandbox.state.add_text("sms", date=sandbox.state.clock.now_wall(), type_=0, did=did,
                           contact=CONTACT, message="ha ")
    [entry] = run(service.recover_sends())
    assert entry.id == entry_id and entry.state is SendState.FAILED
    assert entry.done_parts == 1 and entry.unsent_text == "ha "


def test_history_unreachable_leaves_it_unknown_and_never_resends(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    entry_id = _interrupted(db, run, did, "Are we still on?")
    sandbox.faults.inject("http_503", count=20, methods={"getSMS", "getMMS"})
    [entry] = run(service.recover_sends())
    assert entry.state is SendState.UNKNOWN and entry.error == OFFLINE_TEXT
    with pytest.raises(Exception, match="no longer waiting"):
        run(service.send_again(entry_id))  # unknown is never offered for Send again
    assert sandbox.calls("sendSMS") == []
    sandbox.faults.clear()
    [entry] = run(service.check_sends())  # VoIP.ms answers again: checked, not resent
    assert entry.state is SendState.FAILED
    assert sandbox.calls("sendSMS") == []


def test_cancel_journals_unknown_and_reconciles_it_as_sent(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    heard = _heard(service)
    # The provider executes the send, then stays silent.
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=30)

    async def scenario() -> None:
        task = asyncio.ensure_future(service.send(did, CONTACT, "Running late"))
        while not sandbox.calls("sendSMS"):
            await asyncio.sleep(0.02)  # polls the sandbox's log (another thread)
        assert service.cancel_send(heard[0].id)
        with pytest.raises(asyncio.CancelledError):
            await task
        assert heard[-1].state is SendState.UNKNOWN  # never assumed unsent
        while heard[-1].state is SendState.UNKNOWN:
            await asyncio.sleep(0.02)  # the background reconciliation (real HTTP)

    run(asyncio.wait_for(scenario(), 20))
    assert heard[-1].state is SendState.SENT
    assert len(sandbox.calls("sendSMS")) == 1


def test_a_timeout_with_the_history_unreachable_keeps_it_out_of_the_compose_box(
    impatient_api: Api, sandbox: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    service = _service(impatient_api, db, sandbox, tmp_path)
    did = _did(sandbox)
    sandbox.faults.inject("hang_after", methods="sendSMS", delay=5)
    sandbox.faults.inject("http_503", count=20, methods={"getSMS", "getMMS"})
    with pytest.raises(SendFailed, match="will not be sent again") as caught:
        run(service.send(did, CONTACT, "Did this go?"))
    assert caught.value.kept_in_journal
    assert run(db.run(get_draft, did, CONTACT)) is None  # not a draft Send would repeat
    [entry] = run(service.pending_sends(did, CONTACT))
    assert entry.state is SendState.UNKNOWN and entry.error == OFFLINE_TEXT
    service.stop()


def test_only_the_orphans_of_a_previous_run_become_unknown(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    did = _did(sandbox)
    started = time.time()
    entry_id = _interrupted(db, run, did, "left behind")
    entries = run(service.outgoing.recover())
    assert [e.id for e in entries] == [entry_id]
    assert entries[0].state is SendState.UNKNOWN and entries[0].updated.timestamp() >= started - 1
