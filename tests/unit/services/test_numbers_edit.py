"""Full-edit planning (app/domain/did_edit.py) and presets (numbers_presets.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config.settings import Settings
from app.domain.did_edit import (
    DidEdit,
    WriteMethod,
    apply,
    changed_fields,
    choose_method,
    describe_changes,
    validate,
)
from app.domain.models.numbers import Did
from app.domain.routing import Route, RouteKind
from app.services.numbers.presets import SETTINGS_KEY, PresetStore, RoutingPreset, plan


def make_did(number: str = "5551234567", routing: str = "account:100001_VoIP") -> Did:
    return Did(
        did=number,
        description="MIAMI, FL",
        routing=Route.parse(routing),
        failover_busy=Route.parse("none:"),
        failover_unreachable=Route.parse("fwd:1521"),
        failover_noanswer=Route.parse("none:"),
        voicemail="1001",
        pop="16",
        dialtime=60,
        cnam=True,
        callerid_prefix="MIA",
        note="Main line",
        billing_type="2",
        sms_enabled=True,
        raw={"did": number, "billing_type": "2", "transcribe": "1"},
    )


def test_untouched_and_equal_values_are_not_changes() -> None:
    did = make_did()
    edit = DidEdit(routing=did.routing, pop="16", dialtime=60, note="Main line")
    assert changed_fields(did, edit) == {}
    assert choose_method({}) is WriteMethod.NOTHING


@pytest.mark.parametrize(
    ("edit", "method"),
    [
        (DidEdit(routing=Route(RouteKind.VOICEMAIL, "1001")), WriteMethod.ROUTING),
        (DidEdit(pop="3"), WriteMethod.POP),
        (DidEdit(voicemail="2002"), WriteMethod.VOICEMAIL),
        (DidEdit(pop="3", voicemail="2002"), WriteMethod.FULL),
        (DidEdit(failover_busy=Route(RouteKind.VOICEMAIL, "1001")), WriteMethod.FULL),
        (DidEdit(note="Changed"), WriteMethod.FULL),
        (DidEdit(cnam=False), WriteMethod.FULL),
    ],
)
def test_narrowest_method(edit: DidEdit, method: WriteMethod) -> None:
    assert choose_method(changed_fields(make_did(), edit)) is method


def test_apply_keeps_raw_and_other_fields() -> None:
    did = make_did()
    after = apply(did, {"note": "New", "dialtime": 30})
    assert (after.note, after.dialtime) == ("New", 30)
    assert after.raw == did.raw
    assert after.pop == did.pop and after.routing == did.routing


def test_describe_changes_words() -> None:
    did = make_did()
    rows = describe_changes(did, {"failover_busy": Route(RouteKind.VOICEMAIL, "1001"),
                                  "cnam": False})
    assert rows == [("busy failover", "none:", "vm:1001"), ("CNAM", "yes", "no")]


def test_validate_limits() -> None:
    assert validate(DidEdit(note="x" * 49, callerid_prefix="y" * 19, dialtime=60)) == []
    problems = validate(DidEdit(note="x" * 50, callerid_prefix="y" * 20, dialtime=0,
                                failover_noanswer=Route(RouteKind.FORWARD, "")))
    assert len(problems) == 4
    assert any("note" in p for p in problems)
    assert any("no-answer failover" in p for p in problems)


# --- presets ---------------------------------------------------------------------


def test_plan_lists_only_dids_that_change() -> None:
    to_vm = Route(RouteKind.VOICEMAIL, "1001")
    dids = [make_did("5550000001"), make_did("5550000002", "vm:1001"), make_did("5550000003")]
    everyone = RoutingPreset("After hours", to_vm)
    assert [c.did.did for c in plan(everyone, dids)] == ["5550000001", "5550000003"]
    some = RoutingPreset("Front only", to_vm, ("5550000003",))
    assert [c.did.did for c in plan(some, dids)] == ["5550000003"]
    assert all(c.new_route == to_vm for c in plan(everyone, dids))


def test_presets_persist_in_settings_and_replace_by_name(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    store = PresetStore(Settings.load(path))
    store.save(RoutingPreset("After hours", Route(RouteKind.VOICEMAIL, "1001")))
    store.save(RoutingPreset("Day", Route(RouteKind.ACCOUNT, "100001_VoIP"), ("5551234567",)))
    store.save(RoutingPreset("after HOURS", Route(RouteKind.SYSTEM, "hangup")))
    reloaded = PresetStore(Settings.load(path)).all()
    assert [p.name for p in reloaded] == ["Day", "after HOURS"]
    assert reloaded[0].dids == ("5551234567",)
    assert reloaded[1].route == Route(RouteKind.SYSTEM, "hangup")
    PresetStore(Settings.load(path)).delete("day")
    assert [p.name for p in PresetStore(Settings.load(path)).all()] == ["after HOURS"]


def test_damaged_preset_entries_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({SETTINGS_KEY: [
        {"name": "Good", "routing": "vm:1001", "dids": []},
        {"name": "Bad header", "routing": "bogus:1"},
        {"routing": "vm:1"},
        "nonsense",
        {"name": "Bad dids", "routing": "vm:1", "dids": "5551234567"},
    ]}))
    presets = PresetStore(Settings.load(path)).all()
    assert [p.name for p in presets] == ["Good"]
