"""What a file is before khoagiao opens it as a ledger: its own (by `PRAGMA application_id`), empty, a ledger of an
earlier khoagiao (schema 1-4, before the mark), or another program's database — refused before anything is
written to it.

The header is read through SQLite, never by opening the file in Python: closing any other descriptor of a file
releases the POSIX locks SQLite holds on it in this process, and in WAL mode the file's own first page is stale
until a checkpoint anyway."""

import sqlite3
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.errors import LedgerError
from khoagiao_cli.store.migrations import APPLICATION_ID, MARKED_FROM, SCHEMA_VERSION


class Header(NamedTuple):
    version: int
    #: schema objects in the file
    objects: int
    application_id: int
    #: a ledger of khoagiao before it set its application_id (schema 1-4): its own tables, its creation day
    legacy: bool


def header(conn: sqlite3.Connection, in_transaction: bool = False) -> Header:
    """What the file is, read in one snapshot: another process creating the ledger at the same moment is seen
    either not at all or whole."""
    if not in_transaction:
        conn.execute("BEGIN")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        objects = int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
        legacy = (app_id == 0 and 1 <= version < MARKED_FROM and {"meta", "events"} <= tables
                  and conn.execute("SELECT 1 FROM meta WHERE key = 'created_on'").fetchone() is not None)
    finally:
        if not in_transaction and conn.in_transaction:  # after a disk error SQLite has ended it already
            conn.execute("COMMIT")
    return Header(version, objects, app_id, legacy)


def check(found: Header, path: Path) -> None:
    """Only khoagiao's own files are opened: one carrying its application_id, an empty one, or one written by an
    earlier khoagiao. Another program's database is refused before anything is written to it."""
    if found.application_id == APPLICATION_ID:
        if found.version < MARKED_FROM:  # khoagiao sets the mark with schema 5: the number was set back
            raise LedgerError("db_tampered", path=str(path), found=found.version, marked=MARKED_FROM)
        if found.version > SCHEMA_VERSION:
            raise LedgerError("db_newer", path=str(path), found=found.version, known=SCHEMA_VERSION)
        return
    if found.legacy:
        return
    if found.application_id == 0 and found.version == 0 and found.objects == 0:
        return  # empty: a new ledger
    raise LedgerError("db_foreign", path=str(path))
