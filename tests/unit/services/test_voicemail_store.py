"""The voicemail view survives a restart: what the service stored, a new one paints
from the database without a single API call. No Qt: plain asyncio on the real store."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from app.domain.models.voicemail import Mailbox
from app.sandbox import SandboxServer
from app.services.voicemail.changes import Overview, caller_label, caller_name
from app.services.voicemail.service import VoicemailService
from app.store.voicemail import VoicemailRepo

Run = Callable[[Coroutine[Any, Any, Any]], Any]


def test_state_round_trips_through_the_database(
    api: Any, db: Any, tmp_path: Path, run: Run, sandbox: SandboxServer
) -> None:
    first = VoicemailService(api, VoicemailRepo(db), tmp_path)
    run(first.refresh())
    dana = next(m for m in run(first.messages("1001")) if m.caller_number == "6175550142")
    run(first.set_listened(dana, True))
    moved = run(first.move(dana, "Family")).subject
    before = run(first.overview())

    sandbox.clear_log()
    second = VoicemailService(api, VoicemailRepo(db), tmp_path)
    counts: list[int] = []
    shown: list[Overview] = []
    second.unread_changed.connect(counts.append)
    second.overview_changed.connect(shown.append)
    overview = run(second.load_cached())
    assert sandbox.request_log == []  # painted from the cache only
    assert shown == [overview]
    assert [s.box.mailbox for s in overview.mailboxes] == ["1001", "1002"]
    summary, known = overview.summary("1001"), before.summary("1001")
    assert summary is not None and known is not None
    assert [f.value for f in summary.folders] == [f.value for f in known.folders]
    assert sorted(m.key for m in run(second.messages("1001"))) == sorted(
        m.key for m in run(first.messages("1001"))
    )
    restored = run(second.message(moved.key))
    assert restored is not None and restored.listened and restored.folder == "Family"
    assert caller_label(restored, overview.names) == "Dana Whitfield"  # phonebook from the store
    northside = next(
        m for m in run(second.messages("1002")) if m.caller_number == "8005550111"
    )
    assert caller_name(northside, overview.names) == "Northside Flour Co."
    assert counts == [before.unread_total] == [6]


def test_load_cached_on_an_empty_database(api: Any, db: Any, tmp_path: Path, run: Run) -> None:
    service = VoicemailService(api, VoicemailRepo(db), tmp_path)
    overview = run(service.load_cached())
    assert overview.mailboxes == ()
    assert overview.unread_total == 0
    assert run(service.messages("1001")) == []
    # A mailbox known before its folders: the folders every mailbox has, INBOX first.
    run(VoicemailRepo(db).save_mailboxes([Mailbox("1001", "Front desk")]))
    summary = run(service.overview()).summary("1001")
    assert summary is not None and summary.folders[0].value == "INBOX"
