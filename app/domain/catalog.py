"""The VoIP.ms method catalog: every method, its parameters and status codes.

``catalog.json`` beside this module is generated from the official reference by
``tools/gen_catalog.py`` (re-run it when the reference changes). It is the ONE
copy of the reference's method table: the api client validates calls against
it (``app.api.catalog``) and the sandbox answers unmodelled methods from it.
It lives in ``domain`` because that is the only layer both may import (the
sandbox must not depend on ``api``).

Reading it is the one file read in this layer: it is read-only data shipped
with the package, loaded once on first use so importing stays cheap.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.catalog_live import LIVE_EXTRAS

CATALOG_PATH = Path(__file__).with_name("catalog.json")

#: Sent with every call by the client; never listed per method.
IMPLICIT_PARAMS = frozenset({"api_username", "api_password", "method"})


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter of an API method, as the reference lists it."""
    name: str
    required: bool
    description: str


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """One API method of the reference: what it takes and returns."""
    name: str
    description: str
    category: str
    params: Mapping[str, ParamSpec]
    #: Top-level keys of the reference's sample output: "list" | "object" | "value".
    output: Mapping[str, str] = field(default_factory=dict)
    #: The reference says the method only accepts POST (addLNPFile).
    post_only: bool = False

    @property
    def required(self) -> frozenset[str]:
        return frozenset(name for name, spec in self.params.items() if spec.required)

    @property
    def list_keys(self) -> tuple[str, ...]:
        """Keys under which a successful answer carries a list (``sms``, ``dids``...)."""
        return tuple(key for key, kind in self.output.items() if kind == "list")


@cache
def _load() -> tuple[dict[str, MethodSpec], dict[str, str]]:
    data: dict[str, Any] = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    methods: dict[str, MethodSpec] = {}
    for name, entry in data["methods"].items():
        params = {
            pname: ParamSpec(pname, bool(p["required"]), str(p["description"]))
            for pname, p in entry["params"].items()
        }
        for pname, source in LIVE_EXTRAS.get(name, {}).items():
            params.setdefault(pname, ParamSpec(pname, False, f"Live extra (seen in: {source})."))
        methods[name] = MethodSpec(
            name=name,
            description=str(entry["description"]),
            category=str(entry["category"]),
            params=params,
            output=dict(entry.get("output", {})),
            post_only=bool(entry.get("post_only", False)),
        )
    return methods, dict(data["status_codes"])


class _LazyMapping(Mapping[str, Any]):
    """A read-only mapping that loads ``catalog.json`` on first access."""

    def __init__(self, part: int) -> None:
        self._part = part

    def _data(self) -> Mapping[str, Any]:
        return _load()[self._part]

    def __getitem__(self, key: str) -> Any:
        return self._data()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data())

    def __len__(self) -> int:
        return len(self._data())

    def __repr__(self) -> str:
        return f"<{'CATALOG' if self._part == 0 else 'STATUS_CODES'}: {len(self)} entries>"


#: Method name -> spec, for every method of the reference.
CATALOG: Mapping[str, MethodSpec] = _LazyMapping(0)
#: Status code -> the reference's explanation (see ``app.api.errors.message_for``
#: for the sentence shown to users).
STATUS_CODES: Mapping[str, str] = _LazyMapping(1)
