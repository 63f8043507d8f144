"""Periodic registration check and the offline / back-online notifications (Qt-free).

Every ``interval`` the service checks each stored phone's registration (one
``getRegistrationStatus`` per phone: the method takes one account) through the
shared ``Poller``. Any check (the poller's or a refresh) that sees a phone go
offline or come back raises one notification through ``NotifierLike``.

Events (the ``Poller``'s):
    failed(str): a periodic check failed (the first of a run of failures only).
    recovered(): a check succeeded after failures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from app.services.notifications import NotifyTarget
from app.services.phones.changes import Transition
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.services.phones.service import PhonesService
    from app.services.root import NotifierLike

#: Shortest interval honoured (a phone re-registers every few minutes at most).
MIN_SECONDS = 30


def effective_interval(seconds: float) -> float:
    """``0`` stays off; anything else is at least ``MIN_SECONDS``."""
    return 0.0 if seconds <= 0 else max(float(MIN_SECONDS), seconds)


def notification_text(transitions: tuple[Transition, ...]) -> tuple[str, str]:
    offline = [t.label for t in transitions if not t.online]
    back = [t.label for t in transitions if t.online]
    if len(transitions) == 1:
        t = transitions[0]
        if t.online:
            return "Phone back online", f"{t.label} is registered again and can take calls."
        return "Phone offline", f"{t.label} is not registered: calls to it will not ring."
    parts = []
    if offline:
        parts.append("Offline: " + ", ".join(offline))
    if back:
        parts.append("Back online: " + ", ".join(back))
    title = f"{len(offline)} phones offline" if offline and not back else "Phones changed"
    return title, ". ".join(parts)


class PhonesPolling(FeaturePolling):
    """Checks registrations on a schedule; notifies when a phone drops off or comes back."""

    name = "phones"

    def __init__(
        self,
        service: PhonesService,
        notifier: NotifierLike | None,
        *,
        interval_seconds: float,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._service = service
        self._notifier = notifier
        super().__init__(interval_seconds=effective_interval(interval_seconds), sleep=sleep)
        service.registration_changed.connect(self._on_registration_changed)

    async def _check(self) -> None:
        await self._service.check_registrations()

    def set_interval(self, seconds: float) -> None:
        super().set_interval(effective_interval(seconds))

    async def check_now(self) -> bool:
        return await self.poller.check_now()

    def _on_registration_changed(self, transitions: tuple[Transition, ...]) -> None:
        if self._notifier is not None and transitions:
            title, text = notification_text(transitions)
            self._notifier.notify(title, text, NotifyTarget("phones"))
