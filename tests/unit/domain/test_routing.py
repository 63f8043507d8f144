"""Route parsing/formatting (app/domain/routing.py) and phone helpers used by Numbers."""

from __future__ import annotations

import pytest

from app.domain.phone import format_number, is_valid_nanp, normalize, split_caller_id
from app.domain.routing import Route, RouteKind, RoutingParseError


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("account:100001_VoIP", RouteKind.ACCOUNT, "100001_VoIP"),
        ("fwd:1521", RouteKind.FORWARD, "1521"),
        ("vm:1001", RouteKind.VOICEMAIL, "1001"),
        ("sip:6199", RouteKind.SIP, "6199"),
        ("grp:4768", RouteKind.RING_GROUP, "4768"),
        ("ivr:4636", RouteKind.IVR, "4636"),
        ("queue:3008", RouteKind.QUEUE, "3008"),
        ("cb:2359", RouteKind.CALLBACK, "2359"),
        ("tc:1830", RouteKind.TIME_CONDITION, "1830"),
        ("disa:2114", RouteKind.DISA, "2114"),
        ("recording:7567", RouteKind.RECORDING, "7567"),
        ("sys:hangup", RouteKind.SYSTEM, "hangup"),
        ("none:", RouteKind.NONE, ""),
    ],
)
def test_every_header_parses_and_round_trips(text: str, kind: RouteKind, value: str) -> None:
    route = Route.parse(text)
    assert (route.kind, route.value) == (kind, value)
    assert route.to_api() == text
    assert Route.parse(route.to_api()) == route


def test_sip_value_keeps_its_own_colons() -> None:
    route = Route.parse("sip:5552223333@sip.example.com:5060")
    assert route.kind is RouteKind.SIP
    assert route.value == "5552223333@sip.example.com:5060"
    assert route.to_api() == "sip:5552223333@sip.example.com:5060"


@pytest.mark.parametrize("text", ["none:", "none", "", None, "  ", "none:ignored"])
def test_none_forms_have_an_empty_value(text: str | None) -> None:
    route = Route.parse(text)
    assert route == Route(RouteKind.NONE, "")
    assert route.to_api() == "none:"


def test_header_is_case_and_space_tolerant() -> None:
    assert Route.parse(" VM : 1001 ") == Route(RouteKind.VOICEMAIL, "1001")


@pytest.mark.parametrize("text", ["bogus:1", "voicemail:1001", ":1001"])
def test_unknown_header_is_a_parse_error(text: str) -> None:
    with pytest.raises(RoutingParseError, match="Unknown routing type"):
        Route.parse(text)


def test_str_is_the_api_form() -> None:
    assert str(Route(RouteKind.FORWARD, "12")) == "fwd:12"


# --- phone ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "digits"),
    [
        ("5551234567", "5551234567"),
        ("15551234567", "5551234567"),
        ("+1 (555) 123-4567", "5551234567"),
        (5551234567, "5551234567"),
        ("+442071234567", "442071234567"),
        (None, ""),
    ],
)
def test_normalize(raw: str | int | None, digits: str) -> None:
    assert normalize(raw) == digits


def test_format_number_nanp_and_other() -> None:
    assert format_number("15553334444") == "(555) 333-4444"
    assert format_number("442071234567") == "442071234567"
    assert format_number(None) == ""


def test_is_valid_nanp() -> None:
    assert is_valid_nanp("2125551234")
    assert not is_valid_nanp("1125551234")  # area code cannot start with 1
    assert not is_valid_nanp("212555123")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"John Doe" <5551112222>', ("John Doe", "5551112222")),
        ("NAME <15551112222>", ("NAME", "5551112222")),
        ("(555) 111-2222", ("", "5551112222")),
        ("Anonymous", ("Anonymous", "")),
    ],
)
def test_split_caller_id(raw: str, expected: tuple[str, str]) -> None:
    assert split_caller_id(raw) == expected
