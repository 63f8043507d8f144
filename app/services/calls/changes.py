"""What the calls service tells its views: change sets and a sync's outcome.

The store is the only copy of the history. Each sync and command returns a
``CallChanges`` (and the service announces the same object through
``CallsService.changed``): rows added or changed as they are stored now, and
the unseen missed-call count when it may have changed. A view inserts the
rows its filter selects (``CallFilter.matches``) instead of reading again.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.models.calls import CallRow


@dataclass(frozen=True, slots=True)
class CallChanges:
    """``upserted``: calls new or changed (recording, seen, name), newest first.
    ``unseen``: the unseen missed-call count after the change, ``None`` when unchanged."""

    upserted: tuple[CallRow, ...] = ()
    unseen: int | None = None
    #: Too many calls changed to list them (a first sync's year of history): a view
    #: reads what it shows again instead of merging rows.
    bulk: bool = False

    @property
    def empty(self) -> bool:
        return not self.upserted and self.unseen is None and not self.bulk


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one history sync fetched and changed."""

    fetched: int
    new_missed: tuple[CallRow, ...]
    changes: CallChanges
