"""The account's balance (``getBalance``).

Conventions (UTC dates, normalised numbers, ``raw``): see ``app.domain.models``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Balance:
    """The account balance with today's and all-time spending (``getBalance``)."""
    current: Decimal
    spent_today: Decimal | None = None
    calls_today: int | None = None
    time_today: str | None = None
    spent_total: Decimal | None = None
    calls_total: int | None = None
    time_total: str | None = None
