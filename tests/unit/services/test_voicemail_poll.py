"""The periodic voicemail check without Qt: ``Poller`` ticks, notifications through
the ``NotifierLike`` port, one status line per run of failures."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.domain.models.voicemail import VoicemailMessage
from app.sandbox import SandboxServer
from app.services.root import RecordingNotifier
from app.services.voicemail.changes import Arrivals
from app.services.voicemail.poll import VoicemailPolling, notification_text
from app.services.voicemail.service import VoicemailService
from app.store.voicemail import VoicemailRepo

Run = Callable[[Coroutine[Any, Any, Any]], Any]


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def service(
    api: Any, db: Any, tmp_path: Path, run: Run, notifier: RecordingNotifier
) -> VoicemailService:
    svc = VoicemailService(api, VoicemailRepo(db), tmp_path, notifier=notifier)
    run(svc.refresh())
    return svc


def _message(number: str, name: str = "", *, urgent: bool = False) -> VoicemailMessage:
    return VoicemailMessage(
        "1001", "INBOX", 1, datetime(2025, 3, 2, tzinfo=UTC), name, number, 42, urgent, False
    )


def test_notification_text_for_one_and_for_many() -> None:
    names = {"6175550142": "Dana Whitfield"}
    one = Arrivals((_message("6175550142", urgent=True),), names)
    assert notification_text(one) == (
        "Urgent voicemail",
        "From Dana Whitfield (617) 555-0142, 0:42 (mailbox 1001)",
    )
    many = Arrivals(
        tuple(_message(n, c) for n, c in [("1", "Ann"), ("2", "Bob"), ("3", "Cy"), ("4", "Di")]),
        {},
    )
    assert notification_text(many) == ("4 new voicemails", "From Ann, Bob, Cy and others")


def test_check_now_notifies_once_per_arrival(
    service: VoicemailService, sandbox: SandboxServer, run: Run, notifier: RecordingNotifier
) -> None:
    sandbox.state.deliver_voicemail("1001", "6175550106", caller_name="Hannah Becker", duration=7)
    assert run(service.polling.check_now()) == 1
    assert notifier.history == [
        ("New voicemail", "From Hannah Becker (617) 555-0106, 0:07 (mailbox 1001)")
    ]
    # A click opens that message: mailbox 1001, its inbox, its number (#17).
    [target] = notifier.targets
    assert target is not None and target.tab == "voicemail" and target.item[:2] == ("1001", "INBOX")
    assert run(service.message(("1001", "INBOX", int(target.item[2])))) is not None
    assert run(service.polling.check_now()) == 0  # nothing new: no second notification
    assert len(notifier.history) == 1


def test_a_failing_check_is_reported_once_then_recovers(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    failures: list[str] = []
    service.polling.failed.connect(failures.append)
    sandbox.state.ip_enabled = False  # the provider refuses every call
    assert run(service.polling.check_now()) == 0
    assert run(service.polling.check_now()) == 0
    assert len(failures) == 1 and failures[0].startswith("Could not check for new voicemail: ")
    sandbox.state.ip_enabled = True
    assert run(service.polling.check_now()) == 0
    sandbox.state.ip_enabled = False
    run(service.polling.check_now())
    assert len(failures) == 2  # a new run of failures is reported again


def test_the_timer_checks_and_stop_ends_it(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    notifier = RecordingNotifier()

    async def scenario() -> list[int]:
        ticks: asyncio.Queue[None] = asyncio.Queue()

        async def sleep(_seconds: float) -> None:
            await ticks.get()  # the test decides when the interval is over

        polling = VoicemailPolling(service, notifier, interval_seconds=60, sleep=sleep)
        found: list[int] = []
        checked = asyncio.Event()
        polling.checked.connect(found.append)
        polling.checked.connect(lambda _n: checked.set())
        polling.start()
        assert polling.active
        sandbox.state.deliver_voicemail("1002", "6175550173", caller_name="Tom Reilly")
        ticks.put_nowait(None)
        await asyncio.wait_for(checked.wait(), 10)
        polling.stop()
        assert not polling.active
        return found

    assert run(scenario()) == [1]
    assert notifier.history[-1][1].startswith("From Tom Reilly")


def test_interval_zero_turns_the_check_off(service: VoicemailService, run: Run) -> None:
    async def scenario() -> bool:
        polling = VoicemailPolling(service, RecordingNotifier(), interval_seconds=0)
        polling.start()
        return polling.active

    assert run(scenario()) is False
