"""Schema migrations: an ordered list; a migration's version is its position.

``PRAGMA user_version`` records how many have been applied. Each migration runs
in its own transaction together with the version bump, so a failure leaves the
file at the previous version. To change the schema, append a migration: never
edit one that has shipped.

Conventions: dates are INTEGER epoch seconds UTC (cheap to index and compare);
phone numbers are normalised (``app.domain.phone.normalize``); JSON goes in TEXT.
Tables keyed by something other than an integer get an explicit ``pk INTEGER
PRIMARY KEY`` when an FTS index points at them, because VACUUM may renumber an
implicit rowid and an external-content FTS table would then point at the wrong rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass


class SchemaTooNewError(RuntimeError):
    """The file was migrated by a newer version of the app than this one."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the cache database's schema."""
    name: str
    sql: str = ""
    #: Optional Python step, run after ``sql`` inside the same transaction.
    fn: Callable[[sqlite3.Connection], None] | None = None


# Recomputes one thread's summary row from its messages (used by triggers when a
# message leaves a thread; inserts and read-flag flips are incremental instead).
def _recompute_thread(did: str, contact: str) -> str:
    return f"""
    DELETE FROM threads WHERE did = {did} AND contact = {contact};
    INSERT INTO threads (did, contact, last_pk, last_date, unread, total)
      SELECT m.did, m.contact,
             (SELECT pk FROM messages WHERE did = {did} AND contact = {contact}
               ORDER BY date DESC, pk DESC LIMIT 1),
             max(m.date), sum(m.read = 0), count(*)
        FROM messages AS m WHERE m.did = {did} AND m.contact = {contact}
       GROUP BY m.did, m.contact;
    """


_V1_MESSAGES = f"""
CREATE TABLE messages (
    pk        INTEGER PRIMARY KEY,
    kind      TEXT    NOT NULL CHECK (kind IN ('sms', 'mms')),
    id        INTEGER NOT NULL,
    date      INTEGER NOT NULL,
    direction INTEGER NOT NULL CHECK (direction IN (0, 1)),
    did       TEXT    NOT NULL,
    contact   TEXT    NOT NULL,
    text      TEXT    NOT NULL DEFAULT '',
    media     TEXT    NOT NULL DEFAULT '[]',
    read      INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
    UNIQUE (kind, id)
);
CREATE INDEX messages_thread_date ON messages (did, contact, date, pk);
CREATE INDEX messages_date ON messages (date);

-- One row per conversation, kept current by triggers so the thread list never
-- aggregates 100k messages.
CREATE TABLE threads (
    did       TEXT    NOT NULL,
    contact   TEXT    NOT NULL,
    last_pk   INTEGER NOT NULL,
    last_date INTEGER NOT NULL,
    unread    INTEGER NOT NULL DEFAULT 0,
    total     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (did, contact)
) WITHOUT ROWID;
CREATE INDEX threads_last_date ON threads (last_date DESC);
CREATE INDEX threads_did_last_date ON threads (did, last_date DESC);

CREATE TRIGGER messages_thread_insert AFTER INSERT ON messages BEGIN
    INSERT INTO threads (did, contact, last_pk, last_date, unread, total)
    VALUES (new.did, new.contact, new.pk, new.date, new.read = 0, 1)
    ON CONFLICT (did, contact) DO UPDATE SET
        total = total + 1,
        unread = unread + excluded.unread,
        last_pk = CASE WHEN excluded.last_date > last_date
                         OR (excluded.last_date = last_date AND excluded.last_pk > last_pk)
                       THEN excluded.last_pk ELSE last_pk END,
        last_date = max(last_date, excluded.last_date);
END;

CREATE TRIGGER messages_thread_read AFTER UPDATE OF read ON messages
WHEN old.did = new.did AND old.contact = new.contact AND old.read != new.read BEGIN
    UPDATE threads SET unread = unread + (new.read = 0) - (old.read = 0)
     WHERE did = new.did AND contact = new.contact;
END;

CREATE TRIGGER messages_thread_move AFTER UPDATE OF did, contact, date ON messages
WHEN old.did != new.did OR old.contact != new.contact OR old.date != new.date BEGIN
    {_recompute_thread("old.did", "old.contact")}
    {_recompute_thread("new.did", "new.contact")}
END;

CREATE TRIGGER messages_thread_delete AFTER DELETE ON messages BEGIN
    {_recompute_thread("old.did", "old.contact")}
END;

-- Full-text index over message bodies (external content: no second copy).
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, content = 'messages', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, text) VALUES (new.pk, new.text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.pk, old.text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages
WHEN old.text != new.text BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.pk, old.text);
    INSERT INTO messages_fts (rowid, text) VALUES (new.pk, new.text);
END;

-- MMS media: remote URL -> local file, with retry scheduling (links can 404
-- for a while just after sending).
CREATE TABLE media (
    url           TEXT    PRIMARY KEY,
    message_pk    INTEGER REFERENCES messages (pk) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    path          TEXT,
    state         TEXT    NOT NULL DEFAULT 'pending'
                          CHECK (state IN ('pending', 'done', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_retry_at INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT    NOT NULL DEFAULT '',
    updated_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX media_due ON media (state, next_retry_at);
CREATE INDEX media_message ON media (message_pk, position);

CREATE TABLE drafts (
    did        TEXT    NOT NULL,
    contact    TEXT    NOT NULL,
    text       TEXT    NOT NULL DEFAULT '',
    attachments TEXT   NOT NULL DEFAULT '[]',
    last_error TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (did, contact)
) WITHOUT ROWID;

-- Sends whose outcome is not yet known for sure (timeouts): reconciled later
-- against the history instead of being retried (sends are not idempotent).
CREATE TABLE outbox (
    local_id   INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('sms', 'mms')),
    did        TEXT    NOT NULL,
    contact    TEXT    NOT NULL,
    text       TEXT    NOT NULL DEFAULT '',
    media      TEXT    NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'sending'
                       CHECK (state IN ('sending', 'unknown', 'sent', 'failed')),
    remote_id  INTEGER,
    error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_state ON outbox (state, created_at);

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE lookup_cache (
    name       TEXT PRIMARY KEY,
    rows       TEXT NOT NULL,
    fetched_at REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE phonebook (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    number      TEXT NOT NULL DEFAULT '',
    number_norm TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    group_name  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX phonebook_number ON phonebook (number_norm);
"""


