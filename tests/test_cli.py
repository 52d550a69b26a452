"""The commands as a clerk uses them, on a temporary config and ledger."""

from __future__ import annotations

import csv
import io
import json
import tomllib

import pytest
from backends import BOTH, NO_LEDGER
from test_truth import office_today

pytestmark = BOTH


# ---------------------------------------------------------------------------- due


def test_due_on_the_embedded_defaults_greets_a_new_install_with_nothing_overdue(cli) -> None:
    out = cli("due", "--as-of", "2026-04-01").stdout
    assert "Không có báo cáo nào quá hạn hoặc đến hạn trong 5 ngày làm việc tới (đến 08/04/2026)" in out


def test_due_lists_overdue_first_then_due_soon(cli, cfg) -> None:
    rows = json.loads(cli("due", "--as-of", "2026-03-18", "--format", "json").stdout)["instances"]
    assert len(rows) == 33
    assert [r["status"] for r in rows] == ["overdue"] * 22 + ["due"] * 11
    first = rows[0]
    assert first == {
        "days_left": -58, "deadline": "2026-01-19", "deadline_text": "trước 20/01/2026", "period": "2026-01",
        "report": "monthly", "report_name": "Báo cáo tháng", "status": "overdue", "unit": "syt", "unit_name": "Sở Y tế",
    }
    assert rows[-1]["report"] == "q1" and rows[-1]["days_left"] == 1


def test_due_within_and_unit(cli, cfg) -> None:
    # --within counts working days, as the default due_soon does: 7 from Tuesday 10/03 reach Thursday 19/03
    rows = json.loads(cli("due", "--as-of", "2026-03-10", "--within", "7", "--unit", "y te", "--format", "json").stdout)["instances"]
    assert [(r["unit"], r["period"], r["status"]) for r in rows] == [
        ("syt", "2026-01", "overdue"), ("syt", "2026-02", "overdue"), ("syt", "2026-Q1", "due"),
    ]
    rows = json.loads(cli("due", "--as-of", "2026-03-10", "--within", "6", "--unit", "syt", "--format", "json").stdout)["instances"]
    assert [r["period"] for r in rows] == ["2026-01", "2026-02"]


def test_due_plain_is_one_line_per_report(cli, cfg) -> None:
    out = cli("due", "--as-of", "2026-03-18", "--unit", "hoi dong y").stdout.splitlines()
    assert out[0] == "Báo cáo cần gửi — tính đến 18/03/2026, hạn đến 25/03/2026"
    assert out[1].split() == "quá hạn hdy Hội Đông y tỉnh Báo cáo tháng (2026-01) trước 20/01/2026 19/01/2026 quá 58 ngày".split()
    assert out[3].split()[-3:] == ["còn", "1", "ngày"]
    assert out[-1] == "2 quá hạn, 1 sắp đến hạn."


def test_due_table_in_english(cli, cfg) -> None:
    out = cli("due", "--as-of", "2026-03-18", "--unit", "hdy", "--format", "table", "--lang", "en").stdout
    assert "Reports due — as of 18/03/2026" in out
    assert "before 20/01/2026" in out and "58 days overdue" in out
    assert "2 overdue, 1 due soon." in out


def test_tracking_start_defaults_to_the_day_the_ledger_was_created(cli) -> None:
    """The first recorded report creates the ledger on the real clock's day, whatever --as-of says."""
    from datetime import date, timedelta

    from test_truth import office_today

    cli("submit", "syt", "q1", "--period", "2026-Q1", "--as-of", "2026-03-10")
    created = office_today()
    later = created + timedelta(days=400)
    rows = json.loads(cli("overdue", "--as-of", later.isoformat(), "--format", "json").stdout)["instances"]
    deadlines = sorted(date.fromisoformat(r["deadline"]) for r in rows)
    assert deadlines and deadlines[0] >= created
    assert cli("overdue", "--as-of", created.isoformat()).stdout == ""


# ---------------------------------------------------------------------------- submit


