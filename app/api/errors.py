"""Errors of the VoIP.ms api layer: one small tree.

::

    UserFacingError                    (app.domain.errors: the UI shows .message)
    └── ApiError                       anything the VoIP.ms service did or did not answer
        ├── TransportError             no usable answer: network down, time-out, redirect,
        │                              HTTP 4xx/5xx, empty / HTML / truncated / non-JSON body
        │                              (.http_status, .body_head = first ~200 bytes, .kind)
        └── StatusError                a JSON answer whose "status" is not success (.status)
            ├── AuthError              invalid_credentials, api_not_enabled, ip_not_enabled,
            │                          missing_credentials
            ├── RateLimited            api_limit_exceeded (per-minute limit: queue pauses)
            ├── LimitReached           limit_reached (daily cap on sending)
            ├── InsufficientFunds      non_sufficient_funds
            ├── ServiceUnavailable     method_maintenance, provider_outofservice, tls_error...
            ├── NotFound               the thing is gone: message_not_found, invalid_fax_id...
            ├── Conflict               already used: used_*, duplicated_*, did_in_use...
            ├── OperationFailed        the provider tried and failed: sms_failed, sent_fail...
            └── InvalidInput           invalid_* / missing_* / *_toolong / message_empty...

    ParameterError (ValueError)        a bug in our code: unknown method, unknown or missing
                                       parameter. Raised before anything is sent; not
                                       user-facing on purpose (it must reach the crash log).

Empty lists are not errors: a list call with no rows answers ``no_sms``,
``no_did``... (``EMPTY_LIST_STATUSES``); the client turns them into an empty
list. Not every ``no_*`` is empty (``no_base64file`` is a real error), hence an
explicit set instead of a prefix test.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.api.messages import message_for
from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP

__all__ = [
    "EMPTY_LIST_STATUSES",
    "ApiError",
    "AuthError",
    "Conflict",
    "InsufficientFunds",
    "InvalidInput",
    "LimitReached",
    "NotFound",
    "OperationFailed",
    "ParameterError",
    "RateLimited",
    "ServiceUnavailable",
    "StatusError",
    "TransportError",
    "Unreachable",
    "error_for_status",
    "message_for",
]

#: Status codes that mean "the list you asked for is empty". Every ``no_*``
#: "There are no ..." code of the reference, plus ``no_folder`` (seen on real
#: accounts, missing from the reference's table).
EMPTY_LIST_STATUSES: frozenset[str] = frozenset(
    {
        "no_account",
        "no_attachments",
        "no_callback",
        "no_callhunting",
        "no_callparking",
        "no_cdr",
        "no_client",
        "no_conference",
        "no_did",
        "no_disa",
        "no_filter",
        "no_folder",
        "no_forwarding",
        "no_ivr",
        "no_mailbox",
        "no_member",
        "no_message",
        "no_messages",
        "no_numbers",
        "no_package",
        "no_phonebook",
        "no_queue",
        "no_rate",
        "no_recording",
        "no_ringgroup",
        "no_sequences",
        "no_sipuri",
        "no_sms",
        "no_timecondition",
        # Seen on live accounts, not in the reference (API-NOTES.md "Empty results").
        "no_mms",
        "no_subaccount",
        "no_emailtofax",
        "no_transactions",
        "no_vpri",
        "no_phonebook_group",
    }
)

#: ``no_*`` codes that are real errors, kept here so the test can prove the
#: split covers every ``no_*`` code of the reference.
NOT_EMPTY_NO_STATUSES: frozenset[str] = frozenset(
    {
        "no_base64file",
        "no_callstatus",
        "no_provision",
        "no_provision_update",
        "no_change_billingtype",
    }
)


class ParameterError(ValueError):
    """A call our code built wrongly: unknown method or parameter, required one missing."""

    def __init__(
        self,
        method: str,
        *,
        unknown: Iterable[str] = (),
        missing: Iterable[str] = (),
        unknown_method: bool = False,
    ) -> None:
        self.method = method
        self.unknown = tuple(unknown)
        self.missing = tuple(missing)
        parts = []
        if unknown_method:
            parts.append(f"unknown VoIP.ms method {method!r}")
        if self.unknown:
            parts.append(f"unknown parameter(s) {', '.join(self.unknown)}")
        if self.missing:
            parts.append(f"missing required parameter(s) {', '.join(self.missing)}")
        super().__init__(f"{method}: " + "; ".join(parts) + " (nothing was sent)")


class ApiError(UserFacingError):
    """Base of everything the service did (or did not) answer."""

    def __init__(self, message: str, *, method: str = "", detail: str = "") -> None:
        super().__init__(message, detail=detail)
        self.method = method


class TransportError(ApiError):
    """No usable answer. ``kind``: network, certificate, timeout, redirect, http, body,
    media (a download refused for its host, size or content)."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        http_status: int | None = None,
        body_head: str = "",
        method: str = "",
        detail: str = "",
        connect_failed: bool = False,
    ) -> None:
        self.kind = kind
        #: No connection could be made at all (refused, unknown host, no route,
        #: connect time-out): unlike a dropped or silent connection, this says
        #: the network or the server is gone, not merely slow.
        self.connect_failed = connect_failed
        self.http_status = http_status
        self.body_head = body_head
        parts = [f"method={method}" if method else "", f"kind={kind}"]
        if http_status is not None:
            parts.append(f"HTTP {http_status}")
        if detail:
            parts.append(detail)
        if body_head:
            parts.append(f"body starts: {body_head!r}")
        super().__init__(message, method=method, detail="; ".join(p for p in parts if p))

    @property
    def no_answer(self) -> bool:
        """Nothing came back for a network reason (not a certificate, not an HTTP answer)."""
        return self.kind in {"network", "timeout"}

    @property
    def transient(self) -> bool:
        """Worth trying again later: network trouble, time-outs, 5xx, 408/429, odd bodies."""
        if self.kind in {"network", "timeout", "body"}:
            return True
        if self.kind == "http" and self.http_status is not None:
            return self.http_status >= 500 or self.http_status in {408, 425, 429}
        return False