_V2_VOICEMAIL_FAX_DIDS = """
CREATE TABLE vm_mailboxes (
    mailbox  TEXT    PRIMARY KEY,
    name     TEXT    NOT NULL DEFAULT '',
    new      INTEGER NOT NULL DEFAULT 0,
    urgent   INTEGER NOT NULL DEFAULT 0,
    email    TEXT    NOT NULL DEFAULT '',
    raw      TEXT    NOT NULL DEFAULT '{}',
    position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE vm_folders (
    mailbox     TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (mailbox, value)
) WITHOUT ROWID;

-- message_num is the provider's position in the folder: it is renumbered when
-- messages move, so the cached audio is dropped when a number's content changes.
CREATE TABLE vm_messages (
    mailbox       TEXT    NOT NULL,
    folder        TEXT    NOT NULL,
    message_num   INTEGER NOT NULL,
    date          INTEGER,
    caller_name   TEXT    NOT NULL DEFAULT '',
    caller_number TEXT    NOT NULL DEFAULT '',
    duration      INTEGER NOT NULL DEFAULT 0,
    urgent        INTEGER NOT NULL DEFAULT 0,
    listened      INTEGER NOT NULL DEFAULT 0,
    audio_path    TEXT,
    audio_format  TEXT,
    PRIMARY KEY (mailbox, folder, message_num)
);
CREATE INDEX vm_messages_date ON vm_messages (mailbox, date DESC);

CREATE TABLE fax_folders (
    id       TEXT    PRIMARY KEY,
    name     TEXT    NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE fax_messages (
    id          INTEGER PRIMARY KEY,
    folder      TEXT    NOT NULL,
    date        INTEGER,
    callerid    TEXT    NOT NULL DEFAULT '',
    stationid   TEXT    NOT NULL DEFAULT '',
    destination TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    pages       INTEGER NOT NULL DEFAULT 0,
    duration    INTEGER NOT NULL DEFAULT 0,
    status      TEXT    NOT NULL DEFAULT '',
    message     TEXT    NOT NULL DEFAULT '',
    pdf_path    TEXT
);
CREATE INDEX fax_messages_folder_date ON fax_messages (folder, date DESC);

CREATE TABLE dids (
    did                  TEXT    PRIMARY KEY,
    description          TEXT    NOT NULL DEFAULT '',
    routing              TEXT    NOT NULL DEFAULT 'none:',
    failover_busy        TEXT    NOT NULL DEFAULT 'none:',
    failover_unreachable TEXT    NOT NULL DEFAULT 'none:',
    failover_noanswer    TEXT    NOT NULL DEFAULT 'none:',
    voicemail            TEXT    NOT NULL DEFAULT '',
    pop                  TEXT    NOT NULL DEFAULT '',
    dialtime             INTEGER NOT NULL DEFAULT 60,
    cnam                 INTEGER NOT NULL DEFAULT 0,
    callerid_prefix      TEXT    NOT NULL DEFAULT '',
    note                 TEXT    NOT NULL DEFAULT '',
    billing_type         TEXT    NOT NULL DEFAULT '',
    sms_enabled          INTEGER NOT NULL DEFAULT 0,
    raw                  TEXT    NOT NULL DEFAULT '{}',
    position             INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE did_changes (
    id     INTEGER PRIMARY KEY,
    at     REAL    NOT NULL,
    did    TEXT    NOT NULL,
    field  TEXT    NOT NULL,
    old    TEXT    NOT NULL DEFAULT '',
    new    TEXT    NOT NULL DEFAULT '',
    method TEXT    NOT NULL DEFAULT '',
    ok     INTEGER NOT NULL,
    reason TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX did_changes_did_at ON did_changes (did, at DESC);
CREATE INDEX did_changes_at ON did_changes (at DESC);

CREATE TABLE reroute_presets (
    name       TEXT    PRIMARY KEY COLLATE NOCASE,
    route      TEXT    NOT NULL,
    dids       TEXT    NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
"""


