"""Every screen readable where it is read: at 80 columns, at 60 and 120, and redirected to a file, the tables keep
their key cells whole (unit, report, period, deadline): names wrap, decoration goes first, nothing is cut to "…"."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from backends import BOTH, NO_LEDGER

import khoagiao_cli
from khoagiao_cli.i18n import Words

pytestmark = BOTH

#: box drawing and footnote marks: around a cell, not part of it
FRAME = re.compile(r"[│┃┆┊║|─━┏┓┗┛┡┩┣┫╇╋┳┻┼┬┴├┤└┘┌┐╭╮╰╯¹²³⁴⁵⁶⁷⁸⁹]")


def scenario(cli) -> None:
    """A ledger with the long names, a note, each channel, a one-off request and an incident."""
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-03-18", "--doc-number", "125/BC-SYT",
        "--channel", "email", "--as-of", "2026-04-15")
    cli("submit", "lhh", "monthly", "--period", "2026-01", "--received", "2026-01-10", "--channel", "eoffice",
        "--note", "gửi kèm phụ lục số liệu của các hội thành viên trong tỉnh", "--as-of", "2026-04-15")
    cli("submit", "svhttdl", "q1", "--period", "2026-Q1", "--received", "2026-03-19", "--channel", "paper",
        "--doc-number", "36-BC/SVHTTDL", "--as-of", "2026-04-15")
    cli("request", "add", "--id", "qc238-2026", "--title", "Báo cáo kết quả thực hiện Quy chế 238", "--deadline",
        "29/11/2026", "--doc-number", "125-CV/BTGDVTU", "--group", "hội")
    cli("incident", "add", "syt", "--title", "Ổ dịch sốt xuất huyết", "--occurred", "2026-04-10 08:30",
        "--as-of", "2026-04-10T09:00")


def tokens(text: str) -> set[str]:
    return set(FRAME.sub(" ", text).split())


def assert_whole(text: str, *cells: str) -> None:
    """Each cell's every word is on the screen as a word (a wrapped name is still whole), and nothing was cut."""
    assert not re.search(r"[^\s│┃]…", text), text  # a cut ends a word with "…" (a lone "…" is an open date)
    shown = tokens(text)
    for cell in cells:
        missing = [w for w in cell.split() if w not in shown]
        assert not missing, (cell, missing, text)


def at(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))


