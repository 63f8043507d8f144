"""A cache file that cannot be used as it is (issue #13.3): only real damage is "damaged".

Busy files are waited for, unwritable ones opened read-only, corrupt ones moved
aside with their drafts copied over, a broken search index rebuilt in place, and
two first starts racing each other both succeed.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from app.domain.errors import UserFacingError
from app.store import db as db_module
from app.store.db import Database
from app.store.drafts import get_draft, save_draft
from app.store.messages import count_messages, upsert_messages
from app.store.migrations import MIGRATIONS, schema_version
from app.store.recovery import StorageError
from app.store.search import search_messages
from tests.unit.store.conftest import make_message


def _aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".corrupt-" in p.name)


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Seconds of waiting on a lock become milliseconds (the logic is the same)."""
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(db_module, "BUSY_RETRY_SECONDS", 0.05)
    monkeypatch.setattr(db_module, "BUSY_ATTEMPTS", 3)


def _locked_rollback_journal_file(path: Path) -> sqlite3.Connection:
    """A file another program holds an exclusive lock on (rollback-journal mode)."""
    with Database.open(path) as db:
        db.run_sync(upsert_messages, [make_message(1, text="kept")])
    plain = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    plain.execute("PRAGMA journal_mode = DELETE")
    plain.execute("BEGIN EXCLUSIVE")
    return plain


def test_a_file_locked_by_another_program_is_waited_for_not_moved_aside(
    tmp_path: Path, quick_busy: None
) -> None:
    path = tmp_path / "store.db"
    holder = _locked_rollback_journal_file(path)
    threading.Timer(0.08, holder.rollback).start()  # the other program lets go
    try:
        with Database.open(path) as db:
            assert db.recovery_notice is None
            assert db.run_sync(count_messages) == 1
    finally:
        holder.close()
    assert _aside(tmp_path) == []


def test_a_file_that_stays_locked_is_kept_and_the_user_told(
    tmp_path: Path, quick_busy: None
) -> None:
    path = tmp_path / "store.db"
    holder = _locked_rollback_journal_file(path)
    try:
        with Database.open(path) as db:
            assert db.recovery_notice is not None
            assert "in use by another program" in db.recovery_notice
    finally:
        holder.rollback()
        holder.close()
    assert _aside(tmp_path) == []
    with Database.open(path) as db:  # the next start finds everything
        assert db.run_sync(count_messages) == 1


def _disk_full(*_: object) -> sqlite3.Connection:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL
    error.sqlite_errorname = "SQLITE_FULL"
    raise error


def test_a_file_that_cannot_be_written_is_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(upsert_messages, [make_message(1, text="still here")])
        db.run_sync(save_draft, "6175550100", "4185550123", "typed")
    monkeypatch.setattr(db_module, "_open_writable", _disk_full)
    with Database.open(path) as db:
        assert db.read_only
        assert db.recovery_notice is not None and "nothing new is saved" in db.recovery_notice
        assert db.run_sync(count_messages) == 1  # the history stays on screen
        assert db.run_sync(get_draft, "6175550100", "4185550123") is not None
        with pytest.raises(StorageError) as refused:
            db.run_sync(upsert_messages, [make_message(2)])
        assert isinstance(refused.value, UserFacingError)  # a message, not a crash
    assert _aside(tmp_path) == []


def test_a_corrupt_file_is_moved_aside_and_its_drafts_recovered(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(save_draft, "6175550100", "4185550123", "Réunion à 10h 🎉")
        # The fax compose dialog's draft lives in the key/value table (FaxDrafts).
        db.run_sync(lambda conn: conn.execute(
            "INSERT INTO sync_state (key, value) VALUES ('fax.compose_draft', ?),"
            " ('messages.synced_to', '2026-12-01')", ('{"number": "4185550124"}',)))
        db.run_sync(
            upsert_messages, [make_message(i, text="padding " * 50) for i in range(2000)]
        )
    # Garbage over part of the messages' pages (the drafts' page comes first).
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size * 6 // 10)
        handle.write(b"\xde\xad\xbe\xef" * (size // 40))
    with Database.open(path) as db:
        assert db.recovery_notice is not None
        assert "2 unsent drafts were recovered" in db.recovery_notice
        draft = db.run_sync(get_draft, "6175550100", "4185550123")
        assert draft is not None and draft.text == "Réunion à 10h 🎉"
        state = db.run_sync(lambda conn: conn.execute(
            "SELECT key, value FROM sync_state").fetchall())
        # The fax draft came back; sync progress did not (history is fetched again).
        assert [tuple(row) for row in state] == [
            ("fax.compose_draft", '{"number": "4185550124"}')]
        assert db.run_sync(count_messages) == 0
    assert len(_aside(tmp_path)) == 1  # only the damaged file itself, no -wal/-shm of it


def test_a_broken_search_index_is_rebuilt_in_place(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(upsert_messages, [make_message(1, text="Merci beaucoup"),
                                      make_message(2, text="See you at noon")])
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("DROP TABLE messages_fts_config")  # "vtable constructor failed" from now on
    with pytest.raises(sqlite3.OperationalError, match="vtable constructor failed"):
        raw.execute("SELECT rowid FROM messages_fts LIMIT 1")
    raw.close()
    with Database.open(path) as db:
        assert db.recovery_notice is None  # nothing lost: the messages were never touched
        assert db.run_sync(count_messages) == 2
        hits = db.run_sync(search_messages, "merci")
        assert [hit.stored.message.text for hit in hits] == ["Merci beaucoup"]
        db.run_sync(upsert_messages, [make_message(3, text="merci encore")])
        assert len(db.run_sync(search_messages, "merci")) == 2
    assert _aside(tmp_path) == []


def test_two_first_starts_racing_the_migrations_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    barrier = threading.Barrier(2)
    opened: list[Database] = []
    errors: list[BaseException] = []

    def start() -> None:
        barrier.wait()
        try:
            opened.append(Database.open(path))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert [db.recovery_notice for db in opened] == [None, None]
        assert {db.run_sync(schema_version) for db in opened} == {len(MIGRATIONS)}
    finally:
        for db in opened:
            db.close()
    assert _aside(tmp_path) == []
