"""The PostgreSQL ledger: one ledger for a whole office (issue 12), on a server it already has or can install.

The records, queries and chain are store/sql.py's, the schema store/pg_schema.py's: the same numbered steps as
SQLite's. The password never comes from a file khoagiao manages: libpq reads PGPASSWORD, ~/.pgpass or PGSERVICE.
Writers queue on one transaction-scoped advisory lock, as SQLite's writers queue on its write lock: a record is
checked and written by one writer at a time (no duplicate submission), and the chain grows one link at a time.
psycopg is imported only here, so only a PostgreSQL URL loads it.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg import pq
from psycopg import sql as pg_sql

from khoagiao_cli.core.status import Event
from khoagiao_cli.dburl import shown
from khoagiao_cli.errors import LedgerError, UserError
from khoagiao_cli.store.base import Reminder
from khoagiao_cli.store.chain import Verdict
from khoagiao_cli.store.chain import verify as chain_verify
from khoagiao_cli.store.kept import expected as kept_files
from khoagiao_cli.store.migrations import AFTER_STEP, APPLICATION_ID, SCHEMA_VERSION
from khoagiao_cli.store.outstanding import OPEN_SQL_BY_UNIT, OPEN_SQL_SETS, Key
from khoagiao_cli.store.pg_schema import NUMBERED, STEPS, expected_objects, made_tables, objects
from khoagiao_cli.store.rows import among as _among
from khoagiao_cli.store.rows import event as _event
from khoagiao_cli.store.rows import filtered as _filtered
from khoagiao_cli.store.sql import COLUMNS, SqlLedger

T = TypeVar("T")


class _Conn:
    """psycopg's connection taking the `?` parameters the shared SQL is written with (it holds no literal `?`
    and, with parameters, no `%`)."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, args: Sequence[object] = ()) -> psycopg.Cursor[Any]:
        return self.raw.execute(sql.replace("?", "%s"), args) if args else self.raw.execute(sql)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)


@contextmanager
def _guard(where: str, reading: bool = False) -> Iterator[None]:
    """PostgreSQL's failures as messages a person can act on. A lost connection or a server restart ends the
    command with nothing half-written: its transaction is rolled back by the server. `reading`: a session that
    only reads, of which a refusal says no "nothing was recorded"."""
    try:
        yield
    except pg_errors.LockNotAvailable as exc:
        raise LedgerError("db_locked", path=where) from exc
    except (pg_errors.InsufficientPrivilege, pg_errors.ReadOnlySqlTransaction) as exc:
        raise LedgerError("pg_denied_read" if reading else "pg_denied", path=where, error=_first_line(exc)) from exc
    except psycopg.OperationalError as exc:
        raise LedgerError("pg_unreachable", path=where, error=_first_line(exc)) from exc
    except psycopg.Error as exc:
        raise LedgerError("db_error", path=where, error=_first_line(exc)) from exc
    except (ValueError, TypeError) as exc:
        raise LedgerError("db_damaged", path=where, error=str(exc)) from exc


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _session(url: str, timeout: float, read_only: bool) -> psycopg.Connection[Any]:
    """A session on the server. A writer waits for another at most the timeout, as on SQLite (then: "locked, try
    again"); set as the session starts, not by one more round trip. No JIT: a big ledger's estimates cross its
    threshold, and compiling then costs more than these short questions take. `read_only`: the session refuses
    every write, as a SQLite reader's read-only file does."""
    options = (f"-c lock_timeout={round(timeout * 1000)} -c jit=off"
               + " -c default_transaction_read_only=on" * read_only)
    return psycopg.connect(url, autocommit=True, connect_timeout=max(2, round(timeout)), options=options)


#: names of the server-side cursors a connection has open at once
_CURSORS = itertools.count(1)
#: the anti-join's two tables as arrays (text compared byte by byte, as in the ledger's columns)
ARRAYS_SQL = """WITH kg_owing AS (SELECT code COLLATE "C" AS code, cls FROM unnest(?::text[], ?::int[]) AS o (code, cls)),
kg_slots AS MATERIALIZED (SELECT cls, report COLLATE "C" AS report, period COLLATE "C" AS period
             FROM unnest(?::int[], ?::text[], ?::text[]) AS s (cls, report, period))"""


