"""The one SQLite connection of the app, living on its own worker thread.

Every read and write goes through :meth:`Database.run` (async) or
:meth:`Database.run_sync` (start-up reads only): both hand a function to a
single-thread executor that owns the connection, so the Qt/asyncio thread never
touches the disk and SQLite never sees two threads.

A file that cannot be used as it is gets what ``recovery.py`` describes: busy ->
wait and retry; read-only, full or failing disk -> opened read-only
(:attr:`Database.read_only`; writes raise ``StorageError``, a user-facing
message); only a corrupt file is moved aside (``<name>.corrupt-<timestamp>``)
and rebuilt, its drafts copied over. The app starts anyway and says what
happened (:attr:`Database.recovery_notice`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from app.store.migrations import (
    MIGRATIONS,
    Migration,
    SchemaTooNewError,
    migrate,
    schema_version,
)
from app.store.recovery import (
    MigrationFailed,
    Problem,
    QuickCheckFailed,
    classify,
    read_only_uri,
    refuses_writes,
    repair_full_text_index,
    salvage_drafts,
    storage_error,
)

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_SIDE_FILES = ("-wal", "-shm", "-journal")

#: The connection type for functions handed to ``db.run`` outside this package,
#: so other layers can annotate them without importing sqlite3 (layer rule).
Connection = sqlite3.Connection


class DatabaseClosedError(RuntimeError):
    """``run`` was called after ``close``: a shutdown-ordering bug."""


#: Each attempt at opening waits this long on a lock (SQLite's busy handler)...
BUSY_TIMEOUT_MS = 5000
#: ...and a file still busy after it is tried this many times, this far apart.
BUSY_ATTEMPTS = 3
BUSY_RETRY_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class _Opened:
    """A connection just opened, and what to tell the user about it."""
    conn: sqlite3.Connection
    notice: str | None
    read_only: bool = False


def _connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see ``transaction``),
    # so Python's implicit transactions never surprise a repository.
    if read_only:
        conn = sqlite3.connect(
            read_only_uri(Path(path)), uri=True, isolation_level=None, check_same_thread=True
        )
        conn.execute("PRAGMA query_only = ON")
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    return conn


def _check_and_migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() not in ("wal", "memory"):
        log.warning("SQLite refused WAL mode (got %s); continuing", mode)
    conn.execute("PRAGMA synchronous = NORMAL")
    result = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in result] != [("ok",)]:
        raise QuickCheckFailed(f"quick_check failed: {[tuple(r) for r in result][:3]}")
    try:
        migrate(conn, migrations)
    except sqlite3.Error as exc:
        if refuses_writes(exc):
            raise  # busy, read-only, full: the file is fine, it cannot be written now
        raise MigrationFailed(f"migration failed: {exc}") from exc
    repair_full_text_index(conn)


def _move_aside(path: Path, stamp: str) -> Path:
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    path.replace(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def _make_private(path: Path) -> None:
    """The cache holds messages and contacts: readable by this user only (0600).

    SQLite gives its -wal and -shm files the database file's permissions, so
    they follow. Created here when missing, tightened when an older version
    left it readable by others.
    """
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(path, 0o600)


def _open_writable(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    conn: sqlite3.Connection | None = None
    try:
        _make_private(path)
        conn = _connect(path)
        _check_and_migrate(conn, migrations)
        return conn
    except BaseException:
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
        raise


def _open_with_recovery(path: Path, migrations: Sequence[Migration]) -> _Opened:
    """Runs on the worker thread: the connection must be born there (see recovery.py)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.exception("Cannot create the data folder %s", path.parent)
    problem: BaseException | None = None
    for attempt in range(BUSY_ATTEMPTS):
        try:
            return _Opened(_open_writable(path, migrations), None)
        except (sqlite3.Error, SchemaTooNewError, OSError) as exc:
            problem = exc
        if classify(problem) is not Problem.BUSY:
            break
        # Another program holds a lock for longer than busy_timeout: wait, retry.
        log.info("Local database %s busy (attempt %d): %s", path, attempt + 1, problem)
        time.sleep(BUSY_RETRY_SECONDS)
    assert problem is not None
    kind = classify(problem)
    if kind in (Problem.BUSY, Problem.READ_ONLY):
        return _open_read_only(path, migrations, kind, problem)
    return _rebuild(path, migrations, kind, problem)


def _open_read_only(
    path: Path, migrations: Sequence[Migration], kind: Problem, problem: BaseException
) -> _Opened:
    """Keep the history readable when the file cannot be written (full, read-only, busy)."""
    log.warning("Local database %s cannot be written (%s); opening it read-only", path, problem)
    why = {
        Problem.BUSY: "is in use by another program",
        Problem.READ_ONLY: "cannot be written (the disk may be full or read-only)",
    }[kind]
    try:
        conn = _connect(path, read_only=True)
        if schema_version(conn) != len(migrations):
            conn.close()
            raise sqlite3.OperationalError("schema not current: cannot be used read-only")
        return _Opened(
            conn,
            f"Switchboard's history file {why}: the history is shown, but nothing new "
            "is saved until this is solved and Switchboard is restarted.",
            read_only=True,
        )
    except sqlite3.Error:
        log.exception("Cannot read %s either; using a temporary in-memory database", path)
    return _in_memory(
        migrations,
        f"Switchboard's history file {path} {why}; Switchboard is working without "
        "saving history this session.",
    )


