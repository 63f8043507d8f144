"""What the Numbers service needs from the layers below, as small protocols.

The service is written against these rather than the concrete ``Api``,
``DidRepo`` and lookup service so each side can change without the other
noticing; ``numbers_wiring`` adapts the real objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.routing import Route, RouteKind


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One line of the local change log: a field of a DID, before and after."""

    when: datetime
    did: str
    field: str
    old: str
    new: str
    method: str
    ok: bool
    reason: str = ""


class DidApi(Protocol):
    async def get_dids(self) -> list[Did]: ...
    async def get_did(self, did: str) -> Did | None: ...
    async def set_did_routing(self, did: str, route: Route) -> None: ...
    async def set_did_info(self, did: Did) -> None: ...
    async def set_did_pop(self, did: str, pop: str) -> None: ...
    async def set_did_voicemail(self, did: str, mailbox: str) -> None: ...


class DidStore(Protocol):
    async def load(self) -> list[Did]: ...
    async def replace_all(self, dids: Sequence[Did]) -> None: ...
    async def put(self, did: Did) -> None: ...
    async def log_changes(self, entries: Sequence[ChangeEntry]) -> None: ...
    async def changes(self, did: str | None, limit: int) -> list[ChangeEntry]: ...


class Lookups(Protocol):
    async def cached_targets(self) -> Mapping[RouteKind, Sequence[RoutingTarget]]: ...
    async def cached_servers(self) -> Sequence[Server]: ...
    async def targets(self, kind: RouteKind, *, force: bool = False) -> Sequence[RoutingTarget]: ...
    async def servers(self, *, force: bool = False) -> Sequence[Server]: ...