# Deleting a whole conversation recomputed the thread row once per deleted
# message (quadratic: 2.5 s for 5k messages). Now a delete only adjusts the
# counters, and looks up a new last message only when the last one went.
_V3_INCREMENTAL_THREAD_DELETE = """
DROP TRIGGER messages_thread_delete;
CREATE TRIGGER messages_thread_delete AFTER DELETE ON messages BEGIN
    UPDATE threads SET total = total - 1, unread = unread - (old.read = 0)
     WHERE did = old.did AND contact = old.contact;
    DELETE FROM threads WHERE did = old.did AND contact = old.contact AND total <= 0;
    UPDATE threads SET
        last_pk = (SELECT pk FROM messages WHERE did = old.did AND contact = old.contact
                    ORDER BY date DESC, pk DESC LIMIT 1),
        last_date = (SELECT date FROM messages WHERE did = old.did AND contact = old.contact
                      ORDER BY date DESC, pk DESC LIMIT 1)
     WHERE did = old.did AND contact = old.contact AND last_pk = old.pk;
END;
"""


# The outbox (v1) was never written by the app: no send went through it. It
# also cannot hold what durable sends (issue #13) must journal: its kind CHECK
# allows only sms/mms (no fax) and it has no notion of a long SMS's parts, so
# that work would have to rebuild the table anyway. Dropped (its index goes
# with it) rather than kept as a table nobody reads.
_V4_DROP_OUTBOX = """
DROP TABLE IF EXISTS outbox;
"""


# Phones (issue #18): one row per sub-account (and the main account), the
# getSubAccounts row without its password, the last registration checked
# (JSON, NULL until checked) and the numbers that ring it.
_V6_PHONES = """
CREATE TABLE phones (
    account TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    is_main INTEGER NOT NULL DEFAULT 0,
    raw TEXT NOT NULL,
    numbers TEXT NOT NULL DEFAULT '[]',
    registration TEXT
);
"""


# Call history (issue #18): one row per CDR keyed by the provider's uniqueid;
# the cost in millionths of a dollar (SUM stays exact); ``seen`` is ours (the API
# has no such flag): a missed call not yet looked at counts in the tab's badge.
_V7_CALLS = """
CREATE TABLE calls (
    id          TEXT    PRIMARY KEY,
    date        INTEGER NOT NULL,
    inbound     INTEGER NOT NULL CHECK (inbound IN (0, 1)),
    number      TEXT    NOT NULL DEFAULT '',
    caller_name TEXT    NOT NULL DEFAULT '',
    did         TEXT    NOT NULL DEFAULT '',
    account     TEXT    NOT NULL DEFAULT '',
    outcome     TEXT    NOT NULL,
    seconds     INTEGER NOT NULL DEFAULT 0,
    cost        INTEGER NOT NULL DEFAULT 0,
    description TEXT    NOT NULL DEFAULT '',
    seen        INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX calls_date ON calls (date DESC);
CREATE INDEX calls_unseen ON calls (seen) WHERE seen = 0;

CREATE TABLE call_recordings (
    id         TEXT    PRIMARY KEY,
    account    TEXT    NOT NULL DEFAULT '',
    date       INTEGER NOT NULL,
    number     TEXT    NOT NULL DEFAULT '',
    inbound    INTEGER NOT NULL DEFAULT 1,
    seconds    INTEGER NOT NULL DEFAULT 0,
    call_id    TEXT,
    audio_path TEXT
) WITHOUT ROWID;
CREATE INDEX call_recordings_call ON call_recordings (call_id);
CREATE INDEX call_recordings_date ON call_recordings (date);
"""


