"""What the voicemail service hands out: read models, change sets, caller labels.

The store is the only copy of the voicemail state. The service reads it for
each question and, for each change (a sync, a command, an optimistic step or
its roll-back), announces a ``MessageChanges``: the rows as now stored, the
keys that left, and the new counts of the mailbox. A view applies that to what
it shows instead of asking for everything again.

Caller labels are pure functions of a message and the phonebook names, so the
tab computes them for every painted row without a round trip to the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.domain.models.messages import PhonebookEntry
from app.domain.models.voicemail import Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.phone import format_number, normalize

#: (mailbox, folder, message_num), as the API addresses a message.
Key = tuple[str, str, int]

#: Folders every VoIP.ms mailbox has; shown before ``getVoicemailFolders`` answers.
DEFAULT_FOLDERS = ("INBOX", "Old", "Urgent", "Work", "Family", "Friends")

UNKNOWN_CALLER = "Unknown caller"


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
class MessageChanges:
    """What one change did to the stored messages of ``mailbox``.

    ``changed`` holds new or updated rows as now stored; ``removed`` the keys
    that are gone (a move removes the old key and adds the new one).
    """

    mailbox: str
    changed: tuple[VoicemailMessage, ...] = ()
    removed: tuple[Key, ...] = ()
    #: The mailbox's counts after the change (``None``: the mailbox is gone).
    summary: MailboxSummary | None = None
    #: Unheard messages over all mailboxes after the change (the tab badge).
    unread_total: int = 0
    #: For a command: the message it acted on, as now stored (``None`` once deleted).
    subject: VoicemailMessage | None = None

    @property
    def any(self) -> bool:
        return bool(self.changed or self.removed)

    def then(self, later: MessageChanges) -> MessageChanges:
        """Both changes as one (``later`` wins: a guessed row it removed is gone)."""
        changed = {m.key: m for m in self.changed}
        removed = dict.fromkeys(self.removed)
        for key in later.removed:
            changed.pop(key, None)
            removed[key] = None
        for message in later.changed:
            removed.pop(message.key, None)
            changed[message.key] = message
        return MessageChanges(
            later.mailbox,
            tuple(changed.values()),
            tuple(removed),
            later.summary,
            later.unread_total,
            later.subject,
        )


@dataclass(frozen=True, slots=True)
class Arrivals:
    """Messages that arrived since the previous check, with the names to label them."""

    messages: tuple[VoicemailMessage, ...]
    names: Mapping[str, str] = field(default_factory=dict)


def default_folders() -> tuple[VoicemailFolder, ...]:
    return tuple(VoicemailFolder(name, name) for name in DEFAULT_FOLDERS)


def phonebook_names(entries: Iterable[PhonebookEntry]) -> dict[str, str]:
    """Normalised number -> name; for a number listed twice the alphabetically first
    name wins, as in the store's lookup."""
    names: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: e.name.casefold(), reverse=True):
        number = normalize(entry.number)
        if number and entry.name:
            names[number] = entry.name
    return names


def caller_name(message: VoicemailMessage, names: Mapping[str, str]) -> str:
    """Phonebook name, else the caller-id name; empty for an unknown caller."""
    return names.get(normalize(message.caller_number), "") or message.caller_name


def caller_label(message: VoicemailMessage, names: Mapping[str, str]) -> str:
    """Phonebook name, else the caller-id name, else the formatted number."""
    return (
        caller_name(message, names) or format_number(message.caller_number) or UNKNOWN_CALLER
    )


def identity(message: VoicemailMessage) -> tuple[object, ...]:
    """What makes a recording itself, beyond its (reusable) number."""
    return (message.key, message.date, message.caller_number, message.duration_seconds)


def count_unheard(messages: Iterable[VoicemailMessage]) -> tuple[int, int]:
    """``(new, urgent)`` as ``getVoicemails`` counts them: unheard, and urgent."""
    new = urgent = 0
    for message in messages:
        new += not message.listened
        urgent += message.urgent
    return new, urgent
