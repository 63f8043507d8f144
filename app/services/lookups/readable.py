"""How a cached lookup list reads for a business owner: plain names, words for ages.

Pure functions (no Qt, no I/O) used by the settings page's *Lists* tab. The raw
rows stay available there under "Advanced"; these are the everyday view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.services.lookups.service import server_from_row

#: value/description lists: the header of the name column (the code is "Code").
NAME_HEADERS: dict[str, str] = {
    "timezones": "Time zone",
    "codecs": "Codec",
    "languages": "Language",
    "locales": "Locale",
    "countries": "Country",
    "routes": "Call route",
}
SERVER_HEADERS = ("Name", "POP", "Hostname", "Country", "Recommended")


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def readable_table(name: str, rows: Sequence[dict[str, Any]]) -> Table:
    """The entries of list ``name`` in columns a person reads (name first, codes after)."""
    if name == "servers":
        servers = sorted(
            (server_from_row(r) for r in rows), key=lambda s: (not s.recommended, s.name.lower())
        )
        return Table(SERVER_HEADERS, [
            (s.name, s.pop, s.hostname, s.country, "Yes" if s.recommended else "")
            for s in servers
        ])
    if name.startswith("targets."):
        # Cached as {"value": "1001", "label": "1001 - Main mailbox"}: the name without
        # the repeated value, then the value (what the provider calls it).
        out = []
        for row in rows:
            value, label = _text(row.get("value")), _text(row.get("label"))
            plain = label.removeprefix(f"{value} - ") if value else label
            out.append((plain or value, value))
        return Table(("Name", "ID"), out)
    pairs = [(_text(r.get("description")) or _text(r.get("value")), _text(r.get("value")))
             for r in rows]
    header = NAME_HEADERS.get(name, "Name")
    # Time zones carry the same text twice ("America/Buenos_Aires" / "America/Buenos
    # Aires"): a second column would only repeat the first.
    if all(_same(desc, code) for desc, code in pairs):
        return Table((header,), [(desc,) for desc, _ in pairs])
    return Table((header, "Code"), pairs)


def _same(description: str, code: str) -> bool:
    return not code or description.replace("_", " ").lower() == code.replace("_", " ").lower()


def raw_table(rows: Sequence[dict[str, Any]]) -> Table:
    """Every key of the rows as a column, as cached (the "Advanced" view)."""
    keys: list[str] = []
    for row in rows:
        for key in row:
            if key not in keys:
                keys.append(str(key))
    return Table(tuple(keys), [tuple(_text(row.get(k)) for k in keys) for row in rows])


def age_words(fetched_at: datetime | None, now: datetime, *, stale: bool = False) -> str:
    """"updated 3 days ago", "updated just now", "never fetched"; "(out of date)" past the TTL."""
    if fetched_at is None:
        return "never fetched"
    seconds = max((now - fetched_at).total_seconds(), 0)
    minutes, hours, days = int(seconds // 60), int(seconds // 3600), int(seconds // 86400)
    if minutes < 1:
        words = "updated just now"
    elif hours < 1:
        words = f"updated {_plural(minutes, 'minute')} ago"
    elif days < 1:
        words = f"updated {_plural(hours, 'hour')} ago"
    elif days == 1:
        words = "updated yesterday"
    else:
        words = f"updated {_plural(days, 'day')} ago"
    return f"{words} (out of date)" if stale else words


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def entries_words(count: int | None) -> str:
    if count is None:
        return "—"
    return f"{count} {'entry' if count == 1 else 'entries'}"
