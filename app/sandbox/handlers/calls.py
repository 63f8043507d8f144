"""Call history (getCDR), call accounts, call recordings and phonebook writes.

getCDR follows the reference: ``date_from``, ``date_to`` and ``timezone`` are
required; ``timezone`` is a whole-hour offset -12..13 applied to the call's UTC
time (a fixed offset, no DST: what a typed client reports of live accounts);
the date filter applies to the shifted days; ranges over 92 days are
``invalid_daterange``; the four disposition flags select rows (none given:
all); an empty answer is ``no_cdr``.
"""

from __future__ import annotations

import base64
import bisect
import re
from datetime import datetime, timedelta
from typing import Any

from app.sandbox import resources
from app.sandbox.handlers.base import Call, Reply, date_window, fmt_dt, handler
from app.sandbox.handlers.fallback import check_required
from app.sandbox.state import SandboxCall, SandboxRecording, SandboxState

_FLAGS = {"answered": "ANSWERED", "noanswer": "NO ANSWER", "busy": "BUSY", "failed": "FAILED"}


def _offset(call: Call) -> int:
    raw = call.require("timezone", "missing_timezone")
    if not re.fullmatch(r"[+-]?\d{1,2}", raw):
        raise Reply("invalid_timezone")
    value = int(raw)
    if not -12 <= value <= 13:
        raise Reply("invalid_timezone")
    return value


def _accounts(call: Call) -> list[str]:
    from app.sandbox.datagen import ACCOUNT

    return [ACCOUNT] + [str(a["account"]) for a in call.state.sub_accounts]


@handler("getCallAccounts")
def get_call_accounts(call: Call) -> dict[str, Any]:
    return {"accounts": [{"value": "all", "description": "All Accounts"}]
            + [{"value": a, "description": a} for a in _accounts(call)]}


@handler("getCDR")
def get_cdr(call: Call) -> dict[str, Any]:
    check_required(call)  # the first missing one answers, as for every method
    offset = _offset(call)
    window = date_window(call, "date_from", "date_to", required=True)
    wanted = {d for flag, d in _FLAGS.items() if call.flag(flag)} or set(_FLAGS.values())
    account = call.get("account")
    if account and account != "all" and account not in _accounts(call):
        raise Reply("invalid_account")
    calltype = call.get("calltype").lower()
    shift = timedelta(hours=offset)
    rows: list[SandboxCall] = call.state.calls
    # Rows are sorted by UTC time: only those near the window are looked at.
    lo_day = datetime.combine(window[0], datetime.min.time()) - shift - timedelta(days=1)
    hi_day = datetime.combine(window[1], datetime.min.time()) - shift + timedelta(days=2)
    keys = _keys(call.state)
    start = bisect.bisect_left(keys, lo_day.timestamp() - 86400)
    stop = bisect.bisect_right(keys, hi_day.timestamp() + 86400)
    out = []
    for row in rows[start:stop]:
        local = (row.when + shift).replace(tzinfo=None)
        if not window[0] <= local.date() <= window[1] or row.disposition not in wanted:
            continue
        if account and account != "all" and row.account != account:
            continue
        inbound = row.description.startswith("Inbound")
        if (calltype == "incoming" and not inbound) or (calltype == "outgoing" and inbound):
            continue
        out.append((local, row))
    if not out:
        raise Reply("no_cdr")
    out.sort(key=lambda item: item[0], reverse=True)
    return {"cdr": [{
        "date": fmt_dt(local), "callerid": row.callerid, "destination": row.destination,
        "description": row.description, "account": row.account,
        "disposition": row.disposition,
        "duration": f"{row.seconds // 3600:02d}:{row.seconds % 3600 // 60:02d}:"
                    f"{row.seconds % 60:02d}",
        "seconds": str(row.seconds), "rate": f"{row.rate:.8f}", "total": f"{row.total:.8f}",
        "uniqueid": row.uniqueid, "destination_type": row.destination_type,
    } for local, row in out]}


