"""What the connectivity service needs from the API: one cheap probe."""

from __future__ import annotations

from typing import Protocol


class Prober(Protocol):
    """``VoipMsClient.probe``: one cheap read outside the call queue."""

    async def probe(self, timeout: float) -> None:
        """Return when VoIP.ms answered; raise ``ApiError`` otherwise."""
        ...
