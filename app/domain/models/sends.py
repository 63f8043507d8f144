"""The send journal's entries: every outgoing SMS/MMS/fax, recorded before it goes out.

A send is not idempotent at the provider: a request cut off (a time-out, a
crash, ``kill -9``, a closed window) may well have been executed. The journal
keeps each send's text, part plan and state, so that after any interruption the
app checks the history instead of offering to send the same text again.

States:
    sending: on the wire now (or the process died while it was);
    sent: the provider confirmed every part (or the history showed it);
    failed: the provider refused it, or the history shows it never went out;
    unknown: no answer and the history could not be checked yet: never resent
        automatically, checked again when VoIP.ms answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SendState(StrEnum):
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"


class SendKind(StrEnum):
    SMS = "sms"
    MMS = "mms"
    FAX = "fax"


#: The journal kinds of text messages (the messages sender's; the fax sender has FAX).
MESSAGE_KINDS = (SendKind.SMS, SendKind.MMS)

#: States a send may still leave by itself (an answer, a reconciliation).
OPEN_STATES = frozenset({SendState.SENDING, SendState.UNKNOWN})


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One send as journalled (``did``: my number; ``contact``: the SMS or fax number)."""

    id: int
    kind: SendKind
    state: SendState
    did: str
    contact: str
    #: The whole text typed (the fax: a short description of the document).
    text: str
    #: Files the send carries (pictures of an MMS, the fax document).
    attachments: tuple[str, ...]
    #: The part plan: the texts that go out one after the other (one for MMS/fax).
    parts: tuple[str, ...]
    #: How many parts the provider confirmed (or the history showed), in order.
    done_parts: int
    created: datetime
    updated: datetime
    #: Why it failed or is unknown, in words for the user ("" when none).
    error: str = ""
    #: No longer shown: its text went back to the compose box, or it was sent
    #: again or dismissed by the user.
    closed: bool = False
    #: Kind-specific fields needed to send it again (the fax's sender name...).
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def unsent_parts(self) -> tuple[str, ...]:
        return self.parts[self.done_parts:]

    @property
    def unsent_text(self) -> str:
        return "".join(self.unsent_parts)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES
