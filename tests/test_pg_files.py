"""The received files of a ledger on a PostgreSQL server, kept where every PC of the office finds them (issue 12):
schedule.yaml's `files:` (or KHOAGIAO_FILES) names a folder on the office's file server. Without it each PC kept
the files it received in its own user data folder, so `verify` on a colleague's PC reported them missing: a false
alarm about a sound ledger."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import write_config

REPORT = b"%PDF bao cao quy I"
KEPT = hashlib.sha256(REPORT).hexdigest() + ".pdf"


@pytest.fixture
def office(tmp_path: Path, isolated: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One configuration folder for the whole office, naming the server's ledger and the shared folder."""
    folder = write_config(tmp_path / "chung" / "cau-hinh")
    with (folder / "schedule.yaml").open("a", encoding="utf-8") as f:
        f.write(f"db: {pg_url}\nfiles: ../tep\n")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


def on_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    """Another PC: its own user folders (and so its own data folder)."""
    monkeypatch.setenv("KHOAGIAO_HOME", str(tmp_path / name))


def test_a_colleague_s_pc_finds_the_files_another_pc_received(cli, office: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    report = tmp_path / "bc.pdf"
    report.write_bytes(REPORT)
    on_pc(monkeypatch, tmp_path, "may-van-thu")
    cli("submit", "skhcn", "q1", "--period", "2026-Q1", "--file", str(report), "--as-of", "2026-03-18")
    shared = office.parent / "tep" / "khoagiao-files"
    assert [p.name for p in shared.iterdir()] == [KEPT]  # a relative `files:` starts from the config's folder
    on_pc(monkeypatch, tmp_path, "may-chuyen-vien")
    r = cli("verify")
    assert r.exit_code == 0 and "Traceback" not in r.output, r.output
    assert not (tmp_path / "may-chuyen-vien" / "data" / "postgresql").exists()


def test_without_a_shared_folder_each_pc_keeps_its_own(cli, office: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """What `files:` is for: left out, the second PC does not have the file, and verify says so (exit 1)."""
    text = (office / "schedule.yaml").read_text(encoding="utf-8").replace("files: ../tep\n", "")
    (office / "schedule.yaml").write_text(text, encoding="utf-8")
    report = tmp_path / "bc.pdf"
    report.write_bytes(REPORT)
    on_pc(monkeypatch, tmp_path, "may-van-thu")
    cli("submit", "skhcn", "q1", "--period", "2026-Q1", "--file", str(report), "--as-of", "2026-03-18")
    on_pc(monkeypatch, tmp_path, "may-chuyen-vien")
    assert cli("verify", code=1).exit_code == 1


def test_khoagiao_files_comes_first(cli, office: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    report = tmp_path / "bc.pdf"
    report.write_bytes(REPORT)
    monkeypatch.setenv("KHOAGIAO_FILES", str(tmp_path / "o-dia-mang"))
    cli("submit", "skhcn", "q1", "--period", "2026-Q1", "--file", str(report), "--as-of", "2026-03-18")
    assert [p.name for p in (tmp_path / "o-dia-mang" / "khoagiao-files").iterdir()] == [KEPT]
    assert not (office.parent / "tep").exists()
    assert cli("verify").exit_code == 0


def test_db_copy_takes_the_files_to_the_office_folder(cli, office: Path, tmp_path: Path, pg_url: str,  # noqa: ANN001
                                                      monkeypatch) -> None:
    """Moving a PC's SQLite ledger onto the server: its received files go where every PC will look."""
    old = tmp_path / "so-cu" / "khoagiao.sqlite3"
    report = tmp_path / "bc.pdf"
    report.write_bytes(REPORT)
    cli("submit", "skhcn", "q1", "--period", "2026-Q1", "--file", str(report), "--as-of", "2026-03-18",
        "--db", str(old))
    r = cli("db", "copy", str(old), pg_url)
    shared = office.parent / "tep" / "khoagiao-files"
    assert str(shared) in r.output.replace("\n", "")
    assert [p.name for p in shared.iterdir()] == [KEPT]
    on_pc(monkeypatch, tmp_path, "may-truong-ban")
    assert cli("verify").exit_code == 0


@pytest.mark.parametrize(("value", "says"), [('""', "bỏ khóa này"), ("smb://may-chu/khoagiao", "không phải một địa chỉ")])
def test_a_files_key_that_is_no_folder_is_refused_with_its_line(cli, cfg: Path, value: str, says: str) -> None:  # noqa: ANN001
    text = (cfg / "schedule.yaml").read_text(encoding="utf-8")
    (cfg / "schedule.yaml").write_text(text + f"files: {value}\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    r = cli("due", "--as-of", "2026-03-18", code=2)
    assert f"schedule.yaml:{line}" in r.output and says in r.output and "Traceback" not in r.output
