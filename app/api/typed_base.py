"""Shared plumbing of the typed helpers (``typed.Api`` mixes the areas together)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.api import parsing
from app.api.client import VoipMsClient
from app.api.errors import TransportError
from app.domain.timeutil import PROVIDER_TZ_DEFAULT, provider_date
from app.domain.words import QT_TRANSLATE_NOOP, Text

log = logging.getLogger("app.api.typed")

DateLike = date | datetime | str


class TypedBase:
    """Holds the client and the provider's time zone; converts dates both ways."""

    def __init__(self, client: VoipMsClient, provider_tz: str = PROVIDER_TZ_DEFAULT) -> None:
        self.client = client
        self.provider_tz = provider_tz
        self._tz = ZoneInfo(provider_tz)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.client!r}, provider_tz={self.provider_tz!r})"

    async def _call(self, method: str, **params: object) -> dict[str, Any]:
        return await self.client.call(method, **params)

    def _api_date(self, value: DateLike) -> str:
        """A provider-calendar day ``YYYY-MM-DD`` for ``from``/``to`` filters.

        Aware datetimes are converted to the provider's zone first: 01:00 UTC
        on the 2nd is still the 1st in New York.
        """
        if isinstance(value, str):
            return value
        if isinstance(value, datetime):
            if value.tzinfo is None:
                return value.date().isoformat()
            return provider_date(value, self._tz).isoformat()
        return value.isoformat()

    def _when(self, value: object) -> datetime | None:
        return parsing.provider_datetime(value, self._tz)

    def _decode_b64(self, method: str, value: object, what: str) -> bytes:
        try:
            return parsing.b64decode(value)
        except ValueError as exc:
            raise self._damaged(method, what, exc) from None

    @staticmethod
    def _damaged(method: str, what: str, exc: ValueError) -> TransportError:
        return TransportError(
            Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "VoIP.ms sent a damaged {what}. Try again in a few minutes.",
                ),
                what=what,
            ),
            kind="body",
            method=method,
            detail=str(exc),
        )
