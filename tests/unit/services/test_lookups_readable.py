"""The words and columns of Settings > Lists (pure functions, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.services.lookups.readable import age_words, entries_words, raw_table, readable_table

NOW = datetime(2026, 11, 5, 12, tzinfo=UTC)


@pytest.mark.parametrize(("ago", "words"), [
    (timedelta(seconds=20), "updated just now"),
    (timedelta(minutes=1), "updated 1 minute ago"),
    (timedelta(minutes=59), "updated 59 minutes ago"),
    (timedelta(hours=1), "updated 1 hour ago"),
    (timedelta(hours=23, minutes=59), "updated 23 hours ago"),
    (timedelta(days=1, hours=5), "updated yesterday"),
    (timedelta(days=3), "updated 3 days ago"),
    (timedelta(seconds=-30), "updated just now"),  # a clock a little behind the cache's
])
def test_age_in_words(ago: timedelta, words: str) -> None:
    assert age_words(NOW - ago, NOW) == words


def test_never_fetched_and_out_of_date() -> None:
    assert age_words(None, NOW) == "never fetched"
    assert age_words(NOW - timedelta(days=9), NOW, stale=True) == "updated 9 days ago (out of date)"


def test_entries_in_words() -> None:
    assert [entries_words(n) for n in (None, 0, 1, 48)] == ["—", "0 entries", "1 entry",
                                                            "48 entries"]


def test_time_zones_are_one_column_not_the_same_text_twice() -> None:
    rows = [{"value": "America/Buenos_Aires", "description": "America/Buenos Aires"},
            {"value": "US/Pacific-New", "description": "US/Pacific-New"}]
    table = readable_table("timezones", rows)
    assert table.headers == ("Time zone",)
    assert table.rows == [("America/Buenos Aires",), ("US/Pacific-New",)]


def test_code_lists_show_the_name_then_the_code() -> None:
    table = readable_table("codecs", [{"value": "ulaw", "description": "G.711U"},
                                      {"value": 9, "description": None}])
    assert table.headers == ("Codec", "Code")
    assert table.rows == [("G.711U", "ulaw"), ("9", "9")]  # no description: the code twice


def test_servers_recommended_first() -> None:
    rows = [
        {"server_name": "Zeta", "server_pop": "9", "server_recommended": "no"},
        {"server_name": "Montreal", "server_pop": "3", "server_recommended": "yes",
         "server_hostname": "montreal.voip.ms", "server_country": "Canada"},
    ]
    table = readable_table("servers", rows)
    assert table.headers[:2] == ("Name", "POP")
    assert table.rows[0] == ("Montreal", "3", "montreal.voip.ms", "Canada", "Yes")


def test_routing_targets_name_without_the_repeated_id() -> None:
    rows = [{"value": "1001", "label": "1001 - Main mailbox"}, {"value": "7", "label": "7"}]
    table = readable_table("targets.vm", rows)
    assert table.headers == ("Name", "ID")
    assert table.rows == [("Main mailbox", "1001"), ("7", "7")]


def test_raw_rows_keep_every_key() -> None:
    table = raw_table([{"value": "en", "description": "English"}, {"value": "fr", "extra": 1}])
    assert table.headers == ("value", "description", "extra")
    assert table.rows == [("en", "English", ""), ("fr", "", "1")]
