"""Migrations from a ledger of every earlier schema version, each written by the real khoagiao of that time.

tests/fixtures/ledger-vN.sql is a dump of a ledger recorded through the CLI of the last commit with N migration
steps, with what that version itself answered (ledger-vN.*.json); scripts/make_ledger_fixtures.sh makes them again.
Opened by today's code, nothing may be lost and the answers must be the same.

The same ledgers on PostgreSQL (issue 12): tests/test_pg_migrations.py.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from khoagiao_cli.store.migrations import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
VERSIONS = sorted(int(p.stem.split("-v")[1]) for p in FIXTURES.glob("ledger-v*.sql"))


@pytest.fixture(autouse=True)
def units_of_their_time(cfg: Path) -> None:
    """The old ledgers were recorded with the units shipped before the 2026 defaults (stnmt, bhxh … in 2026):
    what they answered is compared under those units. test_units_change.py reads one under today's defaults."""
    (cfg / "units.yaml").write_bytes((FIXTURES / "units-before-2026.yaml").read_bytes())


def test_there_is_a_fixture_for_every_earlier_version() -> None:
    assert VERSIONS == list(range(1, SCHEMA_VERSION))


def _load(version: int, path: Path) -> Path:
    """The ledger of that version, with the copies of received files it kept beside it (from version 6)."""
    with sqlite3.connect(path) as conn:
        conn.executescript((FIXTURES / f"ledger-v{version}.sql").read_text(encoding="utf-8"))
    if (kept := FIXTURES / f"ledger-v{version}-files").is_dir():
        shutil.copytree(kept, path.parent / "khoagiao-files")
    return path


def _said(record: dict, keys: dict) -> dict:
    """The fields of `keys` in a history record; a kept copy by its name (the folder was the generator's)."""
    return {k: Path(record[k]).name if k == "file_copy" and record[k] else record[k] for k in keys}


def _rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def _listed(text: str) -> list[dict]:
    """The records of a JSON document (schema 2: an object holding them)."""
    data = json.loads(text)
    assert data["schema"] == 2
    return data[next(k for k in ("instances", "events", "requests") if k in data)]


#: a moment in words, as versions before issue 10 wrote it (time first): "08:30 23/11/2026"
_TIME_FIRST = re.compile(r"\b(\d\d:\d\d) (\d\d/\d\d/\d{4})\b")


def _old(version: int, what: str) -> list[dict]:
    """What that version answered: a bare list up to version 3, a schema-2 document from version 4. The one change
    made on purpose since: a deadline to the minute in words is written date first ("23/11/2026 08:30")."""
    text = _TIME_FIRST.sub(r"\2 \1", (FIXTURES / f"ledger-v{version}.{what}.json").read_text(encoding="utf-8"))
    return json.loads(text) if text.lstrip().startswith("[") else _listed(text)


@pytest.mark.parametrize("version", VERSIONS)
def test_an_old_ledger_is_migrated_and_loses_nothing(cli, cfg, tmp_path, version) -> None:
    db = _load(version, tmp_path / f"v{version}.sqlite3")
    before = _rows(db)
    history = _listed(cli("history", "--format", "json", "--db", str(db)).stdout)  # a read migrates first
    after = _rows(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    records = sum(len(rows) for table, rows in before.items()
                  if table in ("events", "requests", "incidents", "reminders", "voids", "incident_cancels"))
    # the creation day kept; the migration to the chain (schema 5) says how many records it chained (after they
    # were written); a ledger that had the chain already keeps its meta as it was
    chained_late = [("chained_at_upgrade", str(records))] if version < 5 else []
    assert after["meta"] == [*before["meta"], *chained_late]
    for table, rows in before.items():
        if table in ("sqlite_sequence", "meta"):
            continue
        assert [r[: len(rows[0])] for r in after[table]] == rows, table  # every row, every old column
    # what that version said of its own ledger, said again (fields it did not have are new, not changed)
    old = _old(version, "history")
    assert [_said(e, o) for e, o in zip(history, old, strict=True)] == [_said(o, o) for o in old]
    # every record it held is chained by the migration: the chain fits, counts them all, and says when they were
    out = cli("verify", "--db", str(db)).stdout
    assert f"{records} bản ghi, chuỗi băm khớp" in out
    assert (f"{records} bản ghi có từ trước khi có chuỗi băm" in out) == (version < 5)


@pytest.mark.parametrize("version", [v for v in VERSIONS if v >= 2])
def test_an_old_ledger_gives_the_same_statuses(cli, cfg, tmp_path, version) -> None:
    """From version 2 on, the deadlines were computed as today (holidays and moves); the answers must agree."""
    db = _load(version, tmp_path / f"v{version}.sqlite3")
    got = _listed(cli("status", "--year", "2026", "--as-of", "2026-11-23", "--format", "json", "--db", str(db)).stdout)
    old = _old(version, "status")
    assert [{k: r[k] for k in o} for r, o in zip(got, old, strict=True)] == old
    requests = _listed(cli("request", "list", "--all", "--format", "json", "--db", str(db)).stdout)
    old = _old(version, "requests")
    assert [{k: r[k] for k in o} for r, o in zip(requests, old, strict=True)] == old


def test_the_first_version_keeps_every_receipt(cli, cfg, tmp_path) -> None:
    """Version 1 knew no holidays: its deadlines differ from today's, but not what was received, and when."""
    db = _load(1, tmp_path / "v1.sqlite3")
    got = _listed(cli("status", "--year", "2026", "--as-of", "2026-11-23", "--format", "json", "--db", str(db)).stdout)
    old = json.loads((FIXTURES / "ledger-v1.status.json").read_text(encoding="utf-8"))

    def received(rows: list[dict]) -> set[tuple]:
        return {(r["unit"], r["report"], r["period"], r["received"], r.get("doc_number")) for r in rows if "received" in r}

    assert received(got) == received(old) and len(received(got)) > 10


@pytest.mark.parametrize("version", VERSIONS)
def test_a_migrated_ledger_records_and_stays_append_only(cli, cfg, tmp_path, version) -> None:
    db = _load(version, tmp_path / f"v{version}.sqlite3")
    out = cli("submit", "lhh", "monthly", "--period", "2026-10", "--received", "2026-10-15", "--as-of", "2026-11-23",
              "--db", str(db)).stdout
    assert "Đúng hạn" in out
    cli("verify", "--db", str(db))
    with sqlite3.connect(db) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE events SET received = '2020-01-01'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM events")


# The same ledgers on PostgreSQL, from every earlier step: tests/test_pg_migrations.py.
