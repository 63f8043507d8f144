"""Voicemail audio: format sniffing and the on-disk cache.

``getVoicemailMessageFile`` returns the recording as base64 with line breaks
(API-NOTES.md; ``app.api.parsing.b64decode`` copes). The audio is fetched once
per message and format and kept under the media folder, so the second play
costs no API call.

Cache file names include a fingerprint of the message (date, caller, length)
besides its number: Asterisk renumbers the messages of a folder after a
delete, so ``INBOX/3`` today may be another recording tomorrow, and a name
built from the number alone would play the wrong caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
from pathlib import Path

from app.domain.atomic_file import write_atomically
from app.domain.errors import UserFacingError, explain_failure
from app.domain.models.voicemail import AudioFormat, VoicemailMessage
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.voicemail.ports import VoicemailApi

#: File extension of each format the API can return. ``wav49`` is a WAV file
#: carrying GSM 6.10; ``gsm`` is raw GSM frames (FFmpeg recognises ``.gsm``).
EXTENSIONS: dict[AudioFormat, str] = {
    AudioFormat.MP3: "mp3",
    AudioFormat.WAV: "wav",
    AudioFormat.WAV49: "wav",
    AudioFormat.GSM: "gsm",
}


class InvalidAudio(UserFacingError):
    """The provider sent no usable audio (an empty file)."""


def sniff_format(audio: bytes) -> AudioFormat | None:
    """Guess the container from the first bytes; ``None`` when unknown.

    Used to name the cache file after what really arrived: a server asked for
    MP3 that answers with WAV still gets played, because FFmpeg trusts the
    extension for raw formats.
    """
    if audio[:4] == b"RIFF" and audio[8:12] == b"WAVE":
        # Format tag 0x0031 is GSM 6.10 ("wav49"); the tag sits at offset 20 in
        # the usual layout where "fmt " is the first chunk.
        if audio[12:16] == b"fmt " and audio[20:22] == b"\x31\x00":
            return AudioFormat.WAV49
        return AudioFormat.WAV
    if audio[:3] == b"ID3" or (len(audio) > 1 and audio[0] == 0xFF and audio[1] & 0xE0 == 0xE0):
        return AudioFormat.MP3
    return None


def fingerprint(message: VoicemailMessage) -> str:
    """A short stable id of one recording (see the module docstring)."""
    date = message.date.isoformat() if message.date else ""
    parts = (
        message.mailbox,
        message.folder,
        str(message.message_num),
        date,
        message.caller_number,
        str(message.duration_seconds),
    )
    # hashlib loads OpenSSL (~3 ms): here, not with the Voicemail tab's first paint.
    import hashlib

    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def _safe(text: str) -> str:
    """A path component from a mailbox or folder name (no separators, no dots)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", text) or "_"


