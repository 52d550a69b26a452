"""`khoagiao summary --quarter Q`: the page for the quarterly block briefing. Its figures are those of `status` and
`stats --format json` for the same as-of day (computed here from their JSON, never from khoagiao's own functions):
per unit the reports due in the quarter, on time, late, missing, not yet due, the on-time rate against the quarter
before (Q1 against the previous year's Q4); the four quarters add up to the year's `stats`. Rendered by LibreOffice
(tests/rendering.py): A4, nothing past the margins, the table's heading row repeated on the next page."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import write_config
from rendering import lines, page_sizes, pdf_language, run, to_pdf, words_boxes

from khoagiao_cli.config.paths import embedded_dir

AS_OF = date(2026, 4, 15)
#: (unit, report, period, received): Q4 2025 and Q1 2026 of a few units; the others sent nothing
RECEIVED = (
    ("syt", "monthly", "2025-10", "2025-10-15"), ("syt", "monthly", "2025-11", "2025-11-18"),
    ("syt", "annual", "2025", "2025-11-25"), ("syt", "monthly", "2025-12", "2025-12-10"),
    ("sgddt", "monthly", "2025-10", "2025-10-16"), ("sgddt", "monthly", "2025-11", "2025-11-28"),
    ("hkh", "annual", "2025", "2025-12-15"),
    ("syt", "monthly", "2026-01", "2026-01-15"), ("syt", "monthly", "2026-02", "2026-02-20"),
    ("syt", "q1", "2026-Q1", "2026-03-19"), ("sgddt", "monthly", "2026-01", "2026-01-25"),
    ("hkh", "q1", "2026-Q1", "2026-04-02"), ("bhxh-kh", "monthly", "2026-01", "2026-01-19"),
    ("lhh", "q1", "2026-Q1", "2026-03-12"),  # ahead of its deadline (19/03), seen from MID
)
#: the big office: the province's units and this many more, for a table over more than one page
EXTRA_UNITS = 40
HEADINGS = ["TT", "Đơn vị", "Phải gửi", "Đúng hạn", "Muộn", "Chưa gửi (quá hạn)", "Nhận trước hạn", "Chưa đến hạn",
            "Tỉ lệ đúng hạn"]
#: mid-quarter, as the briefing is held: the Liên hiệp's Q1 report came on 12/03, its deadline (19/03) still ahead
MID = date(2026, 3, 15)


def env_for(root: Path, units: str | None = None) -> dict[str, str | None]:
    folder = write_config(root / "cfg", units=units, tracking_start="2025-10-01")
    return {"KHOAGIAO_HOME": str(root / "home"), "KHOAGIAO_CONFIG": str(folder), "KHOAGIAO_DB": None,
            "KHOAGIAO_LANG": None}


class Made:
    def __init__(self, env: dict[str, str | None], root: Path) -> None:
        self.env, self.root = env, root
        self.docs: dict[str, Path] = {}
        self.pdfs: dict[str, Path] = {}

    def summary(self, name: str, *args: str) -> str:
        self.docs[name] = self.root / f"{name}.docx"
        return run(self.env, "summary", *args, "-o", str(self.docs[name])).stdout

    def json(self, *args: str) -> Any:
        return json.loads(run(self.env, *args, "--format", "json").stdout)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Made:
    root = tmp_path_factory.mktemp("summary")
    m = Made(env_for(root / "office"), root)
    for unit, report, period, received in RECEIVED:
        run(m.env, "submit", unit, report, "--period", period, "--received", received, "--as-of", "2026-04-15")
    m.said = m.summary("q1", "--quarter", "1", "--year", "2026", "--as-of", AS_OF.isoformat())
    m.summary("q1-en", "--quarter", "Q1", "--as-of", AS_OF.isoformat(), "--lang", "en")
    m.summary("q1-mid", "--quarter", "1", "--year", "2026", "--as-of", MID.isoformat())
    for q in range(1, 5):  # the whole year, seen on its last day
        m.summary(f"year-q{q}", "--quarter", str(q), "--year", "2026", "--as-of", "2026-12-31")
    units = (embedded_dir() / "units.yaml").read_text(encoding="utf-8") + "".join(
        f"\n  - code: dv{n:02d}\n    name: Đơn vị thử nghiệm số {n:02d} của khối\n    group: hội\n"
        for n in range(1, EXTRA_UNITS + 1))
    big = Made(env_for(root / "big", units), root)
    big.summary("big", "--quarter", "1", "--as-of", AS_OF.isoformat())
    m.docs["big"] = big.docs["big"]
    m.pdfs = {name: pdf for name, pdf in zip(("q1", "q1-en", "big"), to_pdf(
        [m.docs[n] for n in ("q1", "q1-en", "big")], root / "pdf").values(), strict=True)}
    return m


def table(path: Path) -> dict[str, list[str]]:
    """The summary's table, read back: each unit's name (and "Cộng") with its figures."""
    rows = [[c.text for c in row.cells] for row in docx.Document(str(path)).tables[-1].rows]
    assert rows[0] in (HEADINGS, ["No.", "Unit", "Expected", "On time", "Late", "Missing (overdue)", "Received early",
                                  "Not yet due", "On-time rate"]), rows[0]
    return {row[1]: row[2:] for row in rows[1:]}


def counted(instances: list[dict[str, Any]], year: int, quarter: int, as_of: date) -> dict[str, Counter[str]]:
    """Per unit name, the quarter's reports from `status --format json`: expected, owed (due by as-of: on time,
    late or still missing), each status, and `early`: on time ahead of a deadline still to come."""
    out: dict[str, Counter[str]] = {}
    for r in instances:
        deadline = date.fromisoformat(r["deadline"])
        if r["unit"] == "ban" or deadline.year != year or (deadline.month - 1) // 3 + 1 != quarter:
            continue
        c = out.setdefault(r["unit_name"], Counter())
        c["expected"] += 1
        if deadline <= as_of and r["status"] in ("on_time", "late", "overdue"):
            c["owed"] += 1
            c[r["status"]] += 1
        elif deadline > as_of and r["status"] == "on_time":
            c["early"] += 1
    return out


def percent(on_time: int, owed: int) -> str:
    return f"{on_time / owed * 100:.1f}".replace(".", ",") + "%" if owed else "—"


def figures(c: Counter[str]) -> list[str]:
    """A row of the table as `status` says it: expected, on time, late, missing, received early, not yet due, rate."""
    return [str(c["expected"]), str(c["on_time"]), str(c["late"]), str(c["overdue"]), str(c["early"]),
            str(c["expected"] - c["owed"] - c["early"]), percent(c["on_time"], c["owed"])]


@pytest.mark.parametrize(("doc", "as_of"), [("q1", AS_OF), ("q1-mid", MID)])
def test_the_figures_are_those_of_status(made, doc: str, as_of: date) -> None:
    status = made.json("status", "--year", "2026", "--as-of", as_of.isoformat())["instances"]
    expected = counted(status, 2026, 1, as_of)
    shown = table(made.docs[doc])
    total = Counter()
    for name, c in expected.items():
        assert shown[name] == figures(c), name
        total.update(c)
    assert set(shown) == {*expected, "Cộng"}
    assert shown["Cộng"] == figures(total)
    if doc == "q1-mid":  # found by review: a report that came early was counted with those not yet due
        lhh = shown["Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]
        assert lhh[3:6] == ["2", "1", "0"] and total["early"] == 1, (lhh, total)  # January, February missing; Q1 early
        return
    assert made.said == (f"Đã ghi trang tổng hợp quý I/2026 vào {made.docs['q1']}: {total['expected']} báo cáo phải "
                         f"gửi, {total['on_time']} đúng hạn, {total['late']} muộn, {total['overdue']} chưa gửi.\n")
    assert (shown["Sở Y tế"], shown["Sở Giáo dục và Đào tạo"][:4]) == (["3", "3", "0", "0", "0", "0", "100,0%"],
                                                                       ["3", "0", "1", "2"])  # by hand


def test_the_rate_against_the_quarter_before_q1_against_last_year_s_q4(made) -> None:
    now = counted(made.json("status", "--year", "2026", "--as-of", AS_OF.isoformat())["instances"], 2026, 1, AS_OF)
    before = counted(made.json("status", "--year", "2025", "--as-of", AS_OF.isoformat())["instances"], 2025, 4, AS_OF)
    rates = []
    for found in (now, before):
        on_time, owed = sum(c["on_time"] for c in found.values()), sum(c["owed"] for c in found.values())
        rates.append((on_time / owed, percent(on_time, owed)))
    (rate, said), (rate_before, said_before) = rates
    change = f"{abs(rate - rate_before) * 100:.1f}".replace(".", ",")
    way = "tăng" if rate > rate_before else "giảm"
    text = [p.text for p in docx.Document(str(made.docs["q1"])).paragraphs if p.text]
    assert (f"Tỉ lệ gửi đúng hạn quý I/2026: {said}; quý IV/2025: {said_before} ({way} {change} điểm phần "
            "trăm).") in text, text
    assert sum(c["expected"] for c in before.values()) == 44  # 11 units × (October, November, December, the year)


def test_the_four_quarters_add_up_to_the_year_s_stats(made) -> None:
    stats = {s["unit_name"]: s for s in made.json("stats", "--year", "2026", "--as-of", "2026-12-31")["units"]}
    summed: dict[str, Counter[str]] = {}
    for q in range(1, 5):
        for name, (expected, on_time, late, missing, early, not_due, _) in table(made.docs[f"year-q{q}"]).items():
            summed.setdefault(name, Counter()).update(owed=int(expected) - int(not_due) - int(early),
                                                      on_time=int(on_time), late=int(late), missing=int(missing))
    del summed["Cộng"]
    assert set(summed) == set(stats)
    for name, c in summed.items():
        assert {k: c[k] for k in ("owed", "on_time", "late", "missing")} == {
            k: stats[name][k] for k in ("owed", "on_time", "late", "missing")}, name


def test_the_units_to_urge_are_those_still_owing_the_quarter_s_reports(made) -> None:
    overdue = [r for r in made.json("overdue", "--as-of", AS_OF.isoformat())["instances"] if r["unit"] != "ban"
               and r["deadline"] < "2026-04-01"]
    text = [p.text for p in docx.Document(str(made.docs["q1"])).paragraphs if p.text]
    urged = text[text.index("3. Các đơn vị cần đôn đốc") + 1:]
    order = list(table(made.docs["q1"]))  # units.yaml's order, as the table's
    names = sorted({r["unit_name"] for r in overdue}, key=order.index)
    assert [line.split(":")[0] for line in urged] == [f"- {n}" for n in names]
    assert "Sở Y tế" not in names
    assert urged[0] == ("- Sở Giáo dục và Đào tạo: Báo cáo tháng (tháng 02/2026, quá 51 ngày); Báo cáo quý I "
                        "(quý I/2026, quá 27 ngày).")


def test_a_report_carried_to_a_successor_is_urged_from_the_successor(tmp_path) -> None:
    """Found by review: the units to urge were grouped by the unit that existed on the deadline, so a unit that had
    ceased (Sở Tài nguyên và Môi trường, 28/02/2025) was urged for its own reports, marked as taken over from
    itself, while `overdue` and `letter` ask its successor. Now the urged units are `overdue`'s."""
    env = env_for(tmp_path)
    env_cfg = Path(str(env["KHOAGIAO_CONFIG"])) / "schedule.yaml"
    env_cfg.write_text(env_cfg.read_text(encoding="utf-8").replace("tracking_start: 2025-10-01",
                                                                   "tracking_start: 2025-01-01"), encoding="utf-8")
    out = tmp_path / "q1-2025.docx"
    run(env, "summary", "--quarter", "1", "--year", "2025", "--as-of", "2025-04-21", "-o", str(out))
    overdue = json.loads(run(env, "overdue", "--as-of", "2025-04-21", "--format", "json").stdout)["instances"]
    owing = {r["unit_name"] for r in overdue if r["unit"] != "ban" and r["deadline"] < "2025-04-01"}
    text = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    urged = [line[2:].split(":")[0] for line in text[text.index("3. Các đơn vị cần đôn đốc") + 1:]]
    assert set(urged) == owing and len(urged) == len(owing), (urged, owing)
    assert "Sở Tài nguyên và Môi trường" not in urged and "Sở Nông nghiệp và Môi trường" in urged
    assert all("tiếp nhận từ" not in line or not line.startswith(f"- {name}:")
               for line in text for name in ("Sở Tài nguyên và Môi trường",))


