"""Byte counting and splitting of outgoing texts."""

from __future__ import annotations

from app.domain.sms_text import (
    SMS_MAX_BYTES,
    LongTextMode,
    count,
    plan_parts,
    split_text,
    utf8_len,
    validate_text,
)


def test_counter_counts_utf8_bytes_not_characters() -> None:
    assert count("héllo").bytes == 6
    assert count("🙂").bytes == 4
    assert not count("a" * 160).over_sms
    c = count("a" * 161)
    assert c.over_sms and c.parts == 2
    assert c.label(LongTextMode.MMS) == "Sent as one long message (MMS)"
    assert c.label(LongTextMode.SPLIT) == "Sent as 2 texts"
    assert count("hi").label(LongTextMode.SPLIT) == "158 characters left"
    assert count("é" * 79).label(LongTextMode.SPLIT) == "2 characters left"  # 2 bytes each
    assert count("a" * 159).label(LongTextMode.SPLIT) == "1 character left"
    assert count("Merci").picture_label(1) == (
        "Picture message with 1 picture · 2043 characters left"
    )
    assert count("").picture_label(3).startswith("Picture message with 3 pictures")


def test_split_never_cuts_a_character_and_keeps_the_text() -> None:
    text = "é" * 100 + "🙂" * 50
    parts = split_text(text, SMS_MAX_BYTES)
    assert "".join(parts) == text
    assert all(utf8_len(p) <= SMS_MAX_BYTES for p in parts)
    for p in parts:
        p.encode("utf-8")  # would raise on a broken surrogate


def test_split_prefers_spaces() -> None:
    text = ("word " * 40).strip()
    parts = split_text(text, SMS_MAX_BYTES)
    assert "".join(parts) == text
    assert parts[0].endswith(" ") and not parts[1].startswith(" ")


def test_plan_parts_follows_mode_and_media() -> None:
    long = "x" * 300
    assert plan_parts(long, media_count=0, mode=LongTextMode.SPLIT)[0] == "sms"
    assert len(plan_parts(long, media_count=0, mode=LongTextMode.SPLIT)[1]) == 2
    assert plan_parts(long, media_count=0, mode=LongTextMode.MMS) == ("mms", [long])
    assert plan_parts("hi", media_count=1, mode=LongTextMode.SPLIT) == ("mms", ["hi"])
    assert plan_parts("hi", media_count=0, mode=LongTextMode.MMS) == ("sms", ["hi"])


def test_validation_messages() -> None:
    assert validate_text("  ", has_media=False)
    assert validate_text("0", has_media=False)
    assert validate_text("", has_media=True) is None
    assert validate_text("hello", has_media=False) is None
