"""SMS/MMS history: upsert, read flags, thread pages, delete.

Style used by every repository of this package: the work is done by plain
synchronous functions taking the connection (``upsert_messages(conn, ...)``),
so a caller can compose several in one ``db.run`` call and one transaction;
the messages feature's repository (``messages_repo.MessagesRepo(db)``) offers
what its service needs as ``async`` methods that run them on the database
thread.

Read flags: inbound messages inserted by the first backfill are stored read
(``mark_read=True``), later-polled ones unread; sent messages are always read.
An upsert never changes the read flag of a message already stored, so a poll
can never make a read message unread again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from app.domain.models.messages import SENT_MEDIA_PREFIX, Direction, Message, MessageKind

# The read models live in the domain (the UI names them); re-exported for the store's callers.
from app.domain.models.messages import Cursor as Cursor
from app.domain.models.messages import StoredMessage as StoredMessage
from app.domain.phone import normalize
from app.store.db import transaction
from app.store.rows import dumps, from_epoch, loads, to_epoch

MESSAGE_COLUMNS = "pk, kind, id, date, direction, did, contact, text, media, read"


@dataclass(slots=True)
class UpsertResult:
    """How many messages a sync inserted, changed or found unchanged."""
    inserted: list[Message] = field(default_factory=list)
    updated: list[Message] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated)


def row_to_message(row: sqlite3.Row) -> Message:
    return Message(
        kind=MessageKind(row["kind"]),
        id=int(row["id"]),
        date=from_epoch(row["date"]),
        direction=Direction(int(row["direction"])),
        did=row["did"],
        contact=row["contact"],
        text=row["text"],
        media=tuple(loads(row["media"], [])),
    )


def row_to_stored(row: sqlite3.Row) -> StoredMessage:
    return StoredMessage(row_to_message(row), bool(row["read"]), int(row["pk"]))


def _normalised(message: Message) -> tuple[str, str]:
    return normalize(message.did) or message.did, normalize(message.contact) or message.contact


def upsert_messages(
    conn: sqlite3.Connection, messages: Iterable[Message], *, mark_read: bool = False
) -> UpsertResult:
    """Insert new messages, update changed ones; read flags of stored rows are kept.

    ``mark_read``: new inbound messages are stored as already read (first backfill).
    A message whose new copy has no media keeps the media already known (``getMMS``
    rows can come back without their links).
    """
    result = UpsertResult()
    # Oldest first, and by the provider's id within one second: a conversation is
    # read in (date, pk) order, so the three parts of a long text sent in the same
    # second must get their pks in the order they were written (the API lists them
    # newest first, which used to show part 3/3 above part 1/3: issue #15.3).
    ordered = sorted(messages, key=lambda m: (to_epoch(m.date), m.kind.value, m.id))
    with transaction(conn):
        for message in ordered:
            did, contact = _normalised(message)
            media = list(message.media)
            row = conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE kind = ? AND id = ?",
                (message.kind.value, message.id),
            ).fetchone()
            if row is None:
                read = mark_read or message.direction is Direction.SENT
                pk = conn.execute(
                    "INSERT INTO messages (kind, id, date, direction, did, contact, text, media,"
                    " read) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                    (message.kind.value, message.id, to_epoch(message.date),
                     int(message.direction), did, contact, message.text, dumps(media), int(read)),
                ).fetchone()[0]
                _enqueue_media(conn, pk, media)
                result.inserted.append(_as_stored(message, did, contact, media))
                continue
            if not media:
                media = loads(row["media"], [])
            new_values = (to_epoch(message.date), int(message.direction), did, contact,
                          message.text, dumps(media))
            old_values = (row["date"], row["direction"], row["did"], row["contact"],
                          row["text"], row["media"])
            if new_values == old_values:
                result.unchanged += 1
                continue
            conn.execute(
                "UPDATE messages SET date = ?, direction = ?, did = ?, contact = ?, text = ?,"
                " media = ? WHERE pk = ?",
                (*new_values, row["pk"]),
            )
            _enqueue_media(conn, row["pk"], media)
            result.updated.append(_as_stored(message, did, contact, media))
    return result


@dataclass(frozen=True, slots=True)
class HistoryCounts:
    """What storing a page of history changed, counted (no rows kept)."""
    inserted: int = 0
    updated: int = 0


#: One statement for a whole page: a new message is inserted read (history is not
#: news); a known one is updated only where something differs, keeping its read flag,
#: and keeping its known media when the new copy comes without (as upsert_messages).
_HISTORY_UPSERT = """
INSERT INTO messages (date, kind, id, direction, did, contact, text, media, read)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (kind, id) DO UPDATE SET
    date = excluded.date, direction = excluded.direction, did = excluded.did,
    contact = excluded.contact, text = excluded.text,
    media = CASE WHEN excluded.media = '[]' THEN messages.media ELSE excluded.media END
WHERE (messages.date, messages.direction, messages.did, messages.contact, messages.text,
       messages.media)
   IS NOT (excluded.date, excluded.direction, excluded.did, excluded.contact, excluded.text,
           CASE WHEN excluded.media = '[]' THEN messages.media ELSE excluded.media END)
