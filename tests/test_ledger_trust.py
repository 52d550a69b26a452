"""A ledger only khoagiao writes, only its owner reads, and that shows tampering (issue 9).

Each test here failed on main before the change it names. The tampering is done as an attacker would: straight
into the file through sqlite3, past khoagiao; on PostgreSQL (issue 12) as the database's owner would, with the
triggers dropped or, for a moment, not firing (backends.PAST_THE_TRIGGERS).
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from backends import BOTH, PAST_THE_TRIGGERS, POSTGRESQL_ONLY, SQLITE_ONLY, Backend
from conftest import write_config

from khoagiao_cli.store.migrations import APPLICATION_ID

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
pytestmark = BOTH


@pytest.fixture
def db(cfg, backend) -> Backend:
    """The ledger KHOAGIAO_DB names, with the default rules tracked from 01/01/2026."""
    return backend


def fill(cli) -> None:
    """Three events, a request, an incident: every kind of record the chain covers."""
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-19", "--as-of", "2026-02-10")
    cli("submit", "sgddt", "monthly", "--period", "2026-01", "--received", "2026-01-22", "--as-of", "2026-02-10")
    cli("withdraw", "sgddt", "monthly", "--period", "2026-01")
    cli("request", "add", "--id", "nhanh", "--title", "Báo cáo nhanh", "--deadline", "2026-03-20", "--units", "syt",
        "--as-of", "2026-03-01")
    cli("incident", "add", "syt", "--title", "Sự cố", "--occurred", "2026-03-02T08:00", "--as-of", "2026-03-02")


def tamper(db: Backend, sqlite: list[str], postgresql: list[str]) -> None:
    """The same change past khoagiao, as each database lets it be made."""
    db.tamper(*(postgresql if db.postgresql else sqlite))


# ---------------------------------------------------------------------------- only its own file


@SQLITE_ONLY
@pytest.mark.parametrize("version", [0, 3, 4])
def test_another_databases_file_is_never_opened(cli, cfg, tmp_path, version) -> None:
    """A file with another program's tables was refused only when its user_version was 0; one that happened to
    say 3 or 4 got khoagiao's tables added. Now only a file carrying khoagiao's application_id is opened."""
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute(f"PRAGMA user_version = {version}")
    before = other.read_bytes()
    for args in (["due"], ["history"], ["submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10"]):
        r = cli(*args, "--db", str(other), code=1)
        assert "không phải sổ theo dõi khoagiao" in r.stderr, r.stderr
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()


@POSTGRESQL_ONLY
def test_another_programs_database_is_never_written(cli, db) -> None:
    """The counterpart of the above: a database that holds another program's tables named like khoagiao's."""
    db.tamper("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT)",
              "INSERT INTO events VALUES (1, 'x')")
    for args in (["due"], ["history"], ["submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10"]):
        r = cli(*args, code=1)
        assert "không phải sổ theo dõi khoagiao" in r.stderr, r.stderr
    assert db.rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1") == [("events",), ("meta",)]
    assert db.rows("SELECT * FROM events") == [(1, "x")]


@SQLITE_ONLY
def test_a_new_ledger_carries_khoagiaos_application_id(cli, db) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")
    with db.connect() as conn:
        assert conn.one("PRAGMA application_id") == APPLICATION_ID != 0


@SQLITE_ONLY
def test_an_empty_file_becomes_a_ledger(cli, db) -> None:
    Path(db.where).parent.mkdir()
    Path(db.where).touch()
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")
    cli("verify")


# ---------------------------------------------------------------------------- only its owner reads it


@SQLITE_ONLY
@POSIX
def test_the_ledger_and_its_folders_are_owner_only(cli, cfg, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("KHOAGIAO_DB")  # the default place
    old = os.umask(0o022)
    try:
        cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")  # the default place
        home = tmp_path / "home"
        ledger = home / "data" / "khoagiao.sqlite3"
        assert stat.S_IMODE(ledger.stat().st_mode) == 0o600
        assert stat.S_IMODE((home / "data").stat().st_mode) == 0o700
        for side in ("-wal", "-shm"):
            side_file = Path(f"{ledger}{side}")
            if side_file.exists():
                assert stat.S_IMODE(side_file.stat().st_mode) == 0o600, side
        cli("due", "--as-of", "2026-02-10")
        assert stat.S_IMODE((home / "cache").stat().st_mode) == 0o700
        for cached in (home / "cache").rglob("*"):
            assert stat.S_IMODE(cached.stat().st_mode) in (0o600, 0o700), cached
    finally:
        os.umask(old)


# ---------------------------------------------------------------------------- tampering shows


def test_an_untouched_ledger_verifies(cli, db) -> None:
    fill(cli)
    r = cli("verify")
    assert "5 bản ghi" in r.stdout and "khớp" in r.stdout, r.stdout
    head = r.stdout.split("Đầu chuỗi: ")[1].split()[0]
    assert len(head) == 64
    english = cli("--lang", "en", "verify")
    assert "5 records" in english.stdout and head in english.stdout


def test_no_ledger_yet_is_not_said_to_verify(cli, db) -> None:
    """Nothing was checked: a cron job's verify of a ledger that was deleted, or named wrong, must not pass."""
    r = cli("verify", code=1)
    assert f"Chưa có sổ theo dõi tại {db.shown}: không có gì để kiểm tra" in r.stderr, r.stderr
    assert "bản ghi" not in r.stdout + r.stderr and "khớp" not in r.stdout + r.stderr
    assert f"No ledger at {db.shown} yet: nothing to verify" in cli("verify", "--lang", "en", code=1).stderr
    assert not db.exists()


