"""DIDs (phone numbers), the local change log, and reroute presets.

Each DID keeps the API's raw row (``raw``) beside the parsed columns, because
``setDIDInfo`` must send back every field unchanged (API-NOTES.md). The change
log records each field a user changed: when, old, new, the API method, and
whether the provider accepted it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.models.numbers import Did
from app.domain.phone import normalize
from app.domain.routing import Route
from app.store.db import Database, transaction
from app.store.rows import dumps, from_epoch, loads

_DID_COLUMNS = ("did, description, routing, failover_busy, failover_unreachable,"
                " failover_noanswer, voicemail, pop, dialtime, cnam, callerid_prefix, note,"
                " billing_type, sms_enabled, raw, position")


@dataclass(frozen=True, slots=True)
class DidChange:
    """One line of the change log (same fields as ``sync.numbers_ports.ChangeEntry``)."""

    when: datetime
    did: str
    field: str
    old: str
    new: str
    method: str
    ok: bool
    reason: str = ""


class ChangeLike(Protocol):
    """Anything shaped like a change entry (lets sync pass its own dataclass)."""

    @property
    def when(self) -> datetime: ...
    @property
    def did(self) -> str: ...
    @property
    def field(self) -> str: ...
    @property
    def old(self) -> str: ...
    @property
    def new(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def ok(self) -> bool: ...
    @property
    def reason(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ReroutePreset:
    """A saved reroute as stored: its name, route and numbers."""
    name: str
    route: Route
    #: DIDs the preset applies to; empty means all.
    dids: tuple[str, ...] = ()


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


def replace_dids(conn: sqlite3.Connection, dids: Sequence[Did]) -> None:
    """The account's DIDs as just fetched: others are dropped, order kept."""
    with transaction(conn):
        conn.execute("DELETE FROM dids")
        conn.executemany(_UPSERT, [_did_values(d, i) for i, d in enumerate(dids)])


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


def log_changes(conn: sqlite3.Connection, entries: Iterable[ChangeLike]) -> None:
    with transaction(conn):
        conn.executemany(
            "INSERT INTO did_changes (at, did, field, old, new, method, ok, reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.when.timestamp(), normalize(e.did) or e.did, e.field, e.old, e.new, e.method,
              int(e.ok), e.reason) for e in entries],
        )


def list_changes(
    conn: sqlite3.Connection, did: str | None = None, limit: int = 200
) -> list[DidChange]:
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
    return [
        DidChange(from_epoch(r["at"]), r["did"], r["field"], r["old"], r["new"], r["method"],
                  bool(r["ok"]), r["reason"])
        for r in rows
    ]


def save_preset(conn: sqlite3.Connection, preset: ReroutePreset) -> None:
    """Add or replace (by case-insensitive name) a reroute preset."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO reroute_presets (name, route, dids, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET name = excluded.name, route = excluded.route,"
            " dids = excluded.dids",
            (preset.name, preset.route.to_api(), dumps([normalize(d) or d for d in preset.dids]),
             int(time.time())),
        )


def list_presets(conn: sqlite3.Connection) -> list[ReroutePreset]:
    rows = conn.execute(
        "SELECT name, route, dids FROM reroute_presets ORDER BY name COLLATE NOCASE"
    ).fetchall()
    return [ReroutePreset(r["name"], Route.parse(r["route"]), tuple(loads(r["dids"], [])))
            for r in rows]


def delete_preset(conn: sqlite3.Connection, name: str) -> bool:
    with transaction(conn):
        cursor = conn.execute("DELETE FROM reroute_presets WHERE name = ?", (name,))
    return cursor.rowcount > 0


class DidRepo:
    """Async front: ``load``, ``replace_all``, ``put``, ``log_changes``, ``changes``, presets."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self) -> list[Did]:
        return await self.db.run(list_dids)

    async def get(self, number: str) -> Did | None:
        return await self.db.run(get_did, number)

    async def replace_all(self, dids: Sequence[Did]) -> None:
        await self.db.run(replace_dids, list(dids))

    async def put(self, did: Did) -> None:
        await self.db.run(put_did, did)

    async def log_changes(self, entries: Sequence[ChangeLike]) -> None:
        await self.db.run(log_changes, list(entries))

    async def changes(self, did: str | None = None, limit: int = 200) -> list[DidChange]:
        return await self.db.run(list_changes, did, limit)

    async def presets(self) -> list[ReroutePreset]:
        return await self.db.run(list_presets)

    async def save_preset(self, preset: ReroutePreset) -> None:
        await self.db.run(save_preset, preset)

    async def delete_preset(self, name: str) -> bool:
        return await self.db.run(delete_preset, name)
