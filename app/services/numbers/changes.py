"""What the Numbers service returns and announces: change sets and read models.

The store is the truth about the DIDs; a command or a refresh returns (and
``NumbersService.dids_changed`` announces) a ``DidChangeSet`` with the rows as
now shown, so a view applies what changed instead of reading everything again.
A reroute answers a ``RerouteOutcome`` (which numbers moved, which were refused
and why) holding the change set of the confirmed rows. ``RoutingChoices`` is
what a DID can be routed to, as the lookup cache has it.

The stored change log's row, ``ChangeLogEntry``, is a domain model
(``app.domain.models.numbers``): the service writes it, the store keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.models.numbers import Did, RoutingTarget, Server
from app.domain.phone import format_number
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import TargetLists, describe
from app.domain.words import QT_TRANSLATE_NOOP, Lines, Text, Verbatim


@dataclass(frozen=True, slots=True)
class DidChangeSet:
    """What a command or a refresh changed: the DIDs' new rows, and numbers that went away.

    The view applies it as is (no re-query). Applying one twice changes nothing, so
    a view may apply both the set a command returns and the one the service
    announces for the same change.
    """

    changed: tuple[Did, ...] = ()
    removed: tuple[str, ...] = ()
    #: The change log's id of the command that made this set (``NumbersService.undo``
    #: takes it); empty for a refresh or an optimistic row. Not part of equality:
    #: two sets with the same rows change a view the same way.
    change_id: str = field(default="", compare=False)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed)

    def did(self, number: str) -> Did | None:
        """The new row of ``number`` in this set, if it is one of the changed."""
        return next((d for d in self.changed if d.did == number), None)


@dataclass(frozen=True, slots=True)
class RoutingChoices:
    """What a DID can be routed to and registered on, as the lookup cache has it.

    ``problems`` says why some list could not be refreshed (its names then fall
    back to ids, or to the older copy).
    """

    lists: Mapping[RouteKind, Sequence[RoutingTarget]] = field(default_factory=dict)
    servers: tuple[Server, ...] = ()
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """A number whose change the provider refused, and why."""

    did: str
    reason: str


@dataclass(slots=True)
class RerouteOutcome:
    """What a (bulk) reroute did: numbers moved, and the refusals with reasons.

    ``changes`` holds the confirmed rows (the view applies it as is).
    """

    route: Route
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    changes: DidChangeSet = field(default_factory=DidChangeSet)

    @property
    def change_id(self) -> str:
        """What ``NumbersService.undo`` takes to put these numbers back."""
        return self.changes.change_id

    def message(self, lists: TargetLists) -> str:
        target = describe(self.route, lists)
        if self.changed:
            count = len(self.changed)
            if count == 1:
                # "(617) 555-0100 now goes to ...": not "1 number now go to ..." (#15.14).
                return Text(QT_TRANSLATE_NOOP("services", "{number} now goes to {target}."),
                            number=format_number(self.changed[0]), target=target)
            return Text(QT_TRANSLATE_NOOP("services", "{count} numbers now go to {target}."),
                        count=count, target=target)
        if self.unchanged and not self.failed:
            return Text(QT_TRANSLATE_NOOP("services",
                "Already routed to {target}; nothing to change."),
                        target=target)
        return ""


def failure_text(outcome: RerouteOutcome, lists: TargetLists) -> str:
    """One message for every refusal of a reroute: how many, which, and why."""
    target = describe(outcome.route, lists)
    # Texts with their values (app/domain/words.py): the UI translates them.
    lines = [Text(QT_TRANSLATE_NOOP("services", "{number}: {reason}"),
                  number=format_number(f.did), reason=f.reason) for f in outcome.failed]
    attempted = len(outcome.failed) + len(outcome.changed)
    head = (
        Text(QT_TRANSLATE_NOOP("services",
            "{failed} of {attempted} numbers could not be routed to {target}"),
             failed=len(outcome.failed), attempted=attempted, target=target)
        if attempted > 1
        else Text(QT_TRANSLATE_NOOP("services", "{number} could not be routed to {target}"),
                  number=format_number(outcome.failed[0].did), target=target)
    )
    if len(lines) == 1 and not outcome.changed:
        return Text(QT_TRANSLATE_NOOP("services", "{head}: {reason}"),
                    head=head, reason=outcome.failed[0].reason)
    return Text(QT_TRANSLATE_NOOP("services", "{head}:\n{lines}"),
                head=head, lines=Lines(lines))


@dataclass(slots=True)
class UndoOutcome:
    """What an undo did: numbers restored, already as they were, or refused (with why).

    ``changes`` holds the restored rows and the undo's own change id (an undo is a
    change like any other: logged, and undoable).
    """

    restored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    changes: DidChangeSet = field(default_factory=DidChangeSet)

    @property
    def change_id(self) -> str:
        return self.changes.change_id

    def message(self) -> str:
        """The words for the status bar, or for the one error when some failed.

        ``Text``s with their values (app/domain/words.py): the UI translates them.
        """
        parts: list[str] = []
        if self.restored:
            parts.append(Text(
                QT_TRANSLATE_NOOP("services", "Undone: {numbers} is routed as before.")
                if len(self.restored) == 1 else
                QT_TRANSLATE_NOOP("services", "Undone: {numbers} are routed as before."),
                numbers=_numbers(self.restored)))
        if self.unchanged and not self.restored and not self.failed:
            parts.append(Text(
                QT_TRANSLATE_NOOP("services", "{numbers} already was as before the change.")
                if len(self.unchanged) == 1 else
                QT_TRANSLATE_NOOP("services", "{numbers} already were as before the change."),
                numbers=_numbers(self.unchanged)))
        if self.failed:
            if self.restored:
                parts.append(QT_TRANSLATE_NOOP("services", "Not restored:"))
            else:
                parts.append(QT_TRANSLATE_NOOP("services", "Could not undo the change:"))
            parts.append(Lines([Text(QT_TRANSLATE_NOOP("services", "{number}: {reason}"),
                                     number=format_number(f.did), reason=f.reason)
                                for f in self.failed]))
        return Lines(parts, "\n" if self.failed else " ")


def _numbers(numbers: Sequence[str]) -> str:
    shown = [format_number(n) for n in numbers]
    if len(shown) <= 3:
        return Verbatim(", ".join(shown))
    return Text(QT_TRANSLATE_NOOP("services", "{count} numbers"), count=len(shown))
