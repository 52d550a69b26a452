"""The PostgreSQL ledger's schema: the same numbered steps as SQLite's (store/migrations.py), said in PostgreSQL.

Each SQLite step is carried over statement by statement, so that the two backends cannot drift apart:
- every text column compares byte by byte (`COLLATE "C"`, SQLite's BINARY): dates and moments are ISO 8601 text,
  compared as text, as on SQLite, whatever the database's own collation;
- a key SQLite numbers (AUTOINCREMENT) is numbered by a trigger as the last one plus one: writers take one lock
  (store/postgres.py), so numbers follow one another with no gap even after a rolled-back write, which a sequence
  would leave, and which `verify` would take for a deleted record. As SQLite's `sqlite_sequence`, `kg_counters`
  remembers the last number each table gave, in the writing transaction, and a number is never given twice: a
  record deleted with its link, the last one too, shows in `verify`. The trigger runs as the ledger's owner, so
  that a clerk (SELECT and INSERT only, store/pg_roles.py) needs no right on the counters;
- "append-only" triggers refuse UPDATE and DELETE as SQLite's do, and TRUNCATE too (SQLite has none);
- `recorded_by` is the database role that writes the record (`current_user`), whatever name the client sends; only
  the ledger's owner copying a ledger (`khoagiao db copy`, which sets `khoagiao.copying`) keeps the recorder it
  copies;
- the schema version is the last row of `kg_schema` (PostgreSQL has no `user_version`); SQLite's application_id
  has no counterpart: `kg_schema` itself marks a khoagiao ledger.
"""

import re
from typing import Any

from khoagiao_cli.store.chain import CHAINED
from khoagiao_cli.store.migrations import MIGRATIONS, statements

#: the functions the triggers call; created with the first step
FUNCTIONS = (
    """CREATE FUNCTION kg_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'khoagiao ledger is append-only';
END $$""",
    """CREATE FUNCTION kg_number() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
DECLARE
    given integer;
BEGIN
    given := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
    IF given IS NULL THEN
        EXECUTE format('SELECT greatest(coalesce(max(%I), 0), coalesce((SELECT last FROM %I.kg_counters'
                       ' WHERE tbl = $1), 0)) + 1 FROM %I.%I', TG_ARGV[0], TG_TABLE_SCHEMA, TG_TABLE_SCHEMA,
                       TG_TABLE_NAME) INTO given USING TG_TABLE_NAME::text;
        NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], given));
    END IF;
    RETURN NEW;
END $$""",
    """CREATE FUNCTION kg_count() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
AS $$
BEGIN
    EXECUTE format('INSERT INTO %I.kg_counters AS c (tbl, last) SELECT $1, max(%I) FROM added'
                   ' HAVING max(%I) IS NOT NULL ON CONFLICT (tbl) DO UPDATE SET last = greatest(c.last, excluded.last)',
                   TG_TABLE_SCHEMA, TG_ARGV[0], TG_ARGV[0]) USING TG_TABLE_NAME::text;
    RETURN NULL;
END $$""",
    """CREATE FUNCTION kg_recorder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('khoagiao.copying', true), '') <> 'on'
       OR NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        NEW.recorded_by := current_user;
    END IF;
    RETURN NEW;
END $$""",
    """CREATE FUNCTION kg_meta_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM meta WHERE key = NEW.key) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$""",
    'CREATE TABLE kg_counters (tbl TEXT COLLATE "C" PRIMARY KEY, last INTEGER NOT NULL)',
    "CREATE TRIGGER kg_counters_no_delete BEFORE DELETE ON kg_counters FOR EACH ROW EXECUTE FUNCTION kg_append_only()",
    "CREATE TRIGGER kg_counters_no_truncate BEFORE TRUNCATE ON kg_counters FOR EACH STATEMENT"
    " EXECUTE FUNCTION kg_append_only()",
    "CREATE TABLE kg_schema (step INTEGER PRIMARY KEY)",
    "CREATE TRIGGER kg_schema_no_update BEFORE UPDATE OR DELETE ON kg_schema FOR EACH ROW"
    " EXECUTE FUNCTION kg_append_only()",
    "CREATE TRIGGER kg_schema_no_truncate BEFORE TRUNCATE ON kg_schema FOR EACH STATEMENT"
    " EXECUTE FUNCTION kg_append_only()",
)

