"""SMS/MMS messages and phone book entries.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntEnum, StrEnum

#: How a picture sent from here is keyed in the media cache until (and after) the
#: provider's link arrives: ``sent:<kind>/<id>/<position>``. Never fetched.
SENT_MEDIA_PREFIX = "sent:"


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


# --- read models (produced by the store, shown by the UI) ----------------------------
# They live here, not in the store, so the UI can name them without depending on
# the store: it gets them from the service (app.services.messages).

#: Position in a thread: (date as epoch seconds, row pk). Totally ordered.
Cursor = tuple[int, int]


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A message as cached, with its read flag and row id."""
    message: Message
    read: bool
    pk: int

    @property
    def cursor(self) -> Cursor:
        # The store keeps epoch seconds; message dates are aware UTC (a naive one
        # is taken as UTC, as app.store.rows.to_epoch does).
        moment = self.message.date
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return (int(moment.timestamp()), self.pk)


@dataclass(frozen=True, slots=True)
class ThreadSummary:
    """One conversation in the list: its last message and unread count."""
    did: str
    contact: str
    #: Phonebook name of the contact, "" when unknown.
    name: str
    last_date: datetime
    last_text: str
    last_direction: Direction
    last_kind: MessageKind
    last_has_media: bool
    unread: int
    total: int

    @property
    def key(self) -> tuple[str, str]:
        return (self.did, self.contact)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A message found by search, with its highlighted snippet."""
    stored: StoredMessage
    #: A short excerpt around the match, matches wrapped in MARK_OPEN/MARK_CLOSE
    #: (``app.domain.sms_text``).
    snippet: str
    #: The whole text, matches wrapped the same way.
    highlighted: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of a search (issue #15.6): conversations whose contact matches by name or
    number, and messages whose text matches, each with how many match in all."""

    query: str
    conversations: list[ThreadSummary]
    conversations_total: int
    messages: list[SearchHit]
    messages_total: int
    #: Where ``messages`` starts among all the matching messages (paging).
    offset: int = 0

    @property
    def more_messages(self) -> int:
        """Matching messages after this page."""
        return max(0, self.messages_total - self.offset - len(self.messages))


@dataclass(frozen=True, slots=True)
class Draft:
    """An unsent message of one conversation, kept across restarts."""
    did: str
    contact: str
    text: str
    last_error: str
    updated_at: datetime
    #: Local file paths of attachments chosen for the draft.
    attachments: tuple[str, ...] = field(default=())
