"""The two databases a ledger can live in, for the tests that run on both (issue 12).

A module whose tests touch the ledger says `pytestmark = BOTH` (or a single test says `@BOTH`): each of its tests
then runs twice, `[sqlite]` and `[postgresql]`, through the `backend` fixture (tests/conftest.py), which points
KHOAGIAO_DB at an empty ledger of the test's own: a SQLite file, or a database on the server the run started on
loopback (tests/pg_server.py). A test of such a module that is about SQLite itself (its file, WAL, permissions,
a corrupted file, its locking, old schemas as SQL dumps) says `@SQLITE_ONLY` and runs once; so does one that opens
no ledger at all (`@NO_LEDGER`); its PostgreSQL counterpart, if any, says `@POSTGRESQL_ONLY`. A test that finds a
defect of khoagiao on PostgreSQL says `@fails_on_postgresql(reason)`: a strict xfail of its PostgreSQL run.

What a test reads or writes behind khoagiao's back goes through `Backend`: `connect()` gives a DB-API connection
taking `?` parameters on either database, `count`, `exists`, `rows` read the ledger, `files` is where the received
files are kept, `recorded_by` is who a record says wrote it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

SQLITE, POSTGRESQL = "sqlite", "postgresql"

#: every test of a module (`pytestmark = BOTH`), or one test (`@BOTH`), runs on SQLite, then on PostgreSQL
BOTH = pytest.mark.usefixtures("backend")
#: in a module marked BOTH, a test about SQLite itself: once, on SQLite (KHOAGIAO_DB names a file)
SQLITE_ONLY = pytest.mark.parametrize("backend", [SQLITE], indirect=True)
#: a test of what only PostgreSQL has (the counterpart of a SQLite-only one): once, on PostgreSQL
POSTGRESQL_ONLY = pytest.mark.parametrize("backend", [POSTGRESQL], indirect=True)
#: in a module marked BOTH, a test that opens no ledger at all (help, a parser, a pure function): once
NO_LEDGER = pytest.mark.parametrize("backend", [SQLITE], indirect=True)


#: PostgreSQL: the statements after this one, in the same transaction (`Backend.tamper`), fire no trigger, as the
#: server's superuser may have it; the triggers stay as they were, so that only the hash chain can tell
PAST_THE_TRIGGERS = "SET LOCAL session_replication_role = replica"


def fails_on_postgresql(reason: str) -> pytest.MarkDecorator:
    """A defect of khoagiao on PostgreSQL that this test finds: its PostgreSQL run is expected to fail, strictly
    (once the defect is fixed the run passes, pytest says so, and this mark goes); its SQLite run must pass."""
    failing = pytest.param(POSTGRESQL, marks=pytest.mark.xfail(strict=True, reason=reason))
    return pytest.mark.parametrize("backend", [SQLITE, failing], indirect=True)



class Db:
    """A DB-API connection to a ledger that takes `?` parameters on either database (psycopg's are `%s`), in
    autocommit mode: each statement is its own transaction unless the test says BEGIN."""

    def __init__(self, raw: Any, postgresql: bool) -> None:
        self.raw = raw
        self.postgresql = postgresql

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        if self.postgresql and args:
            sql = sql.replace("%", "%%").replace("?", "%s")
        return self.raw.execute(sql, tuple(args)) if args else self.raw.execute(sql)

    def all(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.execute(sql, args).fetchall()]

    def one(self, sql: str, args: Sequence[object] = ()) -> Any:
        """The first column of the first row."""
        row = self.execute(sql, args).fetchone()
        return None if row is None else row[0]

    def dicts(self, sql: str, args: Sequence[object] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, args)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def close(self) -> None:
        self.raw.close()


class Backend:
    """The ledger a test runs on: `where` is what KHOAGIAO_DB holds (a file's path, or a PostgreSQL URL)."""

    def __init__(self, name: str, folder: Path, home: Path, monkeypatch: pytest.MonkeyPatch,
                 server: Any = None) -> None:
        self.name = name
        self.postgresql = name == POSTGRESQL
        self._folder = folder
        self._home = home
        self._monkeypatch = monkeypatch
        self._server = server
        self._made: list[str] = []
        self.where = ""
        self.fresh()

    def __repr__(self) -> str:
        return f"Backend({self.name}: {self.where})"

    def fresh(self) -> str:
        """Point KHOAGIAO_DB at another empty ledger (the one before stays as it was, where it was); its `where`."""
        if self.postgresql:
            self.where = self._server.new_database()
        else:
            suffix = f"-{len(self._made) + 1}" if self._made else ""
            self.where = str(self._folder / f"ledger{suffix}.sqlite3")
        self._made.append(self.where)
        self._monkeypatch.setenv("KHOAGIAO_DB", self.where)
        return self.where

    def close(self) -> None:
        """The test is over: its databases are dropped (pg_server.done_with; a SQLite file goes with the test's
        folder)."""
        if self.postgresql:
            for url in self._made:
                self._server.done_with(url)

    def empty(self) -> None:
        """Make the ledger KHOAGIAO_DB names as if it had never been created: for the examples of a property test,
        which share the test's fixtures (a new database for each would cost more than the example)."""
        if self.postgresql:
            with self.connect() as db:
                db.execute("DROP SCHEMA public CASCADE")
                db.execute("CREATE SCHEMA public")
        else:
            for suffix in ("", "-wal", "-shm"):
                Path(self.where + suffix).unlink(missing_ok=True)

    # ------------------------------------------------------------------------ what khoagiao says of it

    @property
    def shown(self) -> str:
        """How messages name the ledger: the file's path, or the URL without a password (dburl.shown; the tests'
        URLs have none, so as it is)."""
        return self.where

    @property
    def none_yet(self) -> str:
        """What a command that only reads says (on stderr) while the ledger KHOAGIAO_DB names was not created yet:
        perhaps the name is a typo."""
        from khoagiao_cli.i18n import Words

        return Words("vi")("db_missing", path=self.shown) + "\n"

    @property
    def files(self) -> Path:
        """Where `submit --file` keeps its copies: beside a SQLite file; for a database, a folder of the user data
        dir named after the server and the database (dburl.kept_beside)."""
        if not self.postgresql:
            return Path(self.where).parent / "khoagiao-files"
        from urllib.parse import urlsplit

        parts = urlsplit(self.where)
        name = f"{parts.hostname}-{parts.port}-{parts.path.strip('/')}"
        return self._home / "data" / "postgresql" / name / "khoagiao-files"

    @property
    def refused(self) -> type[Exception]:
        """What the database raises for a change its append-only triggers refuse."""
        if self.postgresql:
            from psycopg.errors import RaiseException

            return RaiseException
        return sqlite3.IntegrityError

    def recorded_by(self, login: str) -> str:
        """Who a record written by this test says wrote it: the login name (as the environment gives it, made
        visible) on SQLite; on PostgreSQL the database role that wrote it, whatever the environment says."""
        return self._server.user if self.postgresql else login

    # ------------------------------------------------------------------------ behind khoagiao's back

    def exists(self, where: str | None = None) -> bool:
        """Whether a ledger was created (at `where`, if not the one KHOAGIAO_DB names now): the file, or any
        table in the database."""
        if not self.postgresql:
            return Path(where or self.where).exists()
        with self.connect(where) as db:
            return bool(db.one("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"))

    @contextmanager
    def connect(self, where: str | None = None) -> Iterator[Db]:
        """A connection of the test's own, straight to the database (autocommit), closed at the end."""
        where = where or self.where
        if self.postgresql:
            import psycopg

            db = Db(psycopg.connect(where, autocommit=True), True)
        else:
            # never creates the file: a test that looks at a ledger not made yet is told so
            db = Db(sqlite3.connect(Path(where).as_uri() + "?mode=rw", uri=True, isolation_level=None), False)
        try:
            yield db
        finally:
            db.close()

    def count(self, table: str) -> int:
        """How many rows `table` holds (0 when there is no ledger yet: commands that only read create none)."""
        if not self.exists():
            return 0
        with self.connect() as db:
            return int(db.one(f"SELECT count(*) FROM {table}"))  # noqa: S608 - the tests' own table names

    def rows(self, sql: str, args: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """What a query gives (nothing when there is no ledger yet)."""
        if not self.exists():
            return []
        with self.connect() as db:
            return db.all(sql, args)

    def dicts(self, sql: str, args: Sequence[object] = ()) -> list[dict[str, Any]]:
        if not self.exists():
            return []
        with self.connect() as db:
            return db.dicts(sql, args)

    def tamper(self, *statements: str) -> None:
        """Run these statements in one transaction, past khoagiao."""
        with self.connect() as db:
            db.execute("BEGIN")
            for sql in statements:
                db.execute(sql)
            db.execute("COMMIT")

    @contextmanager
    def writer_waiting(self) -> Iterator[None]:
        """Another program holds the ledger's write lock meanwhile: SQLite's (BEGIN IMMEDIATE), or the advisory
        lock PostgreSQL writers queue on (store/postgres.py)."""
        from khoagiao_cli.store.migrations import APPLICATION_ID

        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE" if not self.postgresql else "BEGIN")
            if self.postgresql:
                db.execute("SELECT pg_advisory_xact_lock(?)", (APPLICATION_ID,))
            try:
                yield
            finally:
                db.execute("ROLLBACK")

    def open_ledger(self, created_on: date | None, timeout: float = 10.0) -> Any:
        """The store's own ledger (store/sqlite.py or store/postgres.py), opened for writing."""
        if self.postgresql:
            from khoagiao_cli.store.postgres import PostgresLedger

            return PostgresLedger.open(self.where, created_on=created_on, timeout=timeout)
        from khoagiao_cli.store.sqlite import SQLiteLedger

        return SQLiteLedger.open(Path(self.where), created_on=created_on, timeout=timeout)
