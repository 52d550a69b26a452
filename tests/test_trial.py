"""Issue 10, part E: defects a new-user trial of the merged issue-10 work found. Each test drives the CLI on a real
ledger in a temporary home, with the default units and rules tracked from 01/01/2026 unless it says otherwise."""

from __future__ import annotations

import json

import pytest
from backends import BOTH, NO_LEDGER, SQLITE_ONLY

pytestmark = BOTH


def _json(cli, *args: str) -> dict:
    return json.loads(cli(*args, "--format", "json").stdout)


# ---------------------------------------------------------------------------- 1. the typo guard, one period a year


@pytest.mark.parametrize(("report", "period", "as_of", "label", "deadline"), [
    ("annual", "năm 2026", "2026-01-05", "2026", "30/11/2026"),
    ("h1", "6 tháng đầu năm 2026", "2026-01-05", "2026-H1", "19/06/2026"),
    ("quý I", "quý I/2026", "2026-01-22", "2026-Q1", "19/03/2026"),
    ("h1", "2026-H1", "2026-05-28", "2026-H1", "19/06/2026"),
    ("annual", "2026", "2026-10-05", "2026", "30/11/2026"),
])
def test_a_report_of_one_period_a_year_received_months_early_needs_yes(cli, cfg, report, period, as_of, label,
                                                                       deadline) -> None:
    r = cli("submit", "hkh", report, "--period", period, "--as-of", as_of, code=2)
    day = f"{as_of[8:]}/{as_of[5:7]}/{as_of[:4]}"
    assert f"kỳ {label} có hạn cuối {deadline}" in r.stderr, r.stderr
    assert f"nhận ngày {day}, trước tháng đến hạn" in r.stderr, r.stderr
    assert "thêm --yes" in r.stderr and "Traceback" not in r.stderr
    assert "đến hạn trước" not in r.stderr  # no other period is named as the reason
    assert _json(cli, "history")["events"] == []
    out = cli("submit", "hkh", report, "--period", period, "--as-of", as_of, "--yes").stdout
    assert "Đã ghi nhận (sự kiện #1)" in out


def test_the_reason_is_said_in_english_too(cli, cfg) -> None:
    r = cli("submit", "hkh", "annual", "--period", "2026", "--as-of", "2026-01-05", "--lang", "en", code=2)
    assert "period 2026 is due 30/11/2026" in r.stderr, r.stderr
    assert "received 05/01/2026, before the month it is due in" in r.stderr


@pytest.mark.parametrize(("report", "period", "as_of"), [
    ("monthly", "2026-04", "2026-04-10"),   # the April report on 10/04, due 20/04: early, in its own month
    ("annual", "2026", "2026-11-05"),       # the annual report in November, due 30/11
    ("q3", "2026-Q3", "2026-09-01"),
    ("h1", "2026-H1", "2026-06-02"),
])
def test_a_report_sent_early_in_the_month_it_is_due_is_no_typo(cli, cfg, report, period, as_of) -> None:
    out = cli("submit", "hkh", report, "--period", period, "--as-of", as_of).stdout
    assert "Đúng hạn" in out


# ---------------------------------------------------------------------------- 2. stats: owed is on time + late + missing


