"""SMS, MMS and phonebook helpers."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from functools import partial

from app.api import parsing
from app.api.message_rows import messages_from_answer, mms_text, one_per_group_mms
from app.api.typed_base import DateLike, TypedBase
from app.domain.models.messages import Direction, Message, MessageKind, PhonebookEntry

__all__ = ["MessagesApi", "media_payload", "mms_text", "one_per_group_mms", "sniff_mime"]


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
        return await self.client.call_converted(
            method,
            partial(messages_from_answer, kind, self.provider_tz, self.client.base_url),
            from_=self._api_date(date_from),
            to=self._api_date(date_to),
            did=parsing.number(did) or None,
            contact=parsing.number(contact) or None,
            limit=limit,
            type=None if direction is None else int(direction),
            # SMS and MMS are fetched separately: their ids are separate sequences.
            all_messages=0,
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