# The send journal (issue #13.1): every send recorded before it goes on the wire,
# with its part plan and state, so an interrupted send is reconciled with the
# history after a restart instead of coming back as a draft Send would repeat.
_V8_SEND_JOURNAL = """
CREATE TABLE send_journal (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL CHECK (kind IN ('sms', 'mms', 'fax')),
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'unknown')),
    did         TEXT    NOT NULL,
    contact     TEXT    NOT NULL,
    text        TEXT    NOT NULL DEFAULT '',
    attachments TEXT    NOT NULL DEFAULT '[]',
    parts       TEXT    NOT NULL DEFAULT '[]',
    done_parts  INTEGER NOT NULL DEFAULT 0,
    created     INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    error       TEXT    NOT NULL DEFAULT '',
    closed      INTEGER NOT NULL DEFAULT 0,
    extra       TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX send_journal_open ON send_journal (state) WHERE state IN ('sending', 'unknown');
CREATE INDEX send_journal_thread ON send_journal (did, contact);
"""


MIGRATIONS: list[Migration] = [
    Migration("messages, threads, search, media, drafts, outbox, sync state, lookups",
              _V1_MESSAGES),
    Migration("voicemail, fax, numbers", _V2_VOICEMAIL_FAX_DIDS),
    Migration("incremental thread summary on delete", _V3_INCREMENTAL_THREAD_DELETE),
    Migration("drop the unused outbox", _V4_DROP_OUTBOX),
    # Routing presets are preferences kept in the settings file (they must survive a
    # rebuilt cache); the table of v2 was never used.
    Migration("drop the unused reroute_presets table", "DROP TABLE IF EXISTS reroute_presets;"),
    Migration("phones: sub-accounts and their last known registration", _V6_PHONES),
    Migration("call history and call recordings", _V7_CALLS),
    Migration("send journal", _V8_SEND_JOURNAL),
    # The Calls tab links each inbound call to the voicemail its caller left.
    Migration("voicemail by caller, for the calls tab's link",
              "CREATE INDEX vm_messages_caller ON vm_messages (caller_number, date);"),
    # Undo (issue #15.2): the log lines one command wrote share a change id, so
    # "Undo" restores every number and field that command changed. Lines written
    # before get one id per number and instant (each was its own change).
    Migration("numbers change log: change ids for undo", """
ALTER TABLE did_changes ADD COLUMN change_id TEXT NOT NULL DEFAULT '';
UPDATE did_changes SET change_id = printf('old-%s-%.6f', did, at);
CREATE INDEX did_changes_change_id ON did_changes (change_id);
"""),
    # A change to a number is logged before its call (pending) and settled when
    # VoIP.ms answers; one a kill or a closed window cut off is settled by the
    # next refresh, against what the provider has (NumbersService._reconcile).
    Migration("numbers change log: changes on their way",
              "ALTER TABLE did_changes ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"),
]


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing migrations in order; returns the resulting version.

    The version is read and written inside ONE exclusive transaction with all
    the steps: two first starts racing each other cannot both apply a step (the
    second waits on the lock, then finds the work done) — before, the loser hit
    "table already exists" and its file was taken for damaged.
    """
    target = len(migrations)
    current = schema_version(conn)
    if current == target:
        return target  # the usual start: no lock taken
    if current > target:
        raise SchemaTooNewError(
            f"database schema version {current} is newer than this app ({target})"
        )
    conn.execute("BEGIN EXCLUSIVE")
    try:
        current = schema_version(conn)  # again, now that nobody else can write
        if current > target:
            raise SchemaTooNewError(
                f"database schema version {current} is newer than this app ({target})"
            )
        for migration in migrations[current:]:
            for statement in split_statements(migration.sql):
                conn.execute(statement)
            if migration.fn is not None:
                migration.fn(conn)
        conn.execute(f"PRAGMA user_version = {target:d}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise
    return target


def split_statements(sql: str) -> Iterator[str]:
    """The statements of a script, one by one (``executescript`` would commit first).

    SQLite's own tokenizer (``complete_statement``) decides where one ends, so
    semicolons inside triggers, strings and comments are handled as SQLite does.
    """
    buffer = ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            buffer = ""
            if statement.strip(";").strip() and not _only_comments(statement):
                yield statement
    if buffer.strip(";").strip() and not _only_comments(buffer):
        raise ValueError(f"incomplete SQL statement in a migration: {buffer[:80]!r}")


def _only_comments(statement: str) -> bool:
    lines = [line.strip() for line in statement.splitlines()]
    return all(not line or line.startswith("--") or line == ";" for line in lines)
