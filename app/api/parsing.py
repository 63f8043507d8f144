"""Tolerant normalisers for what VoIP.ms really sends (API-NOTES.md "Shapes").

Each function takes whatever arrived (string, number, ``None``, list, object)
and returns one plain Python type, never raising on an odd but meaningful
value: ``"1"``, ``1`` and ``"yes"`` are all true; ``"0000-00-00"`` and ``-1``
mean "not set"; a list of one can arrive as a bare object. Only a value that
cannot mean anything (a base64 blob that is not base64) raises ``ValueError``,
which the typed layer turns into a ``TransportError``.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo, available_timezones

from app.domain import phone
from app.domain.timeutil import parse_provider_datetime

log = logging.getLogger(__name__)

_TRUE = {"1", "yes", "y", "true", "on", "enabled", "enable", "t"}
_NOT_SET = {"", "0000-00-00", "0000-00-00 00:00:00", "-1", "none", "null"}


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` that UTF-8 (SQLite, Qt, the log) can carry.

    JSON can encode half an emoji (``"\\ud83d"`` alone); Python decodes it to a
    lone surrogate that no UTF-8 encoder accepts, and one such SMS used to stop
    every later sync. Each lone half becomes U+FFFD, the replacement character.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def as_str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value).strip())


def is_not_set(value: object) -> bool:
    """``None``, ``""``, ``0000-00-00`` and ``-1`` all mean "no value"."""
    return as_str(value).lower() in _NOT_SET


def as_int(value: object, default: int = 0) -> int:
    text = as_str(value)
    try:
        return int(text)
    except ValueError:
        try:
            return int(Decimal(text))
        except (InvalidOperation, ValueError, OverflowError):  # "inf", "1e309", "NaN"
            return default


def as_decimal(value: object) -> Decimal | None:
    text = as_str(value).replace(",", "")
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None  # "NaN", "inf": no amount at all


def as_bool(value: object) -> bool:
    """``"1"``, ``1``, ``True``, ``"yes"``, ``"Yes"``, ``"true"`` -> True; anything else False."""
    if isinstance(value, bool):
        return value
    return as_str(value).lower() in _TRUE


def as_list(value: object) -> list[Any]:
    """A list however it arrived.

    ``None``/``""`` -> ``[]``; a list stays; an object keyed ``"0"``, ``"1"``...
    (PHP arrays serialised as JSON objects) -> its values in key order; any
    other object -> ``[object]`` (a list of one sent as a bare object).
    """
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        keys = list(value)
        if keys and all(str(k).isdigit() for k in keys):
            return [value[k] for k in sorted(keys, key=lambda k: int(str(k)))]
        return [dict(value)]
    return [value]


def rows(data: Mapping[str, Any], *keys: str) -> list[dict[str, Any]]:
    """The rows under the first of ``keys`` present, each a dict (others dropped)."""
    for key in keys:
        if key in data:
            return [dict(row) for row in as_list(data[key]) if isinstance(row, Mapping)]
    return []


def number(value: object) -> str:
    """Phone number for storage/matching: ``+15551234567`` -> ``5551234567``."""
    return phone.normalize(as_str(value) or None)


def caller_id(value: object) -> tuple[str, str]:
    """``'"John Doe" <5551112222>'`` -> ``("John Doe", "5551112222")``."""
    return phone.split_caller_id(as_str(value))


def unescape_text(value: object) -> str:
    """Undo PHP quote escaping in message bodies: ``\\"``, doubled ``\\\\\\"``, ``\\'``."""
    text = "" if value is None else clean_text(str(value))
    # Collapse any run of backslashes before a quote: the quote was escaped
    # once or twice on the provider's side, never meant literally.
    return re.sub(r"\\+(['\"])", r"\1", text)


def b64decode(value: object) -> bytes:
    """Base64 that may contain whitespace/newlines, lack padding, or use URL-safe letters."""
    text = re.sub(r"\s+", "", as_str(value))
    if text.startswith("data:") and "," in text:  # data URI
        text = text.split(",", 1)[1]
    if not text:
        raise ValueError("empty base64 payload")
    text = text.replace("-", "+").replace("_", "/")
    text += "=" * (-len(text) % 4)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"not base64 (starts {text[:20]!r})") from exc


def origin(url: str) -> str:
    """``https://voip.ms/api/v1/rest.php`` -> ``https://voip.ms/``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def media_urls(value: object, base_url: str) -> tuple[str, ...]:
    """Media links from an array, a ``{"0": url}`` object or a single string.

    Empty entries are dropped, stray quotes stripped (the reference prints
    ``'https://...'``), relative links resolved against the API's origin.
    """
    urls: list[str] = []
    for item in as_list(value):
        link = as_str(item).strip("'\" ")
        if not link:
            continue
        try:
            absolute = urljoin(origin(base_url), link) if not urlsplit(link).scheme else link
            urlsplit(absolute).port  # noqa: B018 (raises for "http://0:b/x.jpg")
        except ValueError:
            # A sender's malformed link ("http://[::1/x.jpg") must not stop the
            # sync that reads its message: the message is kept, the link is not.
            log.info("Ignoring a malformed media link: %r", link[:200])
            continue
        if absolute not in urls:
            urls.append(absolute)
    return tuple(urls)


def mms_media(row: Mapping[str, Any], base_url: str) -> tuple[str, ...]:
    """All media of a getMMS row: ``media`` plus ``col_media1..3`` (any may be empty)."""
    candidates: list[object] = list(as_list(row.get("media")))
    candidates += [row.get(f"col_media{i}") for i in (1, 2, 3)]
    return media_urls(candidates, base_url)


def provider_datetime(value: object, tz: ZoneInfo) -> datetime | None:
    """Provider wall-clock text -> aware UTC; not set or unreadable -> ``None``."""
    if is_not_set(value):
        return None
    try:
        return parse_provider_datetime(as_str(value), tz)
    except ValueError:
        return None


def known_timezone(name: str) -> bool:
    """Whether the IANA database knows ``name`` (``US/Pacific-New`` is not: keep it anyway)."""
    return name in _iana_names()


@cache
def _iana_names() -> frozenset[str]:
    return frozenset(available_timezones())


def first_present(row: Mapping[str, Any], keys: Iterable[str], default: object = "") -> object:
    for key in keys:
        if key in row and row[key] is not None:
            return row[key]
    return default
