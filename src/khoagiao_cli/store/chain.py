"""The hash chain that makes the ledger tamper-evident.

Every record (event, request, incident, reminder) is linked, in the same transaction that writes it, into one
chain: `chain.hash` = SHA-256 of the previous link's hash and the record's canonical encoding. The first link
starts from the ledger's creation day. Triggers already refuse UPDATE and DELETE; the chain shows what gets past
them — a REPLACE, a dropped trigger, a deleted or back-dated row — when `verify` walks it. Anyone can recompute
a chain (there is no secret): the head printed on an export is what pins the ledger's state at that moment.

The SQL here is plain enough for PostgreSQL too; the connection is any DB-API one with `?` parameters.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any, NamedTuple

#: the tables whose rows are chained, and the primary key of each
CHAINED = {"events": "id", "requests": "seq", "incidents": "id", "reminders": "id"}


class Finding(NamedTuple):
    """One thing that does not fit.

    kind: changed (the row is not what was written) | deleted (a chained row is gone) | unchained (a row
    khoagiao never linked: written past it) | link (the chain itself was edited) | schema (a table, trigger or
    view differs from what khoagiao made).
    """

    kind: str
    table: str
    row: int
    #: the link's position in the chain (0 for schema and unchained findings)
    seq: int = 0
    #: the schema object's name, for kind == "schema"
    name: str = ""


class Verdict(NamedTuple):
    #: links in the chain
    records: int
    #: the last link's hash ("" when the chain is empty)
    head: str
    findings: list[Finding]
    #: for `verify --head`: the position of the link with that hash (0: not in the chain)
    head_at: int = 0


def genesis(created_on: str) -> str:
    """Where the chain starts: the ledger's creation day, so that moving it shows too."""
    return hashlib.sha256(f"khoagiao ledger created {created_on}".encode()).hexdigest()


def canonical(table: str, row: dict[str, Any]) -> bytes:
    """One record as bytes that do not depend on column order or on columns added later empty."""
    present = {k: v for k, v in row.items() if v is not None}
    return json.dumps([table, present], ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def link(previous: str, table: str, row: dict[str, Any]) -> str:
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical(table, row)).hexdigest()


def _row(conn: Any, table: str, key: int) -> dict[str, Any] | None:
    cur = conn.execute(f"SELECT * FROM {table} WHERE {CHAINED[table]} = ?", (key,))  # our names, never the user's
    found = cur.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cur.description], found, strict=True))


def _created_on(conn: Any) -> str:
    found = conn.execute("SELECT value FROM meta WHERE key = 'created_on'").fetchone()
    return str(found[0]) if found else ""


def append(conn: Any, table: str, key: int) -> None:
    """Link the row just written (inside its transaction) to the end of the chain."""
    last = conn.execute("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    previous = str(last[0]) if last else genesis(_created_on(conn))
    row = _row(conn, table, key)
    if row is None:  # pragma: no cover - the row was written by this same transaction
        raise RuntimeError(f"{table} {key} vanished")
    conn.execute("INSERT INTO chain (tbl, row_id, hash) VALUES (?, ?, ?)", (table, key, link(previous, table, row)))


def chain_existing(conn: Any) -> None:
    """Link the rows of a ledger written before the chain existed, table by table in the order written."""
    for table, key in CHAINED.items():
        for (row_key,) in conn.execute(f"SELECT {key} FROM {table} ORDER BY {key}").fetchall():
            append(conn, table, int(row_key))


def _links(conn: Any) -> Iterator[tuple[int, str, int, str]]:
    cur = conn.execute("SELECT seq, tbl, row_id, hash FROM chain ORDER BY seq")
    while batch := cur.fetchmany(1000):
        yield from batch


def verify(conn: Any, schema_differences: list[str], head: str | None = None) -> Verdict:
    """Walk the chain from its start (call inside one read transaction: one snapshot). `schema_differences`
    names the tables, triggers and views that differ from what khoagiao made; `head`, a hash printed earlier,
    is looked for."""
    findings = [Finding("schema", "", 0, name=name) for name in schema_differences]
    previous = genesis(_created_on(conn))
    records, head_at, last = 0, 0, ""
    linked: dict[str, set[int]] = {table: set() for table in CHAINED}
    for seq, table, key, stored in _links(conn):
        records += 1
        if table not in CHAINED:
            findings.append(Finding("link", table, key, seq))
            previous = stored
            continue
        linked[table].add(key)
        row = _row(conn, table, key)
        if row is None:
            findings.append(Finding("deleted", table, key, seq))
        elif link(previous, table, row) != stored:
            findings.append(Finding("changed", table, key, seq))
        if head and not head_at and stored.startswith(head):
            head_at = records
        previous = last = stored
    for table, column in CHAINED.items():
        for (row_key,) in conn.execute(f"SELECT {column} FROM {table} ORDER BY {column}").fetchall():
            if int(row_key) not in linked[table]:
                findings.append(Finding("unchained", table, int(row_key)))
    return Verdict(records, last, findings, head_at)

