"""Phone numbers (DIDs), servers (POPs) and routing targets.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.domain.routing import Route


@dataclass(frozen=True, slots=True)
class Did:
    """A phone number (DID) with its routing, failovers and settings."""
    did: str
    description: str
    routing: Route
    failover_busy: Route
    failover_unreachable: Route
    failover_noanswer: Route
    voicemail: str
    pop: str
    dialtime: int
    cnam: bool
    callerid_prefix: str
    note: str
    billing_type: str
    sms_enabled: bool
    raw: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Server:
    """A VoIP.ms server (POP) a number can be registered to."""
    pop: str
    name: str
    shortname: str
    hostname: str
    country: str
    recommended: bool


@dataclass(frozen=True, slots=True)
class RoutingTarget:
    """An entry of a routing-target list (sub-account, forwarding, IVR, ...)."""

    value: str
    label: str
    #: A ring group's members as routings (``account:284561_sales``, ``fwd:18641``):
    #: what a number routed to the group rings. Empty for the other kinds.
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ChangeLogEntry:
    """One line of the local change log: a field of a DID, before and after.

    The one type for it: the service writes it, the store keeps it, the view shows it.
    """

    when: datetime
    did: str
    field: str
    old: str
    new: str
    method: str
    ok: bool
    reason: str = ""
    #: Shared by every line one command wrote (a bulk reroute: one per number), so
    #: undoing a line undoes that whole command. Empty: not undoable.
    change_id: str = ""
    #: Written before VoIP.ms answered: ``ok`` and ``reason`` are not known yet.
    pending: bool = False
