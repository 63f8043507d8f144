"""``store_history`` (a page of history in one statement) leaves the store exactly as
``upsert_messages(mark_read=True)`` does, message by message (issue #16: the per-row
path held the GIL ~1 s per 24,000-message page)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from app.domain.models.messages import Direction, Message, MessageKind
from app.store.db import Database
from app.store.messages import store_history, upsert_messages

from .conftest import make_message


def _page(count: int) -> list[Message]:
    """Both kinds, both directions, several in one second (the order of parts),
    NANP numbers written three ways, accents and emoji, MMS with pictures."""
    page = []
    for n in range(count):
        kind = MessageKind.MMS if n % 7 == 0 else MessageKind.SMS
        media = (f"https://voip.ms/media/{n}.jpg", "") if kind is MessageKind.MMS else ()
        contact = ("+1 (617) 555-%04d", "1617555%04d", "617555%04d")[n % 3] % (n % 40)
        page.append(make_message(
            n, contact=contact, minutes=n // 3, kind=kind, media=media,
            direction=Direction.SENT if n % 4 == 0 else Direction.RECEIVED,
            text=f"Café n°{n} 😀",
        ))
    return page[::-1]  # newest first, as the API lists them


def _dump(conn: sqlite3.Connection) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    messages = conn.execute(
        "SELECT pk, kind, id, date, direction, did, contact, text, media, read"
        " FROM messages ORDER BY pk").fetchall()
    media = conn.execute(
        "SELECT url, message_pk, position FROM media ORDER BY url").fetchall()
    return [tuple(r) for r in messages], [tuple(r) for r in media]


def _run(path: Path, steps: list[tuple[str, list[Message]]]) -> object:
    db = Database.open(path)
    try:
        for how, page in steps:
            if how == "history":
                db.run_sync(store_history, page)
            elif how == "rows":
                db.run_sync(upsert_messages, page, mark_read=True)
            else:  # a poll: unread inbound messages, then read flags must survive history
                db.run_sync(upsert_messages, page)
        return db.run_sync(_dump)
    finally:
        db.close()


def test_a_page_is_stored_as_message_by_message(tmp_path: Path) -> None:
    page = _page(1500)
    assert _run(tmp_path / "a.db", [("history", page)]) == \
        _run(tmp_path / "b.db", [("rows", page)])


def test_a_page_over_stored_history_updates_as_message_by_message(tmp_path: Path) -> None:
    first = _page(1200)
    polled = [make_message(5000 + n, minutes=2000 + n) for n in range(5)]  # stay unread
    changed = [
        # A copy without its pictures keeps the ones known (getMMS can omit them),
        # whether or not something else changed.
        replace(m, media=(), text=m.text + (" (edited)" if m.id % 2 else ""))
        if m.kind is MessageKind.MMS
        else replace(m, text=m.text + " (edited)") if m.id % 5 == 1
        else m
        for m in first
    ] + _page(1300)[:100]
    steps_fast = [("history", first), ("poll", polled), ("history", changed)]
    steps_slow = [("rows", first), ("poll", polled), ("rows", changed)]
    assert _run(tmp_path / "a.db", steps_fast) == _run(tmp_path / "b.db", steps_slow)


def test_counts_what_changed(db: Database) -> None:
    page = _page(1100)
    first = db.run_sync(store_history, page)
    assert (first.inserted, first.updated) == (1100, 0)
    again = db.run_sync(store_history, page)
    assert (again.inserted, again.updated) == (0, 0)
    edited = [replace(m, text="new words") if m.id < 10 else m for m in page]
    edited.append(make_message(9999))
    counts = db.run_sync(store_history, edited)
    assert (counts.inserted, counts.updated) == (1, 10)
