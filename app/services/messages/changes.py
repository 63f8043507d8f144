"""The read models and change sets the Messages service returns and announces.

One state policy (issue #12): the store is the truth. A command of
``MessagesService`` writes the store, then returns what changed, read back from
the store in the same call: the view applies that and never re-queries the
whole list or conversation after its own command. The service keeps no copy.

Plain frozen dataclasses of domain read models (``app.domain.models.messages``),
so the UI can hold them without knowing the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from app.domain.models.messages import MessageKind, StoredMessage, ThreadSummary

if TYPE_CHECKING:
    from app.services.messages.sender import SendOutcome
    from app.services.messages.sync import SyncReport

MessageKey = tuple[MessageKind, int]
ThreadKey = tuple[str, str]

#: A page of a conversation: messages oldest first, and ``{pk: [path or None]}``
#: of their downloaded pictures.
Page = tuple[list[StoredMessage], dict[int, list[str | None]]]


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """What the tab shows before the first paint: the newest conversations, the badge."""

    threads: list[ThreadSummary]
    unread_total: int
    #: Only ``limit`` conversations were read: the rest come with ``threads(offset=)``.
    partial: bool


@dataclass(frozen=True, slots=True)
class ThreadChange:
    """One conversation after a command (send, delete, read flags, media links)."""

    did: str
    contact: str
    #: The conversation's list row now; None when no message is left in it.
    summary: ThreadSummary | None
    #: Messages of the conversation that are new or changed (oldest first).
    upserted: tuple[StoredMessage, ...] = ()
    #: Messages that are gone, as (kind, id).
    removed: tuple[MessageKey, ...] = ()
    #: Unread inbound messages over all conversations (the tab's badge).
    unread_total: int = 0
    #: Pictures already on disk for messages of ``upserted`` (a sent MMS: #15.7).
    media: tuple[MediaReady, ...] = ()

    @property
    def key(self) -> ThreadKey:
        return (self.did, self.contact)


@dataclass(frozen=True, slots=True)
class SyncChange:
    """What one sync (poll, refresh or backfill) changed in the store."""

    report: SyncReport
    #: Too much changed to patch the list row by row (a backfill): reload it.
    reload: bool
    #: The changed conversations' list rows (None: gone); empty when ``reload``.
    threads: dict[ThreadKey, ThreadSummary | None] = field(default_factory=dict)
    #: The inserted/updated messages as stored now; empty when ``reload``.
    upserted: tuple[StoredMessage, ...] = ()
    unread_total: int = 0

    @property
    def changed_threads(self) -> set[ThreadKey]:
        report = self.report
        return {(m.did, m.contact) for m in [*report.inserted, *report.updated]}

    def messages_of(self, did: str, contact: str) -> list[StoredMessage]:
        return [s for s in self.upserted
                if s.message.did == did and s.message.contact == contact]


@dataclass(frozen=True, slots=True)
class MediaReady:
    """A downloaded picture of a message is on disk."""

    pk: int
    #: The message's files by position (None: that one is not downloaded yet).
    paths: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class SendResult:
    """A send that went out: what the provider confirmed, and the conversation now."""

    outcome: SendOutcome
    change: ThreadChange


@dataclass(frozen=True, slots=True)
class HistoryStored:
    """A backfill stored one more window of history (newest first): the list can show it.

    Announced by ``MessagesService.history_stored`` while the sync still runs, so
    the first sync shows the newest conversations long before the year is in.
    """

    #: The oldest day stored so far.
    oldest_day: date
    #: Windows of this backfill stored / planned.
    done: int
    total: int