class AudioCache:
    """Audio files under ``root/<mailbox>/<folder>/<num>-<fingerprint>.<ext>``.

    Pure file-system work; callers run ``store`` on a worker thread
    (``asyncio.to_thread``) so the UI never waits on the disk.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def _stem(self, message: VoicemailMessage, fmt: AudioFormat) -> Path:
        folder = self.root / _safe(message.mailbox) / _safe(message.folder)
        suffix = "-49" if fmt is AudioFormat.WAV49 else ""
        return folder / f"{message.message_num}-{fingerprint(message)}{suffix}"

    def path_for(self, message: VoicemailMessage, fmt: AudioFormat) -> Path:
        return self._stem(message, fmt).with_suffix("." + EXTENSIONS[fmt])

    def lookup(self, message: VoicemailMessage, fmt: AudioFormat) -> Path | None:
        """The cached file of ``message`` in ``fmt``, if a non-empty one exists."""
        path = self.path_for(message, fmt)
        try:
            return path if path.stat().st_size > 0 else None
        except OSError:
            return None

    def lookup_playable(self, message: VoicemailMessage, preferred: AudioFormat) -> Path | None:
        """``preferred`` if cached, else any cached format: every one of them plays."""
        found = self.lookup(message, preferred)
        if found is not None:
            return found
        for fmt in AudioFormat:
            if fmt is not preferred and (found := self.lookup(message, fmt)) is not None:
                return found
        return None

    def store(self, message: VoicemailMessage, fmt: AudioFormat, audio: bytes) -> Path:
        """Write atomically (temp + rename): a crash never leaves half a file to play."""
        actual = sniff_format(audio)
        # Trust what arrived over what was asked when they disagree on the
        # container, so the player picks the right demuxer.
        if actual is not None and EXTENSIONS[actual] != EXTENSIONS[fmt]:
            fmt = actual
        path = self.path_for(message, fmt)
        write_atomically(path, audio)
        return path

    def partial_path(self, message: VoicemailMessage, fmt: AudioFormat) -> Path:
        """Where a download is decoded before ``adopt`` names it (its folder exists)."""
        path = self.path_for(message, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.with_name(f".part-{path.name}")

    def adopt(self, message: VoicemailMessage, fmt: AudioFormat, partial: Path,
              head: bytes) -> Path:
        """Give a decoded download (``partial_path``) its cache name, by what arrived.

        As ``store``: the container the bytes show wins over the one asked for.
        """
        actual = sniff_format(head)
        if actual is not None and EXTENSIONS[actual] != EXTENSIONS[fmt]:
            fmt = actual
        path = self.path_for(message, fmt)
        os.replace(partial, path)
        return path

    def forget(self, message: VoicemailMessage) -> None:
        """Remove every cached format of ``message`` (deleted, or found unplayable)."""
        for fmt in AudioFormat:
            with contextlib.suppress(OSError):
                self.path_for(message, fmt).unlink()

    def forget_path(self, path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


class AudioFetcher:
    """Recordings as local files: the cache first, else one ``getVoicemailMessageFile``.

    Concurrent requests for the same recording and format (a double click) share
    one API call. Disk writes run on a worker thread.
    """

    def __init__(self, api: VoicemailApi, cache: AudioCache) -> None:
        self._api = api
        self.cache = cache
        self._inflight: dict[tuple[tuple[str, str, int], AudioFormat], asyncio.Future[Path]] = {}

    async def audio_for(
        self, message: VoicemailMessage, fmt: AudioFormat = AudioFormat.MP3, *, exact: bool = False
    ) -> Path:
        """``exact`` insists on ``fmt`` (saving as WAV); playback takes any cached format."""
        cache = self.cache
        hit = cache.lookup(message, fmt) if exact else cache.lookup_playable(message, fmt)
        if hit is not None:
            return hit
        slot = (message.key, fmt)
        running = self._inflight.get(slot)
        if running is not None:
            return await asyncio.shield(running)
        future: asyncio.Future[Path] = asyncio.get_running_loop().create_future()
        self._inflight[slot] = future
        try:
            path = await self._fetch(message, fmt)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here; each waiter re-raises it itself
            raise
        finally:
            self._inflight.pop(slot, None)
        future.set_result(path)
        return path

    async def _fetch(self, message: VoicemailMessage, fmt: AudioFormat) -> Path:
        # The (line-wrapped) base64 is decoded straight to disk, in a worker
        # process when it is big: never on the GUI thread (issue #16).
        partial = await asyncio.to_thread(self.cache.partial_path, message, fmt)
        try:
            # In the words of what the user was doing: "Can't reach VoIP.ms" alone,
            # after a click on Play, did not say what had failed.
            with explain_failure(
                QT_TRANSLATE_NOOP("services", "Could not fetch the recording: {message}"),
            ):
                saved = await self._api.save_voicemail_audio(
                    message.mailbox, message.folder, message.message_num, fmt, partial
                )
            if saved.size == 0:
                raise InvalidAudio(QT_TRANSLATE_NOOP(
                    "services",
                    "The voicemail server sent an empty recording.",
                ))
            return await asyncio.to_thread(self.cache.adopt, message, fmt, partial, saved.head)
        except BaseException:
            await asyncio.shield(asyncio.to_thread(partial.unlink, True))
            raise

    async def save_as(self, message: VoicemailMessage, destination: Path) -> Path:
        """Copy the recording to ``destination``; ``.wav`` gets WAV, anything else MP3."""
        fmt = AudioFormat.WAV if destination.suffix.lower() == ".wav" else AudioFormat.MP3
        if destination.suffix.lower() not in (".wav", ".mp3"):
            destination = destination.with_suffix(".mp3")
        source = await self.audio_for(message, fmt, exact=True)
        try:
            await asyncio.to_thread(shutil.copyfile, source, destination)
        except OSError as exc:
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "Could not save the recording to {destination}: {value}.",
                    ),
                    destination=destination, value=exc.strerror or exc,
                )
            ) from exc
        return destination
