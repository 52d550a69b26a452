"""Issue 10, part C: input the way the office writes it — periods, report and unit names, channels, date-times,
the tracking sheet as offices keep it (and khoagiao's own export), and the received file kept beside the ledger.
Every test drives the CLI on a real ledger in a temporary home."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from backends import BOTH, Backend

pytestmark = BOTH


def events(backend: Backend) -> list[dict]:
    return backend.dicts("SELECT * FROM events ORDER BY id")


def history(cli) -> list[dict]:
    return json.loads(cli("history", "--format", "json").stdout)["events"]


# ---------------------------------------------------------------------------- 1. periods as offices write them


@pytest.mark.parametrize(
    ("report", "typed", "label"),
    [
        ("q1", "quý I/2026", "2026-Q1"),
        ("q1", "Quý I/2026", "2026-Q1"),  # as khoagiao itself prints it
        ("q1", "QUY I / 2026", "2026-Q1"),
        ("q1", "Q1/2026", "2026-Q1"),
        ("q1", "Q1 2026", "2026-Q1"),  # the English label
        ("q1", "quý 1 năm 2026", "2026-Q1"),
        ("q3", "Quý III/2026", "2026-Q3"),
        ("monthly", "T2/2026", "2026-02"),
        ("monthly", "tháng 2/2026", "2026-02"),
        ("monthly", "Tháng 02/2026", "2026-02"),
        ("monthly", "thang  2  nam 2026", "2026-02"),
        ("monthly", "02/2026", "2026-02"),
        ("monthly", "2/2026", "2026-02"),
        ("monthly", "2026-02", "2026-02"),
        ("h1", "6 tháng đầu năm 2026", "2026-H1"),
        ("h1", "6 thang dau nam 2026", "2026-H1"),
        ("h1", "H1 2026", "2026-H1"),
        ("annual", "năm 2026", "2026"),
        ("annual", "Năm 2026", "2026"),
        ("annual", "2026", "2026"),
    ],
)
def test_a_period_in_the_forms_offices_write(cli, cfg, isolated, report, typed, label) -> None:
    cli("submit", "syt", report, "--period", typed, "--received", "2026-12-30", "--as-of", "2026-12-31")
    assert [(e["report"], e["period"]) for e in history(cli)] == [(report, label)]
    assert f"({report}), kỳ " in cli("explain", "syt", report, typed, "--as-of", "2026-12-31").stdout.splitlines()[0]


def test_the_second_half_year_reads_as_h2(cli, cfg, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    folder = write_config(tmp_path / "h2")
    text = (folder / "schedule.yaml").read_text(encoding="utf-8").replace("    periods: [1]\n    before: 20          # \"Báo cáo 6", "    before: 20          # \"Báo cáo 6")
    (folder / "schedule.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    out = cli("explain", "syt", "h1", "6 tháng cuối năm 2026", "--as-of", "2026-12-31").stdout
    assert "6 tháng cuối năm 2026" in out


@pytest.mark.parametrize("typed", ["quý V/2026", "T13/2026", "2026-13", "hôm qua", "Q1", "quý I 2026 2027"])
def test_a_period_in_no_known_form_says_which_forms_there_are(cli, cfg, backend, typed) -> None:
    r = cli("submit", "syt", "q1", "--period", typed, "--as-of", "2026-03-18", code=2)
    assert r.stderr.startswith(f"Lỗi: Kỳ '{typed}' không đúng dạng. Viết kỳ như: tháng 3/2026, T3/2026"), r.stderr
    assert "quý I/2026, Q1/2026, 2026-Q1 (quý)" in r.stderr and "6 tháng đầu năm 2026" in r.stderr
    en = cli("submit", "syt", "q1", "--period", typed, "--as-of", "2026-03-18", "--lang", "en", code=2).stderr
    assert f"Error: Period '{typed}' is not in a form khoagiao reads. Write: 2026-03, 03/2026" in en
    assert "Traceback" not in r.output and events(backend) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["syt", "q1", "--period", "quý II/2026"],
         "Báo cáo quý I (q1) không có kỳ 'quý II/2026' (2026-Q2); các kỳ của báo cáo này năm 2026: 2026-Q1."),
        (["syt", "annual", "--period", "T3/2026"],
         "Báo cáo năm (annual) không có kỳ 'T3/2026' (2026-03); các kỳ của báo cáo này năm 2026: 2026."),
        (["syt", "monthly", "--period", "quý I/2026"],
         "Báo cáo tháng (monthly) không có kỳ 'quý I/2026' (2026-Q1); các kỳ của báo cáo này năm 2026: 2026-01, "
         "2026-02, …, 2026-12."),
    ],
)
def test_a_period_the_rule_lacks_names_the_rule_and_its_periods(cli, cfg, backend, args, said) -> None:
    r = cli("submit", *args, "--as-of", "2026-03-18", code=2)
    assert r.stderr == f"Lỗi: {said}\n"
    assert events(backend) == []


def test_withdraw_and_history_read_the_same_forms(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--period", "Q1/2026", "--as-of", "2026-03-18")
    assert [e["period"] for e in json.loads(cli("history", "--period", "quý I/2026", "--format", "json").stdout)["events"]] == ["2026-Q1"]
    cli("withdraw", "syt", "q1", "--period", "Quý I/2026")
    assert [e["kind"] for e in history(cli)] == ["submit", "withdraw"]


# ---------------------------------------------------------------------------- 2. report names as people say them


@pytest.mark.parametrize(
    ("typed", "rule"),
    [("quý I", "q1"), ("Quý III", "q3"), ("báo cáo quý 1", "q1"), ("bao cao quy 3", "q3"), ("6 tháng", "h1"),
     ("năm", "annual"), ("báo cáo năm", "annual"), ("tháng", "monthly"), ("First-quarter report", "q1")],
)
def test_report_names_as_people_say_them(cli, cfg, typed, rule) -> None:
    out = cli("explain", "syt", typed, {"q1": "2026-Q1", "q3": "2026-Q3", "h1": "2026-H1", "annual": "2026",
                                        "monthly": "2026-01"}[rule], "--as-of", "2026-12-31").stdout
    assert f"({rule})" in out.splitlines()[0], out


def test_a_report_name_that_fits_several_lists_them(cli, cfg) -> None:
    r = cli("submit", "syt", "quý", "--as-of", "2026-03-18", code=2)
    assert "'quý' khớp với nhiều báo cáo" in r.stderr
    assert "  q1         Báo cáo quý I" in r.stderr and "  q3         Báo cáo quý III" in r.stderr


# ---------------------------------------------------------------------------- 3. unit names as people say them

UNITS_2026 = """\
units:
  - code: syt
    name: Sở Y tế
  - code: nnmt
    name: Sở Nông nghiệp và Môi trường
  - code: vhttdl
    name: Sở Văn hóa, Thể thao và Du lịch
  - code: noivu
    name: Sở Nội vụ
  - code: bhxh
    name: Bảo hiểm xã hội tỉnh
    active_until: 2025-02-28
  - code: bhxh-kh
    name: Bảo hiểm xã hội tỉnh Khánh Hòa
    active_from: 2025-07-01
  - code: lhh
    name: Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh
