"""Adapters from the real ``Api``, store and lookup service to the Numbers ports.

Kept apart from the service so the service reads as policy (optimism, rollback,
narrowest call) and this file as plumbing that follows the other pieces' APIs.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.routing import RouteKind
from app.services.lookups.service import (
    TARGET_KINDS,
    LookupService,
    server_from_row,
    target_list_name,
)
from app.services.numbers.ports import ChangeEntry
from app.services.numbers.presets import PresetStore
from app.services.numbers.service import NumbersService
from app.store.dids import DidRepo

if TYPE_CHECKING:
    from app.services.root import AppServices

log = logging.getLogger(__name__)


class DidStoreAdapter:
    """``DidStore`` port over the store's ``DidRepo`` (DIDs table + change log)."""

    def __init__(self, repo: DidRepo) -> None:
        self._repo = repo

    async def load(self) -> list[Did]:
        return await self._repo.load()

    async def replace_all(self, dids: Sequence[Did]) -> None:
        await self._repo.replace_all(dids)

    async def put(self, did: Did) -> None:
        await self._repo.put(did)

    async def log_changes(self, entries: Sequence[ChangeEntry]) -> None:
        await self._repo.log_changes(entries)

    async def changes(self, did: str | None, limit: int) -> list[ChangeEntry]:
        rows = await self._repo.changes(did, limit)
        return [
            ChangeEntry(r.when, r.did, r.field, r.old, r.new, r.method, r.ok, r.reason)
            for r in rows
        ]


class LookupsAdapter:
    """``Lookups`` port over ``LookupService`` (TTL cache, stale copy when offline)."""

    def __init__(self, service: LookupService) -> None:
        self._service = service

    async def cached_targets(self) -> Mapping[RouteKind, Sequence[RoutingTarget]]:
        out: dict[RouteKind, list[RoutingTarget]] = {}
        for kind in TARGET_KINDS:
            cached = await self._service.cache.get(target_list_name(kind))
            if cached is not None:
                out[kind] = [
                    RoutingTarget(str(row.get("value", "")), str(row.get("label", "")))
                    for row in cached.rows
                ]
        return out

    async def cached_servers(self) -> Sequence[Server]:
        cached = await self._service.cache.get("servers")
        return [] if cached is None else [server_from_row(row) for row in cached.rows]

    async def targets(self, kind: RouteKind, *, force: bool = False) -> Sequence[RoutingTarget]:
        return await self._service.routing_targets(kind, refresh=force)

    async def servers(self, *, force: bool = False) -> Sequence[Server]:
        return await self._service.servers(refresh=force)


def build_numbers_service(services: AppServices) -> NumbersService:
    """The ``NumbersService`` on the real store and lookups (``AppServices.numbers``)."""
    return NumbersService(
        services.api,
        DidStoreAdapter(DidRepo(services.db)),
        LookupsAdapter(services.lookups),
        PresetStore(services.settings),
    )
