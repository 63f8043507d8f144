"""Voicemail: mailboxes, folders, messages, audio, and the message edits.

Audio comes back as base64 *with line breaks* and ``getVoicemailMessageFile``'s
``message`` is a bare object instead of a one-element list (API-NOTES).
"""

from __future__ import annotations

import base64
import re
from typing import Any

from app.sandbox import resources
from app.sandbox.handlers.base import (
    Call,
    Reply,
    date_window,
    fmt_dt,
    fmt_duration,
    handler,
    in_window,
)
from app.sandbox.state import VoicemailMessage

FOLDERS = ("INBOX", "Old", "Urgent", "Work", "Family", "Friends")
FORMATS = ("mp3", "wav", "wav49", "gsm")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def _mailbox(call: Call) -> str:
    mailbox = call.require("mailbox")
    if mailbox not in call.state.mailboxes:
        raise Reply("invalid_mailbox")
    return mailbox


def _folder(call: Call, name: str = "folder") -> str:
    folder = call.require(name, "missing_folder")
    for known in FOLDERS:
        if known.lower() == folder.lower():
            return known
    raise Reply("invalid_folder")


def _message(call: Call) -> VoicemailMessage:
    mailbox, folder = _mailbox(call), _folder(call)
    num = call.int_param("message_num", "invalid_message_num")
    if num is None:
        raise Reply("missing_message_num")
    for message in call.state.voicemails:
        if (message.mailbox, message.folder, message.message_num) == (mailbox, folder, num):
            return message
    raise Reply("message_not_found")


def _yes_no(call: Call, name: str) -> bool:
    value = call.require(name).lower()
    if value not in ("yes", "no"):
        raise Reply(f"invalid_{name}")
    return value == "yes"


@handler("getVoicemails")
def get_voicemails(call: Call) -> dict[str, Any]:
    state = call.state
    boxes = list(state.mailboxes.values())
    if call.has("mailbox"):
        boxes = [b for b in boxes if b["mailbox"] == call.get("mailbox")]
        if not boxes:
            raise Reply("invalid_mailbox")
    if not boxes:
        raise Reply("no_mailbox")
    rows = []
    for box in boxes:
        mine = [v for v in state.voicemails if v.mailbox == box["mailbox"]]
        rows.append({**box, "new": str(sum(1 for v in mine if not v.listened)),
                     "urgent": str(sum(1 for v in mine if v.urgent))})
    return {"voicemails": rows}


@handler("getVoicemailFolders")
def get_voicemail_folders(call: Call) -> dict[str, Any]:
    folders = list(FOLDERS)
    if call.has("folder"):
        folders = [_folder(call)]
    return {"folders": [{"value": f, "description": f} for f in folders]}


@handler("getVoicemailMessages")
def get_voicemail_messages(call: Call) -> dict[str, Any]:
    mailbox = _mailbox(call)
    rows = [v for v in call.state.voicemails if v.mailbox == mailbox]
    if call.has("folder"):
        folder = _folder(call)
        rows = [v for v in rows if v.folder == folder]
    if call.has("date_from") or call.has("date_to"):
        window = date_window(call, "date_from", "date_to")
        rows = [v for v in rows if in_window(v.date, window)]
    if not rows:
        raise Reply("no_messages")
    rows.sort(key=lambda v: v.date, reverse=True)
    return {"messages": [{
        "mailbox": v.mailbox, "folder": v.folder, "message_num": str(v.message_num),
        "date": fmt_dt(v.date), "callerid": v.callerid, "duration": fmt_duration(v.duration),
        "urgent": "yes" if v.urgent else "no", "listened": "yes" if v.listened else "no",
    } for v in rows]}


@handler("getVoicemailMessageFile")
def get_voicemail_message_file(call: Call) -> dict[str, Any]:
    message = _message(call)
    fmt = (call.get("format") or "mp3").lower()
    if fmt not in FORMATS:
        raise Reply("invalid_type")
    data = resources.voicemail_audio(message.clip, fmt)
    return {"message": {  # a bare object, not a list (API-NOTES)
        "mailbox": message.mailbox, "folder": message.folder,
        "message_num": message.message_num,
        "data": base64.encodebytes(data).decode("ascii"),
    }}


@handler("markListenedVoicemailMessage")
def mark_listened(call: Call) -> dict[str, Any]:
    message = _message(call)
    message.listened = _yes_no(call, "listened")
    return {}


@handler("markUrgentVoicemailMessage")
def mark_urgent(call: Call) -> dict[str, Any]:
    message = _message(call)
    message.urgent = _yes_no(call, "urgent")
    return {}


@handler("moveFolderVoicemailMessage")
def move_folder(call: Call) -> dict[str, Any]:
    message = _message(call)
    target = _folder(call, "new_folder")
    if target != message.folder:
        # Asterisk numbers messages per folder: the moved one gets the next free number.
        message.message_num = call.state.next_message_num(message.mailbox, target)
        message.folder = target
    return {}


@handler("delMessages")
def del_messages(call: Call) -> dict[str, Any]:
    mailbox = _mailbox(call)
    state = call.state
    if call.has("folder") or call.has("message_num"):
        if not call.has("message_num"):
            raise Reply("missing_message_num")
        message = _message(call)
        state.voicemails.remove(message)
        return {}
    state.voicemails = [v for v in state.voicemails if v.mailbox != mailbox]
    return {}


@handler("sendVoicemailEmail")
def send_voicemail_email(call: Call) -> dict[str, Any]:
    message = _message(call)
    email = call.require("email_address", "missing_email")
    if not EMAIL.match(email):
        raise Reply("invalid_email")
    call.state.emails_sent.append({"kind": "voicemail", "to": email,
                                   "mailbox": message.mailbox, "folder": message.folder,
                                   "message_num": message.message_num})
    return {}
