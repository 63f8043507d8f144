"""Media types decided from bytes (issue #13.6): what phones and carriers really send."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.media_types import MediaKind, sniff

MEDIA = Path(__file__).resolve().parents[3] / "resources" / "sandbox" / "media"


@pytest.mark.parametrize(
    ("data", "mime", "kind"),
    [
        ((MEDIA / "storefront.jpg").read_bytes(), "image/jpeg", MediaKind.IMAGE),
        ((MEDIA / "receipt.png").read_bytes(), "image/png", MediaKind.IMAGE),
        (b"GIF89a" + b"\x00" * 20, "image/gif", MediaKind.IMAGE),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp", MediaKind.IMAGE),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic", MediaKind.IMAGE),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00", "video/mp4", MediaKind.VIDEO),
        (b"\x00\x00\x00\x14ftyp3gp4\x00\x00\x00\x00", "video/3gpp", MediaKind.VIDEO),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "video/quicktime", MediaKind.VIDEO),
        (b"#!AMR\n" + b"\x00" * 10, "audio/amr", MediaKind.AUDIO),
        (b"ID3\x04\x00" + b"\x00" * 10, "audio/mpeg", MediaKind.AUDIO),
        (b"\xff\xfb\x90\x64" + b"\x00" * 10, "audio/mpeg", MediaKind.AUDIO),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav", MediaKind.AUDIO),
    ],
)
def test_pictures_videos_and_sounds_are_recognised(data: bytes, mime: str, kind: MediaKind) -> None:
    found = sniff(data)
    assert found is not None and found.mime == mime and found.kind is kind
    assert found.extension.startswith(".")


@pytest.mark.parametrize(
    "data",
    [
        b"Not found",
        b"",
        b"MZ\x90\x00\x03",  # .exe
        b"<html><script>alert(1)</script>",  # .hta / a web page
        b"%PDF-1.7",
        b"PK\x03\x04",  # zip / docx
        b"BEGIN:VCARD",
        b"RIFF\x00\x00\x00\x00AVI ",
    ],
)
def test_everything_else_is_not_media(data: bytes) -> None:
    assert sniff(data) is None
