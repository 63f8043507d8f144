"""The voicemail view survives a restart: what the service saved, a new one paints
from the database without a single API call."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from app.sandbox import SandboxServer
from app.services.voicemail.service import VoicemailService
from app.services.voicemail.store_adapter import DbVoicemailStore

Run = Callable[[Coroutine[Any, Any, Any]], Any]


def test_state_round_trips_through_the_database(
    qapp: Any, api: Any, db: Any, tmp_path: Path, run: Run, sandbox: SandboxServer
) -> None:
    first = VoicemailService(api, DbVoicemailStore(db), tmp_path)
    run(first.refresh())
    dana = next(m for m in first.messages("1001") if m.caller_number == "6175550142")
    run(first.set_listened(dana, True))
    moved = run(first.move(dana, "Family"))

    sandbox.clear_log()
    second = VoicemailService(api, DbVoicemailStore(db), tmp_path)
    counts: list[int] = []
    second.unread_changed.connect(counts.append)
    run(second.load_cached())
    assert sandbox.request_log == []  # painted from the cache only
    assert [b.mailbox for b in second.mailboxes()] == ["1001", "1002"]
    assert [f.value for f in second.folders("1001")] == [f.value for f in first.folders("1001")]
    assert sorted(m.key for m in second.messages("1001")) == sorted(
        m.key for m in first.messages("1001")
    )
    restored = second.message(moved.key)
    assert restored is not None and restored.listened and restored.folder == "Family"
    assert second.caller_label(restored) == "Dana Whitfield"  # phonebook from the store
    assert (
        second.caller_name(
            next(m for m in second.messages("1002") if m.caller_number == "8005550111")
        )
        == "Northside Flour Co."
    )
    assert counts == [first.unread_total()] == [6]


def test_load_cached_on_an_empty_database(
    qapp: Any, api: Any, db: Any, tmp_path: Path, run: Run
) -> None:
    service = VoicemailService(api, DbVoicemailStore(db), tmp_path)
    run(service.load_cached())
    assert service.mailboxes() == []
    assert service.unread_total() == 0
    assert next(f.value for f in service.folders("1001")) == "INBOX"  # defaults until known
