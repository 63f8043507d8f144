"""Small conversions between Python values and SQLite columns, shared by repositories."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def to_epoch(moment: datetime) -> int:
    """Aware datetime -> epoch seconds. A naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def from_epoch(seconds: int | float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def opt_to_epoch(moment: datetime | None) -> int | None:
    return None if moment is None else to_epoch(moment)


def opt_from_epoch(seconds: int | float | None) -> datetime | None:
    return None if seconds is None else from_epoch(seconds)


#: Rows freed per step by ``drop_in_slices``: ~0.5 ms of work each.
DROP_SLICE = 2000


def drop_in_slices(rows: list[Any]) -> None:
    """Empty a big list a slice at a time (on the database thread).

    Freeing 100,000 rows is one C call when the list dies at once: ~15 ms with the
    GIL held, a stall of the window (issue #18's calls sync). Between slices the GUI
    thread can take the GIL.
    """
    while rows:
        del rows[-DROP_SLICE:]


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None, default: Any = None) -> Any:
    if not text:
        return default
    return json.loads(text)


@dataclass(slots=True)
class ReplaceResult(Generic[T]):
    """What replacing a folder's rows with the provider's list changed."""

    inserted: list[T] = field(default_factory=list)
    removed: list[T] = field(default_factory=list)
    #: New values of rows whose content differs from the stored copy.
    changed: list[T] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.inserted or self.removed or self.changed)
