"""Routing targets: ``header:value`` strings used by DIDs and their failovers.

SIP targets contain colons themselves, so parsing splits on the first colon only
(API-NOTES.md). ``none:`` has an empty value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.words import QT_TRANSLATE_NOOP


class RouteKind(StrEnum):
    ACCOUNT = "account"
    FORWARD = "fwd"
    VOICEMAIL = "vm"
    SIP = "sip"
    RING_GROUP = "grp"
    IVR = "ivr"
    SYSTEM = "sys"
    RECORDING = "recording"
    QUEUE = "queue"
    CALLBACK = "cb"
    TIME_CONDITION = "tc"
    DISA = "disa"
    NONE = "none"


# Words are marked for the catalog (app/domain/words.py): the UI shows them translated.
ROUTE_KIND_LABELS: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: QT_TRANSLATE_NOOP("services", "Sub-account"),
    RouteKind.FORWARD: QT_TRANSLATE_NOOP("services", "Forward to"),
    RouteKind.VOICEMAIL: QT_TRANSLATE_NOOP("services", "Voicemail"),
    RouteKind.SIP: QT_TRANSLATE_NOOP("services", "SIP URI"),
    RouteKind.RING_GROUP: QT_TRANSLATE_NOOP("services", "Ring group"),
    RouteKind.IVR: QT_TRANSLATE_NOOP("services", "IVR"),
    RouteKind.SYSTEM: QT_TRANSLATE_NOOP("services", "System"),
    RouteKind.RECORDING: QT_TRANSLATE_NOOP("services", "Recording"),
    RouteKind.QUEUE: QT_TRANSLATE_NOOP("services", "Queue"),
    RouteKind.CALLBACK: QT_TRANSLATE_NOOP("services", "Callback"),
    RouteKind.TIME_CONDITION: QT_TRANSLATE_NOOP("services", "Time condition"),
    RouteKind.DISA: QT_TRANSLATE_NOOP("services", "DISA"),
    RouteKind.NONE: QT_TRANSLATE_NOOP("services", "None"),
}

# The fixed ``sys:`` targets the reference lists for routing.
SYSTEM_TARGETS: dict[str, str] = {
    "hangup": QT_TRANSLATE_NOOP("services", "Hang up"),
    "busy": QT_TRANSLATE_NOOP("services", "Busy signal"),
    "noservice": QT_TRANSLATE_NOOP("services", "No service message"),
    "disconnected": QT_TRANSLATE_NOOP("services", "Disconnected message"),
}


class RoutingParseError(ValueError):
    """A routing string whose header is not one of the known kinds."""


@dataclass(frozen=True, slots=True)
class Route:
    """Where calls go: a kind of target and its value (``sip:1234``)."""
    kind: RouteKind
    value: str = ""

    @classmethod
    def parse(cls, text: str | None) -> Route:
        raw = (text or "").strip()
        if not raw:
            return cls(RouteKind.NONE, "")
        header, _, value = raw.partition(":")
        try:
            kind = RouteKind(header.strip().lower())
        except ValueError as exc:
            raise RoutingParseError(f"Unknown routing type {header!r} in {raw!r}") from exc
        return cls(kind, "" if kind is RouteKind.NONE else value.strip())

    def to_api(self) -> str:
        return f"{self.kind.value}:{self.value}" if self.kind is not RouteKind.NONE else "none:"

    def __str__(self) -> str:
        return self.to_api()


def is_main_account(account: str) -> bool:
    """An account id without a sub-account's ``_suffix``: ``284561``, the main
    account, not ``284561_sales``."""
    return bool(account) and "_" not in account


def main_account(sub_accounts: Iterable[str], routes: Iterable[Route]) -> str:
    """The main account's number, or ``""`` when nothing says it.

    ``getSubAccounts`` lists only sub-accounts, and no method names the main
    account, yet it is a phone line and a routing target like the others. Its
    number is the prefix the sub-accounts share (``284561_sales`` -> ``284561``);
    an account with no sub-account at all still has numbers routed to it
    (``account:284561``, an account without the ``_`` of a sub-account). The
    one rule for the Phones tab (its "Main account" row) and the Numbers tab
    (its routing targets), so the two never disagree.
    """
    prefixes = {name.partition("_")[0] for name in sub_accounts if not is_main_account(name)}
    prefixes.discard("")
    if prefixes:
        return prefixes.pop() if len(prefixes) == 1 else ""
    direct = {route.value for route in routes
              if route.kind is RouteKind.ACCOUNT and is_main_account(route.value)}
    return direct.pop() if len(direct) == 1 else ""
