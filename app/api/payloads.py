"""Files the API sends as base64 (fax PDFs, voicemail recordings), decoded to disk.

An 80 MB fax arrives as ~108 MB of line-wrapped base64 inside JSON. Decoding it
took 4.6 s on the GUI thread (issue #16). :func:`save_payload` runs in the
decoding worker process with the JSON decoding (``app.api.offload``): it writes
the file itself, atomically, and only a :class:`SavedPayload` (path, size,
first bytes) comes back. Plain functions of their arguments, free of httpx and
Qt, so the worker can import and run them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.api import parsing
from app.domain.atomic_file import write_atomically

#: Bytes of the file's start handed back: enough to tell PDF, WAV, MP3 apart.
HEAD_BYTES = 32


@dataclass(frozen=True, slots=True)
class SavedPayload:
    """A decoded file on disk."""

    path: Path
    size: int
    #: The file's first bytes, so the caller can check what arrived.
    head: bytes


Pick = Callable[[Mapping[str, Any]], object]


def fax_base64(data: Mapping[str, Any]) -> object:
    """getFaxMessagePDF: the document is ``message_base64``."""
    return data.get("message_base64")


def voicemail_base64(data: Mapping[str, Any]) -> object:
    """getVoicemailMessageFile: ``message`` is the base64, or rows with ``data``."""
    payload: object = data.get("message")
    if isinstance(payload, str):
        return payload
    # ``message`` is a list of one row, sometimes a bare object.
    found = [row for row in parsing.as_list(payload) if isinstance(row, Mapping)]
    return found[0].get("data") if found else None


def save_payload(pick: Pick, path: str, data: Mapping[str, Any]) -> SavedPayload | None:
    """Decode the base64 ``pick`` finds in the answer into ``path``; ``None`` if absent.

    Raises ``ValueError`` for base64 that is not base64 (the typed layer says
    "damaged"). The file appears whole or not at all (temp file + rename).
    """
    encoded = pick(data)
    if parsing.is_not_set(encoded):
        return None
    raw = parsing.b64decode(encoded)
    target = Path(path)
    write_atomically(target, raw)
    return SavedPayload(target, len(raw), raw[:HEAD_BYTES])