def test_a_replace_shows(cli, db) -> None:
    """`REPLACE INTO events (id, …)` rewrote event #1 and `history` showed the forged values."""
    fill(cli)
    tamper(db, ["REPLACE INTO events (id, kind, unit, report, period, received, recorded_at, recorded_by)"
                " VALUES (1, 'submit', 'syt', 'monthly', '2026-01', '2026-01-10', '2026-01-10T08:00:00+07:00', 'x')"],
           [PAST_THE_TRIGGERS, "UPDATE events SET received = '2026-01-10', recorded_by = 'x' WHERE id = 1"])
    r = cli("verify", code=1)
    assert "sự kiện #1" in r.stderr and "bị sửa" in r.stderr, r.stderr


def test_a_dropped_trigger_and_an_update_show(cli, db) -> None:
    fill(cli)
    tamper(db, ["DROP TRIGGER events_no_update", "UPDATE events SET received = '2026-01-01' WHERE id = 2"],
           ["DROP TRIGGER events_no_update ON events", "UPDATE events SET received = '2026-01-01' WHERE id = 2"])
    r = cli("verify", code=1)
    assert "events_no_update" in r.stderr and "sự kiện #2" in r.stderr, r.stderr


def test_a_deleted_row_shows(cli, db) -> None:
    fill(cli)
    tamper(db, ["DROP TRIGGER events_no_delete", "DELETE FROM events WHERE id = 3"],
           [PAST_THE_TRIGGERS, "DELETE FROM events WHERE id = 3"])
    r = cli("verify", code=1)
    assert "sự kiện #3" in r.stderr and "bị xóa" in r.stderr, r.stderr


def test_a_back_dated_row_shows(cli, db) -> None:
    fill(cli)
    db.tamper("INSERT INTO events (kind, unit, report, period, received, recorded_at, recorded_by)"
              " VALUES ('submit', 'hkh', 'monthly', '2026-01', '2026-01-05', '2026-01-05T08:00:00+07:00', 'clerk')")
    r = cli("verify", code=1)
    assert "sự kiện #4" in r.stderr and "ngoài khoagiao" in r.stderr, r.stderr


@pytest.mark.parametrize(("table", "shown"), [("requests", "yêu cầu #"), ("incidents", "sự việc #")])
def test_the_other_records_are_chained_too(cli, db, table, shown) -> None:
    fill(cli)
    key = "seq" if table == "requests" else "id"
    column = "title"
    change = f"UPDATE {table} SET {column} = 'khác' WHERE {key} = 1"
    tamper(db, [f"DROP TRIGGER {table}_no_update", change], [f"DROP TRIGGER {table}_no_update ON {table}", change])
    r = cli("verify", code=1)
    assert shown in r.stderr, r.stderr