def test_a_report_due_today_and_not_yet_received_is_not_owed_in_the_scorecard(cli, cfg) -> None:
    """31/03/2026: Sở GD&ĐT sent January, February and Q1 on time; a request falls due that very day."""
    for args in (("monthly", "--period", "2026-01", "--received", "2026-01-10"),
                 ("monthly", "--period", "2026-02", "--received", "2026-02-10"),
                 ("q1", "--period", "2026-Q1", "--received", "2026-03-10")):
        cli("submit", "sgddt", *args, "--as-of", "2026-03-31")
    cli("request", "add", "--id", "kh238", "--title", "Báo cáo Quy chế 238", "--deadline", "31/03/2026",
        "--as-of", "2026-03-01")
    (score,) = _json(cli, "stats", "--as-of", "2026-03-31", "--unit", "sgddt")["units"]
    assert (score["owed"], score["on_time"], score["late"], score["missing"]) == (3, 3, 0, 0)
    assert score["on_time_rate"] == 1.0
    assert score["months"][2] == "on_time"
    out = cli("stats", "--as-of", "2026-03-31", "--unit", "sgddt", "--format", "plain").stdout
    assert "100,0%" in out and "75,0%" not in out
    # once received that day it is owed and on time; the day after, still missing, it is owed and missing
    cli("submit", "sgddt", "kh238", "--as-of", "2026-03-31")
    (score,) = _json(cli, "stats", "--as-of", "2026-03-31", "--unit", "sgddt")["units"]
    assert (score["owed"], score["on_time"], score["missing"]) == (4, 4, 0)
    (score,) = _json(cli, "stats", "--as-of", "2026-04-01", "--unit", "syt")["units"]
    assert (score["owed"], score["on_time"], score["late"], score["missing"]) == (4, 0, 0, 4)


def test_every_scorecard_line_adds_up(cli, cfg) -> None:
    cli("request", "add", "--id", "kh238", "--title", "Báo cáo Quy chế 238", "--deadline", "31/03/2026",
        "--as-of", "2026-03-01")
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-25", "--as-of", "2026-03-31")
    for day in ("2026-03-19", "2026-03-31", "2026-06-19", "2026-11-30"):
        for s in _json(cli, "stats", "--as-of", day)["units"]:
            assert s["owed"] == s["on_time"] + s["late"] + s["missing"], (day, s)


# ---------------------------------------------------------------------------- 3. verify: a kept file that is lost


def _kept_one(cli, backend, tmp_path):  # noqa: ANN202
    import hashlib

    f = tmp_path / "bc-syt.pdf"
    f.write_bytes(b"%PDF report of syt")
    cli("submit", "syt", "q1", "--file", str(f), "--as-of", "2026-03-18")
    g = tmp_path / "bc-hkh.pdf"
    g.write_bytes(b"%PDF report of hkh")
    cli("submit", "hkh", "q1", "--file", str(g), "--as-of", "2026-03-18")
    return backend.files, hashlib.sha256(f.read_bytes()).hexdigest(), hashlib.sha256(g.read_bytes()).hexdigest()


@pytest.mark.parametrize(("lang", "said"), [
    ("vi", "sự kiện #1: tệp lưu (SHA-256 {sha}) không còn trong kho {folder}"),
    ("en", "event #1: the kept file (SHA-256 {sha}) is no longer in the archive {folder}"),
])
def test_a_kept_file_lost_from_the_archive_is_a_finding_of_verify(cli, cfg, backend, tmp_path, lang, said) -> None:
    folder, sha, other = _kept_one(cli, backend, tmp_path)
    assert "2 tệp khớp mã SHA-256" in cli("verify").stdout
    (folder / f"{sha}.pdf").unlink()
    r = cli("verify", "--lang", lang, code=1)
    assert said.format(sha=sha, folder=folder) in r.stderr, r.stderr
    assert other not in r.stderr and "Traceback" not in r.stderr
    assert "#1: không còn trong kho" in cli("history").stdout  # history said so already


def test_every_kept_file_lost_is_a_finding_even_with_the_archive_gone(cli, cfg, backend, tmp_path) -> None:
    import shutil

    folder, sha, other = _kept_one(cli, backend, tmp_path)
    shutil.rmtree(folder)
    r = cli("verify", code=1)
    assert f"sự kiện #1: tệp lưu (SHA-256 {sha})" in r.stderr and f"sự kiện #2: tệp lưu (SHA-256 {other})" in r.stderr


