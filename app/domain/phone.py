"""Phone numbers: normalisation for storage/matching and formatting for display.

The API hands numbers back as ``5551234567``, ``15551234567`` or ``+15551234567``
(API-NOTES.md). NANP numbers are stored as 10 digits; anything else keeps its
digits (with a leading ``+`` removed) so it still matches itself.
"""

from __future__ import annotations

import re

_CALLER_ID = re.compile(r'^\s*"?(?P<name>[^"<]*?)"?\s*<(?P<number>[^>]*)>\s*$')


def normalize(number: str | int | None) -> str:
    """Digits only; NANP numbers reduced to 10 digits (``+1`` / ``1`` dropped)."""
    if number is None:
        return ""
    digits = re.sub(r"\D", "", str(number))
    if len(digits) == 11 and digits.startswith("1"):
        return digits[1:]
    return digits


def is_valid_nanp(number: str) -> bool:
    """True for a dialable North American number (area code and exchange valid)."""
    digits = normalize(number)
    if len(digits) != 10:
        return False
    # Imported here: phonenumbers costs ~20 ms and start-up only needs formatting.
    import phonenumbers

    try:
        parsed = phonenumbers.parse("+1" + digits, None)
    except phonenumbers.NumberParseException:
        return False
    # NANP area codes and exchanges never start with 0 or 1.
    nanp_shape = digits[0] not in "01" and digits[3] not in "01"
    return nanp_shape and phonenumbers.is_possible_number(parsed)


def format_number(number: str | int | None) -> str:
    """``(555) 123-4567`` for NANP numbers, the raw value otherwise."""
    digits = normalize(number)
    if len(digits) == 10:
        return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return str(number or "")


def split_caller_id(value: str | int | None) -> tuple[str, str]:
    """``'"John Doe" <5551112222>'`` -> ``("John Doe", "5551112222")``.

    A bare number gives an empty name; an unparseable value is returned as the
    name so nothing the caller sent is lost.
    """
    text = "" if value is None else str(value).strip()
    match = _CALLER_ID.match(text)
    if match:
        return match.group("name").strip(), normalize(match.group("number"))
    digits = normalize(text)
    if digits and len(digits) >= 3 and re.fullmatch(r"[\d\s()+.-]+", text):
        return "", digits
    return text, ""
