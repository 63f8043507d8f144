"""What the messages service needs from the api and the store (structural types).

``app.api.typed.Api`` satisfies :class:`MessagesApi` and
``app.store.messages_repo.MessagesRepo`` satisfies every store port; naming the
few methods each part uses keeps the parts honest about their dependencies:

* :class:`ReadStore`: the read models (``reads.MessageReads``), and
  :class:`FirstScreenStore` the blocking start-up read (``reads.first_screen``);
* :class:`SyncStore`: the sync engine (``sync.MessageSync``);
* :class:`SendStore`: the sender (``sender.MessageSender``);
* :class:`MediaStore`: the media downloader (``media.MediaDownloader``);
* :class:`MessagesStore`: all of them, plus the service's own commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from app.domain.models.messages import (
    Cursor,
    Direction,
    Draft,
    Message,
    MessageKind,
    PhonebookEntry,
    SearchHit,
    SearchResults,
    StoredMessage,
    ThreadSummary,
)
from app.services.messages.journal import SendJournal

if TYPE_CHECKING:
    from app.services.messages.changes import Page
    from app.store.media import MediaItem
    from app.store.messages import HistoryCounts, UpsertResult
    from app.store.messages_repo import Snapshot


class MessagesApi(Protocol):
    async def get_sms(
        self, date_from: date, date_to: date, did: str | None = None,
        contact: str | None = None, limit: int = ..., direction: Direction | None = None,
    ) -> list[Message]: ...

    async def get_mms(
        self, date_from: date, date_to: date, did: str | None = None,
        contact: str | None = None, limit: int = ..., direction: Direction | None = None,
    ) -> list[Message]: ...

    async def get_media_mms(self, message_id: int | str) -> list[str]: ...

    async def send_sms(self, did: str, dst: str, text: str) -> int: ...

    async def send_mms(
        self, did: str, dst: str, text: str, media: Sequence[bytes] = ...
    ) -> int: ...

    async def download_media(self, url: str) -> bytes: ...

    async def delete_sms(self, message_id: int | str) -> None: ...

    async def delete_mms(self, message_id: int | str) -> None: ...

    async def get_phonebook(self) -> list[PhonebookEntry]: ...


class FirstScreenStore(Protocol):
    def first_screen_sync(self, limit: int) -> tuple[list[ThreadSummary], int]:
        """Blocking: the newest ``limit`` conversations and the unread total."""
        ...


class ReadStore(Protocol):
    async def threads(
        self, did: str | None = None, *, limit: int, offset: int = 0
    ) -> list[ThreadSummary]: ...

    async def thread(self, did: str, contact: str) -> ThreadSummary | None: ...

    async def dids(self) -> list[str]: ...

    async def page(
        self, did: str, contact: str, *, limit: int, before: Cursor | None = None,
        around: Cursor | None = None, newer_limit: int = 0,
    ) -> Page: ...

    async def unread_total(self) -> int: ...

    async def search(self, text: str, *, limit: int) -> list[SearchHit]: ...

    async def search_everything(self, text: str, *, limit: int, offset: int) -> SearchResults: ...

    async def message(self, kind: MessageKind, id_: int) -> StoredMessage | None: ...

    async def draft(self, did: str, contact: str) -> Draft | None: ...


class Upserts(Protocol):
    async def upsert(
        self, messages: Iterable[Message], *, mark_read: bool = False
    ) -> UpsertResult: ...


class SyncStore(Upserts, Protocol):
    async def store_history(self, messages: Iterable[Message]) -> HistoryCounts: ...

    async def get_state(self, key: str) -> str | None: ...

    async def set_state(self, key: str, value: str) -> None: ...


class SendStore(Upserts, SendJournal, Protocol):
    async def save_draft(
        self, did: str, contact: str, text: str, last_error: str = "",
        attachments: Sequence[str] = (),
    ) -> None: ...

    async def clear_draft(self, did: str, contact: str) -> None: ...

    async def upsert_and_find_sent(
        self, rows: Iterable[Message], did: str, contact: str, text: str, since: datetime,
        until: datetime, *, entry_id: int, already: int = 0,
    ) -> StoredMessage | None: ...


class MediaStore(Upserts, Protocol):
    async def due_media(self, now: int, limit: int) -> list[MediaItem]: ...

    async def next_media_due_at(self) -> int | None: ...

    async def cached_paths(self) -> set[str]: ...

    async def media_done(self, url: str, path: str, now: int) -> None: ...

    async def media_failed(self, url: str, error: str, now: int) -> MediaItem | None: ...

    async def attach_sent_media(self, kind: MessageKind, id_: int,
                                files: list[tuple[str, str]], now: int) -> int | None: ...

    async def retry_media_now(self, message_pk: int) -> int: ...


class MessagesStore(ReadStore, SyncStore, SendStore, MediaStore, Protocol):
    """Everything above, plus what ``MessagesService``'s own commands need."""

    async def snapshot(
        self, thread_keys: Iterable[tuple[str, str]],
        message_keys: Iterable[tuple[MessageKind, int]] = (),
    ) -> Snapshot: ...

    async def messages(self, keys: Iterable[tuple[MessageKind, int]]) -> list[StoredMessage]: ...

    async def thread_messages(
        self, did: str, contact: str, *, limit: int
    ) -> list[StoredMessage]: ...

    async def phonebook_name(self, number: str) -> str: ...

    async def delete(self, kind: MessageKind, id_: int) -> list[str]: ...

    async def mark_read(self, did: str, contact: str) -> int: ...

    async def mark_unread(self, did: str, contact: str) -> bool: ...

    def save_draft_sync(
        self, did: str, contact: str, text: str, attachments: Sequence[str] = ()
    ) -> None: ...

    async def replace_phonebook(self, entries: Iterable[PhonebookEntry]) -> int: ...

    async def media_slots(self, message_pk: int) -> list[str | None]: ...