def test_a_changed_creation_day_shows(cli, db) -> None:
    """The creation day decides where tracking starts: moving it would turn reports overdue or not."""
    fill(cli)
    change = "UPDATE meta SET value = '2025-01-01' WHERE key = 'created_on'"
    tamper(db, ["DROP TRIGGER IF EXISTS meta_no_update", change], [PAST_THE_TRIGGERS, change])
    cli("verify", code=1)


def test_export_carries_the_chain_head_and_verify_finds_it(cli, db, tmp_path) -> None:
    """A printed report can later be checked against the ledger: the export names the chain head then."""
    fill(cli)
    data = json.loads(cli("export", "--format", "json", "--year", "2026", "--as-of", "2026-03-10").stdout)
    head = data["ledger"]["chain_head"]
    assert data["ledger"]["records"] == 5 and len(head) == 64
    cli("submit", "hkh", "monthly", "--period", "2026-02", "--as-of", "2026-03-10")  # the ledger goes on
    r = cli("verify", "--head", head)
    assert "bản ghi thứ 5" in r.stdout, r.stdout
    # rewrite history before that report and recompute the whole chain: the old head is no longer in it
    changes = ["UPDATE events SET received = '2026-01-10' WHERE id = 2", "DELETE FROM chain"]
    tamper(db, ["DROP TRIGGER chain_no_delete", "DROP TRIGGER events_no_update", *changes],
           [PAST_THE_TRIGGERS, *changes])
    forged = cli("verify", "--head", head, code=1)
    assert head[:12] in forged.stderr


def test_a_bad_head_is_bad_input(cli, db) -> None:
    r = cli("verify", "--head", "xyz", code=2)
    assert "--head" in r.stderr


# ---------------------------------------------------------------------------- a full disk


@SQLITE_ONLY  # the file-size limit of the process that writes the file
@POSIX
def test_a_full_disk_loses_nothing_and_says_so(cli, db) -> None:
    """A write that cannot reach the disk (here: the file-size limit, as a full disk does) was reported as
    "cannot commit - no transaction is active"; now as a full disk, exit 1, and the ledger is as it was."""
    import resource
    import signal
    import subprocess

    fill(cli)
    before = cli("verify").stdout
    limit = 0  # not one more byte may be written to any file

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = subprocess.run(
        [sys.executable, "-m", "khoagiao_cli", "submit", "hkh", "monthly", "--period", "2026-02", "--as-of",
         "2026-03-10", "--note", "x" * 1900],
        capture_output=True, text=True, encoding="utf-8", preexec_fn=small_disk, env=os.environ, check=False,
    )
    assert r.returncode == 1 and "Đĩa đầy" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert cli("verify").stdout == before
    with db.connect() as conn:
        assert conn.one("PRAGMA integrity_check") == "ok"
    cli("submit", "hkh", "monthly", "--period", "2026-02", "--as-of", "2026-03-10")  # room again: it records
    assert "6 bản ghi" in cli("verify").stdout


# ---------------------------------------------------------------------------- found by the attacker's trial


@SQLITE_ONLY  # SQLite's schema 4 made by hand
def test_a_ledger_turned_back_into_schema_4_is_not_vouched_for(cli, db) -> None:
    """Edit a row, drop the chain, say schema 4: verify used to migrate it itself, re-chain the forged rows and
    approve them. Now verify never migrates; the next command does, and verify then says how many records
    were chained by that migration rather than when they were written."""
    fill(cli)
    conn = sqlite3.connect(db.where)
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'events_no_update'").fetchone()[0]
    conn.executescript(
        f"DROP TRIGGER events_no_update; UPDATE events SET received = '2026-01-25' WHERE id = 1; {trigger};"
        "DROP TRIGGER chain_no_update; DROP TRIGGER chain_no_delete; DROP TRIGGER meta_no_update;"
        "DROP TRIGGER meta_no_delete; DROP TRIGGER IF EXISTS meta_no_replace; DROP TABLE chain;"
        "DELETE FROM sqlite_sequence WHERE name = 'chain'; PRAGMA application_id = 0; PRAGMA user_version = 4;"
        "DROP TABLE voids; DROP TABLE incident_cancels;"  # schema 6's
        "DROP INDEX events_in_force; CREATE INDEX events_by_instance ON events (unit, report, period, id);"  # 7's
        "DELETE FROM sqlite_sequence WHERE name IN ('voids', 'incident_cancels');")
    conn.commit()
    conn.close()
    r = cli("verify", code=1)
    assert "lược đồ 4" in r.stderr and "chưa có chuỗi băm" in r.stderr, r.stderr
    cli("due", "--as-of", "2026-03-10")  # upgrades it
    r = cli("verify")
    assert "5 bản ghi có từ trước khi có chuỗi băm" in r.stdout, r.stdout