#: the key SQLite numbers in each table: the chained records' keys, and the chain's own
NUMBERED = {**CHAINED, "chain": "seq"}

_TABLE = re.compile(r"CREATE TABLE (\w+)")
_APPEND_ONLY = re.compile(r"CREATE TRIGGER (\w+) BEFORE (UPDATE|DELETE) ON (\w+)\s+BEGIN SELECT RAISE\(ABORT, "
                          r"'khoagiao ledger is append-only'\); END;?$", re.S)
_META_KEEP = re.compile(r"CREATE TRIGGER meta_no_replace BEFORE INSERT ON meta WHEN .*RAISE\(IGNORE\); END;?$", re.S)


def _table(statement: str) -> list[str]:
    name = _TABLE.match(statement)
    assert name is not None
    table = name.group(1)
    sql = statement.rstrip(";").replace(" AUTOINCREMENT", "")
    sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)
    out = [sql, f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT"
                " EXECUTE FUNCTION kg_append_only()"]
    if "recorded_by" in statement:
        out.append(f"CREATE TRIGGER {table}_recorder BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION kg_recorder()")
    if "AUTOINCREMENT" in statement:
        out.append(f"CREATE TRIGGER {table}_number BEFORE INSERT ON {table} FOR EACH ROW"
                   f" EXECUTE FUNCTION kg_number('{NUMBERED[table]}')")
        # once a statement, not once a row: a row's counter updated again and again in one transaction (a copy's
        # COPY of 660,000 rows) leaves a chain of versions each update walks
        out.append(f"CREATE TRIGGER {table}_counted AFTER INSERT ON {table} REFERENCING NEW TABLE AS added"
                   f" FOR EACH STATEMENT EXECUTE FUNCTION kg_count('{NUMBERED[table]}')")
    return out