@SQLITE_ONLY  # the SQL dumps of the ledgers older khoagiao releases wrote
@pytest.mark.parametrize("version", [1, 5])
def test_a_file_recorded_before_khoagiao_kept_copies_is_no_finding(cli, cfg, isolated, tmp_path, version) -> None:
    """A ledger of an older khoagiao holds a file's SHA-256 but never had a copy of it: nothing was lost, even
    once it records files of its own (and then one of those lost is a finding)."""
    import sqlite3
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    (cfg / "units.yaml").write_bytes((fixtures / "units-before-2026.yaml").read_bytes())
    db = tmp_path / f"v{version}.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.executescript((fixtures / f"ledger-v{version}.sql").read_text(encoding="utf-8"))
    old = [e for e in _json(cli, "history", "--db", str(db))["events"] if e.get("file_sha256")]
    assert len(old) == 1
    out = cli("verify", "--db", str(db)).stdout
    assert "không còn trong kho" not in out
    f = tmp_path / "new.pdf"
    f.write_bytes(b"%PDF kept now")
    cli("submit", "syt", "q3", "--period", "2026-Q3", "--file", str(f), "--as-of", "2026-09-15", "--db", str(db))
    assert "1 tệp khớp mã SHA-256" in cli("verify", "--db", str(db)).stdout
    for kept in (tmp_path / "khoagiao-files").iterdir():
        kept.unlink()
    r = cli("verify", "--db", str(db), code=1)
    assert r.stderr.count("không còn trong kho") == 1 and f"#{old[0]['id']}:" not in r.stderr, r.stderr


# ---------------------------------------------------------------------------- 4. a unit that ceased without a successor

DISTRICTS = ["btg-nhatrang", "btg-camranh", "btg-ninhhoa", "btg-vanninh", "btg-dienkhanh", "btg-khanhvinh",
             "btg-khanhson", "btg-camlam", "btg-truongsa"]


@pytest.fixture
def from_2025(tmp_path, monkeypatch):  # noqa: ANN201
    from conftest import write_config

    folder = write_config(tmp_path / "cfg2025", tracking_start="2025-01-01")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


def test_a_ceased_unit_without_a_successor_is_not_chased(cli, from_2025) -> None:
    rows = _json(cli, "due", "--as-of", "2026-01-20")["instances"]
    assert not [r for r in rows if r["unit"] in DISTRICTS]
    assert len([r for r in rows if r["unit"] == "syt"]) == 14  # the units that exist are chased as before
    assert not [r for r in _json(cli, "overdue", "--as-of", "2026-01-20")["instances"] if r["unit"] in DISTRICTS]
    out = cli("remind", "--as-of", "2026-01-20").stdout
    assert "Ban Tuyên giáo Thành ủy Nha Trang" not in out and "btg-" not in out
    assert "===== Sở Y tế (syt) =====" in out
    assert cli("due", "--as-of", "2026-01-20", "--unit", "btg-nhatrang", "--format", "plain").stdout.count("btg") == 0


def test_a_ceased_unit_is_chased_while_it_exists(cli, from_2025) -> None:
    rows = _json(cli, "due", "--as-of", "2025-06-25")["instances"]
    assert {r["period"] for r in rows if r["unit"] == "btg-nhatrang"} == {
        "2025-01", "2025-02", "2025-Q1", "2025-04", "2025-05", "2025-H1"}


def test_what_a_ceased_unit_never_sent_stays_missing_in_the_record(cli, from_2025, tmp_path) -> None:
    rows = _json(cli, "status", "btg-nhatrang", "--year", "2025", "--as-of", "2026-01-20")["instances"]
    assert [r["status"] for r in rows] == ["overdue"] * 6
    scores = {s["unit"]: s for s in _json(cli, "stats", "--year", "2025", "--as-of", "2026-01-20")["units"]}
    assert (scores["btg-camlam"]["owed"], scores["btg-camlam"]["missing"]) == (6, 6)
    target = tmp_path / "2025.json"
    cli("export", "--format", "json", "--year", "2025", "--as-of", "2026-01-20", "-o", str(target))
    exported = json.loads(target.read_text(encoding="utf-8"))["instances"]
    assert len([r for r in exported if r["unit"] == "btg-truongsa" and r["status"] == "overdue"]) == 6