class PostgresLedger(SqlLedger):
    """A ledger in a PostgreSQL database (store.base.Ledger)."""

    backend = "postgresql"

    def __init__(self, url: str, raw: psycopg.Connection[Any], files_at: Path | None = None,
                 timeout: float = 10.0, read_only: bool = False) -> None:
        self.url = url
        self.where = shown(url)
        # the archive of received files is kept on this PC (dburl.kept_beside, given by store.open_*); a ledger
        # opened without one (a copy being made) must not keep files: a write there fails rather than land anywhere
        self.files_at = files_at if files_at is not None else Path(os.devnull)
        self.raw = raw
        self.conn = _Conn(raw)
        self.timeout = timeout
        self.read_only = read_only

    @classmethod
    def _connect(cls, url: str, timeout: float, files_at: Path | None = None, read_only: bool = False,
                 ) -> PostgresLedger:
        """`read_only`: the session refuses every write, as a SQLite reader's read-only file does. A session not
        had names all it can be (libpq gives no SQLSTATE for it): the server or port, the database or role, the
        password; its own words say which."""
        with _guard(shown(url), read_only):
            try:
                raw = _session(url, timeout, read_only)
            except psycopg.OperationalError as exc:
                raise LedgerError("pg_no_session", path=shown(url), error=_first_line(exc)) from exc
            return cls(url, raw, files_at, timeout, read_only)

    def schema_version(self) -> int:
        return self._version()

    def _version(self) -> int:
        """How many steps of the schema the database has had; -1: tables of another program, none of khoagiao's."""
        with self._guarded():
            # pg_class read in this statement's snapshot, not to_regclass: that one answers from the session's cache
            # of names, which a transaction begun before another writer's commit does not refresh; a writer that
            # waited for the lock while another created the ledger would then create it a second time
            marked, events = self.conn.execute(
                "SELECT count(*) FILTER (WHERE relname = 'kg_schema'), count(*) FILTER (WHERE relname = 'events')"
                " FROM pg_class WHERE relnamespace = current_schema()::regnamespace").fetchone()
            if not marked:
                return -1 if events else 0
            return int(self.conn.execute("SELECT coalesce(max(step), 0) FROM kg_schema").fetchone()[0])

    def _check(self, version: int) -> None:
        if version < 0:
            raise LedgerError("pg_foreign", path=self.where)
        if version > SCHEMA_VERSION:
            raise LedgerError("db_newer", path=self.where, found=version, known=SCHEMA_VERSION)
        if 0 < version < SCHEMA_VERSION:  # what a later step makes is there already: kg_schema was set back
            later = [name for step in STEPS[version:] for name in made_tables(step)]
            found = [name for name, in self.conn.execute(
                "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                " AND relname = ANY(?::text[]) ORDER BY relname", (later,))]
            if found:
                raise LedgerError("pg_schema_set_back", path=self.where, found=version, names=", ".join(found))

    @classmethod
    def open(cls, url: str, *, created_on: date | None, timeout: float = 10.0, files_at: Path | None = None,
             ) -> PostgresLedger:
        """Open for writing, bringing the schema up to date (created on `created_on`, the real clock's day, when
        the database has none yet)."""
        ledger = cls._connect(url, timeout, files_at)
        try:
            version = ledger._version()
            ledger._check(version)
            if version < SCHEMA_VERSION:
                with ledger.write():
                    ledger._migrate(created_on)
        except BaseException:
            ledger.close()
            raise
        return ledger

    @classmethod
    def ready(cls, url: str, then: Callable[[PostgresLedger], T], *, created_on: date, timeout: float = 10.0,
              files_at: Path | None = None) -> tuple[PostgresLedger, int, T]:
        """`db init`: one write transaction that brings the schema up to date (made on `created_on` when the
        database has none) and then does `then` (the roles and grants): all of it or nothing. Gives the ledger,
        open, the schema version the database had (0: none) and what `then` gave."""
        ledger = cls._connect(url, timeout, files_at)
        try:
            with ledger.write():
                version = ledger._version()
                ledger._check(version)
                if version < SCHEMA_VERSION:
                    ledger._migrate(created_on)
                done = then(ledger)
        except BaseException:
            ledger.close()
            raise
        return ledger, version, done

    def _migrate(self, created_on: date | None) -> None:
        """The missing steps, in the write transaction (another writer may have made them meanwhile)."""
        version = self._version()
        self._check(version)
        for step in range(version, SCHEMA_VERSION):
            for statement in STEPS[step]:
                self.conn.execute(statement)
            if step + 1 in AFTER_STEP:
                AFTER_STEP[step + 1](self.conn)
        if created_on is not None:
            self.conn.execute("INSERT INTO meta (key, value) VALUES ('created_on', ?)", (created_on.isoformat(),))

    @classmethod
    def open_read(cls, url: str, *, timeout: float = 10.0, upgrade: bool = True, files_at: Path | None = None,
                  read_only: bool = False) -> PostgresLedger | None:
        """Open for reading; None when the database holds no ledger yet (nothing is created). A ledger of an
        older schema is brought up to date first, unless not `upgrade`."""
        ledger = cls._connect(url, timeout, files_at, read_only)
        try:
            version = ledger._version()
            ledger._check(version)
        except BaseException:
            ledger.close()
            raise
        if version == SCHEMA_VERSION:
            return ledger
        ledger.close()
        if version == 0:
            return None
        if not upgrade:
            raise LedgerError("verify_old_schema", path=ledger.where, found=version)
        cls.open(url, created_on=None, timeout=timeout).close()
        return cls.open_read(url, timeout=timeout, files_at=files_at, read_only=read_only)

    def close(self) -> None:
        self.raw.close()

    def add_reminder(self, reminder: Reminder) -> int:
        """Who sent it is the database role that records it, as every record's recorder is (the schema's trigger
        sets `recorded_by`), not the name the PC's environment gives, which is anyone's to claim."""
        with _guard(self.where):
            role = self.conn.execute("SELECT current_user").fetchone()[0]
        return super().add_reminder(reminder._replace(sent_by=role))

    #: owed pairs a unit from which the open-instance question is asked unit by unit (store/outstanding.py: 100
    #: units x 10 years, 129 each: 22 -> 8 ms; 1,000 x 3, 39 each: 36 -> 25 ms; 5,000 x 1, 12 each: 52 -> 157 ms)
    by_unit_from = 32

    #: owed pairs from which the question is shared by two sessions that see one snapshot, each asking it of half
    #: the units, so that the server answers on two cores (5,000 units x 10 years, 645,000 pairs: 290 -> 150 ms)
    halves_from = 200_000

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        """store/outstanding.py's anti-join, its two small tables sent as arrays in the one query: on a server,
        temporary tables cost catalog writes and round trips that the whole answer does not."""
        codes, classes = list(owing), list(owing.values())
        per_class = Counter(cls for cls, _, _ in slots)
        weights = [per_class[cls] for cls in classes]
        form = OPEN_SQL_BY_UNIT if sum(weights) >= self.by_unit_from * len(codes) else OPEN_SQL_SETS
        sql = ARRAYS_SQL + form
        rest = [[c for c, _, _ in slots], [r for _, r, _ in slots], [p for _, _, p in slots],
                by.date().isoformat(), by.isoformat()]
        with self._guarded():
            if (len(codes) > 1 and sum(weights) >= self.halves_from
                    and self.raw.info.transaction_status == pq.TransactionStatus.IDLE):
                return self._in_halves(sql, codes, classes, weights, rest)
            return [(u, r, p) for u, r, p in self.conn.execute(sql, [codes, classes, *rest])]

    def _in_halves(self, sql: str, codes: list[str], classes: list[int], weights: list[int], rest: list[Any],
                   ) -> list[Key]:
        """The question asked of the first units here and of the others by a second session at the same time, in
        one read-only snapshot that this session exports and the other takes up (as pg_dump's parallel jobs do):
        the two halves see the same ledger, whatever is recorded meanwhile. Where no second session can be had
        (the server's connections all taken), this one asks the whole."""
        from concurrent.futures import ThreadPoolExecutor  # psycopg's own imports have loaded it already

        cut = next(n for n, upto in enumerate(itertools.accumulate(weights), 1) if 2 * upto >= sum(weights))
        cut = min(cut, len(codes) - 1)
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            snapshot = str(self.conn.execute("SELECT pg_export_snapshot()").fetchone()[0])
            with ThreadPoolExecutor(1) as pool:
                other = pool.submit(self._half_elsewhere, snapshot, sql, [codes[cut:], classes[cut:], *rest])
                found = [(u, r, p) for u, r, p in self.conn.execute(sql, [codes[:cut], classes[:cut], *rest])]
                theirs = other.result()
            if theirs is None:
                theirs = self.conn.execute(sql, [codes[cut:], classes[cut:], *rest]).fetchall()
        finally:
            if not self.raw.closed:
                self.conn.execute("COMMIT")
        return found + [(u, r, p) for u, r, p in theirs]

    def _half_elsewhere(self, snapshot: str, sql: str, args: Sequence[object]) -> list[tuple[Any, ...]] | None:
        """The other half, by a session of its own in `snapshot`; None when no session can be had."""
        try:
            raw = _session(self.url, self.timeout, read_only=True)
        except psycopg.OperationalError:
            return None
        with raw:
            raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            raw.execute(pg_sql.SQL("SET TRANSACTION SNAPSHOT {}").format(pg_sql.Literal(snapshot)))
            return _Conn(raw).execute(sql, args).fetchall()

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        """The `in_force` view's rule as one pass: each key's last event that stands, of the keys asked about (the
        filters name key columns, so filtering before the pick is filtering after it). The view's look-up per row
        costs a server far more: a year of 5,000 units x 10 years, 0.48 s through the view, 0.08 s so."""
        where, args = _among(*_filtered("", unit=unit, report=report, period=period), periods)
        where += (" AND" if args else " WHERE") + " id NOT IN (SELECT v.event_id FROM voids AS v)"
        sql = (f"SELECT * FROM (SELECT DISTINCT ON (unit, report, period) {COLUMNS} FROM events{where}"
               " ORDER BY unit, report, period, id DESC) AS l WHERE kind <> 'withdraw' ORDER BY id")
        with self._guarded():  # a block at a time: a year's rows are never all held twice, as text and as events
            return {(e.unit, e.report, e.period): e for e in map(_event, self._stream(sql, args)[1])}

    def _guarded(self) -> AbstractContextManager[None]:
        return _guard(self.where, self.read_only)

    def _insert(self, table: str, sql: str, args: Sequence[object]) -> int:
        return int(self.conn.execute(f"{sql} RETURNING {NUMBERED[table]}", args).fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[None]:
        """One transaction, writers one at a time (an advisory lock held to its end); all or nothing."""
        with self._guarded():
            self.conn.execute("BEGIN")
            try:
                self.conn.execute("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))
                yield
            except BaseException:
                if not self.raw.closed:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read-only transaction that sees one state of the ledger throughout (REPEATABLE READ)."""
        with self._guarded():
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield
            finally:
                if not self.raw.closed:
                    self.conn.execute("COMMIT")

    def _stream(self, sql: str, args: Sequence[object] = ()) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """As SqlLedger's, through a cursor on the server, in a read-only snapshot of its own unless a transaction
        is open: psycopg's usual cursor would bring the whole answer into memory first."""
        begun = self.raw.info.transaction_status == pq.TransactionStatus.IDLE
        if begun:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor = self.raw.cursor(name=f"kg_rows_{next(_CURSORS)}")
        cursor.itersize = 2000
        cursor.execute(sql.replace("?", "%s"), args or None)
        names = [d.name for d in cursor.description or ()]

        def each() -> Iterator[tuple[Any, ...]]:
            try:
                yield from cursor
            finally:
                if not self.raw.closed:
                    cursor.close()
                    if begun:
                        self.conn.execute("COMMIT")

        return names, each()

    def load(self, table: str, names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert rows as they are, keys included, with COPY (the row triggers still run)."""
        with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    @classmethod
    @contextmanager
    def fresh(cls, url: str, *, timeout: float = 10.0) -> Iterator[PostgresLedger]:
        """A new ledger in the database at `url`, which must hold none yet, inside one write transaction that makes
        the schema and is filled by the block (a copy: `created_on` and the recorders come with the rows): all of
        it or nothing."""
        ledger = cls._connect(url, timeout)
        try:
            with ledger.write():
                if ledger._version() != 0:
                    raise UserError("copy_target_not_empty", path=ledger.where)
                ledger.conn.execute("SET LOCAL khoagiao.copying = 'on'")  # the owner keeps the copied recorders
                ledger._migrate(None)
                yield ledger
        finally:
            ledger.close()

    def verify(self, head: str | None = None) -> Verdict:
        """Walk the chain in one snapshot; name the tables, views, indexes, triggers and functions that are
        missing, extra, switched off or rewritten (store/pg_schema.py). Numbers follow one another (pg_schema's trigger): none is given twice."""
        with self.snapshot(), self._guarded():
            found, expected = objects(self.conn), expected_objects()
            differences = sorted(key[1] for key in expected.keys() | found.keys() if expected.get(key) != found.get(key))
            # kg_counters: the last number each table gave (pg_schema.py), as SQLite's sqlite_sequence
            numbered = {str(t): int(n) for t, n in self.conn.execute("SELECT tbl, last FROM kg_counters")}
            return chain_verify(self.conn, differences, head, numbered)._replace(kept=kept_files(self.conn))
