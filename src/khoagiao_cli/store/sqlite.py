"""The SQLite ledger: ordered migrations, append-only events, one transaction per command.

Writers open it read-write (creating it on the real clock's day); readers open it read-only (`mode=ro`) and never
create it. Which submission is in force is defined once, by the view `in_force` (migration 4).
"""


import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from khoagiao_cli.core.adhoc import Incident, Request
from khoagiao_cli.core.status import Event, Key, Void
from khoagiao_cli.errors import LedgerError
from khoagiao_cli.files import private_file
from khoagiao_cli.store.base import Reminder
from khoagiao_cli.store.chain import Verdict
from khoagiao_cli.store.chain import append as chain_append
from khoagiao_cli.store.chain import verify as chain_verify
from khoagiao_cli.store.header import check as _check
from khoagiao_cli.store.header import header as _header
from khoagiao_cli.store.kept import expected as kept_files
from khoagiao_cli.store.kept import mark as mark_kept
from khoagiao_cli.store.migrations import SCHEMA_VERSION, expected_schema, migrate, schema
from khoagiao_cli.store.named import named_units as units_named
from khoagiao_cli.store.outstanding import open_keys
from khoagiao_cli.store.rows import READ_BLOCK
from khoagiao_cli.store.rows import among as _among
from khoagiao_cli.store.rows import event as _event
from khoagiao_cli.store.rows import filtered as _filtered
from khoagiao_cli.store.rows import since as _since
from khoagiao_cli.store.rows import texts as _texts

_COLUMNS = (
    "id, kind, unit, report, period, received, doc_number, channel, file_path, file_sha256, "
    "note, unit_name, recorded_at, recorded_by, received_at"
)


