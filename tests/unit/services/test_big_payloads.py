"""Fax documents and voicemail recordings are decoded off the event loop (issue #16.3).

Against the sandbox over real HTTP: an answer over the client's small-answer
limit is decoded by the worker process (``app.api.offload``), which writes the
file itself; the bytes on disk are exactly the provider's file. A small answer
is decoded in place to the same result. A wrong document is refused and leaves
no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.api import offload
from app.domain.errors import UserFacingError
from app.domain.models.voicemail import AudioFormat
from app.sandbox import SandboxServer, resources
from app.services.fax.service import FaxService
from app.services.voicemail.service import VoicemailService
from app.store.fax import FaxRepo
from app.store.sync_state import SyncState
from app.store.voicemail import VoicemailRepo


@pytest.fixture
def fax(api: Any, db: Any, tmp_path: Path) -> FaxService:
    return FaxService(api, FaxRepo(db), SyncState(db), tmp_path / "fax")


@pytest.fixture
def voicemail(api: Any, db: Any, tmp_path: Path, run: Any) -> VoicemailService:
    service = VoicemailService(api, VoicemailRepo(db), tmp_path / "audio")
    run(service.refresh())
    return service


def test_a_fax_document_is_decoded_to_disk_by_the_worker(
    fax: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(fax.sync())
    message = run(fax.messages("INBOX"))[0]
    (row,) = [f for f in sandbox.state.faxes if f.id == message.id]
    before = offload.WORKER.in_process
    path = run(fax.pdf(message))
    assert offload.WORKER.in_process == before + 1  # another process decoded it
    assert path.read_bytes() == resources.read("fax", row.pdf or "")
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".part-")]


def test_a_document_that_is_not_a_pdf_is_refused_and_not_kept(
    fax: FaxService, sandbox: SandboxServer, run: Any
) -> None:
    run(fax.sync())
    message = run(fax.messages("INBOX"))[0]
    with sandbox.state.lock:
        (row,) = [f for f in sandbox.state.faxes if f.id == message.id]
        row.data = b"<html>" + b"x" * 60_000  # big enough for the worker path
    with pytest.raises(UserFacingError, match="not a PDF"):
        run(fax.pdf(message))
    assert fax.cached_pdf(message.id) is None
    assert list(fax.pdf_dir.iterdir()) == []


@pytest.mark.parametrize(("fmt", "worker"), [(AudioFormat.WAV, True), (AudioFormat.MP3, False)])
def test_a_recording_is_decoded_to_disk_big_in_the_worker_small_in_place(
    voicemail: VoicemailService, sandbox: SandboxServer, run: Any,
    fmt: AudioFormat, worker: bool,
) -> None:
    message = run(voicemail.messages("1001"))[0]
    before = offload.WORKER.in_process
    path = run(voicemail.audio_for(message, fmt))
    assert offload.WORKER.in_process == before + (1 if worker else 0)
    (row,) = [v for v in sandbox.state.voicemails
              if (v.mailbox, v.folder, v.message_num) == message.key]
    extension = "wav" if fmt is AudioFormat.WAV else "mp3"
    assert path.suffix == f".{extension}"
    assert path.read_bytes() == resources.read("voicemail", f"{row.clip}.{extension}")
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".part-")]


def test_a_file_answer_is_streamed_to_disk_not_joined_in_memory(
    fax: FaxService, sandbox: SandboxServer, run: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    received: list[object] = []
    real = offload.receive

    async def recording(*args: Any, **kwargs: Any) -> Any:
        body, head = await real(*args, **kwargs)
        received.append(body)
        return body, head

    monkeypatch.setattr(offload, "receive", recording)
    monkeypatch.setattr(offload, "WRITE_BATCH_BYTES", 4096)  # several batches
    run(fax.sync())
    message = run(fax.messages("INBOX"))[0]
    (row,) = [f for f in sandbox.state.faxes if f.id == message.id]
    path = run(fax.pdf(message))
    (body,) = received
    assert isinstance(body, Path) and not body.exists()  # spilled, then removed
    assert path.read_bytes() == resources.read("fax", row.pdf or "")


def test_a_small_streamed_answer_stays_in_memory(run: Any) -> None:
    async def chunks() -> Any:
        for part in (b'{"status": ', b'"success"}'):
            yield part

    body, head = run(offload.receive(chunks(), keep_below=1000))
    assert body == b'{"status": "success"}' and head == body
