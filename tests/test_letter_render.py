"""The urging letter as the unit will see it: each .docx converted to PDF by LibreOffice and read back (tests/
rendering.py), against the party's document format (Hướng dẫn 36-HD/VPTW, 03/4/2018): the date line on one line,
days 1-9 and the months January and February written with a leading 0 and no other month ("ngày 05 tháng 02",
"ngày 15 tháng 4"), the page number from page 2 on (centred at the top, 14 pt), "Nơi nhận:" in 14 pt upright and
underlined over its list in 12 pt, the document's language Vietnamese and its properties naming the office. And
`letter --all`: one letter to every late unit, the units and their reports in an appendix."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from conftest import write_config
from docx.oxml.ns import qn
from rendering import fonts, info, lines, page_sizes, pdf_language, run, spans, to_pdf

OFFICE = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
UNIT = "Bảo hiểm xã hội tỉnh Khánh Hòa"
#: as-of day -> the date line of a letter written that day
DATES = {
    "2026-01-25": "Khánh Hòa, ngày 25 tháng 01 năm 2026",
    "2026-02-05": "Khánh Hòa, ngày 05 tháng 02 năm 2026",
    "2026-03-09": "Khánh Hòa, ngày 09 tháng 3 năm 2026",
    "2026-04-15": "Khánh Hòa, ngày 15 tháng 4 năm 2026",
    "2026-10-01": "Khánh Hòa, ngày 01 tháng 10 năm 2026",
    "2026-12-31": "Khánh Hòa, ngày 31 tháng 12 năm 2026",
}
#: the letter long enough to run over one page: every report of the year outstanding
LONG = "2026-12-31"
#: A4 with the guide's margins (30 mm left, 15 mm right): where the text's middle is, in points
A4_HEIGHT, MIDDLE = 841.89, (85.04 + 595.3 - 42.52) / 2


class Letter:
    def __init__(self, path: Path, pdf: Path) -> None:
        self.path, self.pdf = path, pdf
        self.doc = docx.Document(str(path))
        self.spans = spans(pdf)


#: what the letter to every late unit was written from: `overdue --format json` on its day
OVERDUE: list[dict[str, str]] = []


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Letter]:
    """A letter to BHXH (which sent nothing) on each day of DATES, one in English, and on 15/04/2026 one to every
    late unit (Sở Y tế sent all its reports in time, Hội Khuyến học its Q1 report late), converted in one go."""
    root = tmp_path_factory.mktemp("letters")
    env: dict[str, str | None] = {"KHOAGIAO_HOME": str(root / "home"), "KHOAGIAO_CONFIG": str(write_config(root / "cfg")),
                                  "KHOAGIAO_DB": None, "KHOAGIAO_LANG": None}
    for unit, report, period, received in (("syt", "monthly", "2026-01", "2026-01-15"),
                                           ("syt", "monthly", "2026-02", "2026-02-20"),
                                           ("syt", "q1", "2026-Q1", "2026-03-19"), ("hkh", "q1", "2026-Q1", "2026-04-02")):
        run(env, "submit", unit, report, "--period", period, "--received", received, "--as-of", "2026-04-15")
    made = {}
    for day in [*DATES, "en"]:
        out = root / f"cv-{day}.docx"
        lang = ("--lang", "en") if day == "en" else ()
        run(env, "letter", "bhxh-kh", "--as-of", "2026-04-15" if day == "en" else day, "-o", str(out), *lang)
        made[day] = out
    made["all"] = root / "cv-all.docx"
    said = run(env, "letter", "--all", "--as-of", "2026-04-15", "-o", str(made["all"])).stdout
    assert said == (f"Đã ghi dự thảo công văn {made['all']} gửi 10 đơn vị (29 báo cáo quá hạn). Hãy điền số công "
                    "văn trước khi trình ký.\n"), said
    found = json.loads(run(env, "overdue", "--as-of", "2026-04-15", "--format", "json").stdout)["instances"]
    OVERDUE[:] = [r for r in found if r["unit"] != "ban"]  # the Commission does not urge itself
    pdfs = to_pdf(made.values(), root / "pdf")
    return {day: Letter(path, pdfs[path]) for day, path in made.items()}


def test_the_date_line_stays_on_one_line_with_the_guide_s_leading_zeros(letters) -> None:
    for day, line in DATES.items():
        letter = letters[day]
        header = letter.doc.tables[0].rows[0].cells[1].text.split("\n")
        assert header[-1] == line, day
        assert any(line in shown for shown in lines(letter.pdf, 1)), (day, lines(letter.pdf, 1)[:6])
        below = next(s.y for s in letter.spans if s.text.startswith("Kính gửi"))
        on_page = [s for s in letter.spans if s.page == 1 and s.y > below and s.x > MIDDLE - 40 and "ĐẢNG" not in s.text]
        assert [s.text for s in on_page] == [line], day  # one piece of text: not broken over two lines
    assert any("15/04/2026" in shown for shown in lines(letters["en"].pdf, 1))


def test_every_table_s_grid_agrees_with_its_cells(letters) -> None:
    """LibreOffice lays a table out by its grid (w:tblGrid), Word by the cells' widths (w:tcW): when they differ,
    the same file wraps differently in each (the date line did, in a grid column narrower than its cell)."""
    for letter in letters.values():
        for table in letter.doc.tables:
            grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
            for row in table.rows:
                widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.tc_lst]
                assert widths == grid, (letter.path.name, widths, grid)
            # within the margins (each column rounded to a whole twip)
            assert sum(grid) <= round((21.0 - 3.0 - 1.5) / 2.54 * 1440) + len(grid), letter.path.name


def test_page_numbers_from_the_second_page(letters) -> None:
    long = letters[LONG]
    sizes = page_sizes(long.pdf)
    assert len(sizes) >= 2 and all(round(w) == 595 and round(h) == 842 for w, h in sizes)  # A4, over one page
    for page in range(2, len(sizes) + 1):
        top = max((s for s in long.spans if s.page == page), key=lambda s: s.y)
        assert top.text == str(page), (page, top)
        assert abs(top.x + 3.5 - MIDDLE) < 8, top  # centred over the text
        assert top.size == 14 and top.font == "LiberationSerif", top  # upright, as the body
        assert top.y > A4_HEIGHT - 2.0 / 2.54 * 72, top  # in the top margin, above the text
    assert lines(long.pdf, 2)[0] == "2"
    for letter in letters.values():  # never on the first page
        first = [s for s in letter.spans if s.page == 1 and s.y > A4_HEIGHT - 2.0 / 2.54 * 72]
        assert first == [], (letter.path.name, first)
    assert len(page_sizes(letters["2026-04-15"].pdf)) == 1


def test_the_document_speaks_vietnamese_and_names_the_office(letters) -> None:
    letter = letters["2026-04-15"]
    props = letter.doc.core_properties
    assert (props.author, props.last_modified_by) == (OFFICE, OFFICE)
    assert props.title == f"Công văn đôn đốc gửi báo cáo — {UNIT}" and props.language == "vi-VN"
    assert not any("python-docx" in str(getattr(props, f) or "") for f in ("author", "comments", "last_modified_by",
                                                                           "title", "subject", "keywords"))
    defaults = letter.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    assert pdf_language(letter.pdf) == "vi-VN"
    shown = info(letter.pdf)
    assert shown["Author"] == OFFICE and shown["Title"] == f"Công văn đôn đốc gửi báo cáo — {UNIT}", shown
    english = letters["en"]
    assert pdf_language(english.pdf) == "en-GB" and english.doc.core_properties.author == OFFICE


def test_noi_nhan_as_the_guide_prescribes(letters) -> None:
    """"Nơi nhận:" in 14 pt, upright, not bold, underlined; each recipient below it in 12 pt, upright."""
    letter = letters["2026-04-15"]
    cell = letter.doc.tables[-1].rows[0].cells[0]
    label, *items = [p for p in cell.paragraphs if p.text]
    assert label.text == "Nơi nhận:" and [p.text for p in items] == ["- Như trên,", "- Lưu Văn phòng Ban."]
    (run,) = label.runs
    assert (run.font.size.pt, bool(run.bold), bool(run.italic), run.underline) == (14, False, False, True)
    for p in items:
        assert all((r.font.size.pt, bool(r.bold), bool(r.italic)) == (12, False, False) for r in p.runs), p.text
    shown = {s.text: s for s in letter.spans}
    assert (shown["Nơi nhận:"].size, shown["Nơi nhận:"].font) == (14, "LiberationSerif"), shown["Nơi nhận:"]
    for item in ("- Như trên,", "- Lưu Văn phòng Ban."):
        assert (shown[item].size, shown[item].font) == (12, "LiberationSerif"), shown[item]
    assert shown["- Như trên,"].x == shown["Nơi nhận:"].x  # the list under its label, at the left margin


def test_every_glyph_is_in_times_new_roman_s_metric_twin(letters) -> None:
    """Times New Roman, as the guide asks; LibreOffice on Linux draws it with Liberation Serif (same metrics, every
    Vietnamese letter): any other font in the PDF would be a fallback for a missing glyph."""
    for letter in letters.values():
        found = fonts(letter.pdf)
        assert found and all(f["name"].startswith("LiberationSerif") and f["emb"] == "yes" for f in found), found


# ---------------------------------------------------------------------------- letter --all


def test_one_letter_to_every_late_unit_with_the_appendix_unit_by_unit(letters) -> None:
    letter = letters["all"]
    text = [p.text for p in letter.doc.paragraphs if p.text]
    assert text[0] == "Kính gửi: các đơn vị có tên tại phụ lục"
    assert ("Tính đến ngày 15/04/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy chưa nhận được 29 báo cáo của 10 đơn vị có "
            "tên tại phụ lục kèm theo công văn này.") in text[1]
    assert text[-3:-1] == ["PHỤ LỤC", "Các báo cáo quá hạn của từng đơn vị"]
    assert text[-1] == ("(Kèm theo Công văn số        -CV/BTGDVTU, ngày 15 tháng 4 năm 2026 của Ban Tuyên giáo và "
                        "Dân vận Tỉnh ủy)")
    assert letter.doc.core_properties.title == "Công văn đôn đốc gửi báo cáo — các đơn vị có tên tại phụ lục"
    table = letter.doc.tables[-1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["TT", "Đơn vị", "Báo cáo", "Kỳ", "Hạn gửi", "Quá hạn"]
    # each unit once, numbered, beside its reports (cells merged down); exactly what `overdue` lists, in its order
    units = list(dict.fromkeys((row[0], row[1]) for row in cells[1:]))
    late = list(dict.fromkeys(r["unit_name"] for r in OVERDUE))
    assert units == [(str(n), name) for n, name in enumerate(late, 1)], units
    assert "Sở Y tế" not in late and len(late) == 10
    for name in late:
        mine = [row[2:] for row in cells[1:] if row[1] == name]
        theirs = [r for r in OVERDUE if r["unit_name"] == name]
        assert [row[3] for row in mine] == [f"quá {-r['days_left']} ngày" for r in theirs], name
        assert [row[0] for row in mine] == [r["report_name"] for r in theirs], name
    assert cells[-1][1] == "Hội Khuyến học tỉnh" and [row[4] for row in cells if row[1] == "Hội Khuyến học tỉnh"] == [
        "trước 20/01/2026 (hạn cuối 19/01/2026)", "trước 20/02/2026 (hạn cuối 23/02/2026)"]  # its Q1 came, late


def test_the_appendix_starts_a_page_and_repeats_its_headings(letters) -> None:
    letter = letters["all"]
    pages = len(page_sizes(letter.pdf))
    assert pages >= 3, pages  # the letter, then the appendix over two pages or more
    assert "Nơi nhận:" in "\n".join(lines(letter.pdf, 1)) and "PHỤ LỤC" not in "\n".join(lines(letter.pdf, 1))
    assert lines(letter.pdf, 2)[:2] == ["2", "PHỤ LỤC"]
    for page in range(3, pages + 1):
        shown = lines(letter.pdf, page)
        assert shown[0] == str(page) and shown[1].split() == ["TT", "Đơn", "vị", "Báo", "cáo", "Kỳ", "Hạn", "gửi",
                                                                "Quá", "hạn"], (page, shown[:3])


def test_letter_takes_one_unit_or_all_and_writes_nothing_when_none_is_late(cli, cfg, tmp_path) -> None:
    both = cli("letter", "syt", "--all", "--as-of", "2026-04-15", code=2).stderr
    assert both == "Lỗi: Hãy nêu hoặc một đơn vị (khoagiao letter MÃ), hoặc --all cho mọi đơn vị; không dùng cả hai.\n"
    assert "--all" in cli("letter", "--as-of", "2026-04-15", code=2).stderr
    assert "or --all" in cli("letter", "--lang", "en", code=2).stderr
    out = cli("letter", "--all", "--as-of", "2026-01-05").stdout
    assert out == "Không có đơn vị nào có báo cáo quá hạn tính đến 05/01/2026; không soạn công văn.\n"
    assert not list(Path.cwd().iterdir())
    assert cli("letter", "--all", "--as-of", "2026-01-25").stdout.startswith(
        "Đã ghi dự thảo công văn cong-van-don-doc-2026-01-25.docx gửi 11 đơn vị (11 báo cáo quá hạn).")
