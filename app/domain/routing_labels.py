"""Routing targets in words: ``fwd:1521`` -> ``"Forward to (555) 333-4444"``.

Pure functions: the caller hands in the routing-target lists it has cached
(sub-accounts, forwardings, mailboxes, ...), so the same text appears in the
DID table, the routing editor and the confirmation of a preset. A value that is
not in its list (list not loaded yet, target deleted on the portal) still reads
sensibly ("Forward to #1521") instead of disappearing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.domain.models.numbers import RoutingTarget
from app.domain.phone import format_number
from app.domain.routing import (
    ROUTE_KIND_LABELS,
    SYSTEM_TARGETS,
    Route,
    RouteKind,
    is_main_account,
)
from app.domain.words import QT_TRANSLATE_NOOP, LowerFirst, Text, Verbatim

#: The target lists by kind, as the lookup service caches them.
TargetLists = Mapping[RouteKind, Sequence[RoutingTarget]]

# ``sys:`` options the reference lists for setDIDInfo besides the shared four
# in ``routing.SYSTEM_TARGETS`` (kept here so the editor can offer all of them).
EXTRA_SYSTEM_TARGETS: dict[str, str] = {
    "dtmf": QT_TRANSLATE_NOOP("services", "DTMF test"),
    "echo": QT_TRANSLATE_NOOP("services", "Sound quality test"),
}

#: The kinds whose value is an id from a list; sys/none are fixed.
LISTED_KINDS: tuple[RouteKind, ...] = (
    RouteKind.ACCOUNT,
    RouteKind.FORWARD,
    RouteKind.VOICEMAIL,
    RouteKind.SIP,
    RouteKind.RING_GROUP,
    RouteKind.IVR,
    RouteKind.QUEUE,
    RouteKind.CALLBACK,
    RouteKind.TIME_CONDITION,
    RouteKind.DISA,
    RouteKind.RECORDING,
)

#: Order of the type chooser: the everyday kinds first.
EDITOR_KINDS: tuple[RouteKind, ...] = (*LISTED_KINDS, RouteKind.SYSTEM, RouteKind.NONE)

_PHONE_LIKE = re.compile(r"^\+?1?\d{10}$")


def system_targets() -> list[RoutingTarget]:
    """Every fixed ``sys:`` option, hang up first (the most common)."""
    merged = {**SYSTEM_TARGETS, **EXTRA_SYSTEM_TARGETS}
    return [RoutingTarget(value, label) for value, label in merged.items()]


def targets_for(kind: RouteKind, lists: TargetLists) -> list[RoutingTarget]:
    """The choices for ``kind``: the cached list, or the fixed options for ``sys``."""
    if kind is RouteKind.SYSTEM:
        return system_targets()
    if kind is RouteKind.NONE:
        return []
    return list(lists.get(kind, ()))


def find_target(route: Route, lists: TargetLists) -> RoutingTarget | None:
    """The list entry ``route`` points at, or ``None`` when it is not (or no longer) listed."""
    for target in targets_for(route.kind, lists):
        if target.value == route.value:
            return target
    return None


def target_text(kind: RouteKind, target: RoutingTarget) -> str:
    """How one entry of a target list reads after its kind's label.

    Forwardings are phone numbers, so they are formatted; mailboxes show the
    number and the name ("1001 - Front desk") because people know both.
    """
    label = target.label.strip()
    # The api labels entries "<id> - <name>"; an id like 4768 means nothing to a
    # person, so it is dropped except where people use it (mailbox, account name).
    name = label.removeprefix(f"{target.value} - ").strip() if target.value else label
    if name == target.value:
        name = ""
    # Outside text (the account's own names) is ``Verbatim``: never translated; the
    # fixed ``sys:`` options are marked words the UI translates.
    if kind is RouteKind.VOICEMAIL:
        return Verbatim(f"{target.value} - {name}" if name else target.value)
    if kind is RouteKind.ACCOUNT:
        if is_main_account(target.value) and not name:
            return Text(QT_TRANSLATE_NOOP("services", "{account} (main account)"),
                        account=Verbatim(target.value))
        # Name first, as the Phones and Calls tabs name a phone ("Front desk phone");
        # the id, which the portal shows, after it.
        return Verbatim(f"{name} ({target.value})" if name else target.value)
    if kind is RouteKind.FORWARD:
        number, _, rest = name.partition(" - ")
        if _PHONE_LIKE.match(number):
            return Verbatim(f"{format_number(number)} ({rest})" if rest else format_number(number))
    if kind is RouteKind.SYSTEM:
        return name or target.value
    return Verbatim(name or target.value)


def describe(route: Route, lists: TargetLists | None = None) -> str:
    """A routing value in words, e.g. ``"Voicemail 1001 - Front desk"``."""
    lists = lists or {}
    kind = route.kind
    if kind is RouteKind.NONE:
        return QT_TRANSLATE_NOOP("services", "No action")
    # The sentences are ``Text``s (app/domain/words.py): the UI translates the
    # template and the kind's label, and keeps the target as it is.
    if kind is RouteKind.SYSTEM:
        merged = {**SYSTEM_TARGETS, **EXTRA_SYSTEM_TARGETS}
        if route.value in merged:
            return Text(QT_TRANSLATE_NOOP("services", "System: {action}"),
                        action=LowerFirst(merged[route.value]))
        return Text(QT_TRANSLATE_NOOP("services", "System: {action}"),
                    action=route.value or QT_TRANSLATE_NOOP("services", "(not set)"))
    kind_label = ROUTE_KIND_LABELS[kind]
    target = find_target(route, lists)
    if target is None and kind is RouteKind.ACCOUNT and is_main_account(route.value):
        # The main account is in no provider list (``routing.main_account``): the
        # same words whether or not a caller added it to its choices.
        target = RoutingTarget(route.value, route.value)
    if target is not None:
        shown = target_text(kind, target)  # a Text is translated where shown, not Verbatim
        return Text(QT_TRANSLATE_NOOP("services", "{kind} {target}"), kind=kind_label,
                    target=shown if isinstance(shown, Text) else Verbatim(shown))
    if not route.value:
        return Text(QT_TRANSLATE_NOOP("services", "{kind} (not set)"), kind=kind_label)
    if kind is RouteKind.FORWARD and _PHONE_LIKE.match(route.value):
        return Text(QT_TRANSLATE_NOOP("services", "{kind} {target}"),
                    kind=kind_label, target=Verbatim(format_number(route.value)))
    if kind in (RouteKind.ACCOUNT, RouteKind.SIP, RouteKind.VOICEMAIL):
        # These values are meaningful on their own (account name, URI, mailbox).
        return Text(QT_TRANSLATE_NOOP("services", "{kind} {target}"),
                    kind=kind_label, target=Verbatim(route.value))
    return Text(QT_TRANSLATE_NOOP("services", "{kind} #{target}"),
                kind=kind_label, target=Verbatim(route.value))


def describe_raw(text: str | None, lists: TargetLists | None = None) -> str:
    """Like :func:`describe` for a raw API string; an unknown header is shown as is."""
    try:
        route = Route.parse(text)
    except ValueError:
        return Text(QT_TRANSLATE_NOOP("services", "Unknown routing: {text}"),
                    text=Verbatim(text or ""))
    return describe(route, lists)
