from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from app.domain.models.fax import FaxFolder, FaxMessage
from app.domain.models.numbers import ChangeLogEntry, Did
from app.domain.models.voicemail import Mailbox, VoicemailFolder, VoicemailMessage
from app.domain.routing import Route, RouteKind
from app.store import dids as did_store
from app.store import fax as fax_store
from app.store import voicemail as vm
from app.store.db import Database
from tests.unit.store.conftest import T0


def _vm(
    num: int, folder: str = "INBOX", caller: str = "5552220000", **kw: object
) -> VoicemailMessage:
    values: dict[str, object] = dict(
        mailbox="101", folder=folder, message_num=num, date=T0 + timedelta(hours=num),
        caller_name="Alice", caller_number=caller, duration_seconds=30 + num, urgent=False,
        listened=False,
    )
    values.update(kw)
    return VoicemailMessage(**values)  # type: ignore[arg-type]


def test_mailboxes_and_folders_round_trip(db: Database) -> None:
    boxes = [Mailbox("101", "Front desk", new=2, raw={"x": 1}), Mailbox("102", "Sales")]
    db.run_sync(vm.replace_mailboxes, boxes)
    db.run_sync(vm.replace_mailboxes, boxes[:1])
    assert db.run_sync(vm.list_mailboxes) == boxes[:1]
    assert db.run_sync(vm.list_mailboxes)[0].raw == {"x": 1}
    folders = [VoicemailFolder("INBOX", "Inbox"), VoicemailFolder("Old", "Old")]
    db.run_sync(vm.replace_folders, "101", folders)
    assert db.run_sync(vm.list_folders, "101") == folders


def test_replace_mailbox_messages_reports_inserted_removed_changed(db: Database) -> None:
    first = db.run_sync(vm.replace_mailbox_messages, "101", [_vm(1), _vm(2), _vm(3)])
    assert [m.message_num for m in first.inserted] == [1, 2, 3]
    # 3 was deleted elsewhere; 1 was listened to; 2 was renumbered onto another recording.
    second = db.run_sync(
        vm.replace_mailbox_messages, "101",
        [_vm(1, listened=True), _vm(2, caller="+15553330000", date=T0)],
    )
    assert [m.message_num for m in second.removed] == [3]
    assert [(m.message_num, m.caller_number) for m in second.changed] == [
        (1, "5552220000"), (2, "5553330000")]
    assert second.inserted == []
    same = [_vm(1, listened=True), _vm(2, caller="5553330000", date=T0)]
    unchanged = db.run_sync(vm.replace_mailbox_messages, "101", same)
    assert not unchanged.any
    # Other mailboxes are untouched by a mailbox replace.
    db.run_sync(vm.replace_mailbox_messages, "102", [_vm(1, mailbox="102", folder="Old")])
    assert [m.folder for m in db.run_sync(vm.list_messages, "101")].count("INBOX") == 2
    assert len(db.run_sync(vm.list_messages, "102", "Old")) == 1


def test_voicemail_flags_delete_and_counts(db: Database) -> None:
    db.run_sync(vm.replace_mailboxes, [Mailbox("101", "Front desk")])
    db.run_sync(vm.replace_mailbox_messages, "101", [_vm(1), _vm(2, folder="Old")])
    assert db.run_sync(vm.folder_counts, "101") == {"INBOX": (1, 0), "Old": (1, 0)}
    flagged = replace(_vm(1), listened=True, urgent=True)
    change = db.run_sync(vm.put, flagged, None)
    assert change.changed == (flagged,) and change.removed == ()
    stored = db.run_sync(vm.get_message, ("101", "INBOX", 1))
    assert stored is not None and stored.listened and stored.urgent
    assert db.run_sync(vm.delete_message, ("101", "Old", 2)) is True
    assert db.run_sync(vm.delete_message, ("101", "Old", 2)) is False
    assert db.run_sync(vm.folder_counts, "101") == {"INBOX": (0, 1)}
    repo = vm.VoicemailRepo(db)
    assert [m.message_num for m in asyncio.run(repo.messages("101"))] == [1]
    summary = asyncio.run(repo.overview()).summary("101")
    assert summary is not None and (summary.box.new, summary.box.urgent) == (0, 1)


def _fax(id_: int, folder: str = "inbox", hours: int = 0, **kw: object) -> FaxMessage:
    values: dict[str, object] = dict(
        id=id_, folder=folder, date=T0 + timedelta(hours=hours or id_), callerid="5552220000",
        stationid="ST", destination="5551110000", description="", pages=2,
        duration_seconds=40, status="success",
    )
    values.update(kw)
    return FaxMessage(**values)  # type: ignore[arg-type]