def test_printed_on_a4_within_its_margins_its_headings_repeated(made) -> None:
    for name in ("q1", "q1-en", "big"):
        pdf = made.pdfs[name]
        assert all(round(w) == 595 and round(h) == 842 for w, h in page_sizes(pdf)), name
        boxes = words_boxes(pdf)
        assert boxes and all(85.0 - 1 <= b.x0 and b.x1 <= 595.3 - 42.5 + 1 for b in boxes), [
            b for b in boxes if not (84 <= b.x0 and b.x1 <= 553.8)][:5]
    assert pdf_language(made.pdfs["q1"]) == "vi-VN" and pdf_language(made.pdfs["q1-en"]) == "en-GB"
    first = lines(made.pdfs["q1"], 1)
    assert "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ" in first and "Khánh Hòa, ngày 15 tháng 4 năm 2026" in first[2]
    big = made.pdfs["big"]
    pages = len(page_sizes(big))
    assert pages >= 2
    table_pages = [n for n in range(1, pages + 1)
                   if any(re.match(r"\d+ +Đơn vị thử nghiệm", line) for line in lines(big, n))]
    assert len(table_pages) >= 2, table_pages  # the table runs over a page
    for page in table_pages[1:]:
        shown = lines(big, page)
        assert shown[0] == str(page) and shown[1].split()[:4] == ["TT", "Đơn", "vị", "Phải"], (page, shown[:3])
    big_table = table(made.docs["big"])
    assert len(big_table) == 11 + EXTRA_UNITS + 1


