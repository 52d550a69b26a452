"""The ledger: migrations from an empty file, append-only, and every way it can be unusable. What is not about
SQLite's file runs on PostgreSQL too (issue 12)."""

from __future__ import annotations

import os
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from backends import BOTH, POSTGRESQL_ONLY, Backend
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khoagiao_cli.core.status import Event
from khoagiao_cli.errors import LedgerError
from khoagiao_cli.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from khoagiao_cli.store.sqlite import SQLiteLedger as Ledger

TODAY = date(2026, 3, 10)


def ev(n: int = 1) -> Event:
    return Event(0, "submit", "syt", "monthly", f"2026-{n:02d}", TODAY, recorded_at="2026-03-10T08:00:00+07:00", recorded_by="t")


def test_migrations_from_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "l.sqlite3"
    ledger = Ledger.open(path, created_on=TODAY)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {"meta", "events"}
    assert ledger.created_on() == TODAY
    ledger.close()
    # opening again changes nothing, not even the creation day
    again = Ledger.open(path, created_on=date(2027, 1, 1))
    assert again.created_on() == TODAY
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@BOTH
def test_events_round_trip_in_order(backend: Backend) -> None:
    ledger = backend.open_ledger(created_on=TODAY)
    with ledger.write():
        ids = [ledger.append(ev(n)) for n in (1, 2)]
    got = ledger.events()
    assert [e.id for e in got] == ids and [e.period for e in got] == ["2026-01", "2026-02"]
    assert got[0].received == TODAY and got[0].recorded_by == backend.recorded_by("t")
    assert [e.period for e in ledger.events(period="2026-02")] == ["2026-02"]


@BOTH
def test_the_ledger_is_append_only(backend: Backend) -> None:
    ledger = backend.open_ledger(created_on=TODAY)
    with ledger.write():
        ledger.append(ev())
    ledger.close()
    with backend.connect() as db:
        for sql in ("UPDATE events SET received = '2020-01-01'", "DELETE FROM events"):
            with pytest.raises(backend.refused, match="append-only"):
                db.execute(sql)


@BOTH
def test_a_failed_transaction_writes_nothing(backend: Backend) -> None:
    ledger = backend.open_ledger(created_on=TODAY)
    with pytest.raises(RuntimeError):
        with ledger.write():
            ledger.append(ev(1))
            raise RuntimeError("boom")
    assert ledger.events() == []


@BOTH
def test_a_ledger_from_a_newer_khoagiao_is_refused(backend: Backend) -> None:
    backend.open_ledger(created_on=TODAY).close()
    backend.tamper(f"PRAGMA user_version = {SCHEMA_VERSION + 1}" if not backend.postgresql
                   else f"INSERT INTO kg_schema (step) VALUES ({SCHEMA_VERSION + 1})")
    with pytest.raises(LedgerError) as info:
        backend.open_ledger(created_on=TODAY)
    assert info.value.key == "db_newer" and info.value.exit_code == 1


def test_a_file_that_is_not_a_ledger(tmp_path: Path) -> None:
    path = tmp_path / "l.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(LedgerError) as info:
        Ledger.open(path, created_on=TODAY)
    assert info.value.key == "db_corrupt"


@BOTH
def test_a_locked_ledger_times_out_with_a_message(backend: Backend) -> None:
    ledger = backend.open_ledger(created_on=TODAY, timeout=0.2)
    with backend.writer_waiting():
        with pytest.raises(LedgerError) as info:
            with ledger.write():
                ledger.append(ev())
        assert info.value.key == "db_locked"
    assert ledger.events() == []


# ---------------------------------------------------------------------------- through the CLI: exit 1, nothing changed


@BOTH
def test_cli_locked(cli, cfg, backend, monkeypatch) -> None:
    monkeypatch.setenv("KHOAGIAO_DB_TIMEOUT", "0.2")
    cli("submit", "syt", "q1", "--as-of", "2026-03-10")
    with backend.writer_waiting():
        r = cli("submit", "bhxh-kh", "q1", "--as-of", "2026-03-10", code=1)
    assert "đang bị tiến trình khác khóa" in r.stderr and "không có gì được ghi" in r.stderr
    assert backend.count("events") == 1
    cli("submit", "bhxh-kh", "q1", "--as-of", "2026-03-10")  # the lock let go: it records
    assert backend.count("events") == 2


def test_cli_locked_readonly_corrupt_newer(cli, cfg, tmp_path, monkeypatch) -> None:
    db = tmp_path / "l.sqlite3"
    monkeypatch.setenv("KHOAGIAO_DB", str(db))
    monkeypatch.setenv("KHOAGIAO_DB_TIMEOUT", "0.2")
    cli("submit", "syt", "q1", "--as-of", "2026-03-10")

    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    r = cli("submit", "bhxh-kh", "q1", "--as-of", "2026-03-10", code=1)
    holder.execute("ROLLBACK")
    holder.close()
    assert "đang bị tiến trình khác khóa" in r.stderr and "không có gì được ghi" in r.stderr

    if os.geteuid() != 0:  # root ignores file permissions; test_a_readonly_ledger_refuses_writes covers it
        os.chmod(db, 0o444)
        r = cli("submit", "bhxh-kh", "q1", "--as-of", "2026-03-10", code=1)
        assert "chỉ cho phép đọc" in r.stderr
        os.chmod(db, 0o644)

    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a newer khoagiao's file says it is one
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    r = cli("due", "--db", str(newer), code=1)
    assert "phiên bản khoagiao mới hơn" in r.stderr

    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"x" * 4096)
    r = cli("due", "--db", str(bad), code=1)
    assert "không phải sổ theo dõi khoagiao hoặc đã hỏng" in r.stderr
    assert "Traceback" not in r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_a_readonly_ledger_refuses_writes(tmp_path: Path) -> None:
    """Opened read-only (as a write-protected file is), a write is refused with a message."""
    path = tmp_path / "l.sqlite3"
    Ledger.open(path, created_on=TODAY).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    ledger = Ledger(path, conn)
    with pytest.raises(LedgerError) as info:
        with ledger.write():
            ledger.append(ev())
    assert info.value.key == "db_readonly"


