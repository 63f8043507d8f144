"""What the voicemail service needs from the API and the store.

Protocols rather than concrete classes: the typed ``Api`` and the store's
repository satisfy them structurally, and the service's logic (optimistic
changes, roll-back, new-message detection) reads without either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.domain.models.messages import PhonebookEntry
from app.domain.models.voicemail import AudioFormat, Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.phone import normalize


def phonebook_names(entries: Iterable[PhonebookEntry]) -> dict[str, str]:
    """Normalised number -> name; for a number listed twice the alphabetically first
    name wins, as in the store's lookup."""
    names: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.name.casefold(), reverse=True):
        number = normalize(entry.number)
        if number and entry.name:
            names[number] = entry.name
    return names


class VoicemailApi(Protocol):
    async def get_voicemails(self) -> list[Mailbox]: ...

    async def get_voicemail_folders(self, mailbox: str) -> list[VoicemailFolder]: ...

    async def get_voicemail_messages(
        self, mailbox: str, folder: str | None = None
    ) -> list[VoicemailMessage]: ...

    async def get_voicemail_audio(
        self, mailbox: str, folder: str, message_num: int, fmt: AudioFormat = AudioFormat.MP3
    ) -> bytes: ...

    async def mark_listened(
        self, mailbox: str, folder: str, message_num: int, listened: bool
    ) -> None: ...

    async def mark_urgent(
        self, mailbox: str, folder: str, message_num: int, urgent: bool
    ) -> None: ...

    async def move_voicemail(
        self, mailbox: str, folder: str, message_num: int, new_folder: str
    ) -> None: ...

    async def delete_voicemail(self, mailbox: str, folder: str, message_num: int) -> None: ...

    async def send_voicemail_email(
        self, mailbox: str, folder: str, message_num: int, email: str
    ) -> None: ...

    async def get_phonebook(self) -> list[PhonebookEntry]: ...


@dataclass(slots=True)
class VoicemailSnapshot:
    """Everything the tab shows, as last stored: painted before the network answers."""

    mailboxes: list[Mailbox] = field(default_factory=list)
    folders: dict[str, list[VoicemailFolder]] = field(default_factory=dict)
    messages: dict[str, list[VoicemailMessage]] = field(default_factory=dict)
    #: Normalised number -> phonebook name.
    names: dict[str, str] = field(default_factory=dict)


class VoicemailStore(Protocol):
    """Persistence of the voicemail view; every method runs off the UI thread."""

    async def load(self) -> VoicemailSnapshot: ...

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> None: ...

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> None: ...

    async def save_messages(self, mailbox: str, messages: Sequence[VoicemailMessage]) -> None: ...

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> None: ...


class MemoryVoicemailStore:
    """A store that keeps nothing across runs (tests of the logic; no database)."""

    def __init__(self) -> None:
        self.snapshot = VoicemailSnapshot()

    async def load(self) -> VoicemailSnapshot:
        return VoicemailSnapshot(
            list(self.snapshot.mailboxes),
            dict(self.snapshot.folders),
            {k: list(v) for k, v in self.snapshot.messages.items()},
            dict(self.snapshot.names),
        )

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> None:
        self.snapshot.mailboxes = list(mailboxes)

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> None:
        self.snapshot.folders[mailbox] = list(folders)

    async def save_messages(self, mailbox: str, messages: Sequence[VoicemailMessage]) -> None:
        self.snapshot.messages[mailbox] = list(messages)

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> None:
        self.snapshot.names = phonebook_names(entries)
