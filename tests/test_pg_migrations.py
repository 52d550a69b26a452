"""Migrations on PostgreSQL from every earlier step (issue 12: "same migrations, numbered alike, for both backends,
tested from every earlier version").

No older khoagiao wrote PostgreSQL ledgers, so each earlier one is made as that version would have made it: the
database brought to step k by store/pg_schema.py's first k steps (as PostgresLedger._migrate runs them), then
filled with the rows of tests/fixtures/ledger-vk.sql, the SQLite ledger the real khoagiao of step k recorded
(test_migrations.py). Opened by today's code, it must be migrated to the same ledger as that SQLite file migrated
by today's code: the same rows in every table (the hash chain the migration to step 5 makes included), the same
answers, the same chain head.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import psycopg
import pytest

from khoagiao_cli.store.migrations import AFTER_STEP, SCHEMA_VERSION
from khoagiao_cli.store.pg_schema import STEPS
from khoagiao_cli.store.postgres import _Conn

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = sorted(int(p.stem.split("-v")[1]) for p in FIXTURES.glob("ledger-v*.sql"))
#: the ledger's tables in the order the steps create them (a table named by another's key comes after it)
TABLES = [m.group(1) for step in STEPS for sql in step if (m := re.match(r"CREATE TABLE (\w+)", sql))
          and m.group(1) not in ("kg_schema", "kg_counters")]  # PostgreSQL's own: not in a SQLite ledger


@pytest.fixture(autouse=True)
def units_of_their_time(cfg: Path) -> None:
    """The fixtures were recorded with the units shipped before the 2026 defaults (as in test_migrations.py)."""
    (cfg / "units.yaml").write_bytes((FIXTURES / "units-before-2026.yaml").read_bytes())


def test_there_is_a_fixture_for_every_earlier_step() -> None:
    assert VERSIONS == list(range(1, SCHEMA_VERSION))
    assert len(STEPS) == SCHEMA_VERSION


def at_step(url: str, version: int) -> None:
    """An empty database brought to step `version`, as PostgresLedger._migrate brings one (the steps' statements,
    each step's own number in kg_schema, and what a step does that SQL cannot), in one transaction."""
    with psycopg.connect(url, autocommit=True) as raw:
        conn = _Conn(raw)
        with raw.transaction():
            for step in range(version):
                for statement in STEPS[step]:
                    conn.execute(statement)
                if step + 1 in AFTER_STEP:
                    AFTER_STEP[step + 1](conn)  # type: ignore[arg-type]  # a DB-API connection with `?`
        assert raw.execute("SELECT array_agg(step ORDER BY step) FROM kg_schema").fetchone() == ([*range(1, version + 1)],)


def fixture_rows(version: int) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """The rows of each table of the SQLite ledger of that version, in the order written, with the columns."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript((FIXTURES / f"ledger-v{version}.sql").read_text(encoding="utf-8"))
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = {}
        for table in (t for t in TABLES if t in names):
            cur = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            out[table] = ([d[0] for d in cur.description], cur.fetchall())
        assert names - set(out) <= {"sqlite_sequence"}, names
        return out
    finally:
        conn.close()


def fill(url: str, version: int) -> None:
    """The fixture's rows, keys included, copied into the database at step `version`, with their recorders (as
    `db copy` copies a ledger: the owner, with khoagiao.copying set, keeps the recorded_by it writes)."""
    with psycopg.connect(url) as conn:
        conn.execute("SET LOCAL khoagiao.copying = 'on'")
        for table, (columns, rows) in fixture_rows(version).items():
            if rows:
                with conn.cursor() as cur:
                    cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES"
                                    f" ({', '.join(['%s'] * len(columns))})", rows)


def sqlite_ledger(version: int, path: Path) -> Path:
    """The SQLite ledger of that version, with its kept files beside it (test_migrations.py's _load)."""
    with sqlite3.connect(path) as conn:
        conn.executescript((FIXTURES / f"ledger-v{version}.sql").read_text(encoding="utf-8"))
    conn.close()
    keep_files(version, path)
    return path


def keep_files(version: int, ledger: Path) -> None:
    """The copies of received files the ledger kept (from version 6), in its archive (store/archive.py)."""
    from khoagiao_cli.store.archive import folder_of

    if (kept := FIXTURES / f"ledger-v{version}-files").is_dir():
        shutil.copytree(kept, folder_of(ledger))


def pg_kept_at(url: str) -> Path:
    """Where the received files of the database at `url` are kept: beside the path db_source gives it."""
    import os

    from khoagiao_cli.config.paths import db_source

    return db_source(url, os.environ).path


def pg_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def sqlite_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}