def test_a_schema_version_set_back_with_the_mark_kept_is_tampering(cli, db) -> None:
    """A khoagiao mark (schema 5 on) with an older version number cannot have come from khoagiao: it said
    "table chain already exists" in SQLite's English."""
    fill(cli)
    tamper(db, ["PRAGMA user_version = 4"], [PAST_THE_TRIGGERS, "DELETE FROM kg_schema WHERE step > 4"])
    for args in (["due"], ["verify"]):
        r = cli(*args, code=1)
        assert "đã bị sửa ngoài khoagiao" in r.stderr and "already exists" not in r.stderr, r.stderr


def test_a_damaged_row_is_a_message_never_a_traceback(cli, db) -> None:
    """Every command that reads the damaged row says so (`status` reads only the periods it shows: the rows are
    of periods it shows)."""
    fill(cli)
    db.tamper("INSERT INTO events (kind, unit, report, period, received, recorded_at, recorded_by)"
              " VALUES ('submit', 'syt', 'monthly', '2026-02', 'garbage', 'x', 'x')")
    said_by_every_reader(cli)


@SQLITE_ONLY  # bytes in a text column: PostgreSQL refuses them itself
def test_a_row_of_bytes_is_a_message_never_a_traceback(cli, db) -> None:
    fill(cli)
    db.tamper("REPLACE INTO events (id, kind, unit, report, period, received, recorded_at, recorded_by, note)"
              " VALUES (1, 'submit', 'syt', 'monthly', '2026-01', '2026-01-19', 'x', 'x', X'00ff')")
    said_by_every_reader(cli)


def said_by_every_reader(cli) -> None:  # noqa: ANN001
    assert "sự kiện #" in cli("verify", code=1).stderr
    for args in (["history"], ["history", "--format", "json"], ["status", "syt", "--as-of", "2026-03-10"],
                 ["submit", "syt", "monthly", "--period", "2026-02", "--as-of", "2026-03-10"]):
        r = cli(*args, code=1)
        assert "khoagiao verify" in r.stderr, (args, r.stderr)


def test_a_damaged_creation_day_is_a_message(cli, db, tmp_path, monkeypatch) -> None:
    fill(cli)
    change = "UPDATE meta SET value = 'garbage' WHERE key = 'created_on'"
    tamper(db, ["DROP TRIGGER meta_no_update", change], [PAST_THE_TRIGGERS, change])
    # with no tracking_start configured, tracking starts on the ledger's creation day
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "plain", tracking_start=None)))
    r = cli("due", code=1)
    assert "khoagiao verify" in r.stderr, r.stderr
    cli("verify", code=1)


