"""NumbersService logic with in-memory ports: optimism, rollback, pending guard, log.

These cover the service's own decisions quickly, and stage what the sandbox
cannot (an answer held back, one list failing alone); the same paths run against
the sandbox over real HTTP in test_numbers_sandbox_service.py (no Qt) and in
tests/gui/test_numbers_*.py (the tab).
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.config.settings import Settings
from app.domain.did_edit import DidEdit
from app.domain.errors import UserFacingError
from app.domain.models.numbers import ChangeLogEntry, Did, RoutingTarget, Server
from app.domain.routing import Route, RouteKind
from app.services.numbers.changes import DidChangeSet
from app.services.numbers.presets import PresetStore, RoutingPreset
from app.services.numbers.service import NumbersService
from tests.unit.services.test_numbers_edit import make_did

VM = Route(RouteKind.VOICEMAIL, "1001")


class FakeApi:
    def __init__(self, dids: list[Did]) -> None:
        self.dids = {d.did: d for d in dids}
        self.calls: list[tuple[str, object]] = []
        self.refuse: dict[str, str] = {}
        self.gate: asyncio.Event | None = None

    async def _maybe_refuse(self, did: str) -> None:
        if self.gate is not None:
            await self.gate.wait()
        if did in self.refuse:
            raise UserFacingError(self.refuse[did])

    async def get_dids(self) -> list[Did]:
        return list(self.dids.values())

    async def get_did(self, did: str) -> Did | None:
        self.calls.append(("getDIDsInfo", did))
        return self.dids.get(did)

    async def set_did_routing(self, did: str, route: Route) -> None:
        self.calls.append(("setDIDRouting", (did, route)))
        await self._maybe_refuse(did)

    async def set_did_info(self, did: Did) -> None:
        self.calls.append(("setDIDInfo", did))
        await self._maybe_refuse(did.did)

    async def set_did_pop(self, did: str, pop: str) -> None:
        self.calls.append(("setDIDPOP", (did, pop)))
        await self._maybe_refuse(did)

    async def set_did_voicemail(self, did: str, mailbox: str) -> None:
        self.calls.append(("setDIDVoicemail", (did, mailbox)))
        await self._maybe_refuse(did)


class FakeStore:
    def __init__(self) -> None:
        self.dids: dict[str, Did] = {}
        self.log: list[ChangeLogEntry] = []

    async def load(self) -> list[Did]:
        return list(self.dids.values())

    async def get(self, number: str) -> Did | None:
        return self.dids.get(number)

    async def replace_all(self, dids: Sequence[Did]) -> list[str]:
        removed = [n for n in self.dids if n not in {d.did for d in dids}]
        self.dids = {d.did: d for d in dids}
        return removed

    async def put(self, did: Did) -> None:
        self.dids[did.did] = did

    async def log_changes(self, entries: Sequence[ChangeLogEntry]) -> None:
        self.log.extend(entries)

    async def changes(self, did: str | None, limit: int) -> list[ChangeLogEntry]:
        rows = [e for e in reversed(self.log) if did is None or e.did == did]
        return rows[:limit]

    async def settle_changes(
        self, change_id: str, did: str, ok: bool, reason: str
    ) -> list[ChangeLogEntry]:
        settled = []
        for i, e in enumerate(self.log):
            if e.pending and e.change_id == change_id and e.did == did:
                self.log[i] = dataclasses.replace(e, pending=False, ok=ok, reason=reason)
                settled.append(self.log[i])
        return settled

    async def pending_changes(self) -> list[ChangeLogEntry]:
        return [e for e in self.log if e.pending]


class FakeLookups:
    async def cached_routing_targets(self) -> Mapping[RouteKind, Sequence[RoutingTarget]]:
        return {RouteKind.VOICEMAIL: [RoutingTarget("1001", "Front desk")]}

    async def cached_servers(self) -> Sequence[Server]:
        return []

    async def routing_targets(
        self, kind: RouteKind, *, refresh: bool = False
    ) -> list[RoutingTarget]:
        return list((await self.cached_routing_targets()).get(kind, []))

    async def servers(self, *, refresh: bool = False) -> list[Server]:
        return []


@pytest.fixture
def setup(tmp_path: Path) -> tuple[NumbersService, FakeApi, FakeStore]:
    dids = [make_did("5550000001"), make_did("5550000002"), make_did("5550000003")]
    api = FakeApi(dids)
    store = FakeStore()
    store.dids = {d.did: d for d in dids}
    service = NumbersService(
        api, store, FakeLookups(), PresetStore(Settings(path=tmp_path / "s.json")),
        clock=lambda: datetime(2024, 5, 1, tzinfo=UTC),
    )
    return service, api, store


def test_bulk_reroute_partial_refusal_rolls_back_only_the_refused(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, store = setup
    api.refuse["5550000002"] = "This is not a valid mailbox."
    sets: list[DidChangeSet] = []
    service.dids_changed.connect(sets.append)
    logged: list[ChangeLogEntry] = []
    service.change_logged.connect(logged.extend)
    with pytest.raises(UserFacingError) as info:
        asyncio.run(service.reroute(["5550000001", "5550000002", "5550000003"], VM))
    assert "1 of 3 numbers could not be routed to Voicemail 1001 - Front desk" in info.value.message
    assert "(555) 000-0002: This is not a valid mailbox." in info.value.message
    assert store.dids["5550000001"].routing == VM
    assert store.dids["5550000002"].routing.to_api() == "account:100001_VoIP"
    assert store.dids["5550000003"].routing == VM
    assert asyncio.run(service.did("5550000002")) == store.dids["5550000002"]
    # Optimistic first (all three rows in one set), then confirmations / the rollback.
    assert [len(s.changed) for s in sets] == [3, 1, 1, 1]
    seen = [(d.did, d.routing.to_api()) for s in sets for d in s.changed]
    assert seen[:3] == [(n, "vm:1001") for n in ("5550000001", "5550000002", "5550000003")]
    assert seen[3:] == [("5550000001", "vm:1001"), ("5550000002", "account:100001_VoIP"),
                        ("5550000003", "vm:1001")]
    assert [(e.did, e.ok) for e in store.log] == [
        ("5550000001", True), ("5550000002", False), ("5550000003", True)]
    assert store.log[1].reason == "This is not a valid mailbox."
    # Each line announced when written before its call (pending), then settled.
    assert [e for e in logged if e.pending] == [
        dataclasses.replace(e, pending=True, ok=False, reason="") for e in store.log]
    assert [e for e in logged if not e.pending] == store.log
    assert not any(e.pending for e in store.log)
    assert not any(service.is_pending(n) for n in store.dids)


def test_change_while_pending_is_refused(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, _store = setup

    async def scenario() -> str:
        api.gate = asyncio.Event()
        first = asyncio.create_task(service.reroute(["5550000001"], VM))
        await asyncio.sleep(0)
        assert service.is_pending("5550000001")
        try:
            await service.save_edit("5550000001", DidEdit(note="x"))
        except UserFacingError as exc:
            message = exc.message
        api.gate.set()
        await first
        return message

    assert "still being saved" in asyncio.run(scenario())
    assert not service.is_pending("5550000001")


def test_full_edit_reads_fresh_and_keeps_portal_changes(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, _store = setup
    # Changed on the portal since we loaded: our write must not undo it.
    api.dids["5550000001"] = dataclasses.replace(make_did("5550000001"), callerid_prefix="PORTAL")
    saved = asyncio.run(service.save_edit("5550000001", DidEdit(note="New note", cnam=False)))
    method, sent = api.calls[-1]
    assert method == "setDIDInfo" and isinstance(sent, Did)
    assert ("getDIDsInfo", "5550000001") in api.calls
    assert (sent.note, sent.cnam, sent.callerid_prefix) == ("New note", False, "PORTAL")
    row = saved.did("5550000001")
    assert row is not None and row.callerid_prefix == "PORTAL"
    assert saved.changed == (sent,) and _store.dids["5550000001"] == sent


def test_preset_with_nothing_to_change_makes_no_call(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, _store = setup
    preset = RoutingPreset("Day", make_did().routing)
    assert asyncio.run(service.preview_preset(preset)) == []
    outcome = asyncio.run(service.apply_preset(preset))
    assert outcome.changed == [] and api.calls == []
    assert not outcome.changes


def test_one_failing_target_list_does_not_stop_the_others(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, _api, _store = setup

    class HalfBroken(FakeLookups):
        async def routing_targets(
            self, kind: RouteKind, *, refresh: bool = False
        ) -> list[RoutingTarget]:
            if kind is RouteKind.QUEUE:
                raise UserFacingError("VoIP.ms did not answer.")
            return await super().routing_targets(kind, refresh=refresh)

    service._lookups = HalfBroken()
    choices = asyncio.run(service.refresh_lookups())
    assert choices.problems == ("VoIP.ms did not answer.",)
    assert choices.lists[RouteKind.VOICEMAIL] == [RoutingTarget("1001", "Front desk")]
    assert RouteKind.QUEUE not in choices.lists


def test_a_cancelled_change_frees_its_numbers(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, store = setup

    async def scenario() -> None:
        api.gate = asyncio.Event()  # the provider never answers
        task = asyncio.create_task(service.reroute(["5550000001", "5550000002"], VM))
        while not api.calls:
            await asyncio.sleep(0)
        assert service.is_pending("5550000001") and service.is_pending("5550000002")
        task.cancel()  # the window closes
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    assert not service.is_pending("5550000001") and not service.is_pending("5550000002")
    assert store.dids["5550000001"].routing != VM  # nothing was confirmed


def test_the_reroute_message_reads_as_a_sentence() -> None:
    """Issue #15.14: not "1 number now go to ..."."""
    from app.domain.routing import Route, RouteKind
    from app.services.numbers.changes import RerouteOutcome

    lists: dict[RouteKind, list[object]] = {}
    one = RerouteOutcome(route=Route(RouteKind.VOICEMAIL, "1001"), changed=["6175550100"])
    assert one.message(lists).startswith("(617) 555-0100 now goes to ")
    two = RerouteOutcome(route=Route(RouteKind.VOICEMAIL, "1001"),
                         changed=["6175550100", "6175550111"])
    assert two.message(lists).startswith("2 numbers now go to ")


