"""The Numbers service: DIDs from cache and API, rerouting, full edits, change log.

Every change is *optimistic*: the new state is announced (``did_changed``)
before the API call, with the row marked pending (``pending_changed``); when
the provider refuses, the previous state is announced again and the refusal
comes back as a ``UserFacingError`` naming the number and the provider's reason.
Each attempt, accepted or refused, goes into the local change log.

One change per DID at a time: a second change while the first is in flight
would make "roll back to what it was" ambiguous, so it is refused up front.

Signals:
    did_changed(object): a ``Did`` whose shown state changed (optimistic, confirmed
        or rolled back).
    dids_replaced(list): the full list after a refresh from the API.
    pending_changed(str, str): DID and what is being saved; empty text when done.
    change_logged(): a change-log entry was written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from app.domain.did_edit import (
    DidEdit,
    WriteMethod,
    apply,
    changed_fields,
    choose_method,
    describe_changes,
    validate,
)
from app.domain.errors import UserFacingError
from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.phone import format_number, normalize
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import LISTED_KINDS, TargetLists, describe
from app.services.numbers.ports import ChangeEntry, DidApi, DidStore, Lookups
from app.services.numbers.presets import PlannedChange, PresetStore, RoutingPreset, plan

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Failure:
    """A number whose change the provider refused, and why."""
    did: str
    reason: str


@dataclass(slots=True)
class RerouteOutcome:
    """What a (bulk) reroute did: numbers moved, and the refusals with reasons."""

    route: Route
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    def message(self, lists: TargetLists) -> str:
        target = describe(self.route, lists)
        parts: list[str] = []
        if self.changed:
            count = len(self.changed)
            noun = "number" if count == 1 else "numbers"
            parts.append(f"{count} {noun} now go to {target}.")
        if self.unchanged and not self.changed and not self.failed:
            parts.append(f"Already routed to {target}; nothing to change.")
        return " ".join(parts)


class NumbersService(QObject):
    did_changed = Signal(object)
    dids_replaced = Signal(list)
    pending_changed = Signal(str, str)
    change_logged = Signal()

    def __init__(
        self,
        api: DidApi,
        store: DidStore,
        lookups: Lookups,
        presets: PresetStore,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._store = store
        self._lookups = lookups
        self.presets = presets
        self._clock = clock
        self._dids: dict[str, Did] = {}
        self._pending: set[str] = set()
        self._lists: dict[RouteKind, list[RoutingTarget]] = {}
        self._servers: list[Server] = []

    # --- reading -------------------------------------------------------------------

    def dids(self) -> list[Did]:
        return list(self._dids.values())

    def did(self, number: str) -> Did | None:
        return self._dids.get(normalize(number))

    def target_lists(self) -> TargetLists:
        return self._lists

    def servers(self) -> list[Server]:
        return list(self._servers)

    def is_pending(self, number: str) -> bool:
        return normalize(number) in self._pending

    async def load_cached(self) -> list[Did]:
        """DIDs, target lists and servers as the store last saw them (no network)."""
        dids = await self._store.load()
        self._dids = {d.did: d for d in dids}
        cached = await self._lookups.cached_targets()
        self._lists = {kind: list(rows) for kind, rows in cached.items()}
        self._servers = list(await self._lookups.cached_servers())
        return self.dids()

    async def refresh_lookups(self, *, force: bool = False) -> list[str]:
        """Target lists and servers through the lookup cache (TTL; ``force`` refetches).

        A list that cannot be fetched (and was never cached) keeps what we had:
        the table still reads, only that kind's names fall back to ids. The
        reasons are returned for the status bar.
        """
        problems: list[str] = []
        lists = dict(self._lists)
        for kind in LISTED_KINDS:
            try:
                lists[kind] = list(await self._lookups.targets(kind, force=force))
            except UserFacingError as exc:
                problems.append(exc.message)
        self._lists = lists
        try:
            self._servers = list(await self._lookups.servers(force=force))
        except UserFacingError as exc:
            problems.append(exc.message)
        return problems

    async def refresh(self) -> list[Did]:
        """Fetch every DID; DIDs with a change in flight keep their optimistic state."""
        fresh = await self._api.get_dids()
        await self._store.replace_all(fresh)
        merged: dict[str, Did] = {}
        for did in fresh:
            merged[did.did] = self._dids[did.did] if did.did in self._pending else did
        self._dids = merged
        self.dids_replaced.emit(self.dids())
        return self.dids()

    async def changes(self, number: str | None = None, limit: int = 500) -> list[ChangeEntry]:
        return await self._store.changes(normalize(number) if number else None, limit)

    # --- quick reroute -------------------------------------------------------------

    async def reroute(self, numbers: Sequence[str], route: Route) -> RerouteOutcome:
        """Send the main routing of ``numbers`` to ``route``: one setDIDRouting each.

        All rows flip at once; calls then go out one by one (the client spaces
        them). Refused numbers roll back individually; if any was refused the
        outcome is raised as one ``UserFacingError`` listing them with reasons,
        after the others have been saved.
        """
        if route.kind is not RouteKind.NONE and not route.value:
            raise UserFacingError("Choose where the calls should go first.")
        outcome = RerouteOutcome(route)
        targets: list[Did] = []
        for number in numbers:
            did = self._require(number)
            if did.routing == route:
                outcome.unchanged.append(did.did)
            else:
                targets.append(did)
        self._check_not_pending(d.did for d in targets)
        what = f"routing to {describe(route, self._lists)}"
        for did in targets:
            self._show_optimistic(did, apply(did, {"routing": route}), what)
        for did in targets:
            try:
                await self._api.set_did_routing(did.did, route)
            except UserFacingError as exc:
                outcome.failed.append(Failure(did.did, exc.message))
                await self._roll_back(did, {"routing": route}, "setDIDRouting", exc.message)
            else:
                outcome.changed.append(did.did)
                await self._confirm(did, {"routing": route}, "setDIDRouting")
        if outcome.failed:
            raise UserFacingError(self._failure_text(outcome), detail=str(outcome.failed))
        return outcome

    def preview_preset(self, preset: RoutingPreset) -> list[PlannedChange]:
        return plan(preset, self.dids())

    async def apply_preset(self, preset: RoutingPreset) -> RerouteOutcome:
        numbers = [change.did.did for change in self.preview_preset(preset)]
        if not numbers:
            return RerouteOutcome(preset.route, unchanged=[d.did for d in self.dids()])
        return await self.reroute(numbers, preset.route)

    # --- full edit -----------------------------------------------------------------

    async def save_edit(self, number: str, edit: DidEdit) -> Did:
        """Apply ``edit`` with the narrowest call; returns the confirmed DID."""
        problems = validate(edit)
        if problems:
            raise UserFacingError(" ".join(problems))
        current = self._require(number)
        self._check_not_pending([current.did])
        changes = changed_fields(current, edit)
        method = choose_method(changes)
        if method is WriteMethod.NOTHING:
            return current
        self._show_optimistic(current, apply(current, changes), "your changes")
        try:
            if method is WriteMethod.ROUTING:
                await self._api.set_did_routing(current.did, changes["routing"])
            elif method is WriteMethod.POP:
                await self._api.set_did_pop(current.did, changes["pop"])
            elif method is WriteMethod.VOICEMAIL:
                await self._api.set_did_voicemail(current.did, changes["voicemail"])
            else:
                await self._write_full(current.did, changes)
        except UserFacingError as exc:
            await self._roll_back(current, changes, method.value, exc.message)
            raise UserFacingError(
                f"{format_number(current.did)} was not changed: {exc.message}",
                detail=exc.detail,
            ) from exc
        return await self._confirm(current, changes, method.value)

    async def _write_full(self, number: str, changes: dict[str, object]) -> None:
        """Read-modify-write: the fresh DID carries every required field we did not touch."""
        fresh = await self._api.get_did(number)
        if fresh is None:
            raise UserFacingError("This number is no longer on your account.")
        # Someone may have changed other fields on the portal: keep theirs.
        self._dids[number] = apply(fresh, changes)
        await self._api.set_did_info(apply(fresh, changes))

    # --- bookkeeping ---------------------------------------------------------------

    def _require(self, number: str) -> Did:
        did = self._dids.get(normalize(number))
        if did is None:
            raise UserFacingError(f"{format_number(number)} is not one of your numbers (refresh?).")
        return did

    def _check_not_pending(self, numbers: Iterable[str]) -> None:
        busy = [n for n in numbers if n in self._pending]
        if busy:
            shown = ", ".join(format_number(n) for n in busy)
            raise UserFacingError(
                f"A change to {shown} is still being saved; try again in a moment."
            )

    def _show_optimistic(self, before: Did, after: Did, what: str) -> None:
        self._pending.add(before.did)
        self._dids[before.did] = after
        self.did_changed.emit(after)
        self.pending_changed.emit(before.did, what)

    async def _confirm(self, before: Did, changes: dict[str, object], method: str) -> Did:
        confirmed = self._dids[before.did]
        self._pending.discard(before.did)
        await self._store.put(confirmed)
        await self._log(before, changes, method, ok=True, reason="")
        self.pending_changed.emit(before.did, "")
        self.did_changed.emit(confirmed)
        return confirmed

    async def _roll_back(self, before: Did, changes: dict[str, object], method: str,
                         reason: str) -> None:
        self._dids[before.did] = before
        self._pending.discard(before.did)
        self.pending_changed.emit(before.did, "")
        self.did_changed.emit(before)
        await self._log(before, changes, method, ok=False, reason=reason)

    async def _log(self, before: Did, changes: dict[str, object], method: str, *, ok: bool,
                   reason: str) -> None:
        when = self._clock()
        entries = [
            ChangeEntry(when, before.did, label, old, new, method, ok, reason)
            for label, old, new in describe_changes(before, changes)
        ]
        try:
            await self._store.log_changes(entries)
        except Exception:  # the log is a convenience: never turn a saved change into an error
            log.exception("Could not write the numbers change log")
            return
        self.change_logged.emit()

    def _failure_text(self, outcome: RerouteOutcome) -> str:
        target = describe(outcome.route, self._lists)
        lines = [f"{format_number(f.did)}: {f.reason}" for f in outcome.failed]
        head = (
            f"{len(outcome.failed)} of {len(outcome.failed) + len(outcome.changed)} numbers "
            f"could not be routed to {target}"
            if len(outcome.failed) + len(outcome.changed) > 1
            else f"{format_number(outcome.failed[0].did)} could not be routed to {target}"
        )
        if len(lines) == 1 and not outcome.changed:
            return f"{head}: {outcome.failed[0].reason}"
        return head + ":\n" + "\n".join(lines)
