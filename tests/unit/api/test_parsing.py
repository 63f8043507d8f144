"""Every shape quirk of API-NOTES.md, normalised."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from app.api import parsing

BASE = "https://voip.ms/api/v1/rest.php"
EASTERN = ZoneInfo("America/New_York")


@pytest.mark.parametrize("value", ["1", 1, True, "yes", "Yes", "true", " 1 ", "on"])
def test_true_flags(value: object) -> None:
    assert parsing.as_bool(value) is True


@pytest.mark.parametrize("value", ["0", 0, False, "no", "", None, "false", "off"])
def test_false_flags(value: object) -> None:
    assert parsing.as_bool(value) is False


def test_numbers_as_strings_or_numbers() -> None:
    assert parsing.as_int("112275629") == parsing.as_int(112275629) == 112275629
    assert parsing.as_int("3.0") == 3
    assert parsing.as_int("", default=-1) == -1
    assert parsing.as_int("abc") == 0
    assert parsing.as_decimal("0.12") == Decimal("0.12")
    assert parsing.as_decimal(0.5) == Decimal("0.5")
    assert parsing.as_decimal("") is None
    assert parsing.as_str(5.0) == "5"
    assert parsing.as_str(None) == ""


@pytest.mark.parametrize("value", ["0000-00-00", "0000-00-00 00:00:00", -1, "-1", "", None])
def test_not_set_values(value: object) -> None:
    assert parsing.is_not_set(value)
    assert parsing.provider_datetime(value, EASTERN) is None


def test_object_instead_of_list() -> None:
    row = {"mailbox": "1001", "data": "QQ=="}
    assert parsing.as_list(row) == [row]
    assert parsing.as_list([row]) == [row]
    assert parsing.as_list({"1": "b", "0": "a", "10": "c"}) == ["a", "b", "c"]
    assert parsing.as_list(None) == [] and parsing.as_list("") == []
    assert parsing.rows({"message": row}, "message") == [row]
    assert parsing.rows({"sms": [row, "junk"]}, "mms", "sms") == [row]


def test_plus_one_numbers() -> None:
    assert parsing.number("+15551234567") == "5551234567"
    assert parsing.number(15551234567) == "5551234567"
    assert parsing.number("5551234567") == "5551234567"
    assert parsing.number(None) == ""


def test_caller_ids() -> None:
    assert parsing.caller_id('"John Doe" <5551112222>') == ("John Doe", "5551112222")
    assert parsing.caller_id("NAME <+15551112222>") == ("NAME", "5551112222")
    assert parsing.caller_id("5551112222") == ("", "5551112222")


def test_media_as_object_array_or_relative() -> None:
    absolute = "https://voip.ms/media.php?map=MTU5"
    assert parsing.media_urls({"0": absolute, "1": "", "2": ""}, BASE) == (absolute,)
    assert parsing.media_urls([absolute, ""], BASE) == (absolute,)
    assert parsing.media_urls("'" + absolute + "'", BASE) == (absolute,)
    assert parsing.media_urls(["/media/abc.jpg"], "http://127.0.0.1:8765/api/v1/rest.php") == (
        "http://127.0.0.1:8765/media/abc.jpg",
    )
    row = {"media": [], "col_media1": "media/x.png", "col_media2": "", "col_media3": None}
    assert parsing.mms_media(row, BASE) == ("https://voip.ms/media/x.png",)
    duplicated = {"media": {"0": absolute}, "col_media1": absolute}
    assert parsing.mms_media(duplicated, BASE) == (absolute,)


def test_php_escaped_quotes() -> None:
    assert parsing.unescape_text('He said \\"hi\\"') == 'He said "hi"'
    assert parsing.unescape_text('doubled \\\\\\"x\\\\\\"') == 'doubled "x"'
    assert parsing.unescape_text("it\\'s") == "it's"
    assert parsing.unescape_text("plain \\ backslash") == "plain \\ backslash"
    assert parsing.unescape_text(None) == ""


def test_base64_with_whitespace_and_missing_padding() -> None:
    payload = b"%PDF-1.4 some bytes\x00\xff"
    encoded = base64.b64encode(payload).decode()
    wrapped = "\n".join(encoded[i : i + 8] for i in range(0, len(encoded), 8)) + "\r\n"
    assert parsing.b64decode(wrapped) == payload
    assert parsing.b64decode(encoded.rstrip("=")) == payload
    assert parsing.b64decode("data:application/pdf;base64," + encoded) == payload
    urlsafe = base64.urlsafe_b64encode(b"\xfb\xff\xfe").decode()
    assert parsing.b64decode(urlsafe) == b"\xfb\xff\xfe"
    with pytest.raises(ValueError):
        parsing.b64decode("not base64 at all!")
    with pytest.raises(ValueError):
        parsing.b64decode("")


def test_provider_dates_become_aware_utc() -> None:
    # 10:24 in New York during DST is 14:24 UTC.
    assert parsing.provider_datetime("2014-03-30 10:24:16", EASTERN) == datetime(
        2014, 3, 30, 14, 24, 16, tzinfo=UTC
    )
    assert parsing.provider_datetime("2014-01-30", EASTERN) == datetime(2014, 1, 30, 5, tzinfo=UTC)
    assert parsing.provider_datetime("yesterday", EASTERN) is None


def test_unknown_time_zones_are_recognised_not_rejected() -> None:
    assert parsing.known_timezone("America/New_York")
    assert not parsing.known_timezone("US/Pacific-New")


def test_origin() -> None:
    assert parsing.origin("http://127.0.0.1:9/api/v1/rest.php") == "http://127.0.0.1:9/"
