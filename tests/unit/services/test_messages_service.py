"""MessagesService without Qt, against the sandbox over HTTP: change sets, events, polling.

No Qt fixture here: the service is a plain asyncio object (issue #12). Commands
return what changed, read back from the store; the same change is announced.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.config.settings import Settings
from app.domain.models.messages import Direction, MessageKind
from app.services.messages.changes import MediaReady, SyncChange, ThreadChange
from app.services.messages.sender import SendFailed
from app.services.messages.service import MessagesService
from app.services.notifications import NotifyTarget, conversation_target
from app.services.root import RecordingNotifier
from app.store.media import media_for_message
from app.store.messages_repo import MessagesRepo

CONTACT = "4185550142"
#: The poll interval of these tests: the fake sleep below waits for a tick on it.
POLL_SECONDS = 3600


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


class Ticks:
    """A sleep for the service: a poll's wait ends when the test says so (``tick``)."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[None] = asyncio.Queue()

    async def sleep(self, seconds: float) -> None:
        if seconds == POLL_SECONDS:
            await self._queue.get()
        else:  # a media retry: real time (cancelled by stop())
            await asyncio.sleep(seconds)

    def tick(self) -> None:
        self._queue.put_nowait(None)


class Heard:
    """Every event of a service, in order, with an asyncio.Event per kind to wait on."""

    def __init__(self, service: MessagesService) -> None:
        self.synced: list[SyncChange] = []
        self.failed: list[str] = []
        self.unread: list[int] = []
        self.threads: list[ThreadChange] = []
        self.media: list[MediaReady] = []
        self.arrived: dict[str, asyncio.Event] = {}
        for name, event, sink in (("synced", service.synced, self.synced),
                                  ("failed", service.poll_failed, self.failed),
                                  ("unread", service.unread_changed, self.unread),
                                  ("threads", service.thread_changed, self.threads),
                                  ("media", service.media_ready, self.media)):
            event.connect(self._recorder(name, sink))

    def _recorder(self, name: str, sink: list[Any]) -> Any:
        def record(value: Any) -> None:
            sink.append(value)
            self.arrived.setdefault(name, asyncio.Event()).set()
        return record

    async def next(self, name: str) -> None:
        """Wait for the next emission of ``name`` (call ``expect`` before acting)."""
        await asyncio.wait_for(self.arrived.setdefault(name, asyncio.Event()).wait(), 10)

    def expect(self, name: str) -> None:
        self.arrived[name] = asyncio.Event()


class AwaitableNotifier(RecordingNotifier):
    """Records notifications; ``notified`` is set by the first one."""

    def __init__(self) -> None:
        super().__init__()
        self.notified = asyncio.Event()

    def notify(self, title: str, text: str, target: NotifyTarget | None = None) -> None:
        super().notify(title, text, target)
        self.notified.set()


@pytest.fixture
def ticks() -> Ticks:
    return Ticks()


@pytest.fixture
def service(api: Any, db: Any, sandbox: Any, tmp_path: Path, ticks: Ticks,
            run: Any) -> Iterator[MessagesService]:
    settings = Settings(path=None)
    settings.messages_backfill_days = 30
    settings.messages_poll_seconds = POLL_SECONDS
    created = MessagesService(api, MessagesRepo(db), settings, tmp_path / "mms",
                              notifier=AwaitableNotifier(), api_url=sandbox.url,
                              sleep=ticks.sleep)
    yield created
    created.stop()
    run(asyncio.sleep(0))  # let the cancelled tasks finish on the loop


def test_a_poll_returns_the_changed_conversation_and_announces_it(
    service: MessagesService, sandbox: Any, run: Any
) -> None:
    heard = Heard(service)
    first = run(service.refresh())
    assert first.report.backfill and first.unread_total == 0
    did = _did(sandbox)
    new_id = sandbox.state.deliver_sms(did, "4185550123", "Are you open Sunday?")
    change = run(service.refresh())
    assert not change.reload and change.unread_total == 1
    summary = change.threads[(did, "4185550123")]
    assert summary is not None and summary.unread == 1
    assert summary.last_text == "Are you open Sunday?"
    [stored] = change.messages_of(did, "4185550123")
    assert stored.message.id == new_id and not stored.read
    assert heard.synced[-1] is change and heard.unread[-1] == 1
    notifier = service.notifier
    assert isinstance(notifier, AwaitableNotifier)
    run(asyncio.wait_for(notifier.notified.wait(), 5))  # sent by a task of its own
    assert notifier.history == [("New message from (418) 555-0123", "Are you open Sunday?")]
    # A click on it opens that conversation (#17 point 3).
    assert notifier.targets == [conversation_target(did, "4185550123")]


