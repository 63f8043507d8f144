"""DIDs: getDIDsInfo and the writes that change routing, POP and voicemail.

Routing values are ``header:value``; the value must name something the account
has (a sub-account, forwarding, mailbox, ...), else the matching ``invalid_*``
status. ``setDIDInfo`` resets every optional field that is not sent, which is
why clients must read the DID and write all of it back (API-NOTES).
"""

from __future__ import annotations

from typing import Any

from app.domain.routing import SYSTEM_TARGETS, RouteKind
from app.sandbox.handlers.base import Call, Reply, handler
from app.sandbox.state import SandboxState

_SYSTEM_VALUES = set(SYSTEM_TARGETS) | {"dtmf", "echo"}
FAILOVERS = ("failover_busy", "failover_unreachable", "failover_noanswer")

# kind -> (state attribute, id key in its rows, status when the id is unknown)
_TARGET_TABLES: dict[RouteKind, tuple[str, str, str]] = {
    RouteKind.ACCOUNT: ("sub_accounts", "account", "invalid_account"),
    RouteKind.FORWARD: ("forwardings", "forwarding", "invalid_forwarding"),
    RouteKind.RING_GROUP: ("ring_groups", "ring_group", "invalid_ringgroup"),
    RouteKind.IVR: ("ivrs", "ivr", "invalid_ivr"),
    RouteKind.SIP: ("sip_uris", "sipuri", "invalid_sipuri"),
    RouteKind.QUEUE: ("queues", "queue", "invalid_queue"),
    RouteKind.CALLBACK: ("callbacks", "callback", "invalid_callback"),
    RouteKind.TIME_CONDITION: ("time_conditions", "timecondition", "invalid_timecondition"),
    RouteKind.DISA: ("disas", "disa", "invalid_disa"),
    RouteKind.RECORDING: ("recordings", "value", "invalid_recording"),
}


def validate_route(state: SandboxState, text: str, *, failover: bool) -> str:
    """The normalised routing string, or Reply with the service's status."""
    header, sep, value = text.strip().partition(":")
    bad_header = "invalid_failover_header" if failover else "invalid_routing_header"
    try:
        kind = RouteKind(header.strip().lower())
    except ValueError:
        raise Reply(bad_header) from None
    if not sep:
        raise Reply(bad_header)
    value = value.strip()
    if kind is RouteKind.NONE:
        return "none:"
    if kind is RouteKind.VOICEMAIL:
        if value not in state.mailboxes:
            raise Reply("invalid_mailbox")
    elif kind is RouteKind.SYSTEM:
        if value not in _SYSTEM_VALUES:
            raise Reply(bad_header)
    elif kind is RouteKind.SIP and "@" in value:
        pass  # a literal SIP URI (it may contain further colons: user@host:port)
    elif kind is RouteKind.ACCOUNT and value and value == state.main_account:
        pass  # the main account itself ("account:100001" in the reference's samples)
    else:
        attr, key, invalid = _TARGET_TABLES[kind]
        if not any(str(row.get(key)) == value for row in getattr(state, attr)):
            raise Reply(invalid)
    return f"{kind.value}:{value}"


def _did_row(call: Call) -> dict[str, Any]:
    number = call.require("did")
    row = call.state.dids.get(number.removeprefix("+1") if len(number) == 12 else number)
    if row is None:
        raise Reply("invalid_did")
    return row


@handler("getDIDsInfo")
def get_dids_info(call: Call) -> dict[str, Any]:
    rows = list(call.state.dids.values())
    client = call.get("client")
    if client and not any(a["account"] == client for a in call.state.sub_accounts):
        raise Reply("invalid_client")
    if call.has("did"):
        rows = [r for r in rows if r["did"] == call.get("did")]
        if not rows:
            raise Reply("invalid_did")
    if not rows:
        raise Reply("no_did")
    return {"dids": [dict(r) for r in rows]}


@handler("setDIDRouting")
def set_did_routing(call: Call) -> dict[str, Any]:
    row = _did_row(call)
    routing = validate_route(call.state, call.require("routing"), failover=False)
    row["routing"] = routing
    return {}


@handler("setDIDPOP")
def set_did_pop(call: Call) -> dict[str, Any]:
    row = _did_row(call)
    row["pop"] = _pop(call)
    return {}


