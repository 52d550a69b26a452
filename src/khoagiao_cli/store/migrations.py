"""The ledger's schema as ordered, numbered steps; `PRAGMA user_version` says how many a ledger has had.

Never edit a released step: add one. tests/test_migrations.py opens a ledger written by every earlier version.
"""

import sqlite3
from collections.abc import Callable

from khoagiao_cli.store.chain import chain_existing

#: `PRAGMA application_id` of a khoagiao ledger ("kgia"): another program's SQLite file is never opened as one
APPLICATION_ID = 0x6B676961
#: the schema version that set it: a marked file with a lower version was set back by hand
MARKED_FROM = 5

#: Ordered steps; step N brings `PRAGMA user_version` from N-1 to N. Never edit a released step.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE events (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        kind        TEXT NOT NULL CHECK (kind IN ('submit', 'correct', 'withdraw')),
        unit        TEXT NOT NULL,
        report      TEXT NOT NULL,
        period      TEXT NOT NULL,
        received    TEXT,
        doc_number  TEXT,
        channel     TEXT CHECK (channel IN ('paper', 'email', 'eoffice', 'other')),
        file_path   TEXT,
        file_sha256 TEXT,
        note        TEXT,
        unit_name   TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE INDEX events_by_instance ON events (unit, report, period, id);
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    """,
    # 2: hour-precision receipt (urgent reports), one-off requests, urgent incidents
    """
    ALTER TABLE events ADD COLUMN received_at TEXT;
    CREATE TABLE requests (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        kind        TEXT NOT NULL CHECK (kind IN ('add', 'cancel')),
        id          TEXT NOT NULL,
        title       TEXT,
        deadline    TEXT,
        doc_number  TEXT,
        units       TEXT,
        note        TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE INDEX requests_by_id ON requests (id, seq);
    CREATE TRIGGER requests_no_update BEFORE UPDATE ON requests
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TABLE incidents (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        unit         TEXT NOT NULL,
        unit_name    TEXT,
        title        TEXT NOT NULL,
        occurred     TEXT NOT NULL,
        deadline_at  TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        recorded_by  TEXT NOT NULL
    );
    CREATE TRIGGER incidents_no_update BEFORE UPDATE ON incidents
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    """,
    # 3: reminders sent by e-mail
    """
    CREATE TABLE reminders (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        kind        TEXT NOT NULL CHECK (kind IN ('unit', 'digest')),
        unit        TEXT,
        day         TEXT NOT NULL,
        instances   TEXT NOT NULL,
        recipients  TEXT NOT NULL,
        message_id  TEXT NOT NULL,
        sent_at     TEXT NOT NULL,
        sent_by     TEXT NOT NULL
    );
    CREATE INDEX reminders_by_unit_day ON reminders (unit, day);
    CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    """,
    # 4: which submission is in force, defined once: the latest event of each instance, unless a withdrawal
    """
    CREATE VIEW in_force AS
        SELECT e.id, e.kind, e.unit, e.report, e.period, e.received, e.doc_number, e.channel, e.file_path,
               e.file_sha256, e.note, e.unit_name, e.recorded_at, e.recorded_by, e.received_at
        FROM events AS e
        WHERE e.kind <> 'withdraw'
          AND e.id = (SELECT max(l.id) FROM events AS l
                      WHERE l.unit = e.unit AND l.report = e.report AND l.period = e.period);
    """,
    # 5: tamper evidence: every record linked into a hash chain (store/chain.py); the creation day fixed;
    # khoagiao's application_id, so that only its own files are opened as ledgers
    f"""
    CREATE TABLE chain (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl     TEXT NOT NULL,
        row_id  INTEGER NOT NULL,
        hash    TEXT NOT NULL,
        UNIQUE (tbl, row_id)
    );
    CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER meta_no_update BEFORE UPDATE ON meta
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER meta_no_delete BEFORE DELETE ON meta
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER meta_no_replace BEFORE INSERT ON meta WHEN EXISTS (SELECT 1 FROM meta WHERE key = NEW.key)
        BEGIN SELECT RAISE(IGNORE); END;
    PRAGMA application_id = {APPLICATION_ID};
    """,
    # 6: the office's own entry errors undone without rewriting history: a void names the event entered by
    # mistake, which then counts as never recorded; an incident cancelled (both chained like every record)
    """
    CREATE TABLE voids (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id    INTEGER NOT NULL UNIQUE REFERENCES events (id),
        note        TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE TRIGGER voids_no_update BEFORE UPDATE ON voids
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER voids_no_delete BEFORE DELETE ON voids
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TABLE incident_cancels (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents (id),
        note        TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE TRIGGER incident_cancels_no_update BEFORE UPDATE ON incident_cancels
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    CREATE TRIGGER incident_cancels_no_delete BEFORE DELETE ON incident_cancels
        BEGIN SELECT RAISE(ABORT, 'khoagiao ledger is append-only'); END;
    DROP VIEW in_force;
    CREATE VIEW in_force AS
        SELECT e.id, e.kind, e.unit, e.report, e.period, e.received, e.doc_number, e.channel, e.file_path,
               e.file_sha256, e.note, e.unit_name, e.recorded_at, e.recorded_by, e.received_at
        FROM events AS e
        WHERE e.kind <> 'withdraw'
          AND e.id = (SELECT max(l.id) FROM events AS l
                      WHERE l.unit = e.unit AND l.report = e.report AND l.period = e.period
                        AND l.id NOT IN (SELECT v.event_id FROM voids AS v));
    """,
    # 7: which submission of an instance is in force and whether it had arrived, read from the index alone: it
    # carries the columns the open-instance query asks (store/outstanding.py), so the table is not visited
    """
    DROP INDEX events_by_instance;
    CREATE INDEX events_in_force ON events (unit, report, period, id, kind, received, received_at);
    """,
)
#: what a step does that SQL cannot: by step number (1-based)
AFTER_STEP: dict[int, Callable[[sqlite3.Connection], None]] = {5: chain_existing}
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the missing steps in order; call inside a transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for step in range(version, SCHEMA_VERSION):
        for statement in statements(MIGRATIONS[step]):
            conn.execute(statement)
        if step + 1 in AFTER_STEP:
            AFTER_STEP[step + 1](conn)
        conn.execute(f"PRAGMA user_version = {step + 1}")


def statements(script: str) -> list[str]:
    """Split a migration into statements (triggers contain `;` inside BEGIN … END)."""
    out, buf = [], ""
    for line in script.strip().splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def schema(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Every table, index, trigger and view of a ledger: (type, name) → its SQL."""
    return {(kind, name): sql for kind, name, sql in
            conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")}


def expected_schema() -> dict[tuple[str, str], str]:
    """The schema a ledger made by khoagiao has: every ledger goes through the same steps, so a fresh one made
    in memory has exactly the same SQL."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        migrate(conn)
        conn.execute("COMMIT")
        return schema(conn)
    finally:
        conn.close()
