"""Phones: sub-accounts, registration status, ``setSubAccount`` and ``setVoicemail``.

Both writes are read-modify-writes: ``setSubAccount`` and ``setVoicemail`` wipe
every optional field they are not sent (API-NOTES.md "Routing"), so the caller
passes the row it has just read and the changes; every field of that row the
method accepts goes back (live extras included: ``app/domain/catalog_live.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.api import parsing
from app.api.catalog import CATALOG
from app.api.typed_base import TypedBase
from app.domain.models.phones import MailboxSettings, Registration, RegistrationPoint

#: getVoicemails names the transcription flag ``transcribe``; setVoicemail takes ``transcription``.
_MAILBOX_RENAMES = {"transcribe": "transcription"}


def write_back(method: str, read: Mapping[str, Any], changes: Mapping[str, object],
               renames: Mapping[str, str] | None = None) -> dict[str, object]:
    """``read``'s fields that ``method`` accepts, as read, with ``changes`` on top.

    A field read as ``None`` is sent as an empty value rather than left out:
    leaving it out would wipe it just the same, and the read said it was empty.
    """
    allowed = CATALOG[method].params
    params: dict[str, object] = {}
    for key, value in read.items():
        name = (renames or {}).get(key, key)
        if name in allowed:
            params[name] = parsing.as_str(value)
    params.update(changes)
    return params


class PhonesApi(TypedBase):
    async def get_sub_accounts(self, account: str | None = None) -> list[dict[str, Any]]:
        """Raw ``getSubAccounts`` rows (all, or the one ``account``), password included."""
        data = await self._call("getSubAccounts", account=account or None)
        return parsing.rows(data, "accounts")

    async def get_registration(self, account: str) -> Registration:
        """``getRegistrationStatus`` of one account (the method requires one)."""
        data = await self._call("getRegistrationStatus", account=account)
        points = tuple(
            RegistrationPoint(
                server_pop=parsing.as_str(row.get("server_pop")),
                server_name=parsing.as_str(row.get("server_name")),
                server_hostname=parsing.as_str(row.get("server_hostname")),
                ip=parsing.as_str(row.get("register_ip")),
                port=parsing.as_str(row.get("register_port")),
                transport=parsing.as_str(row.get("register_transport")).upper(),
                protocol=parsing.as_str(row.get("register_protocol")),
                expires=self._when(row.get("register_next")),
            )
            for row in parsing.rows(data, "registrations")
        )
        return Registration(registered=parsing.as_bool(data.get("registered")), points=points)

    async def set_sub_account(self, read: Mapping[str, Any], changes: Mapping[str, object]) -> None:
        """Write ``read`` (a fresh getSubAccounts row) back with ``changes`` applied."""
        await self._call("setSubAccount", **write_back("setSubAccount", read, changes))

    async def get_mailbox_settings(self, mailbox: str) -> MailboxSettings | None:
        data = await self._call("getVoicemails", mailbox=mailbox)
        for row in parsing.rows(data, "voicemails"):
            if parsing.as_str(row.get("mailbox")) == mailbox:
                return MailboxSettings(
                    mailbox=mailbox,
                    name=parsing.as_str(row.get("name")),
                    email=parsing.as_str(row.get("email")),
                    attach_audio=parsing.as_bool(row.get("attach_message")),
                    timezone=parsing.as_str(row.get("timezone")),
                    language=parsing.as_str(row.get("language")),
                    transcribe=parsing.as_bool(
                        parsing.first_present(row, ("transcribe", "transcription"))
                    ),
                    transcription_locale=parsing.as_str(row.get("transcription_locale")),
                    raw=row,
                )
        return None

    async def set_voicemail(self, read: Mapping[str, Any], changes: Mapping[str, object]) -> None:
        """Write a fresh getVoicemails row back with ``changes`` applied."""
        params = write_back("setVoicemail", read, changes, _MAILBOX_RENAMES)
        await self._call("setVoicemail", **params)
