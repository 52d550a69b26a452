"""Who may do what in a PostgreSQL ledger (`khoagiao db init`): two group roles, granted on khoagiao's tables.

- clerks (`khoagiao_clerk`): SELECT and INSERT only. The database itself refuses them UPDATE, DELETE and
  TRUNCATE (no privilege), beside the append-only triggers that refuse them to everyone;
- readers (`khoagiao_reader`): SELECT only, for the head of office and the board.
Both may make temporary tables (the query of what is still open uses them). A person logs in with a role of their
own, made a member of one group (`--clerk NAME`, `--reader NAME`); what they write is recorded under that role's
name (`current_user`, store/pg_schema.py). Granting again is harmless: what a group may do is set anew each time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from khoagiao_cli.errors import LedgerError, UserError
from khoagiao_cli.store.copying import TABLES
from khoagiao_cli.store.pg_schema import expected_objects

if TYPE_CHECKING:
    from khoagiao_cli.store.postgres import PostgresLedger

CLERK, READER = "khoagiao_clerk", "khoagiao_reader"
#: a role name as khoagiao accepts it: PostgreSQL's unquoted identifiers
_NAME = re.compile(r"[a-z_][a-z0-9_$]{0,62}")


class Granted(NamedTuple):
    clerk: str
    reader: str
    #: the group roles that did not exist and were made
    made: list[str]
    #: the people's roles made members: (role, group)
    members: list[tuple[str, str]]


def _quoted(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise UserError("pg_role_bad", value=name)
    return f'"{name}"'


def grant(ledger: PostgresLedger, *, clerk: str = CLERK, reader: str = READER, clerks: Sequence[str] = (),
          readers: Sequence[str] = ()) -> Granted:
    """Make the two group roles if missing, grant them what they may do, and make people members (call inside
    `ledger.write()`: all of it or nothing)."""
    groups = {clerk: _quoted(clerk), reader: _quoted(reader)}
    people = [(_quoted(name), name, clerk) for name in clerks] + [(_quoted(name), name, reader) for name in readers]
    run = ledger.conn.execute
    objects = expected_objects()
    readable = sorted(name for kind, name in objects if kind in ("table", "view"))
    me, may_make = run("SELECT rolname, rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    # only the tables' owner (or a member of its role, or a superuser) grants on them: another role's GRANT and
    # REVOKE are only warnings in PostgreSQL ("no privileges were granted"), and nothing would be granted
    owners = [str(owner) for owner, in run(
        "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
        " AND relname = ANY(?::text[]) AND NOT pg_has_role(current_user, relowner, 'USAGE') ORDER BY 1", (readable,))]
    if owners:
        raise LedgerError("pg_not_owner", role=me, owner=", ".join(owners), path=ledger.where)
    made = [name for name in groups if run("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone() is None]
    if made and not may_make:  # PostgreSQL would refuse the first CREATE ROLE; say what is missing and how to give it
        raise LedgerError("pg_no_createrole", role=me, groups=", ".join(made), path=ledger.where)
    for name in made:
        run(f"CREATE ROLE {groups[name]} NOLOGIN")
    for _, name, _group in people:
        if run("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone() is None:
            raise UserError("pg_role_missing", role=name, where=ledger.where)
    both = f"{groups[clerk]}, {groups[reader]}"
    database = str(run("SELECT current_database()").fetchone()[0]).replace('"', '""')
    run(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {both}')
    run(f"GRANT USAGE ON SCHEMA {_schema(ledger)} TO {both}")
    run(f"REVOKE ALL ON {', '.join(readable)} FROM {both}")  # what was granted by hand before is not kept
    run(f"GRANT SELECT ON {', '.join(readable)} TO {both}")
    run(f"GRANT INSERT ON {', '.join(TABLES)} TO {groups[clerk]}")
    for quoted, _name, group in people:
        run(f"GRANT {groups[group]} TO {quoted}")
    return Granted(clerk, reader, made, [(name, group) for _, name, group in people])


def _schema(ledger: PostgresLedger) -> str:
    name = str(ledger.conn.execute("SELECT current_schema()").fetchone()[0])
    return '"' + name.replace('"', '""') + '"'
