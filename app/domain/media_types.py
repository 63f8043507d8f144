"""What a media file is, decided from its bytes, never from its name or URL.

An MMS link can be named ``invoice.exe`` or ``x.hta`` and still be served; an
expired link has answered HTTP 200 with a short ``Not found`` text. So a
download is kept only when its first bytes are a picture, a video or a sound
we know, and it is saved under the extension of what it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True, slots=True)
class MediaType:
    """A media type recognised from a file's first bytes."""
    mime: str
    extension: str
    kind: MediaKind


_PNG = MediaType("image/png", ".png", MediaKind.IMAGE)
_JPEG = MediaType("image/jpeg", ".jpg", MediaKind.IMAGE)
_GIF = MediaType("image/gif", ".gif", MediaKind.IMAGE)
_WEBP = MediaType("image/webp", ".webp", MediaKind.IMAGE)
_BMP = MediaType("image/bmp", ".bmp", MediaKind.IMAGE)
_HEIC = MediaType("image/heic", ".heic", MediaKind.IMAGE)
_MP4 = MediaType("video/mp4", ".mp4", MediaKind.VIDEO)
_3GP = MediaType("video/3gpp", ".3gp", MediaKind.VIDEO)
_MOV = MediaType("video/quicktime", ".mov", MediaKind.VIDEO)
_WAV = MediaType("audio/wav", ".wav", MediaKind.AUDIO)
_MP3 = MediaType("audio/mpeg", ".mp3", MediaKind.AUDIO)
_AMR = MediaType("audio/amr", ".amr", MediaKind.AUDIO)
_OGG = MediaType("audio/ogg", ".ogg", MediaKind.AUDIO)
_M4A = MediaType("audio/mp4", ".m4a", MediaKind.AUDIO)

_PREFIXES: tuple[tuple[bytes, MediaType], ...] = (
    (b"\x89PNG\r\n\x1a\n", _PNG),
    (b"\xff\xd8\xff", _JPEG),
    (b"GIF87a", _GIF),
    (b"GIF89a", _GIF),
    (b"BM", _BMP),
    (b"#!AMR", _AMR),
    (b"OggS", _OGG),
    (b"ID3", _MP3),
)

#: ISO base media "brands" (bytes 8-12 after ``ftyp``) -> type.
_BRANDS: dict[bytes, MediaType] = {
    b"heic": _HEIC, b"heix": _HEIC, b"hevc": _HEIC, b"heim": _HEIC, b"heis": _HEIC,
    b"mif1": _HEIC, b"msf1": _HEIC,
    b"3gp4": _3GP, b"3gp5": _3GP, b"3gp6": _3GP, b"3g2a": _3GP,
    b"qt  ": _MOV,
    b"M4A ": _M4A,
}


def sniff(data: bytes) -> MediaType | None:
    """The picture, video or sound ``data`` is, or ``None`` for anything else."""
    for prefix, media in _PREFIXES:
        if data.startswith(prefix):
            return media
    if data[:4] == b"RIFF" and len(data) >= 12:
        return {b"WEBP": _WEBP, b"WAVE": _WAV}.get(data[8:12])
    if data[4:8] == b"ftyp":
        return _BRANDS.get(data[8:12], _MP4)
    # MPEG audio frame without an ID3 tag: 11 sync bits, layer bits not 00.
    if len(data) >= 2 and data[0] == 0xFF and (data[1] & 0xE0) == 0xE0 and data[1] & 0x06:
        return _MP3
    return None