def test_submit_takes_the_earliest_open_period_and_says_so(cli, cfg, backend) -> None:
    out = cli("submit", "so y te", "monthly", "--as-of", "2026-03-18", "--doc-number", "125/BC-SYT").stdout
    assert "Kỳ 2026-01 được chọn tự động" in out
    assert "Đã ghi nhận (sự kiện #1): Sở Y tế — Báo cáo tháng (2026-01), nhận ngày 18/03/2026." in out
    assert "Gửi muộn 58 ngày (trước 20/01/2026; hạn cuối 19/01/2026)." in out
    out = cli("submit", "SỞ Y TẾ", "monthly", "--received", "19/2", "--as-of", "2026-03-18").stdout
    assert "(2026-02)" in out and "Đúng hạn" in out
    assert backend.count("events") == 2


def test_a_received_report_leaves_due(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-19", "--as-of", "2026-03-19", "--channel", "eoffice")
    rows = json.loads(cli("due", "--as-of", "2026-03-19", "--unit", "syt", "--format", "json").stdout)["instances"]
    assert [r["period"] for r in rows] == ["2026-01", "2026-02"]


def test_a_duplicate_is_refused_and_correct_records_a_correction(cli, cfg, backend) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-19", "--as-of", "2026-03-20")
    r = cli("submit", "syt", "q1", "--period", "2026-Q1", "--as-of", "2026-03-20", code=2)
    assert "đã được ghi nhận (nhận ngày 19/03/2026, sự kiện #1)" in r.stderr and "--correct" in r.stderr
    assert backend.count("events") == 1
    out = cli("submit", "syt", "q1", "--period", "2026-q1", "--received", "2026-03-20", "--correct", "--as-of", "2026-03-20").stdout
    assert "Đã ghi sửa (sự kiện #2) cho sự kiện #1" in out and "Gửi muộn 1 ngày" in out
    exported = json.loads(cli("export", "--format", "json", "--as-of", "2026-03-20").stdout)
    q1 = [r for r in exported["instances"] if (r["unit"], r["report"]) == ("syt", "q1")]
    assert q1[0]["status"] == "late" and q1[0]["days_late"] == 1 and q1[0]["received"] == "2026-03-20"


def test_a_correction_keeps_what_it_does_not_change(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-12", "--doc-number", "12/BC-SYT", "--channel", "paper", "--as-of", "2026-03-20")
    cli("submit", "syt", "q1", "--correct", "--doc-number", "13/BC-SYT", "--as-of", "2026-03-25")
    hist = json.loads(cli("history", "--format", "json").stdout)["events"]
    assert (hist[1]["kind"], hist[1]["received"], hist[1]["doc_number"], hist[1]["channel"]) == (
        "correct", "2026-03-12", "13/BC-SYT", "paper",
    )


def test_withdraw_reopens_the_instance(cli, cfg, backend) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-19", "--as-of", "2026-03-20")
    out = cli("withdraw", "syt", "q1", "--period", "2026-Q1", "--note", "gửi nhầm").stdout
    assert "Đã ghi rút (sự kiện #2)" in out
    rows = json.loads(cli("overdue", "--as-of", "2026-03-20", "--unit", "syt", "--format", "json").stdout)["instances"]
    assert "2026-Q1" in [r["period"] for r in rows]
    hist = json.loads(cli("history", "syt", "--format", "json").stdout)["events"]
    assert [h["kind"] for h in hist] == ["submit", "withdraw"]
    assert hist[1]["note"] == "gửi nhầm" and hist[0]["unit_name"] == "Sở Y tế"
    cli("withdraw", "syt", "q1", "--period", "2026-Q1", code=2)
    assert backend.count("events") == 2


def test_submit_records_the_file_and_its_sha256(cli, cfg, tmp_path) -> None:
    f = tmp_path / "bc.pdf"
    f.write_bytes(b"%PDF-1.4 report")
    cli("submit", "bhxh-kh", "q1", "--file", str(f), "--as-of", "2026-03-10", "--note", "bản scan")
    hist = json.loads(cli("history", "--format", "json").stdout)["events"]
    import hashlib

    assert hist[0]["file_sha256"] == hashlib.sha256(b"%PDF-1.4 report").hexdigest()
    assert hist[0]["file_path"] == str(f.resolve())
    assert hist[0]["recorded_by"] and hist[0]["recorded_at"].startswith("20")


def test_submit_in_english(cli, cfg) -> None:
    out = cli("submit", "syt", "q1", "--as-of", "2026-03-10", "--lang", "en").stdout
    assert "Recorded (event #1): Sở Y tế — First-quarter report (2026-Q1), received 10/03/2026." in out
    assert "On time (before 20/03/2026; last day 19/03/2026)." in out


# ---------------------------------------------------------------------------- bad input: message, exit 2, nothing changes


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["submit", "xyz", "q1"], "Không có đơn vị 'xyz'."),
        (["submit", "so y tee", "q1"], "Có phải ý bạn là: syt (Sở Y tế)?"),
        (["submit", "khoa", "q1"], "'khoa' khớp với nhiều đơn vị"),
        (["submit", "syt", "montly"], "Không có báo cáo 'montly'. Có phải ý bạn là: monthly?"),
        (["submit", "syt", "monthly", "--received", "2026-02-30"], "--received '2026-02-30' là ngày không có thật."),
        (["submit", "syt", "monthly", "--received", "hôm qua"], "không phải ngày"),
        (["submit", "syt", "monthly", "--period", "2026-13"], "Kỳ '2026-13' không đúng dạng"),
        (["submit", "syt", "monthly", "--period", "2026-03"], "Báo cáo quý I thay cho nó. Hãy ghi nhận Báo cáo quý I (mã q1)."),
        (["submit", "syt", "q1", "--period", "2026-Q2"], "không có kỳ '2026-Q2'"),
        (["submit", "syt", "q1", "--received", "2026-12-01", "--as-of", "2026-03-10"], "ở tương lai"),
        (["submit", "syt", "q1", "--file", "/no/such/file.pdf"], "Không tìm thấy tệp đính kèm"),
        (["submit", "syt", "q1", "--channel", "fax"], "Hình thức nhận 'fax' không hợp lệ"),
        (["submit", "syt", "q1", "--correct"], "Chưa có Báo cáo quý I nào của syt để sửa"),
        (["submit", "syt", "q1", "--period", "2026-Q1", "--correct"], "Chưa có Báo cáo quý I kỳ 2026-Q1 của syt để sửa"),
        (["due", "--as-of", "30/2/2026"], "là ngày không có thật"),
        (["due", "--as-of", "9999-12-30"], "nằm ngoài khoảng khoagiao theo dõi (năm 1900–2999)"),
        (["request", "add", "--id", "x", "--title", "t", "--deadline", "0001-01-01"], "nằm ngoài khoảng"),
        (["due", "--as-of", "10/13/2026"], "--as-of '10/13/2026' là ngày không có thật"),  # never read as 13 October
        (["due", "--as-of", "2026-03-10T24:00"], "--as-of '2026-03-10T24:00': giờ không hợp lệ"),
        (["explain", "syt", "q1", "2026-Q2"], "không có kỳ '2026-Q2'"),
        (["calendar", "--year", "99999"], "Năm '99999' không hợp lệ"),
        (["due", "--format", "xml"], "Định dạng 'xml' không được hỗ trợ"),
        (["due", "--lang", "fr"], "Ngôn ngữ 'fr' không được hỗ trợ"),
        (["status", "--year", "20266"], "Năm '20266' không hợp lệ"),
        (["export", "--format", "yaml"], "Định dạng 'yaml'"),
        (["due", "--config", "/no/such/dir"], "Thư mục cấu hình /no/such/dir (từ --config) không tồn tại"),
    ],
)
def test_bad_input(cli, cfg, backend, args, message) -> None:
    cli("due", "--as-of", "2026-03-10")  # the ledger exists; nothing in it
    r = cli(*args, code=2)
    assert message in r.stderr, r.stderr
    assert r.stderr.removeprefix(backend.none_yet).startswith("Lỗi: ")  # a command that reads says it first
    assert "Traceback" not in r.stdout + r.stderr
    assert backend.count("events") == 0


