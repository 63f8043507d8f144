"""Phones: sub-accounts (and the main account), their registration, and edits.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
A sub-account's password is never kept in ``raw`` once stored (see
``app/store/phones.py``): it is read fresh when the set-up panel needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.words import QT_TRANSLATE_NOOP, Verbatim

#: ``setSubAccount`` parameters a ``PhoneEdit`` can change, in the words the user sees.
EDIT_LABELS: dict[str, str] = {
    "description": "Name",
    "callerid_number": "Caller ID number",
    "allowed_codecs": "Codecs",
    "pop_restriction": "Allowed servers",
    "enable_pop_restriction": "Limit to servers",
    "language": "Language",
    "record_calls": "Call recording",
    "transcribe": "Transcription",
    "transcription_locale": "Transcription language",
    "transcription_email": "Transcription e-mail",
}


@dataclass(frozen=True, slots=True)
class RegistrationPoint:
    """Where a phone is registered: one row of ``getRegistrationStatus``."""
    server_pop: str
    server_name: str
    server_hostname: str
    ip: str
    port: str
    transport: str
    protocol: str
    #: Next re-registration (the registration's expiry), aware UTC.
    expires: datetime | None


@dataclass(frozen=True, slots=True)
class Registration:
    """A phone's registration as last checked."""
    registered: bool
    points: tuple[RegistrationPoint, ...] = ()
    checked_at: datetime | None = None

    @property
    def first(self) -> RegistrationPoint | None:
        return self.points[0] if self.points else None


@dataclass(frozen=True, slots=True)
class Phone:
    """A sub-account (or the main account) as the Phones tab lists it."""
    #: ``getRegistrationStatus``'s ``account``: ``100000_VoIP``, or the main account number.
    account: str
    #: ``setSubAccount``'s ``id``; empty for the main account.
    id: str
    username: str
    description: str
    callerid_number: str
    is_main: bool = False
    #: The last registration known (from the store when offline), ``None`` if never checked.
    registration: Registration | None = None
    #: My numbers whose routing is ``account:<account>``.
    numbers: tuple[str, ...] = ()
    #: My numbers that ring it through a ring group it is a member of:
    #: ``(number, group name)`` (the sales line rings the "Sales team" group).
    group_numbers: tuple[tuple[str, str], ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        if self.is_main:  # a marked word (app/domain/words.py): the UI translates it
            return QT_TRANSLATE_NOOP("services", "Main account")
        return Verbatim(self.description or self.username or self.account)

    @property
    def online(self) -> bool:
        return self.registration is not None and self.registration.registered


@dataclass(frozen=True, slots=True)
class PhoneEdit:
    """What the user changed in the edit dialog; ``None`` = left as it was."""
    description: str | None = None
    callerid_number: str | None = None
    codecs: tuple[str, ...] | None = None
    #: Allowed servers (POPs); an empty tuple lifts the restriction.
    pops: tuple[str, ...] | None = None
    language: str | None = None
    record_calls: bool | None = None
    transcribe: bool | None = None
    transcription_locale: str | None = None
    transcription_email: str | None = None

    def params(self) -> dict[str, str]:
        """The ``setSubAccount`` parameters this edit changes, as the API takes them."""
        out: dict[str, str] = {}
        for name in ("description", "callerid_number", "language", "transcription_locale",
                     "transcription_email"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.codecs is not None:
            out["allowed_codecs"] = ";".join(self.codecs)
        if self.pops is not None:
            out["pop_restriction"] = ",".join(self.pops)
            out["enable_pop_restriction"] = "1" if self.pops else "0"
        for name in ("record_calls", "transcribe"):
            flag = getattr(self, name)
            if flag is not None:
                out[name] = "1" if flag else "0"
        return out

    @property
    def empty(self) -> bool:
        return not self.params()


@dataclass(frozen=True, slots=True)
class PhoneSetup:
    """What a softphone or desk phone asks for (read fresh: holds the password)."""
    account: str
    username: str
    password: str = field(repr=False)
    #: ``(hostname, label)``: the recommended server first.
    servers: tuple[tuple[str, str], ...]
    #: ``(transport, port)`` pairs the servers accept.
    ports: tuple[tuple[str, int], ...] = (("UDP", 5060), ("TCP", 5060), ("TLS", 5061))
    #: The transport the phone registered with last (empty when unknown).
    transport: str = ""
    #: IP authentication: the phone needs no password.
    ip_auth: bool = False


@dataclass(frozen=True, slots=True)
class MailboxSettings:
    """A mailbox's settings as ``getVoicemails`` gives them (``raw`` for the write-back)."""
    mailbox: str
    name: str
    email: str
    attach_audio: bool
    timezone: str
    language: str
    transcribe: bool
    transcription_locale: str
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class MailboxEdit:
    """What the user changed in the mailbox dialog; ``None`` = left as it was."""
    email: str | None = None
    attach_audio: bool | None = None
    timezone: str | None = None
    language: str | None = None
    transcribe: bool | None = None
    transcription_locale: str | None = None

    def params(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in ("email", "timezone", "language", "transcription_locale"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.attach_audio is not None:
            out["attach_message"] = "yes" if self.attach_audio else "no"
        if self.transcribe is not None:
            out["transcription"] = "1" if self.transcribe else "0"
        return out