def test_another_programs_database_is_never_written(cli, cfg, tmp_path) -> None:
    other = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    before = other.read_bytes()
    for args in (["due", "--db", str(other)], ["submit", "syt", "q1", "--db", str(other), "--as-of", "2026-03-10"]):
        r = cli(*args, code=1)
        assert "không phải sổ theo dõi khoagiao" in r.stderr and "Traceback" not in r.output
    assert other.read_bytes() == before
    with sqlite3.connect(other) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["contacts"]


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "inf", ""])
def test_a_bad_timeout_is_bad_input(cli, cfg, monkeypatch, value) -> None:
    monkeypatch.setenv("KHOAGIAO_DB_TIMEOUT", value)
    r = cli("submit", "syt", "q1", "--as-of", "2026-03-10", code=2)
    assert "KHOAGIAO_DB_TIMEOUT" in r.stderr and "Traceback" not in r.output


KEYS = [("syt", "monthly", "2026-01"), ("syt", "q1", "2026-Q1"), ("bhxh-kh", "monthly", "2026-01")]


@BOTH
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # each example empties the ledger
@given(steps=st.lists(st.tuples(st.sampled_from(["submit", "correct", "withdraw", "void"]), st.sampled_from(KEYS)),
                      max_size=12))
def test_in_force_is_the_latest_event_unless_a_withdrawal(backend: Backend, steps) -> None:
    """The rule, said once here (tests/reference.py) and once in the view `in_force` (PostgreSQL: one pass of
    DISTINCT ON): a correction replaces, a withdrawal reopens, a voided event counts as never recorded; asked
    for some keys (a unit, a report, a period, a year's periods), the same events as the whole answer has."""
    from reference import in_force as reference_in_force

    from khoagiao_cli.core.status import Void

    backend.empty()
    ledger = backend.open_ledger(created_on=TODAY)
    written: list[Event] = []
    voided: set[int] = set()
    with ledger.write():
        for n, (kind, key) in enumerate(steps, 1):
            if kind == "void":  # the office's entry error: the key's last event, undone
                if last := [e for e in written if (e.unit, e.report, e.period) == key and e.id not in voided]:
                    ledger.add_void(Void(0, last[-1].id, None, "t", "t"))
                    voided.add(last[-1].id)
                continue
            received = None if kind == "withdraw" else date(2026, 1, n)
            event = Event(0, kind, *key, received, recorded_at="t", recorded_by="t")
            written.append(event._replace(id=ledger.append(event)))
    expected = {k: e.received for k, e in reference_in_force(written, voided).items()}
    got = ledger.in_force()
    assert {k: e.received for k, e in got.items()} == expected
    assert ledger.keys_in_force() == set(expected)
    assert ledger.keys_in_force(unit="bhxh-kh") == {k for k in expected if k[0] == "bhxh-kh"}
    # seen from a past day, only what had arrived by then (core.status.arrived, restated in SQL)
    from datetime import datetime, timedelta, timezone

    from khoagiao_cli.core.status import arrived

    for day in (3, 7):
        by = datetime(2026, 1, day, 12, tzinfo=timezone(timedelta(hours=7)))
        assert ledger.keys_in_force(by=by) == {k for k, e in got.items() if arrived(e, by.date(), by)}
    assert ledger.in_force(report="q1") == {k: e for k, e in got.items() if k[1] == "q1"}
    assert ledger.in_force(unit="syt", period="2026-01") == {k: e for k, e in got.items() if k[::2] == ("syt", "2026-01")}
    for periods in (["2026-01"], ["2026-Q1", "2026-02"]):
        assert ledger.in_force(periods=periods) == {k: e for k, e in got.items() if k[2] in periods}
        assert ledger.in_force(unit="syt", periods=periods) == {k: e for k, e in got.items()
                                                                  if k[0] == "syt" and k[2] in periods}
    ledger.close()


def test_a_reader_never_writes(tmp_path: Path) -> None:
    from khoagiao_cli.store import open_reader

    path = tmp_path / "l.sqlite3"
    ledger = Ledger.open(path, created_on=TODAY)
    with ledger.write():
        ledger.append(ev())
    ledger.close()
    reader = open_reader(path, today=TODAY, timeout=1)
    assert len(reader.events()) == 1
    with pytest.raises(LedgerError) as info:
        with reader.write():  # type: ignore[attr-defined]  # a Reader has no write(); the SQLite one refuses it
            reader.append(ev(2))  # type: ignore[attr-defined]
    assert info.value.key == "db_readonly"
    missing = open_reader(tmp_path / "none.sqlite3", today=TODAY, timeout=1)
    assert missing.events() == [] and missing.created_on() == TODAY
    assert not (tmp_path / "none.sqlite3").exists()


@POSTGRESQL_ONLY
def test_a_reader_of_an_empty_database_creates_nothing(backend: Backend) -> None:
    """The counterpart of the above: reading a database that holds no ledger yet makes no table in it."""
    from khoagiao_cli.store import open_reader

    missing = open_reader(Path("unused"), url=backend.where, today=TODAY, timeout=1)
    assert missing.events() == [] and missing.created_on() == TODAY
    assert not backend.exists()
