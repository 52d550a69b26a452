"""The hash chain that makes the ledger tamper-evident.

Every record (event, request, incident, reminder, void, incident cancelled) is linked, in the same transaction that writes it, into one
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
CHAINED = {"events": "id", "requests": "seq", "incidents": "id", "reminders": "id", "voids": "id",
           "incident_cancels": "id"}
#: the tables a ledger had when the chain came (schema 5): those the migration chains
CHAINED_AT_5 = ("events", "requests", "incidents", "reminders")


class Finding(NamedTuple):
    """One thing that does not fit.

    kind: changed (the row is not what was written) | deleted (a record is gone) | unchained (a row khoagiao
    never linked: written past it) | link (a link khoagiao did not write) | gap (links removed, `name` says
    which) | schema (a table, trigger or view differs from what khoagiao made).
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
    #: records that were chained by the migration to schema 5, not when they were written
    predating: int = 0
    #: (event id, SHA-256) of the events whose received file the archive must hold (store/kept.py)
    kept: tuple[tuple[int, str], ...] = ()


def genesis(created_on: str) -> str:
    """Where the chain starts: the ledger's creation day, so that moving it shows too."""
    return hashlib.sha256(f"khoagiao ledger created {created_on}".encode()).hexdigest()


def canonical(table: str, row: dict[str, Any]) -> bytes:
    """One record as bytes that do not depend on column order or on columns added later empty (a value khoagiao
    never writes, like bytes, is encoded too: it must not fit)."""
    present = {k: v for k, v in row.items() if v is not None}
    return json.dumps([table, present], ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=lambda v: {"bytes": bytes(v).hex()}).encode("utf-8", "surrogatepass")


def link(previous: str, table: str, row: dict[str, Any]) -> str:
    return hashlib.sha256(previous.encode("utf-8", "surrogatepass") + b"\n" + canonical(table, row)).hexdigest()


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


#: the meta key saying how many records a migration chained: the chain vouches for them from then, not from when
#: they were written (a ledger set back to an older schema by hand is chained again, and says so)
CHAINED_LATE = "chained_at_upgrade"


def chain_existing(conn: Any) -> None:
    """Link the rows of a ledger written before the chain existed, table by table in the order written."""
    count = 0
    for table in CHAINED_AT_5:
        key = CHAINED[table]
        for (row_key,) in conn.execute(f"SELECT {key} FROM {table} ORDER BY {key}").fetchall():
            append(conn, table, int(row_key))
            count += 1
    if count:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (CHAINED_LATE, str(count)))


#: links checked at a time: their records are read with one query per table (fewer than SQLite's oldest limit of
#: 999 parameters), not one per record, which a database server would answer one round trip each
BATCH = 500


def _links(conn: Any) -> Iterator[tuple[tuple[int, str, int, str], dict[str, Any] | None]]:
    """Each link of the chain in order, with the record it names (None: no such record)."""
    cur = conn.execute("SELECT seq, tbl, row_id, hash FROM chain ORDER BY seq")
    while batch := cur.fetchmany(BATCH):
        wanted: dict[str, list[int]] = {}
        for _, table, key, _ in batch:
            if table in CHAINED and isinstance(key, int):
                wanted.setdefault(table, []).append(key)
        rows: dict[tuple[str, int], dict[str, Any]] = {}
        for table, keys in wanted.items():
            found = conn.execute(f"SELECT * FROM {table} WHERE {CHAINED[table]} IN ({', '.join('?' * len(keys))})",
                                 keys)  # our names, never the user's
            names = [d[0] for d in found.description]
            for values in found.fetchall():
                row = dict(zip(names, values, strict=True))
                rows[table, row[CHAINED[table]]] = row
        for link_ in batch:
            yield link_, rows.get((link_[1], link_[2]))


def verify(conn: Any, schema_differences: list[str], head: str | None = None,
           numbered: dict[str, int] | None = None) -> Verdict:
    """Walk the chain from its start (call inside one read transaction: one snapshot). `schema_differences`
    names the tables, triggers and views that differ from what khoagiao made; `head`, a hash printed earlier,
    is looked for; `numbered`: the last number the database gave each table (none is ever given twice), so
    that records deleted with their links still show."""
    findings = [Finding("schema", "", 0, name=name) for name in schema_differences]
    previous = genesis(_created_on(conn))
    records, head_at, last, expected_seq = 0, 0, "", 1
    linked: dict[str, set[int]] = {table: set() for table in CHAINED}
    for (seq, table, key, stored), row in _links(conn):
        records += 1
        gap = seq != expected_seq
        if gap:  # links removed: what follows cannot be checked against what is gone
            findings.append(Finding("gap", "", 0, expected_seq, name=_span(expected_seq, seq - 1)))
        expected_seq = seq + 1
        if table not in CHAINED or not isinstance(key, int):
            findings.append(Finding("link", "", 0, seq))
        else:
            linked[table].add(key)
            if row is None:
                findings.append(Finding("deleted", table, key, seq))
            elif not gap and link(previous, table, row) != stored:
                findings.append(Finding("changed", table, key, seq))
        if head and not head_at and str(stored).startswith(head):
            head_at = records
        previous = last = str(stored)
    numbered = numbered or {}
    if numbered.get("chain", 0) >= expected_seq:
        findings.append(Finding("gap", "", 0, expected_seq, name=_span(expected_seq, numbered["chain"])))
    for table, column in CHAINED.items():
        present = {int(k) for (k,) in conn.execute(f"SELECT {column} FROM {table} ORDER BY {column}").fetchall()}
        findings += [Finding("unchained", table, k) for k in sorted(present - linked[table])]
        gone = set(range(1, numbered.get(table, 0) + 1)) - present - linked[table]
        findings += [Finding("deleted", table, k) for k in sorted(gone)]
    found = conn.execute("SELECT value FROM meta WHERE key = ?", (CHAINED_LATE,)).fetchone()
    predating = int(found[0]) if found and str(found[0]).isascii() and str(found[0]).isdigit() else 0
    return Verdict(records, last, findings, head_at, predating)


def _span(first: int, last: int) -> str:
    return f"#{first}" if first == last else f"#{first}–#{last}"
