"""The messages feature's repository: every store operation its service needs.

``MessagesRepo(db)`` implements the ports of ``app/services/messages/ports.py``
(built once by ``AppServices.messages_store``). Each method is one ``db.run``:
where the service needs several store functions at once (a change set, a page
around a search hit, a delete and the files it frees, a reconciled send) they
are composed here, on the database thread, in one round trip (and one
transaction where something is written), so a change set is never a mix of two
states of the store.

``first_screen_sync`` is the one blocking read (``db.run_sync``): the Messages
tab's first screenful, before the window first paints. This module stays light
for that reason (store modules only; no asyncio at import).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.models.messages import (
    Cursor,
    Draft,
    Message,
    MessageKind,
    PhonebookEntry,
    SearchHit,
    SearchResults,
    StoredMessage,
    ThreadSummary,
)
from app.domain.models.sends import MESSAGE_KINDS
from app.store.db import Database, transaction
from app.store.drafts import clear_draft, get_draft, save_draft
from app.store.media import (
    MediaItem,
    attach_sent_media,
    cached_paths,
    due_media,
    media_done,
    media_failed,
    media_paths_for_thread,
    media_paths_of,
    media_slots_of,
    next_media_due_at,
    retry_media_now,
)
from app.store.messages import (
    HistoryCounts,
    UpsertResult,
    delete_message,
    find_sent_match,
    get_message,
    get_messages,
    store_history,
    thread_messages,
    upsert_messages,
)
from app.store.phonebook import name_for, replace_phonebook
from app.store.rows import to_epoch
from app.store.search import search_everything, search_messages
from app.store.send_journal import SendJournalRepo, parts_sent_by_others
from app.store.sync_state import get_state, set_state
from app.store.threads import get_thread as _get_thread
from app.store.threads import (
    get_threads,
    list_threads,
    mark_thread_read,
    mark_thread_unread,
    thread_dids,
    unread_total,
)

#: A page of a conversation: messages oldest first, and ``{pk: [path or None]}``
#: of their downloaded pictures.
Page = tuple[list[StoredMessage], dict[int, list[str | None]]]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Conversations and messages as stored now, with the unread total (one read)."""

    #: ``{(did, contact): summary}``; None: the conversation has no message left.
    threads: dict[tuple[str, str], ThreadSummary | None] = field(default_factory=dict)
    #: The stored rows of the asked keys (missing ones left out).
    messages: list[StoredMessage] = field(default_factory=list)
    unread_total: int = 0


def _first_screen(conn: sqlite3.Connection, limit: int) -> tuple[list[ThreadSummary], int]:
    return list_threads(conn, limit=limit), unread_total(conn)


def _snapshot(
    conn: sqlite3.Connection,
    thread_keys: Iterable[tuple[str, str]],
    message_keys: Iterable[tuple[MessageKind, int]],
) -> Snapshot:
    return Snapshot(get_threads(conn, thread_keys), get_messages(conn, message_keys),
                    unread_total(conn))


def _page(
    conn: sqlite3.Connection, did: str, contact: str, *, limit: int,
    before: Cursor | None, around: Cursor | None, newer_limit: int,
) -> Page:
    if around is not None:
        older = thread_messages(conn, did, contact, limit=limit, before=around)
        newer = thread_messages(conn, did, contact, limit=newer_limit,
                                after=(around[0], around[1] - 1))
        messages = older + newer
    else:
        messages = thread_messages(conn, did, contact, limit=limit, before=before)
    return messages, media_paths_for_thread(conn, did, contact)


def _delete(conn: sqlite3.Connection, kind: MessageKind, id_: int) -> list[str]:
    with transaction(conn):
        stored = get_message(conn, kind, id_)
        files = [] if stored is None else media_paths_of(conn, stored.pk)
        delete_message(conn, kind, id_)
    return files


def _upsert_and_find_sent(
    conn: sqlite3.Connection, rows: Sequence[Message], did: str, contact: str, text: str,
    since: datetime, until: datetime, entry_id: int, already: int,
) -> StoredMessage | None:
    with transaction(conn):
        upsert_messages(conn, rows, mark_read=True)
        start, end = to_epoch(since), to_epoch(until)
        # The matches other sends (and this one's earlier parts: ``already``) account
        # for are theirs: only one beyond them is this send's.
        skip = already + parts_sent_by_others(
            conn, entry_id, MESSAGE_KINDS, did, contact, text, start, end)
        return find_sent_match(conn, did, contact, text, start, end, skip)


