"""VoicemailService against the sandbox over real HTTP: loading, audio cache, actions.

Every action is checked twice: accepted (the sandbox's state changed, the
service agrees) and refused (a fault makes the provider fail the call: the
service puts the previous state back and raises a sentence naming the caller).
No Qt: the service is plain asyncio on the real store (``db``), the only copy
of the state, so every "the service says" below is a read of the database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import UserFacingError
from app.domain.models.voicemail import AudioFormat, VoicemailMessage
from app.sandbox import SandboxServer
from app.services.voicemail.audio import sniff_format
from app.services.voicemail.changes import Arrivals, MessageChanges, count_unheard
from app.services.voicemail.service import ActionRefused, VoicemailService
from app.store.voicemail import VoicemailRepo

Run = Callable[[Coroutine[Any, Any, Any]], Any]
FILE = "getVoicemailMessageFile"


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path, run: Run) -> VoicemailService:
    svc = VoicemailService(api, VoicemailRepo(db), tmp_path / "audio")
    run(svc.refresh())
    return svc


@pytest.fixture
def by_caller(service: VoicemailService, run: Run) -> Callable[[str], VoicemailMessage]:
    def find(number: str) -> VoicemailMessage:
        for summary in run(service.overview()).mailboxes:
            for message in run(service.messages(summary.box.mailbox)):
                if message.caller_number == number:
                    return message
        raise AssertionError(f"no voicemail from {number}")

    return find


def _new(service: VoicemailService, run: Run, mailbox: str) -> int:
    box = run(service.mailbox(mailbox))
    assert box is not None
    return int(box.new)


def _sandbox_row(sandbox: SandboxServer, number: str) -> Any:
    return next(v for v in sandbox.state.voicemails if number in v.callerid)


DANA = "6175550142"  # 1001 INBOX, unheard, in the phonebook
NORTHSIDE = "8005550111"  # 1002 INBOX, heard; phonebook says "Northside Flour Co."


def test_refresh_loads_mailboxes_folders_and_messages(
    service: VoicemailService, run: Run
) -> None:
    overview = run(service.overview())
    boxes = {s.box.mailbox: s.box for s in overview.mailboxes}
    assert set(boxes) == {"1001", "1002"}
    assert boxes["1001"].name == "Front desk"
    summary = overview.summary("1001")
    assert summary is not None
    assert [f.value for f in summary.folders][:2] == ["INBOX", "Old"]
    inbox = run(service.messages("1001", "INBOX"))
    assert len(inbox) == 5
    assert all(m.date is not None and m.date.tzinfo is not None for m in inbox)
    new, urgent = count_unheard(run(service.messages("1001")))
    assert (boxes["1001"].new, boxes["1001"].urgent) == (new, urgent) == (5, 2)
    assert summary.unheard["INBOX"] == 4
    assert overview.unread_total == 5 + 2


def test_caller_label_prefers_phonebook_then_caller_id_then_number(
    service: VoicemailService, run: Run, by_caller: Callable[[str], VoicemailMessage]
) -> None:
    assert run(service.caller_label(by_caller(NORTHSIDE))) == "Northside Flour Co."
    assert run(service.caller_label(by_caller(DANA))) == "Dana Whitfield"
    assert run(service.caller_label(by_caller("6175550163"))) == "(617) 555-0163"


Find = Callable[[str], VoicemailMessage]


def test_audio_is_fetched_once_then_cached(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    sandbox.clear_log()
    first = run(service.audio_for(message))
    assert sniff_format(first.read_bytes()) is AudioFormat.MP3
    assert len(sandbox.calls(FILE)) == 1
    assert sandbox.calls(FILE)[0].params["format"] == "mp3"
    second = run(service.audio_for(message))
    assert second == first
    assert len(sandbox.calls(FILE)) == 1  # the cache answered


def test_concurrent_requests_share_one_call(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    sandbox.clear_log()

    async def both() -> list[Path]:
        return list(await asyncio.gather(service.audio_for(message), service.audio_for(message)))

    first, second = run(both())
    assert first == second
    assert len(sandbox.calls(FILE)) == 1


def test_audio_failure_is_a_sentence_and_not_cached(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    row = _sandbox_row(sandbox, DANA)
    sandbox.state.voicemails.remove(row)  # deleted by phone meanwhile
    with pytest.raises(UserFacingError) as info:
        run(service.audio_for(message))
    assert "deleted" in info.value.message or "not found" in info.value.message
    # Says what failed: a bare "Can't reach VoIP.ms" after a click on Play did not.
    assert str(info.value.message).startswith("Could not fetch the recording: ")
    assert service.cache.lookup_playable(message, AudioFormat.MP3) is None
    sandbox.state.voicemails.append(row)
    assert run(service.audio_for(message)).exists()


@pytest.mark.parametrize("fmt", [AudioFormat.WAV, AudioFormat.WAV49, AudioFormat.GSM])
def test_other_formats_are_cached_with_their_extension(
    service: VoicemailService, run: Run, fmt: AudioFormat, by_caller: Find
) -> None:
    path = run(service.audio_for(by_caller(DANA), fmt, exact=True))
    assert path.suffix == (".gsm" if fmt is AudioFormat.GSM else ".wav")
    if fmt is not AudioFormat.GSM:
        assert sniff_format(path.read_bytes()) in (AudioFormat.WAV, AudioFormat.WAV49)


def test_mark_heard_and_unheard(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    changes = run(service.set_listened(message, True))
    assert _sandbox_row(sandbox, DANA).listened is True
    assert run(service.message(message.key)).listened is True
    assert _new(service, run, "1001") == 4
    # The change set says what the view must show: the row and the new counts.
    assert changes.subject is not None and changes.subject.listened
    assert [m.key for m in changes.changed] == [message.key] and changes.removed == ()
    assert changes.summary is not None and changes.summary.box.new == 4
    assert changes.unread_total == 6
    run(service.set_listened(message, False))
    assert _sandbox_row(sandbox, DANA).listened is False
    assert _new(service, run, "1001") == 5


def test_mark_heard_refused_rolls_back(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    seen: list[bool] = []
    counts: list[int] = []

    def on_changed(changes: MessageChanges) -> None:
        seen.extend(m.listened for m in changes.changed if m.key == message.key)

    service.messages_changed.connect(on_changed)
    service.unread_changed.connect(counts.append)
    sandbox.faults.inject("http_500", methods="markListenedVoicemailMessage")
    with pytest.raises(ActionRefused) as info:
        run(service.set_listened(message, True))
    assert "Dana Whitfield" in info.value.message and "heard" in info.value.message
    assert seen == [True, False]  # shown at once, then put back
    assert counts == [6, 7]
    assert run(service.message(message.key)).listened is False
    assert _sandbox_row(sandbox, DANA).listened is False
    assert _new(service, run, "1001") == 5


def test_urgent_and_its_refusal(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    run(service.set_urgent(message, True))
    assert _sandbox_row(sandbox, DANA).urgent is True
    sandbox.faults.inject("http_503", methods="markUrgentVoicemailMessage")
    with pytest.raises(ActionRefused):
        run(service.set_urgent(message, False))
    assert run(service.message(message.key)).urgent is True
    assert _sandbox_row(sandbox, DANA).urgent is True


def test_move_takes_the_providers_number(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    changes = run(service.move(message, "Work"))
    moved = changes.subject
    assert moved is not None and moved.folder == "Work"
    assert run(service.message(message.key)) is None
    row = _sandbox_row(sandbox, DANA)
    assert (row.folder, row.message_num) == ("Work", moved.message_num)
    assert run(service.message(moved.key)) == moved
    # One change set for the whole move: the old key gone, the new row there.
    assert message.key in changes.removed and moved in changes.changed
    assert moved.key not in changes.removed


def test_move_refused_puts_it_back(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    sandbox.faults.inject("soap_fault", methods="moveFolderVoicemailMessage")
    with pytest.raises(ActionRefused) as info:
        run(service.move(message, "Work"))
    assert "move to Work" in info.value.message
    assert run(service.message(message.key)) == message
    assert run(service.messages("1001", "Work")) == []
    assert _sandbox_row(sandbox, DANA).folder == "INBOX"


def test_delete_and_its_refusal(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    cached = run(service.audio_for(message))
    sandbox.faults.inject("http_500", methods="delMessages")
    with pytest.raises(ActionRefused):
        run(service.delete(message))
    assert run(service.message(message.key)) == message
    assert any(DANA in v.callerid for v in sandbox.state.voicemails)
    changes = run(service.delete(message))
    assert changes.removed == (message.key,) and changes.subject is None
    assert run(service.message(message.key)) is None
    assert not any(DANA in v.callerid for v in sandbox.state.voicemails)
    assert not cached.exists()  # the recording went with it
    call = sandbox.calls("delMessages")[-1]
    assert (call.params["folder"], call.params["message_num"]) == ("INBOX", "1")


def test_send_email(
    service: VoicemailService, sandbox: SandboxServer, run: Run, by_caller: Find
) -> None:
    message = by_caller(DANA)
    run(service.send_email(message, " boss@example.com "))
    assert sandbox.state.emails_sent[-1]["to"] == "boss@example.com"
    sandbox.clear_log()
    with pytest.raises(UserFacingError) as info:
        run(service.send_email(message, "not an address"))
    assert "not an e-mail address" in info.value.message
    assert sandbox.calls("sendVoicemailEmail") == []  # nothing sent for a typo
    sandbox.faults.inject("http_503", methods="sendVoicemailEmail")
    with pytest.raises(ActionRefused) as refused:
        run(service.send_email(message, "boss@example.com"))
    assert "e-mail to boss@example.com" in refused.value.message


def test_save_audio_as_wav_and_mp3(
    service: VoicemailService, run: Run, tmp_path: Path, by_caller: Find
) -> None:
    message = by_caller(DANA)
    wav = run(service.save_audio(message, tmp_path / "dana.wav"))
    assert sniff_format(wav.read_bytes()) is AudioFormat.WAV
    mp3 = run(service.save_audio(message, tmp_path / "dana"))
    assert mp3.suffix == ".mp3" and sniff_format(mp3.read_bytes()) is AudioFormat.MP3


def test_save_audio_to_unwritable_place_is_a_sentence(
    service: VoicemailService, run: Run, tmp_path: Path, by_caller: Find
) -> None:
    target = tmp_path / "no-such-dir" / "dana.mp3"
    with pytest.raises(UserFacingError) as info:
        run(service.save_audio(by_caller(DANA), target))
    assert "Could not save the recording" in info.value.message


def test_check_new_finds_arrivals_only(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    announced: list[Arrivals] = []
    service.new_voicemail.connect(announced.append)
    assert run(service.check_new()) == []
    sandbox.state.deliver_voicemail("1002", "6175550106", caller_name="Hannah Becker")
    sandbox.clear_log()
    arrived = run(service.check_new())
    assert [m.caller_number for m in arrived] == ["6175550106"]
    assert [list(a.messages) for a in announced] == [arrived]
    assert _new(service, run, "1002") == 3
    # Only the mailbox whose counts moved was re-read.
    assert [c.params["mailbox"] for c in sandbox.calls("getVoicemailMessages")] == ["1002"]


def test_first_load_does_not_announce_old_messages(
    api: Any, db: Any, tmp_path: Path, run: Run
) -> None:
    svc = VoicemailService(api, VoicemailRepo(db), tmp_path)
    announced: list[Arrivals] = []
    svc.new_voicemail.connect(announced.append)
    run(svc.refresh())
    assert announced == []
    assert run(svc.overview()).unread_total == 7


def test_the_store_is_the_only_copy(
    service: VoicemailService, db: Any, run: Run, by_caller: Find
) -> None:
    """What another writer puts in the database is what the service answers: it
    keeps no copy of its own to go stale."""
    from dataclasses import replace

    from app.store import voicemail as vm

    message = by_caller(DANA)
    run(db.run(vm.put_message, replace(message, listened=True)))
    assert run(service.message(message.key)).listened is True
    assert _new(service, run, "1001") == 4
