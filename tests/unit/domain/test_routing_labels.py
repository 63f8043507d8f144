"""Routing values in words (app/domain/routing_labels.py)."""

from __future__ import annotations

import pytest

from app.domain.models.numbers import RoutingTarget
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import (
    EDITOR_KINDS,
    TargetLists,
    describe,
    describe_raw,
    find_target,
    system_targets,
    target_text,
    targets_for,
)

LISTS: TargetLists = {
    # Labels as app/api/typed_numbers.py builds them: "<id> - <name>".
    RouteKind.ACCOUNT: [RoutingTarget("100001_VoIP", "100001_VoIP"),
                        RoutingTarget("100001_front", "100001_front - Front desk phone")],
    RouteKind.FORWARD: [RoutingTarget("1521", "1521 - 5553334444"),
                        RoutingTarget("1522", "1522 - 6175550188 - Owner mobile")],
    RouteKind.VOICEMAIL: [RoutingTarget("1001", "1001 - Front desk")],
    RouteKind.SIP: [RoutingTarget("6199", "6199 - 5552223333@sip.voip.ms")],
    RouteKind.RING_GROUP: [RoutingTarget("4768", "4768 - Account & Mobile")],
    RouteKind.IVR: [RoutingTarget("4636", "4636 - Main menu")],
    RouteKind.QUEUE: [RoutingTarget("3008", "3008 - Support line")],
    RouteKind.CALLBACK: [RoutingTarget("2359", "2359 - John Smith")],
    RouteKind.TIME_CONDITION: [RoutingTarget("1830", "1830 - Opening hours")],
    RouteKind.DISA: [RoutingTarget("2114", "2114 - Staff DISA")],
    RouteKind.RECORDING: [RoutingTarget("7567", "Closed message")],
}


@pytest.mark.parametrize(
    ("route", "words"),
    [
        ("account:100001_VoIP", "Sub-account 100001_VoIP"),
        ("account:100001_front", "Sub-account Front desk phone (100001_front)"),
        ("fwd:1522", "Forward to (617) 555-0188 (Owner mobile)"),
        ("fwd:1521", "Forward to (555) 333-4444"),
        ("vm:1001", "Voicemail 1001 - Front desk"),
        ("sip:6199", "SIP URI 5552223333@sip.voip.ms"),
        ("grp:4768", "Ring group Account & Mobile"),
        ("ivr:4636", "IVR Main menu"),
        ("queue:3008", "Queue Support line"),
        ("cb:2359", "Callback John Smith"),
        ("tc:1830", "Time condition Opening hours"),
        ("disa:2114", "DISA Staff DISA"),
        ("recording:7567", "Recording Closed message"),
        ("sys:hangup", "System: hang up"),
        ("sys:echo", "System: sound quality test"),
        ("none:", "No action"),
    ],
)
def test_every_kind_in_words(route: str, words: str) -> None:
    assert describe(Route.parse(route), LISTS) == words


@pytest.mark.parametrize(
    ("route", "words"),
    [
        ("fwd:99", "Forward to #99"),
        ("fwd:5553334444", "Forward to (555) 333-4444"),
        ("vm:2002", "Voicemail 2002"),
        ("account:100002_Fax", "Sub-account 100002_Fax"),
        ("ivr:1", "IVR #1"),
        ("sip:a@b.example:5060", "SIP URI a@b.example:5060"),
        ("vm:", "Voicemail (not set)"),
        ("sys:unknownthing", "System: unknownthing"),
    ],
)
def test_unlisted_targets_still_read_sensibly(route: str, words: str) -> None:
    assert describe(Route.parse(route), LISTS) == words


def test_describe_without_lists_uses_the_value() -> None:
    assert describe(Route.parse("account:100001_VoIP")) == "Sub-account 100001_VoIP"


def test_plain_labels_without_the_id_prefix() -> None:
    lists: TargetLists = {
        RouteKind.VOICEMAIL: [RoutingTarget("1001", "Front desk")],
        RouteKind.FORWARD: [RoutingTarget("1521", "5553334444")],
        RouteKind.IVR: [RoutingTarget("4636", "4636")],
    }
    assert describe(Route.parse("vm:1001"), lists) == "Voicemail 1001 - Front desk"
    assert describe(Route.parse("fwd:1521"), lists) == "Forward to (555) 333-4444"
    assert describe(Route.parse("ivr:4636"), lists) == "IVR 4636"


def test_describe_raw_shows_unknown_headers_as_given() -> None:
    assert describe_raw("weird:1", LISTS) == "Unknown routing: weird:1"
    assert describe_raw("vm:1001", LISTS) == "Voicemail 1001 - Front desk"


def test_targets_for_fixed_kinds() -> None:
    values = [t.value for t in system_targets()]
    assert values[:4] == ["hangup", "busy", "noservice", "disconnected"]
    assert {"dtmf", "echo"} <= set(values)
    assert targets_for(RouteKind.SYSTEM, {}) == system_targets()
    assert targets_for(RouteKind.NONE, LISTS) == []
    assert targets_for(RouteKind.QUEUE, {}) == []


def test_find_target() -> None:
    found = find_target(Route.parse("grp:4768"), LISTS)
    assert found == RoutingTarget("4768", "4768 - Account & Mobile")
    assert find_target(Route.parse("grp:1"), LISTS) is None


def test_editor_offers_every_header_once() -> None:
    assert sorted(k.value for k in EDITOR_KINDS) == sorted(k.value for k in RouteKind)


def test_the_main_account_reads_as_such_and_is_translated_where_shown() -> None:
    """``account:100001`` (no sub-account suffix) is the main account: the API layer
    lists it first among the account targets (getSubAccounts does not)."""
    from app.domain.words import Text

    main = RoutingTarget("100001", "100001")
    shown = target_text(RouteKind.ACCOUNT, main)
    assert shown == "100001 (main account)" and isinstance(shown, Text)
    lists = {**LISTS, RouteKind.ACCOUNT: [main, *LISTS[RouteKind.ACCOUNT]]}
    words = describe(Route(RouteKind.ACCOUNT, "100001"), lists)
    assert words == "Sub-account 100001 (main account)"
    assert isinstance(words, Text) and isinstance(words.params["target"], Text)


def test_the_main_account_is_the_sub_accounts_prefix_else_an_account_numbers_ring() -> None:
    """One rule for the Phones tab's "Main account" row and the Numbers tab's target."""
    from app.domain.routing import main_account

    subs = ["100001_front", "100001_VoIP"]
    to_main = [Route(RouteKind.ACCOUNT, "100001"), Route(RouteKind.VOICEMAIL, "1001")]
    assert main_account(subs, []) == "100001"
    assert main_account([*subs, "200002_x"], to_main) == ""  # two prefixes: not ours to pick
    # No sub-account at all (a single phone on the main account): the numbers say it.
    assert main_account([], to_main) == "100001"
    assert main_account(["100001"], to_main) == "100001"  # a list that has it already
    assert main_account([], [Route(RouteKind.ACCOUNT, "100001_front")]) == ""
    assert main_account([], []) == ""


def test_the_main_account_reads_the_same_with_or_without_a_list_naming_it() -> None:
    words = describe(Route(RouteKind.ACCOUNT, "100001"), LISTS)
    assert words == "Sub-account 100001 (main account)"
