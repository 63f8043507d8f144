"""Phones: registration status, setSubAccount and setVoicemail, with the reference's rules.

Both writes behave like the live service: every optional field not sent is
wiped (API-NOTES.md "Routing"), so only a read-modify-write keeps an account's
password or a mailbox's e-mail.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from app.domain.catalog import CATALOG
from app.sandbox.handlers.base import Call, Reply, fmt_dt, handler
from app.sandbox.state import SandboxState

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")

_SUB_REQUIRED = (("id", "missing_id"), ("auth_type", "missing_authtype"),
                 ("device_type", "missing_devicetype"),
                 ("lock_international", "missing_lockinternational"),
                 ("international_route", "missing_internationalroute"),
                 ("music_on_hold", "missing_musiconhold"),
                 ("allowed_codecs", "missing_allowedcodecs"), ("dtmf_mode", "missing_dtmfmode"),
                 ("nat", "missing_nat"))
_SUB_FLAGS = {"record_calls": "invalid_record_calls", "transcribe": "invalid_params",
              "sip_traffic": "invalid_sip_traffic",
              "enable_ip_restriction": "invalid_enable_ip_restriction",
              "enable_pop_restriction": "invalid_enable_pop_restriction"}
_SUB_RANGES = {"max_expiry": (60, 3600, "invalid_max_expiry"),
               "rtp_timeout": (1, 3600, "invalid_rtp_timeout"),
               "rtp_hold_timeout": (1, 3600, "invalid_rtp_hold_timeout")}

_VM_REQUIRED = (("mailbox", "missing_mailbox"), ("name", "missing_params"),
                ("password", "missing_password"), ("skip_password", "missing_skippassword"),
                ("attach_message", "missing_attachmessage"), ("delete_message", "missing_params"),
                ("say_time", "missing_params"), ("timezone", "missing_timezone"),
                ("say_callerid", "missing_saycallerid"), ("play_instructions", "missing_params"),
                ("language", "missing_language"))
_VM_YES_NO = {"attach_message": "invalid_attachmessage", "delete_message": "invalid_deletemessage",
              "say_time": "invalid_saytime", "say_callerid": "invalid_saycallerid"}
#: setVoicemail parameter -> getVoicemails key, where they differ.
_VM_KEYS = {"transcription": "transcribe"}


def is_registered(state: SandboxState, account: str) -> bool:
    """Registered now: the test override, else the schedule of the flaky phone."""
    if account in state.registration_overrides:
        return state.registration_overrides[account]
    if account not in state.registrations:
        return False
    if account == state.flaky_account and state.flaky_period_seconds > 0:
        elapsed = (state.clock.now_utc() - state.clock.start).total_seconds()
        return elapsed % state.flaky_period_seconds >= 0.3 * state.flaky_period_seconds
    return True


def _accounts(state: SandboxState) -> set[str]:
    names = {row["account"] for row in state.sub_accounts}
    if state.main_account:
        names.add(state.main_account)
    return names


@handler("getRegistrationStatus")
def get_registration_status(call: Call) -> dict[str, Any]:
    state = call.state
    account = call.require("account", "missing_account")
    if account not in _accounts(state):
        raise Reply("invalid_account")
    if not is_registered(state, account):
        return {"registered": "no"}
    where = dict(state.registrations[account])
    expiry = 3600
    for row in state.sub_accounts:
        if row["account"] == account:
            expiry = int(row.get("max_expiry") or 3600)
    # Phones re-register before the expiry: somewhere in its second half.
    next_at = state.clock.now_wall() + timedelta(seconds=expiry // 2 + len(account) * 37 % 600)
    where["register_next"] = fmt_dt(next_at)
    return {"registered": "yes", "rerouted": "0", "from_server_pop": where["server_pop"],
            "registrations": [where]}


def _values(state: SandboxState, lookup: str) -> set[str]:
    return {str(row["value"]) for row in state.lookups.get(lookup, [])}


@handler("setSubAccount")
def set_sub_account(call: Call) -> dict[str, Any]:
    state = call.state
    for name, status in _SUB_REQUIRED:
        call.require(name, status)
    row = next((r for r in state.sub_accounts if str(r["id"]) == call.get("id")), None)
    if row is None:
        raise Reply("invalid_id")
    if call.get("auth_type") not in ("1", "2"):
        raise Reply("invalid_authtype")
    codecs = call.get("allowed_codecs").split(";")
    known = _values(state, "allowed_codecs") | {"all"}
    if any(c.strip() not in known for c in codecs):
        raise Reply("invalid_allowedcodecs")
    if call.has("language") and call.get("language") not in _values(state, "languages"):
        raise Reply("invalid_language")
    if call.has("callerid_number") and not call.get("callerid_number").isdigit():
        raise Reply("invalid_callerid")
    for name, status in _SUB_FLAGS.items():
        if call.has(name) and call.get(name) not in ("0", "1"):
            raise Reply(status)
    for name, (low, high, status) in _SUB_RANGES.items():
        if call.has(name):
            value = call.int_param(name, status)
            if value is None or not low <= value <= high:
                raise Reply(status)
    pops = [p for p in call.get("pop_restriction").split(",") if p.strip()]
    if any(p.strip() not in {s["server_pop"] for s in state.servers} for p in pops):
        raise Reply("invalid_pop_restriction")
    if call.get("enable_pop_restriction") == "1" and not pops:
        raise Reply("missing_pop_restriction")
    if call.get("auth_type") == "1" and call.has("ip"):
        raise Reply("invalid_ip_auth")
    if call.get("auth_type") == "2" and call.has("password"):
        raise Reply("invalid_password_auth")
    if call.get("transcribe") == "1":
        if not call.has("transcription_locale"):
            raise Reply("missing_transcription_locale")
        if not call.has("transcription_email"):
            raise Reply("missing_transcription_email")
    if call.has("transcription_locale") and (
            call.get("transcription_locale") not in _values(state, "locales")):
        raise Reply("invalid_transcription_locale")
    if call.has("transcription_email") and not EMAIL.match(call.get("transcription_email")):
        raise Reply("invalid_transcription_email")
    # Everything it takes is written; an optional field not sent is wiped.
    for name in CATALOG["setSubAccount"].params:
        if name in ("id", "reseller_chargesetup"):
            continue
        if call.has(name):
            row[name] = call.get(name)
        elif name in row:
            row[name] = "0" if name in _SUB_FLAGS else ""
    return {}


@handler("setVoicemail")
def set_voicemail(call: Call) -> dict[str, Any]:
    state = call.state
    for name, status in _VM_REQUIRED:
        call.require(name, status)
    box = state.mailboxes.get(call.get("mailbox"))
    if box is None:
        raise Reply("invalid_mailbox")
    for name, status in _VM_YES_NO.items():
        if call.get(name).lower() not in ("yes", "no"):
            raise Reply(status)
    if call.get("skip_password").lower() not in ("1", "0", "yes", "no"):
        raise Reply("invalid_skippassword")
    if not (call.get("password").isdigit() and len(call.get("password")) == 4):
        raise Reply("invalid_password")
    if call.get("timezone") not in _values(state, "timezones"):
        raise Reply("invalid_timezone")
    if call.get("language") not in _values(state, "languages"):
        raise Reply("invalid_language")
    if call.get("play_instructions") not in _values(state, "play_instructions"):
        raise Reply("invalid_playinstructions")
    if call.has("email") and not EMAIL.match(call.get("email")):
        raise Reply("invalid_email")
    if call.has("transcription") and call.get("transcription") not in ("0", "1"):
        raise Reply("invalid_params")
    if call.has("transcription_locale") and (
            call.get("transcription_locale") not in _values(state, "locales")):
        raise Reply("invalid_transcription_locale")
    if call.has("email_attachment_format") and call.get("email_attachment_format") not in (
            _values(state, "voicemail_attachment_formats")):
        raise Reply("invalid_email_attachment_format")
    for name in CATALOG["setVoicemail"].params:
        if name in ("mailbox", "client"):
            continue
        key = _VM_KEYS.get(name, name)
        if call.has(name):
            box[key] = call.get(name)
        elif key in box:
            box[key] = "0" if key == "transcribe" else ""
    return {}