def _keys(state: SandboxState) -> list[float]:
    """UTC timestamps of the calls, sorted; rebuilt when calls were added."""
    if len(state.call_keys) != len(state.calls):
        state.calls.sort(key=lambda r: r.when)
        state.call_keys = [r.when.timestamp() for r in state.calls]
    return state.call_keys


def _recording(call: Call) -> SandboxRecording:
    account = call.require("account", "missing_account")
    wanted = call.require("callrecording", "missing_callrecording")
    for rec in call.state.call_recordings:
        if rec.id == wanted:
            if account not in ("all", rec.account):
                raise Reply("invalid_account")
            return rec
    raise Reply("invalid_callrecording")


def _rec_row(rec: SandboxRecording) -> dict[str, Any]:
    return {"callrecording": rec.id, "datetime": fmt_dt(rec.date), "destination": rec.destination,
            "type": "Incoming" if rec.incoming else "Outgoing", "subaccount": rec.account,
            "duration": f"{rec.seconds // 60:02d}:{rec.seconds % 60:02d}"}


@handler("getCallRecordings")
def get_call_recordings(call: Call) -> dict[str, Any]:
    account = call.require("account", "missing_account")
    if account != "all" and account not in _accounts(call):
        raise Reply("invalid_account")
    window = date_window(call, "date_from", "date_to", required=True)
    call_type = call.get("call_type", "all").lower() or "all"
    if call_type not in ("all", "incoming", "outgoing"):
        raise Reply("invalid_type")
    rows = [r for r in call.state.call_recordings
            if window[0] <= r.date.date() <= window[1]
            and account in ("all", r.account)
            and (call_type == "all" or r.incoming == (call_type == "incoming"))]
    rows.sort(key=lambda r: r.date, reverse=True)
    start = call.int_param("start", "invalid_start", 0) or 0
    length = call.int_param("length", "invalid_length", None)
    rows = rows[start:start + length] if length is not None else rows[start:]
    if not rows:
        raise Reply("no_recording")
    return {"recordings": [_rec_row(r) for r in rows]}


@handler("getCallRecording")
def get_call_recording(call: Call) -> dict[str, Any]:
    rec = _recording(call)
    audio = resources.voicemail_audio(rec.clip, "mp3")
    return {**_rec_row(rec), "base64file": base64.encodebytes(audio).decode("ascii")}


@handler("delCallRecording")
def del_call_recording(call: Call) -> dict[str, Any]:
    rec = _recording(call)
    if not call.flag("test"):
        call.state.call_recordings.remove(rec)
    return {}


@handler("sendCallRecordingEmail")
def send_call_recording_email(call: Call) -> dict[str, Any]:
    from app.sandbox.handlers.voicemail import EMAIL

    rec = _recording(call)
    email = call.require("email", "missing_email")
    if not EMAIL.match(email):
        raise Reply("invalid_email")
    call.state.emails_sent.append({"kind": "callrecording", "to": email, "id": rec.id})
    return {"msg": f"Email sent to {email}"}


@handler("setPhonebook")
def set_phonebook(call: Call) -> dict[str, Any]:
    state = call.state
    name = call.require("name", "missing_name")
    number = call.require("number", "missing_number")
    if len(name) > 50:
        raise Reply("name_toolong")
    if not (re.fullmatch(r"[\d+()\s.-]{3,20}", number) or number.startswith("sip:")):
        raise Reply("invalid_number")
    entry = None
    if call.has("phonebook"):
        entry = next((r for r in state.phonebook if r["phonebook"] == call.get("phonebook")),
                     None)
        if entry is None:
            raise Reply("invalid_phonebook")
    if call.flag("test"):
        return {"phonebook": entry["phonebook"] if entry else ""}
    if entry is None:
        ids = [int(r["phonebook"]) for r in state.phonebook if str(r["phonebook"]).isdigit()]
        entry = {"phonebook": str(max(ids, default=32206) + 1), "speed_dial": "",
                 "callerid": "", "group": "", "group_name": ""}
        state.phonebook.append(entry)
    entry.update({"name": name, "number": number, "note": call.get("note")})
    return {"phonebook": entry["phonebook"]}
