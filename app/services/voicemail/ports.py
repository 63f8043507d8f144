"""What the voicemail service needs from the API and the store.

Protocols rather than concrete classes: the typed ``Api`` and the store's
repository (``app.store.voicemail.VoicemailRepo``) satisfy them structurally,
and the service's logic (optimistic changes, roll-back, new-message detection)
reads without either.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    from app.api.payloads import SavedPayload

    # Named only: the messages models are not built for the Voicemail tab's paint.
    from app.domain.models.messages import PhonebookEntry

from app.domain.models.voicemail import (
    AudioFormat,
    Mailbox,
    Overview,
    StoredChange,
    VoicemailFolder,
    VoicemailKey,
    VoicemailMessage,
)


class VoicemailApi(Protocol):
    async def get_voicemails(self) -> list[Mailbox]: ...

    async def get_voicemail_folders(self, mailbox: str) -> list[VoicemailFolder]: ...

    async def get_voicemail_messages(
        self, mailbox: str, folder: str | None = None
    ) -> list[VoicemailMessage]: ...

    async def save_voicemail_audio(
        self, mailbox: str, folder: str, message_num: int, fmt: AudioFormat, path: Path
    ) -> SavedPayload: ...

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


class VoicemailStore(Protocol):
    """The stored voicemail state, the only copy of it; every method runs off the
    UI thread (one ``db.run`` each).

    Writes return what they changed (the store diffs rows itself), with the
    mailbox's new counts read back in the same transaction, so announcing a
    change costs no second read.
    """

    async def overview(self) -> Overview: ...

    async def messages(
        self, mailbox: str, folder: str | None = None
    ) -> list[VoicemailMessage]: ...

    async def message(self, key: VoicemailKey) -> VoicemailMessage | None: ...

    async def names(self) -> dict[str, str]: ...

    async def save_mailboxes(self, mailboxes: Sequence[Mailbox]) -> list[StoredChange]:
        """Store the mailbox list; returns what left with mailboxes that are gone."""
        ...

    async def save_folders(self, mailbox: str, folders: Sequence[VoicemailFolder]) -> bool:
        """Store a mailbox's folders; ``True`` when they differ from the stored ones."""
        ...

    async def save_messages(
        self, mailbox: str, messages: Sequence[VoicemailMessage]
    ) -> StoredChange: ...

    async def put(
        self, message: VoicemailMessage, *, remove: VoicemailKey | None = None
    ) -> StoredChange:
        """Store one message as it is now (``remove``: the key it had before a move)."""
        ...

    async def remove(self, message: VoicemailMessage) -> StoredChange: ...

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> dict[str, str]:
        """Store the phonebook; returns the names (normalised number -> name)."""
        ...