def test_a_unit_that_does_not_owe_a_report(cli, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    units = "units:\n  - code: hkh\n    name: Hội Khuyến học tỉnh\n    reports: [annual]\n"
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "c", units=units)))
    r = cli("submit", "hkh", "q1", code=2)
    assert "không phải gửi Báo cáo quý I" in r.stderr


def test_malformed_yaml_is_a_config_error(cli, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    folder = write_config(tmp_path / "c", schedule="rules:\n  - id: [\n")
    r = cli("due", "--config", str(folder), code=2)
    assert "Cấu hình có 1 lỗi:" in r.stderr and "schedule.yaml:3: YAML không hợp lệ" in r.stderr


# ---------------------------------------------------------------------------- overdue


def test_overdue_prints_nothing_when_nothing_is_overdue(cli, cfg, backend) -> None:
    r = cli("overdue", "--as-of", "2026-01-19", "--fail")
    assert r.stdout == "" and r.stderr == backend.none_yet  # KHOAGIAO_DB names a ledger not created yet


def test_overdue_groups_by_unit_and_fail_exits_1(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--as-of", "2026-02-01")
    r = cli("overdue", "--as-of", "2026-02-24", "--fail", code=1)
    lines = r.stdout.splitlines()
    assert lines[0] == "Báo cáo quá hạn tính đến 24/02/2026: 21 báo cáo của 11 đơn vị"
    assert lines[2:4] == [
        "Sở Y tế (syt)",
        "  - Báo cáo tháng (2026-02): trước 20/02/2026 (hạn cuối 23/02/2026, chuyển từ 19/02 (Mùng ba Tết Nguyên Đán)),"
        " quá 1 ngày",
    ]
    assert "\x1b" not in r.stdout and "│" not in r.stdout
    assert cli("overdue", "--as-of", "2026-02-24").exit_code == 0


# ---------------------------------------------------------------------------- status, export, units, schedule, history


def test_status_of_the_year(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--received", "2026-01-15", "--as-of", "2026-04-15")
    cli("submit", "syt", "monthly", "--received", "2026-02-25", "--as-of", "2026-04-15")
    rows = json.loads(cli("status", "syt", "--as-of", "2026-04-15", "--format", "json").stdout)["instances"]
    assert [(r["period"], r["status"]) for r in rows][:5] == [
        ("2026-01", "on_time"), ("2026-02", "late"), ("2026-Q1", "overdue"), ("2026-04", "due"), ("2026-05", "upcoming"),
    ]
    assert rows[1]["days_late"] == 2  # the deadline moved from 19/02 (Tết) to 23/02
    assert rows[1]["nominal_deadline"] == "2026-02-19"
    assert len(rows) == 13
    table = cli("status", "syt", "--as-of", "2026-04-15").stdout
    assert "gửi muộn 2 ngày" in table and "1 đúng hạn, 1 gửi muộn, 1 quá hạn, 1 sắp đến hạn, 9 chưa đến hạn." in table


def test_export_formats_agree_and_parse_back(cli, cfg, tmp_path) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-21", "--doc-number", "12/BC-SYT", "--as-of", "2026-04-01")
    j = json.loads(cli("export", "--format", "json", "--as-of", "2026-04-01").stdout)
    out = tmp_path / "out" / "nam.csv"
    out.parent.mkdir()  # -o never creates folders (a typo would leave some behind)
    cli("export", "--format", "csv", "--as-of", "2026-04-01", "-o", str(out))
    c = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))  # a file: UTF-8 with a BOM
    tom = tmp_path / "nam.toml"
    cli("export", "--format", "toml", "--as-of", "2026-04-01", "--output", str(tom))
    t = tomllib.loads(tom.read_text(encoding="utf-8"))
    assert j["schema"] == t["schema"] == 2 and j["year"] == t["year"] == 2026
    # 11 units owe 13 reports each; the Commission owes its own 4
    assert len(j["instances"]) == len(c) == len(t["instances"]) == 11 * 13 + 4
    for a, b, d in zip(j["instances"], c, t["instances"], strict=True):
        assert list(a) == sorted(a) and list(d) == sorted(d)
        for key, value in a.items():
            assert b[key] == str(value)
            assert str(d[key]) == str(value)
    late = [r for r in j["instances"] if r["status"] == "late"]
    assert late == [{**late[0], "unit": "syt", "received": "2026-03-21", "days_late": 2, "doc_number": "12/BC-SYT"}]
    assert list(tmp_path.glob("out/.*")) == []  # no temporary file left behind


def test_units_json(cli) -> None:
    rows = json.loads(cli("units", "--format", "json").stdout)["units"]
    assert len(rows) == 11
    assert rows[0]["code"] == "syt" and rows[0]["name"] == "Sở Y tế"
    assert rows[0]["reports"] == ["monthly", "q1", "h1", "q3", "annual"]
    assert "Trường Đại học Khánh Hòa" in cli("units").stdout


def test_schedule_table(cli) -> None:
    out = cli("schedule", "--year", "2026").stdout
    assert "Lịch hạn báo cáo năm 2026" in out
    assert "trước 30/11/2026" in out and "30/11/2026" in out and "chuyển từ 29/11 (Chủ nhật)" in out


def test_history_empty_and_filtered(cli, cfg) -> None:
    assert "chưa có sự kiện" in cli("history").stdout
    cli("submit", "syt", "q1", "--as-of", "2026-03-10")
    cli("submit", "bhxh-kh", "q1", "--as-of", "2026-03-10")
    assert [h["unit"] for h in json.loads(cli("history", "--report", "q1", "--format", "json").stdout)["events"]] == ["syt", "bhxh-kh"]
    assert [h["unit"] for h in json.loads(cli("history", "bhxh-kh", "--format", "json").stdout)["events"]] == ["bhxh-kh"]
    assert "Sổ theo dõi: 2 sự kiện" in cli("history", "--format", "table").stdout


# ---------------------------------------------------------------------------- init and config


def test_init_writes_the_defaults_and_refuses_to_overwrite(cli, isolated) -> None:
    out = cli("init").stdout
    target = isolated / "config"
    assert (target / "units.yaml").read_text(encoding="utf-8").startswith("# Các đơn vị")
    assert "khoagiao sẽ dùng các tệp này" in out
    r = cli("init", code=2)
    assert "không ghi đè" in r.stderr
    cli("init", "--force")
    out = cli("config").stdout
    assert "thư mục cấu hình người dùng" in out


def test_init_into_another_folder_says_how_to_use_it(cli, tmp_path) -> None:
    out = cli("init", str(tmp_path / "elsewhere")).stdout
    assert f"--config {tmp_path / 'elsewhere'}" in out


def test_config_says_where_each_setting_comes_from(cli) -> None:
    out = cli("config").stdout
    assert "Cấu hình hợp lệ: 25 đơn vị, 7 quy tắc báo cáo." in out
    assert "mặc định kèm theo khoagiao" in out
    assert "chưa có sổ" in out
    cli("due", "--as-of", "2026-05-02")
    assert "chưa có sổ" in cli("config").stdout  # reading creates nothing
    cli("submit", "syt", "q1", "--as-of", "2026-05-02", "--period", "2026-Q1")
    assert f"{office_today():%d/%m/%Y}" in cli("config").stdout


@NO_LEDGER
def test_version(cli) -> None:
    from khoagiao_cli import __version__

    assert cli("--version").stdout.strip() == f"khoagiao {__version__}"


@NO_LEDGER  # click refuses them before any ledger is opened
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "--foo"], "Lỗi: Không có tùy chọn --foo. Có phải ý bạn là: --format?"),
        (["explain", "syt"], "Lỗi: Thiếu tham số BÁO_CÁO."),
        (["request", "add", "--id", "x"], "Lỗi: Thiếu tùy chọn --title."),
        (["due", "--within", "x"], "Lỗi: Giá trị của --within không hợp lệ: 'x' không phải một số nguyên."),
        (["due", "--within", "-1"], "Lỗi: Giá trị của --within không hợp lệ: -1 nằm ngoài khoảng 0–3660."),
        (["due", "--within", "1.5"], "Lỗi: Giá trị của --within không hợp lệ: '1.5' không phải một số nguyên."),
        (["due", "--within", "100000000"], "Lỗi: Giá trị của --within không hợp lệ: 100000000 nằm ngoài khoảng 0–3660."),
        (["submit", "syt", "monthly", "thua"], "Lỗi: Thừa tham số: thua."),
        (["khong-co-lenh"], "Lỗi: Không có lệnh 'khong-co-lenh'."),
        (["due", "--as-of"], "Lỗi: Tùy chọn --as-of cần một giá trị."),
    ],
)
def test_command_line_mistakes_are_said_in_vietnamese(cli, args, message) -> None:
    r = cli(*args, code=2)
    assert r.stderr.startswith(message), r.stderr
    assert "Traceback" not in r.output and "╭" not in r.output