@handler("setDIDVoicemail")
def set_did_voicemail(call: Call) -> dict[str, Any]:
    row = _did_row(call)
    mailbox = call.get("voicemail")
    if mailbox and mailbox not in call.state.mailboxes:
        raise Reply("invalid_mailbox")
    row["voicemail"] = mailbox
    return {}


@handler("setDIDInfo")
def set_did_info(call: Call) -> dict[str, Any]:
    row = _did_row(call)
    for name, status in (("routing", "missing_routing"), ("pop", "missing_serverpop"),
                         ("dialtime", "missing_dialtime"), ("cnam", "missing_cnam"),
                         ("billing_type", "missing_billingtype")):
        call.require(name, status)
    state = call.state
    update: dict[str, Any] = {"routing": validate_route(state, call.get("routing"),
                                                        failover=False)}
    for name in FAILOVERS:
        update[name] = (validate_route(state, call.get(name), failover=True)
                        if call.has(name) else "none:")
    mailbox = call.get("voicemail")
    if mailbox and mailbox not in state.mailboxes:
        raise Reply("invalid_mailbox")
    update["voicemail"] = mailbox
    update["pop"] = _pop(call)
    dialtime = call.int_param("dialtime", "invalid_dialtime")
    if dialtime is None or not 1 <= dialtime <= 600:
        raise Reply("invalid_dialtime")
    update["dialtime"] = str(dialtime)
    if call.get("cnam") not in ("0", "1"):
        raise Reply("invalid_cnam")
    update["cnam"] = call.get("cnam")
    prefix, note = call.get("callerid_prefix"), call.get("note")
    if len(prefix) >= 20:
        raise Reply("invalid_calleridprefix")
    if len(note) >= 50:
        raise Reply("invalid_note")
    update["callerid_prefix"], update["note"] = prefix, note
    if call.get("billing_type") not in ("1", "2"):
        raise Reply("invalid_billingtype")
    update["billing_type"] = call.get("billing_type")
    for flag in ("record_calls", "transcribe"):
        value = call.get(flag) or "0"
        if value not in ("0", "1"):
            raise Reply(f"invalid_{flag}" if flag == "record_calls" else "invalid_type")
        update[flag] = value
    update["port_out_pin"] = call.get("port_out_pin")
    update["transcription_locale"] = call.get("transcription_locale") or "en-US"
    update["transcription_email"] = call.get("transcription_email")
    # Accepted by live accounts though the reference does not list them; like
    # every optional field, reset when not sent.
    update["voicemail_threshold"] = call.get("voicemail_threshold") or "0"
    update["transcription_start_delay"] = call.get("transcription_start_delay") or "0"
    update["sms_sip_account"] = call.get("sms_sip_account")
    update["sms_sip_account_enabled"] = call.get("sms_sip_account_enabled") or "0"
    row.update(update)
    return {}


def _pop(call: Call) -> str:
    pop = call.require("pop", "missing_serverpop")
    if not any(s["server_pop"] == pop for s in call.state.servers):
        raise Reply("invalid_serverpop")
    return pop


@handler("setForwarding")
def set_forwarding(call: Call) -> dict[str, Any]:
    """Create a forwarding (no ``forwarding`` id) or update one; answers its id.

    The reference's rules: ``phone_number`` required (``missing_phonenumber``), a
    dialable number (``invalid_phonenumber``), not one of the account's own DIDs
    (``invalid_forwarding_did``), an update names a forwarding that exists.
    """
    number = "".join(ch for ch in call.get("phone_number") if ch.isdigit())
    if not call.get("phone_number"):
        raise Reply("missing_phonenumber")
    if len(number) == 11 and number.startswith("1"):
        number = number[1:]
    if not 7 <= len(number) <= 15:
        raise Reply("invalid_phonenumber")
    if number in call.state.dids:
        raise Reply("invalid_forwarding_did")
    rows = call.state.forwardings
    wanted = call.get("forwarding")
    if wanted:
        row = next((r for r in rows if str(r["forwarding"]) == wanted), None)
        if row is None:
            raise Reply("invalid_forwarding")
    else:
        used = [int(str(r["forwarding"])) for r in rows if str(r["forwarding"]).isdigit()]
        row = {"forwarding": str(max(used, default=18000) + 1), "callerid_override": "",
               "dtmf_digits": "", "pause": "0"}
        rows.append(row)
    row.update(phone_number=number, description=call.get("description"))
    for name in ("callerid_override", "dtmf_digits", "pause"):
        if call.has(name):
            row[name] = call.get(name)
    return {"forwarding": row["forwarding"]}
