"""The one SQLite connection of the app, living on its own worker thread.

Every read and write goes through :meth:`Database.run` (async) or
:meth:`Database.run_sync` (start-up reads only): both hand a function to a
single-thread executor that owns the connection, so the Qt/asyncio thread never
touches the disk and SQLite never sees two threads.

A database file that is not SQLite, fails ``PRAGMA quick_check`` or cannot be
migrated is moved aside (``<name>.corrupt-<timestamp>``) and rebuilt empty: it
is only a cache of the provider's data, so the app must start anyway and say so
(:attr:`Database.recovery_notice`).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from app.store.migrations import MIGRATIONS, Migration, SchemaTooNewError, migrate

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

_SIDE_FILES = ("-wal", "-shm", "-journal")

#: The connection type for functions handed to ``db.run`` outside this package,
#: so other layers can annotate them without importing sqlite3 (layer rule).
Connection = sqlite3.Connection


class DatabaseClosedError(RuntimeError):
    """``run`` was called after ``close``: a shutdown-ordering bug."""


@dataclass(frozen=True, slots=True)
class _Opened:
    """A connection just opened, and what to tell the user about it."""
    conn: sqlite3.Connection
    notice: str | None


def _connect(path: Path | str) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see ``transaction``),
    # so Python's implicit transactions never surprise a repository.
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check_and_migrate(conn: sqlite3.Connection, migrations: Sequence[Migration]) -> None:
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() not in ("wal", "memory"):
        log.warning("SQLite refused WAL mode (got %s); continuing", mode)
    conn.execute("PRAGMA synchronous = NORMAL")
    result = conn.execute("PRAGMA quick_check").fetchall()
    if [tuple(r) for r in result] != [("ok",)]:
        raise sqlite3.DatabaseError(f"quick_check failed: {[tuple(r) for r in result][:3]}")
    migrate(conn, migrations)


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


def _open_with_recovery(path: Path, migrations: Sequence[Migration]) -> _Opened:
    """Runs on the worker thread: the connection must be born there."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        log.exception("Cannot create the data folder %s", path.parent)
    conn: sqlite3.Connection | None = None
    try:
        _make_private(path)
        conn = _connect(path)
        _check_and_migrate(conn, migrations)
        return _Opened(conn, None)
    except (sqlite3.DatabaseError, SchemaTooNewError, OSError) as exc:
        problem = exc
        if conn is not None:
            with contextlib.suppress(sqlite3.Error):
                conn.close()
    log.warning("Local database %s unusable (%s); rebuilding it", path, problem)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    reason = (
        "was made by a newer version of Switchboard"
        if isinstance(problem, SchemaTooNewError)
        else "was damaged or unreadable"
    )
    try:
        kept = _move_aside(path, stamp) if path.exists() else None
        _make_private(path)
        conn = _connect(path)
        _check_and_migrate(conn, migrations)
    except (sqlite3.Error, SchemaTooNewError, OSError):
        log.exception("Cannot rebuild %s; using a temporary in-memory database", path)
        conn = _connect(":memory:")
        _check_and_migrate(conn, migrations)
        return _Opened(
            conn,
            f"The local history file {path} {reason} and could not be replaced; "
            "Switchboard is working without saving history this session.",
        )
    kept_text = f" The old file was kept as {kept.name}." if kept else ""
    return _Opened(
        conn,
        f"The local history file {reason}, so it was rebuilt empty; "
        f"history will be downloaded again from VoIP.ms.{kept_text}",
    )


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
