"""MMS media cache: remote URL -> local file, with retry scheduling.

Media links can 404 for a while just after a message is sent (API-NOTES.md),
so a failed download is retried later with exponential backoff, and marked
``failed`` for good only after :data:`MAX_ATTEMPTS`. URLs are queued when a
message is upserted (messages.py); a downloader asks :func:`due_media` what to
fetch and reports back with :func:`media_done` / :func:`media_failed`.
Times are epoch seconds, passed in by the caller (tests control the clock).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from app.domain.models.messages import MessageKind
from app.store.db import transaction

MAX_ATTEMPTS = 8
BASE_DELAY_S = 30
MAX_DELAY_S = 6 * 3600


class MediaState(StrEnum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class MediaItem:
    """One MMS attachment and the state of its download."""
    url: str
    message_pk: int | None
    position: int
    path: str | None
    state: MediaState
    attempts: int
    next_retry_at: int
    last_error: str


def retry_delay(attempts: int) -> int:
    """Seconds to wait after the ``attempts``-th failure: 30 s, 60 s, 2 min ... 6 h."""
    return int(min(MAX_DELAY_S, BASE_DELAY_S * 2 ** max(0, attempts - 1)))


def _item(row: sqlite3.Row) -> MediaItem:
    return MediaItem(
        url=row["url"],
        message_pk=row["message_pk"],
        position=int(row["position"]),
        path=row["path"],
        state=MediaState(row["state"]),
        attempts=int(row["attempts"]),
        next_retry_at=int(row["next_retry_at"]),
        last_error=row["last_error"],
    )


def get_media(conn: sqlite3.Connection, url: str) -> MediaItem | None:
    row = conn.execute("SELECT * FROM media WHERE url = ?", (url,)).fetchone()
    return None if row is None else _item(row)


def due_media(conn: sqlite3.Connection, now: int, limit: int = 20) -> list[MediaItem]:
    """Pending downloads whose retry time has come, oldest schedule first.

    A retry scheduled further ahead than the longest backoff was scheduled under a
    wall clock that has since been put back (a year ahead, then corrected): it is
    due now, not in a year (issue #13.14).
    """
    rows = conn.execute(
        "SELECT * FROM media WHERE state = 'pending' AND (next_retry_at <= ? OR next_retry_at > ?)"
        " ORDER BY next_retry_at, url LIMIT ?",
        (now, now + MAX_DELAY_S, limit),
    ).fetchall()
    return [_item(r) for r in rows]


def next_media_due_at(conn: sqlite3.Connection) -> int | None:
    """When the next pending download is due (for a timer), None if nothing pending."""
    row = conn.execute("SELECT min(next_retry_at) FROM media WHERE state = 'pending'").fetchone()
    return None if row[0] is None else int(row[0])


def media_done(conn: sqlite3.Connection, url: str, path: str, now: int) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE media SET state = 'done', path = ?, last_error = '', updated_at = ?"
            " WHERE url = ?",
            (path, now, url),
        )


def media_failed(conn: sqlite3.Connection, url: str, error: str, now: int) -> MediaItem | None:
    """Count a failed attempt and schedule the next one (or give up)."""
    with transaction(conn):
        row = conn.execute("SELECT attempts FROM media WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        attempts = int(row[0]) + 1
        state = MediaState.FAILED if attempts >= MAX_ATTEMPTS else MediaState.PENDING
        conn.execute(
            "UPDATE media SET attempts = ?, state = ?, next_retry_at = ?, last_error = ?,"
            " updated_at = ? WHERE url = ?",
            (attempts, state.value, now + retry_delay(attempts), error, now, url),
        )
    return get_media(conn, url)


def retry_media_now(conn: sqlite3.Connection, message_pk: int) -> int:
    """The user asked: one message's missing media is due at once, given up on or not.

    Due first (``next_retry_at`` 0) with a fresh backoff; returns how many items.
    """
    with transaction(conn):
        cursor = conn.execute(
            "UPDATE media SET state = 'pending', attempts = 0, next_retry_at = 0"
            " WHERE message_pk = ? AND state != 'done'",
            (message_pk,),
        )
    return cursor.rowcount


def media_for_message(conn: sqlite3.Connection, kind: MessageKind, id_: int) -> list[MediaItem]:
    rows = conn.execute(
        "SELECT media.* FROM media JOIN messages AS m ON m.pk = media.message_pk"
        " WHERE m.kind = ? AND m.id = ? ORDER BY media.position",
        (kind.value, id_),
    ).fetchall()
    return [_item(r) for r in rows]


def media_paths_for_thread(
    conn: sqlite3.Connection, did: str, contact: str
) -> dict[int, list[str | None]]:
    """``{message_pk: [path or None per position]}`` of one conversation's downloaded media."""
    from app.domain.phone import normalize

    rows = conn.execute(
        "SELECT media.message_pk, media.position, media.path FROM media"
        " JOIN messages AS m ON m.pk = media.message_pk"
        " WHERE m.did = ? AND m.contact = ? AND media.state = 'done'",
        (normalize(did) or did, normalize(contact) or contact),
    ).fetchall()
    out: dict[int, list[str | None]] = {}
    for pk, position, path in rows:
        paths = out.setdefault(int(pk), [])
        paths.extend([None] * (int(position) + 1 - len(paths)))
        paths[int(position)] = path
    return out


def media_slots_of(conn: sqlite3.Connection, message_pk: int) -> list[str | None]:
    """One message's downloaded files by position (None: not downloaded yet)."""
    rows = conn.execute(
        "SELECT position, path FROM media WHERE message_pk = ? AND state = 'done'",
        (message_pk,),
    ).fetchall()
    paths: list[str | None] = []
    for position, path in rows:
        paths.extend([None] * (int(position) + 1 - len(paths)))
        paths[int(position)] = path
    return paths


def media_paths_of(conn: sqlite3.Connection, message_pk: int) -> list[str]:
    """The downloaded files of one message (to delete them with it)."""
    rows = conn.execute(
        "SELECT path FROM media WHERE message_pk = ? AND path IS NOT NULL", (message_pk,)
    )
    return [r[0] for r in rows]


def cached_paths(conn: sqlite3.Connection) -> set[str]:
    """Every local path the cache knows (to clean orphaned files)."""
    return {r[0] for r in conn.execute("SELECT path FROM media WHERE path IS NOT NULL")}


def attach_sent_media(
    conn: sqlite3.Connection, kind: MessageKind, id_: int, files: list[tuple[str, str]],
    now: int,
) -> int | None:
    """The pictures of a message just sent, already on disk: ``[(url, path)]`` in order.

    One transaction: the message lists them as its media (unless the provider's
    links are already there) and the cache has them as downloaded, so the sent
    bubble shows them at once (issue #15.7) and no download is ever tried for
    them. Returns the message's pk (None: the message is not stored).
    """
    from app.store.rows import dumps, loads

    with transaction(conn):
        row = conn.execute(
            "SELECT pk, media FROM messages WHERE kind = ? AND id = ?", (kind.value, id_)
        ).fetchone()
        if row is None:
            return None
        pk = int(row["pk"])
        if not loads(row["media"], []):
            conn.execute("UPDATE messages SET media = ? WHERE pk = ?",
                         (dumps([url for url, _ in files]), pk))
        conn.executemany(
            "INSERT OR REPLACE INTO media (url, message_pk, position, path, state, updated_at)"
            " VALUES (?, ?, ?, ?, 'done', ?)",
            [(url, pk, position, path, now) for position, (url, path) in enumerate(files)],
        )
    return pk
