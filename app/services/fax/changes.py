"""What the fax service tells its views: change sets and the unread state.

The store is the only copy of the faxes. Every command and every sync returns a
``FaxChanges`` saying what it changed there (and the service announces the same
object through ``FaxService.changed``), so a view updates the rows it shows
instead of reading its folder again.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field

from app.domain.models.fax import FaxFolder, FaxMessage
from app.services.fax.rules import is_inbound


@dataclass(frozen=True, slots=True)
class UnreadState:
    """Inbound faxes not opened yet: their ids and how many each folder holds.

    The API has no "read" flag for faxes; which ones were opened is kept in the
    store (``fax.seen``) and this is computed from it, never kept in memory.
    """

    ids: frozenset[int] = frozenset()
    by_folder: Mapping[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, stored: Iterable[FaxMessage], seen: Collection[int]) -> UnreadState:
        ids: set[int] = set()
        by_folder: dict[str, int] = {}
        for fax in stored:
            if is_inbound(fax) and fax.id not in seen:
                ids.add(fax.id)
                by_folder[fax.folder] = by_folder.get(fax.folder, 0) + 1
        return cls(frozenset(ids), by_folder)


@dataclass(frozen=True, slots=True)
class FaxChanges:
    """What one command or sync changed in the store.

    ``upserted``: faxes added or changed, as they are stored now (a moved fax
    carries its new folder). ``removed``: ids no longer stored. ``folders``: the
    whole folder list when it changed, else ``None``. ``unread``: the unread
    state after the change when it may have changed, else ``None``. ``folder``:
    the folder a folder command created or renamed (what the view opens next).
    """

    upserted: tuple[FaxMessage, ...] = ()
    removed: frozenset[int] = frozenset()
    folders: tuple[FaxFolder, ...] | None = None
    unread: UnreadState | None = None
    folder: FaxFolder | None = None
    #: The phonebook's names (normalised number -> name) to label senders and
    #: recipients with, as every other tab does; ``None``: unchanged.
    names: Mapping[str, str] | None = None

    @property
    def empty(self) -> bool:
        return not (self.upserted or self.removed or self.folders is not None
                    or self.unread is not None or self.names is not None)

    def applied_to(
        self, rows: Iterable[FaxMessage], keep: Callable[[FaxMessage], bool]
    ) -> list[FaxMessage]:
        """``rows`` (what a view shows) with these changes applied.

        ``keep`` says which faxes belong in the view (its folder and period): an
        upserted fax that no longer does (moved away) leaves it, one that now
        does (new, moved in) joins it.
        """
        fresh = {f.id: f for f in self.upserted}
        result: list[FaxMessage] = []
        for fax in rows:
            current = fresh.pop(fax.id, fax)
            if fax.id not in self.removed and keep(current):
                result.append(current)
        result.extend(f for f in fresh.values() if f.id not in self.removed and keep(f))
        return result


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one fax refresh found (``changes`` is what it changed in the store)."""

    folders: list[FaxFolder]
    fetched: int
    new_inbound: list[FaxMessage]
    removed: int
    changes: FaxChanges = FaxChanges()
