"""Fax sends in the send journal (issue #13.1): journalled before the upload, a
refusal is failed, and a send a killed run left behind is looked for in Sent:
found -> sent, not found -> "Not sent", Sent unreachable -> unknown (never resent)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.sandbox import SandboxServer
from app.services.fax.journal import FaxJournal
from app.services.fax.send import FaxSender, OutgoingFax, SendFailed, SendUncertain
from app.services.fax.service import FaxService
from app.services.messages.journal import NOT_SENT_TEXT, OFFLINE_TEXT
from app.services.sends import InFlightSends
from app.store.fax import FaxRepo
from app.store.send_journal import SendJournalRepo, begin_send, get_entry
from app.store.sync_state import SyncState
from tests.unit.services.test_fax_send import PDF


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path) -> FaxService:
    return FaxService(api, FaxRepo(db), SyncState(db), tmp_path / "fax")


@pytest.fixture
def journal(service: FaxService, db: Any) -> FaxJournal:
    return FaxJournal(SendJournalRepo(db), service)


@pytest.fixture
def outgoing(tmp_path: Path) -> OutgoingFax:
    document = tmp_path / "composed.pdf"
    document.write_bytes(PDF)
    return OutgoingFax("(781) 555-0164", "6175550133", "Maple St Bakery", "BAKERY", "",
                       document, 2)


def _interrupted(db: Any, run: Any, to: str) -> int:
    entry = run(db.run(begin_send, SendKind.FAX, "6175550133", to, "2 pages", ["2 pages"],
                       ["/tmp/composed.pdf"]))
    return int(entry.id)


def test_a_fax_is_journalled_before_the_upload_and_marked_sent(
    service: FaxService, journal: FaxJournal, outgoing: OutgoingFax, sandbox: SandboxServer,
    db: Any, run: Any
) -> None:
    heard: list[JournalEntry] = []
    journal.changed.connect(heard.append)
    calls_at_first: list[int] = []
    journal.changed.connect(lambda e: calls_at_first.append(len(sandbox.calls("sendFaxMessage"))))
    run(FaxSender(service, journal=journal, in_flight=InFlightSends()).send(outgoing))
    assert heard[0].state is SendState.SENDING and calls_at_first[0] == 0
    assert heard[0].contact == "7815550164" and heard[0].extra["sender_name"] == "Maple St Bakery"
    assert run(db.run(get_entry, heard[0].id)).state is SendState.SENT


def test_a_refused_fax_is_failed_and_not_left_pending(
    service: FaxService, journal: FaxJournal, outgoing: OutgoingFax, sandbox: SandboxServer,
    run: Any
) -> None:
    heard: list[JournalEntry] = []
    journal.changed.connect(heard.append)
    with pytest.raises(SendFailed):
        run(FaxSender(service, journal=journal).send(replace(outgoing, from_number="2125550100")))
    assert heard[-1].state is SendState.FAILED and heard[-1].closed
    assert run(journal.pending()) == []


def test_an_interrupted_fax_found_in_sent_is_sent_and_one_not_found_is_not_sent(
    service: FaxService, journal: FaxJournal, outgoing: OutgoingFax, sandbox: SandboxServer,
    db: Any, run: Any
) -> None:
    run(FaxSender(service).send(outgoing))  # the provider has it in Sent
    found = _interrupted(db, run, "7815550164")
    missing = _interrupted(db, run, "7815550199")
    results = {e.id: e for e in run(journal.recover())}
    assert results[found].state is SendState.SENT
    assert results[missing].state is SendState.FAILED and results[missing].error == NOT_SENT_TEXT
    assert len(sandbox.calls("sendFaxMessage")) == 1  # nothing resent
    assert [e.id for e in run(journal.pending())] == [missing]


def test_a_fax_sent_and_confirmed_before_is_not_taken_for_the_interrupted_one(
    service: FaxService, journal: FaxJournal, outgoing: OutgoingFax, sandbox: SandboxServer,
    db: Any, run: Any
) -> None:
    # Sent (journalled, confirmed) at 10:00; sent again minutes later by a run that
    # was killed before the upload reached VoIP.ms: Sent's one fax is the first's.
    run(FaxSender(service, journal=journal, in_flight=InFlightSends()).send(outgoing))
    again = _interrupted(db, run, "7815550164")
    results = {e.id: e for e in run(journal.recover())}
    assert results[again].state is SendState.FAILED and results[again].error == NOT_SENT_TEXT
    assert len(sandbox.calls("sendFaxMessage")) == 1
    # Two interrupted sends and one copy in Sent: the older takes it.
    run(FaxSender(service).send(outgoing))  # a copy no journal entry claims
    first = _interrupted(db, run, "7815550164")
    second = _interrupted(db, run, "7815550164")
    results = {e.id: e for e in run(journal.recover())}
    assert results[first].state is SendState.SENT
    assert results[second].state is SendState.FAILED


def test_no_answer_on_a_second_fax_is_not_settled_by_the_first_one_in_sent(
    service: FaxService, journal: FaxJournal, outgoing: OutgoingFax, sandbox: SandboxServer,
    db: Any, run: Any
) -> None:
    sender = FaxSender(service, journal=journal, in_flight=InFlightSends())
    run(sender.send(outgoing))
    heard: list[JournalEntry] = []
    journal.changed.connect(heard.append)
    sandbox.faults.inject("disconnect", methods={"sendFaxMessage"})  # never executed
    with pytest.raises(SendUncertain):
        run(sender.send(outgoing))
    assert heard[-1].state is SendState.UNKNOWN
    # Executed, the answer lost on the way back: Sent holds a second copy.
    sandbox.faults.inject("truncated_json", methods={"sendFaxMessage"})
    run(sender.send(outgoing))
    assert heard[-1].state is SendState.SENT


def test_sent_folder_unreachable_leaves_it_unknown(
    journal: FaxJournal, sandbox: SandboxServer, db: Any, run: Any
) -> None:
    entry_id = _interrupted(db, run, "7815550164")
    sandbox.faults.inject("http_503", count=20, methods={"getFaxMessages", "getFaxFolders"})
    [entry] = run(journal.recover())
    assert entry.id == entry_id and entry.state is SendState.UNKNOWN
    assert entry.error == OFFLINE_TEXT
    assert sandbox.calls("sendFaxMessage") == []