@contextmanager
def _guard(path: Path) -> Iterator[None]:
    """Turn SQLite's failures into messages a person can act on."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise LedgerError("db_locked", path=str(path)) from exc
        if "readonly" in text or "read-only" in text:
            raise LedgerError("db_readonly", path=str(path)) from exc
        if "unable to open" in text:
            raise LedgerError("db_unopenable", path=str(path)) from exc
        if "disk" in text and ("full" in text or "i/o" in text):
            raise LedgerError("disk_full", path=str(path)) from exc
        raise LedgerError("db_error", path=str(path), error=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise LedgerError("db_corrupt", path=str(path), error=str(exc)) from exc
    except (ValueError, TypeError) as exc:  # a row khoagiao did not write: a date that is none, bytes for text
        raise LedgerError("db_damaged", path=str(path), error=str(exc)) from exc


class SQLiteLedger:
    """A ledger in one SQLite file (store.base.Ledger)."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.where = str(path)
        self.exists = True
        self.conn = conn

    @classmethod
    def open(cls, path: Path, *, created_on: date | None, timeout: float = 10.0) -> "SQLiteLedger":
        """Open for writing (creating it and its folder if needed) and bring the schema up to date.

        `created_on` is stored once, when the file is created: the real clock's day, never an --as-of (None:
        the ledger must exist already, as when an older one is upgraded). A new ledger and the folders made for
        it are its owner's only (0600, 0700): it says who sent what and when. SQLite gives its -wal and -shm
        files the ledger's own permissions.
        """
        try:
            private_file(path)
        except OSError as exc:
            raise LedgerError("db_unopenable", path=str(path)) from exc
        with _guard(path):
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        ledger = cls(path, conn)
        try:
            ledger._prepare(created_on)
        except BaseException:
            conn.close()
            raise
        return ledger

    @classmethod
    def open_read(cls, path: Path, *, timeout: float = 10.0, upgrade: bool = True) -> "SQLiteLedger | None":
        """Open read-only; None when there is no ledger yet (nothing is created).

        The one write a reading command may make: a ledger of an older schema (written by an earlier khoagiao)
        is brought up to date first, in its own transaction, as the first command after an upgrade would
        (unless not `upgrade`: `verify` looks at a ledger as it is, and refuses one without a chain).
        """
        if not path.is_file():
            return None
        uri = path.resolve().as_uri() + "?mode=ro"
        with _guard(path):
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        try:
            with _guard(path):
                header = _header(conn)
            _check(header, path)
        except BaseException:
            conn.close()
            raise
        if header.version == SCHEMA_VERSION:
            return cls(path, conn)
        conn.close()
        if header.version == 0:
            return None  # an empty file: no ledger yet
        if not upgrade:
            raise LedgerError("verify_old_schema", path=str(path), found=header.version)
        try:
            cls.open(path, created_on=None, timeout=timeout).close()  # the migration; created_on is kept
        except LedgerError as exc:
            if exc.key == "db_readonly":
                raise LedgerError("db_upgrade_readonly", path=str(path), found=header.version,
                                  known=SCHEMA_VERSION) from exc
            raise
        return cls.open_read(path, timeout=timeout)

    def _prepare(self, created_on: date | None) -> None:
        with _guard(self.path):
            header = _header(self.conn)
            _check(header, self.path)
            self.conn.execute("PRAGMA synchronous = FULL")
            if header.version == SCHEMA_VERSION:
                return
            if header.version == 0:
                self._switch_to_wal()
            with self.write():
                _check(_header(self.conn, in_transaction=True), self.path)  # another process may have begun
                migrate(self.conn)  # from the version found inside the transaction
                if created_on is not None:  # a new ledger; an existing one keeps its day
                    self.conn.execute(
                        "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_on', ?)", (created_on.isoformat(),)
                    )

    def _switch_to_wal(self) -> None:
        """`PRAGMA journal_mode = WAL` (persistent; not allowed inside a transaction). SQLite does not wait on
        the busy timeout for it: when two processes create the ledger at once, retry until the timeout."""
        import time

        timeout = self.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[None]:
        """One IMMEDIATE transaction: writers queue on the busy timeout; all or nothing."""
        with _guard(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:  # SQLite has rolled back itself after a disk error
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def created_on(self) -> date:
        with _guard(self.path):
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'created_on'").fetchone()
            return date.fromisoformat(row[0])

    def events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
               since: date | None = None) -> list[Event]:
        return list(self.each_event(unit, report, period, since=since, newest_first=False))

    def each_event(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                   since: date | None = None, newest_first: bool = True, limit: int | None = None) -> Iterator[Event]:
        sql, args = _since(*_filtered(f"SELECT {_COLUMNS} FROM events", unit=unit, report=report, period=period), since)
        sql += " ORDER BY id DESC LIMIT ?" if newest_first else " ORDER BY id LIMIT ?"  # LIMIT -1: no limit
        with _guard(self.path):
            cursor = self.conn.execute(sql, [*args, -1 if limit is None else limit])
            while block := cursor.fetchmany(READ_BLOCK):
                yield from map(_event, block)

    def event(self, event_id: int) -> Event | None:
        with _guard(self.path):
            row = self.conn.execute(f"SELECT {_COLUMNS} FROM events WHERE id = ?", [event_id]).fetchone()
            return _event(row) if row is not None else None

    def count_events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                     since: date | None = None) -> int:
        sql, args = _since(*_filtered("SELECT count(*) FROM events", unit=unit, report=report, period=period), since)
        with _guard(self.path):
            return int(self.conn.execute(sql, args).fetchone()[0])

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        sql, args = _among(*_filtered(f"SELECT {_COLUMNS} FROM in_force", unit=unit, report=report, period=period),
                           periods)
        with _guard(self.path):
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            return {(e.unit, e.report, e.period): e for e in map(_event, rows)}

    def keys_in_force(self, unit: str | None = None, by: datetime | None = None) -> set[Key]:
        sql, args = _filtered("SELECT unit, report, period FROM in_force", unit=unit)
        if by is not None:  # core.status.arrived, in SQL: received that day or before (at that moment or before)
            sql += (" AND" if args else " WHERE") + " received <= ? AND (received_at IS NULL OR received_at <= ?)"
            args += [by.date().isoformat(), by.isoformat()]
        with _guard(self.path):
            return {(u, r, p) for u, r, p in self.conn.execute(sql, args)}

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        with _guard(self.path):
            return open_keys(self.conn, owing, slots, by)

    def named_units(self) -> set[str]:
        """Every unit code the ledger's records name (store/named.py)."""
        with _guard(self.path):
            return units_named(self.conn)

    def append(self, event: Event) -> int:
        """Insert one event; call inside `write()`. Returns its id."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO events (kind, unit, report, period, received, doc_number, channel, file_path,"
                " file_sha256, note, unit_name, recorded_at, recorded_by, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.kind,
                    event.unit,
                    event.report,
                    event.period,
                    event.received.isoformat() if event.received else None,
                    event.doc_number,
                    event.channel,
                    event.file_path,
                    event.file_sha256,
                    event.note,
                    event.unit_name,
                    event.recorded_at,
                    event.recorded_by,
                    event.received_at.isoformat() if event.received_at else None,
                ),
            )
            return self._chained("events", cur.lastrowid)

    def file_kept(self, event_id: int) -> None:
        """The file of event `event_id` was kept in the archive (store/kept.py); call inside `write()`."""
        with _guard(self.path):
            mark_kept(self.conn, event_id)

    # ------------------------------------------------------------------ one-off requests and incidents

    def requests(self, include_cancelled: bool = False) -> list[Request]:
        """Requests in the order they were added; a cancelled one is marked (or left out)."""
        with _guard(self.path):
            rows = self.conn.execute(
                "SELECT kind, id, title, deadline, doc_number, units, recorded_at FROM requests ORDER BY seq"
            ).fetchall()
        found: dict[str, Request] = {}
        with _guard(self.path):
            for kind, rid, title, deadline, doc, units, recorded_at in map(_texts, rows):
                if kind == "add":
                    found[rid] = Request(rid, title, date.fromisoformat(deadline), doc,
                                         tuple(u for u in (units or "").split(",") if u), recorded_at)
                elif rid in found:
                    found[rid] = found[rid]._replace(cancelled=True)
        return [r for r in found.values() if include_cancelled or not r.cancelled]

    def add_request(self, request: Request, recorded_by: str, note: str | None = None) -> None:
        """Call inside `write()`."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO requests (kind, id, title, deadline, doc_number, units, note, recorded_at, recorded_by)"
                " VALUES ('add', ?, ?, ?, ?, ?, ?, ?, ?)",
                (request.id, request.title, request.deadline.isoformat(), request.doc_number,
                 ",".join(request.units), note, request.recorded_at, recorded_by),
            )
            self._chained("requests", cur.lastrowid)

    def cancel_request(self, request_id: str, recorded_at: str, recorded_by: str, note: str | None = None) -> None:
        """Call inside `write()`."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO requests (kind, id, note, recorded_at, recorded_by) VALUES ('cancel', ?, ?, ?, ?)",
                (request_id, note, recorded_at, recorded_by),
            )
            self._chained("requests", cur.lastrowid)

    def reminders(self, unit: str | None = None, day: date | None = None) -> list[Reminder]:
        sql, args = _filtered("SELECT id, kind, unit, day, instances, recipients, message_id, sent_at, sent_by"
                              " FROM reminders", unit=unit, day=day.isoformat() if day else None)
        with _guard(self.path):
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            return [Reminder(r[0], r[1], r[2], date.fromisoformat(r[3]), *r[4:]) for r in map(_texts, rows)]

    def add_reminder(self, reminder: Reminder) -> int:
        """Call inside `write()`."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO reminders (kind, unit, day, instances, recipients, message_id, sent_at, sent_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (reminder.kind, reminder.unit, reminder.day.isoformat(), reminder.instances, reminder.recipients,
                 reminder.message_id, reminder.sent_at, reminder.sent_by),
            )
            return self._chained("reminders", cur.lastrowid)

    def incidents(self, unit: str | None = None, include_cancelled: bool = False) -> list[Incident]:
        sql, args = _filtered("SELECT id, unit, unit_name, title, occurred, deadline_at, recorded_at,"
                              " id IN (SELECT incident_id FROM incident_cancels) FROM incidents", unit=unit)
        with _guard(self.path):
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            found = [
                Incident(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), datetime.fromisoformat(r[5]), r[6],
                         bool(r[7]))
                for r in map(_texts, rows)
            ]
        return [i for i in found if include_cancelled or not i.cancelled]

    def cancel_incident(self, incident_id: int, recorded_at: str, recorded_by: str, note: str | None = None,
                        ) -> None:
        """Call inside `write()`."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO incident_cancels (incident_id, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                (incident_id, note, recorded_at, recorded_by),
            )
            self._chained("incident_cancels", cur.lastrowid)

    def voids(self) -> list[Void]:
        with _guard(self.path):
            rows = self.conn.execute("SELECT id, event_id, note, recorded_at, recorded_by FROM voids ORDER BY id")
            return [Void(*_texts(r)) for r in rows.fetchall()]

    def add_void(self, void: Void) -> int:
        """Call inside `write()`. Returns the void's number."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO voids (event_id, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                (void.event_id, void.note, void.recorded_at, void.recorded_by),
            )
            return self._chained("voids", cur.lastrowid)

    def add_incident(self, incident: Incident, recorded_by: str) -> int:
        """Call inside `write()`. Returns the incident's number."""
        with _guard(self.path):
            cur = self.conn.execute(
                "INSERT INTO incidents (unit, unit_name, title, occurred, deadline_at, recorded_at, recorded_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (incident.unit, incident.unit_name, incident.title, incident.occurred.isoformat(),
                 incident.deadline_at.isoformat(), incident.recorded_at, recorded_by),
            )
            return self._chained("incidents", cur.lastrowid)

    # ------------------------------------------------------------------ the hash chain (store/chain.py)

    def _chained(self, table: str, key: int | None) -> int:
        """Link the row just written into the chain, in the same transaction; its key."""
        if key is None:  # pragma: no cover - an INSERT always has a rowid
            raise RuntimeError("insert without a rowid")
        chain_append(self.conn, table, key)
        return key

    def chain_head(self) -> tuple[int, str]:
        """(links in the chain, the last one's hash): what an export prints to pin the ledger's state."""
        with _guard(self.path):
            count, = self.conn.execute("SELECT count(*) FROM chain").fetchone()
            last = self.conn.execute("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
        return int(count), str(last[0]) if last else ""

    def verify(self, head: str | None = None) -> Verdict:
        """Walk the chain in one snapshot and compare the schema with the one khoagiao makes."""
        with _guard(self.path):
            self.conn.execute("BEGIN")
            try:
                found = schema(self.conn)
                expected = expected_schema()
                differences = sorted(key[1] for key in expected.keys() | found.keys()
                                     if expected.get(key) != found.get(key))
                # AUTOINCREMENT never reuses a number, and a rolled-back insert takes none: every number up to
                # the last one given was a record
                numbered = dict(self.conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
                return chain_verify(self.conn, differences, head, numbered)._replace(kept=kept_files(self.conn))
            finally:
                self.conn.execute("COMMIT")
