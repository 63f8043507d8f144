"""The Numbers service: DIDs from the store and the API, rerouting, full edits, change log.

The store is the truth: the service keeps no copy of the DIDs. What it keeps is
only what the store cannot know yet: the rows of changes still on their way to
the provider (``_inflight``), shown to the user before the provider answered.

Every change is *optimistic*: the new rows are announced (``dids_changed``)
before the API call, marked pending (``pending_changed``); when the provider
accepts, the row is stored and announced again; when it refuses, the stored row
(unchanged) is announced again and the refusal comes back as a
``UserFacingError`` naming the number and the provider's reason. Each attempt,
accepted or refused, goes into the local change log: written before the call as
pending, settled with the answer, or by the next refresh when a kill came between.
Commands return a ``DidChangeSet`` (or a ``RerouteOutcome`` holding one) with the
confirmed rows, so a view applies what changed without reading everything again.

One change per DID at a time: a second change while the first is in flight
would make "roll back to what it was" ambiguous, so it is refused up front.
Each edit uses the narrowest API call that carries it (``app/domain/did_edit.py``).

Events:
    dids_changed(DidChangeSet): rows whose shown state changed (optimistic,
        confirmed, rolled back, or refreshed from the API) and numbers that went.
    pending_changed(str, str): DID and what is being saved; empty text when done.
    change_logged(tuple[ChangeLogEntry, ...]): entries just written to the log, in
        the order written.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from app.domain.did_edit import (
    DidEdit,
    WriteMethod,
    apply,
    changed_fields,
    choose_method,
    describe_changes,
    restore_values,
    validate,
)
from app.domain.errors import UserFacingError, explain_failure
from app.domain.models.numbers import ChangeLogEntry, Did, RoutingTarget
from app.domain.phone import format_number, normalize
from app.domain.routing import Route, RouteKind, main_account
from app.domain.routing_labels import LISTED_KINDS, describe
from app.domain.words import QT_TRANSLATE_NOOP, Lines, Text
from app.services.events import Event
from app.services.numbers.changes import (
    DidChangeSet,
    Failure,
    RerouteOutcome,
    RoutingChoices,
    UndoOutcome,
    failure_text,
)
from app.services.numbers.ports import DidApi, DidStore, Lookups
from app.services.numbers.presets import PlannedChange, PresetStore, RoutingPreset, plan

log = logging.getLogger(__name__)


def _key(number: str) -> str:
    """The store's key of a number (normalised; as given when it does not normalise)."""
    return normalize(number) or number


