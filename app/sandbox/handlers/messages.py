"""SMS and MMS: history, media, sending and deleting.

Shapes follow the real service, quirks included: ids as strings in lists but
numbers from ``sendSMS``; ``+1`` on numbers when a ``did`` filter is passed;
``getMMS`` rows under the ``sms`` key, some with empty media fields that only
``getMediaMMS`` fills; ``getMediaMMS`` media as an object unless
``media_as_array=1``; freshly uploaded media 404 for a moment.
"""

from __future__ import annotations

import base64
import binascii
import re
from html.entities import codepoint2name
from typing import Any

from app.sandbox.handlers.base import Call, Reply, date_window, fmt_dt, handler, in_window
from app.sandbox.state import TextMessage

SMS_MAX_BYTES = 160
MMS_MAX_CHARS = 2048
MMS_MAX_MEDIA_BYTES = 1_200_000
GET_BASE64_LIMIT = 512
DEFAULT_LIMIT = 50
_DATA_URI = re.compile(r"^data:(?P<type>[\w/+.-]+);base64,", re.I)


def _number(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


def _is_empty(text: str) -> bool:
    """PHP's ``empty()``: the string ``"0"`` is empty too (real sends reject it)."""
    return text == "" or text == "0"


# --- reading ---------------------------------------------------------------------


def _select(call: Call, rows: list[TextMessage], id_param: str) -> list[TextMessage]:
    wanted = call.get(id_param)
    if wanted and wanted != "0":
        return [r for r in rows if str(r.id) == wanted]
    window = date_window(call)
    selected = [r for r in rows if in_window(r.date, window)]
    if call.has("type"):
        if call.get("type") not in ("0", "1"):
            raise Reply("invalid_type")
        selected = [r for r in selected if r.type == int(call.get("type"))]
    if call.has("did"):
        did = _number(call.get("did"))
        if did not in call.state.dids:
            raise Reply("invalid_did")
        selected = [r for r in selected if r.did == did]
    if call.has("contact"):
        contact = _number(call.get("contact"))
        if not contact:
            raise Reply("invalid_contact")
        selected = [r for r in selected if r.contact == contact]
    selected.sort(key=lambda r: (r.date, r.id), reverse=True)
    try:
        limit = int(call.get("limit") or DEFAULT_LIMIT)
    except ValueError:
        limit = DEFAULT_LIMIT
    return selected[: max(limit, 0)]


def media_url(call: Call, row: TextMessage, item: str) -> str:
    if "://" in item:
        return item  # sent by URL: the link is kept as given
    media = call.state.media.get(item)
    ext = media.ext if media else "jpg"
    path = f"/media/{item}.{ext}"
    return path if row.relative_links else call.base_url + path


def entity_encoded(text: str) -> str:
    """Text as live getMMS rows carry it: ``Réunion – 10h`` -> ``R&eacute;union &ndash; 10h``."""
    out = []
    for char in text:
        if char == "&":
            out.append("&amp;")
        elif ord(char) < 128:
            out.append(char)
        else:
            name = codepoint2name.get(ord(char))
            out.append(f"&{name};" if name else f"&#{ord(char)};")
    return "".join(out)


def _row(call: Call, row: TextMessage, plus_one: bool) -> dict[str, Any]:
    prefix = "+1" if plus_one else ""
    text = row.message
    if row.kind == "mms" and "mms_entities" in call.state.live_quirks:
        text = entity_encoded(text)
    out: dict[str, Any] = {"id": str(row.id), "date": fmt_dt(row.date), "type": str(row.type),
                           "did": prefix + row.did, "contact": prefix + row.contact,
                           "message": text}
    if row.kind == "mms":
        urls = [] if row.media_hidden_in_list else [media_url(call, row, m) for m in row.media]
        padded = ([*urls, "", "", ""])[:3]
        out.update({"col_media1": padded[0], "col_media2": padded[1], "col_media3": padded[2],
                    "media": urls})
    return out


def _list(call: Call, kinds: tuple[str, ...]) -> dict[str, Any]:
    state = call.state
    rows: list[TextMessage] = []
    if "sms" in kinds:
        rows += _select(call, state.sms, "sms")
    if "mms" in kinds:
        rows += _select(call, state.mms, "mms")
    if "group_mms_legs" not in state.live_quirks:
        rows = [r for r in rows if not r.extra_leg]
    if len(kinds) == 2:
        rows.sort(key=lambda r: (r.date, r.id), reverse=True)
    if not rows:
        # The reference says no_sms also for MMS; live accounts answer no_mms.
        only_mms = kinds == ("mms",) and "no_mms" in state.live_quirks
        raise Reply("no_mms" if only_mms else "no_sms")
    plus_one = call.has("did")
    return {"sms": [_row(call, r, plus_one) for r in rows]}


@handler("getSMS")
def get_sms(call: Call) -> dict[str, Any]:
    return _list(call, ("sms", "mms") if call.flag("all_messages") else ("sms",))


@handler("getMMS")
def get_mms(call: Call) -> dict[str, Any]:
    return _list(call, ("sms", "mms") if call.flag("all_messages") else ("mms",))


@handler("getMediaMMS")
def get_media_mms(call: Call) -> dict[str, Any]:
    wanted = call.require("id")
    row = next((r for r in call.state.mms if str(r.id) == wanted), None)
    if row is None:
        raise Reply("invalid_id")
    urls = ([media_url(call, row, m) for m in row.media] + ["", "", ""])[:3]
    media: Any = urls if call.flag("media_as_array") else {str(i): u for i, u in enumerate(urls)}
    return {"id": row.id, "date": fmt_dt(row.date), "media": media}


# --- writing ---------------------------------------------------------------------


def _sender(call: Call) -> tuple[str, str]:
    did = _number(call.require("did"))
    row = call.state.dids.get(did)
    if row is None or row.get("sms_enabled") != "1":
        raise Reply("invalid_did")
    dst = _number(call.get("dst"))
    if len(dst) != 10 or dst[0] in "01":
        raise Reply("invalid_dst")
    return did, dst


@handler("sendSMS")
def send_sms(call: Call) -> dict[str, Any]:
    did, dst = _sender(call)
    text = call.params.get("message", "")
    if _is_empty(text.strip()):
        raise Reply("message_empty")
    if len(text.encode("utf-8")) > SMS_MAX_BYTES:
        raise Reply("sms_toolong")
    if not call.state.count_send():
        raise Reply("limit_reached")
    row = call.state.add_text("sms", date=call.state.clock.now_wall(), type_=0, did=did,
                              contact=dst, message=text)
    return {"sms": row.id}


@handler("sendMMS")
def send_mms(call: Call) -> dict[str, Any]:
    did, dst = _sender(call)
    text = call.params.get("message", "")
    if _is_empty(text.strip()):
        raise Reply("message_empty")
    if len(text) > MMS_MAX_CHARS:
        raise Reply("sms_toolong")
    media = [_media_item(call, call.get(f"media{i}")) for i in (1, 2, 3)]
    if not call.state.count_send():
        raise Reply("limit_reached")
    tokens = [m for m in media if m]
    row = call.state.add_text("mms", date=call.state.clock.now_wall(), type_=0, did=did,
                              contact=dst, message=text, media=tokens)
    return {"mms": row.id}


def _media_item(call: Call, value: str) -> str:
    """A media parameter: a URL (kept) or base64 (stored, served after a delay)."""
    if not value:
        return ""
    if value.startswith(("http://", "https://")):
        return value
    content_type = ""
    match = _DATA_URI.match(value)
    if match:
        content_type, value = match.group("type").lower(), value[match.end():]
    if call.verb == "GET" and len(value) > GET_BASE64_LIMIT:
        raise Reply("exceeds_file_size")
    try:
        data = base64.b64decode(re.sub(r"\s+", "", value), validate=True)
    except (binascii.Error, ValueError):
        raise Reply("no_base64file") from None
    if len(data) > MMS_MAX_MEDIA_BYTES:
        raise Reply("exceeds_file_size")
    content_type = content_type or _sniff(data)
    ext = {"image/png": "png", "image/gif": "gif", "image/jpeg": "jpg"}.get(content_type, "bin")
    state = call.state
    return state.new_media(ext, content_type, data=data, delay=state.media_delay_seconds)


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    return "application/octet-stream"


def _delete(call: Call, rows: list[TextMessage]) -> dict[str, Any]:
    wanted = call.require("id")
    for index, row in enumerate(rows):
        if str(row.id) == wanted:
            del rows[index]
            return {}
    raise Reply("invalid_sms")


@handler("deleteSMS")
def delete_sms(call: Call) -> dict[str, Any]:
    return _delete(call, call.state.sms)


@handler("deleteMMS")
def delete_mms(call: Call) -> dict[str, Any]:
    return _delete(call, call.state.mms)
