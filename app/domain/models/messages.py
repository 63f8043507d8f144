"""SMS/MMS messages and phone book entries.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


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
