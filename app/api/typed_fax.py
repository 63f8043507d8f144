"""Fax helpers: folders, messages, PDFs, numbers and sending."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from app.api import parsing
from app.api.errors import TransportError
from app.api.payloads import SavedPayload, fax_base64, save_payload
from app.api.typed_base import DateLike, TypedBase
from app.domain.models.fax import FaxFolder, FaxMessage, FaxNumber
from app.domain.timeutil import parse_duration
from app.domain.words import QT_TRANSLATE_NOOP


class FaxApi(TypedBase):
    async def get_fax_folders(self) -> list[FaxFolder]:
        data = await self._call("getFaxFolders")
        return [
            FaxFolder(id=parsing.as_str(row.get("id")), name=parsing.as_str(row.get("name")))
            for row in parsing.rows(data, "folders")
        ]

    async def get_fax_messages(
        self, date_from: DateLike, date_to: DateLike, folder: str | None = None
    ) -> list[FaxMessage]:
        """Faxes between two provider-calendar days (at most 92 days apart)."""
        data = await self._call(
            "getFaxMessages",
            from_=self._api_date(date_from),
            to=self._api_date(date_to),
            folder=folder,
        )
        return [self._fax(row) for row in parsing.rows(data, "faxes")]

    def _fax(self, row: Mapping[str, Any]) -> FaxMessage:
        name, number = parsing.caller_id(row.get("callerid"))
        return FaxMessage(
            id=parsing.as_int(row.get("id")),
            folder=parsing.as_str(row.get("folder")),
            date=self._when(row.get("date")),
            callerid=number or name,
            stationid=parsing.as_str(row.get("stationid")),
            destination=parsing.number(row.get("destination")),
            description=parsing.as_str(row.get("description")),
            pages=parsing.as_int(row.get("pages")),
            duration_seconds=parse_duration(row.get("duration")),
            status=parsing.as_str(row.get("status")),
            message=parsing.unescape_text(parsing.first_present(row, ("msg", "message"))),
        )

    async def get_fax_pdf(self, fax_id: int | str) -> bytes:
        method = "getFaxMessagePDF"
        data = await self._call(method, id=fax_id)
        return self._decode_b64(method, data.get("message_base64"), "fax document")

    async def save_fax_pdf(self, fax_id: int | str, path: Path) -> SavedPayload:
        """The fax's document decoded straight into ``path``.

        A big document (tens of MB) is decoded in the worker process, which
        writes the file: no second copy of it passes through this process.
        """
        method = "getFaxMessagePDF"
        try:
            saved = await self.client.call_converted(
                method, partial(save_payload, fax_base64, str(path)), id=fax_id)
        except ValueError as exc:
            raise self._damaged(method, "fax document", exc) from None
        if saved is None:
            raise TransportError(QT_TRANSLATE_NOOP(
                "services",
                "VoIP.ms sent no document for this fax. Try again in a few minutes.",
            ), kind="body", method=method)
        return saved

    async def move_fax(self, fax_id: int | str, folder_id: str) -> None:
        await self._call("moveFaxMessage", fax_id=fax_id, folder_id=folder_id)

    async def delete_fax(self, fax_id: int | str) -> None:
        await self._call("deleteFaxMessage", id=fax_id)

    async def mail_fax_pdf(self, fax_id: int | str, email: str) -> None:
        await self._call("mailFaxMessagePDF", id=fax_id, email=email)

    async def get_fax_numbers(self) -> list[FaxNumber]:
        data = await self._call("getFaxNumbersInfo")
        return [
            FaxNumber(
                id=parsing.as_str(row.get("id")),
                did=parsing.number(row.get("did")),
                description=parsing.as_str(row.get("description")),
                email=parsing.as_str(row.get("email")),
            )
            for row in parsing.rows(data, "numbers")
        ]

    async def send_fax(
        self,
        to_number: str,
        from_number: str,
        file: bytes,
        *,
        from_name: str = "",
        station_id: str = "",
        email_copy_to: str = "",
    ) -> None:
        """Send ``file`` (pdf, txt, jpg, gif, png or tif bytes) as a fax. Never retried."""
        await self._call(
            "sendFaxMessage",
            to_number=parsing.number(to_number),
            from_number=parsing.number(from_number),
            from_name=from_name or parsing.number(from_number),
            station_id=station_id or None,
            send_email_enabled=1 if email_copy_to else None,
            send_email=email_copy_to or None,
            file=base64.b64encode(file).decode("ascii"),
        )

    async def set_fax_folder(self, name: str, folder_id: str | None = None) -> None:
        """Create a folder, or rename folder ``folder_id``."""
        await self._call("setFaxFolder", name=name, id=folder_id)

    async def delete_fax_folder(self, folder_id: str) -> None:
        await self._call("delFaxFolder", id=folder_id)
