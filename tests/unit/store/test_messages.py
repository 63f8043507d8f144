from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from app.domain.models.messages import Direction, MessageKind
from app.store.db import Database
from app.store.messages import (
    count_messages,
    delete_message,
    find_sent_match,
    get_message,
    thread_messages,
    upsert_messages,
)
from app.store.messages_repo import MessagesRepo
from app.store.rows import to_epoch
from app.store.threads import (
    get_thread,
    list_threads,
    mark_thread_read,
    mark_thread_unread,
    unread_total,
)
from tests.unit.store.conftest import DID, T0, make_message


def test_upsert_is_idempotent_and_reports_changes(db: Database) -> None:
    batch = [make_message(i) for i in range(5)]
    first = db.run_sync(upsert_messages, batch)
    assert [m.id for m in first.inserted] == [0, 1, 2, 3, 4]
    again = db.run_sync(upsert_messages, batch)
    assert not again.changed and again.unchanged == 5
    edited = db.run_sync(upsert_messages, [replace(batch[2], text="edited")])
    assert [m.text for m in edited.updated] == ["edited"]
    assert db.run_sync(count_messages) == 5


def test_sms_and_mms_ids_are_separate_keys(db: Database) -> None:
    db.run_sync(
        upsert_messages,
        [make_message(7, text="sms"), make_message(7, text="mms", kind=MessageKind.MMS)],
    )
    sms = db.run_sync(get_message, MessageKind.SMS, 7)
    mms = db.run_sync(get_message, MessageKind.MMS, 7)
    assert sms is not None and mms is not None
    assert (sms.message.text, mms.message.text) == ("sms", "mms")


def test_numbers_are_normalised_on_the_way_in(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(1, contact="+1 (555) 222-0000", did="15551110000")])
    stored = db.run_sync(get_message, MessageKind.SMS, 1)
    assert stored is not None
    assert (stored.message.did, stored.message.contact) == (DID, "5552220000")
    assert stored.message.date == T0 + (stored.message.date - T0)  # aware UTC round trip
    assert stored.message.date.utcoffset() is not None


def test_read_flags_backfill_poll_and_never_regress(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(1), make_message(2)], mark_read=True)
    db.run_sync(
        upsert_messages, [make_message(3), make_message(4, direction=Direction.SENT)]
    )
    flags = {i: db.run_sync(get_message, MessageKind.SMS, i) for i in range(1, 5)}
    assert {i: s.read for i, s in flags.items() if s} == {1: True, 2: True, 3: False, 4: True}
    assert db.run_sync(unread_total) == 1
    assert db.run_sync(mark_thread_read, DID, "5552220000") == 1
    # A later poll returns message 3 again (unread by default): it stays read.
    db.run_sync(upsert_messages, [make_message(3), replace(make_message(3), text="changed")])
    stored = db.run_sync(get_message, MessageKind.SMS, 3)
    assert stored is not None and stored.read and stored.message.text == "changed"
    assert db.run_sync(unread_total) == 0


def test_thread_summaries_newest_first_with_unread_counts(db: Database) -> None:
    db.run_sync(
        upsert_messages,
        [
            make_message(1, contact="5550000001", minutes=1),
            make_message(2, contact="5550000002", minutes=5, text="latest in 2"),
            make_message(3, contact="5550000001", minutes=3, text="latest in 1"),
            make_message(4, contact="5550000002", minutes=2, direction=Direction.SENT),
            make_message(5, contact="5550000003", minutes=4, did="5559990000"),
        ],
    )
    threads = db.run_sync(list_threads)
    assert [(t.contact, t.last_text, t.unread, t.total) for t in threads] == [
        ("5550000002", "latest in 2", 1, 2),
        ("5550000003", "message 5", 1, 1),
        ("5550000001", "latest in 1", 2, 2),
    ]
    assert [t.contact for t in db.run_sync(list_threads, did=DID)] == ["5550000002", "5550000001"]
    assert [t.contact for t in db.run_sync(list_threads, limit=1, offset=1)] == ["5550000003"]
    # An older message arriving late does not replace the thread's last message.
    db.run_sync(upsert_messages, [make_message(6, contact="5550000001", minutes=0)])
    summary = db.run_sync(get_thread, DID, "5550000001")
    assert summary is not None and summary.last_text == "latest in 1" and summary.unread == 3


