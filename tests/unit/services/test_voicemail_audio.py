"""Voicemail audio sniffing and the on-disk cache (no network, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from app.domain.models.voicemail import AudioFormat, VoicemailMessage
from app.services.voicemail.audio import (
    AudioCache,
    fingerprint,
    sniff_format,
)

WAV_HEAD = b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00" + b"\x00" * 20
WAV49_HEAD = b"RIFF\x24\x00\x00\x00WAVEfmt \x14\x00\x00\x00\x31\x00\x01\x00" + b"\x00" * 20
MP3_ID3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\x00" * 20
MP3_SYNC = b"\xff\xfb\x90\x64" + b"\x00" * 20


def _message(num: int = 1, folder: str = "INBOX", caller: str = "5551234567") -> VoicemailMessage:
    return VoicemailMessage(
        mailbox="1001",
        folder=folder,
        message_num=num,
        date=datetime(2026, 3, 1, 15, 30, tzinfo=UTC),
        caller_name="",
        caller_number=caller,
        duration_seconds=12,
        urgent=False,
        listened=False,
    )


def test_sniff_format() -> None:
    assert sniff_format(WAV_HEAD) is AudioFormat.WAV
    assert sniff_format(WAV49_HEAD) is AudioFormat.WAV49
    assert sniff_format(MP3_ID3) is AudioFormat.MP3
    assert sniff_format(MP3_SYNC) is AudioFormat.MP3
    assert sniff_format(b"\x00\x01\x02garbage") is None


def test_fingerprint_changes_when_a_number_is_reused() -> None:
    # Asterisk renumbers after a delete: same number, other caller -> other file.
    assert fingerprint(_message(3)) != fingerprint(_message(3, caller="5559998888"))
    assert fingerprint(_message(3)) == fingerprint(_message(3))


def test_cache_store_lookup_forget(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    msg = _message()
    assert cache.lookup(msg, AudioFormat.MP3) is None
    path = cache.store(msg, AudioFormat.MP3, MP3_ID3)
    assert path.suffix == ".mp3" and path.read_bytes() == MP3_ID3
    assert cache.lookup(msg, AudioFormat.MP3) == path
    assert cache.lookup(msg, AudioFormat.WAV) is None
    assert not list(path.parent.glob(".part-*"))  # atomic write left no temp file
    cache.forget(msg)
    assert cache.lookup(msg, AudioFormat.MP3) is None


def test_cache_names_file_after_what_arrived(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    msg = _message()
    path = cache.store(msg, AudioFormat.MP3, WAV_HEAD)  # asked MP3, got WAV
    assert path.suffix == ".wav"
    assert cache.lookup(msg, AudioFormat.MP3) is None
    assert cache.lookup_playable(msg, AudioFormat.MP3) == path


def test_cache_keeps_wav_and_wav49_apart(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    msg = _message()
    wav = cache.store(msg, AudioFormat.WAV, WAV_HEAD)
    gsm = cache.store(msg, AudioFormat.WAV49, WAV49_HEAD)
    assert wav != gsm and wav.read_bytes() == WAV_HEAD and gsm.read_bytes() == WAV49_HEAD
    raw = cache.store(msg, AudioFormat.GSM, b"\xd0" * 33)
    assert raw.suffix == ".gsm"


def test_cache_paths_are_safe_for_odd_folder_names(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    path = cache.path_for(_message(folder="../Old/Stuff"), AudioFormat.MP3)
    assert tmp_path in path.parents
    assert ".." not in path.relative_to(tmp_path).parts


def test_empty_cached_file_is_not_a_hit(tmp_path: Path) -> None:
    cache = AudioCache(tmp_path)
    msg = _message()
    path = cache.path_for(msg, AudioFormat.MP3)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    assert cache.lookup(msg, AudioFormat.MP3) is None
