"""What a full edit of a DID changes, and which API call can carry it.

``setDIDInfo`` needs routing, pop, dialtime, cnam and billing_type on every
call (API-NOTES.md), so a general edit is read-modify-write: fetch the DID
fresh, apply only the fields the user touched, write everything back. When the
user changed nothing but the POP, the mailbox or the main routing, the narrow
call (``setDIDPOP``, ``setDIDVoicemail``, ``setDIDRouting``) is enough and
cannot clobber a field someone else changed on the portal meanwhile.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.models.numbers import Did
from app.domain.phone import is_valid_nanp, normalize
from app.domain.routing import Route
from app.domain.words import QT_TRANSLATE_NOOP, Text

#: Fields of ``Did`` a full edit may change. ``description`` is not among them:
#: setDIDInfo has no such parameter (the portal sets it from the rate centre).
EDITABLE_FIELDS: tuple[str, ...] = (
    "routing",
    "failover_busy",
    "failover_unreachable",
    "failover_noanswer",
    "pop",
    "voicemail",
    "dialtime",
    "cnam",
    "callerid_prefix",
    "note",
)

#: Words for the change log and messages.
FIELD_LABELS: dict[str, str] = {
    "routing": QT_TRANSLATE_NOOP("services", "routing"),
    "failover_busy": QT_TRANSLATE_NOOP("services", "busy failover"),
    "failover_unreachable": QT_TRANSLATE_NOOP("services", "unreachable failover"),
    "failover_noanswer": QT_TRANSLATE_NOOP("services", "no-answer failover"),
    "pop": QT_TRANSLATE_NOOP("services", "POP"),
    "voicemail": QT_TRANSLATE_NOOP("services", "voicemail box"),
    "dialtime": QT_TRANSLATE_NOOP("services", "dial time"),
    "cnam": QT_TRANSLATE_NOOP("services", "CNAM"),
    "callerid_prefix": QT_TRANSLATE_NOOP("services", "caller-ID prefix"),
    "note": QT_TRANSLATE_NOOP("services", "note"),
}

# Limits the reference states ("should be less than 50 / 20 chars" for
# invalid_note / invalid_calleridprefix); checked before sending so the user gets
# the reason next to the field, not a status code.
NOTE_MAX = 49
CALLERID_PREFIX_MAX = 19
DIALTIME_RANGE = (1, 600)


class WriteMethod(StrEnum):
    NOTHING = "nothing"
    ROUTING = "setDIDRouting"
    POP = "setDIDPOP"
    VOICEMAIL = "setDIDVoicemail"
    FULL = "setDIDInfo"


@dataclass(frozen=True, slots=True)
class DidEdit:
    """The user's new values for the editable fields (``None`` = not touched)."""

    routing: Route | None = None
    failover_busy: Route | None = None
    failover_unreachable: Route | None = None
    failover_noanswer: Route | None = None
    pop: str | None = None
    voicemail: str | None = None
    dialtime: int | None = None
    cnam: bool | None = None
    callerid_prefix: str | None = None
    note: str | None = None
    #: ``(field, phone number)``: route ``field`` to a forwarding to a number the user
    #: typed (#15.15); the service creates the forwarding (``setForwarding``) first.
    forward_to_new: tuple[tuple[str, str], ...] = ()

    def values(self) -> dict[str, Any]:
        return {
            name: getattr(self, name)
            for name in EDITABLE_FIELDS
            if getattr(self, name) is not None
        }


def changed_fields(current: Did, edit: DidEdit) -> dict[str, Any]:
    """The touched fields whose value differs from ``current``."""
    return {
        name: value
        for name, value in edit.values().items()
        if getattr(current, name) != value
    }


