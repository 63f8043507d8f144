from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.store.db import Database
from app.store.messages import count_messages, get_message, upsert_messages
from app.store.migrations import MIGRATIONS, Migration, SchemaTooNewError, migrate, schema_version
from tests.unit.store.conftest import make_message


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_migrate_from_empty(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    assert migrate(conn) == len(MIGRATIONS)
    assert schema_version(conn) == len(MIGRATIONS)
    assert {"messages", "threads", "messages_fts", "lookup_cache", "drafts"} <= _tables(conn)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Running again is a no-op.
    assert migrate(conn) == len(MIGRATIONS)
    conn.close()


@pytest.mark.skipif(len(MIGRATIONS) < 2, reason="only one migration so far")
def test_migrate_from_previous_version_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn, MIGRATIONS[:-1])
    assert schema_version(conn) == len(MIGRATIONS) - 1
    upsert_messages(conn, [make_message(1), make_message(2)])
    conn.close()
    with Database.open(path) as db:
        assert db.recovery_notice is None
        assert db.run_sync(schema_version) == len(MIGRATIONS)
        assert db.run_sync(count_messages) == 2
        stored = db.run_sync(get_message, make_message(2).kind, 2)
        assert stored is not None and stored.message.text == "message 2"


def test_failed_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """All missing steps and the version bump are one transaction: all or nothing."""
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    migrate(conn, [Migration("zero", "CREATE TABLE z (x);")])
    steps = [
        Migration("zero", "CREATE TABLE z (x);"),
        Migration("one", "CREATE TABLE a (x);"),
        Migration("two", "CREATE TABLE b (x); CREATE TABLE a (y);"),
    ]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, steps)
    assert schema_version(conn) == 1
    assert _tables(conn) == {"z"}  # a and b rolled back with the failed step
    assert not conn.in_transaction


def test_python_step_runs_in_the_migration(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)

    def fill(c: sqlite3.Connection) -> None:
        c.execute("INSERT INTO a VALUES (42)")

    migrate(conn, [Migration("one", "CREATE TABLE a (x);", fill)])
    assert conn.execute("SELECT x FROM a").fetchall() == [(42,)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    with pytest.raises(SchemaTooNewError):
        migrate(conn)


def test_unused_reroute_presets_table_is_dropped(tmp_path: Path) -> None:
    # Presets live in the settings file; v2 created a table nobody used.
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    migrate(conn)
    assert "reroute_presets" not in _tables(conn)
    assert {"dids", "did_changes"} <= _tables(conn)


def test_change_log_lines_written_before_undo_get_a_change_id(tmp_path: Path) -> None:
    """Issue #15.2: lines of the old log are grouped per number and instant (one change)."""
    from app.store.dids import changes_of, list_changes

    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    conn.row_factory = sqlite3.Row
    mine = next(i for i, m in enumerate(MIGRATIONS) if m.name.startswith("numbers change log"))
    migrate(conn, MIGRATIONS[:mine])
    conn.executemany(
        "INSERT INTO did_changes (at, did, field, old, new, method, ok) VALUES (?, ?, ?, ?, ?,"
        " 'setDIDInfo', 1)",
        [(100.0, "6175550100", "routing", "vm:1001", "sys:hangup"),
         (100.0, "6175550100", "note", "Main", "Closed"),
         (200.0, "6175550111", "routing", "grp:1", "vm:1001")])
    migrate(conn)
    entries = list_changes(conn)
    ids = {(e.did, e.field): e.change_id for e in entries}
    assert ids[("6175550100", "routing")] == ids[("6175550100", "note")]
    assert ids[("6175550111", "routing")] not in ("", ids[("6175550100", "note")])
    assert [e.field for e in changes_of(conn, ids[("6175550100", "note")])] == ["routing", "note"]
    conn.close()
