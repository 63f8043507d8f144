"""DIDs (phone numbers) and the local change log.

Each DID keeps the API's raw row (``raw``) beside the parsed columns, because
``setDIDInfo`` must send back every field unchanged (API-NOTES.md). The change
log records each field a user changed: when, old, new, the API method, and
whether the provider accepted it. (Routing presets are preferences and live in
the settings file: ``app/services/numbers/presets.py``.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from app.domain.models.numbers import ChangeLogEntry, Did
from app.domain.phone import normalize
from app.domain.routing import Route
from app.store.db import Database, transaction
from app.store.rows import dumps, from_epoch, loads

_DID_COLUMNS = ("did, description, routing, failover_busy, failover_unreachable,"
                " failover_noanswer, voicemail, pop, dialtime, cnam, callerid_prefix, note,"
                " billing_type, sms_enabled, raw, position")


def _did_values(d: Did, position: int) -> tuple[object, ...]:
    return (normalize(d.did) or d.did, d.description, d.routing.to_api(),
            d.failover_busy.to_api(), d.failover_unreachable.to_api(),
            d.failover_noanswer.to_api(), d.voicemail, d.pop, d.dialtime, int(d.cnam),
            d.callerid_prefix, d.note, d.billing_type, int(d.sms_enabled), dumps(d.raw),
            position)


def _did(row: sqlite3.Row) -> Did:
    return Did(
        did=row["did"],
        description=row["description"],
        routing=Route.parse(row["routing"]),
        failover_busy=Route.parse(row["failover_busy"]),
        failover_unreachable=Route.parse(row["failover_unreachable"]),
        failover_noanswer=Route.parse(row["failover_noanswer"]),
        voicemail=row["voicemail"],
        pop=row["pop"],
        dialtime=int(row["dialtime"]),
        cnam=bool(row["cnam"]),
        callerid_prefix=row["callerid_prefix"],
        note=row["note"],
        billing_type=row["billing_type"],
        sms_enabled=bool(row["sms_enabled"]),
        raw=loads(row["raw"], {}),
    )


_UPSERT = (f"INSERT OR REPLACE INTO dids ({_DID_COLUMNS})"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def replace_dids(conn: sqlite3.Connection, dids: Sequence[Did]) -> list[str]:
    """The account's DIDs as just fetched: others are dropped, order kept.

    Returns the numbers dropped (the rest of a change set: the caller has the new rows).
    """
    wanted = {normalize(d.did) or d.did for d in dids}
    with transaction(conn):
        before = [r[0] for r in conn.execute("SELECT did FROM dids ORDER BY position, did")]
        conn.execute("DELETE FROM dids")
        conn.executemany(_UPSERT, [_did_values(d, i) for i, d in enumerate(dids)])
    return [number for number in before if number not in wanted]


def put_did(conn: sqlite3.Connection, did: Did) -> None:
    """Store one DID after an edit, keeping its place in the list."""
    with transaction(conn):
        row = conn.execute(
            "SELECT position FROM dids WHERE did = ?", (normalize(did.did) or did.did,)
        ).fetchone()
        if row is not None:
            position = int(row[0])
        else:
            position = int(conn.execute("SELECT coalesce(max(position) + 1, 0) FROM dids")
                           .fetchone()[0])
        conn.execute(_UPSERT, _did_values(did, position))


def list_dids(conn: sqlite3.Connection) -> list[Did]:
    rows = conn.execute(f"SELECT {_DID_COLUMNS} FROM dids ORDER BY position, did").fetchall()
    return [_did(r) for r in rows]


def get_did(conn: sqlite3.Connection, number: str) -> Did | None:
    row = conn.execute(
        f"SELECT {_DID_COLUMNS} FROM dids WHERE did = ?", (normalize(number) or number,)
    ).fetchone()
    return None if row is None else _did(row)


def log_changes(conn: sqlite3.Connection, entries: Iterable[ChangeLogEntry]) -> None:
    with transaction(conn):
        conn.executemany(
            "INSERT INTO did_changes"
            " (at, did, field, old, new, method, ok, reason, change_id, pending)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.when.timestamp(), normalize(e.did) or e.did, e.field, e.old, e.new, e.method,
              int(e.ok), e.reason, e.change_id, int(e.pending)) for e in entries],
        )


def settle_changes(
    conn: sqlite3.Connection, change_id: str, did: str, ok: bool, reason: str
) -> list[ChangeLogEntry]:
    """The pending lines ``change_id`` wrote for ``did``, settled; returns them as
    they are now (none: there was nothing pending to settle)."""
    key = normalize(did) or did
    with transaction(conn):
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM did_changes WHERE change_id = ? AND did = ? AND pending = 1",
            (change_id, key),
        )]
        conn.executemany("UPDATE did_changes SET pending = 0, ok = ?, reason = ? WHERE id = ?",
                         [(int(ok), reason, i) for i in ids])
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT * FROM did_changes WHERE id IN ({marks}) ORDER BY id", ids)
    return [_entry(r) for r in rows.fetchall()]


def pending_changes(conn: sqlite3.Connection) -> list[ChangeLogEntry]:
    """Every line still waiting for VoIP.ms's answer, in the order written."""
    rows = conn.execute("SELECT * FROM did_changes WHERE pending = 1 ORDER BY id").fetchall()
    return [_entry(r) for r in rows]


