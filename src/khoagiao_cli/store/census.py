"""What a ledger holds, at a glance (`khoagiao db status`): which database, which schema, how many records of each
kind, and who wrote the last one. Read in one snapshot; the SQL runs on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from khoagiao_cli.store.chain import CHAINED

if TYPE_CHECKING:
    from khoagiao_cli.store.sql import SqlLedger

#: the column saying who wrote a record, and when, in each chained table
_WRITER = {table: ("sent_by", "sent_at") if table == "reminders" else ("recorded_by", "recorded_at")
           for table in CHAINED}


class LastWrite(NamedTuple):
    table: str
    key: int
    at: str
    by: str


class Census(NamedTuple):
    where: str
    #: "sqlite" | "postgresql"
    backend: str
    version: int
    created_on: date
    #: rows in each chained table, and links in the chain ("chain")
    counts: dict[str, int]
    head: str
    last: LastWrite | None


def census(ledger: SqlLedger) -> Census:
    with ledger.snapshot(), ledger._guarded():
        counts = {table: int(ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
                  for table in (*CHAINED, "chain")}  # our names, never the user's
        found = ledger.conn.execute("SELECT tbl, row_id, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
        last, head = None, ""
        if found is not None and found[0] in CHAINED:
            table, key, head = str(found[0]), int(found[1]), str(found[2])
            by, at = _WRITER[table]
            row = ledger.conn.execute(f"SELECT {at}, {by} FROM {table} WHERE {CHAINED[table]} = ?", (key,)).fetchone()
            last = LastWrite(table, key, str(row[0]), str(row[1])) if row is not None else None
        return Census(ledger.where, ledger.backend, ledger.schema_version(), ledger.created_on(), counts, head, last)
