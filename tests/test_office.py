"""The year's scorecard, the office's spreadsheets (parsed back by openpyxl), the import, and the urging
letter (read back by python-docx)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from backends import BOTH

pytestmark = BOTH

def _history(cli) -> None:  # noqa: ANN001
    """Q1 2026 of three units, worked out by hand: deadlines 19/01, 23/02 (Tết), 19/03."""
    for args in (
        ("syt", "monthly", "2026-01", "2026-01-15"),   # on time
        ("syt", "monthly", "2026-02", "2026-02-27"),   # 4 days late (deadline 23/02)
        ("syt", "q1", "2026-Q1", "2026-03-19"),         # on time, the last day
        ("hkh", "monthly", "2026-01", "2026-01-25"),   # 6 days late
        ("hkh", "monthly", "2026-02", "2026-03-05"),   # 10 days late
        ("bhxh-kh", "monthly", "2026-01", "2026-01-19"),  # on time; February and Q1 missing
    ):
        cli("submit", args[0], args[1], "--period", args[2], "--received", args[3], "--as-of", "2026-04-01")


# ---------------------------------------------------------------------------- stats


def test_stats_by_hand(cli, cfg) -> None:
    _history(cli)
    scores = json.loads(cli("stats", "--as-of", "2026-04-01", "--format", "json").stdout)["units"]
    by_unit = {s["unit"]: s for s in scores}
    assert by_unit["syt"] == {
        "rank": 1, "unit": "syt", "unit_name": "Sở Y tế", "owed": 3, "on_time": 2, "late": 1, "missing": 0,
        "on_time_rate": 0.6667, "avg_days_late": 4.0, "max_days_late": 4,
        "months": ["on_time", "late", "on_time", "upcoming", *["upcoming"] * 8],
    }
    assert by_unit["bhxh-kh"]["rank"] == 2 and by_unit["bhxh-kh"]["missing"] == 2 and by_unit["bhxh-kh"]["on_time_rate"] == 0.3333
    hkh = by_unit["hkh"]
    assert (hkh["on_time"], hkh["late"], hkh["missing"], hkh["avg_days_late"], hkh["max_days_late"]) == (0, 2, 1, 8.0, 10)
    assert hkh["rank"] == 3  # 0 on time, but fewer missing than the units that sent nothing
    assert [s["rank"] for s in scores] == list(range(1, 12))
    assert "ban" not in by_unit  # the Commission does not score itself
    table = cli("stats", "--as-of", "2026-04-01", "--format", "table").stdout
    assert "Đánh giá gửi báo cáo đúng hạn năm 2026 — tính đến 01/04/2026" in table
    assert "█████░░░  66,7%" in table and "✓!✓·········" in table
    plain = cli("stats", "--as-of", "2026-04-01").stdout.splitlines()  # piped: plain text
    assert plain[2].split() == ["1", "syt", "Sở", "Y", "tế", "3", "2", "1", "4,0", "4", "0", "66,7%", "✓!✓·········"]
    one = json.loads(cli("stats", "--as-of", "2026-04-01", "--unit", "hkh", "--format", "json").stdout)["units"]
    assert [s["unit"] for s in one] == ["hkh"]


def test_stats_before_anything_is_owed(cli, cfg) -> None:
    scores = json.loads(cli("stats", "--as-of", "2026-01-05", "--format", "json").stdout)["units"]
    assert all(s["owed"] == 0 and "on_time_rate" not in s for s in scores)  # no value: left out, never null


# ---------------------------------------------------------------------------- xlsx


def test_xlsx_export_parsed_back(cli, cfg, tmp_path) -> None:
    _history(cli)
    out = tmp_path / "theo-doi.xlsx"
    r = cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-01", "-o", str(out))
    assert "3 trang tính" in r.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Năm 2026", "Sự kiện", "Xếp hạng 2026"]
    year = wb["Năm 2026"]
    assert year.freeze_panes == "C3"  # below the legend of the colours and the headings
    header = [c.value for c in year[2]]
    assert header[:2] == ["Mã", "Đơn vị"]
    assert header[3] == "Báo cáo tháng\ntháng 02/2026\nhạn 23/02"
    rows = {r[0].value: r for r in year.iter_rows(min_row=3)}
    assert list(rows)[:3] == ["syt", "sgddt", "skhcn"] and "ban" in rows
    syt = rows["syt"]
    assert syt[2].value == datetime(2026, 1, 15) and syt[2].number_format == "dd/mm/yyyy"
    assert syt[2].fill.fgColor.rgb.endswith("C6EFCE")  # on time: green
    assert syt[3].fill.fgColor.rgb.endswith("FFEB9C")  # late: amber
    assert rows["bhxh-kh"][3].value == "quá hạn" and rows["bhxh-kh"][3].fill.fgColor.rgb.endswith("FFC7CE")
    april = next(n for n, h in enumerate(header) if h and h.startswith("Báo cáo tháng\ntháng 04/2026"))
    assert rows["syt"][april].value == "chưa đến hạn"  # due 20/04, more than 7 days away
    own = next(n for n, h in enumerate(header) if h and h.startswith("Báo cáo công tác khoa giáo quý của Ban"))
    assert rows["syt"][own].value is None and rows["ban"][own].value == "quá hạn"
    assert year.page_setup.orientation == "landscape" and year.print_title_rows == "$1:$2"
    ev = wb["Sự kiện"]
    assert ev.max_row == 7 and [c.value for c in ev[2]][:7] == [1, "nhận", "syt", "Sở Y tế", "Báo cáo tháng", "2026-01", datetime(2026, 1, 15)]
    score = wb["Xếp hạng 2026"]
    assert [c.value for c in score[2]][:6] == [1, "syt", "Sở Y tế", 3, 2, 1]
    assert score.cell(row=2, column=10).number_format == "0.0%"


def test_xlsx_without_a_year_has_a_sheet_per_tracked_year(cli, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "c", tracking_start="2025-01-01")))
    out = tmp_path / "all.xlsx"
    cli("export", "--format", "xlsx", "--as-of", "2026-02-01", "-o", str(out))
    assert openpyxl.load_workbook(out).sheetnames == ["Năm 2025", "Năm 2026", "Sự kiện", "Xếp hạng 2026"]
    assert "-o" in cli("export", "--format", "xlsx", code=2).stderr


# ---------------------------------------------------------------------------- import


def _write_xlsx(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_import_an_xlsx_tracking_sheet(cli, cfg, tmp_path, backend) -> None:
    sheet = _write_xlsx(tmp_path / "so-theo-doi.xlsx", [
        ["Đơn vị", "Báo cáo", "Kỳ", "Ngày nhận", "Số, ký hiệu", "Hình thức", "Ghi chú"],
        ["Sở Y tế", "báo cáo tháng", datetime(2026, 1, 1), datetime(2026, 1, 15), "12/BC-SYT", "Giấy", "bản gốc"],
        ["bhxh-kh", "q1", "2026-Q1", "18/03/2026", None, "văn phòng điện tử", None],
        [None, None, None, None, None, None, None],
        ["hkh", "monthly", "2/2026", date(2026, 2, 20), None, "e-mail", None],
    ])
    dry = cli("import", str(sheet), "--dry-run", "--as-of", "2026-04-01").stdout
    assert "Sẽ ghi 3 báo cáo (chạy thử, chưa ghi gì):" in dry and "Dòng 2: syt  monthly  2026-01  15/01/2026  12/BC-SYT" in dry
    assert backend.count("events") == 0
    out = cli("import", str(sheet), "--as-of", "2026-04-01").stdout
    assert "Đã ghi 3 báo cáo từ" in out
    history = json.loads(cli("history", "--format", "json").stdout)["events"]
    assert [(h["unit"], h["report"], h["period"], h["received"], h.get("channel")) for h in history] == [
        ("syt", "monthly", "2026-01", "2026-01-15", "paper"),
        ("bhxh-kh", "q1", "2026-Q1", "2026-03-18", "eoffice"),
        ("hkh", "monthly", "2026-02", "2026-02-20", "email"),
    ]
    assert history[0]["doc_number"] == "12/BC-SYT" and history[0]["note"] == "bản gốc"
    again = cli("import", str(sheet), "--as-of", "2026-04-01").stdout
    assert "Bỏ qua 3 dòng đã có trong sổ: 2, 3, 5." in again and backend.count("events") == 3


def test_import_csv_with_english_headings_and_semicolons(cli, cfg, tmp_path, backend) -> None:
    sheet = tmp_path / "in.csv"
    sheet.write_text("\ufeffunit;report;period;received;doc_number\nsgddt;monthly;2026-01;2026-01-19;5/BC\n", encoding="utf-8")
    cli("import", str(sheet), "--as-of", "2026-04-01")
    assert backend.count("events") == 1


BAD_ROWS = [
    (["xyz", "monthly", "2026-01", "2026-01-10"], "Dòng 2: Không có đơn vị 'xyz'."),
    (["syt", "tuan", "2026-01", "2026-01-10"], "Dòng 3: Không có báo cáo 'tuan'"),
    (["syt", "monthly", "2026-13", "2026-01-10"], "Dòng 4: Kỳ '2026-13' không đúng dạng"),
    (["syt", "monthly", "2026-03", "2026-03-10"], "Dòng 5: Kỳ 2026-03 không có Báo cáo tháng riêng"),
    (["syt", "monthly", "2026-02", "31/02/2026"], "Dòng 6: ngày nhận '31/02/2026' là ngày không có thật."),
    (["syt", "monthly", "2026-04", "2026-12-01"], "Dòng 7: Ngày nhận 01/12/2026 ở tương lai"),
    (["hkh", "monthly", "2026-01", "2026-01-10", "fax"], "Dòng 8: Hình thức nhận 'fax' không hợp lệ"),
    (["bhxh-kh", "monthly", "2026-01", "2026-01-12"], "Dòng 9: đã ghi nhận ngày 19/01/2026 (sự kiện #1)"),
    (["hdy", "q1", "2026-Q1", "2026-03-01"], ""),
    (["hdy", "q1", "2026-Q1", "2026-03-02"], "Dòng 11: trùng với dòng 10"),
]


def test_each_bad_row_is_named_and_nothing_is_written(cli, cfg, tmp_path, backend) -> None:
    cli("submit", "bhxh-kh", "monthly", "--period", "2026-01", "--received", "2026-01-19", "--as-of", "2026-04-01")
    sheet = tmp_path / "bad.csv"
    lines = ["unit,report,period,received,channel"] + [",".join(r + [""] * (5 - len(r))) for r, _ in BAD_ROWS]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2026-04-01", code=2)
    assert r.stderr.startswith("Lỗi: 9 dòng không hợp lệ; không ghi dòng nào:")
    for _, message in BAD_ROWS:
        assert message in r.stderr, message
    assert "Traceback" not in r.output and backend.count("events") == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.txt", b"unit,report\n", "chỉ nhập được .csv hoặc .xlsx"),
        ("a.csv", b"don vi,ky\nsyt,2026-01\n", "Thiếu cột: Báo cáo, Ngày nhận"),
        ("a.csv", b"", "trống"),
        ("a.csv", "unit,report,period,received\n".encode("utf-16"), "không phải văn bản UTF-8"),
        ("a.xlsx", b"not a zip", "không phải bảng tính Excel (.xlsx)"),
    ],
)
def test_unreadable_files(cli, cfg, tmp_path, name, content, message) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert message in cli("import", str(path), code=2).stderr
    assert f"Không tìm thấy tệp {tmp_path / 'khong-co.csv'}." in cli("import", str(tmp_path / "khong-co.csv"), code=2).stderr


# ---------------------------------------------------------------------------- letter


def test_the_urging_letter_read_back(cli, cfg, tmp_path) -> None:
    _history(cli)
    out = tmp_path / "cv.docx"
    r = cli("letter", "bhxh-kh", "--as-of", "2026-04-01", "-o", str(out))
    assert "(2 báo cáo quá hạn)" in r.stdout
    d = docx.Document(str(out))
    header, table, footer = d.tables
    left, right = (c.text for c in header.rows[0].cells)
    assert left.split("\n") == ["TỈNH ỦY KHÁNH HÒA", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*", "Số        -CV/BTGDVTU",
                                "V/v đôn đốc gửi báo cáo"]
    assert right.split("\n") == ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Khánh Hòa, ngày 01 tháng 4 năm 2026"]
    text = [p.text for p in d.paragraphs if p.text]
    assert text[0] == "Kính gửi: Bảo hiểm xã hội tỉnh Khánh Hòa"
    assert "Tính đến ngày 01/04/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy chưa nhận được các báo cáo sau của Bảo hiểm xã hội tỉnh Khánh Hòa:" in text[1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["TT", "Báo cáo", "Kỳ", "Hạn gửi", "Quá hạn"],
        ["1", "Báo cáo tháng", "tháng 02/2026", "trước 20/02/2026 (hạn cuối 23/02/2026)", "quá 37 ngày"],
        ["2", "Báo cáo quý I", "quý I/2026", "trước 20/03/2026 (hạn cuối 19/03/2026)", "quá 13 ngày"],
    ]
    recipients, signature = (c.text.split("\n") for c in footer.rows[0].cells)
    assert recipients == ["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng Ban."]
    assert signature[:2] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"] and signature[-1] == "(họ và tên người ký)"
    section = d.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 3.0
    assert d.styles["Normal"].font.name == "Times New Roman"


def test_no_letter_when_nothing_is_overdue(cli, cfg, tmp_path) -> None:
    out = cli("letter", "syt", "--as-of", "2026-01-05").stdout
    assert "không có báo cáo nào quá hạn" in out and not list(Path.cwd().glob("*.docx"))
    assert "xyz" in cli("letter", "xyz", code=2).stderr


def test_the_office_section_signs_the_letter(cli, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    folder = write_config(tmp_path / "c")
    units = (folder / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("  # signer_name: Nguyễn Văn A", "  signer_name: Trần Thị B").replace(
        "  place: Khánh Hòa", "  place: Nha Trang")
    (folder / "units.yaml").write_text(units, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    cli("letter", "syt", "--as-of", "2026-02-01")
    (path,) = Path.cwd().glob("cong-van-don-doc-syt-2026-02-01.docx")
    d = docx.Document(str(path))
    assert d.tables[0].rows[0].cells[1].text.endswith("Nha Trang, ngày 01 tháng 02 năm 2026")
    assert d.tables[-1].rows[0].cells[1].text.split("\n")[-1] == "Trần Thị B"
