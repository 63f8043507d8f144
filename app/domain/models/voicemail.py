"""Mailboxes, folders and voicemail messages.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


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
