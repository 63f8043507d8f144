"""Search by person and number (issue #15.6): the number formats people type, and names."""

from __future__ import annotations

import pytest

from app.domain.models.messages import PhonebookEntry
from app.store.db import Database
from app.store.messages import upsert_messages
from app.store.phonebook import replace_phonebook
from app.store.search import number_digits, search_conversations, search_everything
from tests.unit.store.conftest import make_message


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("(339) 555-0128", "3395550128"),
        ("339-555-0128", "3395550128"),
        ("3395550128", "3395550128"),
        ("+1 339-555-0128", "3395550128"),
        ("1 339 555 0128", "3395550128"),
        ("339.555.0128", "3395550128"),
        ("339", "339"),
        ("+1 339", "339"),
        ("12", ""),  # too short to mean a number
        ("Okafor", ""),
        ("room 339", ""),  # words: searched as text
    ],
)
def test_number_digits(typed: str, digits: str) -> None:
    assert number_digits(typed) == digits


def test_names_fold_case_and_accents_and_numbers_match_inside(db: Database) -> None:
    db.run_sync(upsert_messages, [
        make_message(1, contact="3395550128", text="hello"),
        make_message(2, contact="4185550124", text="bonjour"),
    ])
    db.run_sync(replace_phonebook, [
        PhonebookEntry("1", "Grace Okafor", "+1 (339) 555-0128", "", ""),
        PhonebookEntry("2", "Émile Côté", "418-555-0124", "", ""),
    ])
    found = lambda text: [s.contact for s in db.run_sync(search_conversations, text)[0]]  # noqa: E731
    assert found("okafor") == ["3395550128"]
    assert found("GRACE oka") == ["3395550128"]
    assert found("emile cote") == ["4185550124"]
    assert sorted(found("555-01")) == ["3395550128", "4185550124"]  # digits anywhere
    assert found("418") == ["4185550124"]
    assert found("Smith") == []


def test_everything_counts_past_the_page(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(i, text=f"invoice {i}") for i in range(1, 131)])
    first = db.run_sync(search_everything, "invoice", limit=100)
    assert (len(first.messages), first.messages_total, first.more_messages) == (100, 130, 30)
    second = db.run_sync(search_everything, "invoice", limit=100, offset=100)
    assert (len(second.messages), second.more_messages) == (30, 0)
    assert not {h.stored.pk for h in first.messages} & {h.stored.pk for h in second.messages}
