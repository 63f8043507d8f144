"""What to do when the cache database cannot be used as it is (issue #13.3).

The cache is only a copy of the provider's data, except for what the user typed
(drafts), so the rules are about losing nothing needlessly:

* **Busy / locked** (another program holds a lock, two first starts race):
  wait and try again; never "damaged".
* **Read-only, full disk, I/O error, cannot open for writing**: open the file
  read-only and say so; the history stays on screen, nothing new is saved.
* **Corrupt** (not a database, malformed, ``quick_check`` failed): only then is
  the file moved aside and rebuilt; the drafts it held are copied into the new
  file where they can still be read.
* **A damaged full-text index** ("vtable constructor failed") is rebuilt in
  place from the messages it indexes: search and inserts work again, nothing
  else is touched.

Error classes come from SQLite's result codes (``sqlite_errorcode``, Python
3.11+), not from message texts, which differ between SQLite versions.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from app.domain.errors import UserFacingError
from app.domain.words import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html).
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

FTS_TABLE = "messages_fts"


class Problem(StrEnum):
    BUSY = "busy"
    READ_ONLY = "read-only"
    CORRUPT = "corrupt"
    TOO_NEW = "too new"


class QuickCheckFailed(sqlite3.DatabaseError):
    """``PRAGMA quick_check`` reported damage: the file is corrupt."""


class MigrationFailed(sqlite3.DatabaseError):
    """The file could not be brought up to this version's schema (a stray table...)."""


class StorageError(UserFacingError):
    """The cache file cannot take a change now (read-only, disk full, I/O error)."""


def primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def classify(exc: BaseException) -> Problem:
    """Which of the cases above ``exc`` (raised while opening) is."""
    from app.store.migrations import SchemaTooNewError

    if isinstance(exc, SchemaTooNewError):
        return Problem.TOO_NEW
    if isinstance(exc, QuickCheckFailed | MigrationFailed):
        return Problem.CORRUPT
    code = primary_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return Problem.BUSY
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return Problem.CORRUPT
    # Everything else (read-only, full, I/O, permissions, an error we do not
    # know) keeps the file: it may be perfectly fine once the disk has room.
    return Problem.READ_ONLY


def refuses_writes(exc: BaseException) -> bool:
    """Whether ``exc`` says the file cannot be written now (not that it is wrong)."""
    return primary_code(exc) in (
        SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    )


def storage_error(exc: sqlite3.Error) -> StorageError | None:
    """A user-facing error for a write the file cannot take, else ``None`` (a bug)."""
    code = primary_code(exc)
    if code == SQLITE_FULL:
        return StorageError(
            QT_TRANSLATE_NOOP(
                "services",
                "The disk is full: Switchboard cannot save new history until there is room.",
            ),
            detail=str(exc),
        )
    if code in (SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "services",
                "Switchboard's history file cannot be changed right now (read-only or a disk "
                "problem): what is on screen stays, nothing new is saved.",
            ),
            detail=str(exc),
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(
            QT_TRANSLATE_NOOP(
                "services",
                "Switchboard's history file is busy (another program is using it): try again in a "
                "moment.",
            ),
            detail=str(exc),
        )
    return None


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """``immutable``: a file nobody else writes (one moved aside): no locks, no -shm/-wal."""
    return f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")


#: Drafts kept in the key/value table rather than in ``drafts``: the fax compose
#: dialog's one draft (``app/services/fax/drafts.py``) and any like it. Salvaged with
#: the conversations' drafts: "nothing typed is lost" holds for them too.
DRAFT_STATE_KEYS = "%draft"


def salvage_drafts(old_file: Path, conn: sqlite3.Connection) -> int:
    """Copy the drafts a moved-aside file still yields into ``conn``; how many.

    Both kinds: the rows of ``drafts`` and the ``sync_state`` values whose key
    names a draft (``DRAFT_STATE_KEYS``). Each table is read on its own: a
    damaged page under one does not cost the other.
    """
    try:
        old = sqlite3.connect(read_only_uri(old_file, immutable=True), uri=True)
    except sqlite3.Error:
        return 0
    try:
        old.row_factory = sqlite3.Row
        rows = _read_rows(old, "SELECT * FROM drafts", (), old_file)
        state = _read_rows(
            old, "SELECT key, value FROM sync_state WHERE key LIKE ? AND value != ''",
            (DRAFT_STATE_KEYS,), old_file,
        )
    finally:
        old.close()
    return _copy_rows(conn, "drafts", rows, old_file) + _copy_rows(
        conn, "sync_state", state, old_file
    )


def _read_rows(
    old: sqlite3.Connection, sql: str, params: tuple[object, ...], old_file: Path
) -> list[sqlite3.Row]:
    try:
        return old.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        log.info("Drafts could not be read from %s: %s", old_file.name, exc)
        return []


def _copy_rows(
    conn: sqlite3.Connection, table: str, rows: list[sqlite3.Row], old_file: Path
) -> int:
    wanted = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    copied = 0
    for row in rows:
        columns = [name for name in row.keys() if name in wanted]  # noqa: SIM118 (Row)
        if not columns:
            continue
        names = ", ".join(f'"{name}"' for name in columns)
        marks = ", ".join("?" for _ in columns)
        try:
            conn.execute(
                f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})",
                [row[name] for name in columns],
            )
            copied += 1
        except sqlite3.Error as exc:
            log.info("A draft from %s could not be kept: %s", old_file.name, exc)
    return copied


def repair_full_text_index(conn: sqlite3.Connection) -> bool:
    """Rebuild the message search index when it is damaged; ``True`` when it was.

    A cheap probe (the index's constructor runs on the first read) catches the
    damage users met: a missing or broken shadow table, after which every
    search and every new message failed with "vtable constructor failed".
    """
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
    ).fetchone()
    if row is None:
        return False  # not created yet (a migration will)
    try:
        conn.execute(f"SELECT rowid FROM {FTS_TABLE} LIMIT 1").fetchall()
        return False
    except sqlite3.DatabaseError as exc:
        log.warning("Search index damaged (%s); rebuilding it", exc)
    create_sql = str(row[0])
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("BEGIN IMMEDIATE")
    try:
        # A broken virtual table can be neither rebuilt nor dropped (both need its
        # constructor): take it out of the schema (bumping the schema cookie, as
        # SQLite asks after such an edit, so every connection re-reads it), drop
        # what is left of its shadow tables, create it again, refill it.
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("DELETE FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,))
        conn.execute(f"PRAGMA schema_version = {version + 1:d}")
        conn.execute("PRAGMA writable_schema = OFF")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA writable_schema = OFF")
        conn.rollback()
        raise
    shadows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '\\'",
        (FTS_TABLE.replace("_", "\\_") + "\\_%",),
    ).fetchall()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for (name,) in shadows:
            conn.execute(f'DROP TABLE "{name}"')
        conn.execute(create_sql)
        conn.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')")
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise
    return True
