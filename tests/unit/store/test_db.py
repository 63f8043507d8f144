from __future__ import annotations

import asyncio
import sqlite3
import threading
from pathlib import Path

import pytest

from app.store.db import Database, DatabaseClosedError, transaction
from app.store.messages import count_messages, upsert_messages
from app.store.migrations import MIGRATIONS, schema_version
from tests.unit.store.conftest import make_message


def _pragma(conn: sqlite3.Connection, name: str) -> object:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_open_sets_wal_foreign_keys_and_schema(db: Database) -> None:
    settings = db.run_sync(
        lambda conn: (
            _pragma(conn, "journal_mode"),
            _pragma(conn, "foreign_keys"),
            _pragma(conn, "synchronous"),
            schema_version(conn),
        )
    )
    assert settings == ("wal", 1, 1, len(MIGRATIONS))  # synchronous NORMAL == 1
    assert db.recovery_notice is None


def test_run_executes_on_the_worker_thread_not_the_callers(db: Database) -> None:
    caller = threading.get_ident()

    async def main() -> tuple[int, int]:
        inside_async = await db.run(lambda conn: threading.get_ident())
        inside_sync = db.run_sync(lambda conn: threading.get_ident())
        return inside_async, inside_sync

    inside_async, inside_sync = asyncio.run(main())
    assert inside_async != caller
    assert inside_async == inside_sync == db.worker_thread_id


def test_run_passes_arguments_and_propagates_errors(db: Database) -> None:
    def add(conn: sqlite3.Connection, a: int, b: int = 0) -> int:
        return a + b

    async def main() -> int:
        return await db.run(add, 2, b=3)

    assert asyncio.run(main()) == 5
    with pytest.raises(sqlite3.OperationalError):
        db.run_sync(lambda conn: conn.execute("SELECT * FROM no_such_table"))


def test_failed_transaction_rolls_back_and_nested_uses_savepoint(db: Database) -> None:
    def fail(conn: sqlite3.Connection) -> None:
        with transaction(conn):
            upsert_messages(conn, [make_message(1)])
            raise ValueError("boom")

    with pytest.raises(ValueError):
        db.run_sync(fail)
    assert db.run_sync(count_messages) == 0

    def partial(conn: sqlite3.Connection) -> None:
        with transaction(conn):
            upsert_messages(conn, [make_message(1)])
            with pytest.raises(ValueError), transaction(conn):
                upsert_messages(conn, [make_message(2)])
                raise ValueError("inner")

    db.run_sync(partial)
    assert db.run_sync(count_messages) == 1


def test_dangling_transaction_is_rolled_back_and_reported(db: Database) -> None:
    def forgets_commit(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        upsert_messages(conn, [make_message(1)])

    with pytest.raises(RuntimeError, match="transaction open"):
        db.run_sync(forgets_commit)
    assert db.run_sync(count_messages) == 0


def test_close_checkpoints_and_data_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    db = Database.open(path)
    db.run_sync(upsert_messages, [make_message(1), make_message(2)])
    db.close()
    db.close()  # idempotent
    wal = tmp_path / "store.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with pytest.raises(DatabaseClosedError):
        db.run_sync(count_messages)
    with Database.open(path) as again:
        assert again.run_sync(count_messages) == 2


def _corrupt_files(tmp_path: Path) -> list[Path]:
    return sorted(p for p in tmp_path.iterdir() if ".corrupt-" in p.name)


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"this is not a database at all\n" * 200)
    with Database.open(path) as db:
        assert db.recovery_notice is not None
        assert "rebuilt" in db.recovery_notice
        assert db.run_sync(count_messages) == 0
        db.run_sync(upsert_messages, [make_message(1)])
        assert db.run_sync(count_messages) == 1
    kept = _corrupt_files(tmp_path)
    assert [p.read_bytes()[:10] for p in kept] == [b"this is no"]
    assert kept[0].name in (db.recovery_notice or "")


def test_truncated_file_is_moved_aside_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(
            upsert_messages, [make_message(i, text="padding " * 50) for i in range(2000)]
        )
    size = path.stat().st_size
    assert size > 100_000
    with path.open("r+b") as handle:
        handle.truncate(size // 3)
    with Database.open(path) as db:
        assert db.recovery_notice is not None
        assert db.run_sync(count_messages) == 0
    assert len(_corrupt_files(tmp_path)) == 1


def test_unreadable_path_never_crashes(tmp_path: Path) -> None:
    # A directory where the file should be: SQLite cannot open it at all.
    path = tmp_path / "store.db"
    path.mkdir()
    (path / "keep").write_text("x")
    with Database.open(path) as db:
        assert db.recovery_notice is not None
        db.run_sync(upsert_messages, [make_message(1)])
        assert db.run_sync(count_messages) == 1


def test_failing_migration_rebuilds_with_notice(tmp_path: Path) -> None:
    from app.store.migrations import Migration, schema_version

    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(upsert_messages, [make_message(1)])
        # A stray table the next migration will collide with on this file only.
        db.run_sync(lambda conn: conn.execute("CREATE TABLE extra (x)"))
    newer = [*MIGRATIONS, Migration("adds extra", "CREATE TABLE extra (y);")]
    with Database.open(path, migrations=newer) as db:
        assert db.recovery_notice is not None
        assert db.run_sync(schema_version) == len(newer)
        assert db.run_sync(count_messages) == 0
    assert len(_corrupt_files(tmp_path)) == 1


def test_file_from_a_newer_app_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Database.open(path) as db:
        db.run_sync(lambda conn: conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}"))
    with Database.open(path) as db:
        assert db.recovery_notice is not None and "newer version" in db.recovery_notice
        assert db.run_sync(count_messages) == 0
    assert len(_corrupt_files(tmp_path)) == 1


def test_run_sync_inside_the_worker_does_not_deadlock(db: Database) -> None:
    def outer(conn: sqlite3.Connection) -> int:
        return db.run_sync(count_messages) + 1

    assert db.run_sync(outer) == 1
