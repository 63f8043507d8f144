"""Edit rules added for issue #15: undo reads the change log back; typed numbers and
ring times are judged in words."""

from __future__ import annotations

import pytest

from app.domain.did_edit import (
    DidEdit,
    describe_changes,
    phone_number_problem,
    restore_values,
    ring_time_warning,
    validate,
)
from app.domain.models.numbers import Did
from app.domain.routing import Route, RouteKind

DID = Did("6175550100", "BOSTON, MA", Route(RouteKind.ACCOUNT, "1_desk"),
          Route(RouteKind.VOICEMAIL, "1001"), Route(RouteKind.NONE, ""),
          Route(RouteKind.SIP, "6199"), "1001", "5", 60, True, "SHOP", "Main line", "1", True)


def test_restore_values_is_the_inverse_of_the_log_lines() -> None:
    changes = {"routing": Route(RouteKind.SYSTEM, "hangup"), "failover_busy": Route(
        RouteKind.NONE, ""), "dialtime": 25, "cnam": False, "note": "", "pop": "7",
        "callerid_prefix": "", "voicemail": ""}
    lines = describe_changes(DID, changes)
    restored = restore_values((label, old) for label, old, _new in lines)
    assert restored == {name: getattr(DID, name) for name in changes}


def test_restore_values_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ValueError):
        restore_values([("colour", "blue")])
    with pytest.raises(ValueError):
        restore_values([("dial time", "soon")])


@pytest.mark.parametrize("typed", ["(514) 555-0123", "514-555-0123", "+1 514 555 0123",
                                   "15145550123", "+44 20 7946 0958"])
def test_numbers_people_type_are_accepted(typed: str) -> None:
    assert phone_number_problem(typed) == ""


@pytest.mark.parametrize("typed", ["", "555-12", "hello", "(000) 555-0123", "+44 12"])
def test_what_is_not_a_number_is_said_in_words(typed: str) -> None:
    assert "is not a phone number calls can be forwarded to" in phone_number_problem(typed)


def test_a_typed_number_stands_in_for_the_forwarding_target() -> None:
    typed = DidEdit(routing=Route(RouteKind.FORWARD, ""), forward_to_new=(("routing", "x"),))
    assert validate(typed) == [phone_number_problem("x")]
    assert validate(DidEdit(routing=Route(RouteKind.FORWARD, ""))) == [
        "Choose a target for the routing."]


def test_ring_time_warning() -> None:
    assert ring_time_warning(1).startswith("1 second is too short for anyone to answer")
    assert ring_time_warning(9).startswith("9 seconds is too short")
    assert ring_time_warning(10) == ""
