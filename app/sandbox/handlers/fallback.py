"""Methods of the reference the sandbox does not model.

The account has none of those things (no conferences, no reseller clients, no
e911 ...), so a read answers the method's "nothing here" status and a write
about a specific record answers that the record is not valid, like the real
service would for an empty account. Required parameters are still enforced.

Which methods exist and what they require comes from the generated method
catalog (``app.domain.catalog``), the same file the api client validates
against, so the sandbox and the client cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from app.domain.catalog import CATALOG, STATUS_CODES
from app.sandbox.handlers.base import Call, Reply

# Reads whose empty answer is a specific status (reference status table).
_EMPTY_STATUS = {
    "getCDR": "no_cdr", "getResellerCDR": "no_cdr", "getCallbacks": "no_callback",
    "getCallHuntings": "no_callhunting", "getCallParking": "no_callparking",
    "getClients": "no_client", "getConference": "no_conference",
    "getConferenceMembers": "no_member", "getConferenceRecordings": "no_recording",
    "getCallerIDFiltering": "no_filter", "getStaticMembers": "no_member",
    "getSequences": "no_sequences", "getPackages": "no_package",
    "getClientPackages": "no_package", "getRates": "no_rate", "getTerminationRates": "no_rate",
    "getCallRecordings": "no_recording", "getEmailToFax": "no_numbers",
    "getBackOrders": "no_did", "getDIDvPRI": "no_did", "getVPRIs": "no_account",
    "getLNPList": "no_attachments", "getLNPAttachList": "no_attachments",
    "getCharges": "no_client", "getDeposits": "no_client",
}


def is_known_method(method: str) -> bool:
    """A method of the reference (unmodelled ones too), as opposed to ``invalid_method``."""
    return method in CATALOG


def required_params(method: str) -> tuple[str, ...]:
    """The method's required parameters, sorted: the first one missing or invalid
    decides the answer, and a frozenset's order would change between runs."""
    spec = CATALOG.get(method)
    return tuple(sorted(spec.required)) if spec is not None else ()


def check_required(call: Call) -> None:
    for name in required_params(call.method):
        if not call.has(name):
            status = f"missing_{name}"
            raise Reply(status if status in STATUS_CODES else "missing_params")


def fallback_reply(call: Call) -> dict[str, Any]:
    check_required(call)
    method = call.method
    if method in _EMPTY_STATUS:
        raise Reply(_EMPTY_STATUS[method])
    if method.startswith(("get", "search")):
        # A lookup table or a search with no match: an empty success list.
        return {_list_key(method): []}
    if method.startswith(("order", "backOrder", "signup")):
        raise Reply("order_failed")
    for name in required_params(method):
        status = f"invalid_{name}"
        if status in STATUS_CODES:
            raise Reply(status)
    return {}


def _list_key(method: str) -> str:
    stem = method.removeprefix("get").removeprefix("search")
    return "".join("_" + ch.lower() if ch.isupper() and i else ch.lower()
                   for i, ch in enumerate(stem))