def answers(cli: Any, where: str, folder: Path) -> list[str]:
    """What the commands that read say of the ledger at `where` (its name, and the folder its archive is in,
    blanked). The first migrates it. History's `file_copy` is left out: the fixture's kept files are beside the
    SQLite file, and the PostgreSQL ledger's archive is a folder of the user data dir, empty here."""
    said = []
    for args in (("history", "--format", "json"), ("status", "--year", "2026", "--as-of", "2026-11-23", "--format",
                 "json"), ("request", "list", "--all", "--format", "json"), ("verify",)):
        said.append(cli(*args, "--db", where).stdout.replace(where, "LEDGER").replace(str(folder), "FOLDER"))
    history = json.loads(said[0])
    for event in history["events"]:
        event.pop("file_copy", None)
    said[0] = json.dumps(history, ensure_ascii=False, indent=2)
    return said


@pytest.mark.parametrize("version", VERSIONS)
def test_a_postgresql_ledger_of_every_earlier_step_migrates_as_sqlite_does(cli, pg_url: str, tmp_path: Path,
                                                                            version: int) -> None:  # noqa: ANN001
    """The database at step k holding the fixture's records, opened by today's code: every step 1..7 once in
    kg_schema; every table's rows as the SQLite ledger of the same version has them once migrated (the chain the
    migration to step 5 makes, link by link, the meta it notes); the same history, statuses, requests and
    verdict (the same count, the same chain head)."""
    at_step(pg_url, version)
    fill(pg_url, version)
    keep_files(version, pg_kept_at(pg_url))
    db = sqlite_ledger(version, tmp_path / f"v{version}.sqlite3")
    pg_said = answers(cli, pg_url, pg_kept_at(pg_url).parent)
    sqlite_said = answers(cli, str(db), db.parent)

    with psycopg.connect(pg_url) as conn:
        steps = conn.execute("SELECT step, count(*) FROM kg_schema GROUP BY step ORDER BY step").fetchall()
    assert steps == [(step, 1) for step in range(1, SCHEMA_VERSION + 1)]
    assert pg_rows(pg_url) == sqlite_rows(db)
    assert pg_said == sqlite_said
    records = len(pg_rows(pg_url)["chain"])
    assert f"{records} bản ghi, chuỗi băm khớp" in pg_said[-1] and "Đầu chuỗi: " in pg_said[-1]
    assert (f"{records} bản ghi có từ trước khi có chuỗi băm" in pg_said[-1]) == (version < 5)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_migrated_postgresql_ledger_records_and_stays_append_only(cli, pg_url: str, version: int,
                                                                     ) -> None:  # noqa: ANN001
    at_step(pg_url, version)
    fill(pg_url, version)
    keep_files(version, pg_kept_at(pg_url))
    out = cli("submit", "lhh", "monthly", "--period", "2026-10", "--received", "2026-10-15", "--as-of", "2026-11-23",
              "--db", pg_url).stdout
    assert "Đúng hạn" in out
    cli("verify", "--db", pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for sql in ("UPDATE events SET received = '2020-01-01'", "DELETE FROM events", "TRUNCATE events CASCADE"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)


# ---------------------------------------------------------------------------- what today's khoagiao does not open


def tables_of(url: str) -> list[tuple[str, str]]:
    """Every table and its rows, as text: to see that nothing was changed."""
    with psycopg.connect(url) as conn:
        names = [n for (n,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                            " ORDER BY 1")]
        return [(n, str(conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall())) for n in names]


def test_a_ledger_of_a_newer_khoagiao_is_refused(cli, cfg: Path, pg_url: str) -> None:  # noqa: ANN001
    """A database a newer khoagiao brought to step 8: refused with the "newer" message, exit 1 (as a SQLite file
    of a newer schema is: test_ledger.py), for reading, recording and verifying alike; nothing changed."""
    cli("submit", "syt", "q1", "--as-of", "2026-03-10", "--db", pg_url)
    with psycopg.connect(pg_url) as conn:
        conn.execute(f"INSERT INTO kg_schema (step) VALUES ({SCHEMA_VERSION + 1})")
    before = tables_of(pg_url)
    for args in (["due"], ["history"], ["verify"], ["submit", "syt", "monthly", "--period", "2026-01", "--as-of",
                                                     "2026-02-10"]):
        r = cli(*args, "--db", pg_url, code=1)
        assert "phiên bản khoagiao mới hơn" in r.stderr and f"{SCHEMA_VERSION + 1} > {SCHEMA_VERSION}" in r.stderr
        assert "Traceback" not in r.stderr
    assert tables_of(pg_url) == before


@pytest.mark.parametrize("tables", [
    ["CREATE TABLE events (id integer PRIMARY KEY, name text)"],
    ["CREATE TABLE meta (key text PRIMARY KEY, value text)", "CREATE TABLE events (id integer PRIMARY KEY, name text)"],
], ids=["events", "meta-and-events"])
def test_another_programs_database_is_never_written(cli, cfg: Path, pg_url: str, tables: list[str]) -> None:  # noqa: ANN001
    """A database holding another program's `events` table and no kg_schema is not a ledger: refused (pg_foreign,
    exit 1) for reading, recording and verifying; khoagiao adds nothing to it."""
    with psycopg.connect(pg_url) as conn:
        for sql in tables:
            conn.execute(sql)
        conn.execute("INSERT INTO events VALUES (1, 'not a report')")
    before = tables_of(pg_url)
    for args in (["due"], ["history"], ["verify"], ["submit", "syt", "monthly", "--period", "2026-01", "--as-of",
                                                     "2026-02-10"]):
        r = cli(*args, "--db", pg_url, code=1)
        assert "không phải sổ theo dõi khoagiao" in r.stderr, r.stderr
        assert "SQLite" not in r.stderr and "cơ sở dữ liệu trống" in r.stderr  # it is no file: said as a database
        assert "Traceback" not in r.stderr
    assert tables_of(pg_url) == before


# ---------------------------------------------------------------------------- found by these tests


def test_a_file_kept_on_postgresql_is_where_verify_looks_for_it(cli, pg_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    """Found by the migration from step 6, whose ledger kept a received file: on PostgreSQL, history gave no
    `file_copy` for it, while SQLite's did. `submit --file` keeps the copy in `archive.folder_of(ledger.where)`, and
    a PostgreSQL ledger's `where` is its URL: the copy goes into a folder named `postgresql:/user@host:port/…` made
    in the working directory (the very symptom of issue 12, for files); history and explain look there too, from
    wherever they are run; verify looks in the folder db_source names (the user data dir), finds the copy "lost"
    and exits 1. The copy must be kept where verify looks, and nothing made in the working directory."""
    from khoagiao_cli.store.archive import folder_of

    report = tmp_path / "125-BC-LHH.txt"
    report.write_text("Báo cáo tháng 10/2026", encoding="utf-8")
    cli("submit", "lhh", "monthly", "--period", "2026-10", "--received", "2026-10-15", "--as-of", "2026-11-23",
        "--file", str(report), "--db", pg_url)
    made_here = list(Path.cwd().iterdir())
    copy = json.loads(cli("history", "--format", "json", "--db", pg_url).stdout)["events"][0]["file_copy"]
    verdict = cli("verify", "--db", pg_url, code=None)
    assert not made_here, made_here
    assert copy is not None and Path(copy).parent == folder_of(pg_kept_at(pg_url)), copy
    assert verdict.exit_code == 0, verdict.stdout + verdict.stderr