class NumbersService:
    def __init__(
        self,
        api: DidApi,
        store: DidStore,
        lookups: Lookups,
        presets: PresetStore,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._api = api
        self._store = store
        self._lookups = lookups
        self.presets = presets
        self._clock = clock
        #: Numbers with a change in flight -> the row shown meanwhile (``None``: not
        #: shown yet). Not stored state: the provider has not accepted it.
        self._inflight: dict[str, Did | None] = {}
        self.dids_changed: Event[DidChangeSet] = Event("numbers.dids_changed")
        self.pending_changed: Event[str, str] = Event("numbers.pending_changed")
        self.change_logged: Event[tuple[ChangeLogEntry, ...]] = Event("numbers.change_logged")

    # --- read models (the store, with changes in flight shown as the user made them) --

    async def dids(self) -> list[Did]:
        return [self._shown(did) for did in await self._store.load()]

    async def did(self, number: str) -> Did | None:
        did = await self._store.get(_key(number))
        return None if did is None else self._shown(did)

    def is_pending(self, number: str) -> bool:
        return _key(number) in self._inflight

    async def change_log(self, number: str | None = None,
                         limit: int = 500) -> list[ChangeLogEntry]:
        """Newest first, for one number or all."""
        return await self._store.changes(_key(number) if number else None, limit)

    async def routing_choices(self) -> RoutingChoices:
        """Target lists and servers as the lookup cache last saw them (no network)."""
        lists = await self._lookups.cached_routing_targets()
        servers = await self._lookups.cached_servers()
        return RoutingChoices(
            await self._with_main_account({k: list(v) for k, v in lists.items()}), tuple(servers)
        )

    async def refresh_lookups(self, *, force: bool = False) -> RoutingChoices:
        """Target lists and servers through the lookup cache (TTL; ``force`` refetches).

        A list that cannot be fetched and was never cached is left out: the table
        still reads, only that kind's names fall back to ids. The reasons are in
        ``problems`` for the status bar.
        """
        problems: list[str] = []
        lists: dict[RouteKind, list[RoutingTarget]] = {}
        for kind in LISTED_KINDS:
            try:
                lists[kind] = list(await self._lookups.routing_targets(kind, refresh=force))
            except UserFacingError as exc:
                problems.append(exc.message)
        try:
            servers = tuple(await self._lookups.servers(refresh=force))
        except UserFacingError as exc:
            servers = ()
            problems.append(exc.message)
        return RoutingChoices(await self._with_main_account(lists), servers, tuple(problems))

    async def _with_main_account(
        self, lists: dict[RouteKind, list[RoutingTarget]]
    ) -> dict[RouteKind, list[RoutingTarget]]:
        """The main account first among the accounts (``routing.main_account``).

        No list of the provider's names it (``getSubAccounts`` lists sub-accounts
        only), so a number moved away from a phone on the main account could never
        be routed back. Added here, when the choices are read, rather than to the
        cached list: a list cached before this rule gets it too, and an account
        with no sub-account finds it from the numbers routed to it.
        """
        accounts = lists.get(RouteKind.ACCOUNT)
        if accounts is None:  # that list is unknown: its names fall back to ids anyway
            return lists
        routes = (did.routing for did in await self._store.load())
        main = main_account((target.value for target in accounts), routes)
        if main and all(target.value != main for target in accounts):
            lists[RouteKind.ACCOUNT] = [RoutingTarget(main, main), *accounts]
        return lists

    # --- refresh -------------------------------------------------------------------

    async def refresh(self) -> DidChangeSet:
        """Fetch every DID into the store; DIDs with a change in flight keep showing it."""
        fresh = await self._api.get_dids()
        removed = await self._store.replace_all(fresh)
        await self._reconcile(fresh)
        changes = DidChangeSet(tuple(self._shown(d) for d in fresh), tuple(removed))
        self.dids_changed.emit(changes)
        return changes

    # --- quick reroute -------------------------------------------------------------

    async def reroute(self, numbers: Sequence[str], route: Route) -> RerouteOutcome:
        """Send the main routing of ``numbers`` to ``route``: one setDIDRouting each.

        All rows flip at once; calls then go out one by one (the client spaces
        them). Refused numbers roll back individually; if any was refused the
        outcome is raised as one ``UserFacingError`` listing them with reasons,
        after the others have been saved.
        """
        if route.kind is not RouteKind.NONE and not route.value:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "Choose where the calls should go first.",
            ))
        wanted = list(dict.fromkeys(_key(n) for n in numbers))
        self._reserve(wanted)
        change_id = _new_change_id()
        try:
            stored = {did.did: did for did in await self._store.load()}
            outcome = RerouteOutcome(route)
            targets: list[Did] = []
            for number in wanted:
                did = stored.get(number)
                if did is None:
                    raise _not_yours(number)
                if did.routing == route:
                    outcome.unchanged.append(did.did)
                    self._release([did.did])
                else:
                    targets.append(did)
            lists = await self._lookups.cached_routing_targets()
            change: dict[str, Any] = {"routing": route}
            self._show_optimistic([apply(d, change) for d in targets], Text(
                QT_TRANSLATE_NOOP("services", "routing to {target}"),
                target=describe(route, lists)))
            confirmed: list[Did] = []
            for did in targets:
                await self._log_pending(did, change, "setDIDRouting", change_id)
                try:
                    await self._api.set_did_routing(did.did, route)
                except UserFacingError as exc:
                    outcome.failed.append(Failure(did.did, exc.message))
                    await self._roll_back(did, change, "setDIDRouting", exc.message, change_id)
                else:
                    outcome.changed.append(did.did)
                    confirmed.append(await self._confirm(
                        did, apply(did, change), change, "setDIDRouting", change_id))
            outcome.changes = DidChangeSet(tuple(confirmed), change_id=change_id)
            if outcome.failed:
                raise UserFacingError(failure_text(outcome, lists), detail=str(outcome.failed))
            return outcome
        finally:
            self._release(wanted)

    async def preview_preset(self, preset: RoutingPreset) -> list[PlannedChange]:
        """The DIDs ``preset`` would reroute (those not already routed there)."""
        return plan(preset, await self.dids())

    async def apply_preset(self, preset: RoutingPreset) -> RerouteOutcome:
        dids = await self.dids()
        numbers = [change.did.did for change in plan(preset, dids)]
        if not numbers:
            return RerouteOutcome(preset.route, unchanged=[d.did for d in dids])
        return await self.reroute(numbers, preset.route)

    # --- full edit -----------------------------------------------------------------

    async def save_edit(self, number: str, edit: DidEdit) -> DidChangeSet:
        """Apply ``edit`` with the narrowest call; returns the confirmed row (empty set:
        nothing differed)."""
        problems = validate(edit)
        if problems:
            raise UserFacingError(Lines(problems, " "))
        if edit.forward_to_new:
            edit = await self._forwardings_for(edit)
        key = _key(number)
        self._reserve([key])
        try:
            current = await self._store.get(key)
            if current is None:
                raise _not_yours(number)
            changes = changed_fields(current, edit)
            method = choose_method(changes)
            if method is WriteMethod.NOTHING:
                return DidChangeSet()
            self._show_optimistic([apply(current, changes)],
                                  QT_TRANSLATE_NOOP("services", "your changes"))
            change_id = _new_change_id()
            await self._log_pending(current, changes, method.value, change_id)
            try:
                after = await self._write(current, changes, method)
            except UserFacingError as exc:
                await self._roll_back(current, changes, method.value, exc.message, change_id)
                raise UserFacingError(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "services",
                            "{number} was not changed: {message}",
                        ),
                        number=format_number(current.did), message=exc.message,
                    ),
                    detail=exc.detail,
                ) from exc
            confirmed = await self._confirm(current, after, changes, method.value, change_id)
            return DidChangeSet((confirmed,), change_id=change_id)
        finally:
            self._release([key])

    # --- undo --------------------------------------------------------------------

    async def undo(self, change_id: str) -> UndoOutcome:
        """Put back every number and field the change ``change_id`` set (issue #15.2).

        Each number's fields go back to the values the log recorded before that
        change: one read-modify-write each (``getDIDsInfo``, then ``setDIDInfo``
        with every field read, so nothing else on the number is touched). The undo
        is logged under a change id of its own (so it can be undone in turn). When
        some numbers are refused, the others are still restored and one
        ``UserFacingError`` says which were and which were not.
        """
        lines = [e for e in await self._store.changes_of(change_id) if e.ok]
        if not lines:
            raise UserFacingError(QT_TRANSLATE_NOOP(
                "services",
                "That change was never saved, so there is nothing to undo.",
            ))
        by_number: dict[str, list[ChangeLogEntry]] = {}
        for line in lines:
            by_number.setdefault(line.did, []).append(line)
        numbers = list(by_number)
        self._reserve(numbers)
        undo_id = _new_change_id()
        try:
            outcome = UndoOutcome()
            plans = await self._plan_undo(by_number, outcome)
            self._show_optimistic([apply(did, changes) for did, changes in plans],
                                  "undoing the change")
            confirmed: list[Did] = []
            for did, changes in plans:
                await self._log_pending(did, changes, WriteMethod.FULL.value, undo_id)
                try:
                    after = await self._write(did, changes, WriteMethod.FULL)
                except UserFacingError as exc:
                    outcome.failed.append(Failure(did.did, exc.message))
                    await self._roll_back(did, changes, WriteMethod.FULL.value, exc.message,
                                          undo_id)
                else:
                    outcome.restored.append(did.did)
                    confirmed.append(await self._confirm(did, after, changes,
                                                         WriteMethod.FULL.value, undo_id))
            outcome.changes = DidChangeSet(tuple(confirmed), change_id=undo_id)
            if outcome.failed:
                raise UserFacingError(outcome.message(), detail=str(outcome.failed))
            return outcome
        finally:
            self._release(numbers)

    async def undo_conflicts(self, change_id: str) -> list[str]:
        """Fields the change set that were changed again since, in words (empty: none).

        Undoing such a change puts the old value back over the later one: the view
        asks first, naming them.
        """
        lines = [e for e in await self._store.changes_of(change_id) if e.ok]
        stored = {did.did: did for did in await self._store.load()}
        out: list[str] = []
        lists = await self._lookups.cached_routing_targets()
        for line in lines:
            did = stored.get(line.did)
            if did is None:
                continue
            try:
                (name, new), = restore_values([(line.field, line.new)]).items()
            except ValueError:
                continue
            now = getattr(did, name)
            if now != new:
                shown = describe(now, lists) if isinstance(now, Route) else str(now)
                out.append(Text(QT_TRANSLATE_NOOP("services", "{number}: {field} is now {value}"),
                                number=format_number(did.did), field=line.field, value=shown))
        return out

    async def _plan_undo(self, by_number: Mapping[str, Sequence[ChangeLogEntry]],
                         outcome: UndoOutcome) -> list[tuple[Did, dict[str, Any]]]:
        """Per number, the fields that still differ from their value before the change."""
        stored = {did.did: did for did in await self._store.load()}
        plans: list[tuple[Did, dict[str, Any]]] = []
        for number, lines in by_number.items():
            did = stored.get(number)
            if did is None:
                outcome.failed.append(Failure(number, "no longer on your account."))
                self._release([number])
                continue
            try:
                wanted = restore_values((line.field, line.old) for line in lines)
            except ValueError as exc:
                log.warning("Change log line not undoable: %s", exc)
                outcome.failed.append(Failure(number, "this log line cannot be read back."))
                self._release([number])
                continue
            changes = {name: value for name, value in wanted.items()
                       if getattr(did, name) != value}
            if changes:
                plans.append((did, changes))
            else:
                outcome.unchanged.append(number)
                self._release([number])
        return plans

    async def _forwardings_for(self, edit: DidEdit) -> DidEdit:
        """``edit`` with each typed number turned into a ``fwd:`` route (#15.15).

        A forwarding to the same number is reused; otherwise one is created with
        ``setForwarding``. The forwardings list is then fetched again so the new
        one has its name everywhere (a failure there only leaves the id shown).
        """
        lists = await self._lookups.cached_routing_targets()
        known = list(lists.get(RouteKind.FORWARD, ()))
        routes: dict[str, Any] = {}
        created = False
        for name, typed in edit.forward_to_new:
            wanted = normalize(typed) or typed
            existing = next((t for t in known if _forwards_to(t, wanted)), None)
            if existing is not None:
                routes[name] = Route(RouteKind.FORWARD, existing.value)
                continue
            with explain_failure(
                QT_TRANSLATE_NOOP("services", "Could not set up forwarding to {number}: {message}"),
                number=format_number(wanted),
            ):
                forwarding = await self._api.create_forwarding(wanted)
            known.append(RoutingTarget(forwarding, f"{forwarding} - {wanted}"))
            routes[name] = Route(RouteKind.FORWARD, forwarding)
            created = True
        if created:
            try:
                await self._lookups.routing_targets(RouteKind.FORWARD, refresh=True)
            except UserFacingError as exc:
                log.warning("Forwardings not refreshed after creating one: %s", exc.message)
        return dataclasses.replace(edit, forward_to_new=(), **routes)

    async def _write(self, current: Did, changes: Mapping[str, Any],
                     method: WriteMethod) -> Did:
        """Send ``changes`` with ``method``; returns the row the provider now has."""
        if method is WriteMethod.ROUTING:
            await self._api.set_did_routing(current.did, changes["routing"])
        elif method is WriteMethod.POP:
            await self._api.set_did_pop(current.did, str(changes["pop"]))
        elif method is WriteMethod.VOICEMAIL:
            await self._api.set_did_voicemail(current.did, str(changes["voicemail"]))
        else:
            # Read-modify-write: the fresh DID carries every required field we did not
            # touch, and keeps what someone changed on the portal since we loaded.
            fresh = await self._api.get_did(current.did)
            if fresh is None:
                raise UserFacingError(QT_TRANSLATE_NOOP(
                    "services",
                    "This number is no longer on your account.",
                ))
            after = apply(fresh, changes)
            await self._api.set_did_info(after)
            return after
        return apply(current, changes)

    # --- bookkeeping ---------------------------------------------------------------

    def _shown(self, did: Did) -> Did:
        return self._inflight.get(did.did) or did

    def _reserve(self, numbers: Sequence[str]) -> None:
        """Claim ``numbers`` for one change, before the first await (no race between
        the check and the claim)."""
        busy = [n for n in numbers if n in self._inflight]
        if busy:
            shown = ", ".join(format_number(n) for n in busy)
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "A change to {shown} is still being saved; try again in a moment.",
                    ),
                    shown=shown,
                )
            )
        self._inflight.update(dict.fromkeys(numbers))

    def _release(self, numbers: Iterable[str]) -> None:
        # Normally done by _confirm / _roll_back; this covers errors and cancellation.
        for number in numbers:
            self._inflight.pop(number, None)

    def _show_optimistic(self, after: Sequence[Did], what: str) -> None:
        if not after:
            return
        for did in after:
            self._inflight[did.did] = did
        self.dids_changed.emit(DidChangeSet(tuple(after)))
        for did in after:
            self.pending_changed.emit(did.did, what)

    async def _confirm(self, before: Did, after: Did, changes: Mapping[str, Any],
                       method: str, change_id: str) -> Did:
        await self._store.put(after)
        await self._settle(before, changes, method, ok=True, reason="", change_id=change_id)
        self._inflight.pop(before.did, None)
        self.pending_changed.emit(before.did, "")
        self.dids_changed.emit(DidChangeSet((after,)))
        return after

    async def _roll_back(self, before: Did, changes: Mapping[str, Any], method: str,
                         reason: str, change_id: str) -> None:
        # The store never saw the refused change: its row is what to show again.
        truth = await self._store.get(before.did) or before
        self._inflight.pop(before.did, None)
        self.pending_changed.emit(before.did, "")
        self.dids_changed.emit(DidChangeSet((truth,)))
        await self._settle(before, changes, method, ok=False, reason=reason, change_id=change_id)

    async def _log(self, before: Did, changes: Mapping[str, Any], method: str, *, ok: bool,
                   reason: str, change_id: str, pending: bool = False) -> None:
        """The log lines of ``changes``, written and announced (``change_logged``)."""
        when = self._clock()
        entries = tuple(
            ChangeLogEntry(when, before.did, label, old, new, method, ok, reason, change_id,
                           pending)
            for label, old, new in describe_changes(before, changes)
        )
        try:
            await self._store.log_changes(entries)
        except Exception:  # the log is a convenience: never turn a saved change into an error
            log.exception("Could not write the numbers change log")
            return
        self.change_logged.emit(entries)

    async def _log_pending(self, before: Did, changes: Mapping[str, Any], method: str,
                           change_id: str) -> None:
        """Log ``changes`` before their call: a kill between the call and the answer
        leaves them in the log, settled by a later refresh (``_reconcile``)."""
        await self._log(before, changes, method, ok=False, reason="", change_id=change_id,
                        pending=True)

    async def _settle(self, before: Did, changes: Mapping[str, Any], method: str, *, ok: bool,
                      reason: str, change_id: str) -> None:
        """VoIP.ms answered: the change's pending lines get the outcome (written now
        if writing them before the call had failed)."""
        if await self._settle_lines(change_id, before.did, ok, reason) == []:
            await self._log(before, changes, method, ok=ok, reason=reason, change_id=change_id)

    async def _settle_lines(self, change_id: str, number: str, ok: bool,
                            reason: str) -> list[ChangeLogEntry] | None:
        """Settle and announce the pending lines of ``change_id`` for ``number``;
        ``None`` when the log could not be written (a convenience, as in ``_log``)."""
        try:
            settled = await self._store.settle_changes(change_id, number, ok, reason)
        except Exception:
            log.exception("Could not settle the numbers change log")
            return None
        if settled:
            self.change_logged.emit(tuple(settled))
        return settled

    async def _reconcile(self, fresh: Sequence[Did]) -> None:
        """Settle the lines no call of this run is waiting for: Switchboard was closed
        or killed between a change's call and VoIP.ms's answer. Whether it took is
        read from the numbers as VoIP.ms has them now."""
        try:
            pending = await self._store.pending_changes()
        except Exception:
            log.exception("Could not read the numbers change log")
            return
        waiting: dict[tuple[str, str], list[ChangeLogEntry]] = {}
        for line in pending:
            if line.did not in self._inflight:  # else: still on its way in this run
                waiting.setdefault((line.change_id, line.did), []).append(line)
        by_number = {did.did: did for did in fresh}
        for (change_id, number), lines in waiting.items():
            did = by_number.get(number)
            took = did is not None and all(_has_value(did, line) for line in lines)
            if await self._settle_lines(change_id, number, took,
                                        "" if took else INTERRUPTED) is None:
                return


#: Why a change cut off before VoIP.ms answered shows as not saved.
INTERRUPTED = QT_TRANSLATE_NOOP(
    "services",
    "Switchboard was closed before VoIP.ms answered, and the number does not have this "
    "setting now",
)


def _has_value(did: Did, line: ChangeLogEntry) -> bool:
    """Whether ``did`` has the value ``line`` set (a line not readable back: no)."""
    try:
        wanted = restore_values([(line.field, line.new)])
    except (ValueError, KeyError):
        return False
    return all(getattr(did, name, None) == value for name, value in wanted.items())


def _forwards_to(target: RoutingTarget, number: str) -> bool:
    """Whether the forwarding ``target`` ("<id> - <number> - <name>") rings ``number``."""
    parts = target.label.split(" - ")
    return any(normalize(part) == number for part in parts[1:2])


def _new_change_id() -> str:
    """Groups the log lines of one command (see ``ChangeLogEntry.change_id``)."""
    return uuid.uuid4().hex


def _not_yours(number: str) -> UserFacingError:
    return UserFacingError(Text(
        QT_TRANSLATE_NOOP(
            "services",
            "{number} is not one of your numbers (refresh?).",
        ),
        number=format_number(number),
    ))
