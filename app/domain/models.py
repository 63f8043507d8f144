"""Plain data the layers pass around. No I/O here.

Dates are aware UTC datetimes (converted from the provider's US Eastern wall
clock by the api layer). Phone numbers are normalised (see ``phone.normalize``).
``raw`` keeps the API's row for fields a later write must send back unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Any

from app.domain.routing import Route


@dataclass(frozen=True, slots=True)
class Balance:
    """The account balance with today's and all-time spending (``getBalance``)."""
    current: Decimal
    spent_today: Decimal | None = None
    calls_today: int | None = None
    time_today: str | None = None
    spent_total: Decimal | None = None
    calls_total: int | None = None
    time_total: str | None = None


# --- messages -----------------------------------------------------------------


class MessageKind(StrEnum):
    SMS = "sms"
    MMS = "mms"


class Direction(IntEnum):
    """The API's ``type`` field: 1 = received, 0 = sent."""

    SENT = 0
    RECEIVED = 1


@dataclass(frozen=True, slots=True)
class Message:
    """One SMS or MMS. SMS and MMS ids are separate sequences: key on (kind, id)."""

    kind: MessageKind
    id: int
    date: datetime
    direction: Direction
    did: str
    contact: str
    text: str
    media: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[MessageKind, int]:
        return (self.kind, self.id)


@dataclass(frozen=True, slots=True)
class PhonebookEntry:
    """A contact in the account's phone book."""
    id: str
    name: str
    number: str
    note: str = ""
    group_name: str = ""


# --- voicemail ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mailbox:
    """A voicemail box, with its counts of new and urgent messages."""
    mailbox: str
    name: str
    new: int = 0
    urgent: int = 0
    email: str = ""
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class VoicemailFolder:
    """A voicemail folder: its API value and its label."""
    value: str
    description: str


@dataclass(frozen=True, slots=True)
class VoicemailMessage:
    """One voicemail in a mailbox folder (the recording is fetched apart)."""
    mailbox: str
    folder: str
    message_num: int
    date: datetime | None
    caller_name: str
    caller_number: str
    duration_seconds: int
    urgent: bool
    listened: bool

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.mailbox, self.folder, self.message_num)


class AudioFormat(StrEnum):
    MP3 = "mp3"
    WAV = "wav"
    WAV49 = "wav49"
    GSM = "gsm"


# --- fax ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FaxFolder:
    """A fax folder of the account."""
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class FaxMessage:
    """One fax, received or sent (the PDF is fetched apart)."""
    id: int
    folder: str
    date: datetime | None
    callerid: str
    stationid: str
    destination: str
    description: str
    pages: int
    duration_seconds: int
    status: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class FaxNumber:
    """A fax number of the account."""
    id: str
    did: str
    description: str = ""
    email: str = ""


# --- numbers ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Did:
    """A phone number (DID) with its routing, failovers and settings."""
    did: str
    description: str
    routing: Route
    failover_busy: Route
    failover_unreachable: Route
    failover_noanswer: Route
    voicemail: str
    pop: str
    dialtime: int
    cnam: bool
    callerid_prefix: str
    note: str
    billing_type: str
    sms_enabled: bool
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Server:
    """A VoIP.ms server (POP) a number can be registered to."""
    pop: str
    name: str
    shortname: str
    hostname: str
    country: str
    recommended: bool


@dataclass(frozen=True, slots=True)
class RoutingTarget:
    """An entry of a routing-target list (sub-account, forwarding, IVR, ...)."""

    value: str
    label: str
