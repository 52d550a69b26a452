"""Moving a ledger from one database to another (`khoagiao db copy`, `khoagiao backup`) and proving the copy.

Every row of every table is copied as it is, in the order of its key: the records keep their numbers, moments
and recorders, so the hash chain, which vouches for each record's content in order, holds in the copy unchanged.
The copy is written in one transaction that is committed only when the copy reads back the same as the source:
the same number of rows in each table, the same fingerprint (SHA-256 over every row of every table, in order,
in the chain's canonical encoding, which does not depend on the database), and a chain that walks clean to the
same head. The source is read in one snapshot, so writers may go on meanwhile.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, NamedTuple

from khoagiao_cli.errors import LedgerError
from khoagiao_cli.store.chain import CHAINED, canonical
from khoagiao_cli.store.chain import verify as chain_verify

if TYPE_CHECKING:
    from khoagiao_cli.store.sql import SqlLedger

#: every table of a ledger, in the order copied (a void names its event, a link its record: they come after)
TABLES = ("meta", "events", "requests", "incidents", "reminders", "voids", "incident_cancels", "chain")
#: the order each table's rows are read in
KEYS = {**CHAINED, "chain": "seq", "meta": "key"}


class Fingerprint(NamedTuple):
    #: rows in each table
    counts: dict[str, int]
    #: SHA-256 over every row of every table, in order
    digest: str


class Copied(NamedTuple):
    fingerprint: Fingerprint
    #: (links in the chain, the last one's hash), the same in the source and the copy
    head: tuple[int, str]


class _Summing:
    """A fingerprint taken of the rows as they go by."""

    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.counts: dict[str, int] = {}

    def rows(self, table: str, names: list[str], rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        self.counts[table] = 0
        self.sha.update(f"\0{table}\n".encode())
        for row in rows:
            self.sha.update(canonical(table, dict(zip(names, row, strict=True))) + b"\n")
            self.counts[table] += 1
            yield row

    def result(self) -> Fingerprint:
        return Fingerprint(self.counts, self.sha.hexdigest())


def fingerprint(ledger: SqlLedger) -> Fingerprint:
    """The ledger's fingerprint (call inside one transaction, for one snapshot)."""
    summing = _Summing()
    for table in TABLES:
        names, rows = ledger.table_rows(table, KEYS[table])
        for _ in summing.rows(table, names, rows):
            pass
    return summing.result()


def copy_into(source: SqlLedger, target: SqlLedger) -> Copied:
    """Copy every row of `source` (inside its snapshot) into `target`, a new ledger with the same schema and no
    rows (inside its write transaction), then check the copy; a copy that does not read back the same raises
    LedgerError, and the caller's transaction is rolled back."""
    summing = _Summing()
    for table in TABLES:
        names, rows = source.table_rows(table, KEYS[table])
        target.load(table, names, summing.rows(table, names, rows))
    taken, written = summing.result(), fingerprint(target)
    verdict = chain_verify(target.conn, [])
    head = (verdict.records, verdict.head)
    if written != taken or verdict.findings or head != source.chain_head():
        raise LedgerError("copy_mismatch", source=source.where, target=target.where)
    return Copied(taken, head)


def copy_ledger(source: SqlLedger, make_target: Callable[[], AbstractContextManager[SqlLedger]]) -> Copied:
    """`source` copied into the new ledger `make_target` opens (SQLiteLedger.fresh, PostgresLedger.fresh), from
    one snapshot of it."""
    with make_target() as target, source.snapshot():
        return copy_into(source, target)
