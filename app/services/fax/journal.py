"""Fax sends in the send journal (issue #13.1): recorded before ``sendFaxMessage``,
reconciled with the Sent folder (``getFaxMessages``) after an interruption.

``FaxSender`` journals each send through :class:`FaxJournal` when it has one
(``AppServices.fax_sender``): ``sending`` before the upload, ``sent`` when
VoIP.ms answered or the Sent folder shows it, ``failed`` when refused (the
compose dialog keeps the fax), ``unknown`` when there was no answer and Sent
did not show it yet. At the next start ``recover`` turns what a killed run left
``sending`` into ``unknown`` and ``check`` looks for each in Sent: found ->
sent; not found -> failed ("Not sent"); Sent unreachable -> unknown with that
said. Nothing is ever resent by itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxMessage
from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.domain.phone import normalize
from app.services.events import Event
from app.services.messages.journal import (
    INTERRUPTED_TEXT,
    NOT_SENT_TEXT,
    OFFLINE_TEXT,
    SendJournal,
)

if TYPE_CHECKING:
    from app.services.fax.service import FaxService

log = logging.getLogger(__name__)

FEATURE = "fax"
FAX_KINDS = (SendKind.FAX,)
#: How far from the journalled time a fax in Sent counts as this one.
RECONCILE_BEFORE = timedelta(minutes=10)
RECONCILE_AFTER = timedelta(minutes=30)


class FaxJournal:
    def __init__(self, store: SendJournal, service: FaxService,
                 busy: Callable[[], list[int]] = list) -> None:
        self.store = store
        self.service = service
        #: Ids of the fax sends on the wire now (never reconciled under their feet).
        self._busy = busy
        self.changed: Event[JournalEntry] = Event("fax.journal_changed")

    async def begin(self, to_number: str, from_number: str, description: str,
                    document: str, extra: dict[str, str]) -> JournalEntry:
        entry = await self.store.journal_begin(SendKind.FAX, from_number, to_number,
                                               description, [description], [document], extra)
        self.changed.emit(entry)
        return entry

    async def mark(self, entry_id: int, state: SendState, error: str = "", *,
                   closed: bool = False) -> None:
        entry = await self.store.journal_update(
            entry_id, state=state, error=error, closed=closed or None,
            done_parts=1 if state is SendState.SENT else None)
        if entry is not None:
            self.changed.emit(entry)

    async def pending(self) -> list[JournalEntry]:
        """Fax sends the user still has to see (sending, unconfirmed, not sent).

        One left ``sending`` by a killed run reads as being checked (``recover``
        makes it so in the store once the tab starts)."""
        busy = set(self._busy())
        return [e if e.state is not SendState.SENDING or e.id in busy
                else replace(e, state=SendState.UNKNOWN, error=INTERRUPTED_TEXT)
                for e in await self.store.journal_shown(FAX_KINDS)]

    async def entry(self, entry_id: int) -> JournalEntry | None:
        return await self.store.journal_entry(entry_id)

    async def recover(self) -> list[JournalEntry]:
        """At start: what a killed run left ``sending`` -> ``unknown``; then checked."""
        if await self.store.journal_orphans_to_unknown(FAX_KINDS, keep=self._busy(),
                                                       error=INTERRUPTED_TEXT):
            return await self.check()
        return []

    async def check(self) -> list[JournalEntry]:
        """Look for every unconfirmed fax send in the Sent folder."""
        busy = set(self._busy())
        entries = [e for e in await self.store.journal_open(FAX_KINDS) if e.id not in busy]
        if not entries:
            return []
        try:
            await self.service.sync(days=2)
        except UserFacingError as exc:
            log.info("Unconfirmed faxes not checked: %s", exc.message)
            for entry in entries:
                await self.mark(entry.id, SendState.UNKNOWN, OFFLINE_TEXT)
            return [await self.store.journal_entry(e.id) or e for e in entries]
        sent = await self.service.messages("SENT")
        for entry in entries:  # oldest first: each takes the first copy not yet taken
            since, until = entry.created - RECONCILE_BEFORE, entry.created + RECONCILE_AFTER
            found = await self.in_sent(entry.id, entry.contact, sent, since, until)
            log.info("Interrupted fax %d %s in Sent", entry.id, "found" if found else "not")
            if found:
                await self.mark(entry.id, SendState.SENT)
            else:
                await self.mark(entry.id, SendState.FAILED, NOT_SENT_TEXT)
        return [await self.store.journal_entry(e.id) or e for e in entries]

    async def in_sent(self, entry_id: int, contact: str, sent: Sequence[FaxMessage],
                      since: datetime, until: datetime) -> bool:
        """Whether the Sent folder holds a fax to ``contact`` dated in [since, until]
        that is send ``entry_id``'s: more of them than other journalled sends to
        that number put there (a fax sent at 10:00 and confirmed is not the one
        sent again at 10:03 that timed out)."""
        copies = copies_in_sent(sent, contact, since, until)
        if not copies:
            return False
        theirs = await self.store.journal_gone_out(entry_id, FAX_KINDS, contact, since, until)
        return copies > theirs

    async def dismiss(self, entry_id: int) -> None:
        await self.mark(entry_id, SendState.FAILED, NOT_SENT_TEXT, closed=True)


def copies_in_sent(sent: Sequence[FaxMessage], contact: str, since: datetime,
                   until: datetime | None = None) -> int:
    """How many faxes of ``sent`` went to ``contact`` (normalised), dated from
    ``since`` (to ``until``, if given)."""
    return sum(1 for fax in sent if normalize(fax.destination) == contact
               and fax.date is not None and since <= fax.date
               and (until is None or fax.date <= until))
