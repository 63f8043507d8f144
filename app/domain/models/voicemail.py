"""Mailboxes, folders and voicemail messages, and the stored state read back.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.

``MailboxSummary``, ``Overview`` and ``StoredChange`` are what the store's
``VoicemailRepo`` answers (read in the same hop as its write); the voicemail
service turns a ``StoredChange`` into the ``MessageChanges`` it announces
(``app.services.voicemail.changes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from app.domain.phone import normalize

if TYPE_CHECKING:
    # Only named in a signature: the messages models are not built for the
    # Voicemail tab's first paint (~3 ms).
    from app.domain.models.messages import PhonebookEntry

#: (mailbox, folder, message_num), as the API addresses a message.
VoicemailKey = tuple[str, str, int]

#: Folders every VoIP.ms mailbox has; shown before ``getVoicemailFolders`` answers.
DEFAULT_FOLDERS = ("INBOX", "Old", "Urgent", "Work", "Family", "Friends")


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
    def key(self) -> VoicemailKey:
        return (self.mailbox, self.folder, self.message_num)


class AudioFormat(StrEnum):
    MP3 = "mp3"
    WAV = "wav"
    WAV49 = "wav49"
    GSM = "gsm"


def default_folders() -> tuple[VoicemailFolder, ...]:
    return tuple(VoicemailFolder(name, name) for name in DEFAULT_FOLDERS)


def phonebook_name(names: Mapping[str, str] | None, number: str) -> str:
    """The phonebook's name for ``number`` in any format (``names`` as made by
    ``phonebook_names``); empty when it is not in it, or there is no number."""
    return (names or {}).get(normalize(number), "") if number else ""


def phonebook_names(entries: Iterable[PhonebookEntry]) -> dict[str, str]:
    """Normalised number -> name; for a number listed twice the alphabetically first
    name wins, as in the store's lookup."""
    names: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.name.casefold(), reverse=True):
        number = normalize(entry.number)
        if number and entry.name:
            names[number] = entry.name
    return names


@dataclass(frozen=True, slots=True)
class MailboxSummary:
    """One mailbox as the tree shows it.

    ``box.new``/``box.urgent`` are counted over the stored messages once any are
    stored (they may be newer than the provider's counts: changes made since).
    """

    box: Mailbox
    folders: tuple[VoicemailFolder, ...]
    #: Folder -> unheard messages in it (absent: none).
    unheard: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Overview:
    """Every mailbox with its folders and counts, and the phonebook names."""

    mailboxes: tuple[MailboxSummary, ...] = ()
    #: Normalised number -> phonebook name.
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def unread_total(self) -> int:
        return sum(s.box.new for s in self.mailboxes)

    def summary(self, mailbox: str) -> MailboxSummary | None:
        return next((s for s in self.mailboxes if s.box.mailbox == mailbox), None)


@dataclass(frozen=True, slots=True)
class StoredChange:
    """What one write did to the stored messages of ``mailbox``, read back with it.

    ``changed`` holds new or updated rows as now stored; ``removed`` the keys
    that are gone (a move removes the old key and adds the new one).
    """

    mailbox: str
    changed: tuple[VoicemailMessage, ...] = ()
    removed: tuple[VoicemailKey, ...] = ()
    #: The mailbox's counts after the write (``None``: the mailbox is gone).
    summary: MailboxSummary | None = None
    #: Unheard messages over all mailboxes after the write.
    unread_total: int = 0