def _rebuild(
    path: Path, migrations: Sequence[Migration], kind: Problem, problem: BaseException
) -> _Opened:
    """Real damage (or a newer version's file): keep it aside, start a new one."""
    log.warning("Local database %s unusable (%s); rebuilding it", path, problem)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    if kind is Problem.TOO_NEW:
        reason = "was made by a newer version of Switchboard"
    elif isinstance(problem, MigrationFailed):
        reason = "could not be updated for this version"
    else:
        reason = "was damaged"
    try:
        kept = _move_aside(path, stamp) if path.exists() else None
        conn = _open_writable(path, migrations)
    except (sqlite3.Error, SchemaTooNewError, OSError):
        log.exception("Cannot rebuild %s; using a temporary in-memory database", path)
        return _in_memory(
            migrations,
            f"The local history file {path} {reason} and could not be replaced; "
            "Switchboard is working without saving history this session.",
        )
    kept_text = f" The old file was kept as {kept.name}." if kept else ""
    drafts = 0
    if kept is not None and kind is Problem.CORRUPT:
        with transaction(conn):
            drafts = salvage_drafts(kept, conn)
    drafts_text = (
        f" {drafts} unsent draft{'s were' if drafts != 1 else ' was'} recovered."
        if drafts
        else ""
    )
    return _Opened(
        conn,
        f"The local history file {reason}, so it was rebuilt empty; "
        f"history will be downloaded again from VoIP.ms.{drafts_text}{kept_text}",
    )


def _in_memory(migrations: Sequence[Migration], notice: str) -> _Opened:
    conn = _connect(":memory:")
    _check_and_migrate(conn, migrations)
    return _Opened(conn, notice)


class Database:
    """One connection on one dedicated thread. Create with :meth:`open`."""

    def __init__(
        self, path: Path, executor: ThreadPoolExecutor, opened: _Opened, thread_id: int
    ) -> None:
        self.path = path
        self._executor = executor
        self._conn = opened.conn
        self._closed = False
        #: A sentence for the user when the file had to be rebuilt, else None.
        self.recovery_notice: str | None = opened.notice
        #: The file could only be opened read-only: writes raise ``StorageError``.
        self.read_only = opened.read_only
        #: ``threading.get_ident()`` of the worker thread (tests assert on it).
        self.worker_thread_id = thread_id

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> Database:
        """Open (creating or repairing) the database; blocks only for start-up."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")

        def start() -> tuple[_Opened, int]:
            return _open_with_recovery(Path(path), migrations), threading.get_ident()

        opened, thread_id = executor.submit(start).result()
        return cls(Path(path), executor, opened, thread_id)

    # --- running work on the database thread ------------------------------------

    def _call(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Worker-thread side: run ``fn`` and never leave a transaction dangling."""
        conn = self._conn
        try:
            result = fn(conn, *args, **kwargs)
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.rollback()
            # A full disk or a read-only file is the user's to know, not a bug.
            refused = storage_error(exc)
            if refused is not None:
                raise refused from exc
            raise
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        if conn.in_transaction:
            conn.rollback()
            raise RuntimeError(f"{getattr(fn, '__name__', fn)!r} left a transaction open")
        return result

    async def run(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``fn(conn, *args, **kwargs)`` on the database thread; await its result."""
        if self._closed:
            raise DatabaseClosedError("database is closed")
        future = self._executor.submit(functools.partial(self._call, fn, *args, **kwargs))
        return await asyncio.wrap_future(future)

    def run_sync(
        self,
        fn: Callable[Concatenate[sqlite3.Connection, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Blocking variant for the few small reads the UI needs while starting."""
        if self._closed:
            raise DatabaseClosedError("database is closed")
        if threading.get_ident() == self.worker_thread_id:
            # Already on the worker (a function composing others): no deadlock.
            return self._call(fn, *args, **kwargs)
        return self._executor.submit(functools.partial(self._call, fn, *args, **kwargs)).result()

    def close(self) -> None:
        """Checkpoint the WAL into the main file and close. Idempotent."""
        if self._closed:
            return
        self._closed = True

        def shutdown() -> None:
            try:
                if self.read_only:
                    return  # nothing of ours to checkpoint, and it would be refused
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                log.exception("Checkpoint on close failed")
            finally:
                self._conn.close()

        self._executor.submit(shutdown).result()
        self._executor.shutdown(wait=True)

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` .. ``COMMIT``; nested use becomes a savepoint."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.execute("COMMIT")