class Unreachable(ApiError):
    """Refused before sending: VoIP.ms cannot be reached right now (the app is offline).

    Not a ``TransportError`` on purpose: nothing went on the wire, so a send
    refused this way certainly did not go out (no reconciling, no "may have
    been sent"), and nothing retries it; the connectivity service probes and
    says when VoIP.ms answers again.
    """

    MESSAGE = QT_TRANSLATE_NOOP(  # marked: the UI shows it translated (app/domain/words.py)
        "services",
        "Can't reach VoIP.ms. Check the internet connection; Switchboard tries again "
        "on its own.",
    )

    def __init__(self, *, method: str = "", detail: str = "") -> None:
        super().__init__(self.MESSAGE, method=method, detail=detail or "offline")


class StatusError(ApiError):
    """A JSON answer with a status other than success."""

    def __init__(self, status: str, message: str | None = None, *, method: str = "") -> None:
        self.status = status
        text = message if message is not None else message_for(status, method)
        detail = f"status={status}" + (f" method={method}" if method else "")
        super().__init__(text, method=method, detail=detail)


class AuthError(StatusError):
    """Credentials wrong or missing, API disabled, or this IP not whitelisted."""


class RateLimited(StatusError):
    """Too many requests this minute (``api_limit_exceeded``)."""


class LimitReached(StatusError):
    """The daily sending cap (``limit_reached``)."""


class InsufficientFunds(StatusError):
    """``non_sufficient_funds``."""


class ServiceUnavailable(StatusError):
    """The provider is temporarily unable to serve this call: worth retrying a read."""


class NotFound(StatusError):
    """The referenced item does not exist (anymore)."""


class Conflict(StatusError):
    """The name, number or item is already in use."""


class OperationFailed(StatusError):
    """The provider accepted the request but could not carry it out."""


class InvalidInput(StatusError):
    """A value was rejected: invalid_*, missing_*, too long, empty..."""


_EXACT: dict[str, type[StatusError]] = {
    "invalid_credentials": AuthError,
    "missing_credentials": AuthError,
    "api_not_enabled": AuthError,
    "ip_not_enabled": AuthError,
    "api_limit_exceeded": RateLimited,
    "limit_reached": LimitReached,
    "non_sufficient_funds": InsufficientFunds,
    "method_maintenance": ServiceUnavailable,
    "provider_outofservice": ServiceUnavailable,
    "unavailable_info": ServiceUnavailable,
    "tls_error": ServiceUnavailable,
    "message_not_found": NotFound,
    "invalid_fax_id": NotFound,
    "invalid_message_num": NotFound,
    "invalid_sms": NotFound,
    "invalid_attachid": NotFound,
    "invalid_portingid": NotFound,
    "invalid_folder_id": NotFound,
    "did_in_use": Conflict,
    "existing_did": Conflict,
    "repeated_ip": Conflict,
    "reserved_ip": Conflict,
    "member_already_included": Conflict,
    "account_with_dids": Conflict,
    "sipuri_in_phonebook": Conflict,
    "sms_failed": OperationFailed,
    "sent_fail": OperationFailed,
    "moving_fail": OperationFailed,
    "error_deleting_msg": OperationFailed,
    "error_moving_msg": OperationFailed,
    "problem_sending_mail": OperationFailed,
    "order_failed": OperationFailed,
    "cancel_failed": OperationFailed,
    "no_provision": OperationFailed,
    "no_provision_update": OperationFailed,
    "unable_to_purchase": OperationFailed,
    "unsifficient_stock": OperationFailed,
    "weak_password": InvalidInput,
    "exceeds_file_size": InvalidInput,
    "no_base64file": InvalidInput,
    "no_callstatus": InvalidInput,
}
_PREFIXES: tuple[tuple[str, type[StatusError]], ...] = (
    ("used_", Conflict),
    ("duplicated_", Conflict),
    ("recording_in_use", Conflict),
    ("invalid_", InvalidInput),
    ("missing_", InvalidInput),
    ("mismatch_", InvalidInput),
)
_SUFFIXES: tuple[tuple[str, type[StatusError]], ...] = (
    ("_toolong", InvalidInput),
    ("_exceeded", InvalidInput),
    ("_empty", InvalidInput),
)


def error_class_for(status: str) -> type[StatusError]:
    key = status.strip().lower()
    if key in _EXACT:
        return _EXACT[key]
    for prefix, cls in _PREFIXES:
        if key.startswith(prefix):
            return cls
    for suffix, cls in _SUFFIXES:
        if key.endswith(suffix):
            return cls
    return StatusError


def error_for_status(status: str, *, method: str = "") -> StatusError:
    """The exception for a non-success status (the message from ``message_for``)."""
    return error_class_for(status)(status, method=method)
