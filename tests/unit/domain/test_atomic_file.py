"""``write_atomically``: the file appears whole or not at all (voicemail audio, fax
PDFs, call recordings, exports all go through it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.domain.atomic_file import write_atomically


def test_bytes_and_text_are_written_whole(tmp_path: Path) -> None:
    audio = tmp_path / "new folder" / "message.wav"
    write_atomically(audio, b"RIFF\x00\x01")
    assert audio.read_bytes() == b"RIFF\x00\x01"
    export = tmp_path / "chat.txt"
    write_atomically(export, "Café 😀\r\nsecond line\n")
    assert export.read_bytes() == "Café 😀\r\nsecond line\n".encode()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["chat.txt", "message.wav",
                                                           "new folder"]


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fax.pdf"
    target.write_bytes(b"%PDF old")

    def disk_full(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF old"
    assert [p.name for p in tmp_path.iterdir()] == ["fax.pdf"]
