from __future__ import annotations

import pytest

from app.domain.models.messages import MessageKind
from app.store.db import Database
from app.store.messages import delete_message, upsert_messages
from app.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    escape_rich_text,
    fts_query,
    search_messages,
    snippet_html,
)
from tests.unit.store.conftest import make_message

TEXTS = [
    "Your appointment is confirmed for Tuesday",
    "Can you call me back about the invoice?",
    'He said "AND" then left * NEAR( OR NOT',
    "Café crème at noon",
    "The appointment moved to Wednesday <b>bold</b>",
]


@pytest.fixture
def filled(db: Database) -> Database:
    db.run_sync(upsert_messages, [make_message(i, text=t) for i, t in enumerate(TEXTS)])
    db.run_sync(upsert_messages, [make_message(99, text="appointment elsewhere", did="5559990000")])
    return db


def _ids(db: Database, text: str, **kw: object) -> list[int]:
    return [h.stored.message.id for h in db.run_sync(search_messages, text, **kw)]  # type: ignore[arg-type]


def test_matches_newest_first_with_highlight_and_snippet(filled: Database) -> None:
    hits = filled.run_sync(search_messages, "appointment")
    assert [h.stored.message.id for h in hits] == [99, 4, 0]
    assert f"{MARK_OPEN}appointment{MARK_CLOSE}" in hits[1].highlighted
    assert hits[2].highlighted.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") == TEXTS[0]
    assert MARK_OPEN in hits[2].snippet


def test_last_word_is_a_prefix_and_words_all_required(filled: Database) -> None:
    assert _ids(filled, "appoint") == [99, 4, 0]
    assert _ids(filled, "appointment wed") == [4]
    assert _ids(filled, "appoint ") == []  # finished word: no prefix
    assert _ids(filled, "cafe creme") == [3]  # diacritics folded


def test_filters_by_did_and_contact(filled: Database) -> None:
    assert _ids(filled, "appointment", did="+1 555 999 0000") == [99]
    assert _ids(filled, "appointment", contact="5550000000") == []


@pytest.mark.parametrize(
    "hostile",
    ['"', '""', "AND", "OR NOT", "*", "NEAR(", "a AND (b", "'; DROP TABLE messages; --",
     "^", "-", ":", "col:value", "\\", "\x00", "💥", "   ", ""],
)
def test_hostile_input_never_crashes(filled: Database, hostile: str) -> None:
    hits = filled.run_sync(search_messages, hostile)
    assert isinstance(hits, list)


def test_operators_typed_by_the_user_are_plain_words(filled: Database) -> None:
    assert _ids(filled, '"AND" then') == [2]
    assert _ids(filled, "near") == [2]
    assert fts_query('a"b') == '"a" "b"*'
    assert fts_query("*") is None


def test_index_follows_edits_and_deletes(filled: Database) -> None:
    filled.run_sync(upsert_messages, [make_message(1, text="refund issued")])
    assert _ids(filled, "invoice") == []
    assert _ids(filled, "refund") == [1]
    filled.run_sync(delete_message, MessageKind.SMS, 1)
    assert _ids(filled, "refund") == []


def test_snippet_html_escapes_text_then_marks(filled: Database) -> None:
    hit = filled.run_sync(search_messages, "bold")[0]
    assert snippet_html(hit.highlighted).endswith("&lt;b&gt;<b>bold</b>&lt;/b&gt;")


def test_rich_text_escaping_is_that_of_html_escape() -> None:
    import html

    text = 'Tom & Jerry <b>"bold"</b> 5 > 3 &amp; \'quoted\''
    assert escape_rich_text(text) == html.escape(text, quote=False)
