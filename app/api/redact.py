"""Keep the API password out of logs, exception messages and reprs.

The password travels in the query string of GET calls, and httpx logs request
URLs at INFO level ("HTTP Request: GET https://...?api_password=..."). A filter
on the ``httpx``/``httpcore`` loggers rewrites those records; every text the
api layer builds from a response or an exception goes through ``redact`` too.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import quote, quote_plus

MASK = "***"
_QUERY_PASSWORD = re.compile(r"(api_password=)[^&\s\"']*", re.IGNORECASE)


class Secret:
    """A string that never shows itself in ``repr``/``str``; ``reveal()`` to use it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK})"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)


def redact(text: str, *secrets: str) -> str:
    """``text`` with every ``api_password=...`` and every given secret (also URL-encoded) masked."""
    out = _QUERY_PASSWORD.sub(r"\1" + MASK, text)
    for secret in secrets:
        if not secret:
            continue
        for form in {secret, quote(secret, safe=""), quote_plus(secret)}:
            out = out.replace(form, MASK)
    return out


class _RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and "api_password" in record.msg:
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(str(arg)) if "api_password" in str(arg) else arg for arg in record.args
            )
        return True


_FILTER = _RedactingFilter()


def install_log_filter() -> None:
    """Idempotent: attach the filter to the loggers httpx writes request lines to."""
    for name in ("httpx", "httpcore"):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
