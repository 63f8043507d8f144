"""NumbersService on the real store and lookups, against the sandbox over HTTP, without Qt.

The store is the truth: the service answers from it (no copy of its own),
commands return the change set a view applies, and every change is announced
as it happens (optimistic, confirmed, rolled back) through plain ``Event``s.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from app.config.settings import Settings
from app.domain.did_edit import DidEdit
from app.domain.errors import UserFacingError
from app.domain.models.numbers import ChangeLogEntry
from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService
from app.services.numbers.changes import DidChangeSet
from app.services.numbers.presets import PresetStore, RoutingPreset
from app.services.numbers.service import NumbersService
from app.store.dids import DidRepo

MAIN, SALES, IVR, FAX = "6175550100", "6175550111", "6175550122", "6175550133"
VM = Route(RouteKind.VOICEMAIL, "1001")


class Heard:
    """Everything the service announced, in order."""

    def __init__(self, service: NumbersService) -> None:
        self.sets: list[DidChangeSet] = []
        self.pending: list[tuple[str, str]] = []
        self.logged: list[ChangeLogEntry] = []
        service.dids_changed.connect(self.sets.append)
        service.pending_changed.connect(lambda n, what: self.pending.append((n, what)))
        service.change_logged.connect(self.logged.extend)


@pytest.fixture
def service(api: Any, db: Any, run: Any, tmp_path: Path) -> NumbersService:
    numbers = NumbersService(
        api, DidRepo(db), LookupService(api, db), PresetStore(Settings(path=tmp_path / "s.json"))
    )
    run(numbers.refresh())
    return numbers


def test_refresh_stores_the_dids_and_says_which_went(
    service: NumbersService, sandbox: SandboxServer, db: Any, run: Any
) -> None:
    assert [d.did for d in run(DidRepo(db).load())] == [MAIN, SALES, IVR, FAX]
    del sandbox.state.dids[FAX]
    heard = Heard(service)
    changes = run(service.refresh())
    assert changes.removed == (FAX,)
    assert [d.did for d in changes.changed] == [MAIN, SALES, IVR]
    assert heard.sets == [changes]
    assert [d.did for d in run(service.dids())] == [MAIN, SALES, IVR]


def test_the_service_reads_the_store_not_a_copy(
    service: NumbersService, db: Any, run: Any, sandbox: SandboxServer
) -> None:
    # Another writer of the store (a second window, a sync) is seen at once.
    stored = run(service.did(MAIN))
    assert stored is not None
    run(DidRepo(db).put(dataclasses.replace(stored, routing=VM)))
    assert run(service.did(MAIN)) == dataclasses.replace(stored, routing=VM)
    plan = run(service.preview_preset(RoutingPreset("After hours", VM)))
    assert [c.did.did for c in plan] == [SALES, IVR, FAX]  # MAIN is already there
    sandbox.clear_log()
    outcome = run(service.reroute([MAIN], VM))
    assert outcome.unchanged == [MAIN] and sandbox.request_log == []


def test_reroute_shows_at_once_then_confirms_and_returns_the_rows(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.refresh_lookups())  # names for "what is being saved"
    sandbox.clear_log()
    heard = Heard(service)
    outcome = run(service.reroute([SALES, IVR], VM))
    assert outcome.changed == [SALES, IVR]
    assert [(d.did, d.routing) for d in outcome.changes.changed] == [(SALES, VM), (IVR, VM)]
    # One optimistic set with both rows, then each confirmation.
    assert [[d.did for d in s.changed] for s in heard.sets] == [[SALES, IVR], [SALES], [IVR]]
    assert heard.sets[0].changed == outcome.changes.changed
    assert heard.pending == [(SALES, "routing to Voicemail 1001 - Front desk"),
                             (IVR, "routing to Voicemail 1001 - Front desk"),
                             (SALES, ""), (IVR, "")]
    assert [(c.params["did"], c.params["routing"]) for c in sandbox.calls("setDIDRouting")] == [
        (SALES, "vm:1001"), (IVR, "vm:1001")]
    assert [d.routing for d in run(service.dids()) if d.did in (SALES, IVR)] == [VM, VM]
    # Each line is written before its call (pending: a kill then leaves it in the
    # log), then settled with VoIP.ms's answer.
    assert [(e.did, e.field, e.new, e.pending, e.ok) for e in heard.logged] == [
        (SALES, "routing", "vm:1001", True, False), (SALES, "routing", "vm:1001", False, True),
        (IVR, "routing", "vm:1001", True, False), (IVR, "routing", "vm:1001", False, True)]
    # The store lists them newest first (the last written first).
    assert run(service.change_log()) == [e for e in heard.logged if not e.pending][::-1]
    assert not service.is_pending(SALES) and not service.is_pending(IVR)


def test_refused_reroute_shows_the_stored_row_again(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.ring_groups.clear()  # deleted on the portal after we cached it
    before = run(service.did(MAIN))
    heard = Heard(service)
    with pytest.raises(UserFacingError) as info:
        run(service.reroute([MAIN], Route(RouteKind.RING_GROUP, "4768")))
    assert info.value.message.startswith("(617) 555-0100 could not be routed to Ring group")
    assert heard.sets[0].changed[0].routing == Route(RouteKind.RING_GROUP, "4768")
    assert heard.sets[-1] == DidChangeSet((before,))  # type: ignore[arg-type]
    assert run(service.did(MAIN)) == before
    assert [(e.ok, bool(e.reason)) for e in heard.logged if not e.pending] == [(False, True)]
    assert not service.is_pending(MAIN)


def test_each_edit_uses_the_narrowest_call(
    service: NumbersService, sandbox: SandboxServer, api: Any, run: Any
) -> None:
    current = run(service.did(SALES))
    assert current is not None
    pop = next(s.pop for s in run(api.get_servers()) if s.pop != current.pop)
    sandbox.clear_log()
    saved = run(service.save_edit(SALES, DidEdit(pop=pop)))
    assert [c.method for c in sandbox.request_log] == ["setDIDPOP"]
    assert saved == DidChangeSet((dataclasses.replace(current, pop=pop),))
    assert run(service.did(SALES)) == saved.changed[0]

    sandbox.clear_log()
    saved = run(service.save_edit(SALES, DidEdit(note="Front counter", dialtime=35)))
    assert [c.method for c in sandbox.request_log] == ["getDIDsInfo", "setDIDInfo"]
    row = saved.did(SALES)
    assert row is not None and (row.note, row.dialtime, row.pop) == ("Front counter", 35, pop)
    assert sandbox.state.dids[SALES]["note"] == "Front counter"

    sandbox.clear_log()
    assert run(service.save_edit(SALES, DidEdit(note="Front counter"))) == DidChangeSet()
    assert sandbox.request_log == []


def test_refused_edit_names_the_number_and_keeps_the_store(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.mailboxes.pop("1002")
    before = run(service.did(SALES))
    with pytest.raises(UserFacingError) as info:
        run(service.save_edit(SALES, DidEdit(note="Changed",
                                             failover_unreachable=Route(RouteKind.VOICEMAIL,
                                                                        "1002"))))
    assert info.value.message.startswith("(617) 555-0111 was not changed: ")
    assert run(service.did(SALES)) == before
    assert sandbox.state.dids[SALES]["note"] == "Sales & catering"


def test_routing_choices_come_from_the_lookup_cache(
    service: NumbersService, sandbox: SandboxServer, run: Any
) -> None:
    assert run(service.routing_choices()).lists == {}  # nothing cached yet
    fetched = run(service.refresh_lookups())
    assert fetched.problems == () and fetched.servers
    sandbox.clear_log()
    cached = run(service.routing_choices())
    assert cached.lists == fetched.lists and cached.servers == fetched.servers
    assert sandbox.request_log == []
