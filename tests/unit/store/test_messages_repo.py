"""MessagesRepo: the operations it composes in one round trip (the rest are one function each)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from app.domain.models.messages import Direction, MessageKind
from app.store.db import Database
from app.store.media import media_done
from app.store.messages import count_messages, upsert_messages
from app.store.messages_repo import MessagesRepo
from tests.unit.store.conftest import DID, T0, make_message


def test_first_screen_sync_reads_threads_and_badge_together(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(i, contact=f"555000000{i}") for i in range(3)])
    threads, unread = MessagesRepo(db).first_screen_sync(2)
    assert [t.contact for t in threads] == ["5550000002", "5550000001"] and unread == 3


def test_snapshot_of_threads_and_messages(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(1), make_message(2, contact="5553330000")])
    now = asyncio.run(MessagesRepo(db).snapshot(
        [(DID, "5552220000"), (DID, "5559990000")], [(MessageKind.SMS, 2), (MessageKind.SMS, 7)]))
    summary = now.threads[(DID, "5552220000")]
    assert summary is not None and summary.total == 1
    assert now.threads[(DID, "5559990000")] is None
    assert [s.message.id for s in now.messages] == [2] and now.unread_total == 2


def test_page_around_a_cursor_and_its_media(db: Database) -> None:
    url = "http://127.0.0.1/media/a.jpg"
    db.run_sync(upsert_messages, [make_message(i) for i in range(1, 11)]
                + [make_message(11, kind=MessageKind.MMS, media=(url,))])
    db.run_sync(media_done, url, "/cache/a.jpg", 1)
    repo = MessagesRepo(db)
    hit = asyncio.run(repo.message(MessageKind.SMS, 5))
    assert hit is not None
    messages, media = asyncio.run(repo.page(DID, "5552220000", limit=2, around=hit.cursor,
                                            newer_limit=100))
    assert [s.message.id for s in messages] == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    mms = messages[-1]
    assert media == {mms.pk: ["/cache/a.jpg"]}
    newest, _ = asyncio.run(repo.page(DID, "5552220000", limit=3))
    assert [s.message.id for s in newest] == [9, 10, 11]


def test_delete_returns_the_files_the_message_had(db: Database) -> None:
    url = "http://127.0.0.1/media/b.jpg"
    db.run_sync(upsert_messages, [make_message(1, kind=MessageKind.MMS, media=(url,)),
                                  make_message(2)])
    db.run_sync(media_done, url, "/cache/b.jpg", 1)
    repo = MessagesRepo(db)
    assert asyncio.run(repo.delete(MessageKind.MMS, 1)) == ["/cache/b.jpg"]
    assert asyncio.run(repo.delete(MessageKind.SMS, 2)) == []
    assert asyncio.run(repo.delete(MessageKind.SMS, 99)) == []
    assert db.run_sync(count_messages) == 0
    assert asyncio.run(repo.cached_paths()) == set()


def test_upsert_and_find_sent_stores_history_then_matches(db: Database) -> None:
    sent = make_message(1, direction=Direction.SENT, text="on my way")
    repo = MessagesRepo(db)
    since, until = T0, T0 + timedelta(minutes=10)
    found = asyncio.run(repo.upsert_and_find_sent([sent], DID, "5552220000", "on my way",
                                                  since, until, entry_id=0))
    assert found is not None and found.message.id == 1 and found.read
    assert asyncio.run(repo.upsert_and_find_sent([], DID, "5552220000", "other",
                                                 since, until, entry_id=0)) is None
