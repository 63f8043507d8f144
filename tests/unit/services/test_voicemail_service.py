"""VoicemailService against the sandbox over real HTTP: loading, audio cache, actions.

Every action is checked twice: accepted (the sandbox's state changed, the
service agrees) and refused (a fault makes the provider fail the call: the
service puts the previous state back and raises a sentence naming the caller).
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
from app.services.voicemail.ports import MemoryVoicemailStore
from app.services.voicemail.service import ActionRefused, VoicemailService, count_unheard

Run = Callable[[Coroutine[Any, Any, Any]], Any]
FILE = "getVoicemailMessageFile"


@pytest.fixture
def service(qapp: Any, api: Any, tmp_path: Path, run: Run) -> VoicemailService:
    svc = VoicemailService(api, MemoryVoicemailStore(), tmp_path / "audio")
    run(svc.refresh())
    return svc


def _by_caller(service: VoicemailService, number: str) -> VoicemailMessage:
    for box in service.mailboxes():
        for message in service.messages(box.mailbox):
            if message.caller_number == number:
                return message
    raise AssertionError(f"no voicemail from {number}")


def _sandbox_row(sandbox: SandboxServer, number: str) -> Any:
    return next(v for v in sandbox.state.voicemails if number in v.callerid)


DANA = "6175550142"  # 1001 INBOX, unheard, in the phonebook
NORTHSIDE = "8005550111"  # 1002 INBOX, heard; phonebook says "Northside Flour Co."


def test_refresh_loads_mailboxes_folders_and_messages(service: VoicemailService) -> None:
    boxes = {b.mailbox: b for b in service.mailboxes()}
    assert set(boxes) == {"1001", "1002"}
    assert boxes["1001"].name == "Front desk"
    assert [f.value for f in service.folders("1001")][:2] == ["INBOX", "Old"]
    inbox = service.messages("1001", "INBOX")
    assert len(inbox) == 5
    assert all(m.date is not None and m.date.tzinfo is not None for m in inbox)
    new, urgent = count_unheard(service.messages("1001"))
    assert (boxes["1001"].new, boxes["1001"].urgent) == (new, urgent) == (5, 2)
    assert service.unread_total() == 5 + 2


def test_caller_label_prefers_phonebook_then_caller_id_then_number(
    service: VoicemailService,
) -> None:
    assert service.caller_label(_by_caller(service, NORTHSIDE)) == "Northside Flour Co."
    assert service.caller_label(_by_caller(service, DANA)) == "Dana Whitfield"
    assert service.caller_label(_by_caller(service, "6175550163")) == "(617) 555-0163"


def test_audio_is_fetched_once_then_cached(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    sandbox.clear_log()
    first = run(service.audio_for(message))
    assert sniff_format(first.read_bytes()) is AudioFormat.MP3
    assert len(sandbox.calls(FILE)) == 1
    assert sandbox.calls(FILE)[0].params["format"] == "mp3"
    second = run(service.audio_for(message))
    assert second == first
    assert len(sandbox.calls(FILE)) == 1  # the cache answered


def test_concurrent_requests_share_one_call(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    sandbox.clear_log()

    async def both() -> list[Path]:
        return list(await asyncio.gather(service.audio_for(message), service.audio_for(message)))

    first, second = run(both())
    assert first == second
    assert len(sandbox.calls(FILE)) == 1


def test_audio_failure_is_a_sentence_and_not_cached(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    row = _sandbox_row(sandbox, DANA)
    sandbox.state.voicemails.remove(row)  # deleted by phone meanwhile
    with pytest.raises(UserFacingError) as info:
        run(service.audio_for(message))
    assert "deleted" in info.value.message or "not found" in info.value.message
    assert service.cache.lookup_playable(message, AudioFormat.MP3) is None
    sandbox.state.voicemails.append(row)
    assert run(service.audio_for(message)).exists()


@pytest.mark.parametrize("fmt", [AudioFormat.WAV, AudioFormat.WAV49, AudioFormat.GSM])
def test_other_formats_are_cached_with_their_extension(
    service: VoicemailService, run: Run, fmt: AudioFormat
) -> None:
    path = run(service.audio_for(_by_caller(service, DANA), fmt, exact=True))
    assert path.suffix == (".gsm" if fmt is AudioFormat.GSM else ".wav")
    if fmt is not AudioFormat.GSM:
        assert sniff_format(path.read_bytes()) in (AudioFormat.WAV, AudioFormat.WAV49)


def test_mark_heard_and_unheard(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    run(service.set_listened(message, True))
    assert _sandbox_row(sandbox, DANA).listened is True
    assert service.message(message.key).listened is True  # type: ignore[union-attr]
    assert service.mailbox("1001").new == 4  # type: ignore[union-attr]
    run(service.set_listened(message, False))
    assert _sandbox_row(sandbox, DANA).listened is False
    assert service.mailbox("1001").new == 5  # type: ignore[union-attr]


def test_mark_heard_refused_rolls_back(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    seen: list[bool] = []
    service.messages_changed.connect(
        lambda _box: seen.append(service.message(message.key).listened)  # type: ignore[union-attr]
    )
    sandbox.faults.inject("http_500", methods="markListenedVoicemailMessage")
    with pytest.raises(ActionRefused) as info:
        run(service.set_listened(message, True))
    assert "Dana Whitfield" in info.value.message and "heard" in info.value.message
    assert seen == [True, False]  # shown at once, then put back
    assert service.message(message.key).listened is False  # type: ignore[union-attr]
    assert _sandbox_row(sandbox, DANA).listened is False
    assert service.mailbox("1001").new == 5  # type: ignore[union-attr]


def test_urgent_and_its_refusal(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    run(service.set_urgent(message, True))
    assert _sandbox_row(sandbox, DANA).urgent is True
    sandbox.faults.inject("http_503", methods="markUrgentVoicemailMessage")
    with pytest.raises(ActionRefused):
        run(service.set_urgent(message, False))
    assert service.message(message.key).urgent is True  # type: ignore[union-attr]
    assert _sandbox_row(sandbox, DANA).urgent is True


def test_move_takes_the_providers_number(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    moved = run(service.move(message, "Work"))
    assert moved.folder == "Work"
    assert service.message(message.key) is None
    row = _sandbox_row(sandbox, DANA)
    assert (row.folder, row.message_num) == ("Work", moved.message_num)
    assert service.message(moved.key) == moved


def test_move_refused_puts_it_back(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    sandbox.faults.inject("soap_fault", methods="moveFolderVoicemailMessage")
    with pytest.raises(ActionRefused) as info:
        run(service.move(message, "Work"))
    assert "move to Work" in info.value.message
    assert service.message(message.key) == message
    assert service.messages("1001", "Work") == []
    assert _sandbox_row(sandbox, DANA).folder == "INBOX"


def test_delete_and_its_refusal(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    message = _by_caller(service, DANA)
    cached = run(service.audio_for(message))
    sandbox.faults.inject("http_500", methods="delMessages")
    with pytest.raises(ActionRefused):
        run(service.delete(message))
    assert service.message(message.key) == message
    assert any(DANA in v.callerid for v in sandbox.state.voicemails)
    run(service.delete(message))
    assert service.message(message.key) is None
    assert not any(DANA in v.callerid for v in sandbox.state.voicemails)
    assert not cached.exists()  # the recording went with it
    call = sandbox.calls("delMessages")[-1]
    assert (call.params["folder"], call.params["message_num"]) == ("INBOX", "1")


def test_send_email(service: VoicemailService, sandbox: SandboxServer, run: Run) -> None:
    message = _by_caller(service, DANA)
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


def test_save_audio_as_wav_and_mp3(service: VoicemailService, run: Run, tmp_path: Path) -> None:
    message = _by_caller(service, DANA)
    wav = run(service.save_audio(message, tmp_path / "dana.wav"))
    assert sniff_format(wav.read_bytes()) is AudioFormat.WAV
    mp3 = run(service.save_audio(message, tmp_path / "dana"))
    assert mp3.suffix == ".mp3" and sniff_format(mp3.read_bytes()) is AudioFormat.MP3


def test_save_audio_to_unwritable_place_is_a_sentence(
    service: VoicemailService, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-dir" / "dana.mp3"
    with pytest.raises(UserFacingError) as info:
        run(service.save_audio(_by_caller(service, DANA), target))
    assert "Could not save the recording" in info.value.message


def test_check_new_finds_arrivals_only(
    service: VoicemailService, sandbox: SandboxServer, run: Run
) -> None:
    announced: list[list[VoicemailMessage]] = []
    service.new_voicemail.connect(announced.append)
    assert run(service.check_new()) == []
    sandbox.state.deliver_voicemail("1002", "6175550106", caller_name="Hannah Becker")
    sandbox.clear_log()
    arrived = run(service.check_new())
    assert [m.caller_number for m in arrived] == ["6175550106"]
    assert announced == [arrived]
    assert service.mailbox("1002").new == 3  # type: ignore[union-attr]
    # Only the mailbox whose counts moved was re-read.
    assert [c.params["mailbox"] for c in sandbox.calls("getVoicemailMessages")] == ["1002"]


def test_first_load_does_not_announce_old_messages(
    qapp: Any, api: Any, tmp_path: Path, run: Run
) -> None:
    svc = VoicemailService(api, MemoryVoicemailStore(), tmp_path)
    announced: list[list[VoicemailMessage]] = []
    svc.new_voicemail.connect(announced.append)
    run(svc.refresh())
    assert announced == []
    assert svc.unread_total() == 7
