"""What the voicemail service hands out: read models, change sets, caller labels.

The store is the only copy of the voicemail state. The service reads it for
each question and, for each change (a sync, a command, an optimistic step or
its roll-back), announces a ``MessageChanges``: the rows as now stored, the
keys that left, and the new counts of the mailbox. A view applies that to what
it shows instead of asking for everything again.

The read models of the stored state (``Overview``, ``MailboxSummary``,
``default_folders``) are domain models (the store's repository answers them);
they are re-exported here so the tab imports what it shows from one place.

Caller labels are pure functions of a message and the phonebook names, so the
tab computes them for every painted row without a round trip to the service.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.domain.models.voicemail import MailboxSummary as MailboxSummary
from app.domain.models.voicemail import Overview as Overview
from app.domain.models.voicemail import StoredChange, VoicemailKey, VoicemailMessage, phonebook_name
from app.domain.models.voicemail import default_folders as default_folders
from app.domain.phone import format_number
from app.domain.words import QT_TRANSLATE_NOOP, Verbatim

#: (mailbox, folder, message_num), as the API addresses a message.
Key = VoicemailKey

UNKNOWN_CALLER = QT_TRANSLATE_NOOP("services", "Unknown caller")


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

    @classmethod
    def of(cls, stored: StoredChange) -> MessageChanges:
        """The change set of what a store write did."""
        return cls(
            stored.mailbox, stored.changed, stored.removed, stored.summary, stored.unread_total
        )

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


def caller_name(message: VoicemailMessage, names: Mapping[str, str]) -> str:
    """Phonebook name, else the caller-id name; empty for an unknown caller."""
    return phonebook_name(names, message.caller_number) or message.caller_name


def caller_label(message: VoicemailMessage, names: Mapping[str, str]) -> str:
    """Phonebook name, else the caller-id name, else the formatted number."""
    known = caller_name(message, names) or format_number(message.caller_number)
    # Outside text stays as it is; the fallback is a marked word the UI translates.
    return Verbatim(known) if known else UNKNOWN_CALLER


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