@pytest.mark.parametrize("hash_", ["ạ", "ab\x1b[31m"])
def test_a_forged_chain_row_is_named_and_breaks_nothing_else(cli, db, tmp_path, hash_) -> None:
    fill(cli)
    db.tamper(f"INSERT INTO chain (tbl, row_id, hash) VALUES ('foo', 1, '{hash_}')")
    r = cli("verify", code=1)
    assert "mắt xích #6" in r.stderr and "\x1b" not in r.stderr, r.stderr
    cli("submit", "hkh", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")  # the ledger goes on
    cli("export", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--as-of", "2026-03-10")


def test_the_last_record_deleted_with_its_link_shows(cli, db) -> None:
    """Both rows deleted and the triggers put back: the chain alone still fits, but SQLite's own numbering
    (AUTOINCREMENT never reuses a number) remembers that there were more."""
    fill(cli)
    if db.postgresql:
        db.tamper(PAST_THE_TRIGGERS, "DELETE FROM incidents", "DELETE FROM chain WHERE seq = 5")
        r = cli("verify", code=1)
        assert "sự việc #1" in r.stderr and "bị xóa" in r.stderr, r.stderr
        return
    conn = sqlite3.connect(db.where)
    saved = {n: conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (n,)).fetchone()[0]
             for n in ("incidents_no_delete", "chain_no_delete")}
    conn.executescript("DROP TRIGGER incidents_no_delete; DROP TRIGGER chain_no_delete;"
                       "DELETE FROM incidents; DELETE FROM chain WHERE seq = 5;" + ";".join(saved.values()) + ";")
    conn.commit()
    conn.close()
    r = cli("verify", code=1)
    assert "sự việc #1" in r.stderr and "bị xóa" in r.stderr, r.stderr


def test_a_middle_record_deleted_with_its_link_is_named(cli, db) -> None:
    fill(cli)
    changes = ["DELETE FROM events WHERE id = 2", "DELETE FROM chain WHERE seq = 2"]
    tamper(db, ["DROP TRIGGER events_no_delete", "DROP TRIGGER chain_no_delete", *changes], [PAST_THE_TRIGGERS, *changes])
    r = cli("verify", code=1)
    assert "mắt xích #2" in r.stderr and "bị xóa" in r.stderr, r.stderr


def test_replace_into_meta_changes_nothing(cli, db) -> None:
    """REPLACE does not fire delete triggers: it rewrote the creation day past meta_no_update. (PostgreSQL's
    REPLACE is an insert that, on a conflict, updates.)"""
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")
    (day,) = db.rows("SELECT value FROM meta WHERE key = 'created_on'")
    tamper(db, ["REPLACE INTO meta (key, value) VALUES ('created_on', '2020-01-01')"],
           ["INSERT INTO meta (key, value) VALUES ('created_on', '2020-01-01')"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"])
    assert db.rows("SELECT value FROM meta WHERE key = 'created_on'") == [day]
    cli("verify")


def test_verify_needs_no_configuration(cli, db, tmp_path, monkeypatch) -> None:
    fill(cli)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "units.yaml").write_text("units: [\n", encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(broken))
    if db.postgresql:  # where its received files are is the configuration's (files:): an error there is said
        assert "units.yaml:2" in cli("verify", code=2).stderr
        monkeypatch.setenv("KHOAGIAO_FILES", str(tmp_path / "files"))  # unless said elsewhere
    assert "5 bản ghi" in cli("verify").stdout


def test_only_a_missing_head_is_not_called_zero_mismatches(cli, db) -> None:
    fill(cli)
    r = cli("verify", "--head", "0" * 64, code=1)
    assert "0 chỗ" not in r.stderr and "không có trong chuỗi" in r.stderr, r.stderr


@POSTGRESQL_ONLY
@pytest.mark.parametrize(("change", "named"), [
    ("ALTER TABLE requests ALTER COLUMN note TYPE varchar(20)", "requests"),  # a note cut short from now on
    ("ALTER TABLE events ALTER COLUMN recorded_by DROP NOT NULL", "events"),  # a record with no recorder
    ("ALTER TABLE reminders ALTER COLUMN unit TYPE text COLLATE \"POSIX\"", "reminders"),  # another collation
    ("ALTER TABLE reminders ADD COLUMN extra text", "reminders"),
    ("ALTER FUNCTION kg_recorder() SECURITY DEFINER", "kg_recorder"),
    ("ALTER FUNCTION kg_number() SECURITY INVOKER", "kg_number"),
])
def test_a_changed_column_or_function_privilege_shows(cli, db, change: str, named: str) -> None:
    """Verify compared the tables by name and the functions by body only (issue 12's note): a column's type,
    NOT NULL or collation changed by the database's owner, or a function made to run with other rights, passed
    unseen. Now each table's columns and each function's SECURITY DEFINER are compared too."""
    fill(cli)
    assert cli("verify").exit_code == 0
    db.tamper(change)
    r = cli("verify", code=1)
    assert named in r.stderr and "Traceback" not in r.output, r.stderr