def test_thread_summary_follows_deletes_and_moves(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(1), make_message(2, text="newest")])
    assert db.run_sync(delete_message, MessageKind.SMS, 2)
    assert not db.run_sync(delete_message, MessageKind.SMS, 2)
    summary = db.run_sync(get_thread, DID, "5552220000")
    assert summary is not None and (summary.last_text, summary.total) == ("message 1", 1)
    # The provider corrects a message's contact: it moves to the other thread.
    db.run_sync(upsert_messages, [make_message(1, contact="5553330000")])
    assert db.run_sync(get_thread, DID, "5552220000") is None
    moved = db.run_sync(get_thread, DID, "5553330000")
    assert moved is not None and moved.unread == 1


def test_mark_thread_unread_flags_newest_inbound(db: Database) -> None:
    db.run_sync(
        upsert_messages,
        [make_message(1), make_message(2), make_message(3, direction=Direction.SENT)],
        mark_read=True,
    )
    assert db.run_sync(mark_thread_unread, DID, "5552220000")
    stored = db.run_sync(get_message, MessageKind.SMS, 2)
    assert stored is not None and not stored.read
    assert db.run_sync(unread_total, DID) == 1
    assert not db.run_sync(mark_thread_unread, DID, "5559999999")


def test_thread_messages_paging_with_cursors(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(i) for i in range(1, 11)])
    # Two messages in the same second: the cursor still orders them.
    db.run_sync(upsert_messages, [make_message(11, minutes=10)])
    newest = db.run_sync(thread_messages, DID, "5552220000", limit=4)
    assert [s.message.id for s in newest] == [8, 9, 10, 11]
    older = db.run_sync(thread_messages, DID, "5552220000", limit=4, before=newest[0].cursor)
    assert [s.message.id for s in older] == [4, 5, 6, 7]
    after = db.run_sync(thread_messages, DID, "5552220000", limit=2, after=older[-1].cursor)
    assert [s.message.id for s in after] == [8, 9]
    assert db.run_sync(thread_messages, DID, "5552220000", before=(to_epoch(T0), 0)) == []


def test_mms_media_is_kept_when_a_later_copy_has_none(db: Database) -> None:
    urls = ("http://x/a.jpg", "http://x/b.png")
    db.run_sync(upsert_messages, [make_message(1, kind=MessageKind.MMS, media=urls)])
    db.run_sync(upsert_messages, [make_message(1, kind=MessageKind.MMS)])
    stored = db.run_sync(get_message, MessageKind.MMS, 1)
    assert stored is not None and stored.message.media == urls
    queued = db.run_sync(lambda c: [r[0] for r in c.execute("SELECT url FROM media ORDER BY url")])
    assert queued == list(urls)


def test_find_sent_match_for_timeout_reconciliation(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(1, direction=Direction.SENT, text="on my way")])
    sent_at = to_epoch(T0) + 60
    window = (sent_at - 300, sent_at + 300)
    found = db.run_sync(find_sent_match, DID, "5552220000", "on my way", *window)
    assert found is not None and found.message.id == 1
    assert db.run_sync(find_sent_match, DID, "5552220000", "other", 0, sent_at + 300) is None
    # The first ``skip`` copies (oldest first) belong to other sends.
    assert db.run_sync(find_sent_match, DID, "5552220000", "on my way", *window, 1) is None
    db.run_sync(upsert_messages, [make_message(2, direction=Direction.SENT, text="on my way")])
    found = db.run_sync(find_sent_match, DID, "5552220000", "on my way", *window, 1)
    assert found is not None and found.message.id == 2


