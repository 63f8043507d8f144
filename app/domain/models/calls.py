"""Call history (``getCDR``), call recordings and the balance forecast.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class Outcome(StrEnum):
    """How a call ended, from the CDR's ``disposition``."""
    ANSWERED = "answered"
    MISSED = "missed"
    BUSY = "busy"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call of the history.

    ``number`` is the other party (normalised); ``did`` is which of my numbers
    it rang or went out from ("" when unknown); ``caller_name`` is the name the
    caller id carried (inbound calls only); ``account`` is the phone
    (sub-account) that took or made it.
    """
    id: str
    date: datetime | None
    inbound: bool
    number: str
    caller_name: str
    did: str
    account: str
    outcome: Outcome
    seconds: int
    cost: Decimal
    description: str = ""

    @property
    def missed(self) -> bool:
        return self.inbound and self.outcome is Outcome.MISSED


@dataclass(frozen=True, slots=True)
class CallRecording:
    """A recorded call (``getCallRecordings``); the audio is fetched apart."""
    id: str
    account: str
    date: datetime | None
    number: str
    inbound: bool
    seconds: int


@dataclass(frozen=True, slots=True)
class Transaction:
    """One line of ``getTransactionHistory`` (``amount`` negative for spending)."""
    date: datetime | None
    id: str
    type: str
    description: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class CallRow:
    """A call as the history shows it: the record, the phonebook name, seen, its recording.

    ``voicemail`` is the voicemail the caller left during this call (the
    Voicemail tab's key: mailbox, folder, message number), when one is cached.
    """
    call: CallRecord
    contact: str = ""
    seen: bool = True
    recording: CallRecording | None = None
    voicemail: tuple[str, str, int] | None = None
    #: The name the phone that took the call was given (its sub-account's
    #: description, as the Phones tab lists it); empty when unknown or unnamed.
    phone: str = ""

    @property
    def id(self) -> str:
        return self.call.id

    @property
    def unseen_missed(self) -> bool:
        return self.call.missed and not self.seen


@dataclass(frozen=True, slots=True)
class Totals:
    """Calls, talk time and cost of the rows a filter selects (all of them, not one page)."""
    calls: int = 0
    seconds: int = 0
    cost: Decimal = Decimal(0)
