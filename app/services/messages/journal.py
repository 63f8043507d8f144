"""The send journal as the senders see it: a port (implemented by
``app.store.send_journal.SendJournalRepo``, which ``MessagesRepo`` inherits) and
the words shown for each state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.domain.words import QT_TRANSLATE_NOOP

#: After this long without an answer a send shows "Still sending..." with Cancel
#: (issue #16.3: feedback well before the client's time-out).
STILL_SENDING_AFTER_S = 5.0

# Stored in the journal in English and marked for the catalog (app/domain/words.py):
# the UI shows them translated.
CHECKING_TEXT = QT_TRANSLATE_NOOP("services", "May have been sent, checking…")
CANCELLED_TEXT = QT_TRANSLATE_NOOP(
    "services",
    "Cancelled while waiting for VoIP.ms: it may have gone out, so it is "
    "checked against the history and never sent again by itself.",
)
INTERRUPTED_TEXT = QT_TRANSLATE_NOOP(
    "services",
    "Switchboard stopped while this was being sent: it may have gone out, "
    "so it is checked against the history before it can be sent again.",
)
OFFLINE_TEXT = QT_TRANSLATE_NOOP(
    "services",
    "Not confirmed: VoIP.ms could not be reached to check whether it went out. "
    "It will not be sent again by itself; it is checked again when VoIP.ms answers.",
)
NOT_SENT_TEXT = QT_TRANSLATE_NOOP("services", "Not sent: it is not in the history at VoIP.ms.")


class SendJournal(Protocol):
    async def journal_begin(
        self, kind: SendKind, did: str, contact: str, text: str, parts: Sequence[str],
        attachments: Sequence[str] = (), extra: dict[str, str] | None = None,
    ) -> JournalEntry: ...

    async def journal_update(
        self, entry_id: int, *, state: SendState | None = None, done_parts: int | None = None,
        error: str | None = None, closed: bool | None = None,
    ) -> JournalEntry | None: ...

    async def journal_entry(self, entry_id: int) -> JournalEntry | None: ...

    async def journal_open(self, kinds: Sequence[SendKind]) -> list[JournalEntry]: ...

    async def journal_gone_out(
        self, entry_id: int, kinds: Sequence[SendKind], contact: str, since: datetime,
        until: datetime,
    ) -> int: ...

    async def journal_orphans_to_unknown(
        self, kinds: Sequence[SendKind], keep: Sequence[int] = (), error: str = "",
    ) -> list[JournalEntry]: ...

    async def journal_shown(
        self, kinds: Sequence[SendKind], did: str | None = None, contact: str | None = None,
    ) -> list[JournalEntry]: ...


def state_words(entry: JournalEntry, *, still_sending: bool = False) -> str:
    """What a pending send's line says (plain text)."""
    if entry.state is SendState.SENDING:
        return (QT_TRANSLATE_NOOP("services", "Still sending… (no answer from VoIP.ms yet)")
                if still_sending else QT_TRANSLATE_NOOP("services", "Sending…"))
    if entry.state is SendState.UNKNOWN:
        return OFFLINE_TEXT if entry.error == OFFLINE_TEXT else CHECKING_TEXT
    if entry.state is SendState.FAILED:
        return entry.error or QT_TRANSLATE_NOOP("services", "Not sent.")
    return QT_TRANSLATE_NOOP("services", "Sent.")
