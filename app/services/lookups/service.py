"""Lookup lists and routing targets, cached locally with a time-to-live.

Time zones, codecs, servers (POPs), languages, locales, countries, call routes
and the routing-target lists (sub-accounts, forwardings, IVRs, ...) change
rarely. A copy younger than the TTL is used without asking the API; an older
copy is refreshed, and when that fails (offline, API down) the old copy is
still served together with the reason, so the Numbers tab keeps working.

Nobody has to open the settings page for the cache to fill: ``polling``
(``poll.py: LookupRefresh``) fetches the lists that are missing or past their
TTL in the background, once the first load of the account is over, and again
whenever a copy runs out; offline, the old copies keep serving.

Qt-free: the settings dialog hears ``changed`` through ``app/ui/bridge.py``.

Events:
    changed(str): a list was fetched fresh from the API (its name).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from app.api.errors import TransportError
from app.domain.errors import UserFacingError
from app.domain.models.numbers import RoutingTarget, Server
from app.domain.routing import ROUTE_KIND_LABELS, SYSTEM_TARGETS, RouteKind
from app.domain.routing_labels import LISTED_KINDS
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.events import Event
from app.services.lookups.poll import LookupRefresh
from app.store.lookup_cache import CachedList, LookupCache

if TYPE_CHECKING:
    from app.api.typed import Api
    from app.store.db import Database

log = logging.getLogger(__name__)

#: Plain lookup lists: cache name -> what the user calls it.
LOOKUP_LISTS: dict[str, str] = {
    "servers": QT_TRANSLATE_NOOP("services", "Servers (POPs)"),
    "timezones": QT_TRANSLATE_NOOP("services", "Time zones"),
    "codecs": QT_TRANSLATE_NOOP("services", "Codecs"),
    "languages": QT_TRANSLATE_NOOP("services", "Languages"),
    "locales": QT_TRANSLATE_NOOP("services", "Locales"),
    "countries": QT_TRANSLATE_NOOP("services", "Countries"),
    "routes": QT_TRANSLATE_NOOP("services", "Call routes"),
}
#: Routing-target kinds that come from the API (``sys`` and ``none`` are fixed).
# The kinds with a list of targets to choose from: one definition, shared with
# the routing editor (app/domain/routing_labels.py).
TARGET_KINDS: tuple[RouteKind, ...] = LISTED_KINDS


def target_list_name(kind: RouteKind) -> str:
    return f"targets.{kind.value}"


#: The lists a DID's routing and server are described with (the Numbers tab's words).
ROUTING_LISTS = frozenset({"servers", *(target_list_name(kind) for kind in TARGET_KINDS)})


#: What the user calls each routing-target list (plural: it is a list of them).
TARGET_LIST_LABELS: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: QT_TRANSLATE_NOOP("services", "Sub-accounts"),
    RouteKind.FORWARD: QT_TRANSLATE_NOOP("services", "Call forwardings"),
    RouteKind.VOICEMAIL: QT_TRANSLATE_NOOP("services", "Voicemail boxes"),
    RouteKind.SIP: QT_TRANSLATE_NOOP("services", "SIP URIs"),
    RouteKind.RING_GROUP: QT_TRANSLATE_NOOP("services", "Ring groups"),
    RouteKind.IVR: QT_TRANSLATE_NOOP("services", "IVR menus"),
    RouteKind.RECORDING: QT_TRANSLATE_NOOP("services", "Recordings"),
    RouteKind.QUEUE: QT_TRANSLATE_NOOP("services", "Call queues"),
    RouteKind.CALLBACK: QT_TRANSLATE_NOOP("services", "Callbacks"),
    RouteKind.TIME_CONDITION: QT_TRANSLATE_NOOP("services", "Time conditions"),
    RouteKind.DISA: QT_TRANSLATE_NOOP("services", "DISAs"),
}


def all_list_names() -> dict[str, str]:
    """Every cached list: name -> label, lookups first, then routing targets."""
    names = dict(LOOKUP_LISTS)
    for kind in TARGET_KINDS:
        label = TARGET_LIST_LABELS.get(kind) or ROUTE_KIND_LABELS[kind]
        names[target_list_name(kind)] = Text(
            QT_TRANSLATE_NOOP("services", "Routing: {kind}"), kind=label)
    return names


@dataclass(frozen=True, slots=True)
class LookupResult:
    """A lookup list as served: from the cache or the API, and any error."""
    name: str
    rows: list[dict[str, Any]]
    fetched_at: datetime | None
    #: Older than the TTL (served because a refresh failed or was not attempted).
    stale: bool
    #: True when no API call was made or the call failed and the copy was used.
    from_cache: bool
    #: Why a refresh failed, when the rows come from an older copy.
    error: str | None = None


def server_from_row(row: dict[str, Any]) -> Server:
    """A ``getServersInfo`` row (``server_*`` keys) as a ``Server``."""

    def pick(key: str) -> str:
        value = row.get(f"server_{key}", row.get(key, ""))
        return "" if value is None else str(value)

    recommended = pick("recommended").strip().lower() in ("yes", "1", "true")
    return Server(
        pop=pick("pop"),
        name=pick("name"),
        shortname=pick("shortname"),
        hostname=pick("hostname"),
        country=pick("country"),
        recommended=recommended,
    )


class LookupService:
    """Every lookup list through one TTL cache (``get``), plus typed helpers."""

    def __init__(
        self,
        api: Api,
        db: Database,
        *,
        ttl: timedelta = timedelta(days=7),
        cache: LookupCache | None = None,
    ) -> None:
        self._api = api
        self.cache = cache if cache is not None else LookupCache(db, ttl=ttl)
        self.changed: Event[str] = Event("lookups.changed")
        #: The background refresh (started by the main window after its first load).
        self.polling = LookupRefresh(self)

    def stop(self) -> None:
        """End of the session: no background refresh is left running."""
        self.polling.stop()

    def set_ttl(self, ttl: timedelta) -> None:
        """How long a copy is used without asking the API (the settings page changes it)."""
        self.cache.ttl = ttl

    # --- generic -------------------------------------------------------------------

    async def get(self, name: str, *, refresh: bool = False) -> LookupResult:
        """The list ``name``: cache hit, fresh fetch, or stale copy when offline.

        Raises ``UserFacingError`` only when the API failed and nothing is cached.
        """
        cached = await self.cache.get(name)
        if (cached is not None and not cached.is_stale and not refresh
                and not _lacks_kept_fields(name, cached.rows)):
            return LookupResult(name, cached.rows, cached.fetched_at, False, True)
        try:
            rows = await self._fetch(name)
        except UserFacingError as exc:
            if cached is None:
                raise
            log.info("Using cached %s (%s): refresh failed: %s", name, cached.fetched_at, exc)
            return LookupResult(
                name, cached.rows, cached.fetched_at, cached.is_stale, True, exc.message
            )
        stored = await self._store(name, rows)
        return LookupResult(name, stored.rows, stored.fetched_at, False, False)

    async def _store(self, name: str, rows: list[dict[str, Any]]) -> CachedList:
        stored = await self.cache.put(name, rows)
        self.changed.emit(name)
        return stored

    async def refresh_due(self) -> dict[str, str | None]:
        """Fetch the lists never fetched or older than the TTL; fresh ones are left alone.

        Returns name -> ``None`` (fetched) or why it failed, for the lists tried.
        A failure keeps the old copy. A transport failure (offline, server down)
        ends the round: the other lists would fail the same way, each after its
        retries, and the next check tries them all again.
        """
        outcome: dict[str, str | None] = {}
        for name in all_list_names():
            cached = await self.cache.get(name)
            if cached is not None and not cached.is_stale:
                continue
            try:
                rows = await self._fetch(name)
            except TransportError as exc:
                log.info("Background refresh of %s failed, stopping this round: %s", name, exc)
                outcome[name] = exc.message
                break
            except UserFacingError as exc:
                log.info("Background refresh of %s failed: %s", name, exc)
                outcome[name] = exc.message
                continue
            await self._store(name, rows)
            outcome[name] = None
        return outcome

    async def cached(self, name: str) -> LookupResult | None:
        """The copy of ``name`` in the cache, without the network (``None``: never fetched)."""
        copy = await self.cache.get(name)
        if copy is None:
            return None
        return LookupResult(name, copy.rows, copy.fetched_at, copy.is_stale, True)

    @property
    def ttl(self) -> timedelta:
        return self.cache.ttl

    async def refresh_all(
        self,
        *,
        quiet: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> dict[str, str | None]:
        """Fetch every list again. ``quiet`` swallows failures into the returned dict.

        ``progress(done, total, name)`` is called before each list (and once at the end).
        """
        outcome: dict[str, str | None] = {}
        names = all_list_names()
        for done, name in enumerate(names):
            if progress is not None:
                progress(done, len(names), name)
            try:
                result = await self.get(name, refresh=True)
            except UserFacingError as exc:
                if not quiet:
                    raise
                outcome[name] = exc.message
            else:
                outcome[name] = result.error
        if progress is not None:
            progress(len(names), len(names), "")
        return outcome

    async def _fetch(self, name: str) -> list[dict[str, Any]]:
        if name.startswith("targets."):
            kind = RouteKind(name.removeprefix("targets."))
            targets = await self._api.get_routing_targets(kind)
            extra = KEPT_FIELDS.get(name, ())
            return [{"value": t.value, "label": t.label,
                     **({"members": list(t.members)} if "members" in extra else {})}
                    for t in targets]
        if name not in LOOKUP_LISTS:
            raise KeyError(f"unknown lookup list {name!r}")
        rows = await self._api.get_lookup(name)
        return [dict(row) for row in rows]

    # --- typed helpers -------------------------------------------------------------

    async def servers(self, *, refresh: bool = False) -> list[Server]:
        result = await self.get("servers", refresh=refresh)
        return [server_from_row(row) for row in result.rows]

    async def routing_targets(
        self, kind: RouteKind, *, refresh: bool = False
    ) -> list[RoutingTarget]:
        if kind is RouteKind.SYSTEM:
            return [RoutingTarget(v, label) for v, label in SYSTEM_TARGETS.items()]
        if kind is RouteKind.NONE:
            return []
        result = await self.get(target_list_name(kind), refresh=refresh)
        return _targets(result.rows)

    # --- what the cache holds, without the network ---------------------------------

    async def cached_routing_targets(self) -> dict[RouteKind, list[RoutingTarget]]:
        """Each listed kind's targets as last fetched (kinds never fetched are left out)."""
        out: dict[RouteKind, list[RoutingTarget]] = {}
        for kind in TARGET_KINDS:
            cached: CachedList | None = await self.cache.get(target_list_name(kind))
            if cached is not None:
                out[kind] = _targets(cached.rows)
        return out

    async def cached_servers(self) -> list[Server]:
        cached = await self.cache.get("servers")
        return [] if cached is None else [server_from_row(row) for row in cached.rows]


#: Fields kept in a list's rows beyond value and label: a copy cached before one was
#: kept is fetched again, rather than serving rows without it until the TTL runs out
#: (ring groups' members: the Phones tab's "Rings for").
KEPT_FIELDS: dict[str, tuple[str, ...]] = {target_list_name(RouteKind.RING_GROUP): ("members",)}


def _lacks_kept_fields(name: str, rows: list[dict[str, Any]]) -> bool:
    fields = KEPT_FIELDS.get(name, ())
    return any(field not in row for row in rows for field in fields)


def _targets(rows: list[dict[str, Any]]) -> list[RoutingTarget]:
    return [RoutingTarget(str(row.get("value", "")), str(row.get("label", "")),
                          tuple(str(m) for m in row.get("members") or ()))
            for row in rows]
