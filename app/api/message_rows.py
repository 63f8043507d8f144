"""getSMS/getMMS rows -> ``Message``s: plain functions the decoding worker can run.

A year's page holds tens of thousands of rows; converting them (dates, zones,
entities) takes ~250 ms, so for a big page :func:`messages_from_answer` runs in
the worker process with the JSON decoding (``app.api.offload``). It therefore
lives here, free of httpx and of any object of this process: everything it
needs (kind, provider zone, API address) is in its arguments.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import replace
from typing import Any
from zoneinfo import ZoneInfo

from app.api import parsing
from app.domain.models.messages import Direction, Message, MessageKind

log = logging.getLogger("app.api.typed")


def mms_text(value: object) -> str:
    """getMMS text arrives HTML-entity-encoded on live accounts (``R&eacute;union``,
    ``&#8211;``) while getSMS text is plain (API-NOTES.md): decode MMS text only."""
    text = parsing.unescape_text(value)
    return html.unescape(text) if "&" in text else text


def one_per_group_mms(messages: list[Message]) -> list[Message]:
    """A group MMS arrives as one row per recipient leg: same DID, contact, date,
    direction and text, different ids (API-NOTES.md). Keep the lowest id of each
    group, so every window that sees the group keeps the same row."""
    kept: dict[tuple[object, ...], Message] = {}
    for message in messages:
        key = (message.did, message.contact, message.date, message.direction, message.text)
        other = kept.get(key)
        if other is None:
            kept[key] = message
        elif message.id < other.id:
            # The same pictures on every leg; a leg listed without them borrows them.
            kept[key] = message if message.media else replace(message, media=other.media)
    return list(kept.values())


def messages_from_answer(
    kind: MessageKind, provider_tz: str, base_url: str, data: Mapping[str, Any]
) -> list[Message]:
    """The messages of one getSMS/getMMS answer; a row that cannot be read is skipped."""
    zone = ZoneInfo(provider_tz)
    # The reference shows getMMS rows under "sms" too; accept either key.
    keys = ("sms", "mms") if kind is MessageKind.SMS else ("mms", "sms")
    messages = []
    for row in parsing.rows(data, *keys):
        try:
            message = _message(kind, row, zone, base_url)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # One row the parsers cannot make sense of must not cost the
            # whole page (and with it every later sync): skip it, say so.
            log.warning("Skipping an unreadable %s row (%s: %s)", kind.value,
                        type(exc).__name__, exc)
            continue
        if message is not None:
            messages.append(message)
    return one_per_group_mms(messages) if kind is MessageKind.MMS else messages


def _message(
    kind: MessageKind, row: Mapping[str, Any], zone: ZoneInfo, base_url: str
) -> Message | None:
    when = parsing.provider_datetime(row.get("date"), zone)
    message_id = parsing.as_int(row.get("id"), -1)
    if when is None or message_id < 0:
        # Without an id or a date the row cannot be stored or ordered.
        log.info("Skipping %s row without id/date: %r", kind.value, sorted(row))
        return None
    direction = (
        Direction.RECEIVED if parsing.as_int(row.get("type"), 1) == 1 else Direction.SENT
    )
    media = parsing.mms_media(row, base_url) if kind is MessageKind.MMS else ()
    return Message(
        kind=kind,
        id=message_id,
        date=when,
        direction=direction,
        did=parsing.number(row.get("did")),
        contact=parsing.number(row.get("contact")),
        text=mms_text(row.get("message")) if kind is MessageKind.MMS
        else parsing.unescape_text(row.get("message")),
        media=media,
    )