def test_the_main_account_is_a_choice_even_without_sub_accounts_or_a_fresh_list(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    """A single phone on the main account: no sub-account, numbers routed to
    ``account:100001``. Rerouted to voicemail for the evening, a number must be
    able to come back, so the main account is among the choices, from the cache
    too (a list cached before the rule existed gets it when it is read)."""
    service, _api, store = setup
    for number in ("5550000001", "5550000002"):
        store.dids[number] = dataclasses.replace(
            store.dids[number], routing=Route(RouteKind.ACCOUNT, "100001"))
    store.dids["5550000003"] = dataclasses.replace(store.dids["5550000003"], routing=VM)

    class NoSubAccounts(FakeLookups):
        async def cached_routing_targets(self) -> Mapping[RouteKind, Sequence[RoutingTarget]]:
            return {**await super().cached_routing_targets(), RouteKind.ACCOUNT: []}

    service._lookups = NoSubAccounts()
    main = RoutingTarget("100001", "100001")
    assert asyncio.run(service.routing_choices()).lists[RouteKind.ACCOUNT] == [main]
    assert asyncio.run(service.refresh_lookups()).lists[RouteKind.ACCOUNT] == [main]
    # Sub-accounts known: their prefix names it, first in the list, once.
    front = RoutingTarget("100001_front", "100001_front - Front desk")

    class WithSubAccounts(FakeLookups):
        async def cached_routing_targets(self) -> Mapping[RouteKind, Sequence[RoutingTarget]]:
            return {RouteKind.ACCOUNT: [front]}

    service._lookups = WithSubAccounts()
    assert asyncio.run(service.routing_choices()).lists[RouteKind.ACCOUNT] == [main, front]
    # No account list known at all: nothing is made up (names fall back to ids).
    service._lookups = FakeLookups()
    assert RouteKind.ACCOUNT not in asyncio.run(service.routing_choices()).lists


@pytest.mark.parametrize("provider_took_it", [True, False])
def test_a_change_cut_off_before_the_answer_is_settled_by_the_next_refresh(
    setup: tuple[NumbersService, FakeApi, FakeStore], tmp_path: Path, provider_took_it: bool,
) -> None:
    """Killed (or the window closed) between setDIDRouting and its answer: the log
    line written before the call stays, "Saving…", and the next start's refresh
    settles it against what VoIP.ms has: saved, or not, with why."""
    service, api, store = setup

    async def cut_off() -> None:
        api.gate = asyncio.Event()  # the provider has not answered yet
        task = asyncio.create_task(service.reroute(["5550000001"], VM))
        while not api.calls:
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cut_off())
    assert [(e.did, e.pending) for e in store.log] == [("5550000001", True)]
    if provider_took_it:  # the request had reached VoIP.ms
        api.dids["5550000001"] = dataclasses.replace(api.dids["5550000001"], routing=VM)
    # The next start: a new service on the same cache, then its first refresh.
    again = NumbersService(api, store, FakeLookups(),
                           PresetStore(Settings(path=tmp_path / "s2.json")),
                           clock=lambda: datetime(2024, 5, 1, tzinfo=UTC))
    logged: list[ChangeLogEntry] = []
    again.change_logged.connect(logged.extend)
    asyncio.run(again.refresh())
    (line,) = store.log
    assert not line.pending and line.ok is provider_took_it
    assert logged == [line]
    if not provider_took_it:
        assert "closed before VoIP.ms answered" in line.reason
    asyncio.run(again.refresh())  # settled once
    assert logged == [line]


def test_a_refresh_leaves_a_change_still_on_its_way_pending(
    setup: tuple[NumbersService, FakeApi, FakeStore],
) -> None:
    service, api, store = setup

    async def scenario() -> None:
        api.gate = asyncio.Event()
        task = asyncio.create_task(service.reroute(["5550000001"], VM))
        while not api.calls:
            await asyncio.sleep(0)
        await service.refresh()  # e.g. "Refresh everything" meanwhile
        assert [e.pending for e in store.log] == [True]
        api.gate.set()
        await task

    asyncio.run(scenario())
    assert [(e.pending, e.ok) for e in store.log] == [(False, True)]
