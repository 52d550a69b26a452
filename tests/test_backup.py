"""`khoagiao backup` never writes over a file, `--keep` removes only older backups of the ledger backed up, a backup
carries the received files so that it verifies where it is, and `db status --format json` has its schema. Real
SQLite files and the PostgreSQL server the tests start."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest


def _submit(cli, db: str, unit: str = "skhcn", *more: str) -> None:  # noqa: ANN001
    cli("submit", unit, "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20",
        "--db", db, *more)


def _backups(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("ledger-") and p.suffix == ".sqlite3")


def test_backup_to_a_file_that_is_there_is_refused_and_changes_nothing(cli, cfg: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ledger = str(tmp_path / "so.sqlite3")
    _submit(cli, ledger)
    other = tmp_path / "khac.sqlite3"
    _submit(cli, str(other), "syt")
    foreign = tmp_path / "chuong-trinh-khac.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    text = tmp_path / "ghi-chu.txt"
    text.write_text("của tôi", encoding="utf-8")
    gc.collect()  # the ledgers the commands above opened, closed (in a process of its own, at its exit)
    for target in (other, foreign, text):
        before = target.read_bytes()
        refused = cli("backup", "--db", ledger, "-o", str(target), code=2)
        assert str(target) in refused.stderr and "đã có" in refused.stderr and "Traceback" not in refused.stderr
        assert target.read_bytes() == before
    english = cli("backup", "--db", ledger, "-o", str(text), "--lang", "en", code=2).stderr
    assert str(text) in english and "already" in english
    if hasattr(os, "symlink"):
        dangling = tmp_path / "link.sqlite3"
        dangling.symlink_to(tmp_path / "nowhere.sqlite3")
        cli("backup", "--db", ledger, "-o", str(dangling), code=2)
        assert not (tmp_path / "nowhere.sqlite3").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".backup")]


def test_backups_in_the_same_second_never_replace_one_another(cli, cfg: Path, tmp_path: Path) -> None:  # noqa: ANN001
    """The name a folder gives (the moment) may be taken: by a backup of the same second, or by anything else."""
    ledger = str(tmp_path / "so.sqlite3")
    _submit(cli, ledger)
    folder = tmp_path / "saved"
    folder.mkdir()
    now = datetime.now()
    taken = [folder / f"ledger-{now + timedelta(seconds=s):%Y%m%d-%H%M%S}.sqlite3" for s in range(-1, 20)]
    for path in taken:
        path.write_text("không phải bản sao lưu", encoding="utf-8")
    for _ in range(3):
        cli("backup", "--db", ledger, "-o", str(folder))
    assert all(p.read_text(encoding="utf-8") == "không phải bản sao lưu" for p in taken)
    made = [p for p in folder.iterdir() if p not in taken and p.suffix == ".sqlite3"]
    assert len(made) == 3 and all(p.name.endswith(("-2.sqlite3", "-3.sqlite3", "-4.sqlite3")) for p in made)
    for path in made:
        assert cli("verify", "--db", str(path)).exit_code == 0


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_placing_a_backup_never_replaces_a_file(tmp_path: Path, monkeypatch, links: bool) -> None:  # noqa: ANN001
    """Given its name by a hard link; on a file system without them (FAT, some shares; none to mount here, so
    os.link is made to fail as it does there), the name is taken with O_EXCL first (Windows' own rename refuses a
    taken name: not this path there)."""
    from khoagiao_cli.store.backups import place

    def no_links(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    if not links:
        if os.name == "nt":
            pytest.skip("Windows' own rename refuses a taken name")
        monkeypatch.setattr(os, "link", no_links)
    made, there = tmp_path / "new", tmp_path / "there"
    made.write_bytes(b"new")
    there.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        place(made, there)
    assert there.read_bytes() == b"old" and made.read_bytes() == b"new"
    place(made, tmp_path / "free")
    assert (tmp_path / "free").read_bytes() == b"new" and not made.exists()


def _new(folder: Path, before: set[str]) -> str:
    (made,) = set(_backups(folder)) - before
    return made


def test_keep_removes_only_older_backups_of_the_ledger_backed_up(cli, cfg: Path, tmp_path: Path,
                                                                  pg_url: str) -> None:  # noqa: ANN001
    """The default folder is every ledger's: a SQLite ledger's --keep 1 leaves the PostgreSQL ledger's backup,
    another SQLite ledger's, a file named like a backup that is no ledger, and a backup of its own holding a record
    it no longer has (it was restored from an older backup since)."""
    ledger, other = tmp_path / "so.sqlite3", str(tmp_path / "khac.sqlite3")
    _submit(cli, str(ledger))
    _submit(cli, pg_url, "syt")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-16", "--as-of", "2026-04-20",
        "--db", other)
    folder = tmp_path / "home" / "data" / "backups"
    names: dict[str, str] = {}
    for key, db in (("pg", pg_url), ("other", other), ("first", str(ledger))):
        before = set(_backups(folder)) if folder.exists() else set()
        cli("backup", "--db", db)
        names[key] = _new(folder, before)
    _submit(cli, str(ledger), "syt")
    ahead = folder / "ledger-20200101-000000.sqlite3"
    cli("backup", "--db", str(ledger), "-o", str(ahead))
    for leftover in ("-wal", "-shm"):
        Path(f"{ledger}{leftover}").unlink(missing_ok=True)
    ledger.write_bytes((folder / names["first"]).read_bytes())  # restored from the first backup
    (folder / "ledger-20200102-000000.sqlite3").write_bytes(b"")
    before = set(_backups(folder))
    done = cli("backup", "--db", str(ledger), "--keep", "1").stdout
    after = set(_backups(folder))
    assert before - after == {names["first"]} and len(after - before) == 1
    assert "Đã xóa 1 bản sao lưu cũ" in done
    cli("backup", "--db", pg_url, "--keep", "1")
    assert after - set(_backups(folder)) == {names["pg"]}
    assert {names["other"], ahead.name, "ledger-20200102-000000.sqlite3"} <= set(_backups(folder))


def test_a_backup_carries_the_received_files_and_verifies_where_it_is(cli, cfg: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.chdir(tmp_path)
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(b"%PDF-1.4 bao cao")
    _submit(cli, "so.sqlite3", "skhcn", "--file", str(pdf))
    (tmp_path / "saved").mkdir()
    done = cli("backup", "--db", "so.sqlite3", "-o", "saved/ban-sao.sqlite3").stdout
    assert "1 tệp" in done and str((tmp_path / "saved" / "khoagiao-files").resolve()) in done
    assert len(list((tmp_path / "saved" / "khoagiao-files").iterdir())) == 1
    assert cli("verify", "--db", "saved/ban-sao.sqlite3").exit_code == 0
    again = cli("backup", "--db", "so.sqlite3", "-o", "saved").stdout  # into the folder: the files are there
    assert "1 tệp" in again
    for kept in (tmp_path / "saved" / "khoagiao-files").iterdir():
        kept.unlink()
    lost = cli("verify", "--db", "saved/ban-sao.sqlite3", code=1).stderr
    assert str((tmp_path / "saved" / "khoagiao-files").resolve()) in lost  # where it looked, not "khoagiao-files"
    assert "khoagiao-files" in lost and "bản sao lưu" in lost  # and what to do if it is a copy


def test_a_backup_of_a_postgresql_ledger_carries_its_files(cli, cfg: Path, tmp_path: Path, pg_url: str) -> None:  # noqa: ANN001
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(b"%PDF-1.4 bao cao pg")
    _submit(cli, pg_url, "skhcn", "--file", str(pdf))
    cli("backup", "--db", pg_url, "-o", str(tmp_path / "pg.sqlite3"))
    assert cli("verify", "--db", str(tmp_path / "pg.sqlite3")).exit_code == 0
    assert len(list((tmp_path / "khoagiao-files").iterdir())) == 1


def test_db_status_json_carries_the_schema(cli, cfg: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ledger = str(tmp_path / "so.sqlite3")
    none = cli("db", "status", "--format", "json", "--db", ledger).stdout
    assert none.startswith('{\n  "schema": 2,') and json.loads(none)["exists"] is False
    _submit(cli, ledger)
    there = cli("db", "status", "--format", "json", "--db", ledger).stdout
    assert there.startswith('{\n  "schema": 2,') and json.loads(there)["counts"]["events"] == 1
