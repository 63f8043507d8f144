"""What the phones service returns and announces."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.models.numbers import Server
from app.domain.models.phones import MailboxSettings, Phone


@dataclass(frozen=True, slots=True)
class PhoneChanges:
    """Phones whose rows are new or changed, accounts gone, and how many are offline now.

    Applying one twice changes nothing (rows are keyed by ``account``).
    """
    upserted: tuple[Phone, ...] = ()
    removed: tuple[str, ...] = ()
    offline: int = 0
    #: The POP list as cached, to name the server a phone registered with.
    servers: tuple[Server, ...] = ()

    def applied_to(self, phones: Sequence[Phone]) -> list[Phone]:
        """``phones`` with this change set applied, in the order of the store."""
        fresh = {p.account: p for p in self.upserted}
        out = [fresh.pop(p.account, p) for p in phones if p.account not in self.removed]
        out.extend(fresh.values())
        return out


@dataclass(frozen=True, slots=True)
class Transition:
    """A phone went offline or came back."""
    account: str
    label: str
    online: bool


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a pick list: the API's value and the words shown."""
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class PhoneEditor:
    """What the edit dialog starts from: the account read fresh and the pick lists."""
    phone: Phone
    codecs: tuple[Choice, ...]
    languages: tuple[Choice, ...]
    locales: tuple[Choice, ...]
    servers: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class MailboxEditor:
    """What the mailbox dialog starts from."""
    settings: MailboxSettings
    mailboxes: tuple[Choice, ...]
    timezones: tuple[Choice, ...]
    languages: tuple[Choice, ...]
    locales: tuple[Choice, ...]
