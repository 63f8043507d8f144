"""What the connectivity service announces: one snapshot of the state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """The connectivity state at one moment, for the window's "can't reach" bar."""
    #: False: VoIP.ms cannot be reached; reads are refused without a request.
    online: bool
    #: When VoIP.ms last answered (aware UTC), ``None`` when unknown.
    last_contact: datetime | None
    #: What failed, in the words of the error that turned the state offline.
    reason: str = ""
    #: A probe is on its way (the Retry button waits for it).
    probing: bool = False