def test_send_returns_the_conversation_as_stored(
    service: MessagesService, sandbox: Any, run: Any
) -> None:
    heard = Heard(service)
    did = _did(sandbox)
    result = run(service.send(did, CONTACT, "Your cake is ready"))
    [sent] = result.outcome.sent
    change = result.change
    assert change.key == (did, CONTACT) and change.removed == ()
    assert [s.message.id for s in change.upserted] == [sent.id]
    assert change.upserted[0].message.direction is Direction.SENT and change.upserted[0].read
    assert change.summary is not None and change.summary.last_text == "Your cake is ready"
    assert heard.threads == [change]
    assert run(service.draft(did, CONTACT)) is None


def test_a_refused_send_carries_what_changed_and_the_unsent_text(
    service: MessagesService, sandbox: Any, run: Any
) -> None:
    did = _did(sandbox)
    sandbox.state.daily_send_limit = 0
    with pytest.raises(SendFailed) as failed:
        run(service.send(did, CONTACT, "Please keep me"))
    assert failed.value.unsent_text == "Please keep me"
    assert failed.value.change is not None and failed.value.change.upserted == ()
    draft = run(service.draft(did, CONTACT))
    assert draft is not None and draft.text == "Please keep me" and draft.last_error


def test_read_flags_return_a_change_only_when_something_changed(
    service: MessagesService, sandbox: Any, run: Any
) -> None:
    run(service.refresh())
    did = _did(sandbox)
    sandbox.state.deliver_sms(did, "4185550124", "Hello?")
    run(service.refresh())
    read = run(service.mark_read(did, "4185550124"))
    assert read is not None and read.summary is not None
    assert read.summary.unread == 0 and read.unread_total == 0
    assert run(service.mark_read(did, "4185550124")) is None  # nothing left unread
    unread = run(service.mark_unread(did, "4185550124"))
    assert unread is not None and unread.summary is not None and unread.summary.unread == 1
    assert run(service.mark_unread(did, "5145550000")) is None  # nothing received there


def test_deleting_an_mms_returns_the_change_and_deletes_its_cached_picture(
    service: MessagesService, sandbox: Any, db: Any, run: Any
) -> None:
    heard = Heard(service)
    run(service.refresh())
    # A picture no other message has: a file another message still shows is
    # rightly kept, and the shipped pictures recur across the session's messages.
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550177", "Look",
                                       ["storefront.jpg"], distinct=True)
    run(service.refresh())
    run(service.download_media())
    [item] = run(db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.path is not None and Path(item.path).exists()
    assert MediaReady(item.message_pk, (item.path,)) in heard.media
    stored = run(service.message(MessageKind.MMS, mms_id))
    assert stored is not None
    change = run(service.delete(stored))
    assert sandbox.calls("deleteMMS")
    assert change.removed == ((MessageKind.MMS, mms_id),) and change.upserted == ()
    assert change.summary is None or change.summary.total >= 0
    assert not Path(item.path).exists()
    assert run(service.message(MessageKind.MMS, mms_id)) is None


def test_the_poller_syncs_on_its_schedule_and_reports_failures_quietly(
    service: MessagesService, sandbox: Any, ticks: Ticks, run: Any
) -> None:
    heard = Heard(service)
    run(service.refresh())
    did = _did(sandbox)

    async def scenario() -> None:
        service.start_polling()
        sandbox.state.deliver_sms(did, "4185550157", "Timer test")
        heard.expect("synced")
        ticks.tick()
        await heard.next("synced")
        assert [s.message.text for s in heard.synced[-1].upserted] == ["Timer test"]
        # Offline (the API refuses): one quiet report, polling goes on.
        sandbox.state.api_enabled = False
        heard.expect("failed")
        ticks.tick()
        await heard.next("failed")
        assert service.poller.active
        sandbox.state.api_enabled = True
        sandbox.state.deliver_sms(did, "4185550157", "Back online")
        heard.expect("synced")
        ticks.tick()
        await heard.next("synced")
        service.stop()
        assert not service.poller.active

    run(scenario())
    assert len(heard.failed) == 1 and heard.failed[0]
    assert heard.synced[-1].messages_of(did, "4185550157")[0].message.text == "Back online"
