"""Fax change sets, the unread state and the periodic check: plain asyncio, no Qt.

The pure parts (``FaxChanges.applied_to``, ``UnreadState.of``) use hand-made
faxes; the service's events and the poller run against the sandbox over HTTP.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.domain.models.fax import FaxMessage
from app.sandbox import SandboxServer
from app.services.fax.changes import FaxChanges, UnreadState
from app.services.fax.poll import FaxPolling
from app.services.fax.service import FaxService
from app.services.root import RecordingNotifier
from app.store.fax import FaxRepo
from app.store.sync_state import SyncState

NOW = datetime(2026, 3, 28, 12, 0, tzinfo=UTC)


def fax(id_: int, folder: str = "INBOX", days_ago: int = 0, **kw: Any) -> FaxMessage:
    values: dict[str, Any] = dict(
        id=id_, folder=folder, date=NOW - timedelta(days=days_ago), callerid="6175550142",
        stationid="", destination="6175550133", description="", pages=1,
        duration_seconds=30, status="SUCCESS",
    )
    values.update(kw)
    return FaxMessage(**values)


def in_inbox_this_month(f: FaxMessage) -> bool:
    assert f.date is not None
    return f.folder == "INBOX" and f.date >= NOW - timedelta(days=30)


def test_applied_to_adds_changes_moves_out_and_removes() -> None:
    shown = [fax(1), fax(2), fax(3)]
    changes = FaxChanges(
        upserted=(
            replace(shown[0], status="FAILED"),  # changed in place
            replace(shown[1], folder="Invoices"),  # moved away
            fax(4),  # new here
            fax(5, folder="SENT"),  # new elsewhere
            fax(6, days_ago=90),  # new, but older than the period shown
        ),
        removed=frozenset({3}),
    )
    after = changes.applied_to(shown, in_inbox_this_month)
    assert [(f.id, f.status) for f in after] == [(1, "FAILED"), (4, "SUCCESS")]
    # Nothing changed: the same rows, in the same order.
    assert FaxChanges().applied_to(shown, in_inbox_this_month) == shown
    assert FaxChanges().empty and not FaxChanges(removed=frozenset({1})).empty


def test_unread_counts_inbound_faxes_not_seen_per_folder() -> None:
    stored = [
        fax(1), fax(2), fax(3, folder="Invoices"),
        fax(4, folder="SENT", description="OUTBOUND FAX"),
        fax(5, folder="Invoices", description="OUTBOUND FAX"),  # sent, then filed
    ]
    unread = UnreadState.of(stored, seen={2})
    assert unread.ids == {1, 3} and unread.count == 2
    assert dict(unread.by_folder) == {"INBOX": 1, "Invoices": 1}


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path) -> FaxService:
    return FaxService(api, FaxRepo(db), SyncState(db), tmp_path / "fax")


def test_every_change_is_announced_with_the_change_set_the_command_returns(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    announced: list[FaxChanges] = []
    service.changed.connect(announced.append)
    first = run(service.sync())
    assert announced == [first.changes]  # the first sync always says what is stored
    assert {f.id for f in first.changes.upserted} == {f.id for f in run(service.messages(None))}
    assert first.changes.folders is not None and first.changes.unread is not None
    # A second sync that finds nothing new announces nothing.
    assert run(service.sync()).changes.upserted == ()
    assert len(announced) == 1
    fax_ = run(service.messages("INBOX"))[0]
    invoices = run(service.folder_named("Invoices"))
    assert invoices is not None
    moved = run(service.move(fax_, invoices))
    deleted = run(service.delete(moved.upserted[0]))
    assert announced[1:] == [moved, deleted]
    assert deleted.removed == {fax_.id} and deleted.unread is not None
    assert fax_.id not in deleted.unread.ids


def test_sync_reports_removals_and_changes_as_a_change_set(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    gone, changed = run(service.messages("INBOX"))[:2]
    with sandbox.state.lock:
        sandbox.state.faxes = [f for f in sandbox.state.faxes if f.id != gone.id]
        for f in sandbox.state.faxes:
            if f.id == changed.id:
                f.folder = "Invoices"  # moved at VoIP.ms's web portal
    changes = run(service.sync()).changes
    assert changes.removed == {gone.id}
    assert [(f.id, f.folder) for f in changes.upserted] == [(changed.id, "Invoices")]


def test_polling_checks_on_schedule_and_notifies_new_faxes(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())  # the first sync: history is not news
    notifier = RecordingNotifier()
    waits: list[float] = []

    async def main() -> None:
        arrived = asyncio.Event()
        service.new_faxes.connect(lambda _faxes: arrived.set())

        async def sleep(seconds: float) -> None:
            waits.append(seconds)
            if len(waits) > 1:
                await asyncio.Event().wait()  # one check is enough: park until stopped

        polling = FaxPolling(service, notifier, interval_seconds=60, sleep=sleep)
        sandbox.state.deliver_fax("8005550199", stationid="ACME CORP", pages=2)
        polling.start()
        await asyncio.wait_for(arrived.wait(), timeout=10)
        assert polling.active
        polling.stop()
        assert not polling.active

    run(main())
    assert waits[0] == 60
    assert notifier.history == [("New fax", "From ACME CORP ((800) 555-0199), 2 pages")]
    [target] = notifier.targets  # a click opens that fax in its folder (#17)
    assert target is not None and target.tab == "fax" and target.item[0] == "INBOX"
    assert int(target.item[1]) in {f.id for f in run(service.messages("INBOX"))}


def test_a_failed_check_is_reported_once_then_recovers(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    polling = FaxPolling(service, None, interval_seconds=60)
    failures: list[str] = []
    recovered: list[bool] = []
    polling.failed.connect(failures.append)
    polling.recovered.connect(lambda: recovered.append(True))
    sandbox.state.ip_enabled = False
    assert not run(polling.check())
    assert not run(polling.check())
    assert len(failures) == 1 and "IP" in failures[0]  # a status line, not one per check
    sandbox.state.ip_enabled = True
    assert run(polling.check())
    assert recovered == [True]


def test_a_new_fax_notification_names_the_sender_once() -> None:
    """Issue #15.14: not "From 4185550124 ((418) 555-0124)"."""
    from app.services.fax.poll import notification_text

    base = _fax_for_notification()
    same = replace(base, stationid="4185550124", callerid="4185550124")
    assert notification_text([same]) == ("New fax", "From (418) 555-0124, 3 pages")
    named = replace(base, stationid="Acme Supply", callerid="14185550124")
    assert notification_text([named]) == ("New fax", "From Acme Supply ((418) 555-0124), 3 pages")
    anonymous = replace(base, stationid="", callerid="")
    assert notification_text([anonymous])[1] == "From unknown sender, 3 pages"
    # In the phonebook: named as the list names it (and every other tab).
    book = {"4185550124": "Acme Supply Co."}
    assert notification_text([same], book)[1] == "From Acme Supply Co. ((418) 555-0124), 3 pages"
    assert notification_text([named], book)[1] == "From Acme Supply Co. ((418) 555-0124), 3 pages"


def _fax_for_notification() -> FaxMessage:
    return FaxMessage(id=1, folder="INBOX", date=datetime(2026, 12, 4, tzinfo=UTC),
                      callerid="", stationid="", destination="6175550133", description="",
                      pages=3, duration_seconds=40, status="success")
