"""The SQLite ledger: ordered migrations, append-only events, one transaction per command.

Writers open it read-write (creating it on the real clock's day); readers open it read-only (`mode=ro`) and never
create it. Which submission is in force is defined once, by the view `in_force` (migration 4).
"""


import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date
from pathlib import Path, PurePath

from khoagiao_cli.errors import LedgerError, UserError
from khoagiao_cli.files import private_file
from khoagiao_cli.store.chain import Verdict
from khoagiao_cli.store.chain import verify as chain_verify
from khoagiao_cli.store.header import check as _check
from khoagiao_cli.store.header import header as _header
from khoagiao_cli.store.kept import expected as kept_files
from khoagiao_cli.store.migrations import SCHEMA_VERSION, expected_schema, migrate, schema
from khoagiao_cli.store.sql import SqlLedger


def read_only_uri(path: PurePath) -> str:
    """The SQLite URI that opens the ledger at `path` (absolute) read-only. Every character of the path is
    percent-encoded, "/" and "\\" too: Path.as_uri() gives a Windows network path (\\\\server\\share\\…, also what
    resolve() makes of a mapped drive) as `file://server/share/…`, and SQLite refuses "server" as a URI authority;
    with no "//" after "file:" there is none, and SQLite decodes the rest into the file name."""
    from urllib.parse import quote

    return "file:" + quote(str(path), safe="") + "?mode=ro"


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


class SQLiteLedger(SqlLedger):
    """A ledger in one SQLite file (store.base.Ledger); what it reads and appends is store/sql.py's."""

    backend = "sqlite"

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.where = str(path)
        self.files_at = path
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
        uri = read_only_uri(path.resolve())
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

    def _guarded(self) -> AbstractContextManager[None]:
        return _guard(self.path)

    def _insert(self, table: str, sql: str, args: Sequence[object]) -> int:
        key = self.conn.execute(sql, args).lastrowid
        if key is None:  # pragma: no cover - an INSERT always has a rowid
            raise RuntimeError("insert without a rowid")
        return int(key)

    def schema_version(self) -> int:
        with _guard(self.path):
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """A read transaction: in WAL mode, one state of the ledger however others write meanwhile."""
        with _guard(self.path):
            self.conn.execute("BEGIN")
            try:
                yield
            finally:
                self.conn.execute("COMMIT")

    @classmethod
    @contextmanager
    def fresh(cls, path: Path, *, timeout: float = 10.0) -> Iterator["SQLiteLedger"]:
        """A new ledger at `path`, inside its write transaction, filled by the block (a copy: `created_on` comes
        with the rows). It is made under a temporary name beside `path` and put in place only when the block has
        succeeded; `path` must not hold anything yet (an empty file is replaced)."""
        if path.exists() and (not path.is_file() or path.stat().st_size > 0):
            raise UserError("copy_target_not_empty", path=str(path))
        temporary = path.with_name(f".{path.name}.{os.getpid()}.copying")
        ledger = cls.open(temporary, created_on=None, timeout=timeout)
        try:
            with ledger.write():
                yield ledger
            ledger.close()
            if path.exists() and path.stat().st_size > 0:  # made meanwhile by someone else: theirs stays
                raise UserError("copy_target_not_empty", path=str(path))
            os.replace(temporary, path)
        except BaseException:
            ledger.close()
            for leftover in (temporary, temporary.with_name(temporary.name + "-wal"),
                             temporary.with_name(temporary.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise

    def verify(self, head: str | None = None) -> Verdict:
        """Walk the chain in one snapshot and compare the schema with the one khoagiao makes."""
        with self.snapshot(), _guard(self.path):
            found = schema(self.conn)
            expected = expected_schema()
            differences = sorted(key[1] for key in expected.keys() | found.keys()
                                 if expected.get(key) != found.get(key))
            # AUTOINCREMENT never reuses a number, and a rolled-back insert takes none: every number up to
            # the last one given was a record
            numbered = dict(self.conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
            return chain_verify(self.conn, differences, head, numbered)._replace(kept=kept_files(self.conn))
