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

from app.domain.models.messages import SearchHit as SearchHit
from app.domain.phone import normalize

# The mark rules are the domain's (the UI renders them); re-exported for the store's callers.
from app.domain.sms_text import MARK_CLOSE as MARK_CLOSE
from app.domain.sms_text import MARK_OPEN as MARK_OPEN
from app.domain.sms_text import escape_rich_text as escape_rich_text
from app.domain.sms_text import snippet_html as snippet_html
from app.domain.sms_text import strip_marks as strip_marks
from app.store.messages import MESSAGE_COLUMNS, row_to_stored

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
