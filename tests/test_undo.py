"""Issue 10, part B: Tết seen coming (the due-soon window in working days), and mistakes undone without rewriting
history (a mistyped period needs --yes, `void`, a report recorded twice names its record, incidents cancelled).
Every test drives the CLI on a real ledger in a temporary home, on the embedded office calendar of 2026."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from backends import BOTH, NO_LEDGER, PAST_THE_TRIGGERS, SQLITE_ONLY
from conftest import write_config

from khoagiao_cli.config.paths import embedded_dir
from khoagiao_cli.store.migrations import SCHEMA_VERSION

pytestmark = BOTH

UNITS = ["syt", "sgddt", "skhcn", "snnmt", "snv", "svhttdl", "dhkh", "lhh", "bhxh-kh", "hdy", "hkh"]


def _json(cli, *args: str) -> dict:
    return json.loads(cli(*args, "--format", "json").stdout)


# ---------------------------------------------------------------------------- Tết seen coming


def test_on_the_friday_before_tet_due_shows_the_reports_due_after_it(cli, cfg) -> None:
    """Friday 13/02/2026 is the last working day before nine days off (14-22/02): the monthly reports due on
    Monday 23/02 are due soon that day, five working days ahead, not a week later."""
    rows = _json(cli, "due", "--as-of", "2026-02-13")["instances"]
    feb = [r for r in rows if r["period"] == "2026-02" and r["report"] == "monthly"]
    assert sorted(r["unit"] for r in feb) == sorted(UNITS)
    assert {(r["status"], r["deadline"]) for r in feb} == {("due", "2026-02-23")}
    out = cli("due", "--as-of", "2026-02-13", "--format", "plain").stdout
    assert out.splitlines()[0] == "Báo cáo cần gửi — tính đến 13/02/2026, hạn đến 27/02/2026"
    # and the same window for the year's statuses
    status = _json(cli, "status", "syt", "--as-of", "2026-02-13")["instances"]
    assert next(r for r in status if r["period"] == "2026-02")["status"] == "due"


def test_the_reminders_of_the_friday_before_tet_ask_for_the_reports_due_after_it(cli, cfg) -> None:
    out = cli("remind", "--as-of", "2026-02-13", "--unit", "hkh").stdout  # a preview: nothing is sent
    assert "Báo cáo tháng, kỳ tháng 02/2026: trước 20/02/2026 (hạn cuối 23/02/2026" in out
    assert "0 sắp đến hạn" not in out and "Xem trước 1 thư nhắc" in out


def test_the_calendar_alarm_of_a_deadline_after_tet_rings_before_it(cli, cfg, tmp_path) -> None:
    from icalendar import Calendar

    target = tmp_path / "lich.ics"
    cli("export", "--format", "ics", "--year", "2026", "--as-of", "2026-02-01", "-o", str(target))
    events = {str(e["UID"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    feb = events["deadline-monthly-2026-02@khoagiao"]
    (alarm,) = feb.walk("VALARM")
    rings = feb.decoded("DTSTART") + alarm.decoded("TRIGGER")
    assert feb.decoded("DTSTART") == date(2026, 2, 23) and rings <= date(2026, 2, 13)
    # an ordinary month: five working days before Thursday 19/03 is Thursday 12/03
    q1 = events["deadline-q1-2026-Q1@khoagiao"]
    (alarm,) = q1.walk("VALARM")
    assert q1.decoded("DTSTART") + alarm.decoded("TRIGGER") == date(2026, 3, 12)


def _schedule_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> Path:
    text = (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    assert "\ndue_soon: 5 ngày làm việc\n" in text
    text = text.replace("\ndue_soon: 5 ngày làm việc\n", f"\n{line}\n").replace("# tracking_start: 2026-01-01",
                                                                               "tracking_start: 2026-01-01")
    folder = write_config(tmp_path / "c", schedule=text)
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


@pytest.mark.parametrize("line", ["due_soon: 7 ngày", "due_soon_days: 7", "due_soon: 7 days"])
def test_calendar_days_are_still_a_choice_and_the_old_key_still_works(cli, tmp_path, monkeypatch, line) -> None:
    _schedule_with(tmp_path, monkeypatch, line)
    out = cli("due", "--as-of", "2026-02-13", "--format", "plain").stdout
    assert out.splitlines()[0] == "Báo cáo cần gửi — tính đến 13/02/2026, hạn đến 20/02/2026"
    assert "2026-02" not in out
    assert "7 ngày " in cli("config").stdout


@pytest.mark.parametrize("line", ["due_soon: 5 working days", "due_soon: 5 ngay lam viec", "due_soon: 5"])
def test_working_days_read_in_either_language(cli, tmp_path, monkeypatch, line) -> None:
    _schedule_with(tmp_path, monkeypatch, line)
    assert "hạn đến 27/02/2026" in cli("due", "--as-of", "2026-02-13").stdout


@pytest.mark.parametrize(("lines", "said"), [
    ("due_soon: 5 ngày làm việc\ndue_soon_days: 7", ":12: due_soon_days: chỉ ghi một trong hai: due_soon hoặc due_soon_days"),
    ("due_soon: năm ngày", ":11: due_soon: phải có dạng '5 ngày làm việc' hoặc '7 ngày', không phải 'năm ngày'"),
    ("due_soon: 5 tuần", ":11: due_soon: phải có dạng '5 ngày làm việc' hoặc '7 ngày', không phải '5 tuần'"),
    ("due_soon: 900 ngày", ":11: due_soon: phải có dạng '5 ngày làm việc' hoặc '7 ngày', không phải '900 ngày'"),
])
def test_a_due_soon_setting_that_is_wrong_is_named_with_its_line(cli, tmp_path, monkeypatch, lines, said) -> None:
    _schedule_with(tmp_path, monkeypatch, lines)
    r = cli("due", "--as-of", "2026-02-13", code=2)
    assert f"schedule.yaml{said}" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_due_within_counts_working_days_when_the_setting_does(cli, cfg) -> None:
    out = cli("due", "--as-of", "2026-02-13", "--within", "1", "--format", "plain").stdout
    assert out.splitlines()[0] == "Báo cáo cần gửi — tính đến 13/02/2026, hạn đến 23/02/2026"
    assert "2026-02" in out
    help_text = cli("due", "--help").stdout
    assert "ngày làm việc" in help_text


def test_nothing_due_says_working_days(cli) -> None:
    out = cli("due", "--as-of", "2026-04-01", "--lang", "en").stdout
    assert "Nothing overdue or due within the next 5 working days (up to 08/04/2026)" in out


# ---------------------------------------------------------------------------- a mistyped period needs --yes


def test_a_period_a_year_ahead_is_not_recorded_without_yes(cli, cfg, backend) -> None:
    r = cli("submit", "hkh", "monthly", "--period", "2027-04", "--as-of", "2026-04-16", code=2)
    assert "kỳ 2027-04 có hạn cuối 19/04/2027, còn 368 ngày nữa" in r.stderr, r.stderr
    assert "thêm --yes" in r.stderr and "ngày nhận 16/04/2026 trước khi kỳ 2027-04 bắt đầu (01/04/2027)" in r.stderr
    assert "đến hạn trước" not in r.stderr and r.stderr.count("16/04/2026") == 1  # each reason said once
    assert not backend.exists()  # nothing written, not even the ledger
    out = cli("submit", "hkh", "monthly", "--period", "2027-04", "--as-of", "2026-04-16", "--yes").stdout
    assert "Đã ghi nhận (sự kiện #1)" in out


def test_a_report_received_before_its_period_began_needs_yes(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-03-01")
    r = cli("submit", "syt", "monthly", "--period", "2026-02", "--received", "2026-01-25", "--as-of", "2026-03-01",
            code=2)
    assert "ngày nhận 25/01/2026 trước khi kỳ 2026-02 bắt đầu (01/02/2026)" in r.stderr, r.stderr
    assert [e["id"] for e in _json(cli, "history")["events"]] == [1]
    cli("submit", "syt", "monthly", "--period", "2026-02", "--received", "2026-01-25", "--as-of", "2026-03-01", "-y")


def test_a_report_sent_early_in_its_own_period_is_no_typo(cli, cfg) -> None:
    """The April report arriving on 06/04 (deadline 20/04, beyond the window) comes in the month it is due: no
    question; so does the annual report in November (part E asks for one sent in October: tests/test_trial.py)."""
    out = cli("submit", "lhh", "monthly", "--period", "2026-04", "--as-of", "2026-04-06").stdout
    assert "Đúng hạn" in out
    out = cli("submit", "lhh", "annual", "--period", "2026", "--as-of", "2026-11-05").stdout
    assert "Đúng hạn" in out


def test_import_rows_with_a_mistyped_period_need_yes_for_the_whole_file(cli, cfg, tmp_path) -> None:
    sheet = tmp_path / "so.csv"
    sheet.write_text("Đơn vị,Báo cáo,Kỳ,Ngày nhận\n"
                     "bhxh-kh,monthly,01/2026,16/01/2026\n"
                     "hdy,monthly,2027-01,10/04/2026\n"
                     "hkh,monthly,2026-05,10/04/2026\n", encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2026-04-15", code=2)
    assert "Dòng 3: kỳ 2027-01 có hạn cuối 19/01/2027" in r.stderr, r.stderr
    assert "Dòng 4: kỳ 2026-05 có hạn cuối 19/05/2026" in r.stderr and "Dòng 2" not in r.stderr
    assert "history_empty" not in cli("history").stdout and "Sổ theo dõi chưa có" in cli("history").stdout
    out = cli("import", str(sheet), "--as-of", "2026-04-15", "--yes").stdout
    assert "Đã ghi 3 báo cáo" in out


# ---------------------------------------------------------------------------- the same report twice


def test_recording_the_same_report_twice_without_a_period_names_the_record(cli, cfg) -> None:
    cli("submit", "hkh", "annual", "--as-of", "2026-11-25")
    r = cli("submit", "hkh", "annual", "--as-of", "2026-11-26", code=2)
    assert "đã ghi nhận (#1)" in r.stderr and "kỳ gần nhất 2026, nhận ngày 25/11/2026" in r.stderr, r.stderr
    assert "không còn kỳ báo cáo" not in r.stderr


# ---------------------------------------------------------------------------- void: the office's entry error


def test_a_voided_submission_leaves_the_report_outstanding_and_stays_in_the_history(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--as-of", "2026-01-20")
    cli("submit", "sgddt", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--as-of", "2026-01-20")
    out = cli("void", "1", "--note", "ghi nhầm đơn vị: là Sở Giáo dục").stdout
    assert out.splitlines() == [
        "Đã hủy bản ghi nhập nhầm #1 (nhận): Sở Y tế — Báo cáo tháng (2026-01); bản ghi hủy H1.",
        "Báo cáo này nay là chưa gửi.",
    ]
    status = _json(cli, "status", "syt", "--as-of", "2026-02-01")["instances"]
    assert next(r for r in status if r["period"] == "2026-01")["status"] == "overdue"
    assert any(r["unit"] == "syt" for r in _json(cli, "overdue", "--as-of", "2026-02-01")["instances"])
    # the scorecard does not count it: syt owes one and has it missing, sgddt sent its own
    scores = {s["unit"]: s for s in _json(cli, "stats", "--as-of", "2026-02-01")["units"]}
    assert (scores["syt"]["on_time"], scores["syt"]["missing"]) == (0, 1)
    assert (scores["sgddt"]["on_time"], scores["sgddt"]["missing"]) == (1, 0)
    # history keeps it, marked, with the void
    doc = _json(cli, "history")
    first = doc["events"][0]
    assert first["id"] == 1 and first["void"]["note"] == "ghi nhầm đơn vị: là Sở Giáo dục"
    assert "void" not in doc["events"][1]
    assert doc["voids"] == [first["void"]] and first["void"]["event_id"] == 1
    table = cli("history").stdout
    assert "#1 nhận" in table and "đã hủy" in table and "H1 hủy #1" in table
    # explain says so
    out = cli("explain", "syt", "monthly", "2026-01", "--as-of", "2026-02-01").stdout
    assert "đã hủy (nhập nhầm): H1" in out and "Trạng thái ngày 01/02/2026: quá hạn" in out
    # the export of the year holds the report as owed again
    exported = json.loads(cli("export", "--format", "json", "--as-of", "2026-02-01").stdout)["instances"]
    assert next(r for r in exported if (r["unit"], r["period"]) == ("syt", "2026-01"))["status"] == "overdue"
    # the report can be recorded again, and the chain vouches for all of it
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-16", "--as-of", "2026-02-01")
    assert "4 bản ghi, chuỗi băm khớp" in cli("verify").stdout


def test_a_voided_correction_brings_back_the_one_before(cli, cfg) -> None:
    cli("submit", "bhxh-kh", "q1", "--period", "2026-Q1", "--received", "2026-03-19", "--doc-number", "140/BC-BHXH",
        "--as-of", "2026-03-19")
    cli("submit", "bhxh-kh", "q1", "--period", "2026-Q1", "--correct", "--received", "2026-03-25", "--as-of", "2026-03-25")
    assert _json(cli, "status", "bhxh-kh", "--as-of", "2026-04-01")["instances"][2]["status"] == "late"
    out = cli("void", "#2", "--note", "sửa nhầm ngày nhận").stdout
    assert "Bản ghi có hiệu lực nay là #1 (nhận ngày 19/03/2026)." in out
    row = next(r for r in _json(cli, "status", "bhxh-kh", "--as-of", "2026-04-01")["instances"] if r["period"] == "2026-Q1")
    assert (row["status"], row["received"], row["doc_number"]) == ("on_time", "2026-03-19", "140/BC-BHXH")


def test_a_voided_withdrawal_brings_the_report_back(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-16", "--as-of", "2026-03-16")
    cli("withdraw", "syt", "q1", "--period", "2026-Q1", "--note", "rút nhầm")
    assert "2026-Q1" in cli("due", "--as-of", "2026-03-17", "--unit", "syt").stdout
    out = cli("void", "2", "--note", "đơn vị không rút; ghi nhầm").stdout
    assert "Bản ghi có hiệu lực nay là #1" in out
    assert "2026-Q1" not in cli("due", "--as-of", "2026-03-17", "--unit", "syt").stdout


def test_void_refuses_what_it_cannot_void_and_writes_nothing(cli, cfg, backend) -> None:
    r = cli("void", "1", "--note", "x", code=2)
    assert "Không có sự kiện #1 trong sổ theo dõi" in r.stderr
    assert not backend.exists()
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-01-19")
    r = cli("void", "7", "--note", "x", code=2)
    assert "Không có sự kiện #7" in r.stderr
    cli("void", "1", "--note", "nhầm")
    r = cli("void", "1", "--note", "lần nữa", code=2)
    assert "Sự kiện #1 đã được hủy trước đó (H1" in r.stderr
    r = cli("void", "H1", "--note", "hủy cái hủy", code=2)
    assert "'H1' là một bản ghi hủy; không hủy được bản ghi hủy" in r.stderr
    for bad in ("abc", "0", "-3", "1.5"):
        r = cli("void", bad, "--note", "x", code=2)
        assert "không phải số sự kiện" in r.stderr or "Lỗi" in r.stderr, (bad, r.stderr)
        assert "Traceback" not in r.stderr
    r = cli("void", "1", code=2)  # the reason is required
    assert "--note" in r.stderr
    assert backend.count("voids") == 1
    assert "2 bản ghi, chuỗi băm khớp" in cli("verify").stdout


def test_a_void_changed_behind_khoagiaos_back_is_found_by_verify(cli, cfg, backend) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-01-19")
    cli("void", "1", "--note", "nhầm")
    if backend.postgresql:  # no trigger fires for a moment; nothing shows in the schema after
        backend.tamper(PAST_THE_TRIGGERS, "DELETE FROM voids")
    else:
        backend.tamper("DROP TRIGGER voids_no_delete", "DELETE FROM voids")
    r = cli("verify", code=1)
    assert "bản ghi hủy H1" in r.stderr, r.stderr


def test_void_speaks_english_too(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-01-19")
    out = cli("void", "1", "--note", "wrong unit", "--lang", "en").stdout
    assert out.startswith("Voided entry #1 (received) made by mistake: Sở Y tế — Monthly report (2026-01)")
    assert "Void an entry made by mistake" in cli("void", "--help", "--lang", "en").stdout
    assert "Hủy bản ghi nhập nhầm" in cli("void", "--help").stdout


# ---------------------------------------------------------------------------- incidents listed and cancelled


def test_incidents_are_listed_and_a_cancelled_one_leaves_due_but_stays_in_the_history(cli, cfg) -> None:
    cli("incident", "add", "syt", "--title", "Ổ dịch sốt xuất huyết", "--occurred", "2026-11-22 08:30",
        "--as-of", "2026-11-22T10:00")
    cli("incident", "add", "hdy", "--title", "Nghi ngộ độc", "--occurred", "2026-11-20 09:00",
        "--as-of", "2026-11-20T11:00")
    cli("submit", "syt", "incident", "--received", "2026-11-23 10:15", "--as-of", "2026-11-23T11:00")
    listed = _json(cli, "incident", "list")["incidents"]
    assert [(i["id"], i["unit"], i.get("event")) for i in listed] == [(1, "syt", 1), (2, "hdy", None)]
    assert "Nghi ngộ độc" in cli("incident", "list").stdout
    def incidents_overdue() -> list[str]:
        return [r["unit"] for r in _json(cli, "overdue", "--as-of", "2026-11-23")["instances"] if r["report"] == "incident"]

    assert incidents_overdue() == ["hdy"]
    out = cli("incident", "cancel", "2", "--note", "Sở Y tế xác minh: không phải ngộ độc").stdout
    assert out.strip() == "Đã hủy sự việc #2 của Hội Đông y tỉnh (Nghi ngộ độc)."
    assert incidents_overdue() == []
    assert "Nghi ngộ độc" not in cli("due", "--as-of", "2026-11-23").stdout
    assert [i["id"] for i in _json(cli, "incident", "list")["incidents"]] == [1]
    everything = _json(cli, "incident", "list", "--all")["incidents"]
    assert [(i["id"], i.get("cancelled")) for i in everything] == [(1, None), (2, True)]
    assert "(đã hủy)" in cli("incident", "list", "--all").stdout
    assert [e["kind"] for e in _json(cli, "history")["events"]] == ["submit"]  # nothing lost
    r = cli("incident", "cancel", "2", code=2)
    assert "Sự việc #2 đã hủy trước đó." in r.stderr
    r = cli("incident", "cancel", "9", code=2)
    assert "Không có sự việc #9; các sự việc đang theo dõi: #1." in r.stderr
    r = cli("incident", "cancel", "hai", code=2)
    assert "không phải số sự việc" in r.stderr
    assert "4 bản ghi, chuỗi băm khớp" in cli("verify").stdout


# ---------------------------------------------------------------------------- every earlier schema, then voids


@SQLITE_ONLY  # the SQL dumps of the ledgers older khoagiao releases wrote
@pytest.mark.parametrize("version", range(1, 6))
def test_a_ledger_of_every_earlier_schema_takes_voids_and_cancellations(cli, cfg, tmp_path, version) -> None:
    db = tmp_path / f"v{version}.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.executescript((Path(__file__).parent / "fixtures" / f"ledger-v{version}.sql").read_text(encoding="utf-8"))
    before = cli("verify", "--db", str(db), code=1)  # verify never migrates: an older schema is refused as it is
    assert "lược đồ" in before.stderr
    events = _json(cli, "history", "--db", str(db))["events"]
    first = events[0]
    out = cli("void", str(first["id"]), "--note", "nhập nhầm", "--db", str(db)).stdout
    assert f"#{first['id']}" in out
    voided = _json(cli, "history", "--db", str(db))["events"][0]
    assert voided["void"]["event_id"] == first["id"]
    incidents = _json(cli, "incident", "list", "--db", str(db))["incidents"] if version >= 2 else []
    if incidents:
        cli("incident", "cancel", str(incidents[0]["id"]), "--note", "nhầm", "--db", str(db))
    out = cli("verify", "--db", str(db)).stdout
    assert "chuỗi băm khớp" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM voids").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM incident_cancels").fetchone()[0] == (1 if incidents else 0)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM voids")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE voids SET note = 'x'")
        if incidents:
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute("UPDATE incident_cancels SET note = 'x'")


@NO_LEDGER
def test_the_due_soon_window_is_five_working_days_every_day_of_2026(cli, cfg) -> None:
    """For each day of the year the `due` horizon is the fifth working day after it, on the shipped calendar."""
    import os

    from khoagiao_cli.config.load import load
    from khoagiao_cli.config.paths import config_sources

    config = load(config_sources(None, os.environ), None, Path.cwd())
    day = date(2026, 1, 1)
    while day.year == 2026:
        until = config.due_soon_until(day)
        working = [d for d in (day + timedelta(days=n) for n in range(1, (until - day).days + 1))
                   if config.calendar.is_working(d)]
        assert len(working) == 5 and working[-1] == until, day
        day += timedelta(days=1)


def test_the_workbook_marks_a_voided_event(cli, cfg, tmp_path) -> None:
    from openpyxl import load_workbook

    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--as-of", "2026-01-20")
    cli("void", "1", "--note", "ghi nhầm đơn vị")
    target = tmp_path / "theo-doi.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-02-01", "-o", str(target))
    wb = load_workbook(target)
    events = wb.worksheets[1]
    assert events.cell(row=2, column=1).value == 1
    assert events.cell(row=2, column=2).value == "nhận — đã hủy (nhập nhầm) (H1: ghi nhầm đơn vị)"
    year = wb.worksheets[0]
    cells = [c.value for row in year.iter_rows() for c in row]
    # the year sheet holds the report as owed: the voided receipt's date is in no cell
    assert not [c for c in cells if hasattr(c, "year") and (c.year, c.month, c.day) == (2026, 1, 15)]
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--as-of", "2026-02-01")
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-02-01", "-o", str(target))
    cells = [c.value for row in load_workbook(target).worksheets[0].iter_rows() for c in row]
    assert [c for c in cells if hasattr(c, "year") and (c.year, c.month, c.day) == (2026, 1, 15)]