def test_fax_folders_and_replace_folder(db: Database) -> None:
    db.run_sync(fax_store.replace_fax_folders, [FaxFolder("1", "Inbox"), FaxFolder("2", "Sent")])
    assert [f.name for f in db.run_sync(fax_store.list_fax_folders)] == ["Inbox", "Sent"]
    first = db.run_sync(fax_store.replace_folder, "inbox", [_fax(1), _fax(2), _fax(3)])
    assert [m.id for m in first.inserted] == [1, 2, 3]
    db.run_sync(fax_store.set_pdf_path, 2, "/cache/2.pdf")
    db.run_sync(fax_store.replace_folder, "archive", [_fax(9, folder="archive")])
    # Fax 3 moved to archive (changed, not inserted); 1 removed; 2's status changed.
    second = db.run_sync(
        fax_store.replace_folder, "archive", [_fax(9, folder="archive"), _fax(3, folder="archive")]
    )
    assert [m.id for m in second.changed] == [3] and second.inserted == []
    third = db.run_sync(fax_store.replace_folder, "inbox", [_fax(2, status="failed")])
    assert [m.id for m in third.removed] == [1] and [m.id for m in third.changed] == [2]
    assert db.run_sync(fax_store.pdf_path, 2) == "/cache/2.pdf"  # document does not change
    assert [m.id for m in db.run_sync(fax_store.list_faxes)] == [9, 3, 2]
    assert db.run_sync(fax_store.delete_fax, 2) == "/cache/2.pdf"


def test_fax_replace_limited_to_the_fetched_window(db: Database) -> None:
    db.run_sync(fax_store.upsert_faxes, [_fax(1, hours=1), _fax(2, hours=50)])
    window = (T0 + timedelta(hours=40), T0 + timedelta(hours=60))
    result = db.run_sync(fax_store.replace_folder, "inbox", [], window=window)
    assert [m.id for m in result.removed] == [2]
    assert db.run_sync(fax_store.get_fax, 1) is not None
    assert db.run_sync(fax_store.move_fax, 1, "archive")
    assert [m.id for m in db.run_sync(fax_store.list_faxes, "archive")] == [1]


def _did(number: str, route: str = "account:100001", **kw: object) -> Did:
    values: dict[str, object] = dict(
        did=number, description="Main", routing=Route.parse(route),
        failover_busy=Route.parse("vm:101"), failover_unreachable=Route.parse("none:"),
        failover_noanswer=Route.parse("sip:user@example.com:5060"), voicemail="101",
        pop="3", dialtime=60, cnam=True, callerid_prefix="", note="",
        billing_type="1", sms_enabled=True, raw={"did": number, "extra": "kept"},
    )
    values.update(kw)
    return Did(**values)  # type: ignore[arg-type]


def test_dids_round_trip_keep_raw_and_order(db: Database) -> None:
    dids = [_did("5551110000"), _did("5551110001", route="fwd:5559990000")]
    db.run_sync(did_store.replace_dids, dids)
    loaded = db.run_sync(did_store.list_dids)
    assert loaded == dids
    assert loaded[0].raw == {"did": "5551110000", "extra": "kept"}
    assert loaded[0].failover_noanswer == Route(RouteKind.SIP, "user@example.com:5060")
    edited = replace(dids[0], routing=Route(RouteKind.VOICEMAIL, "101"))
    db.run_sync(did_store.put_did, edited)
    assert db.run_sync(did_store.list_dids) == [edited, dids[1]]
    db.run_sync(did_store.put_did, _did("5551110002"))
    assert [d.did for d in db.run_sync(did_store.list_dids)][-1] == "5551110002"
    # The numbers no longer on the account are reported (a change set's ``removed``).
    assert db.run_sync(did_store.replace_dids, dids[1:]) == ["5551110000", "5551110002"]
    assert db.run_sync(did_store.get_did, "+1 555 111 0000") is None


def test_change_log_newest_first_and_per_did(db: Database) -> None:
    repo = did_store.DidRepo(db)
    entries = [
        ChangeLogEntry(T0, "5551110000", "routing", "account:1", "vm:101", "setDIDRouting",
                       True),
        ChangeLogEntry(T0 + timedelta(minutes=1), "5551110001", "pop", "3", "5",
                       "setDIDPOP", False, "Invalid POP"),
    ]
    asyncio.run(repo.log_changes(entries))
    assert asyncio.run(repo.changes()) == entries[::-1]
    assert asyncio.run(repo.changes("5551110001")) == entries[1:]


def test_change_log_lines_written_pending_are_settled_once(db: Database) -> None:
    """Written before the call, settled when VoIP.ms answers (or by a later refresh):
    only the pending lines of that change and number change, and only once."""
    repo = did_store.DidRepo(db)
    pending = [
        ChangeLogEntry(T0, "5551110000", "routing", "account:1", "vm:101", "setDIDRouting",
                       False, "", "c1", pending=True),
        ChangeLogEntry(T0, "5551110001", "routing", "account:1", "vm:101", "setDIDRouting",
                       False, "", "c1", pending=True),
        ChangeLogEntry(T0, "5551110000", "pop", "3", "5", "setDIDPOP", True, "", "c0"),
    ]
    asyncio.run(repo.log_changes(pending))
    assert asyncio.run(repo.pending_changes()) == pending[:2]
    settled = asyncio.run(repo.settle_changes("c1", "5551110000", False, "Refused"))
    assert settled == [replace(pending[0], pending=False, ok=False, reason="Refused")]
    assert asyncio.run(repo.settle_changes("c1", "5551110000", True, "")) == []  # once
    assert asyncio.run(repo.pending_changes()) == pending[1:2]
    assert asyncio.run(repo.changes("5551110000")) == [pending[2], settled[0]]  # newest id first
