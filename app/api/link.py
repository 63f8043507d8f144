"""What the client tells and asks the app's one connectivity state.

The client carries requests; deciding whether VoIP.ms is reachable is the
connectivity service's job (``app/services/connectivity``), which implements
this Protocol and is handed to ``VoipMsClient.link``. Without a link (the
set-up dialog's check, the tests of the client alone) the client behaves as it
always did.

The conversation, per request:

1. ``await link.admit(method, read=...)`` before queueing and again before
   sending: raises ``Unreachable`` when the request must not go out (offline;
   a write first gets one probe of its own);
2. while a read waits (for the call slot or for its answer) it is raced
   against ``link.lost()``: when the state turns offline it stops at once with
   ``Unreachable`` instead of waiting out its time-out;
3. a request without an answer after ``link.stall_seconds`` is reported with
   ``link.stalled()``, and again after twice as long each time (the service
   may probe);
4. the outcome: ``link.answered()`` for any HTTP answer (even an error
   status: VoIP.ms was reached), ``link.unanswered(error)`` for a network
   failure (``TransportError.no_answer``).
"""

from __future__ import annotations

import asyncio
from typing import Protocol

from app.api.errors import TransportError


class Link(Protocol):
    #: How long a request may go without an answer before ``stalled`` is called.
    stall_seconds: float

    async def admit(self, method: str, *, read: bool) -> None:
        """Raise ``Unreachable`` when ``method`` must not be sent now."""
        ...

    def lost(self) -> asyncio.Future[None]:
        """Resolves when the state turns offline (already done while offline)."""
        ...

    def stalled(self, method: str) -> None:
        """A request of ``method`` has had no answer for ``stall_seconds``."""
        ...

    def answered(self) -> None:
        """VoIP.ms answered a request (any HTTP answer)."""
        ...

    def unanswered(self, error: TransportError) -> None:
        """A request got no answer for a network reason (``error.no_answer``)."""
        ...
