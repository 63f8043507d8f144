"""Phones: sub-accounts (and the main account) with their last known registration.

The ``getSubAccounts`` row is kept (``raw``) without its password: the set-up
panel and the edit read the account fresh, so the cache file never holds a
SIP password. The registration is replaced by each check; a new list of
accounts keeps the registration of the accounts it still has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from app.domain.models.phones import Phone, Registration, RegistrationPoint
from app.store.db import Database, transaction
from app.store.rows import dumps, loads, opt_from_epoch, opt_to_epoch

#: Keys never written to the cache file.
SECRET_KEYS = frozenset({"password"})


def _registration_json(reg: Registration | None) -> str | None:
    if reg is None:
        return None
    return dumps({
        "registered": reg.registered,
        "checked_at": opt_to_epoch(reg.checked_at),
        "points": [
            {"pop": p.server_pop, "name": p.server_name, "host": p.server_hostname, "ip": p.ip,
             "port": p.port, "transport": p.transport, "protocol": p.protocol,
             "expires": opt_to_epoch(p.expires)}
            for p in reg.points
        ],
    })


def _registration(text: str | None) -> Registration | None:
    data: dict[str, Any] | None = loads(text)
    if data is None:
        return None
    points = tuple(
        RegistrationPoint(p["pop"], p["name"], p["host"], p["ip"], p["port"], p["transport"],
                          p["protocol"], opt_from_epoch(p["expires"]))
        for p in data.get("points", [])
    )
    return Registration(bool(data["registered"]), points, opt_from_epoch(data.get("checked_at")))


def _phone(row: sqlite3.Row) -> Phone:
    raw: dict[str, Any] = loads(row["raw"], {})
    # Numbers routed to the phone, then [number, group] for those that ring it
    # through a ring group (one JSON list: rows written before read as they were).
    numbers: list[Any] = loads(row["numbers"], [])
    return Phone(
        account=row["account"],
        id=str(raw.get("id", "")),
        username=str(raw.get("username", "")),
        description=str(raw.get("description", "")),
        callerid_number=str(raw.get("callerid_number", "")),
        is_main=bool(row["is_main"]),
        registration=_registration(row["registration"]),
        numbers=tuple(n for n in numbers if isinstance(n, str)),
        group_numbers=tuple((str(n[0]), str(n[1])) for n in numbers
                            if isinstance(n, list) and len(n) == 2),
        raw=raw,
    )


def list_phones(conn: sqlite3.Connection) -> list[Phone]:
    rows = conn.execute(
        "SELECT account, is_main, raw, numbers, registration FROM phones ORDER BY position"
    ).fetchall()
    return [_phone(r) for r in rows]


def replace_phones(conn: sqlite3.Connection, phones: Sequence[Phone]) -> list[str]:
    """The account list as just read; returns the accounts that went away.

    A phone's registration comes from ``phones`` when it has one, else the stored one
    is kept (a list read does not check registrations).
    """
    with transaction(conn):
        before = {r[0]: r[1] for r in conn.execute("SELECT account, registration FROM phones")}
        conn.execute("DELETE FROM phones")
        conn.executemany(
            "INSERT INTO phones (account, position, is_main, raw, numbers, registration)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(p.account, i, int(p.is_main),
              dumps({k: v for k, v in p.raw.items() if k not in SECRET_KEYS}),
              dumps([*p.numbers, *(list(pair) for pair in p.group_numbers)]),
              _registration_json(p.registration) if p.registration is not None
              else before.get(p.account))
             for i, p in enumerate(phones)],
        )
    wanted = {p.account for p in phones}
    return [account for account in before if account not in wanted]


def put_registrations(conn: sqlite3.Connection, found: Mapping[str, Registration]) -> None:
    with transaction(conn):
        conn.executemany(
            "UPDATE phones SET registration = ? WHERE account = ?",
            [(_registration_json(reg), account) for account, reg in found.items()],
        )


def put_raw(conn: sqlite3.Connection, account: str, raw: Mapping[str, Any]) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE phones SET raw = ? WHERE account = ?",
            (dumps({k: v for k, v in raw.items() if k not in SECRET_KEYS}), account),
        )


class PhoneRepo:
    """Async front (database thread) of the phones table: the phones service's store port."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def load(self) -> list[Phone]:
        return await self.db.run(list_phones)

    async def replace_all(self, phones: Sequence[Phone]) -> list[str]:
        return await self.db.run(replace_phones, list(phones))

    async def put_registrations(self, found: Mapping[str, Registration]) -> list[Phone]:
        """Store the registrations just checked; returns every phone as now stored."""
        def work(conn: sqlite3.Connection) -> list[Phone]:
            put_registrations(conn, found)
            return list_phones(conn)

        return await self.db.run(work)

    async def put_raw(self, account: str, raw: Mapping[str, Any]) -> list[Phone]:
        def work(conn: sqlite3.Connection) -> list[Phone]:
            put_raw(conn, account, raw)
            return list_phones(conn)

        return await self.db.run(work)