def list_changes(
    conn: sqlite3.Connection, did: str | None = None, limit: int = 200
) -> list[ChangeLogEntry]:
    """Newest first, for one DID or all."""
    if did is None:
        rows = conn.execute(
            "SELECT * FROM did_changes ORDER BY at DESC, id DESC LIMIT ?", (limit,)
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT * FROM did_changes WHERE did = ? ORDER BY at DESC, id DESC LIMIT ?",
            (normalize(did) or did, limit),
        ).fetchall()
    return [_entry(r) for r in rows]


def changes_of(conn: sqlite3.Connection, change_id: str) -> list[ChangeLogEntry]:
    """The lines one command wrote, in the order written."""
    rows = conn.execute(
        "SELECT * FROM did_changes WHERE change_id = ? ORDER BY id", (change_id,)
    ).fetchall()
    return [_entry(r) for r in rows]


def _entry(r: sqlite3.Row) -> ChangeLogEntry:
    return ChangeLogEntry(from_epoch(r["at"]), r["did"], r["field"], r["old"], r["new"],
                          r["method"], bool(r["ok"]), r["reason"], r["change_id"],
                          bool(r["pending"]))


class DidRepo:
    """Async front (database thread): ``load``, ``get``, ``replace_all``, ``put``, the log."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self) -> list[Did]:
        return await self.db.run(list_dids)

    async def get(self, number: str) -> Did | None:
        return await self.db.run(get_did, number)

    async def replace_all(self, dids: Sequence[Did]) -> list[str]:
        """Store the fresh list; returns the numbers no longer on the account."""
        return await self.db.run(replace_dids, list(dids))

    async def put(self, did: Did) -> None:
        await self.db.run(put_did, did)

    async def log_changes(self, entries: Sequence[ChangeLogEntry]) -> None:
        await self.db.run(log_changes, list(entries))

    async def changes(self, did: str | None = None, limit: int = 200) -> list[ChangeLogEntry]:
        return await self.db.run(list_changes, did, limit)

    async def changes_of(self, change_id: str) -> list[ChangeLogEntry]:
        return await self.db.run(changes_of, change_id)

    async def settle_changes(
        self, change_id: str, did: str, ok: bool, reason: str
    ) -> list[ChangeLogEntry]:
        return await self.db.run(settle_changes, change_id, did, ok, reason)

    async def pending_changes(self) -> list[ChangeLogEntry]:
        return await self.db.run(pending_changes)
