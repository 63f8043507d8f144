"""Call history and call recordings (issue #18).

Reads page (``LIMIT``/``OFFSET``, newest first on the ``calls_date`` index) and
filter in SQL so 100k calls never come to Python at once; the phonebook name is
looked up per shown row. Numbers are normalised; the cost is kept in millionths
of a dollar so totals add up exactly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from app.domain.calls import CallFilter, search_digits
from app.domain.models.calls import CallRecord, CallRecording, CallRow, Outcome, Totals
from app.domain.models.messages import PhonebookEntry
from app.domain.phone import normalize
from app.store.db import Database, transaction
from app.store.phonebook import replace_phonebook
from app.store.rows import drop_in_slices, opt_from_epoch, to_epoch

_MICRO = Decimal(1_000_000)
_COLUMNS = ("c.id, c.date, c.inbound, c.number, c.caller_name, c.did, c.account, c.outcome,"
            " c.seconds, c.cost, c.description, c.seen")
_CONTACT = ("(SELECT p.name FROM phonebook AS p WHERE p.number_norm = c.number AND c.number != ''"
            " ORDER BY p.name LIMIT 1) AS contact")
_REC_COLUMNS = "r.id AS r_id, r.account AS r_account, r.date AS r_date, r.number AS r_number," \
    " r.inbound AS r_inbound, r.seconds AS r_seconds"
#: A voicemail belongs to an inbound call from its number when it was left from
#: VM_BEFORE_SECONDS before the call's start (clocks of the CDR and the mailbox
#: differ a little) to VM_AFTER_SECONDS after its end (the greeting, the message).
VM_BEFORE_SECONDS = 60
VM_AFTER_SECONDS = 600
_VOICEMAIL = (
    "(SELECT json_array(v.mailbox, v.folder, v.message_num) FROM vm_messages AS v"
    " WHERE c.inbound = 1 AND c.number != '' AND v.caller_number = c.number"
    f" AND v.date BETWEEN c.date - {VM_BEFORE_SECONDS}"
    f" AND c.date + c.seconds + {VM_AFTER_SECONDS}"
    " ORDER BY v.date LIMIT 1) AS voicemail"
)
#: The name of a sub-account as the Phones tab shows it (its description).
_PHONE_NAME = ("(SELECT json_extract(ph.raw, '$.description') FROM phones AS ph"
               " WHERE ph.account = {account} AND ph.is_main = 0)")
_SELECT = (f"SELECT {_COLUMNS}, {_CONTACT}, {_REC_COLUMNS}, {_VOICEMAIL},"
           f" {_PHONE_NAME.format(account='c.account')} AS phone FROM calls AS c"
           " LEFT JOIN call_recordings AS r ON r.call_id = c.id")
#: A recording belongs to the call with its number that started within this many seconds.
LINK_SECONDS = 120


def _micros(amount: Decimal) -> int:
    return int((amount * _MICRO).to_integral_value())


def _call(row: sqlite3.Row) -> CallRecord:
    return CallRecord(
        id=row["id"], date=opt_from_epoch(row["date"]), inbound=bool(row["inbound"]),
        number=row["number"], caller_name=row["caller_name"], did=row["did"],
        account=row["account"], outcome=Outcome(row["outcome"]), seconds=int(row["seconds"]),
        cost=Decimal(int(row["cost"])) / _MICRO, description=row["description"],
    )


def _row(row: sqlite3.Row) -> CallRow:
    recording = None
    if row["r_id"] is not None:
        recording = CallRecording(
            id=row["r_id"], account=row["r_account"], date=opt_from_epoch(row["r_date"]),
            number=row["r_number"], inbound=bool(row["r_inbound"]), seconds=row["r_seconds"],
        )
    voicemail = None
    if row["voicemail"]:
        mailbox, folder, number = json.loads(row["voicemail"])
        voicemail = (str(mailbox), str(folder), int(number))
    return CallRow(_call(row), row["contact"] or "", bool(row["seen"]), recording, voicemail,
                   str(row["phone"] or ""))


def _values(c: CallRecord, seen: bool) -> tuple[object, ...]:
    return (c.id, to_epoch(c.date) if c.date else 0, int(c.inbound), c.number, c.caller_name,
            c.did, c.account, c.outcome.value, c.seconds, _micros(c.cost), c.description,
            int(seen))


def upsert_calls(
    conn: sqlite3.Connection, calls: Iterable[CallRecord], *, unseen_after: datetime | None,
    list_rows: bool = True,
) -> tuple[list[CallRow], list[CallRow]]:
    """Store calls; returns ``(inserted, changed)`` as rows now stored.

    ``list_rows=False`` (a first sync: a year of history at once) returns no rows:
    reading 100k rows back to list them only to have the view read its page again
    held the GIL for hundreds of ms.

    A new missed call dated after ``unseen_after`` is unseen (``None``: every new
    call is seen: the first sync's old history is not news). A stored call keeps
    its seen flag.
    """
    fresh = {c.id: c for c in calls}
    inserted: list[str] = []
    changed: list[str] = []
    with transaction(conn):
        stored = _calls_by_ids(conn, list(fresh))
        writes = []
        for id_, call in fresh.items():
            old = stored.get(id_)
            if old is None:
                unseen = (unseen_after is not None and call.missed and call.date is not None
                          and call.date > unseen_after)
                writes.append(_values(call, not unseen))
                inserted.append(id_)
            elif old[0] != call:
                writes.append(_values(call, old[1]))
                changed.append(id_)
        conn.executemany(
            "INSERT OR REPLACE INTO calls (id, date, inbound, number, caller_name, did, account,"
            " outcome, seconds, cost, description, seen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            writes,
        )
    drop_in_slices(writes)
    if not list_rows:
        return [], []
    return rows_by_ids(conn, inserted), rows_by_ids(conn, changed)


def _calls_by_ids(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, tuple[CallRecord, bool]]:
    found: dict[str, tuple[CallRecord, bool]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        for row in conn.execute(
            f"SELECT {_COLUMNS} FROM calls AS c WHERE c.id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            found[row["id"]] = (_call(row), bool(row["seen"]))
    return found


def rows_by_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> list[CallRow]:
    rows: list[CallRow] = []
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        rows += map(_row, conn.execute(
            f"{_SELECT} WHERE c.id IN ({','.join('?' * len(chunk))})", chunk))
    rows.sort(key=lambda r: (r.call.date.timestamp() if r.call.date else 0, r.id), reverse=True)
    return rows


def _where(f: CallFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if f.outcome == "missed":
        clauses.append("c.inbound = 1 AND c.outcome = 'missed'")
    elif f.outcome == "answered":
        clauses.append("c.outcome = 'answered'")
    if f.did:
        clauses.append("c.did = ?")
        params.append(f.did)
    if f.account:
        clauses.append("c.account = ?")
        params.append(f.account)
    if f.since is not None:
        clauses.append("c.date >= ?")
        params.append(to_epoch(f.since))
    query = f.query.strip()
    if query:
        digits = search_digits(query)
        if digits:
            clauses.append("instr(c.number, ?) > 0")
            params.append(digits)
        else:
            like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append(
                "(c.caller_name LIKE ? ESCAPE '\\' OR c.number IN (SELECT number_norm FROM"
                " phonebook WHERE name LIKE ? ESCAPE '\\' AND number_norm != ''))"
            )
            params += [like, like]
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_calls(
    conn: sqlite3.Connection, f: CallFilter, *, limit: int = 200, offset: int = 0
) -> list[CallRow]:
    """One page of the calls ``f`` selects, newest first."""
    where, params = _where(f)
    rows = conn.execute(
        f"{_SELECT}{where} ORDER BY c.date DESC, c.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_row(r) for r in rows]


def totals(conn: sqlite3.Connection, f: CallFilter) -> Totals:
    where, params = _where(f)
    row = conn.execute(
        f"SELECT count(*), coalesce(sum(c.seconds), 0), coalesce(sum(c.cost), 0)"
        f" FROM calls AS c{where}", params,
    ).fetchone()
    return Totals(int(row[0]), int(row[1]), Decimal(int(row[2])) / _MICRO)


def unseen_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM calls WHERE seen = 0").fetchone()[0])


def mark_seen(conn: sqlite3.Connection, ids: Sequence[str] | None) -> list[CallRow]:
    """Mark calls seen (``None``: every unseen call); returns the rows that changed."""
    with transaction(conn):
        if ids is None:
            changed = [r[0] for r in conn.execute(
                "UPDATE calls SET seen = 1 WHERE seen = 0 RETURNING id")]
        else:
            changed = []
            for id_ in ids:
                changed += [r[0] for r in conn.execute(
                    "UPDATE calls SET seen = 1 WHERE id = ? AND seen = 0 RETURNING id", (id_,))]
    return rows_by_ids(conn, changed)


def choices(conn: sqlite3.Connection) -> tuple[list[str], list[tuple[str, str]]]:
    """The numbers and phones the stored calls mention, for the filters: phones as
    ``(account, name)``, the name as in ``CallRow.phone``."""
    dids = [r[0] for r in conn.execute(
        "SELECT DISTINCT did FROM calls WHERE did != '' ORDER BY did")]
    phones = [(r[0], str(r[1] or "")) for r in conn.execute(
        f"SELECT account, {_PHONE_NAME.format(account='a.account')} FROM"
        " (SELECT DISTINCT account FROM calls WHERE account != '') AS a ORDER BY account")]
    return dids, phones


def my_numbers(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT did FROM dids ORDER BY did")]


def names_for(conn: sqlite3.Connection, number: str) -> str:
    row = conn.execute(
        "SELECT name FROM phonebook WHERE number_norm = ? ORDER BY name LIMIT 1",
        (normalize(number),),
    ).fetchone()
    return "" if row is None else str(row[0])


def add_contact(conn: sqlite3.Connection, id_: str, name: str, number: str) -> list[CallRow]:
    """Add an entry to the local phonebook copy; returns the calls it now names (newest 500)."""
    norm = normalize(number)
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO phonebook (id, name, number, number_norm, note, group_name)"
            " VALUES (?, ?, ?, ?, '', '')",
            (id_ or f"local-{norm}", name, number, norm),
        )
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM calls WHERE number = ? ORDER BY date DESC LIMIT 500", (norm,))]
    return rows_by_ids(conn, ids)


# --- recordings --------------------------------------------------------------------


def apply_recordings(
    conn: sqlite3.Connection, recordings: Sequence[CallRecording], window: tuple[datetime, datetime]
) -> tuple[list[CallRow], list[str]]:
    """Make the recordings dated within ``window`` the provider's; link each to its call.

    Returns the call rows whose recording changed and the cached audio paths of
    recordings that are gone (for the caller to delete).
    """
    span = (to_epoch(window[0]), to_epoch(window[1]))
    fresh = {r.id: r for r in recordings}
    touched: set[str] = set()
    gone_paths: list[str] = []
    with transaction(conn):
        for row in conn.execute(
            "SELECT id, call_id, audio_path FROM call_recordings WHERE date >= ? AND date < ?",
            span,
        ).fetchall():
            if row["id"] not in fresh:
                conn.execute("DELETE FROM call_recordings WHERE id = ?", (row["id"],))
                if row["call_id"]:
                    touched.add(row["call_id"])
                if row["audio_path"]:
                    gone_paths.append(row["audio_path"])
        for rec in fresh.values():
            when = to_epoch(rec.date) if rec.date else 0
            match = conn.execute(
                "SELECT id FROM calls WHERE date BETWEEN ? AND ? AND number = ?"
                " ORDER BY abs(date - ?) LIMIT 1",
                (when - LINK_SECONDS, when + LINK_SECONDS, rec.number, when),
            ).fetchone()
            call_id = match[0] if match else None
            old = conn.execute(
                "SELECT call_id FROM call_recordings WHERE id = ?", (rec.id,)).fetchone()
            if old is not None and old[0] == call_id:
                continue
            conn.execute(
                "INSERT INTO call_recordings (id, account, date, number, inbound, seconds, call_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " call_id = excluded.call_id",
                (rec.id, rec.account, when, rec.number, int(rec.inbound), rec.seconds, call_id),
            )
            touched.update(x for x in (call_id, old[0] if old else None) if x)
    return rows_by_ids(conn, sorted(touched)), gone_paths


def delete_recording(conn: sqlite3.Connection, id_: str) -> tuple[list[CallRow], str | None]:
    with transaction(conn):
        row = conn.execute(
            "DELETE FROM call_recordings WHERE id = ? RETURNING call_id, audio_path", (id_,)
        ).fetchone()
    if row is None:
        return [], None
    return (rows_by_ids(conn, [row[0]]) if row[0] else []), row[1]


def set_audio_path(conn: sqlite3.Connection, id_: str, path: str | None) -> None:
    with transaction(conn):
        conn.execute("UPDATE call_recordings SET audio_path = ? WHERE id = ?", (path, id_))


def mailbox_email(conn: sqlite3.Connection) -> str:
    """The first mailbox's e-mail address (where the account's voicemail goes), or ""."""
    row = conn.execute(
        "SELECT email FROM vm_mailboxes WHERE email != '' ORDER BY position, mailbox LIMIT 1"
    ).fetchone()
    return str(row[0]) if row else ""


def audio_path(conn: sqlite3.Connection, id_: str) -> str | None:
    row = conn.execute("SELECT audio_path FROM call_recordings WHERE id = ?", (id_,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


class CallRepo:
    """Async front for the call functions (the calls service's store port)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def upsert(
        self, calls: Iterable[CallRecord], *, unseen_after: datetime | None,
        list_rows: bool = True,
    ) -> tuple[list[CallRow], list[CallRow]]:
        return await self.db.run(upsert_calls, list(calls), unseen_after=unseen_after,
                                 list_rows=list_rows)

    async def page(self, f: CallFilter, *, limit: int, offset: int = 0) -> list[CallRow]:
        return await self.db.run(list_calls, f, limit=limit, offset=offset)

    async def totals(self, f: CallFilter) -> Totals:
        return await self.db.run(totals, f)

    async def unseen_count(self) -> int:
        return await self.db.run(unseen_count)

    async def mark_seen(self, ids: Sequence[str] | None) -> list[CallRow]:
        return await self.db.run(mark_seen, None if ids is None else list(ids))

    async def choices(self) -> tuple[list[str], list[tuple[str, str]]]:
        return await self.db.run(choices)

    async def my_numbers(self) -> list[str]:
        return await self.db.run(my_numbers)

    async def add_contact(self, id_: str, name: str, number: str) -> list[CallRow]:
        return await self.db.run(add_contact, id_, name, number)

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> None:
        await self.db.run(replace_phonebook, list(entries))

    async def apply_recordings(
        self, recordings: Sequence[CallRecording], window: tuple[datetime, datetime]
    ) -> tuple[list[CallRow], list[str]]:
        return await self.db.run(apply_recordings, list(recordings), window)

    async def delete_recording(self, id_: str) -> tuple[list[CallRow], str | None]:
        return await self.db.run(delete_recording, id_)

    async def set_audio_path(self, id_: str, path: str | None) -> None:
        await self.db.run(set_audio_path, id_, path)

    async def audio_path(self, id_: str) -> str | None:
        return await self.db.run(audio_path, id_)

    async def mailbox_email(self) -> str:
        return await self.db.run(mailbox_email)
