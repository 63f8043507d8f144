"""Voicemail helpers: mailboxes, folders, messages, audio and message actions."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from app.api import parsing
from app.api.errors import TransportError
from app.api.payloads import SavedPayload, save_payload, voicemail_base64
from app.api.typed_base import TypedBase
from app.domain.models.voicemail import AudioFormat, Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.timeutil import parse_duration
from app.domain.words import QT_TRANSLATE_NOOP


def _no_audio(method: str) -> TransportError:
    """The answer held no recording (the file and the decoded-to-disk ways alike)."""
    return TransportError(
        QT_TRANSLATE_NOOP(
            "services",
            "VoIP.ms sent no audio for this voicemail. Try again in a few minutes.",
        ),
        kind="body",
        method=method,
    )


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


class VoicemailApi(TypedBase):
    async def get_voicemails(self) -> list[Mailbox]:
        data = await self._call("getVoicemails")
        return [
            Mailbox(
                mailbox=parsing.as_str(row.get("mailbox")),
                name=parsing.as_str(row.get("name")),
                new=parsing.as_int(row.get("new")),
                urgent=parsing.as_int(row.get("urgent")),
                email=parsing.as_str(row.get("email")),
                raw=row,
            )
            for row in parsing.rows(data, "voicemails")
        ]

    async def get_voicemail_folders(self, mailbox: str | None = None) -> list[VoicemailFolder]:
        data = await self._call("getVoicemailFolders", mailbox=mailbox)
        return [
            VoicemailFolder(
                value=parsing.as_str(row.get("value") or row.get("name")),
                description=parsing.as_str(row.get("description") or row.get("value")),
            )
            for row in parsing.rows(data, "folders")
        ]

    async def get_voicemail_messages(
        self, mailbox: str, folder: str | None = None
    ) -> list[VoicemailMessage]:
        data = await self._call("getVoicemailMessages", mailbox=mailbox, folder=folder)
        return [
            self._voicemail(row, mailbox, folder or "") for row in parsing.rows(data, "messages")
        ]

    def _voicemail(self, row: Mapping[str, Any], mailbox: str, folder: str) -> VoicemailMessage:
        name, number = parsing.caller_id(row.get("callerid"))
        return VoicemailMessage(
            mailbox=parsing.as_str(row.get("mailbox")) or mailbox,
            folder=parsing.as_str(row.get("folder")) or folder,
            message_num=parsing.as_int(row.get("message_num")),
            date=self._when(row.get("date")),
            caller_name=name,
            caller_number=number,
            duration_seconds=parse_duration(row.get("duration")),
            urgent=parsing.as_bool(row.get("urgent")),
            listened=parsing.as_bool(row.get("listened")),
        )

    async def get_voicemail_audio(
        self,
        mailbox: str,
        folder: str,
        message_num: int,
        fmt: AudioFormat | str = AudioFormat.MP3,
    ) -> bytes:
        """The recording's bytes in ``fmt`` (decoded from the API's base64)."""
        method = "getVoicemailMessageFile"
        fmt = AudioFormat(fmt)
        data = await self._call(
            method, mailbox=mailbox, folder=folder, message_num=message_num, format=fmt.value
        )
        encoded = voicemail_base64(data)
        if parsing.is_not_set(encoded):
            raise _no_audio(method)
        return self._decode_b64(method, encoded, "voicemail recording")

    async def save_voicemail_audio(
        self,
        mailbox: str,
        folder: str,
        message_num: int,
        fmt: AudioFormat | str,
        path: Path,
    ) -> SavedPayload:
        """The recording in ``fmt`` decoded straight into ``path`` (see ``save_fax_pdf``)."""
        method = "getVoicemailMessageFile"
        fmt = AudioFormat(fmt)
        try:
            saved = await self.client.call_converted(
                method, partial(save_payload, voicemail_base64, str(path)),
                mailbox=mailbox, folder=folder, message_num=message_num, format=fmt.value)
        except ValueError as exc:
            raise self._damaged(method, "voicemail recording", exc) from None
        if saved is None:
            raise _no_audio(method)
        return saved

    async def mark_listened(
        self, mailbox: str, folder: str, message_num: int, listened: bool
    ) -> None:
        """Listened messages move to Old at the provider; unlistened back to INBOX."""
        await self._call(
            "markListenedVoicemailMessage",
            mailbox=mailbox,
            folder=folder,
            message_num=message_num,
            listened=_yes_no(listened),
        )

    async def mark_urgent(self, mailbox: str, folder: str, message_num: int, urgent: bool) -> None:
        await self._call(
            "markUrgentVoicemailMessage",
            mailbox=mailbox,
            folder=folder,
            message_num=message_num,
            urgent=_yes_no(urgent),
        )

    async def move_voicemail(
        self, mailbox: str, folder: str, message_num: int, new_folder: str
    ) -> None:
        await self._call(
            "moveFolderVoicemailMessage",
            mailbox=mailbox,
            folder=folder,
            message_num=message_num,
            new_folder=new_folder,
        )

    async def delete_voicemail(self, mailbox: str, folder: str, message_num: int) -> None:
        # delMessages without folder/message_num empties the whole mailbox:
        # refuse to build that call by accident.
        if not folder or message_num is None:
            raise ValueError("delete_voicemail needs a folder and a message number")
        await self._call("delMessages", mailbox=mailbox, folder=folder, message_num=message_num)

    async def send_voicemail_email(
        self, mailbox: str, folder: str, message_num: int, email: str
    ) -> None:
        await self._call(
            "sendVoicemailEmail",
            mailbox=mailbox,
            folder=folder,
            message_num=message_num,
            email_address=email,
        )
