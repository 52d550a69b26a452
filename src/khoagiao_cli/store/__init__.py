"""The ledger behind a small interface (base.py): SQLite today. A command that records opens a `Ledger`
(created if missing); a command that only reads opens a `Reader`, which never creates anything."""

from datetime import date
from pathlib import Path

from khoagiao_cli.store.base import EmptyLedger, Ledger, Reader


def open_ledger(where: Path, *, created_on: date, timeout: float) -> Ledger:
    """For recording: created if missing, on `created_on` (the real clock's day)."""
    from khoagiao_cli.store.sqlite import SQLiteLedger

    return SQLiteLedger.open(where, created_on=created_on, timeout=timeout)


def open_reader(where: Path, *, today: date, timeout: float) -> Reader:
    """For reading: opened read-only; an empty ledger (tracking from `today`) when there is none."""
    if not where.is_file():
        return EmptyLedger(str(where), today)  # and no database driver to load
    from khoagiao_cli.store.sqlite import SQLiteLedger

    found = SQLiteLedger.open_read(where, timeout=timeout)
    return found if found is not None else EmptyLedger(str(where), today)