def test_a_ceased_unit_with_a_successor_still_passes_its_open_periods_on(cli, from_2025) -> None:
    rows = _json(cli, "due", "--as-of", "2026-01-20")["instances"]
    carried = {(r["unit"], r["period"]) for r in rows if r.get("carried_from") == "stnmt"}
    assert carried == {("snnmt", "2025-01"), ("snnmt", "2025-02")}
    assert any(r.get("carried_from") == "bhxh-kv" and r["unit"] == "bhxh-kh" for r in rows)
    out = cli("remind", "--as-of", "2026-01-20", "--unit", "snnmt").stdout
    assert "tiếp nhận từ" in out


# ---------------------------------------------------------------------------- 5. a request whose deadline has passed

ADD_OLD = ("request", "add", "--id", "old", "--title", "Báo cáo sơ kết", "--deadline", "01/03/2026",
           "--as-of", "2026-03-09")


def test_a_request_with_a_deadline_already_past_needs_yes(cli, cfg, backend) -> None:
    r = cli(*ADD_OLD, code=2)
    assert "hạn 01/03/2026 đã qua" in r.stderr and "thêm --yes" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
    assert not backend.exists()  # nothing written, not even the ledger
    assert cli("due", "--as-of", "2026-03-09", "--format", "json").stdout.count('"old"') == 0
    r = cli(*ADD_OLD, "--lang", "en", code=2)
    assert "the deadline 01/03/2026 has passed" in r.stderr and "add --yes" in r.stderr, r.stderr
    out = cli(*ADD_OLD, "--yes").stdout
    assert "Đã ghi yêu cầu 'old'" in out
    rows = [r for r in _json(cli, "overdue", "--as-of", "2026-03-09")["instances"] if r["report"] == "old"]
    assert len(rows) == 11
    assert "--yes" in cli("request", "add", "--help").stdout


def test_a_request_due_today_or_later_needs_no_yes(cli, cfg) -> None:
    cli("request", "add", "--id", "today", "--title", "Báo cáo nhanh", "--deadline", "09/03/2026",
        "--as-of", "2026-03-09")
    cli("request", "add", "--id", "later", "--title", "Báo cáo năm", "--deadline", "31/03/2026",
        "--as-of", "2026-03-09")
    assert [r["id"] for r in _json(cli, "request", "list")["requests"]] == ["today", "later"]


def _on_a_terminal(args: list[str], answer: str, env_home, cfg) -> tuple[int, str]:  # noqa: ANN001
    """Run khoagiao with its standard input on a terminal (a pseudo-terminal), answering its question."""
    import os
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {**os.environ, "KHOAGIAO_HOME": str(env_home), "KHOAGIAO_CONFIG": str(cfg),
           "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    os.write(master, answer.encode())
    proc = subprocess.run([sys.executable, "-m", "khoagiao_cli", *args], stdin=slave, capture_output=True,
                          env=env, timeout=60, check=False)
    os.close(slave)
    os.close(master)
    return proc.returncode, proc.stdout.decode() + proc.stderr.decode()


@pytest.mark.parametrize(("answer", "code"), [("y\n", 0), ("n\n", 1)])
def test_on_a_terminal_a_past_deadline_is_asked_about(cfg, isolated, answer, code) -> None:
    rc, out = _on_a_terminal(list(ADD_OLD), answer, isolated, cfg)
    assert "hạn 01/03/2026 đã qua" in out and "Vẫn ghi?" in out, out
    assert (rc == 0) == (code == 0), (rc, out)
    assert ("Đã ghi yêu cầu 'old'" in out) == (code == 0)


# ---------------------------------------------------------------------------- 6. small ones


def _events_sheet(cli, tmp_path, *extra: str):  # noqa: ANN202
    from openpyxl import load_workbook

    book = tmp_path / "so.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-03-20", "-o", str(book), *extra)
    ws = load_workbook(book)["Sự kiện" if not extra else "Events"]
    header = [c.value for c in ws[1]]
    return book, [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]