def validate(edit: DidEdit) -> list[str]:
    """Problems in words; empty when the edit may be sent."""
    problems: list[str] = []
    if edit.note is not None and len(edit.note) > NOTE_MAX:
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "The note can be at most {count} characters."), count=NOTE_MAX))
    if edit.callerid_prefix is not None and len(edit.callerid_prefix) > CALLERID_PREFIX_MAX:
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "The caller-ID prefix can be at most {count} characters."),
            count=CALLERID_PREFIX_MAX))
    if edit.dialtime is not None and not (DIALTIME_RANGE[0] <= edit.dialtime <= DIALTIME_RANGE[1]):
        low, high = DIALTIME_RANGE
        problems.append(Text(QT_TRANSLATE_NOOP(
            "services", "The dial time must be between {low} and {high} seconds."),
            low=low, high=high))
    typed = dict(edit.forward_to_new)
    for name in ("routing", "failover_busy", "failover_unreachable", "failover_noanswer"):
        route = getattr(edit, name)
        if name in typed:
            problem = phone_number_problem(typed[name])
            if problem:
                problems.append(problem)
        elif isinstance(route, Route) and route.kind.value != "none" and not route.value:
            problems.append(Text(QT_TRANSLATE_NOOP(
                "services", "Choose a target for the {field}."), field=FIELD_LABELS[name]))
    return problems


def phone_number_problem(text: str) -> str:
    """Why ``text`` cannot be forwarded to, or "" (a North American number, or an
    international one written with its country code)."""
    digits = normalize(text)
    shown = text.strip() or "(nothing)"
    if text.strip().startswith("+") and not text.strip().startswith("+1"):
        ok = 8 <= len(digits) <= 15
    else:
        ok = is_valid_nanp(digits)
    if ok:
        return ""
    return (f"“{shown}” is not a phone number calls can be forwarded to: type the 10 digits, "
            "e.g. (514) 555-0123, or + and the country code for a number abroad.")


#: Below this a phone barely rings before "If no answer" takes over (one ring
#: cycle is about 6 s in North America). Allowed, but never without a word.
RING_TIME_SHORT = 10


def ring_time_warning(seconds: int) -> str:
    """A word about a ring time too short for anyone to answer, or ""."""
    if seconds >= RING_TIME_SHORT:
        return ""
    unit = "second" if seconds == 1 else "seconds"
    return (f"{seconds} {unit} is too short for anyone to answer: callers go to "
            f"“If no answer” before the phone rings even twice (one ring takes about 6 s). "
            f"{RING_TIME_SHORT} seconds or more is usual.")


def choose_method(changes: Mapping[str, Any]) -> WriteMethod:
    """The narrowest call that carries ``changes``."""
    keys = set(changes)
    if not keys:
        return WriteMethod.NOTHING
    if keys == {"routing"}:
        return WriteMethod.ROUTING
    if keys == {"pop"}:
        return WriteMethod.POP
    if keys == {"voicemail"}:
        return WriteMethod.VOICEMAIL
    return WriteMethod.FULL


def apply(did: Did, changes: Mapping[str, Any]) -> Did:
    """``did`` with ``changes`` applied (other fields - and ``raw`` - untouched)."""
    return dataclasses.replace(did, **dict(changes))


def describe_changes(before: Did, changes: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """``(field label, old, new)`` for the change log; routes as API strings."""
    out: list[tuple[str, str, str]] = []
    for name, new in changes.items():
        old = getattr(before, name)
        out.append((FIELD_LABELS.get(name, name), _as_text(old), _as_text(new)))
    return out


def _as_text(value: Any) -> str:
    if isinstance(value, Route):
        return value.to_api()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


#: The change log keeps a field by its label; undo needs the field back.
FIELD_NAMES: dict[str, str] = {label: name for name, label in FIELD_LABELS.items()}
_ROUTE_NAMES = frozenset(("routing", "failover_busy", "failover_unreachable",
                          "failover_noanswer"))


def restore_values(entries: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """``(field label, old text)`` lines of the change log -> the fields to write back.

    The inverse of ``describe_changes``: an undo writes each field's old value. A
    line whose field or value cannot be read back raises ``ValueError`` (a log
    written by another version): nothing is guessed.
    """
    out: dict[str, Any] = {}
    for label, text in entries:
        name = FIELD_NAMES.get(label)
        if name is None:
            raise ValueError(f"unknown field in the change log: {label!r}")
        if name in _ROUTE_NAMES:
            out[name] = Route.parse(text)
        elif name == "dialtime":
            out[name] = int(text)
        elif name == "cnam":
            out[name] = {"yes": True, "no": False}[text]
        else:
            out[name] = text
    return out
