"""Fax folders, faxes and fax numbers.

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FaxFolder:
    """A fax folder of the account."""
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class FaxMessage:
    """One fax, received or sent (the PDF is fetched apart)."""
    id: int
    folder: str
    date: datetime | None
    callerid: str
    stationid: str
    destination: str
    description: str
    pages: int
    duration_seconds: int
    status: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class FaxNumber:
    """A fax number of the account."""
    id: str
    did: str
    description: str = ""
    email: str = ""
