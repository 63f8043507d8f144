"""Drafts, sync state, media retry scheduling, phonebook; the outbox is gone."""

from __future__ import annotations

import asyncio
import sqlite3

from app.domain.models.messages import MessageKind, PhonebookEntry
from app.store.db import Database
from app.store.drafts import clear_draft, get_draft, save_draft
from app.store.media import (
    MAX_ATTEMPTS,
    MediaState,
    due_media,
    media_done,
    media_failed,
    media_for_message,
    next_media_due_at,
    retry_delay,
)
from app.store.messages import upsert_messages
from app.store.messages_repo import MessagesRepo
from app.store.migrations import MIGRATIONS, migrate
from app.store.phonebook import all_names, name_for, replace_phonebook
from app.store.sync_state import SyncState, get_state, set_state, states_with_prefix
from app.store.threads import get_thread
from tests.unit.store.conftest import DID, make_message


def test_drafts_per_conversation_with_error(db: Database) -> None:
    db.run_sync(save_draft, "+15551110000", "5552220000", "hello", "Not enough funds", now=100)
    db.run_sync(save_draft, DID, "5553330000", "other", "", ["/tmp/a.jpg"], now=200)
    draft = db.run_sync(get_draft, DID, "(555) 222-0000")
    assert draft is not None and (draft.text, draft.last_error) == ("hello", "Not enough funds")
    db.run_sync(save_draft, DID, "5552220000", "hello again", now=300)
    replaced = db.run_sync(get_draft, DID, "5552220000")
    assert replaced is not None and replaced.text == "hello again" and replaced.last_error == ""
    db.run_sync(clear_draft, DID, "5552220000")
    assert db.run_sync(get_draft, DID, "5552220000") is None
    other = asyncio.run(MessagesRepo(db).draft(DID, "5553330000"))
    assert other is not None and other.attachments == ("/tmp/a.jpg",)


def test_sync_state_values_and_prefix(db: Database) -> None:
    assert db.run_sync(get_state, "sms.window_end") is None
    db.run_sync(set_state, "sms.window_end", "2024-03-01")
    db.run_sync(set_state, "sms.window_end", "2024-03-02")
    db.run_sync(set_state, "mms.window_end", "2024-02-01")
    db.run_sync(set_state, "sms*odd", "x")
    assert db.run_sync(get_state, "sms.window_end") == "2024-03-02"
    assert db.run_sync(states_with_prefix, "sms.") == {"sms.window_end": "2024-03-02"}
    assert db.run_sync(states_with_prefix, "sms*") == {"sms*odd": "x"}
    state = SyncState(db)
    asyncio.run(state.delete("sms*odd"))
    assert asyncio.run(state.get("sms*odd")) is None


def test_media_retry_backoff_then_gives_up(db: Database) -> None:
    url = "http://127.0.0.1/media/a.jpg"
    db.run_sync(upsert_messages, [make_message(1, kind=MessageKind.MMS, media=(url,))])
    assert [m.url for m in db.run_sync(due_media, 0)] == [url]
    item = db.run_sync(media_failed, url, "404", 1000)
    assert item is not None and item.state is MediaState.PENDING
    assert item.next_retry_at == 1000 + retry_delay(1) == 1030
    assert db.run_sync(due_media, 1029) == []
    assert db.run_sync(next_media_due_at) == 1030
    assert [m.url for m in db.run_sync(due_media, 1030)] == [url]
    assert retry_delay(2) == 60 and retry_delay(100) == 6 * 3600
    for attempt in range(2, MAX_ATTEMPTS + 1):
        item = db.run_sync(media_failed, url, "404", 2000 * attempt)
    assert item is not None and item.state is MediaState.FAILED and item.attempts == MAX_ATTEMPTS
    assert db.run_sync(due_media, 10**10) == []
    db.run_sync(media_done, url, "/cache/a.jpg", 6)
    items = db.run_sync(media_for_message, MessageKind.MMS, 1)
    assert [(i.state, i.path) for i in items] == [(MediaState.DONE, "/cache/a.jpg")]
    assert asyncio.run(MessagesRepo(db).due_media(10**10, 20)) == []


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_unused_outbox_table_is_dropped(db: Database) -> None:
    # A new database never has it...
    assert "outbox" not in db.run_sync(_tables)
    # ...and one created before the drop (with the v1 table and its index) loses it.
    conn = sqlite3.connect(":memory:")
    drop_at = next(i for i, m in enumerate(MIGRATIONS) if "outbox" in m.name and "drop" in m.name)
    migrate(conn, MIGRATIONS[:drop_at])
    assert "outbox" in _tables(conn)
    assert migrate(conn) == len(MIGRATIONS)
    assert "outbox" not in _tables(conn)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "outbox_state" not in indexes
    conn.close()


def test_phonebook_names_by_normalised_number(db: Database) -> None:
    db.run_sync(
        replace_phonebook,
        [
            PhonebookEntry("1", "Zed Plumbing", "+1 (555) 222-0000"),
            PhonebookEntry("2", "Alice", "15552220000"),
            PhonebookEntry("3", "Bob", "5553330000"),
        ],
    )
    assert db.run_sync(name_for, "5552220000") == "Alice"
    assert db.run_sync(all_names) == {"5552220000": "Alice", "5553330000": "Bob"}
    db.run_sync(upsert_messages, [make_message(1, contact="5553330000")])
    summary = db.run_sync(get_thread, DID, "5553330000")
    assert summary is not None and summary.name == "Bob"
    db.run_sync(replace_phonebook, [PhonebookEntry("9", "Carol", "5553330000")])
    assert db.run_sync(name_for, "5552220000") == ""
    assert db.run_sync(name_for, "5553330000") == "Carol"
