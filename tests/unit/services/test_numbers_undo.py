"""Undo of a routing change (issue #15.2), on the real store against the sandbox, no Qt.

An undo puts back every field a change set on every number it touched, with one
read-modify-write (``getDIDsInfo`` + ``setDIDInfo``) per number that keeps every
other field, logs itself under its own change id (so it can be undone too), and
says which numbers were restored and which were not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.config.settings import Settings
from app.domain.did_edit import DidEdit
from app.domain.errors import UserFacingError
from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService
from app.services.numbers.presets import PresetStore
from app.services.numbers.service import NumbersService
from app.store.dids import DidRepo

MAIN, SALES, IVR, FAX = "6175550100", "6175550111", "6175550122", "6175550133"
HANGUP = Route(RouteKind.SYSTEM, "hangup")


@pytest.fixture
def service(api: Any, db: Any, run: Any, tmp_path: Path) -> NumbersService:
    numbers = NumbersService(
        api, DidRepo(db), LookupService(api, db), PresetStore(Settings(path=tmp_path / "s.json"))
    )
    run(numbers.refresh())
    return numbers


def test_undo_of_a_bulk_reroute_restores_each_number_with_one_set_did_info(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    before = {n: dict(sandbox.state.dids[n]) for n in (MAIN, SALES, IVR)}
    # A portal-only setting the reroute never saw: the undo must keep it.
    sandbox.state.dids[SALES]["voicemail_threshold"] = "45"
    outcome = run(service.reroute([MAIN, SALES, IVR], HANGUP))
    assert outcome.change_id
    sandbox.clear_log()

    undone = run(service.undo(outcome.change_id))

    assert sorted(undone.restored) == sorted([MAIN, SALES, IVR])
    calls = sandbox.calls("setDIDInfo")
    assert sorted(c.params["did"] for c in calls) == sorted([MAIN, SALES, IVR])
    for number in (MAIN, SALES, IVR):
        state = sandbox.state.dids[number]
        for name in ("routing", "failover_busy", "failover_unreachable", "failover_noanswer",
                     "pop", "dialtime", "voicemail", "note"):
            assert state[name] == before[number][name], (number, name)
    assert sandbox.state.dids[SALES]["voicemail_threshold"] == "45"
    assert sandbox.state.dids[FAX]["routing"].startswith("sip:")
    assert undone.message().startswith("Undone: (617) 555-0100, (617) 555-0111, (617) 555-0122")


def test_an_undo_is_logged_and_can_itself_be_undone(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    first = run(service.reroute([MAIN], HANGUP))
    undone = run(service.undo(first.change_id))
    log = run(service.change_log())
    assert log[0].change_id == undone.change_id != first.change_id
    assert (log[0].field, log[0].old, log[0].new) == ("routing", "sys:hangup",
                                                      "account:284561_frontdesk")
    assert log[0].method == "setDIDInfo" and log[0].ok
    run(service.undo(undone.change_id))  # redo, in effect
    assert sandbox.state.dids[MAIN]["routing"] == "sys:hangup"


def test_undo_of_a_full_edit_restores_every_field_it_touched(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    before = dict(sandbox.state.dids[MAIN])
    saved = run(service.save_edit(MAIN, DidEdit(
        routing=HANGUP, failover_busy=Route(RouteKind.NONE, ""), dialtime=30,
        cnam=before["cnam"] not in ("1", 1, True), note="Closed")))
    assert saved.change_id
    run(service.undo(saved.change_id))
    after = sandbox.state.dids[MAIN]
    for name in ("routing", "failover_busy", "dialtime", "note", "cnam"):
        assert str(after[name]) == str(before[name]), name


def test_partial_failure_says_which_numbers_were_restored_and_which_not(
    service: NumbersService, sandbox: SandboxServer, run: Any, db: Any
) -> None:
    outcome = run(service.reroute([MAIN, SALES], HANGUP))
    sandbox.faults.inject("http_503", count=1, methods="setDIDInfo")
    with pytest.raises(UserFacingError) as raised:
        run(service.undo(outcome.change_id))
    text = raised.value.message
    restored = [n for n in (MAIN, SALES) if sandbox.state.dids[n]["routing"] != "sys:hangup"]
    refused = [n for n in (MAIN, SALES) if n not in restored]
    assert len(restored) == 1 and len(refused) == 1
    from app.domain.phone import format_number
    assert text.startswith(f"Undone: {format_number(restored[0])} is routed as before.")
    assert f"Not restored:\n{format_number(refused[0])}:" in text
    # The store agrees with the provider: the refused one still shows the reroute.
    assert run(DidRepo(db).get(refused[0])).routing == HANGUP
    assert not service.is_pending(refused[0])


def test_a_refused_change_offers_nothing_to_undo(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.ring_groups.clear()
    with pytest.raises(UserFacingError):
        run(service.reroute([MAIN], Route(RouteKind.RING_GROUP, "4768")))
    entry = run(service.change_log())[0]
    assert not entry.ok and entry.change_id
    with pytest.raises(UserFacingError, match="nothing to undo"):
        run(service.undo(entry.change_id))


def test_forwarding_to_a_typed_number_that_the_provider_refuses_says_why(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    # One of the account's own numbers: the reference's invalid_forwarding_did.
    edit = DidEdit(routing=Route(RouteKind.FORWARD, ""), forward_to_new=(("routing", SALES),))
    with pytest.raises(UserFacingError) as raised:
        run(service.save_edit(MAIN, edit))
    assert raised.value.message.startswith("Could not set up forwarding to (617) 555-0111:")
    assert sandbox.state.dids[MAIN]["routing"] == "account:284561_frontdesk"
    assert not service.is_pending(MAIN)


def test_a_typed_number_creates_one_forwarding_for_two_fields(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    edit = DidEdit(routing=Route(RouteKind.FORWARD, ""),
                   failover_busy=Route(RouteKind.FORWARD, ""),
                   forward_to_new=(("routing", "514 555 0123"),
                                   ("failover_busy", "(514) 555-0123")))
    sandbox.clear_log()
    run(service.save_edit(MAIN, edit))
    assert len(sandbox.calls("setForwarding")) == 1
    state = sandbox.state.dids[MAIN]
    assert state["routing"] == state["failover_busy"] and state["routing"].startswith("fwd:")
