"""What every handler gets: the parsed call, and helpers shaped like the service.

A handler is ``fn(call) -> dict``; the dict is the JSON answer without
``status`` (``success`` is added). Error answers are raised as :class:`Reply`.
Checks follow PHP habits: an empty string counts as "not provided".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.sandbox.state import SandboxState

MAX_RANGE_DAYS = 92


class Reply(Exception):
    """Answer with this status (and optional extra fields) instead of success."""

    def __init__(self, status: str, **extra: Any) -> None:
        super().__init__(status)
        self.status = status
        self.extra = extra


@dataclass
class Call:
    """One API request as a handler sees it."""
    method: str
    params: dict[str, str]
    state: SandboxState
    base_url: str  # http://127.0.0.1:PORT (no path), for absolute media links
    client_ip: str
    verb: str = "POST"

    def get(self, name: str, default: str = "") -> str:
        return self.params.get(name, default).strip()

    def has(self, name: str) -> bool:
        return self.get(name) != ""

    def require(self, name: str, status: str | None = None) -> str:
        value = self.get(name)
        if value == "":
            raise Reply(status or f"missing_{name}")
        return value

    def flag(self, name: str) -> bool:
        return self.get(name).lower() in ("1", "true", "yes", "on")

    def int_param(self, name: str, invalid: str, default: int | None = None) -> int | None:
        value = self.get(name)
        if value == "":
            return default
        try:
            return int(value)
        except ValueError:
            raise Reply(invalid) from None


Handler = Callable[[Call], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[name] = fn
        return fn

    return register


def parse_day(value: str, status: str = "invalid_date") -> date:
    try:
        return datetime.strptime(value.strip()[:10], "%Y-%m-%d").date()
    except ValueError:
        raise Reply(status) from None


def date_window(call: Call, from_name: str = "from", to_name: str = "to",
                *, required: bool = False) -> tuple[date, date]:
    """The provider-day window of a list call; default today only (provider date).

    Mirrors the service: at most 92 days (``invalid_daterange``), and ``from``
    after ``to`` is ``invalid_date_from``.
    """
    today = call.state.clock.today()
    raw_from, raw_to = call.get(from_name), call.get(to_name)
    if required and not raw_from:
        raise Reply("missing_from_date")
    if required and not raw_to:
        raise Reply("missing_to_date")
    start = parse_day(raw_from) if raw_from else today
    end = parse_day(raw_to) if raw_to else today
    if start > end:
        raise Reply("invalid_date_from")
    if end - start > timedelta(days=MAX_RANGE_DAYS):
        raise Reply("invalid_daterange")
    return start, end


def in_window(moment: datetime, window: tuple[date, date]) -> bool:
    return window[0] <= moment.date() <= window[1]


def fmt_dt(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def fmt_duration(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def pick(rows: list[dict[str, Any]], key: str, value: str, invalid: str) -> list[dict[str, Any]]:
    """Filter by an optional id parameter; unknown id -> the method's invalid_* status."""
    if not value:
        return rows
    found = [r for r in rows if str(r.get(key)) == value]
    if not found:
        raise Reply(invalid)
    return found