def test_a_bad_quarter_or_year_is_refused_and_nothing_is_written(cli, cfg, tmp_path) -> None:
    out = tmp_path / "x.docx"
    r = cli("summary", "--quarter", "5", "-o", str(out), code=2)
    assert r.stderr == "Lỗi: Quý '5' không hợp lệ: dùng 1, 2, 3 hoặc 4 (hoặc I–IV).\n"
    assert "Năm '3000' không hợp lệ" in cli("summary", "--quarter", "1", "--year", "3000", "-o", str(out), code=2).stderr
    assert "Quý 'Q0'" in cli("summary", "--quarter", "Q0", "-o", str(out), code=2).stderr
    assert "Quarter '12' is not valid" in cli("summary", "--quarter", "12", "--lang", "en", code=2).stderr
    assert not out.exists() and not list(Path.cwd().iterdir())
    none = cli("summary", "--quarter", "4", "--year", "2020", "--as-of", "2026-04-15").stdout
    assert none == "Không có báo cáo nào của các đơn vị có hạn trong quý IV/2020; không tạo tệp.\n"
    assert not list(Path.cwd().iterdir())
    said = cli("summary", "--quarter", "quý II", "--as-of", "2026-04-15").stdout
    assert said.startswith("Đã ghi trang tổng hợp quý II/2026 vào giao-ban-2026-Q2.docx: 33 báo cáo phải gửi,")
    assert (Path.cwd() / "giao-ban-2026-Q2.docx").is_file()


def test_a_quarter_not_begun_this_year_is_last_year_s(cli, cfg) -> None:
    """Found by review: in January, `summary --quarter 4` gave the new year's fourth quarter, all of it still
    ahead (nothing owed, no rate): the briefing's page of the quarter just ended needed --year. Without --year a
    quarter that has not begun on the as-of day is the previous year's; with --year, the year given."""
    said = cli("summary", "--quarter", "4", "--as-of", "2027-01-10").stdout
    assert "quý IV/2026" in said and Path("giao-ban-2026-Q4.docx").is_file(), said
    said = cli("summary", "--quarter", "1", "--as-of", "2027-01-10").stdout
    assert "quý I/2027" in said and Path("giao-ban-2027-Q1.docx").is_file(), said
    said = cli("summary", "--quarter", "4", "--year", "2027", "--as-of", "2027-01-10").stdout
    assert "quý IV/2027" in said, said
