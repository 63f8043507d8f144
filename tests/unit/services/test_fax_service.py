"""The fax service against the sandbox over real HTTP, with a real store; no Qt.

Every action is tested with its failure path; failures must leave the store as
it was and say which fax or folder could not be changed, and why.
"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxFolder
from app.sandbox import SandboxServer
from app.services.fax.service import FaxService, plan_windows
from app.store.fax import FaxRepo
from app.store.sync_state import SyncState
from tests.unit.services.test_fax_send import logged


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path) -> FaxService:
    return FaxService(api, FaxRepo(db), SyncState(db), tmp_path / "fax")


def test_plan_windows_cover_the_period_in_spans_of_at_most_92_days() -> None:
    windows = plan_windows(date(2026, 12, 31), 365)
    assert windows[0][1] == date(2026, 12, 31)
    assert windows[-1][0] == date(2026, 1, 1)
    for begin, end in windows:
        assert 0 <= (end - begin).days <= 91
    for newer, older in itertools.pairwise(windows):
        assert (newer[0] - older[1]).days == 1  # no gap, no overlap
    assert plan_windows(date(2026, 1, 10), 1) == [(date(2026, 1, 10), date(2026, 1, 10))]


def test_sync_lists_folders_and_faxes_and_an_empty_folder_is_empty(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    result = run(service.sync(days=90))
    assert [f.name for f in result.folders] == ["INBOX", "SENT", "Invoices"]
    inbox = run(service.messages("INBOX"))
    assert len(inbox) == 5 and all(f.folder == "INBOX" for f in inbox)
    assert [f.date for f in inbox] == sorted((f.date for f in inbox), reverse=True)
    first = inbox[0]
    assert first.callerid and first.pages > 0 and first.duration_seconds > 0
    assert first.status == "SUCCESS"
    sent = run(service.messages("SENT"))
    assert {f.destination for f in sent} and all(f.description == "OUTBOUND FAX" for f in sent)
    created = run(service.create_folder("Empty one")).folder
    assert created is not None and run(service.messages(created.name)) == []
    # The API answers no_message for the empty folder; that is an empty list, not an error.
    assert run(service.api.get_fax_messages(date.today(), date.today(), folder="Empty one")) == []


def test_new_inbound_fax_is_announced_and_counted_unread(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    baseline = run(service.unread()).count
    announced: list[tuple[Any, ...]] = []
    service.new_faxes.connect(announced.append)
    fax_id = sandbox.state.deliver_fax("8005550199", stationid="ACME CORP", pages=2)
    result = run(service.sync())
    assert [f.id for f in result.new_inbound] == [fax_id]
    assert [[f.id for f in batch] for batch in announced] == [[fax_id]]
    assert run(service.unread()).count == baseline + 1
    fax = result.new_inbound[0]
    assert fax.id in run(service.unread()).ids
    assert result.changes.upserted == (fax,) and result.changes.unread is not None
    assert fax.id in result.changes.unread.ids
    seen = run(service.mark_seen(fax))
    assert seen.unread is not None and fax.id not in seen.unread.ids
    assert run(service.unread()).count == baseline and fax.id not in run(service.unread()).ids
    assert run(service.mark_seen(fax)).empty  # seen already: nothing changes
    # A second sync does not announce the same fax again.
    assert run(service.sync()).new_inbound == []


def test_first_sync_does_not_announce_history(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    announced: list[Any] = []
    service.new_faxes.connect(announced.append)
    run(service.sync())
    assert announced == []
    # Only faxes of the last week count as new the first time.
    assert run(service.unread()).count <= 2


def test_pdf_is_fetched_once_then_served_from_disk(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    fax = run(service.messages("INBOX"))[0]
    path = run(service.pdf(fax))
    assert path.read_bytes().startswith(b"%PDF") and path.parent == service.pdf_dir
    assert len(logged(sandbox, "getFaxMessagePDF")) == 1
    assert run(service.pdf(fax)) == path
    assert len(logged(sandbox, "getFaxMessagePDF", 2, timeout=0.3)) == 1


def test_pdf_failure_names_the_fax(service: FaxService, sandbox: SandboxServer, run: Any) -> None:
    run(service.sync())
    fax = run(service.messages("INBOX"))[0]
    with sandbox.state.lock:  # deleted at VoIP.ms meanwhile: invalid_fax_id
        sandbox.state.faxes = [f for f in sandbox.state.faxes if f.id != fax.id]
    with pytest.raises(UserFacingError, match=r"Could not open the fax from .*exist"):
        run(service.pdf(fax))
    assert service.cached_pdf(fax.id) is None


def test_move_and_its_refusal(service: FaxService, sandbox: SandboxServer, run: Any) -> None:
    run(service.sync())
    fax = run(service.messages("INBOX"))[0]
    invoices = run(service.folder_named("Invoices"))
    assert invoices is not None
    (moved,) = run(service.move(fax, invoices)).upserted
    assert moved.id == fax.id and moved.folder == "Invoices"
    assert fax.id in {f.id for f in run(service.messages("Invoices"))}
    assert next(f for f in sandbox.state.faxes if f.id == fax.id).folder == "Invoices"
    with pytest.raises(UserFacingError, match=r"Could not move the fax from .* to “Gone”"):
        run(service.move(moved, FaxFolder("999999", "Gone")))
    assert fax.id in {f.id for f in run(service.messages("Invoices"))}


def test_delete_drops_the_cached_pdf_and_refusal_keeps_the_fax(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    first, second = run(service.messages("INBOX"))[:2]
    path = run(service.pdf(first))
    assert run(service.delete(first)).removed == {first.id}
    assert not path.exists()
    assert first.id not in {f.id for f in run(service.messages(None))}
    assert all(f.id != first.id for f in sandbox.state.faxes)
    sandbox.faults.inject("http_500", methods={"deleteFaxMessage"})
    with pytest.raises(UserFacingError, match="Could not delete the fax from"):
        run(service.delete(second))
    assert second.id in {f.id for f in run(service.messages("INBOX"))}


def test_mail_pdf_and_its_failures(service: FaxService, sandbox: SandboxServer, run: Any) -> None:
    run(service.sync())
    fax = run(service.messages("INBOX"))[0]
    run(service.mail(fax, "owner@example.com"))
    assert sandbox.state.emails_sent[-1] == {"kind": "fax", "to": "owner@example.com", "id": fax.id}
    with pytest.raises(UserFacingError, match="not a valid e-mail"):
        run(service.mail(fax, "owner@"))
    sandbox.faults.inject("http_503", methods={"mailFaxMessagePDF"})
    with pytest.raises(UserFacingError, match=r"Could not e-mail the fax from .* to a@b.co"):
        run(service.mail(fax, "a@b.co"))


def test_folders_create_rename_delete_and_refusals(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    created = run(service.create_folder("Orders")).folder
    assert created is not None and created.name == "Orders" and created.id
    with pytest.raises(UserFacingError, match="already a folder named “Orders”"):
        run(service.create_folder("orders"))
    with pytest.raises(UserFacingError, match="1 to 40 letters"):
        run(service.create_folder("  "))
    renamed = run(service.rename_folder(created, "Purchase orders")).folder
    assert renamed == FaxFolder(created.id, "Purchase orders")
    assert [f.name for f in run(service.folders())][-1] == "Purchase orders"
    inbox = run(service.folder_named("INBOX"))
    assert inbox is not None
    with pytest.raises(UserFacingError, match="cannot be renamed"):
        run(service.rename_folder(inbox, "Mail"))
    with pytest.raises(UserFacingError, match="cannot be deleted"):
        run(service.delete_folder(inbox))
    invoices = run(service.folder_named("Invoices"))
    assert invoices is not None
    with pytest.raises(UserFacingError, match="still holds faxes"):
        run(service.delete_folder(invoices))
    sandbox.faults.inject("http_500", methods={"delFaxFolder"})
    with pytest.raises(UserFacingError, match="Could not delete the folder “Purchase orders”"):
        run(service.delete_folder(renamed))
    assert run(service.folder_named("Purchase orders")) is not None
    run(service.delete_folder(renamed))
    assert run(service.folder_named("Purchase orders")) is None
    assert all(f.name != "Purchase orders" for f in sandbox.state.fax_folders)


def test_rename_carries_the_folders_faxes(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    invoices = run(service.folder_named("Invoices"))
    assert invoices is not None
    before = {f.id for f in run(service.messages("Invoices"))}
    changes = run(service.rename_folder(invoices, "Bills"))
    assert {f.id for f in changes.upserted} == before
    assert all(f.folder == "Bills" for f in changes.upserted)
    assert {f.id for f in run(service.messages("Bills"))} == before
    assert run(service.messages("Invoices")) == []
    sandbox.faults.inject("http_500", methods={"setFaxFolder"})
    bills = run(service.folder_named("Bills"))
    assert bills is not None
    with pytest.raises(UserFacingError, match="Could not rename the folder “Bills”"):
        run(service.rename_folder(bills, "Paid"))
    assert {f.id for f in run(service.messages("Bills"))} == before


def test_sync_forgets_faxes_deleted_elsewhere(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    gone = run(service.messages("INBOX"))[0]
    with sandbox.state.lock:
        sandbox.state.faxes = [f for f in sandbox.state.faxes if f.id != gone.id]
    result = run(service.sync())
    assert result.removed == 1
    assert gone.id not in {f.id for f in run(service.messages(None))}


def test_sync_failure_is_a_user_facing_error(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    sandbox.state.ip_enabled = False
    with pytest.raises(UserFacingError, match="IP"):
        run(service.sync())


def test_fax_numbers_come_from_the_account(
    service: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    numbers = run(service.fax_numbers())
    assert [n.did for n in numbers] == ["6175550133"]
    run(service.fax_numbers())
    assert len(logged(sandbox, "getFaxNumbersInfo", 2, timeout=0.3)) == 1  # once per session
