"""Sending a composed fax: validation, size limit, refusals, no-answer reconciliation."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.sandbox import SandboxServer
from app.services.fax.send import (
    MAX_FAX_FILE_BYTES,
    FaxSender,
    OutgoingFax,
    SendFailed,
    SendUncertain,
    check_outgoing,
)
from app.services.fax.service import FaxService
from app.store.fax import FaxRepo
from app.store.sync_state import SyncState


def logged(
    sandbox: SandboxServer, method: str, at_least: int = 1, timeout: float = 2.0
) -> list[Any]:
    """Calls of ``method``; the sandbox logs a call just after answering it, so poll briefly.

    To show that a call did *not* happen, ask for one more than expected with a
    short ``timeout``.
    """
    deadline = time.monotonic() + timeout
    while len(calls := sandbox.calls(method)) < at_least and time.monotonic() < deadline:
        time.sleep(0.01)
    return calls


PDF = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n"


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path) -> FaxService:
    return FaxService(api, FaxRepo(db), SyncState(db), tmp_path / "fax")


@pytest.fixture
def outgoing(tmp_path: Path) -> OutgoingFax:
    document = tmp_path / "composed.pdf"
    document.write_bytes(PDF)
    return OutgoingFax(
        to_number="(781) 555-0164",
        from_number="6175550133",
        sender_name="Maple St Bakery",
        station_id="BAKERY",
        email_copy="",
        document=document,
        pages=2,
    )


def test_check_outgoing_names_every_problem(outgoing: OutgoingFax) -> None:
    assert check_outgoing(outgoing) == []
    bad = replace(
        outgoing, to_number="555-12", from_number="", station_id="X" * 21,
        email_copy="nobody@", pages=0,
    )
    problems = " ".join(check_outgoing(bad, size=MAX_FAX_FILE_BYTES + 1))
    for part in ("not a valid US or Canadian fax number", "send from", "station id",
                 "not a valid e-mail", "Attach at least one", "the most that can be sent"):
        assert part in problems
    assert check_outgoing(replace(outgoing, to_number=""))[0] == "Enter the fax number to send to."


def test_send_posts_base64_and_the_fax_appears_in_sent(
    service: FaxService, outgoing: OutgoingFax, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    before = {f.id for f in run(service.messages("SENT"))}
    changes = run(FaxSender(service).send(replace(outgoing, email_copy="me@example.com")))
    (call,) = logged(sandbox, "sendFaxMessage")
    assert call.verb == "POST"  # base64 never goes in a URL
    assert call.params["to_number"] == "7815550164"
    assert call.params["send_email"] == "me@example.com"
    assert call.params["station_id"] == "BAKERY"
    new = [f for f in run(service.messages("SENT")) if f.id not in before]
    assert len(new) == 1 and new[0].destination == "7815550164" and new[0].pages == 2
    # What the follow-up sync wrote is what the send returns (the view applies it).
    assert new[0] in changes.upserted


def test_too_large_is_refused_before_uploading(
    service: FaxService, outgoing: OutgoingFax, sandbox: SandboxServer, run: Any
) -> None:
    outgoing.document.write_bytes(PDF + b"0" * MAX_FAX_FILE_BYTES)
    with pytest.raises(SendFailed, match=r"the most that can be sent is 10.0 MB"):
        run(FaxSender(service).send(outgoing))
    assert sandbox.calls("sendFaxMessage") == []


def test_refusal_keeps_the_fax_and_says_it_was_not_sent(
    service: FaxService, outgoing: OutgoingFax, sandbox: SandboxServer, run: Any
) -> None:
    with pytest.raises(SendFailed, match=r"was not sent: .*Your fax is kept"):
        run(FaxSender(service).send(replace(outgoing, from_number="2125550100")))
    assert outgoing.document.exists()
    assert len(logged(sandbox, "sendFaxMessage", 2, timeout=0.3)) == 1  # never retried


def test_no_answer_is_reported_as_uncertain_and_not_retried(
    service: FaxService, outgoing: OutgoingFax, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.faults.inject("disconnect", methods={"sendFaxMessage"})
    with pytest.raises(SendUncertain, match=r"may have been sent. Check the Sent folder"):
        run(FaxSender(service).send(outgoing))
    assert len(logged(sandbox, "sendFaxMessage", 2, timeout=0.3)) == 1


def test_no_answer_but_found_in_sent_counts_as_sent(
    service: FaxService, outgoing: OutgoingFax, sandbox: SandboxServer, run: Any
) -> None:
    # "truncated_json": the fax goes out, the answer is lost on the way back.
    sandbox.faults.inject("truncated_json", methods={"sendFaxMessage"})
    changes = run(FaxSender(service).send(outgoing))
    assert any(f.destination == "7815550164" for f in run(service.messages("SENT")))
    assert any(f.destination == "7815550164" for f in changes.upserted)