def translate(statement: str) -> list[str]:
    """One SQLite statement of a step as the PostgreSQL statements that do the same."""
    if statement.startswith("CREATE TABLE"):
        return _table(statement)
    if statement.startswith("PRAGMA application_id"):
        return []
    if found := _APPEND_ONLY.match(statement):
        name, event, table = found.groups()
        return [f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW EXECUTE FUNCTION kg_append_only()"]
    if _META_KEEP.match(statement):
        return ["CREATE TRIGGER meta_no_replace BEFORE INSERT ON meta FOR EACH ROW EXECUTE FUNCTION kg_meta_keep()"]
    if statement.startswith("ALTER TABLE"):
        return [re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', statement.rstrip(";"))]
    return [statement.rstrip(";")]


#: step N's statements (N from 1), each step ending with its own number in `kg_schema`
STEPS: tuple[tuple[str, ...], ...] = tuple(
    ((*FUNCTIONS,) if n == 1 else ()) + tuple(pg for sql in statements(script) for pg in translate(sql))
    + (f"INSERT INTO kg_schema (step) VALUES ({n})",)
    for n, script in enumerate(MIGRATIONS, 1)
)

def made_tables(step: tuple[str, ...]) -> list[str]:
    """The tables a step creates."""
    return [found.group(1) for statement in step if (found := _TABLE.match(statement))]


_CREATED = re.compile(r"CREATE (TABLE|TRIGGER|VIEW|INDEX|FUNCTION) (\w+)")
_DROPPED = re.compile(r"DROP (VIEW|INDEX) (\w+)")
_BODY = re.compile(r"\$\$(.*)\$\$", re.S)


#: each table's columns as the catalog says them (`_FOUND`), in order: name, type, NOT NULL, a collation other than
#: the type's default. The steps make exactly these (a fresh ledger, and one migrated from every earlier step,
#: verify clean); a column changed, added or dropped past khoagiao shows.
COLUMNS = {
    "chain": "seq integer not null, tbl text not null collate C, row_id integer not null, hash text not null collate C",
    "events": "id integer not null, kind text not null collate C, unit text not null collate C, report text not null "
              "collate C, period text not null collate C, received text collate C, doc_number text collate C, channel "
              "text collate C, file_path text collate C, file_sha256 text collate C, note text collate C, unit_name "
              "text collate C, recorded_at text not null collate C, recorded_by text not null collate C, received_at "
              "text collate C",
    "incident_cancels": "id integer not null, incident_id integer not null, note text collate C, recorded_at text not "
                        "null collate C, recorded_by text not null collate C",
    "incidents": "id integer not null, unit text not null collate C, unit_name text collate C, title text not null "
                 "collate C, occurred text not null collate C, deadline_at text not null collate C, recorded_at text "
                 "not null collate C, recorded_by text not null collate C",
    "kg_counters": "tbl text not null collate C, last integer not null",
    "kg_schema": "step integer not null",
    "meta": "key text not null collate C, value text not null collate C",
    "reminders": "id integer not null, kind text not null collate C, unit text collate C, day text not null collate C, "
                 "instances text not null collate C, recipients text not null collate C, message_id text not null "
                 "collate C, sent_at text not null collate C, sent_by text not null collate C",
    "requests": "seq integer not null, kind text not null collate C, id text not null collate C, title text collate C, "
                "deadline text collate C, doc_number text collate C, units text collate C, note text collate C, "
                "recorded_at text not null collate C, recorded_by text not null collate C",
    "voids": "id integer not null, event_id integer not null, note text collate C, recorded_at text not null collate "
             "C, recorded_by text not null collate C",
}
#: how a function that runs with its owner's rights is said (`_FOUND`)
DEFINER = " SECURITY DEFINER"


def expected_objects() -> dict[tuple[str, str], str]:
    """What the steps make: (kind, name) → what is compared (a table: its columns; a trigger: switched on, "O"; a
    function: its body, and whether it runs with its owner's rights)."""
    out: dict[tuple[str, str], str] = {}
    for statement in (s for step in STEPS for s in step):
        if found := _CREATED.match(statement):
            kind, name = found.group(1).lower(), found.group(2)
            body = _BODY.search(statement)
            out[kind, name] = ("O" if kind == "trigger" else COLUMNS.get(name, "") if kind == "table" else
                               body.group(1).strip() + DEFINER * (DEFINER in statement) if body else "")
        elif found := _DROPPED.match(statement):
            out.pop((found.group(1).lower(), found.group(2)), None)
    return out


_FOUND = """
SELECT 'table', c.relname, coalesce((
    SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                      || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                      || CASE WHEN a.attcollation NOT IN (0, 100)
                              THEN ' collate ' || (SELECT k.collname FROM pg_collation AS k WHERE k.oid = a.attcollation)
                              ELSE '' END, ', ' ORDER BY a.attnum)
    FROM pg_attribute AS a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
    FROM pg_class AS c WHERE c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
UNION ALL SELECT 'view', viewname, '' FROM pg_views WHERE schemaname = current_schema()
UNION ALL SELECT 'trigger', t.tgname, t.tgenabled::text FROM pg_trigger AS t JOIN pg_class AS c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
UNION ALL SELECT 'index', c.relname, '' FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid
    WHERE c.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint AS k WHERE k.conindid = i.indexrelid)
UNION ALL SELECT 'function', proname, btrim(prosrc, E' \\t\\n\\r') || CASE WHEN prosecdef THEN ' SECURITY DEFINER' ELSE '' END
    FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
"""


def objects(conn: Any) -> dict[tuple[str, str], str]:
    """What the ledger's schema holds, as `expected_objects` says it."""
    return {(kind, name): value.strip() for kind, name, value in conn.execute(_FOUND)}
