"""Does an answer have the shape the reference's sample output gives it?

The catalog (generated from the reference) knows, for each method, the top-level
keys of its sample output and whether each holds a list, an object or a plain
value. The app's tolerant parsers accept what live accounts are known to send
(numbers as strings, a one-row list as a bare object: API-NOTES.md), so those
are no problem here; anything else (a list where an object belongs, text where
rows belong, a key missing) is reported in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.domain.catalog import CATALOG

_SCALARS = (str, int, float, bool, type(None))


def _what(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if value is None:
        return "null"
    return f"a plain value ({type(value).__name__})"


def shape_problem(
    method: str, data: dict[str, Any], accepted: Sequence[str] = ()
) -> str | None:
    """What is wrong with ``data`` (a successful answer of ``method``), or ``None``.

    ``accepted``: the keys the app's parser takes the rows from, when it knows
    more than the reference (``timecondition`` or ``timeconditions``).
    """
    spec = CATALOG.get(method)
    if spec is None:
        return None
    data = dict(data)
    for key, kind in spec.output.items():
        alternative = next((k for k in accepted if k in data), None)
        if kind == "list" and key not in data and alternative is not None:
            data[key] = data[alternative]
    if spec.output and not any(key in data for key in spec.output):
        # Some keys are left out when they would be empty (getRegistrationStatus of
        # an unregistered phone has no ``registrations``): only none at all is wrong.
        return f"none of {', '.join(repr(k) for k in spec.output)} in the answer"
    problems: list[str] = []
    for key, kind in spec.output.items():
        if key not in data:
            continue
        value = data[key]
        if kind == "list":
            # A bare object standing for one row (or rows keyed "1", "2"...) is a
            # known live shape the parsers accept; text or a number is not.
            if not isinstance(value, (list, dict)):
                problems.append(f"'{key}' is {_what(value)} where a list belongs")
        elif kind == "object":
            if not isinstance(value, dict):
                problems.append(f"'{key}' is {_what(value)} where an object belongs")
        elif not isinstance(value, _SCALARS):
            problems.append(f"'{key}' is {_what(value)} where a plain value belongs")
    return "; ".join(problems) or None
