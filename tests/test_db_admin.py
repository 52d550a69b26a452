"""The ledger's database (issue 12): `db init` with its roles, `db status`, `db copy` between SQLite and PostgreSQL,
and `backup`. Real databases: SQLite files and the PostgreSQL server the tests start (tests/pg_server.py)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import psycopg
import pytest
from ledgers import big_ledger, office_month

import khoagiao_cli
from khoagiao_cli.store.copying import fingerprint


def _answers(cli, where: str) -> list[str]:  # noqa: ANN001
    out = []
    for args in (("due", "--format", "json", "--as-of", "2026-05-02"), ("status", "--format", "json", "--as-of",
                 "2026-05-02"), ("history", "--format", "json"), ("explain", "syt", "monthly", "2026-04", "--as-of",
                 "2026-05-02"), ("verify",)):
        out.append(cli(*args, "--db", where).stdout.replace(where, "LEDGER"))
    return out


def _fingerprint(where: str):  # noqa: ANN202
    from khoagiao_cli.config.paths import db_source
    from khoagiao_cli.store import open_reader

    source = db_source(where, {})
    ledger = open_reader(source.path, url=source.url, today=date.min, timeout=5)
    with ledger.snapshot():  # type: ignore[attr-defined]
        found = fingerprint(ledger)  # type: ignore[arg-type]
    ledger.close()  # type: ignore[attr-defined]
    return found


def test_a_ledger_moves_to_postgresql_and_back_unchanged(cli, cfg: Path, tmp_path: Path, pg_url: str,
                                                          monkeypatch) -> None:  # noqa: ANN001
    """SQLite → PostgreSQL → SQLite: every record with its number, moment and recorder; the same answers word
    for word, the same fingerprint and chain head, verify clean on each."""
    for var in ("LOGNAME", "USER"):
        monkeypatch.setenv(var, "van-thu")
    first, back = str(tmp_path / "first.sqlite3"), str(tmp_path / "back.sqlite3")
    monkeypatch.setenv("KHOAGIAO_DB", first)
    office_month(cli)
    copied = cli("db", "copy", first, pg_url)
    assert "khớp" in copied.stdout and "6 sự kiện" not in copied.stdout
    cli("db", "copy", pg_url, back)
    answers = [_answers(cli, where) for where in (first, pg_url, back)]
    assert answers[0] == answers[1] == answers[2]
    assert json.loads(answers[1][2])["events"][0]["recorded_by"] == "van-thu"  # the copy keeps who recorded it
    assert _fingerprint(first) == _fingerprint(pg_url) == _fingerprint(back)
    status = [json.loads(cli("db", "status", "--format", "json", "--db", w).stdout) for w in (first, pg_url, back)]
    assert [s["backend"] for s in status] == ["sqlite", "postgresql", "sqlite"]
    assert len({(s["head"], s["created_on"], json.dumps(s["counts"]), json.dumps(s["last"])) for s in status}) == 1
    # and the copy goes on as a ledger: the next number follows
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    done = cli("submit", "sgddt", "monthly", "--period", "2026-04", "--received", "2026-04-25", "--as-of", "2026-04-25")
    assert "#5" in done.stdout  # four events came with the copy
    assert cli("verify").exit_code == 0


def test_a_copy_never_goes_into_a_ledger_or_anything_else(cli, cfg: Path, tmp_path: Path, pg_url: str,
                                                          pg_server, monkeypatch) -> None:  # noqa: ANN001
    source = tmp_path / "a.sqlite3"
    monkeypatch.setenv("KHOAGIAO_DB", str(source))
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    other = tmp_path / "b.sqlite3"
    cli("submit", "syt", "monthly", "--period", "2026-04", "--db", str(other), "--as-of", "2026-04-20")
    before = _fingerprint(str(other))
    refused = cli("db", "copy", str(source), str(other), code=2)
    assert "đã có dữ liệu" in refused.stderr and _fingerprint(str(other)) == before
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    cli("db", "copy", str(source), str(pdf), code=2)
    assert pdf.read_bytes() == b"%PDF-1.4"
    cli("db", "copy", str(source), pg_url)
    cli("db", "copy", str(other), pg_url, code=2)  # a ledger there already: two ledgers never mix
    assert json.loads(cli("db", "status", "--format", "json", "--db", pg_url).stdout)["counts"]["events"] == 1
    foreign = pg_server.new_database()
    with psycopg.connect(foreign, autocommit=True) as conn:
        conn.execute("CREATE TABLE events (id integer)")
    cli("db", "copy", str(source), foreign, code=2)
    cli("db", "copy", str(source), str(source), code=2)
    cli("db", "copy", str(tmp_path / "none.sqlite3"), str(tmp_path / "c.sqlite3"), code=2)
    assert not (tmp_path / "c.sqlite3").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == ["a.sqlite3", "b.sqlite3"]


def test_a_tampered_ledger_is_not_copied(cli, cfg: Path, tmp_path: Path, pg_url: str, monkeypatch) -> None:  # noqa: ANN001
    source = tmp_path / "a.sqlite3"
    monkeypatch.setenv("KHOAGIAO_DB", str(source))
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    with sqlite3.connect(source) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("UPDATE events SET received = '2026-04-01'")
    refused = cli("db", "copy", str(source), pg_url, code=1)
    assert "không qua được kiểm tra" in refused.stderr
    assert json.loads(cli("db", "status", "--format", "json", "--db", pg_url).stdout)["exists"] is False


def test_a_ledger_of_100000_events_makes_the_round_trip(tmp_path: Path, pg_url: str, cli) -> None:  # noqa: ANN001
    """The issue's check: SQLite → PostgreSQL → SQLite on 100,000 events gives identical fingerprints (the SHA-256
    over every record in order) and chain heads."""
    first, back = tmp_path / "first.sqlite3", tmp_path / "back.sqlite3"
    big_ledger(first, 100_000)
    there = cli("db", "copy", str(first), pg_url).stdout
    again = cli("db", "copy", pg_url, str(back)).stdout
    digests = {re.search(r"\(([0-9a-f]{64})\)", text).group(1) for text in (there, again)}  # type: ignore[union-attr]
    assert len(digests) == 1
    found = [_fingerprint(str(first)), _fingerprint(pg_url), _fingerprint(str(back))]
    assert found[0] == found[1] == found[2] and found[0].counts["events"] == 100_000
    assert found[0].digest in digests
    assert "100000 bản ghi" in cli("verify", "--db", str(back)).stdout


def test_db_status_says_which_ledger_and_who_wrote_last(cli, cfg: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("KHOAGIAO_DB", str(tmp_path / "l.sqlite3"))
    assert "Chưa có sổ theo dõi" in cli("db", "status").stdout
    assert not (tmp_path / "l.sqlite3").exists()
    monkeypatch.setenv("LOGNAME", "lan")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    text = cli("db", "status", "--lang", "en").stdout
    assert "(SQLite, schema 7)" in text and "1 events" in text and "event #1" in text and "by lan" in text


def _as(url: str, user: str) -> str:
    return re.sub(r"//[^@/]+@", f"//{user}@", url)


def test_db_init_gives_clerks_read_and_add_only_and_readers_read_only(cli, cfg: Path, pg_url: str, pg_server,
                                                                       monkeypatch) -> None:  # noqa: ANN001
    """The database itself refuses a clerk UPDATE, DELETE and TRUNCATE (no privilege), beside the triggers; a
    reader may only read; what a clerk records carries the clerk's role."""
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        for role in ("lan_clerk", "minh_head"):
            conn.execute(f"DROP ROLE IF EXISTS {role}")  # a role is the whole server's: from an earlier run
            conn.execute(f"CREATE ROLE {role} LOGIN")
    made = cli("db", "init", "--db", pg_url, "--clerk-role", "t_clerk", "--reader-role", "t_reader",
               "--clerk", "lan_clerk", "--reader", "minh_head")
    assert "Đã tạo sổ theo dõi" in made.stdout and "lan_clerk: thuộc nhóm t_clerk" in made.stdout
    again = cli("db", "init", "--db", pg_url, "--clerk-role", "t_clerk", "--reader-role", "t_reader")
    assert "đã có" in again.stdout and "Đã tạo nhóm" not in again.stdout
    clerk, head = _as(pg_url, "lan_clerk"), _as(pg_url, "minh_head")
    monkeypatch.setenv("KHOAGIAO_DB", clerk)
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    cli("void", "1", "--note", "nhầm")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-18", "--as-of", "2026-04-20")
    history = json.loads(cli("history", "--format", "json").stdout)
    assert {e["recorded_by"] for e in history["events"]} == {"lan_clerk"}
    with psycopg.connect(clerk, autocommit=True) as conn:
        for sql in ("UPDATE events SET unit = 'x'", "DELETE FROM events", "TRUNCATE events CASCADE",
                    "UPDATE chain SET hash = 'x'", "DELETE FROM meta", "INSERT INTO kg_schema VALUES (99)",
                    "DROP TRIGGER events_no_update ON events"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
    monkeypatch.setenv("KHOAGIAO_DB", head)
    assert cli("due", "--format", "json", "--as-of", "2026-04-25").exit_code == 0
    assert cli("verify").exit_code == 0
    denied = cli("submit", "syt", "monthly", "--period", "2026-04", "--as-of", "2026-04-25", code=1)
    assert "không được phép" in denied.stderr and "Traceback" not in denied.stderr
    with psycopg.connect(head, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO meta VALUES ('x', 'y')")
    assert json.loads(cli("db", "status", "--format", "json").stdout)["counts"]["events"] == 2


def test_db_init_refuses_what_it_cannot_do_and_changes_nothing(cli, cfg: Path, tmp_path: Path, pg_url: str) -> None:  # noqa: ANN001
    missing = cli("db", "init", "--db", pg_url, "--clerk", "nobody_here", code=2)
    assert "nobody_here" in missing.stderr
    # schema, roles and grants are one transaction: the schema is not kept either
    assert json.loads(cli("db", "status", "--format", "json", "--db", pg_url).stdout)["exists"] is False
    bad = cli("db", "init", "--db", pg_url, "--clerk", "Robert'); DROP TABLE events;--", code=2)
    assert "tên vai trò" in bad.stderr
    cli("db", "init", "--db", str(tmp_path / "l.sqlite3"), "--clerk", "lan", code=2)
    assert not (tmp_path / "l.sqlite3").exists()
    assert "Đã tạo sổ theo dõi" in cli("db", "init", "--db", str(tmp_path / "l.sqlite3")).stdout


def test_backup_keeps_the_newest_and_each_is_a_whole_ledger(cli, cfg: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("KHOAGIAO_DB", str(tmp_path / "l.sqlite3"))
    cli("backup", code=2)  # nothing to back up yet
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "ledger-notes.sqlite3").write_text("not ours", encoding="utf-8")
    for name in ("ledger-20200101-000000.sqlite3", "ledger-20200102-000000.sqlite3"):
        cli("backup", "-o", str(folder / name))  # older backups of this ledger
    (folder / "ledger-20200103-000000.sqlite3").write_bytes(b"")  # named like one, but no ledger: never removed
    done = cli("backup", "-o", str(folder), "--keep", "2").stdout
    assert "Đã xóa 1 bản sao lưu cũ" in done
    kept = sorted(p.name for p in folder.iterdir())
    assert kept[:2] == ["ledger-20200102-000000.sqlite3", "ledger-20200103-000000.sqlite3"]
    assert "ledger-notes.sqlite3" in kept and len(kept) == 4
    newest = folder / kept[2]
    assert cli("verify", "--db", str(newest)).exit_code == 0
    assert (newest.stat().st_mode & 0o077) == 0  # the ledger's privacy, kept
    cli("backup", "--keep", "0", code=2)
    one = tmp_path / "one.sqlite3"
    cli("backup", "-o", str(one))
    assert "1 sự kiện" in cli("db", "status", "--db", str(one)).stdout
    cli("backup", "-o", str(tmp_path / "no" / "such" / "x.sqlite3"), code=2)


def test_a_backup_while_others_write_is_a_whole_ledger(cli, cfg: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Backups taken while another process records one report after another: each is a ledger that verifies."""
    ledger = tmp_path / "l.sqlite3"
    monkeypatch.setenv("KHOAGIAO_DB", str(ledger))
    cli("submit", "skhcn", "monthly", "--period", "2026-01", "--as-of", "2026-04-20")
    script = ("import sys\nfrom typer.testing import CliRunner\nfrom khoagiao_cli.cli import load\napp = load()\n"
              "for m in (1, 2, 4, 5, 7, 8, 10, 11):\n    for u in ('syt', 'sgddt', 'skhcn', 'dhkh', 'lhh'):\n"
              "        r = CliRunner().invoke(app, ['submit', u, 'monthly', '--period', f'2025-{m:02d}', '--as-of', "
              "'2026-04-20'])\n        assert r.exit_code == 0, r.output\n")
    code = str(Path(khoagiao_cli.__file__).resolve().parents[1])  # the code under test, whatever is installed
    writer = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": code})
    saved = []
    while writer.poll() is None:
        target = tmp_path / f"b{len(saved)}.sqlite3"
        cli("backup", "-o", str(target))
        saved.append(target)
    assert writer.returncode == 0 and saved
    for target in saved:
        assert cli("verify", "--db", str(target)).exit_code == 0


def test_backup_of_a_postgresql_ledger_is_a_sqlite_copy_and_says_how_to_use_pg_dump(
        cli, cfg: Path, tmp_path: Path, pg_url: str, pg_server, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    office_month(cli)
    out = cli("backup", "-o", str(tmp_path / "b.sqlite3")).stdout
    assert "pg_dump --format=custom" in out and pg_url in out
    assert _answers(cli, pg_url) == _answers(cli, str(tmp_path / "b.sqlite3"))
    monkeypatch.setenv("KHOAGIAO_DB", f"postgresql://{pg_server.user}@127.0.0.1:1/none")
    lost = cli("backup", "-o", str(tmp_path / "c.sqlite3"), code=1)
    assert "Không kết nối được" in lost.stderr and not (tmp_path / "c.sqlite3").exists()


def test_schedule_yaml_names_the_office_ledger(cli, cfg: Path, tmp_path: Path, pg_url: str, monkeypatch) -> None:  # noqa: ANN001
    """`db:` in schedule.yaml: every command uses it, the ones that need no configuration too; --db and KHOAGIAO_DB
    come first."""
    schedule = cfg / "schedule.yaml"
    schedule.write_text(schedule.read_text(encoding="utf-8") + f"db: {pg_url}\n", encoding="utf-8")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone() == (1,)
    assert "khóa db: của schedule.yaml" in cli("config").stdout
    assert pg_url in cli("verify").stdout and pg_url in cli("db", "status").stdout
    assert "1 sự kiện" in cli("backup", "-o", str(tmp_path / "b.sqlite3")).stdout
    other = tmp_path / "other.sqlite3"
    monkeypatch.setenv("KHOAGIAO_DB", str(other))
    cli("submit", "syt", "monthly", "--period", "2026-04", "--as-of", "2026-04-20")
    assert other.is_file() and "Chưa có" not in cli("db", "status").stdout
    monkeypatch.delenv("KHOAGIAO_DB")
    schedule.write_text(schedule.read_text(encoding="utf-8").replace(f"db: {pg_url}", "db: so/ledger.sqlite3"),
                        encoding="utf-8")
    cli("submit", "syt", "monthly", "--period", "2026-04", "--as-of", "2026-04-20")
    assert (cfg / "so" / "ledger.sqlite3").is_file()  # a relative path starts from the config folder


@pytest.mark.parametrize(("value", "said"), [
    ("postgresql://lan:bi-mat@127.0.0.1/kg", "không ghi mật khẩu"),
    ("mysql://127.0.0.1/kg", "postgresql://"),
    ("postgresql://127.0.0.1:abc/kg", "cổng"),
    ("'  '", "bỏ khóa này"),
])
def test_a_db_key_that_cannot_be_used_is_refused_with_its_line(cli, cfg: Path, value: str, said: str) -> None:  # noqa: ANN001
    schedule = cfg / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text + f"db: {value}\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    refused = cli("due", "--as-of", "2026-04-20", code=2)
    assert f"schedule.yaml:{line}: db:" in refused.stderr and said in refused.stderr
    assert "bi-mat" not in refused.stderr
    cli("submit", "syt", "monthly", "--period", "2026-04", "--as-of", "2026-04-20", code=2)
    assert not any(Path.cwd().iterdir())
