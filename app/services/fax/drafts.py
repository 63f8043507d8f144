"""The fax being composed, kept in the store while the user types (issue #13 point 2).

One draft at a time (there is one compose dialog): every field the dialog has
and the paths of the attached files. It is saved (debounced) as the user types
and when the dialog closes, so a closed window or a crash loses at most the
last second of typing; it is cleared when the fax is sent or discarded.

Stored as JSON under one key of the store's small key/value table (``SyncState``),
read back tolerantly: a value this version cannot read is logged and ignored,
never a reason the dialog does not open.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from typing import Any

from app.services.fax.ports import KeyValueStore

log = logging.getLogger(__name__)

DRAFT_KEY = "fax.compose_draft"


@dataclass(frozen=True, slots=True)
class FaxDraft:
    """What the compose dialog holds; strings as typed (not validated yet)."""
    to_number: str = ""
    from_number: str = ""
    sender_name: str = ""
    station_id: str = ""
    email_copy: bool = False
    email: str = ""
    typed_text: str = ""
    cover: bool = False
    cover_to: str = ""
    cover_subject: str = ""
    cover_note: str = ""
    #: Attached files, in sending order (absolute paths).
    files: tuple[str, ...] = ()

    def has_content(self) -> bool:
        """Whether there is anything worth keeping (the sender's own details are not)."""
        return bool(
            self.to_number.strip() or self.typed_text.strip() or self.files
            or self.cover_to.strip() or self.cover_subject.strip() or self.cover_note.strip()
        )

    def to_json(self) -> str:
        data = asdict(self)
        data["files"] = list(self.files)
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> FaxDraft | None:
        """The draft in ``text``; None (logged) when it is not one."""
        try:
            data: Any = json.loads(text)
        except ValueError as exc:
            log.warning("The saved fax draft could not be read (%s); it is ignored.", exc)
            return None
        if not isinstance(data, dict):
            log.warning("The saved fax draft is not a draft; it is ignored.")
            return None
        values: dict[str, Any] = {}
        for field in fields(cls):
            value = data.get(field.name)
            if field.name == "files":
                if isinstance(value, list):
                    values["files"] = tuple(str(v) for v in value if isinstance(v, str))
            elif field.type in ("bool", bool):
                values[field.name] = value is True
            elif isinstance(value, str):
                values[field.name] = value
        return cls(**values)


class FaxDrafts:
    """Reads and writes the one fax draft (the fax service's ``drafts``)."""

    def __init__(self, state: KeyValueStore) -> None:
        self.state = state

    async def load(self) -> FaxDraft | None:
        raw = await self.state.get(DRAFT_KEY)
        if not raw:
            return None
        draft = FaxDraft.from_json(raw)
        return draft if draft is not None and draft.has_content() else None

    async def save(self, draft: FaxDraft) -> None:
        """Keep ``draft``; one with nothing worth keeping clears the stored one."""
        await self.state.set(DRAFT_KEY, _stored(draft))

    def save_now(self, draft: FaxDraft) -> None:
        """``save`` done when it returns: the window is closing, and a write left to
        a task would be cancelled with the window's other tasks."""
        self.state.set_now(DRAFT_KEY, _stored(draft))

    async def discard(self) -> None:
        await self.state.set(DRAFT_KEY, "")


def _stored(draft: FaxDraft) -> str:
    """What is kept for ``draft``: "" (nothing) when it holds nothing worth keeping."""
    return draft.to_json() if draft.has_content() else ""