def test_the_events_sheet_says_when_recorded_and_how_received_as_people_write_it(cli, cfg, tmp_path) -> None:
    from datetime import datetime

    cli("submit", "syt", "q1", "--received", "16/03/2026 10:15", "--channel", "giấy", "--as-of", "2026-03-18")
    cli("submit", "hkh", "q1", "--received", "17/03/2026", "--channel", "email", "--as-of", "2026-03-18")
    stamp = _json(cli, "history")["events"][0]["recorded_at"]
    _, rows = _events_sheet(cli, tmp_path)
    first, second = rows
    assert first["Ghi lúc"] == f"{stamp[8:10]}/{stamp[5:7]}/{stamp[:4]} {stamp[11:16]}"
    assert (first["Hình thức"], second["Hình thức"]) == ("giấy", "thư điện tử")
    assert first["Ngày nhận"] == datetime(2026, 3, 16, 10, 15)  # the time of receipt kept
    assert second["Ngày nhận"] == datetime(2026, 3, 17)
    _, rows = _events_sheet(cli, tmp_path, "--lang", "en")
    assert rows[0]["Channel"] == "paper"


def test_the_time_of_receipt_survives_export_and_import(cli, cfg, tmp_path, backend) -> None:
    cli("submit", "syt", "q1", "--received", "16/03/2026 10:15", "--as-of", "2026-03-18")
    book, _ = _events_sheet(cli, tmp_path)
    backend.fresh()  # into a new ledger
    cli("import", str(book), "--as-of", "2026-03-20")
    (event,) = _json(cli, "history")["events"]
    assert event["received_at"].startswith("2026-03-16T10:15"), event


@NO_LEDGER
def test_history_help_names_the_void_among_the_kinds(cli) -> None:
    assert "(nhận, sửa, rút, hủy)" in " ".join(cli("history", "--help").stdout.split())
    assert "withdrawn, voided" in " ".join(cli("history", "--help", "--lang", "en").stdout.split())


@NO_LEDGER
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_default_of_within_hours_is_shown_once(cli, lang) -> None:
    text = " ".join(cli("incident", "add", "--help", "--lang", lang).stdout.split())
    assert text.count("24") == 1, text


@NO_LEDGER
def test_the_shipped_units_file_says_gui_not_nop() -> None:
    import re
    from pathlib import Path

    units = (Path(__file__).resolve().parents[1] / "config" / "units.yaml").read_text(encoding="utf-8")
    assert not re.search(r"\bnộp\b", units, re.IGNORECASE)


@pytest.mark.parametrize("typed", ["19/01/2026 24:00", "19/01/2026 25:00", "19/01/2026 10:60", "24h00 19/01/2026"])
def test_an_invalid_hour_is_said_to_be_an_invalid_time(cli, cfg, typed) -> None:
    r = cli("submit", "syt", "monthly", "--received", typed, "--as-of", "2026-01-20", code=2)
    assert f"--received '{typed}': giờ không hợp lệ" in r.stderr, r.stderr
    assert "ngày không có thật" not in r.stderr
    r = cli("submit", "syt", "monthly", "--received", typed, "--as-of", "2026-01-20", "--lang", "en", code=2)
    assert f"--received '{typed}': the time of day is invalid" in r.stderr, r.stderr


def test_an_impossible_day_with_a_time_is_still_said_to_be_a_day_that_does_not_exist(cli, cfg) -> None:
    r = cli("submit", "syt", "monthly", "--received", "31/02/2026 10:00", "--as-of", "2026-03-20", code=2)
    assert "'31/02/2026 10:00' là ngày không có thật" in r.stderr, r.stderr


def test_import_names_a_missing_column_in_the_users_language(cli, cfg, tmp_path) -> None:
    sheet = tmp_path / "so.csv"
    sheet.write_text("Báo cáo,Kỳ,Ngày nhận\nmonthly,2026-01,16/01/2026\n", encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2026-02-01", code=2)
    assert "Thiếu cột: Đơn vị." in r.stderr, r.stderr
    assert "Cần các cột Đơn vị, Báo cáo, Kỳ, Ngày nhận" in r.stderr and "unit" not in r.stderr
    r = cli("import", str(sheet), "--as-of", "2026-02-01", "--lang", "en", code=2)
    assert "Missing columns: Unit." in r.stderr and "Needed: Unit, Report, Period, Received" in r.stderr, r.stderr
