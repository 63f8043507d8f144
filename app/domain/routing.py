"""Routing targets: ``header:value`` strings used by DIDs and their failovers.

SIP targets contain colons themselves, so parsing splits on the first colon only
(API-NOTES.md). ``none:`` has an empty value.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


ROUTE_KIND_LABELS: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: "Sub-account",
    RouteKind.FORWARD: "Forward to",
    RouteKind.VOICEMAIL: "Voicemail",
    RouteKind.SIP: "SIP URI",
    RouteKind.RING_GROUP: "Ring group",
    RouteKind.IVR: "IVR",
    RouteKind.SYSTEM: "System",
    RouteKind.RECORDING: "Recording",
    RouteKind.QUEUE: "Queue",
    RouteKind.CALLBACK: "Callback",
    RouteKind.TIME_CONDITION: "Time condition",
    RouteKind.DISA: "DISA",
    RouteKind.NONE: "None",
}

# The fixed ``sys:`` targets the reference lists for routing.
SYSTEM_TARGETS: dict[str, str] = {
    "hangup": "Hang up",
    "busy": "Busy signal",
    "noservice": "No service message",
    "disconnected": "Disconnected message",
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
