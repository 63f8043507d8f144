"""The read side of the Messages service: every read model the tab shows.

The UI never imports the store: it asks ``MessagesService`` (which is a
``MessageReads``) for conversations, pages, search hits and drafts. Reads run
on the database worker (``db.run``), never on the GUI thread, except
:func:`first_screen`: one screenful of the list read synchronously before the
window first paints, small by design (``limit``), so the start shows the cache
at once without loading asyncio or the sync modules.

This module stays light (domain and store only, no asyncio read at import or
construction) for that reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.domain.models.messages import (
    Cursor,
    Draft,
    MessageKind,
    SearchHit,
    StoredMessage,
    ThreadSummary,
)
from app.store.drafts import get_draft
from app.store.media import media_paths_for_thread
from app.store.messages import get_message, thread_messages
from app.store.search import search_messages
from app.store.threads import get_thread, list_threads, thread_dids, unread_total

if TYPE_CHECKING:
    from app.store.db import Database

#: Messages shown when a conversation opens; older pages load while scrolling up
#: (laying out 5,000 bubbles at once would take most of a second).
PAGE_SIZE = 150
THREAD_LOAD_LIMIT = 20_000
#: More conversations than any account has: "all of them".
ALL_THREADS = 100_000

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


def first_screen(db: Database, limit: int) -> FirstScreen:
    """Synchronous, small start-up read (before the paint; no service built yet)."""
    threads = db.run_sync(list_threads, limit=limit)
    return FirstScreen(threads, db.run_sync(unread_total), len(threads) == limit)


class MessageReads:
    """Reads of the messages cache, on the database worker."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def threads(self, did: str | None = None, *, offset: int = 0) -> list[ThreadSummary]:
        """Conversations newest first (of one DID), from ``offset`` on."""
        return await self.db.run(list_threads, did=did, limit=ALL_THREADS, offset=offset)

    async def summary(self, did: str, contact: str) -> ThreadSummary | None:
        return await self.db.run(get_thread, did, contact)

    async def dids(self) -> list[str]:
        return await self.db.run(thread_dids)

    async def conversation(
        self,
        did: str,
        contact: str,
        *,
        limit: int = PAGE_SIZE,
        before: Cursor | None = None,
        around: Cursor | None = None,
    ) -> Page:
        """A page of a conversation, oldest first, with downloaded media paths.

        Default: the newest ``limit`` messages. ``before``: the page just older
        than a cursor (scrolling up). ``around``: ``limit`` messages older than
        the cursor and everything from it to the newest (jump to a search hit).
        """
        if around is not None:
            older = await self.db.run(thread_messages, did, contact, limit=limit,
                                      before=around)
            newer = await self.db.run(thread_messages, did, contact, limit=THREAD_LOAD_LIMIT,
                                      after=(around[0], around[1] - 1))
            messages = older + newer
        else:
            messages = await self.db.run(thread_messages, did, contact, limit=limit,
                                         before=before)
        media = await self.db.run(media_paths_for_thread, did, contact)
        return messages, media

    async def unread_count(self) -> int:
        return await self.db.run(unread_total)

    async def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        return await self.db.run(search_messages, text, limit=limit)

    async def message(self, kind: MessageKind, id_: int) -> StoredMessage | None:
        return await self.db.run(get_message, kind, id_)

    async def draft(self, did: str, contact: str) -> Draft | None:
        """The unsent text of a conversation (kept by a failed send), if any."""
        return await self.db.run(get_draft, did, contact)