"""


@pytest.mark.parametrize(
    ("typed", "code"),
    [("BHXH tỉnh", "bhxh-kh"), ("bhxh tinh", "bhxh-kh"), ("Sở GD&ĐT", "sgddt"), ("SGDĐT", "sgddt"),
     ("Sở GDĐT", "sgddt"), ("Sở GD và ĐT", "sgddt"), ("Liên hiệp hội", "lhh"), ("Sở Y tế", "syt"),
     ("ĐH Khánh Hòa", "dhkh"), ("Đại học Khánh Hòa", "dhkh"), ("Sở KH&CN", "skhcn"),
     # the 2026 units of the defaults, and the old names, whose open periods their successors hold in 2026
     ("Sở VH&TT", "svhttdl"), ("Sở VHTTDL", "svhttdl"), ("Sở NN&MT", "snnmt"), ("Sở TN&MT", "snnmt"),
     ("Sở Nội vụ", "snv"), ("Sở LĐTBXH", "snv")],
)
def test_unit_names_as_people_say_them(cli, cfg, typed, code) -> None:
    out = cli("explain", typed, "q1", "2026-Q1", "--as-of", "2026-12-31").stdout
    assert f"({code})" in out.splitlines()[0], out


@pytest.mark.parametrize(
    ("typed", "code"),
    [("SNN&MT", "nnmt"), ("Sở NN&MT", "nnmt"), ("SVHTTDL", "vhttdl"), ("Sở VHTTDL", "vhttdl"), ("Sở Nội vụ", "noivu"),
     ("BHXH tỉnh Khánh Hòa", "bhxh-kh"), ("Liên hiệp hội", "lhh"), ("Sở Văn hóa", "vhttdl")],
)
def test_unit_names_of_the_2026_units(cli, tmp_path, monkeypatch, typed, code) -> None:
    from conftest import write_config

    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "c", units=UNITS_2026)))
    out = cli("explain", typed, "monthly", "2026-01", "--as-of", "2026-12-31").stdout
    assert f"({code})" in out.splitlines()[0], out


def test_bhxh_tinh_is_the_unit_it_names_whole(cli, tmp_path, monkeypatch) -> None:
    """"BHXH tỉnh" is all of "Bảo hiểm xã hội tỉnh" and a part of "… tỉnh Khánh Hòa": the whole name wins."""
    from conftest import write_config

    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "c", units=UNITS_2026)))
    out = cli("explain", "BHXH tỉnh", "monthly", "2024-01", "--as-of", "2026-12-31").stdout
    assert "(bhxh)" in out.splitlines()[0]


def test_an_ambiguous_unit_lists_candidates_and_a_stranger_gets_the_nearest(cli, tmp_path, monkeypatch) -> None:
    from conftest import write_config

    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "c", units=UNITS_2026)))
    r = cli("submit", "Bảo hiểm", "monthly", code=2)
    assert "'Bảo hiểm' khớp với nhiều đơn vị" in r.stderr
    assert "  bhxh       Bảo hiểm xã hội tỉnh\n" in r.stderr and "  bhxh-kh    Bảo hiểm xã hội tỉnh Khánh Hòa" in r.stderr
    r = cli("submit", "Sở Nội vu tinh", "monthly", code=2)
    assert "Có phải ý bạn là: noivu (Sở Nội vụ)?" in r.stderr, r.stderr


# ---------------------------------------------------------------------------- 4. one vocabulary of channels


@pytest.mark.parametrize(
    ("typed", "channel"),
    [("giấy", "paper"), ("Giay", "paper"), ("bản giấy", "paper"), ("paper", "paper"), ("thư điện tử", "email"),
     ("E-mail", "email"), ("email", "email"), ("văn phòng điện tử", "eoffice"), ("e-office", "eoffice"),
     ("eoffice", "eoffice"), ("hệ thống", "eoffice"), ("khác", "other"), ("other", "other")],
)
def test_submit_takes_the_channel_in_the_office_s_words(cli, cfg, typed, channel) -> None:
    cli("submit", "syt", "q1", "--channel", typed, "--as-of", "2026-03-18")
    assert history(cli)[0]["channel"] == channel


def test_an_unknown_channel_lists_the_words_in_the_user_s_language(cli, cfg, backend, tmp_path) -> None:
    r = cli("submit", "syt", "q1", "--channel", "fax", "--as-of", "2026-03-18", code=2)
    assert r.stderr == ("Lỗi: Hình thức nhận 'fax' không hợp lệ; dùng: giấy (paper), thư điện tử (email), "
                        "văn phòng điện tử (eoffice), khác (other).\n")
    en = cli("submit", "syt", "q1", "--channel", "fax", "--lang", "en", code=2).stderr
    assert "use: paper (giấy), email (thư điện tử), eoffice (văn phòng điện tử), other (khác)." in en
    sheet = tmp_path / "s.csv"
    sheet.write_text("unit,report,period,received,channel\nsyt,q1,2026-Q1,2026-03-10,fax\n", encoding="utf-8")
    assert "Dòng 2: Hình thức nhận 'fax' không hợp lệ; dùng: giấy (paper)" in cli("import", str(sheet), code=2).stderr
    assert events(backend) == []


# ---------------------------------------------------------------------------- 5. date-times as people type them


@pytest.mark.parametrize(
    ("typed", "received", "at"),
    [("16/03/2026 14:00", "2026-03-16", "14:00"), ("16/03/2026 14h00", "2026-03-16", "14:00"),
     ("16/3/2026 9h", "2026-03-16", "09:00"), ("14:00 16/03/2026", "2026-03-16", "14:00"),
     ("14h30 ngày 16/3/2026", "2026-03-16", "14:30"), ("16-03-2026 14:00", "2026-03-16", "14:00"),
     ("16/03/2026, 14:00", "2026-03-16", "14:00"), ("8 giờ 30 ngày 16/3/2026", "2026-03-16", "08:30")],
)
def test_received_to_the_minute_as_people_type_it(cli, cfg, typed, received, at) -> None:
    cli("incident", "add", "syt", "--title", "Ổ dịch", "--occurred", "16/03/2026 8h00", "--as-of", "16/03/2026 9h00")
    cli("submit", "syt", "incident", "--received", typed, "--as-of", "17/03/2026 08:00")
    event = history(cli)[0]
    assert (event["received"], event["received_at"][11:16]) == (received, at)


@pytest.mark.parametrize("typed", ["16/3/2026", "ngày 16 tháng 3 năm 2026", "16.03.2026", "16-3-2026"])
def test_a_date_as_people_type_it(cli, cfg, typed) -> None:
    cli("submit", "syt", "q1", "--received", typed, "--as-of", typed)
    assert history(cli)[0]["received"] == "2026-03-16"
    cli("request", "add", "--id", "r1", "--title", "t", "--deadline", typed.replace("16", "20"), "--as-of", typed)
    assert "20/03/2026" in cli("request", "list").stdout


@pytest.mark.parametrize(("option", "typed", "said"), [
    ("--received", "31/02/2026", "là ngày không có thật."), ("--as-of", "31/02/2026 14:00", "là ngày không có thật."),
    ("--received", "16/03/2026 25h00", ": giờ không hợp lệ (giờ từ 0 đến 23, phút từ 0 đến 59)."),
])
def test_an_impossible_date_is_named(cli, cfg, backend, option, typed, said) -> None:
    r = cli("submit", "syt", "q1", option, typed, code=2)
    assert r.stderr == f"Lỗi: {option} '{typed}'{said if said.startswith(':') else ' ' + said}\n"
    assert events(backend) == []


def test_import_reads_a_received_cell_with_its_time(cli, cfg, tmp_path) -> None:
    cli("incident", "add", "syt", "--title", "Ổ dịch", "--occurred", "16/03/2026 8h00", "--as-of", "16/03/2026 9h00")
    sheet = tmp_path / "s.csv"
    sheet.write_text("đơn vị,báo cáo,kỳ,ngày nhận\nsyt,incident,2026-03-16T08:00,16/03/2026 14h00\n"
                     "hkh,q1,quý I/2026,ngày 18 tháng 3 năm 2026\n", encoding="utf-8")
    cli("import", str(sheet), "--as-of", "2026-04-01")
    got = [(e["unit"], e["received"], e.get("received_at", "")[11:16]) for e in history(cli)]
    assert got == [("syt", "2026-03-16", "14:00"), ("hkh", "2026-03-18", "")]


# ---------------------------------------------------------------------------- 6. import: titles, own export, caps


def _xlsx(path: Path, rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


def test_import_finds_the_headings_below_the_titles(cli, cfg, tmp_path, backend) -> None:
    sheet = _xlsx(tmp_path / "so.xlsx", [
        ["SỔ THEO DÕI BÁO CÁO CỦA CÁC ĐƠN VỊ KHỐI KHOA GIÁO NĂM 2026"],
        ["(Ban Tuyên giáo và Dân vận Tỉnh ủy)\nbản in ngày 01/04/2026"],  # a line break in a title is no heading
        [],
        ["STT", "Đơn vị", "Báo cáo", "Kỳ", "Ngày nhận", "Hình thức"],
        [1, "Sở Y tế", "quý I", "quý I/2026", "18/03/2026", "giấy"],
        [2, "BHXH tỉnh", "báo cáo tháng", "T1/2026", "19/01/2026", "thư điện tử"],
    ])
    out = cli("import", str(sheet), "--as-of", "2026-04-01").stdout
    assert "Đọc trang tính 'Sheet', tiêu đề ở dòng 4." in out and "Đã ghi 2 báo cáo" in out
    assert [(e["unit"], e["report"], e["period"], e["channel"]) for e in events(backend)] == [
        ("syt", "q1", "2026-Q1", "paper"), ("bhxh-kh", "monthly", "2026-01", "email")]
    bad = tmp_path / "bad.csv"
    bad.write_text("Sổ theo dõi\n\nĐơn vị,Kỳ\nsyt,2026-Q1\n", encoding="utf-8")
    r = cli("import", str(bad), code=2)
    assert "Thiếu cột: Báo cáo, Ngày nhận. Dòng tiêu đề có: Đơn vị, Kỳ." in r.stderr, r.stderr


def test_import_finds_the_headings_of_a_csv_below_a_title(cli, cfg, tmp_path, backend) -> None:
    sheet = tmp_path / "so.csv"
    sheet.write_text("SỔ THEO DÕI NĂM 2026\n\nđơn vị;báo cáo;kỳ;ngày nhận\nsyt;q1;Q1/2026;18/03/2026\n", encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2026-04-01")
    assert "Dòng tiêu đề là dòng 3." in r.stdout and [e["period"] for e in events(backend)] == ["2026-Q1"]


def test_import_reads_the_headings_offices_write(cli, cfg, tmp_path, backend) -> None:
    """Found in a trial: "Tên đơn vị", "Loại báo cáo", "Kỳ báo cáo" were not known headings."""
    sheet = tmp_path / "so.csv"
    sheet.write_text("STT;Tên đơn vị;Loại báo cáo;Kỳ báo cáo;Ngày nhận\n1;Sở Y tế;quý I;Quý I/2026;18/03/2026\n",
                     encoding="utf-8")
    cli("import", str(sheet), "--as-of", "2026-04-01")
    assert [(e["unit"], e["period"]) for e in events(backend)] == [("syt", "2026-Q1")]


def test_import_reads_back_khoagiao_s_own_export(cli, cfg, tmp_path, backend) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-12", "--doc-number", "12/BC-SYT", "--channel", "giấy",
        "--as-of", "2026-04-15")
    cli("submit", "bhxh-kh", "monthly", "--period", "2026-01", "--received", "2026-01-16", "--as-of", "2026-04-15")
    cli("submit", "bhxh-kh", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--correct", "--as-of", "2026-04-15")
    cli("submit", "hkh", "q1", "--received", "2026-03-10", "--as-of", "2026-04-15")
    cli("withdraw", "hkh", "q1", "--period", "2026-Q1")
    book = tmp_path / "theo-doi.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-15", "-o", str(book))
    before = events(backend)
    out = cli("import", str(book), "--as-of", "2026-04-15").stdout
    assert "Đọc trang tính 'Sự kiện', tiêu đề ở dòng 1." in out
    assert "Không có báo cáo mới nào để ghi" in out and "Bỏ qua 2 dòng đã có trong sổ: 2, 4." in out, out
    assert "Bỏ qua 2 dòng đã được sửa hoặc rút sau đó trong chính tệp: 3, 5." in out
    assert events(backend) == before
    # into a new ledger: the reports in force come in, once each; the withdrawn one does not
    backend.fresh()
    out = cli("import", str(book), "--as-of", "2026-04-15").stdout
    assert "Đã ghi 2 báo cáo" in out and "Bỏ qua 2 dòng đã được sửa hoặc rút sau đó trong chính tệp: 3, 5." in out, out
    got = [(e["unit"], e["report"], e["period"], e["received"], e["doc_number"], e["channel"]) for e in events(backend)]
    assert got == [("syt", "q1", "2026-Q1", "2026-03-12", "12/BC-SYT", "paper"),
                   ("bhxh-kh", "monthly", "2026-01", "2026-01-15", None, None)]


def test_the_list_of_bad_rows_stops_at_fifty_and_counts_the_rest(cli, cfg, tmp_path, backend) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("unit,report,period,received\n" + "".join(f"xyz{n},q1,2026-Q1,2026-03-10\n" for n in range(60)),
                     encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2026-04-01", code=2)
    lines = r.stderr.splitlines()
    assert lines[0] == "Lỗi: 60 dòng không hợp lệ; không ghi dòng nào:"
    assert len([line for line in lines if line.startswith("  Dòng ")]) == 50 and "xyz49" in r.stderr and "xyz50" not in r.stderr
    assert lines[-1] == "  … và 10 dòng khác."
    assert lines[-1] != "" and events(backend) == []
    en = cli("import", str(sheet), "--as-of", "2026-04-01", "--lang", "en", code=2).stderr
    assert en.splitlines()[-1] == "  … and 10 more rows."


# ---------------------------------------------------------------------------- 7. the received file, kept


def test_submit_keeps_a_copy_named_by_its_sha256(cli, cfg, backend, tmp_path) -> None:
    content = b"%PDF-1.4 bao cao quy I"
    sha = hashlib.sha256(content).hexdigest()
    f = tmp_path / "Báo cáo Q1 (bản ký).PDF"
    f.write_bytes(content)
    out = cli("submit", "syt", "q1", "--file", str(f), "--as-of", "2026-03-18").stdout
    copy = backend.files / f"{sha}.pdf"
    assert f"Đã lưu bản sao tệp: {copy}" in out
    assert copy.read_bytes() == content and os.listdir(backend.files) == [copy.name]
    if os.name == "posix":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600 and stat.S_IMODE(backend.files.stat().st_mode) == 0o700
    # the same content again, under another name and without a safe suffix: kept once
    g = tmp_path / "../" / tmp_path.name / "bản sao.pdf~"
    g.write_bytes(content)
    cli("submit", "bhxh-kh", "q1", "--file", str(g), "--as-of", "2026-03-18")
    assert os.listdir(backend.files) == [copy.name]
    h = tmp_path / "khac"
    h.write_bytes(b"another")
    cli("submit", "hkh", "q1", "--file", str(h), "--as-of", "2026-03-18")
    assert sorted(os.listdir(backend.files)) == sorted([copy.name, hashlib.sha256(b"another").hexdigest()])
    assert [e["file_sha256"] for e in events(backend)] == [sha, sha, hashlib.sha256(b"another").hexdigest()]
    # where the copy is: history (table and JSON) and explain
    table = cli("history").stdout
    assert f"Tệp báo cáo đã lưu:\n  #1: {copy}\n  #2: {copy}\n" in table
    assert history(cli)[0]["file_copy"] == str(copy)
    assert f"  Tệp đã lưu: {copy}" in cli("explain", "syt", "q1", "quý I/2026", "--as-of", "2026-03-20").stdout
    assert "Kho tệp" in cli("verify").stdout


def test_a_kept_file_changed_later_is_found_by_verify(cli, cfg, backend, tmp_path) -> None:
    f = tmp_path / "bc.docx"
    f.write_bytes(b"PK report")
    cli("submit", "syt", "q1", "--file", str(f), "--as-of", "2026-03-18")
    assert "Kho tệp" in cli("verify").stdout and "1 tệp khớp mã SHA-256" in cli("verify").stdout
    copy = next(backend.files.iterdir())
    copy.chmod(0o600)
    copy.write_bytes(b"PK forged")
    r = cli("verify", code=1)
    assert f"tệp lưu {copy}: nội dung khác mã SHA-256 trong tên" in r.stderr, r.stderr


def test_a_link_or_a_folder_is_refused_and_nothing_is_kept(cli, cfg, backend, tmp_path) -> None:
    real = tmp_path / "that.pdf"
    real.write_bytes(b"x")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    r = cli("submit", "syt", "q1", "--file", str(link), "--as-of", "2026-03-18", code=2)
    assert r.stderr == f"Lỗi: Không dùng được {link}: đó là một liên kết (symlink); hãy chỉ thẳng tới tệp.\n"
    r = cli("submit", "syt", "q1", "--file", str(tmp_path), "--as-of", "2026-03-18", code=2)
    assert "đó là một thư mục" in r.stderr
    # bad input elsewhere in the command: no copy either
    cli("submit", "xyz", "q1", "--file", str(real), "--as-of", "2026-03-18", code=2)
    assert events(backend) == [] and not backend.files.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_waiting(cfg, backend, tmp_path) -> None:
    import khoagiao_cli

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    src = str(Path(khoagiao_cli.__file__).resolve().parents[1])
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", "submit", "syt", "q1", "--file", str(fifo),
                        "--as-of", "2026-03-18"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": src})
    assert r.returncode == 2 and "là một ống dẫn (FIFO)" in r.stderr, r.stderr
    assert events(backend) == [] and not backend.files.exists()


def test_a_copy_left_half_written_by_a_killed_run_is_swept(cli, cfg, backend, tmp_path) -> None:
    import time

    folder = backend.files
    folder.mkdir(parents=True)
    stale, fresh = folder / ".incoming.abcd1234.tmp", folder / ".incoming.wxyz5678.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    f = tmp_path / "bc.pdf"
    f.write_bytes(b"report")
    cli("submit", "syt", "q1", "--file", str(f), "--as-of", "2026-03-18")
    assert not stale.exists() and fresh.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([fresh.name, hashlib.sha256(b"report").hexdigest() + ".pdf"])