def test_async_repositories_round_trip(db: Database) -> None:
    async def main() -> tuple[int, int, int]:
        repo = MessagesRepo(db)
        result = await repo.upsert([make_message(1), make_message(2)])
        page = await repo.threads(limit=100)
        await repo.mark_read(DID, "5552220000")
        return len(result.inserted), page[0].unread, await repo.unread_total()

    assert asyncio.run(main()) == (2, 2, 0)


def _recomputed(db: Database) -> list[tuple[object, ...]]:
    return db.run_sync(
        lambda c: [
            tuple(r)
            for r in c.execute(
                "SELECT did, contact, max(date), sum(read = 0), count(*) FROM messages"
                " GROUP BY did, contact ORDER BY did, contact"
            )
        ]
    )


def _summaries(db: Database) -> list[tuple[object, ...]]:
    return db.run_sync(
        lambda c: [
            tuple(r)
            for r in c.execute(
                "SELECT did, contact, last_date, unread, total FROM threads ORDER BY did, contact"
            )
        ]
    )


def test_thread_table_matches_messages_after_mixed_operations(db: Database) -> None:
    import random

    rng = random.Random(7)
    contacts = [f"555000000{i}" for i in range(4)]
    for step in range(300):
        action = rng.random()
        id_ = rng.randrange(60)
        if action < 0.6:
            db.run_sync(upsert_messages, [make_message(
                id_, contact=rng.choice(contacts), minutes=rng.randrange(100),
                direction=Direction(rng.randint(0, 1)))])
        elif action < 0.8:
            db.run_sync(delete_message, MessageKind.SMS, id_)
        elif action < 0.9:
            db.run_sync(mark_thread_read, DID, rng.choice(contacts))
        else:
            db.run_sync(mark_thread_unread, DID, rng.choice(contacts))
        if step % 25 == 0:
            assert _summaries(db) == _recomputed(db)
    assert _summaries(db) == _recomputed(db)
    # And the last message pointer names the newest message of each thread.
    for summary in db.run_sync(list_threads, limit=10):
        newest = db.run_sync(thread_messages, summary.did, summary.contact, limit=1)
        assert newest[0].message.date == summary.last_date


def test_deleting_a_whole_conversation(db: Database) -> None:
    db.run_sync(upsert_messages, [make_message(i) for i in range(1, 301)])
    db.run_sync(upsert_messages, [make_message(900, contact="5553330000")])
    keys = [s.message.key
            for s in db.run_sync(thread_messages, DID, "+15552220000", limit=1000)]
    assert len(keys) == 300 and keys[0] == (MessageKind.SMS, 1)
    deleted = db.run_sync(lambda c: sum(delete_message(c, kind, id_) for kind, id_ in keys))
    assert deleted == 300
    assert db.run_sync(get_thread, DID, "5552220000") is None
    assert [t.contact for t in db.run_sync(list_threads)] == ["5553330000"]
    assert db.run_sync(unread_total) == 1


def test_parts_of_a_text_in_the_same_second_read_in_the_order_they_were_written(
    tmp_path: Path,
) -> None:
    """Issue #15.3: the API lists newest first; part 3/3 must not show above part 1/3."""
    from datetime import UTC, datetime

    from app.domain.models.messages import Direction, Message, MessageKind
    from app.store.db import Database
    from app.store.messages import thread_messages, upsert_messages

    moment = datetime(2026, 12, 4, 15, 0, 7, tzinfo=UTC)
    parts = [
        Message(kind=MessageKind.SMS, id=500 + n, date=moment, direction=Direction.RECEIVED,
                did="6175550100", contact="4185550123", text=f"part {n}/3")
        for n in (1, 2, 3)
    ]
    with Database.open(tmp_path / "store.db") as db:
        db.run_sync(upsert_messages, list(reversed(parts)))  # as getSMS lists them
        shown = db.run_sync(thread_messages, "6175550100", "4185550123", limit=10)
    assert [s.message.text for s in shown] == ["part 1/3", "part 2/3", "part 3/3"]
