"""Request parameters the way PHP's ``$_REQUEST`` sees them.

Query string first, then the body (urlencoded or multipart/form-data) on top,
so a POST field wins over a query field of the same name. Repeated names keep
the last value, as PHP does for names without ``[]``.
"""

from __future__ import annotations

from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from urllib.parse import parse_qsl, urlsplit


def parse_query(path: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(path).query, keep_blank_values=True))


def parse_body(content_type: str, body: bytes) -> dict[str, str]:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype == "multipart/form-data":
        return _parse_multipart(content_type, body)
    if ctype in ("application/x-www-form-urlencoded", ""):
        return dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    return {}  # PHP ignores bodies of other types (JSON included)


def _parse_multipart(content_type: str, body: bytes) -> dict[str, str]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    fields: dict[str, str] = {}
    if not message.is_multipart():
        return fields
    for part in message.iter_parts() if hasattr(message, "iter_parts") else []:
        if not isinstance(part, Message):
            continue
        name = part.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        raw = payload if isinstance(payload, bytes) else b""
        fields[name] = raw.decode("utf-8", "replace")
    return fields
