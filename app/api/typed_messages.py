"""SMS, MMS and phonebook helpers."""

from __future__ import annotations

import asyncio
import base64
import html
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from app.api import parsing
from app.api.typed_base import DateLike, TypedBase, log
from app.domain.models.messages import Direction, Message, MessageKind, PhonebookEntry


def sniff_mime(data: bytes) -> str:
    """The media type of an MMS attachment from its first bytes."""
    signatures = (
        (b"\x89PNG", "image/png"),
        (b"\xff\xd8", "image/jpeg"),
        (b"GIF8", "image/gif"),
        (b"RIFF", "image/webp"),
        (b"%PDF", "application/pdf"),
    )
    for magic, mime in signatures:
        if data.startswith(magic):
            return mime
    if data[4:8] == b"ftyp":
        return "video/mp4"
    return "application/octet-stream"


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


def media_payload(data: bytes) -> str:
    """An attachment as the data URI sendMMS takes (``data:image/png;base64,...``)."""
    return f"data:{sniff_mime(data)};base64,{base64.b64encode(data).decode('ascii')}"


class MessagesApi(TypedBase):
    async def get_sms(
        self,
        date_from: DateLike,
        date_to: DateLike,
        did: str | None = None,
        contact: str | None = None,
        limit: int = 10000,
        direction: Direction | None = None,
    ) -> list[Message]:
        return await self._get_messages(
            MessageKind.SMS, date_from, date_to, did, contact, limit, direction
        )

    async def get_mms(
        self,
        date_from: DateLike,
        date_to: DateLike,
        did: str | None = None,
        contact: str | None = None,
        limit: int = 10000,
        direction: Direction | None = None,
    ) -> list[Message]:
        return await self._get_messages(
            MessageKind.MMS, date_from, date_to, did, contact, limit, direction
        )

    async def _get_messages(
        self,
        kind: MessageKind,
        date_from: DateLike,
        date_to: DateLike,
        did: str | None,
        contact: str | None,
        limit: int,
        direction: Direction | None = None,
    ) -> list[Message]:
        method = "getSMS" if kind is MessageKind.SMS else "getMMS"
        data = await self._call(
            method,
            from_=self._api_date(date_from),
            to=self._api_date(date_to),
            did=parsing.number(did) or None,
            contact=parsing.number(contact) or None,
            limit=limit,
            type=None if direction is None else int(direction),
            # SMS and MMS are fetched separately: their ids are separate sequences.
            all_messages=0,
        )
        # The reference shows getMMS rows under "sms" too; accept either key.
        keys = ("sms", "mms") if kind is MessageKind.SMS else ("mms", "sms")
        raw: object = next((data[key] for key in keys if key in data), [])
        if isinstance(raw, list) and len(raw) > 500:
            # A year's window can hold tens of thousands of rows: converting them
            # (date parsing, zone conversion) takes long enough to stall the UI's
            # event loop, so big pages are converted on a worker thread.
            return await asyncio.to_thread(self._messages, kind, data, keys)
        return self._messages(kind, data, keys)

    def _messages(
        self, kind: MessageKind, data: Mapping[str, Any], keys: Sequence[str]
    ) -> list[Message]:
        messages = []
        for row in parsing.rows(data, *keys):
            try:
                message = self._message(kind, row)
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                # One row the parsers cannot make sense of must not cost the
                # whole page (and with it every later sync): skip it, say so.
                log.warning("Skipping an unreadable %s row (%s: %s)", kind.value,
                            type(exc).__name__, exc)
                continue
            if message is not None:
                messages.append(message)
        return one_per_group_mms(messages) if kind is MessageKind.MMS else messages

    def _message(self, kind: MessageKind, row: Mapping[str, Any]) -> Message | None:
        when = self._when(row.get("date"))
        message_id = parsing.as_int(row.get("id"), -1)
        if when is None or message_id < 0:
            # Without an id or a date the row cannot be stored or ordered.
            log.info("Skipping %s row without id/date: %r", kind.value, sorted(row))
            return None
        direction = (
            Direction.RECEIVED if parsing.as_int(row.get("type"), 1) == 1 else Direction.SENT
        )
        media = parsing.mms_media(row, self.client.base_url) if kind is MessageKind.MMS else ()
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

    async def get_media_mms(self, message_id: int | str) -> list[str]:
        """Media links of one MMS (``getMMS`` rows sometimes leave them empty)."""
        data = await self._call("getMediaMMS", id=message_id)
        return list(parsing.media_urls(data.get("media"), self.client.base_url))

    async def send_sms(self, did: str, dst: str, text: str) -> int:
        """Send one SMS; returns its id (0 if the provider did not say)."""
        data = await self._call(
            "sendSMS", did=parsing.number(did), dst=parsing.number(dst), message=text
        )
        return parsing.as_int(data.get("sms"))

    async def send_mms(self, did: str, dst: str, text: str, media: Sequence[bytes] = ()) -> int:
        """Send one MMS with up to 3 attachments (always a multipart POST)."""
        if len(media) > 3:
            raise ValueError("an MMS carries at most 3 media files")
        attachments = {f"media{i}": media_payload(item) for i, item in enumerate(media, start=1)}
        data = await self._call(
            "sendMMS",
            did=parsing.number(did),
            dst=parsing.number(dst),
            message=text,
            **attachments,
        )
        return parsing.as_int(parsing.first_present(data, ("mms", "sms"), 0))

    async def download_media(self, url: str) -> bytes:
        """Bytes of one media link (absolute; see ``parsing.media_urls``)."""
        return await self.client.fetch_media(url)

    async def delete_sms(self, message_id: int | str) -> None:
        await self._call("deleteSMS", id=message_id)

    async def delete_mms(self, message_id: int | str) -> None:
        await self._call("deleteMMS", id=message_id)

    async def get_phonebook(self) -> list[PhonebookEntry]:
        data = await self._call("getPhonebook")
        entries = []
        for row in parsing.rows(data, "phonebooks", "phonebook"):
            raw_number = parsing.as_str(row.get("number"))
            entries.append(
                PhonebookEntry(
                    id=parsing.as_str(row.get("phonebook") or row.get("id")),
                    name=parsing.unescape_text(parsing.as_str(row.get("name"))),
                    # Speed-dial entries can hold SIP URIs or extensions: keep those as is.
                    number=parsing.number(raw_number)
                    if raw_number[:1] in "+0123456789("
                    else raw_number,
                    note=parsing.as_str(row.get("note")),
                    group_name=parsing.as_str(row.get("group_name")),
                )
            )
        return entries