class MessagesRepo(SendJournalRepo):
    """Async store operations of the messages feature (each one ``db.run``); the
    send journal's too (``SendJournalRepo``: the sender's one store)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- start-up (blocking, before the first paint) --------------------------------

    def first_screen_sync(self, limit: int) -> tuple[list[ThreadSummary], int]:
        """The newest ``limit`` conversations and the unread total, read at once."""
        return self.db.run_sync(_first_screen, limit)

    # --- reads ----------------------------------------------------------------------

    async def threads(
        self, did: str | None = None, *, limit: int, offset: int = 0
    ) -> list[ThreadSummary]:
        return await self.db.run(list_threads, did=did, limit=limit, offset=offset)

    async def thread(self, did: str, contact: str) -> ThreadSummary | None:
        return await self.db.run(_get_thread, did, contact)

    async def dids(self) -> list[str]:
        return await self.db.run(thread_dids)

    async def page(
        self, did: str, contact: str, *, limit: int, before: Cursor | None = None,
        around: Cursor | None = None, newer_limit: int = 0,
    ) -> Page:
        """A page of a conversation and its downloaded media (see ``MessageReads``)."""
        return await self.db.run(_page, did, contact, limit=limit, before=before,
                                 around=around, newer_limit=newer_limit)

    async def thread_messages(self, did: str, contact: str, *, limit: int) -> list[StoredMessage]:
        return await self.db.run(thread_messages, did, contact, limit=limit)

    async def unread_total(self) -> int:
        return await self.db.run(unread_total)

    async def search(self, text: str, *, limit: int) -> list[SearchHit]:
        return await self.db.run(search_messages, text, limit=limit)

    async def search_everything(self, text: str, *, limit: int, offset: int) -> SearchResults:
        return await self.db.run(search_everything, text, limit=limit, offset=offset)

    async def message(self, kind: MessageKind, id_: int) -> StoredMessage | None:
        return await self.db.run(get_message, kind, id_)

    async def draft(self, did: str, contact: str) -> Draft | None:
        return await self.db.run(get_draft, did, contact)

    async def snapshot(
        self, thread_keys: Iterable[tuple[str, str]],
        message_keys: Iterable[tuple[MessageKind, int]] = (),
    ) -> Snapshot:
        """Summaries of these conversations, these messages and the unread total, at once."""
        return await self.db.run(_snapshot, list(thread_keys), list(message_keys))

    async def messages(self, keys: Iterable[tuple[MessageKind, int]]) -> list[StoredMessage]:
        return await self.db.run(get_messages, list(keys))

    async def phonebook_name(self, number: str) -> str:
        return await self.db.run(name_for, number)

    # --- writes ---------------------------------------------------------------------

    async def upsert(self, messages: Iterable[Message], *, mark_read: bool = False) -> UpsertResult:
        return await self.db.run(upsert_messages, list(messages), mark_read=mark_read)

    async def store_history(self, messages: Iterable[Message]) -> HistoryCounts:
        """A page of history, stored read; counts only (``store_history``)."""
        return await self.db.run(store_history, list(messages))

    async def delete(self, kind: MessageKind, id_: int) -> list[str]:
        """Delete a message; returns the paths of its downloaded files (now unreferenced)."""
        return await self.db.run(_delete, kind, id_)

    async def mark_read(self, did: str, contact: str) -> int:
        return await self.db.run(mark_thread_read, did, contact)

    async def mark_unread(self, did: str, contact: str) -> bool:
        return await self.db.run(mark_thread_unread, did, contact)

    async def replace_phonebook(self, entries: Iterable[PhonebookEntry]) -> int:
        return await self.db.run(replace_phonebook, list(entries))

    # --- sending --------------------------------------------------------------------

    async def save_draft(
        self, did: str, contact: str, text: str, last_error: str = "",
        attachments: Sequence[str] = (),
    ) -> None:
        await self.db.run(save_draft, did, contact, text, last_error, list(attachments))

    async def clear_draft(self, did: str, contact: str) -> None:
        await self.db.run(clear_draft, did, contact)

    def save_draft_sync(
        self, did: str, contact: str, text: str, attachments: Sequence[str] = ()
    ) -> None:
        """Blocking: only when the window closes (no loop turn left to await on)."""
        if text or attachments:
            self.db.run_sync(save_draft, did, contact, text, "", list(attachments))
        else:
            self.db.run_sync(clear_draft, did, contact)

    async def upsert_and_find_sent(
        self, rows: Iterable[Message], did: str, contact: str, text: str, since: datetime,
        until: datetime, *, entry_id: int, already: int = 0,
    ) -> StoredMessage | None:
        """Store fetched history (read), then look for this sent text in [since, until]
        that is journal entry ``entry_id``'s: not one other journalled sends put out,
        nor one of the ``already`` earlier parts of this entry with the same text."""
        return await self.db.run(_upsert_and_find_sent, list(rows), did, contact, text,
                                 since, until, entry_id, already)

    # --- sync state -----------------------------------------------------------------

    async def get_state(self, key: str) -> str | None:
        return await self.db.run(get_state, key)

    async def set_state(self, key: str, value: str) -> None:
        await self.db.run(set_state, key, value)

    # --- media cache ----------------------------------------------------------------

    async def due_media(self, now: int, limit: int) -> list[MediaItem]:
        return await self.db.run(due_media, now, limit)

    async def next_media_due_at(self) -> int | None:
        return await self.db.run(next_media_due_at)

    async def cached_paths(self) -> set[str]:
        return await self.db.run(cached_paths)

    async def media_done(self, url: str, path: str, now: int) -> None:
        await self.db.run(media_done, url, path, now)

    async def attach_sent_media(self, kind: MessageKind, id_: int,
                                files: list[tuple[str, str]], now: int) -> int | None:
        return await self.db.run(attach_sent_media, kind, id_, files, now)

    async def media_failed(self, url: str, error: str, now: int) -> MediaItem | None:
        return await self.db.run(media_failed, url, error, now)

    async def retry_media_now(self, message_pk: int) -> int:
        return await self.db.run(retry_media_now, message_pk)

    async def media_slots(self, message_pk: int) -> list[str | None]:
        return await self.db.run(media_slots_of, message_pk)
