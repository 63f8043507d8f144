"""How a cached lookup list reads for a business owner: plain names, words for ages.

Pure functions (no Qt, no I/O) used by the settings page's *Lists* tab. The raw
rows stay available there under "Advanced"; these are the everyday view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim
from app.services.lookups.service import server_from_row

#: value/description lists: the header of the name column (the code is "Code").
#: Words are marked for the catalog (app/domain/words.py): the UI shows them translated.
NAME_HEADERS: dict[str, str] = {
    "timezones": QT_TRANSLATE_NOOP("services", "Time zone"),
    "codecs": QT_TRANSLATE_NOOP("services", "Codec"),
    "languages": QT_TRANSLATE_NOOP("services", "Language"),
    "locales": QT_TRANSLATE_NOOP("services", "Locale"),
    "countries": QT_TRANSLATE_NOOP("services", "Country"),
    "routes": QT_TRANSLATE_NOOP("services", "Call route"),
}
SERVER_HEADERS = (
    QT_TRANSLATE_NOOP("services", "Name"),
    QT_TRANSLATE_NOOP("services", "POP"),
    QT_TRANSLATE_NOOP("services", "Hostname"),
    QT_TRANSLATE_NOOP("services", "Country"),
    QT_TRANSLATE_NOOP("services", "Recommended"),
)


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]


def _text(value: object) -> str:
    """A cell of the account's data: shown as it is (``Verbatim``), never translated."""
    return Verbatim("" if value is None else str(value).strip())


def readable_table(name: str, rows: Sequence[dict[str, Any]]) -> Table:
    """The entries of list ``name`` in columns a person reads (name first, codes after)."""
    if name == "servers":
        servers = sorted(
            (server_from_row(r) for r in rows), key=lambda s: (not s.recommended, s.name.lower())
        )
        return Table(SERVER_HEADERS, [
            (Verbatim(s.name), Verbatim(s.pop), Verbatim(s.hostname), Verbatim(s.country),
             QT_TRANSLATE_NOOP("services", "Yes") if s.recommended else "")
            for s in servers
        ])
    if name.startswith("targets."):
        # Cached as {"value": "1001", "label": "1001 - Main mailbox"}: the name without
        # the repeated value, then the value (what the provider calls it).
        out = []
        for row in rows:
            value, label = _text(row.get("value")), _text(row.get("label"))
            plain = label.removeprefix(f"{value} - ") if value else label
            out.append((Verbatim(plain or value), Verbatim(value)))
        return Table((QT_TRANSLATE_NOOP("services", "Name"), QT_TRANSLATE_NOOP("services", "ID")),
                     out)
    pairs = [(_text(r.get("description")) or _text(r.get("value")), _text(r.get("value")))
             for r in rows]
    header = NAME_HEADERS.get(name, "Name")
    # Time zones carry the same text twice ("America/Buenos_Aires" / "America/Buenos
    # Aires"): a second column would only repeat the first.
    if all(_same(desc, code) for desc, code in pairs):
        return Table((header,), [(desc,) for desc, _ in pairs])
    return Table((header, QT_TRANSLATE_NOOP("services", "Code")), pairs)


def _same(description: str, code: str) -> bool:
    return not code or description.replace("_", " ").lower() == code.replace("_", " ").lower()


def raw_table(rows: Sequence[dict[str, Any]]) -> Table:
    """Every key of the rows as a column, as cached (the "Advanced" view)."""
    keys: list[str] = []
    for row in rows:
        for key in row:
            if key not in keys:
                keys.append(str(key))
    return Table(tuple(Verbatim(k) for k in keys),
                 [tuple(_text(row.get(k)) for k in keys) for row in rows])


def age_words(fetched_at: datetime | None, now: datetime, *, stale: bool = False) -> str:
    """"updated 3 days ago", "updated just now", "never fetched"; "(out of date)" past the TTL.

    Texts with their values (app/domain/words.py): the UI translates them.
    """
    if fetched_at is None:
        return QT_TRANSLATE_NOOP("services", "never fetched")
    seconds = max((now - fetched_at).total_seconds(), 0)
    minutes, hours, days = int(seconds // 60), int(seconds // 3600), int(seconds // 86400)
    words: str
    if minutes < 1:
        words = QT_TRANSLATE_NOOP("services", "updated just now")
    elif hours < 1:
        words = _ago(minutes, QT_TRANSLATE_NOOP("services", "updated 1 minute ago"),
                     QT_TRANSLATE_NOOP("services", "updated {count} minutes ago"))
    elif days < 1:
        words = _ago(hours, QT_TRANSLATE_NOOP("services", "updated 1 hour ago"),
                     QT_TRANSLATE_NOOP("services", "updated {count} hours ago"))
    elif days == 1:
        words = QT_TRANSLATE_NOOP("services", "updated yesterday")
    else:
        words = _ago(days, QT_TRANSLATE_NOOP("services", "updated 1 day ago"),
                     QT_TRANSLATE_NOOP("services", "updated {count} days ago"))
    if stale:
        return Text(QT_TRANSLATE_NOOP("services", "{words} (out of date)"), words=words)
    return words


def _ago(count: int, one: str, many: str) -> str:
    return one if count == 1 else Text(many, count=count)


def entries_words(count: int | None) -> str:
    if count is None:
        return "—"
    if count == 1:
        return QT_TRANSLATE_NOOP("services", "1 entry")
    return Text(QT_TRANSLATE_NOOP("services", "{count} entries"), count=count)
