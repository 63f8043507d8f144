"""Saved routing presets: "After hours: all to voicemail 1001" in one click.

A preset is a main-routing target plus the DIDs it applies to (none listed
means every DID of the account). Applying it first computes the *plan* - the
DIDs whose routing would actually change - so the user confirms a concrete list
and DIDs already routed there cost no API call.

Presets are preferences, not provider data, so they live in the settings file
(under ``numbers_presets``; ``Settings`` keeps keys it does not know and writes
them back) instead of the cache database that may be rebuilt at any time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.config.settings import Settings
from app.domain.models.numbers import Did
from app.domain.routing import Route, RoutingParseError

SETTINGS_KEY = "numbers_presets"


@dataclass(frozen=True, slots=True)
class RoutingPreset:
    """A saved reroute (“After hours”): where the calls of which numbers go."""
    name: str
    route: Route
    #: Normalised DIDs the preset applies to; empty means all of them.
    dids: tuple[str, ...] = ()

    def applies_to(self, did: str) -> bool:
        return not self.dids or did in self.dids

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "routing": self.route.to_api(), "dids": list(self.dids)}

    @classmethod
    def from_json(cls, data: Any) -> RoutingPreset | None:
        """``None`` for an entry that does not parse (hand-edited file): skip, never crash."""
        if not isinstance(data, dict):
            return None
        name = data.get("name")
        routing = data.get("routing")
        dids = data.get("dids", [])
        if not isinstance(name, str) or not name.strip() or not isinstance(routing, str):
            return None
        if not isinstance(dids, list) or not all(isinstance(d, str) for d in dids):
            return None
        try:
            route = Route.parse(routing)
        except RoutingParseError:
            return None
        return cls(name.strip(), route, tuple(dids))


@dataclass(frozen=True, slots=True)
class PlannedChange:
    """One DID a preset would reroute: where it goes now and where it will go."""

    did: Did
    new_route: Route


def plan(preset: RoutingPreset, dids: Iterable[Did]) -> list[PlannedChange]:
    """The DIDs ``preset`` changes: those it applies to, not already routed there."""
    return [
        PlannedChange(did, preset.route)
        for did in dids
        if preset.applies_to(did.did) and did.routing != preset.route
    ]


class PresetStore:
    """Reads and writes the presets list in the settings file."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    def all(self) -> list[RoutingPreset]:
        raw = self._settings.extra.get(SETTINGS_KEY, [])
        if not isinstance(raw, list):
            return []
        presets = (RoutingPreset.from_json(item) for item in raw)
        return [preset for preset in presets if preset is not None]

    def save(self, preset: RoutingPreset) -> list[RoutingPreset]:
        """Add ``preset``, replacing one with the same name (names are what users see)."""
        presets = [p for p in self.all() if p.name.casefold() != preset.name.casefold()]
        presets.append(preset)
        self._write(presets)
        return presets

    def delete(self, name: str) -> list[RoutingPreset]:
        presets = [p for p in self.all() if p.name.casefold() != name.casefold()]
        self._write(presets)
        return presets

    def _write(self, presets: Sequence[RoutingPreset]) -> None:
        self._settings.extra[SETTINGS_KEY] = [p.to_json() for p in presets]
        self._settings.save()
