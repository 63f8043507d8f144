"""Full-text search over message bodies (FTS5).

User input is never handed to FTS5's query language: it is cut into words and
each word becomes a quoted string, so ``"``, ``AND``, ``NEAR(`` or ``*`` typed
by the user are plain text. The last word is a prefix (search as you type).

Snippets mark matches with :data:`MARK_OPEN` / :data:`MARK_CLOSE` (control
characters that cannot occur in an SMS); :func:`snippet_html` turns them into
escaped HTML for a label.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from app.domain.models.messages import SearchHit as SearchHit
from app.domain.models.messages import SearchResults, ThreadSummary
from app.domain.phone import normalize

# The mark rules are the domain's (the UI renders them); re-exported for the store's callers.
from app.domain.sms_text import MARK_CLOSE as MARK_CLOSE
from app.domain.sms_text import MARK_OPEN as MARK_OPEN
from app.domain.sms_text import escape_rich_text as escape_rich_text
from app.domain.sms_text import snippet_html as snippet_html
from app.domain.sms_text import strip_marks as strip_marks
from app.store.messages import MESSAGE_COLUMNS, row_to_stored
from app.store.threads import SUMMARY_SELECT as THREAD_SELECT
from app.store.threads import summary_from_row as thread_summary

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """User text -> a safe FTS5 query (all words, last one as prefix); None if no words."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    # A trailing space means the last word is finished: no prefix then.
    if not text[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def search_messages(
    conn: sqlite3.Connection,
    text: str,
    *,
    did: str | None = None,
    contact: str | None = None,
    limit: int = 50,
    offset: int = 0,
    snippet_tokens: int = 12,
) -> list[SearchHit]:
    """Messages matching every word of ``text``, newest first."""
    query = fts_query(text)
    if query is None:
        return []
    where = ["messages_fts MATCH ?"]
    params: list[object] = [query]
    if did is not None:
        where.append("m.did = ?")
        params.append(normalize(did) or did)
    if contact is not None:
        where.append("m.contact = ?")
        params.append(normalize(contact) or contact)
    columns = ", ".join(f"m.{c.strip()}" for c in MESSAGE_COLUMNS.split(","))
    rows = conn.execute(
        f"SELECT {columns},"
        f" snippet(messages_fts, 0, ?, ?, '…', ?) AS snip,"
        f" highlight(messages_fts, 0, ?, ?) AS high"
        f" FROM messages_fts JOIN messages AS m ON m.pk = messages_fts.rowid"
        f" WHERE {' AND '.join(where)} ORDER BY m.date DESC, m.pk DESC LIMIT ? OFFSET ?",
        (MARK_OPEN, MARK_CLOSE, snippet_tokens, MARK_OPEN, MARK_CLOSE, *params, limit, offset),
    ).fetchall()
    return [SearchHit(row_to_stored(r), r["snip"], r["high"]) for r in rows]


# --- people and numbers (issue #15.6) ----------------------------------------------

#: Text a person types for a phone number: digits and the usual punctuation.
_NUMBER_LIKE = re.compile(r"^[\s\d()+.\-]+$")
#: Fewer digits than this are not looked up in numbers ("1" would match everyone).
MIN_NUMBER_DIGITS = 3


def number_digits(text: str) -> str:
    """The digits to look for in numbers when ``text`` is (part of) a phone number.

    "(339) 555-0128", "339-555-0128", "3395550128", "+1 339-555-0128" and
    "1 339 555 0128" all give "3395550128" (the stored form of NANP numbers); "339"
    gives "339". Anything with a letter gives "".
    """
    stripped = text.strip()
    if not _NUMBER_LIKE.match(stripped):
        return ""
    digits = re.sub(r"\D", "", stripped)
    # The North American country code, written or not, is not part of the stored number.
    if stripped.startswith("+1") or (len(digits) == 11 and digits.startswith("1")):
        digits = digits[1:]
    return digits if len(digits) >= MIN_NUMBER_DIGITS else ""


def _fold(text: str) -> str:
    """Case- and accent-insensitive form ("Émile" finds "emile" and the reverse)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _named_numbers(conn: sqlite3.Connection, text: str) -> list[str]:
    """Numbers of phonebook entries whose name holds every word of ``text`` (any order,
    each word a prefix of a word of the name: "oka" finds "Okafor")."""
    wanted = [_fold(w) for w in _WORD.findall(text)]
    if not wanted:
        return []
    found: set[str] = set()
    for number, name in conn.execute(
        "SELECT number_norm, name FROM phonebook WHERE number_norm != '' AND name != ''"
    ):
        words = [_fold(w) for w in _WORD.findall(name)]
        if all(any(word.startswith(part) for word in words) for part in wanted):
            found.add(number)
    return sorted(found)


def search_conversations(
    conn: sqlite3.Connection, text: str, *, limit: int = 50
) -> tuple[list[ThreadSummary], int]:
    """Conversations whose contact's number or phonebook name matches ``text``.

    Newest first, at most ``limit``; with how many match in all.
    """
    digits = number_digits(text)
    if digits:
        # Digits only: nothing to escape for LIKE.
        where, params = "t.contact LIKE ?", [f"%{digits}%"]
    else:
        numbers = _named_numbers(conn, text)
        if not numbers:
            return [], 0
        marks = ", ".join("?" for _ in numbers)
        where, params = f"t.contact IN ({marks})", list(numbers)
    total = int(conn.execute(
        f"SELECT count(*) FROM threads AS t WHERE {where}", params).fetchone()[0])
    if not total:
        return [], 0
    rows = conn.execute(
        f"{THREAD_SELECT} WHERE {where} ORDER BY t.last_date DESC, t.last_pk DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [thread_summary(r) for r in rows], total


def count_messages(conn: sqlite3.Connection, text: str) -> int:
    """How many messages hold every word of ``text`` (the real count, not a page)."""
    query = fts_query(text)
    if query is None:
        return 0
    row = conn.execute(
        "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", (query,)
    ).fetchone()
    return int(row[0])


def search_everything(
    conn: sqlite3.Connection, text: str, *, limit: int = 100, offset: int = 0,
    people_limit: int = 50,
) -> SearchResults:
    """People and numbers, then messages: one read (the counts agree with the pages).

    A later page (``offset`` > 0) carries only messages.
    """
    if offset:
        people: list[ThreadSummary] = []
        people_total = 0
    else:
        people, people_total = search_conversations(conn, text, limit=people_limit)
    hits = search_messages(conn, text, limit=limit, offset=offset)
    return SearchResults(
        query=text, conversations=people, conversations_total=people_total,
        messages=hits, messages_total=count_messages(conn, text), offset=offset,
    )