def fmt(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


@pytest.mark.parametrize("width", [60, 80, 120])
def test_status_keeps_unit_report_period_and_deadline_whole(cli, cfg, monkeypatch, width) -> None:
    scenario(cli)
    rows = json.loads(cli("status", "--as-of", "2026-04-15", "--format", "json").stdout)["instances"]
    at(monkeypatch, width)
    table = cli("status", "--as-of", "2026-04-15", "--format", "table").stdout
    assert max(len(line) for line in table.splitlines()) <= width
    periods = {"2026-01": "tháng 01/2026", "2026-Q1": "quý I/2026", "2026-H1": "6 tháng đầu năm 2026"}
    for r in rows:
        assert_whole(table, r["unit_name"], r["report_name"], fmt(r["deadline"]), periods.get(r["period"], ""))
    if width >= 120:  # room for everything: the received date and the document number too
        assert_whole(table, "36-BC/SVHTTDL", "19/03/2026")


@pytest.mark.parametrize("width", [60, 80, 120])
def test_history_keeps_what_happened_to_which_report_whole(cli, cfg, monkeypatch, width) -> None:
    scenario(cli)
    at(monkeypatch, width)
    table = cli("history", "--format", "table").stdout
    assert max(len(line) for line in table.splitlines()) <= width
    assert_whole(table, "#1 nhận", "#2", "#3", "Sở Y tế", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
                 "Sở Văn hóa, Thể thao và Du lịch", "Báo cáo tháng", "Báo cáo quý I", "2026-01", "2026-Q1")


def test_history_says_reports_channels_and_times_in_vietnamese(cli, cfg) -> None:
    scenario(cli)
    table = cli("history").stdout
    assert_whole(table, "thư điện tử", "văn phòng điện tử", "giấy", "Báo cáo tháng")
    assert not {"monthly", "q1", "email", "eoffice", "paper"} & tokens(table), table
    # recorded_at (the real clock: only its shape is known) as dd/mm/yyyy HH:MM, not 2026-…T…
    assert re.search(r"\b\d\d/\d\d/20\d\d\s+\d\d:\d\d\b", table) and not re.search(r"20\d\d-\d\d-\d\d", table)


def test_history_of_an_incident_names_it_in_words(cli, cfg) -> None:
    scenario(cli)
    cli("submit", "syt", "incident", "--received", "2026-04-10 15:00", "--as-of", "2026-04-10T16:00")
    table = cli("history", "syt").stdout
    assert_whole(table, "Báo cáo đột xuất")
    assert "incident" not in tokens(table)


@pytest.mark.parametrize(("args", "cells"), [
    (["due", "--as-of", "2026-03-25", "--format", "table"],
     ["Sở Văn hóa, Thể thao và Du lịch", "Báo cáo tháng (2026-01)", "19/01/2026", "quá 65 ngày",
      "Ban Tuyên giáo và Dân vận Tỉnh ủy", "31/03/2026"]),
    (["stats", "--as-of", "2026-04-15", "--format", "table"],
     ["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "33,3%", "0,0%"]),
    (["request", "list"], ["qc238-2026", "Báo cáo kết quả thực hiện Quy chế 238", "30/11/2026"]),
    (["schedule", "--year", "2026"],
     ["Báo cáo tổng kết công tác khoa giáo năm của Ban (ban-nam)", "6 tháng đầu năm 2026", "15/12/2026",
      "23/02/2026"]),
    (["units", "--all", "--as-of", "2026-11-22"], ["btg-dienkhanh", "Ban Tuyên giáo Huyện ủy Diên Khánh"]),
    (["units", "--as-of", "2026-11-22"], ["svhttdl", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]),
])
def test_the_other_tables_fit_80_columns(cli, cfg, monkeypatch, args, cells) -> None:
    scenario(cli)
    at(monkeypatch, 80)
    out = cli(*args).stdout
    assert max(len(line) for line in out.splitlines()) <= 80, out
    assert_whole(out, *cells)


def test_status_redirected_to_a_file_keeps_its_key_cells(cfg, tmp_path) -> None:
    """No COLUMNS, no terminal: Rich draws 80 columns into the file."""
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["PYTHONPATH"] = str(Path(khoagiao_cli.__file__).resolve().parents[1])  # the code under test
    out = tmp_path / "status.txt"
    with out.open("w", encoding="utf-8") as f:
        subprocess.run([sys.executable, "-m", "khoagiao_cli", "status", "--as-of", "2026-04-15", "--format", "table"],
                       env=env, stdout=f, check=True, timeout=120)
    text = out.read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 80
    assert_whole(text, "Sở Văn hóa, Thể thao và Du lịch", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
                 "6 tháng đầu năm 2026", "19/01/2026", "21/12/2026")


def test_status_plain_is_one_line_per_report_with_every_column(cli, cfg) -> None:
    scenario(cli)
    out = cli("status", "--as-of", "2026-04-15", "--format", "plain").stdout.splitlines()
    rows = json.loads(cli("status", "--as-of", "2026-04-15", "--format", "json").stdout)["instances"]
    assert out[0] == "Tình hình báo cáo năm 2026 — tính đến 15/04/2026"
    assert out[1].split()[:4] == ["Mã", "Đơn", "vị", "Báo"]
    assert len(out) == 2 + len(rows) + 1 and out[-1].endswith("chưa đến hạn.")
    syt = next(line for line in out if line.startswith("syt ") and "tháng 01/2026" in line)
    assert syt.split() == "syt Sở Y tế Báo cáo tháng tháng 01/2026 19/01/2026 gửi muộn 58 ngày 18/03/2026 125/BC-SYT".split()
    moved = next(line for line in out if line.startswith("syt ") and "tháng 02/2026" in line)
    assert "23/02/2026, chuyển từ 19/02 (Mùng ba Tết Nguyên Đán)" in moved  # said in its cell, not as a footnote
    assert not any(c in "\n".join(out) for c in "┏│━¹")


def test_status_plain_in_english(cli, cfg) -> None:
    out = cli("status", "syt", "--as-of", "2026-04-15", "--format", "plain", "--lang", "en").stdout
    lines = out.splitlines()
    assert lines[0] == "Reports of 2026 — as of 15/04/2026" and lines[1].split()[:2] == ["Code", "Unit"]
    assert "Monthly report" in out and "overdue" in out and len(lines) == 2 + 13 + 1


def test_percentages_take_a_decimal_comma_in_vietnamese_only(cli, cfg) -> None:
    scenario(cli)
    vi = cli("stats", "--as-of", "2026-04-15", "--format", "plain").stdout
    en = cli("stats", "--as-of", "2026-04-15", "--format", "plain", "--lang", "en").stdout
    assert "33,3%" in vi and "33.3%" not in vi and "58,0" in vi
    assert "33.3%" in en and "33,3%" not in en
    data = json.loads(cli("stats", "--as-of", "2026-04-15", "--format", "json").stdout)
    assert data["units"][0]["on_time_rate"] == 0.3333  # machine output keeps its number


@NO_LEDGER
def test_words_for_values_are_vietnamese(cli) -> None:
    from khoagiao_cli.i18n import stamp_text
    from khoagiao_cli.outputs.phrases import channel_text, percent

    vi, en = Words("vi"), Words("en")
    assert [channel_text(vi, c) for c in ("paper", "email", "eoffice", "other")] == [
        "giấy", "thư điện tử", "văn phòng điện tử", "khác"]
    assert channel_text(en, "eoffice") == "e-office" and channel_text(vi, None) == ""
    assert percent(vi, 2 / 3) == "66,7%" and percent(en, 2 / 3) == "66.7%"
    assert stamp_text("2026-11-23T06:12:45.123+07:00") == "23/11/2026 06:12"