"""


def store_history(conn: sqlite3.Connection, messages: Sequence[Message]) -> HistoryCounts:
    """Store a page of history (a first sync's year): ``upsert_messages(mark_read=True)``
    in effect, without its per-message Python.

    Why: a 24,000-message page took ~1 s of Python on the database thread (a SELECT, an
    INSERT and a media call per message, and a copy of each for the result), time the
    GUI thread spent waiting for the GIL (issue #16). Here each row is one tuple and
    SQLite does the rest in ``executemany`` (which lets go of the GIL at every row).
    Rows go in oldest first, by id within a second, as ``upsert_messages`` (issue #15.3).
    """
    # Each row in the statement's column order, which is also the order they go in.
    rows = sorted(
        (to_epoch(m.date), m.kind.value, m.id, int(m.direction), *_normalised(m), m.text,
         dumps(list(m.media)))
        for m in messages
    )
    with transaction(conn):
        before = count_messages(conn)
        changed = max(conn.executemany(_HISTORY_UPSERT, rows).rowcount, 0)
        inserted = count_messages(conn) - before
        # The media cache downloads what is pending; URLs already known keep their state.
        conn.executemany(
            _ENQUEUE_MEDIA.format(message="m.kind = :kind AND m.id = :id"),
            [{"url": url, "position": position, "kind": m.kind.value, "id": m.id}
             for m in messages for position, url in enumerate(m.media) if url],
        )
    return HistoryCounts(inserted=inserted, updated=changed - inserted)


def _as_stored(message: Message, did: str, contact: str, media: Sequence[str]) -> Message:
    """The message as a later read would return it (normalised, whole seconds)."""
    return replace(message, did=did, contact=contact, media=tuple(media),
                   date=from_epoch(to_epoch(message.date)))


#: A message's media link, queued for the media cache (media.py), which downloads what
#: is pending; INSERT OR IGNORE keeps the state of URLs already known. The provider's
#: link to a picture sent from here comes in as already downloaded, with the bytes that
#: went out (``attach_sent_media``): fetching the same picture again is wasted data, and
#: the bubble would say "Loading image..." meanwhile. ``{message}`` picks the message.
_ENQUEUE_MEDIA = f"""
INSERT OR IGNORE INTO media (url, message_pk, position, path, state)
SELECT :url, m.pk, :position, sent.path, COALESCE(sent.state, 'pending')
FROM messages AS m
LEFT JOIN media AS sent
    ON sent.message_pk = m.pk AND sent.position = :position AND sent.state = 'done'
    AND substr(sent.url, 1, {len(SENT_MEDIA_PREFIX)}) = '{SENT_MEDIA_PREFIX}'
WHERE {{message}}
"""


def _enqueue_media(conn: sqlite3.Connection, pk: int, urls: Sequence[str]) -> None:
    conn.executemany(
        _ENQUEUE_MEDIA.format(message="m.pk = :pk"),
        [{"url": url, "pk": pk, "position": position}
         for position, url in enumerate(urls) if url],
    )


def get_message(conn: sqlite3.Connection, kind: MessageKind, id_: int) -> StoredMessage | None:
    row = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE kind = ? AND id = ?", (kind.value, id_)
    ).fetchone()
    return None if row is None else row_to_stored(row)


def get_messages(
    conn: sqlite3.Connection, keys: Iterable[tuple[MessageKind, int]]
) -> list[StoredMessage]:
    """The stored rows of these (kind, id) keys (missing ones left out), for a change set."""
    found: list[StoredMessage] = []
    for kind, id_ in keys:
        stored = get_message(conn, kind, id_)
        if stored is not None:
            found.append(stored)
    return found


def delete_message(conn: sqlite3.Connection, kind: MessageKind, id_: int) -> bool:
    with transaction(conn):
        cursor = conn.execute("DELETE FROM messages WHERE kind = ? AND id = ?", (kind.value, id_))
    return cursor.rowcount > 0


def thread_messages(
    conn: sqlite3.Connection,
    did: str,
    contact: str,
    *,
    limit: int = 50,
    before: Cursor | None = None,
    after: Cursor | None = None,
) -> list[StoredMessage]:
    """A page of one conversation, oldest first.

    No cursor: the newest ``limit`` messages. ``before``: the ``limit`` messages
    just older than the cursor (scrolling up). ``after``: the ones just newer
    (new arrivals).
    """
    did, contact = normalize(did) or did, normalize(contact) or contact
    base = f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE did = ? AND contact = ?"
    if after is not None:
        rows = conn.execute(
            f"{base} AND (date, pk) > (?, ?) ORDER BY date, pk LIMIT ?",
            (did, contact, after[0], after[1], limit),
        ).fetchall()
        return [row_to_stored(r) for r in rows]
    if before is not None:
        rows = conn.execute(
            f"{base} AND (date, pk) < (?, ?) ORDER BY date DESC, pk DESC LIMIT ?",
            (did, contact, before[0], before[1], limit),
        ).fetchall()
    else:
        rows = conn.execute(
            f"{base} ORDER BY date DESC, pk DESC LIMIT ?", (did, contact, limit)
        ).fetchall()
    return [row_to_stored(r) for r in reversed(rows)]


def count_messages(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])


def find_sent_match(
    conn: sqlite3.Connection, did: str, contact: str, text: str, since: int, until: int,
    skip: int = 0,
) -> StoredMessage | None:
    """A sent message with this DID, contact and text in [since, until] (epoch s),
    after the first ``skip`` of them (oldest first): those are other sends' own.

    Used to reconcile a send that timed out: if the history shows it, it went out.
    """
    row = conn.execute(
        f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE did = ? AND contact = ? AND direction = 0"
        " AND date BETWEEN ? AND ? AND text = ? ORDER BY date, id LIMIT 1 OFFSET ?",
        (normalize(did) or did, normalize(contact) or contact, since, until, text, skip),
    ).fetchone()
    return None if row is None else row_to_stored(row)
