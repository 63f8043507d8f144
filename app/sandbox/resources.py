"""The shipped sample media (voicemail audio, MMS images, fax PDFs).

Files live in ``resources/sandbox/`` at the project root (generated once by
``tools/make_sandbox_media.py``). A frozen build can point elsewhere with
``SWITCHBOARD_SANDBOX_RESOURCES``. Missing files degrade to small generated
placeholders so the sandbox never crashes on a checkout without media.
"""

from __future__ import annotations

import functools
import os
import struct
import sys
from pathlib import Path

VOICEMAIL_CLIPS = tuple(f"vm{i:02d}" for i in range(1, 13))
MMS_IMAGES = ("storefront.jpg", "cake_order.jpg", "receipt.png", "delivery_van.jpg",
              "menu_board.png")
FAX_PDFS = ("purchase_order.pdf", "invoice_2291.pdf", "lease_agreement.pdf",
            "delivery_schedule.pdf")
FAX_PAGES = {"purchase_order.pdf": 2, "invoice_2291.pdf": 3, "lease_agreement.pdf": 4,
             "delivery_schedule.pdf": 2}


def resource_dir() -> Path:
    override = os.environ.get("SWITCHBOARD_SANDBOX_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources" / "sandbox"
    return Path(__file__).resolve().parents[2] / "resources" / "sandbox"


@functools.lru_cache(maxsize=128)
def read(kind: str, name: str) -> bytes:
    """Bytes of ``resources/sandbox/<kind>/<name>`` (cached), or a placeholder."""
    path = resource_dir() / kind / name
    try:
        return path.read_bytes()
    except OSError:
        return _placeholder(name)


def voicemail_audio(clip: str, fmt: str) -> bytes:
    """Audio of a shipped clip. wav49 and gsm fall back to the PCM wav if absent."""
    ext = {"mp3": "mp3", "wav": "wav", "wav49": "wav49.wav", "gsm": "gsm"}[fmt]
    path = resource_dir() / "voicemail" / f"{clip}.{ext}"
    if fmt in ("wav49", "gsm") and not path.exists():
        return read("voicemail", f"{clip}.wav")
    return read("voicemail", f"{clip}.{ext}")


def _placeholder(name: str) -> bytes:
    ext = name.rsplit(".", 1)[-1].lower()
    if ext == "wav":
        return _silent_wav(1.0)
    if ext == "pdf":
        return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
                b"trailer<</Root 1 0 R>>\n%%EOF\n")
    if ext == "png":
        # 1x1 grey PNG
        return bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082")
    return b"placeholder for " + name.encode()


def _silent_wav(seconds: float, rate: int = 8000) -> bytes:
    frames = int(seconds * rate)
    data = b"\x00\x00" * frames
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + fmt + b"data" + struct.pack("<I", len(data)) + data


@functools.lru_cache(maxsize=64)
def clip_seconds(clip: str) -> int:
    """Length of a shipped clip from its PCM wav header (5 s if it is missing)."""
    data = read("voicemail", f"{clip}.wav")
    try:
        byte_rate: int = struct.unpack_from("<I", data, 28)[0]
        size: int = struct.unpack_from("<I", data, 40)[0]
        return max(1, round(size / byte_rate))
    except struct.error:
        return 5
