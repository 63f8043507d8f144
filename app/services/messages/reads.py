"""The read side of the Messages service: every read model the tab shows.

The UI never imports the store: it asks ``MessagesService`` (which is a
``MessageReads``) for conversations, pages, search hits and drafts. Reads go
through the store port (``ports.ReadStore``) and run on the database worker,
never on the GUI thread, except :func:`first_screen`: one screenful of the list
read synchronously before the window first paints, small by design (``limit``),
so the start shows the cache at once without loading asyncio or the sync
modules (the tab reaches it through ``AppServices.messages_first_screen``).

This module stays light (domain only at run time, no asyncio read at import or
construction) for that reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.messages.changes import FirstScreen, Page

if TYPE_CHECKING:
    from app.domain.models.messages import (
        Cursor,
        Draft,
        MessageKind,
        SearchHit,
        SearchResults,
        StoredMessage,
        ThreadSummary,
    )
    from app.services.messages.ports import FirstScreenStore, ReadStore

#: Messages shown when a conversation opens; older pages load while scrolling up
#: (laying out 5,000 bubbles at once would take most of a second).
PAGE_SIZE = 150
THREAD_LOAD_LIMIT = 20_000
#: Messages per page of search results (the total is always counted).
SEARCH_PAGE = 100
#: More conversations than any account has: "all of them".
ALL_THREADS = 100_000

__all__ = ["ALL_THREADS", "PAGE_SIZE", "THREAD_LOAD_LIMIT", "FirstScreen", "MessageReads",
           "Page", "first_screen"]


def first_screen(store: FirstScreenStore, limit: int) -> FirstScreen:
    """Synchronous, small start-up read (before the paint; no service built yet)."""
    threads, unread = store.first_screen_sync(limit)
    return FirstScreen(threads, unread, len(threads) == limit)


class MessageReads:
    """Reads of the messages cache, through the store port."""

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    async def threads(self, did: str | None = None, *, offset: int = 0) -> list[ThreadSummary]:
        """Conversations newest first (of one DID), from ``offset`` on."""
        return await self.store.threads(did, limit=ALL_THREADS, offset=offset)

    async def summary(self, did: str, contact: str) -> ThreadSummary | None:
        return await self.store.thread(did, contact)

    async def dids(self) -> list[str]:
        return await self.store.dids()

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
        One read of the store: the page and its media paths agree.
        """
        return await self.store.page(did, contact, limit=limit, before=before, around=around,
                                     newer_limit=THREAD_LOAD_LIMIT)

    async def unread_count(self) -> int:
        return await self.store.unread_total()

    async def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        return await self.store.search(text, limit=limit)

    async def search_everything(self, text: str, *, limit: int = SEARCH_PAGE,
                                offset: int = 0) -> SearchResults:
        """People and numbers ("Okafor", "339", "+1 339-555-0128") and message text,
        with the real counts; ``offset`` pages through the messages (issue #15.6)."""
        return await self.store.search_everything(text, limit=limit, offset=offset)

    async def message(self, kind: MessageKind, id_: int) -> StoredMessage | None:
        return await self.store.message(kind, id_)

    async def draft(self, did: str, contact: str) -> Draft | None:
        """The unsent text of a conversation (kept by a failed send), if any."""
        return await self.store.draft(did, contact)
