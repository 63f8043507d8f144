"""Status codes -> exception classes and readable sentences."""

from __future__ import annotations

import pytest

from app.api.catalog import STATUS_CODES
from app.api.errors import (
    EMPTY_LIST_STATUSES,
    NOT_EMPTY_NO_STATUSES,
    ApiError,
    AuthError,
    Conflict,
    InvalidInput,
    LimitReached,
    NotFound,
    OperationFailed,
    RateLimited,
    ServiceUnavailable,
    StatusError,
    TransportError,
    error_for_status,
    message_for,
)
from app.api.messages import hand_written_statuses, polish
from app.domain.errors import UserFacingError


def test_every_status_of_the_reference_has_a_readable_sentence() -> None:
    for status in STATUS_CODES:
        text = message_for(status)
        assert text[0].isupper(), (status, text)
        assert text.rstrip()[-1] in ".!?)", (status, text)
        # A sentence, not the code echoed back.
        assert status not in text, (status, text)
        assert len(text) >= 10


def test_hand_written_messages_cover_the_important_codes() -> None:
    important = {
        "invalid_credentials",
        "api_not_enabled",
        "ip_not_enabled",
        "api_limit_exceeded",
        "limit_reached",
        "sms_toolong",
        "invalid_daterange",
        "non_sufficient_funds",
        "missing_method",
    }
    assert important <= hand_written_statuses()
    assert "whitelist" in message_for("ip_not_enabled").lower() or "allowed IP" in message_for(
        "ip_not_enabled"
    )


def test_unknown_status_still_gives_a_sentence() -> None:
    assert message_for("brand_new_code") == (
        "VoIP.ms answered with a status Switchboard does not know (brand_new_code)."
    )


def test_unknown_status_names_its_raw_code_and_the_closest_documented_one() -> None:
    """Issue #14.3: a status never seen on a write is shown raw, with the nearest
    explanation of the reference (usually the cause)."""
    from app.api.catalog import STATUS_CODES

    text = message_for("invalid_dids")
    assert text.startswith("VoIP.ms answered with a status Switchboard does not know "
                           "(invalid_dids). The closest documented answer: ")
    assert STATUS_CODES["invalid_did"].rstrip(".")[:20] in text
    assert message_for("Invalid_threshold").startswith("This is not a valid Threshold")
    assert message_for("invalid_threshold").startswith("This is not a valid Threshold")


def test_polish_fixes_the_reference_texts() -> None:
    assert polish("this is not a valid AttachMessage Should be: yes/no") == (
        "This is not a valid AttachMessage. Should be: yes/no."
    )
    assert "length" in polish("This is not a valid Note, lenght should be less than 50 chars")


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        ("invalid_credentials", AuthError),
        ("api_not_enabled", AuthError),
        ("ip_not_enabled", AuthError),
        ("missing_credentials", AuthError),
        ("api_limit_exceeded", RateLimited),
        ("limit_reached", LimitReached),
        ("message_not_found", NotFound),
        ("invalid_fax_id", NotFound),
        ("used_name", Conflict),
        ("sms_failed", OperationFailed),
        ("no_base64file", InvalidInput),
        ("invalid_did", InvalidInput),
        ("missing_did", InvalidInput),
        ("sms_toolong", InvalidInput),
        ("method_maintenance", ServiceUnavailable),
        ("something_else", StatusError),
    ],
)
def test_status_maps_to_class(status: str, cls: type[StatusError]) -> None:
    error = error_for_status(status, method="getSMS")
    assert type(error) is cls
    assert isinstance(error, ApiError) and isinstance(error, UserFacingError)
    assert error.status == status
    assert error.message == message_for(status)
    assert status in error.detail and "getSMS" in error.detail


def test_empty_list_statuses_are_explicit() -> None:
    for status in (
        "no_sms",
        "no_messages",
        "no_message",
        "no_did",
        "no_numbers",
        "no_mailbox",
        "no_folder",
        "no_cdr",
        "no_forwarding",
    ):
        assert status in EMPTY_LIST_STATUSES
    for status in ("no_base64file", "no_callstatus", "no_provision", "no_provision_update"):
        assert status not in EMPTY_LIST_STATUSES


def test_every_no_status_of_the_reference_is_classified() -> None:
    no_codes = {code for code in STATUS_CODES if code.startswith("no_")}
    assert no_codes <= EMPTY_LIST_STATUSES | NOT_EMPTY_NO_STATUSES
    assert not EMPTY_LIST_STATUSES & NOT_EMPTY_NO_STATUSES


def test_transport_error_carries_status_and_body_head() -> None:
    error = TransportError("down", kind="http", http_status=522, body_head="error code: 522")
    assert error.transient
    assert "HTTP 522" in error.detail and "error code: 522" in error.detail
    assert not TransportError("x", kind="http", http_status=404).transient
    assert not TransportError("x", kind="redirect", http_status=301).transient
    assert TransportError("x", kind="timeout").transient
