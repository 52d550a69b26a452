"""The office's workbook as it prints: `export --format xlsx` of an office of 51 units, printed to PDF by LibreOffice
Calc (tests/rendering.py), read back page by page. Every page A4 landscape; no text below 8 pt (never a year fitted
to one page at 4 pt); the office, the sheet and the as-of day at the top of every page; the heading rows (the
legend of the colours and the headings) and the columns naming the unit repeated on every page of a sheet; the
headings in the cells' own font."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import write_config
from rendering import lines, page_sizes, run, spans, to_pdf

from khoagiao_cli.config.paths import embedded_dir

EXTRA_UNITS = 40
OFFICE = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
AS_OF = "Tình hình đến ngày 20/04/2026"
#: each sheet by the name the page header shows, with the headings every one of its pages must show
SHEETS = {"Năm 2026": ("Chú thích màu:", "Mã", "Đơn vị"), "Sự kiện": ("#", "Sự kiện", "Mã", "Đơn vị"),
          "Xếp hạng 2026": ("Hạng", "Mã", "Đơn vị")}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xlsx")
    units = (embedded_dir() / "units.yaml").read_text(encoding="utf-8") + "".join(
        f"\n  - code: dv{n:02d}\n    name: Đơn vị thử nghiệm số {n:02d} của khối\n    group: hội\n"
        for n in range(1, EXTRA_UNITS + 1))
    env: dict[str, str | None] = {"KHOAGIAO_HOME": str(root / "home"), "KHOAGIAO_DB": None, "KHOAGIAO_LANG": None,
                                  "KHOAGIAO_CONFIG": str(write_config(root / "cfg", units=units))}
    run(env, "submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-12", "--as-of", "2026-04-20")
    run(env, "submit", "dv40", "monthly", "--period", "2026-02", "--received", "2026-02-27", "--as-of", "2026-04-20",
        "--note", "gửi bản giấy kèm thư điện tử")
    out = root / "theo-doi.xlsx"
    run(env, "export", "--format", "xlsx", "--year", "2026", "--as-of", "2026-04-20", "-o", str(out))
    return to_pdf([out], root / "pdf")[out]


def sheet_pages(pdf: Path) -> dict[str, list[int]]:
    """The pages of each sheet, by the sheet's name in the page header (its first line)."""
    found: dict[str, list[int]] = defaultdict(list)
    for page in range(1, len(page_sizes(pdf)) + 1):
        first = lines(pdf, page)[0]
        found[next(name for name in SHEETS if name in first)].append(page)
    return found


def test_every_page_is_a4_landscape(printed) -> None:
    sizes = page_sizes(printed)
    assert sizes and all((round(w), round(h)) == (842, 595) for w, h in sizes), sizes


def test_no_text_is_tiny_and_the_cells_are_not_shrunk(printed) -> None:
    found = spans(printed)
    small = [s for s in found if s.size < 8]
    assert not small, sorted({(s.page, s.size, s.text[:40]) for s in small})[:8]
    pages = sheet_pages(printed)
    year_cells = [s.size for s in found if s.page in pages["Năm 2026"] and "Đơn vị thử nghiệm" in s.text]
    assert year_cells and min(year_cells) >= 10, sorted(set(year_cells))  # at its size, over as many pages
    assert len(pages["Năm 2026"]) >= 4  # 51 units × 20 periods: never fitted to one page


def test_the_office_and_the_as_of_day_head_every_page(printed) -> None:
    for page in range(1, len(page_sizes(printed)) + 1):
        first = lines(printed, page)[0]
        assert first.startswith(OFFICE) and first.endswith(AS_OF), (page, first)
        assert re.search(rf"Trang {page}/\d+$", lines(printed, page)[-1]), (page, lines(printed, page)[-1])


def test_the_headings_and_the_unit_repeat_on_every_page_of_a_sheet(printed) -> None:
    pages = sheet_pages(printed)
    assert set(pages) == set(SHEETS)
    for sheet, headings in SHEETS.items():
        assert len(pages[sheet]) >= 2, (sheet, pages[sheet])
        for page in pages[sheet]:
            shown = lines(printed, page)
            top = " ".join(shown[1:7]).split()
            assert all(h in top for h in " ".join(headings).split()), (sheet, page, shown[1:7])
            assert any(re.search(r"Sở Y tế|Đơn vị thử nghiệm số", line)
                       for line in shown[2:-1]), (sheet, page)  # the units' names, on every page
    # page 2 of the year: its rows go on, under the same headings
    second = lines(printed, pages["Năm 2026"][1])
    assert "Chú thích màu:" in " ".join(second[1:3]) and any(line.startswith("dv") for line in second)


def test_the_headings_are_in_the_cells_font(printed) -> None:
    """A heading in bold is the cells' typeface in bold, not another family (a heading whose font had no name
    came out in a serif beside a sans-serif body)."""
    families = {re.sub(r"-(Bold|Italic|BoldItalic|Oblique|BoldOblique)$", "", s.font) for s in spans(printed)}
    assert len(families) == 1, families
