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

from app.api.errors import RateLimited
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.notifications import NotifyTarget
from app.services.phones.changes import Transition
from app.services.polling import FeaturePolling

if TYPE_CHECKING:
    from app.services.phones.service import PhonesService
    from app.services.root import NotifierLike

#: Shortest interval honoured (a phone re-registers every few minutes at most).
MIN_SECONDS = 30
#: The registration check's share of the API's request budget: one call per phone
#: per check, on average at most one call every this many seconds. VoIP.ms counts
#: requests per minute per account (API-NOTES.md); the checks stay a small part
#: of what the account may spend, so sends and refreshes never queue behind them.
SECONDS_PER_CALL = 10.0
#: After ``api_limit_exceeded`` the wait doubles up to this, and resets on success.
MAX_BACKOFF_SECONDS = 15 * 60


def effective_interval(seconds: float) -> float:
    """``0`` stays off; anything else is at least ``MIN_SECONDS``."""
    return 0.0 if seconds <= 0 else max(float(MIN_SECONDS), seconds)


def budget_floor(phones: int, *, backoff: float = 0.0) -> float:
    """The least wait between checks of ``phones`` phones: their share of the budget,
    or the rate-limit back-off when that is longer."""
    return max(phones * SECONDS_PER_CALL, min(backoff, MAX_BACKOFF_SECONDS))


def notification_text(transitions: tuple[Transition, ...]) -> tuple[str, str]:
    offline = [t.label for t in transitions if not t.online]
    back = [t.label for t in transitions if t.online]
    if len(transitions) == 1:
        t = transitions[0]
        # Texts with their values (app/domain/words.py): the UI translates them.
        if t.online:
            return QT_TRANSLATE_NOOP("services", "Phone back online"), Text(
                QT_TRANSLATE_NOOP("services", "{phone} is registered again and can take calls."),
                phone=Verbatim(t.label))
        return QT_TRANSLATE_NOOP("services", "Phone offline"), Text(
            QT_TRANSLATE_NOOP("services", "{phone} is not registered: calls to it will not ring."),
            phone=Verbatim(t.label))
    offline_text = Text(QT_TRANSLATE_NOOP("services", "Offline: {phones}"),
                        phones=Verbatim(", ".join(offline)))
    back_text = Text(QT_TRANSLATE_NOOP("services", "Back online: {phones}"),
                     phones=Verbatim(", ".join(back)))
    if offline and back:
        text = Text(QT_TRANSLATE_NOOP("services", "{offline}. {back}"),
                    offline=offline_text, back=back_text)
    else:
        text = offline_text if offline else back_text
    title = (Text(QT_TRANSLATE_NOOP("services", "{count} phones offline"), count=len(offline))
             if offline and not back else QT_TRANSLATE_NOOP("services", "Phones changed"))
    return title, text


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
        #: Phones seen by the last check (each costs one call) and the current back-off.
        self._phones = 0
        self._backoff = 0.0
        service.registration_changed.connect(self._on_registration_changed)

    async def _check(self) -> None:
        try:
            changes = await self._service.check_registrations()
        except RateLimited:
            # The account is over its per-minute budget: check less often until a
            # check gets through (the client has paused its queue already).
            self._backoff = max(self.interval, self._backoff * 2)
            self.poller.floor = budget_floor(self._phones, backoff=self._backoff)
            raise
        self._backoff = 0.0
        self._phones = len(changes.upserted)
        self.poller.floor = budget_floor(self._phones)

    def set_interval(self, seconds: float) -> None:
        super().set_interval(effective_interval(seconds))

    async def check_now(self) -> bool:
        return await self.poller.check_now()

    def _on_registration_changed(self, transitions: tuple[Transition, ...]) -> None:
        if self._notifier is not None and transitions:
            title, text = notification_text(transitions)
            self._notifier.notify(title, text, NotifyTarget("phones"))
