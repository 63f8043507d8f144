"""Fax: folders, messages, PDFs, numbers and sending.

Folders are addressed by *name* in ``getFaxMessages`` but by *id* in
``moveFaxMessage``/``delFaxFolder``, as in the reference. PDFs come back as
base64 with line breaks. An empty folder answers ``no_message`` (singular).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from app.sandbox import resources
from app.sandbox.handlers.base import Call, Reply, date_window, fmt_dt, handler, in_window
from app.sandbox.handlers.voicemail import EMAIL
from app.sandbox.state import FaxFolder, FaxMessage

SYSTEM_FOLDERS = ("INBOX", "SENT")
MAX_FAX_BYTES = 10_000_000
_NAME = re.compile(r"^[\w .-]{1,40}$")


def _folder_by_id(call: Call, param: str) -> FaxFolder:
    wanted = call.require(param, "missing_folder" if param == "folder_id" else "missing_id")
    for folder in call.state.fax_folders:
        if str(folder.id) == wanted:
            return folder
    raise Reply("invalid_folder_id")


def _fax(call: Call, param: str = "id") -> FaxMessage:
    wanted = call.require(param, "missing_id")
    for fax in call.state.faxes:
        if str(fax.id) == wanted:
            return fax
    raise Reply("invalid_fax_id")


def _m_ss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


@handler("getFaxFolders")
def get_fax_folders(call: Call) -> dict[str, Any]:
    folders = call.state.fax_folders
    if not folders:
        raise Reply("no_folder")
    return {"folders": [{"id": str(f.id), "name": f.name} for f in folders]}


@handler("setFaxFolder")
def set_fax_folder(call: Call) -> dict[str, Any]:
    name = call.require("name")
    if not _NAME.match(name):
        raise Reply("invalid_name")
    state = call.state
    target = _folder_by_id(call, "id") if call.has("id") else None
    if any(f.name.lower() == name.lower() and f is not target for f in state.fax_folders):
        raise Reply("duplicated_name")
    if target is not None and target.name in SYSTEM_FOLDERS:
        raise Reply("invalid_folder_id")
    if call.flag("test"):
        return {}
    if target is None:
        state.fax_folders.append(FaxFolder(state.next_fax_folder_id, name))
        state.next_fax_folder_id += 1
    else:
        for fax in state.faxes:
            if fax.folder == target.name:
                fax.folder = name
        target.name = name
    return {}


@handler("delFaxFolder")
def del_fax_folder(call: Call) -> dict[str, Any]:
    folder = _folder_by_id(call, "id")
    if folder.name in SYSTEM_FOLDERS:
        raise Reply("invalid_folder_id")
    if call.flag("test"):
        return {}
    state = call.state
    state.fax_folders.remove(folder)
    state.faxes = [f for f in state.faxes if f.folder != folder.name]
    return {}


@handler("getFaxMessages")
def get_fax_messages(call: Call) -> dict[str, Any]:
    state = call.state
    if call.has("id"):
        rows = [f for f in state.faxes if str(f.id) == call.get("id")]
    else:
        window = date_window(call)
        rows = [f for f in state.faxes if in_window(f.date, window)]
    folder = call.get("folder")
    if folder and folder.upper() != "ALL":
        names = {f.name.lower(): f.name for f in state.fax_folders}
        if folder.lower() not in names:
            raise Reply("invalid_folder")
        rows = [f for f in rows if f.folder == names[folder.lower()]]
    if not rows:
        raise Reply("no_message")
    rows.sort(key=lambda f: f.date, reverse=True)
    return {"faxes": [{
        "id": f.id, "folder": f.folder, "date": fmt_dt(f.date), "callerid": f.callerid,
        "stationid": f.stationid, "destination": f.destination, "description": f.description,
        "pages": str(f.pages), "duration": _m_ss(f.duration), "status": f.status,
        "rate": "0.000" if f.description.startswith("IN") else "0.070",
        "total": "0.000" if f.description.startswith("IN") else f"{0.07 * f.pages:.3f}",
        "msg": "" if f.status == "SUCCESS" else "No answer from remote fax machine",
    } for f in rows]}


@handler("getFaxMessagePDF")
def get_fax_message_pdf(call: Call) -> dict[str, Any]:
    fax = _fax(call)
    data = fax.data if fax.data is not None else resources.read("fax", fax.pdf or "")
    return {"message_base64": base64.encodebytes(data).decode("ascii")}


@handler("moveFaxMessage")
def move_fax_message(call: Call) -> dict[str, Any]:
    fax = _fax(call, "fax_id")
    folder = _folder_by_id(call, "folder_id")
    if not call.flag("test"):
        fax.folder = folder.name
    return {}


@handler("deleteFaxMessage")
def delete_fax_message(call: Call) -> dict[str, Any]:
    fax = _fax(call)
    if not call.flag("test"):
        call.state.faxes.remove(fax)
    return {}


@handler("mailFaxMessagePDF")
def mail_fax_message_pdf(call: Call) -> dict[str, Any]:
    fax = _fax(call)
    email = call.require("email")
    if not EMAIL.match(email):
        raise Reply("invalid_email")
    call.state.emails_sent.append({"kind": "fax", "to": email, "id": fax.id})
    return {"message_status": "message_sent"}


@handler("getFaxNumbersInfo")
def get_fax_numbers_info(call: Call) -> dict[str, Any]:
    rows = call.state.fax_numbers
    if call.has("did"):
        rows = [r for r in rows if r["did"] == call.get("did")]
    if not rows:
        raise Reply("no_numbers")
    return {"numbers": rows}


@handler("sendFaxMessage")
def send_fax_message(call: Call) -> dict[str, Any]:
    state = call.state
    to_number = re.sub(r"\D", "", call.require("to_number", "invalid_to_number"))
    if len(to_number) == 11 and to_number.startswith("1"):
        to_number = to_number[1:]
    if len(to_number) != 10:
        raise Reply("invalid_to_number")
    from_name = call.require("from_name", "invalid_fullname")
    from_number = re.sub(r"\D", "", call.require("from_number", "invalid_from_number"))
    if not any(n["did"] == from_number[-10:] for n in state.fax_numbers):
        raise Reply("invalid_from_number")
    raw = call.require("file", "missing_file")
    try:
        data = base64.b64decode(re.sub(r"\s+", "", raw), validate=True)
    except (binascii.Error, ValueError):
        raise Reply("no_base64file") from None
    if len(data) > MAX_FAX_BYTES:
        raise Reply("exceeds_file_size")
    kind = _file_kind(data)
    if kind is None:
        raise Reply("invalid_file")
    if call.flag("send_email_enabled") and not EMAIL.match(call.get("send_email")):
        raise Reply("invalid_email")
    if call.flag("test"):
        return {}
    if not state.count_send():
        raise Reply("limit_reached")
    pages = max(1, data.count(b"/Type /Page") - data.count(b"/Type /Pages")) \
        if kind == "pdf" else 1
    state.faxes.append(FaxMessage(
        state.next_fax_id, "SENT", state.clock.now_wall(), from_number[-10:],
        call.get("station_id") or from_name, to_number, "OUTBOUND FAX", pages, 20 * pages,
        "SUCCESS", data=data if kind == "pdf" else None,
        pdf=None if kind == "pdf" else "delivery_schedule.pdf"))
    state.next_fax_id += 1
    return {}


def _file_kind(data: bytes) -> str | None:
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith((b"\xff\xd8", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    try:
        data[:2048].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "txt"
