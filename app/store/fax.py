"""Fax: folders, messages (keyed by the provider's id) and the cached PDF path.

The API lists faxes by folder and date range, so :func:`replace_folder` can be
limited to the window that was fetched: rows outside it are left alone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from app.domain.models.fax import FaxFolder, FaxMessage
from app.store import phonebook
from app.store.db import Database, transaction
from app.store.rows import ReplaceResult, opt_from_epoch, opt_to_epoch, to_epoch

_COLUMNS = ("id, folder, date, callerid, stationid, destination, description, pages, duration,"
            " status, message")


def replace_fax_folders(conn: sqlite3.Connection, folders: Sequence[FaxFolder]) -> None:
    with transaction(conn):
        conn.execute("DELETE FROM fax_folders")
        conn.executemany(
            "INSERT OR REPLACE INTO fax_folders (id, name, position) VALUES (?, ?, ?)",
            [(f.id, f.name, i) for i, f in enumerate(folders)],
        )


def list_fax_folders(conn: sqlite3.Connection) -> list[FaxFolder]:
    rows = conn.execute("SELECT id, name FROM fax_folders ORDER BY position, name").fetchall()
    return [FaxFolder(r["id"], r["name"]) for r in rows]


def _fax(row: sqlite3.Row) -> FaxMessage:
    return FaxMessage(
        id=int(row["id"]),
        folder=row["folder"],
        date=opt_from_epoch(row["date"]),
        callerid=row["callerid"],
        stationid=row["stationid"],
        destination=row["destination"],
        description=row["description"],
        pages=int(row["pages"]),
        duration_seconds=int(row["duration"]),
        status=row["status"],
        message=row["message"],
    )


def _values(m: FaxMessage) -> tuple[object, ...]:
    return (m.id, m.folder, opt_to_epoch(m.date), m.callerid, m.stationid, m.destination,
            m.description, m.pages, m.duration_seconds, m.status, m.message)


def upsert_faxes(conn: sqlite3.Connection, rows: Iterable[FaxMessage]) -> None:
    """Insert or update faxes; a cached PDF stays (a fax's document never changes)."""
    with transaction(conn):
        conn.executemany(
            f"INSERT INTO fax_messages ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, date = excluded.date,"
            " callerid = excluded.callerid, stationid = excluded.stationid,"
            " destination = excluded.destination, description = excluded.description,"
            " pages = excluded.pages, duration = excluded.duration, status = excluded.status,"
            " message = excluded.message",
            [_values(m) for m in rows],
        )


def replace_folder(
    conn: sqlite3.Connection,
    folder: str,
    rows: Iterable[FaxMessage],
    *,
    window: tuple[datetime, datetime] | None = None,
) -> ReplaceResult[FaxMessage]:
    """Make the folder (within ``window`` if given) equal to the provider's list.

    A fax that moved here from another folder counts as changed, not inserted.
    """
    result: ReplaceResult[FaxMessage] = ReplaceResult()
    fresh = {m.id: m for m in rows}
    with transaction(conn):
        where = "folder = ?"
        params: list[object] = [folder]
        if window is not None:
            where += " AND date BETWEEN ? AND ?"
            params += [to_epoch(window[0]), to_epoch(window[1])]
        stored = {m.id: m for m in map(_fax, conn.execute(
            f"SELECT {_COLUMNS} FROM fax_messages WHERE {where}", params))}
        for id_, old in stored.items():
            if id_ not in fresh:
                conn.execute("DELETE FROM fax_messages WHERE id = ?", (id_,))
                result.removed.append(old)
        known = _by_ids(conn, [i for i in fresh if i not in stored])
        for id_, new in fresh.items():
            old_fax = stored.get(id_) or known.get(id_)
            if old_fax is None:
                result.inserted.append(new)
            elif old_fax != new:
                result.changed.append(new)
        upsert_faxes(conn, [*result.inserted, *result.changed])
    return result


def apply_listing(
    conn: sqlite3.Connection,
    rows: Iterable[FaxMessage],
    *,
    window: tuple[datetime, datetime],
) -> ReplaceResult[FaxMessage]:
    """Make the faxes dated within ``window`` (every folder) equal to the provider's list.

    One transaction for the whole listing (``getFaxMessages`` covers all folders):
    a fax that moved between folders is changed, never removed and re-added, and
    only what differs is written. Faxes outside the window are left alone.
    """
    result: ReplaceResult[FaxMessage] = ReplaceResult()
    fresh = {m.id: m for m in rows}
    with transaction(conn):
        known = _by_ids(conn, list(fresh))
        for id_, new in fresh.items():
            old = known.get(id_)
            if old is None:
                result.inserted.append(new)
            elif old != new:
                result.changed.append(new)
        upsert_faxes(conn, [*result.inserted, *result.changed])
        span = (to_epoch(window[0]), to_epoch(window[1]))
        for old in map(_fax, conn.execute(
            f"SELECT {_COLUMNS} FROM fax_messages WHERE date BETWEEN ? AND ?", span
        )):
            if old.id not in fresh:
                conn.execute("DELETE FROM fax_messages WHERE id = ?", (old.id,))
                result.removed.append(old)
    return result


def move_fax_returning(conn: sqlite3.Connection, id_: int, folder: str) -> FaxMessage | None:
    """Move a fax; returns it as now stored (``None`` when it is not stored)."""
    with transaction(conn):
        row = conn.execute(
            f"UPDATE fax_messages SET folder = ? WHERE id = ? RETURNING {_COLUMNS}",
            (folder, id_),
        ).fetchone()
    return None if row is None else _fax(row)


def rename_fax_folder(conn: sqlite3.Connection, old: str, new: str) -> list[FaxMessage]:
    """Faxes name their folder: carry those of ``old`` over to ``new``; returns them."""
    with transaction(conn):
        rows = conn.execute(
            f"UPDATE fax_messages SET folder = ? WHERE folder = ? RETURNING {_COLUMNS}",
            (new, old),
        ).fetchall()
    return [_fax(r) for r in rows]


def _by_ids(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, FaxMessage]:
    found: dict[int, FaxMessage] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        for row in conn.execute(
            f"SELECT {_COLUMNS} FROM fax_messages WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[int(row["id"])] = _fax(row)
    return found


def list_faxes(
    conn: sqlite3.Connection, folder: str | None = None, *, limit: int = 1000, offset: int = 0
) -> list[FaxMessage]:
    """Newest first."""
    clause, params = ("WHERE folder = ?", [folder]) if folder is not None else ("", [])
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM fax_messages {clause} ORDER BY date DESC, id DESC"
        " LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_fax(r) for r in rows]


def get_fax(conn: sqlite3.Connection, id_: int) -> FaxMessage | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM fax_messages WHERE id = ?", (id_,)).fetchone()
    return None if row is None else _fax(row)


def move_fax(conn: sqlite3.Connection, id_: int, folder: str) -> bool:
    with transaction(conn):
        cursor = conn.execute("UPDATE fax_messages SET folder = ? WHERE id = ?", (folder, id_))
    return cursor.rowcount > 0


def delete_fax(conn: sqlite3.Connection, id_: int) -> str | None:
    """Forget a fax; returns its cached PDF path (for the caller to delete)."""
    with transaction(conn):
        row = conn.execute(
            "DELETE FROM fax_messages WHERE id = ? RETURNING pdf_path", (id_,)
        ).fetchone()
    return None if row is None else row[0]


def set_pdf_path(conn: sqlite3.Connection, id_: int, path: str | None) -> None:
    with transaction(conn):
        conn.execute("UPDATE fax_messages SET pdf_path = ? WHERE id = ?", (path, id_))


def pdf_path(conn: sqlite3.Connection, id_: int) -> str | None:
    row = conn.execute("SELECT pdf_path FROM fax_messages WHERE id = ?", (id_,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


class FaxRepo:
    """Async front for the fax functions."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def names(self) -> dict[str, str]:
        """The phonebook's names by normalised number (to label senders)."""
        return await self.db.run(phonebook.all_names)

    async def replace_folders(self, folders: Sequence[FaxFolder]) -> None:
        await self.db.run(replace_fax_folders, list(folders))

    async def folders(self) -> list[FaxFolder]:
        return await self.db.run(list_fax_folders)

    async def upsert(self, rows: Iterable[FaxMessage]) -> None:
        await self.db.run(upsert_faxes, list(rows))

    async def replace_folder(
        self, folder: str, rows: Iterable[FaxMessage], *,
        window: tuple[datetime, datetime] | None = None,
    ) -> ReplaceResult[FaxMessage]:
        return await self.db.run(replace_folder, folder, list(rows), window=window)

    async def messages(
        self, folder: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> list[FaxMessage]:
        return await self.db.run(list_faxes, folder, limit=limit, offset=offset)

    async def get(self, id_: int) -> FaxMessage | None:
        return await self.db.run(get_fax, id_)

    async def move(self, id_: int, folder: str) -> bool:
        return await self.db.run(move_fax, id_, folder)

    async def move_returning(self, id_: int, folder: str) -> FaxMessage | None:
        return await self.db.run(move_fax_returning, id_, folder)

    async def apply_listing(
        self, rows: Iterable[FaxMessage], *, window: tuple[datetime, datetime]
    ) -> ReplaceResult[FaxMessage]:
        return await self.db.run(apply_listing, list(rows), window=window)

    async def rename_folder(self, old: str, new: str) -> list[FaxMessage]:
        return await self.db.run(rename_fax_folder, old, new)

    async def delete(self, id_: int) -> str | None:
        return await self.db.run(delete_fax, id_)

    async def set_pdf_path(self, id_: int, path: str | None) -> None:
        await self.db.run(set_pdf_path, id_, path)

    async def pdf_path(self, id_: int) -> str | None:
        return await self.db.run(pdf_path, id_)
