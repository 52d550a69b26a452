"""`khoagiao board`, opened in a real browser: headless Chromium (Debian's `chromium`, driven by Playwright) reads
the page's grid and ranking from the DOM, and they must say what `status --format json` and `stats --format json`
say for the same day; the page loads nothing from anywhere, prints on A4 landscape, speaks English with --lang en,
shows a hostile unit name as text, and refuses bad input without writing a file.

The browser is launched once for the module. Without Chromium these tests fail (never skip): scripts/test.sh
installs it."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import write_config
from ledgers import office_month

from khoagiao_cli.config.paths import embedded_dir
from khoagiao_cli.i18n import catalogue

AS_OF = "2026-04-24"
#: the flags Chromium needs here: as root, no sandbox; and nothing of its own on a closed network
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps"]
TEMPLATE = Path(__file__).resolve().parents[1] / "src" / "khoagiao_cli" / "outputs" / "templates" / "board.html.j2"


def chromium_path() -> str:
    found = os.environ.get("KHOAGIAO_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is not installed: the board is tested in a real browser. Run scripts/test.sh, which "
                    "installs Debian's chromium (or set KHOAGIAO_CHROMIUM to a Chromium binary).")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install '.[test]' (scripts/test.sh does).")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page of the board in the browser, with the requests it tried to make that were not its own file."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1200, "height": 900})
        self.outside: list[str] = []

        def only_the_file(route: Any) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        self.page.route("**/*", only_the_file)
        self.page.goto(path.as_uri(), wait_until="load")

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)


@pytest.fixture
def opened(browser) -> Iterator[Any]:
    pages: list[Opened] = []

    def open_(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for o in pages:
        o.page.close()


def board(cli, tmp_path: Path, *args: str, name: str = "board.html") -> Path:
    out = tmp_path / name
    cli("board", "--as-of", AS_OF, "-o", str(out), *args)
    return out


def json_of(cli, *args: str) -> dict[str, Any]:
    return json.loads(cli(*args, "--as-of", AS_OF, "--format", "json").stdout)


@pytest.fixture
def month(cli, cfg) -> None:
    """An office's month (tests/ledgers.py: a request, a correction, a withdrawal, a void, an incident) and a few
    more receipts: on time, late, and the Commission's own."""
    office_month(cli)
    cli("submit", "sgddt", "q1", "--period", "2026-Q1", "--received", "2026-03-18", "--as-of", AS_OF)
    cli("submit", "hdy", "monthly", "--period", "2026-01", "--received", "2026-02-10", "--as-of", AS_OF)
    cli("submit", "hkh", "monthly", "--period", "2026-02", "--received", "2026-02-12", "--doc-number", "12/BC-HKH",
        "--as-of", AS_OF)
    cli("submit", "ban", "ban-quy", "--period", "2026-Q1", "--received", "2026-03-30", "--as-of", AS_OF)


GRID_JS = """() => [...document.querySelectorAll('#grid tbody tr')].flatMap(tr =>
  [...tr.querySelectorAll('td[data-status]')].map(td => ({
    unit: tr.dataset.unit, report: td.dataset.report, period: td.dataset.period, status: td.dataset.status,
    label: td.querySelector('.l').textContent, note: td.querySelector('.n') ? td.querySelector('.n').textContent : '',
    colour: getComputedStyle(td).backgroundColor})))"""
SCORES_JS = """() => [...document.querySelectorAll('#scores tbody tr[data-unit]')].map(tr => ({
  unit: tr.dataset.unit, rank: tr.querySelector('.rank').textContent, rate: tr.dataset.rate,
  shown: tr.querySelector('.pct').textContent, months: [...tr.querySelectorAll('.strip span')].map(s => s.className),
  bars: tr.querySelectorAll('svg rect').length}))"""


def expected_label(rec: dict[str, Any]) -> tuple[str, str]:
    """What a cell says of a record of `status --format json`, in Vietnamese."""
    status = rec["status"]
    if status in ("on_time", "late"):
        got = date.fromisoformat(rec["received"])
        return f"{got.day:02d}/{got.month:02d}", f"muộn {rec['days_late']} ngày" if status == "late" else ""
    if status == "overdue":
        return f"quá {-rec['days_left']} ngày", ""
    if status == "due":
        return ("hạn hôm nay" if rec["days_left"] == 0 else f"còn {rec['days_left']} ngày"), ""
    return "·", ""


def test_the_grid_and_the_ranking_say_what_status_and_stats_say(cli, month, tmp_path, opened) -> None:
    page = opened(board(cli, tmp_path))
    status = json_of(cli, "status")["instances"]
    stats = json_of(cli, "stats")["units"]

    expected = {(r["unit"], r["report"], r["period"]): r for r in status
                if r["unit"] != "ban" and r["report"] != "incident"}
    cells = {(c["unit"], c["report"], c["period"]): c for c in page.js(GRID_JS)}
    assert set(cells) == set(expected)
    assert {r["status"] for r in expected.values()} == {"on_time", "late", "overdue", "due", "upcoming"}
    colours: dict[str, set[str]] = {}
    for key, rec in expected.items():
        cell = cells[key]
        assert cell["status"] == rec["status"], key
        assert (cell["label"], cell["note"]) == expected_label(rec), key
        colours.setdefault(rec["status"], set()).add(cell["colour"])
    assert all(len(c) == 1 for c in colours.values()) and len({c.pop() for c in colours.values()}) == 5
    # the one-off request is a column of its own, owed by the two units it asked
    assert {k[0] for k in cells if k[1] == "nhanh"} == {"skhcn", "syt"}

    own = page.js("() => [...document.querySelectorAll('#own tr[data-report]')].map(tr => "
                  "[tr.dataset.report, tr.dataset.period, tr.dataset.status])")
    assert own == [[r["report"], r["period"], r["status"]] for r in status if r["unit"] == "ban"]

    shown = page.js(SCORES_JS)
    assert [s["unit"] for s in shown] == [u["unit"] for u in stats]
    for s, u in zip(shown, stats, strict=True):
        assert int(s["rank"]) == u["rank"]
        assert float(s["rate"]) == u["on_time_rate"]
        assert s["shown"] == f"{u['on_time_rate'] * 100:.1f}".replace(".", ",") + "%"
        assert s["bars"] == 2  # the track and the rate
        assert s["months"] == [{"on_time": "on_time", "late": "late", "missing": "overdue", "upcoming": "upcoming",
                                None: "blank"}[m] for m in u["months"]]
    assert page.outside == []


def test_what_is_due_is_what_due_says_and_the_commission_apart(cli, month, tmp_path, opened) -> None:
    page = opened(board(cli, tmp_path))
    due = json_of(cli, "due")["instances"]
    units = [r for r in due if r["unit"] != "ban"]
    assert page.js("() => document.getElementById('tile-overdue').textContent") == str(
        sum(r["status"] == "overdue" for r in units))
    assert page.js("() => document.getElementById('tile-due').textContent") == str(
        sum(r["status"] == "due" for r in units))
    listed = page.js("() => document.getElementById('units-due').textContent")
    for r in units:
        assert r["unit_name"] in listed
    own = page.js("() => document.getElementById('own-due').textContent")
    assert "Ban Tuyên giáo" not in listed and all(r["report_name"] in own for r in due if r["unit"] == "ban")
    # the deadline moved off a Sunday says why, beside its column
    moved = page.js("() => document.getElementById('moved').textContent")
    assert "chuyển từ 19/04 (Chủ nhật)" in moved
    mark = page.js("() => document.querySelector('th.moved[data-period=\"2026-04\"] .dl').textContent")
    assert re.fullmatch("hạn 20/04[¹²³⁴⁵⁶⁷⁸⁹]", mark)
    assert f"{mark[-1]} tháng 04/2026: 20/04/2026, chuyển từ 19/04 (Chủ nhật)" in moved
    meetings = page.js("() => document.getElementById('meetings').textContent")
    assert "Giao ban Khối khoa giáo quý" in meetings and "25/06/2026" in meetings


def test_the_page_needs_nothing_from_outside(cli, month, tmp_path, opened) -> None:
    out = board(cli, tmp_path)
    page = opened(out)
    text = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in text
    assert page.js("() => [...document.querySelectorAll('[src], [href], link, script, iframe, object')].length") == 0
    assert not re.search(r"url\(|@import|https?://", text)
    assert page.js("() => document.querySelectorAll('svg').length") >= 11  # the bars are drawn in the page
    assert page.outside == []


def test_it_prints_on_a4_landscape(cli, month, tmp_path, opened) -> None:
    from pypdf import PdfReader

    page = opened(board(cli, tmp_path))
    pdf = PdfReader(io.BytesIO(page.page.pdf(prefer_css_page_size=True, print_background=True)))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(842, 595)}  # A4 (210 × 297 mm) on its side, from the page's own @page rule
    assert 2 <= len(pdf.pages) <= 6
    first = squashed(pdf.pages[0].extract_text())
    assert squashed("Ban Tuyên giáo và Dân vận Tỉnh ủy") in first and "24/04/2026" in first
    everything = squashed("".join(p.extract_text() for p in pdf.pages))
    assert squashed("Hội Khuyến học tỉnh") in everything and squashed("Xếp hạng") in everything


def squashed(text: str) -> str:
    """Text without its spaces: how a PDF spaces its letters is the reader's guess (pypdf 4.0 reads "Ban T uyên")."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_english_with_lang_en(cli, month, tmp_path, opened) -> None:
    page = opened(board(cli, tmp_path, "--lang", "en"))
    assert page.js("() => document.documentElement.lang") == "en"
    text = page.js("() => document.body.innerText")
    for said in ("To chase: overdue and due soon", "Ranking by reports on time, 2026", "units × periods",
                 "days overdue", "As of"):
        assert said in text, said
    for vietnamese in ("Cần đôn đốc", "Xếp hạng", "quá hạn", "Tính đến"):
        assert vietnamese not in text, vietnamese
    late = page.js("() => document.querySelector('td[data-status=\"late\"] .n').textContent")
    assert re.fullmatch(r"\d+ days? late", late)


def test_a_hostile_unit_name_or_title_is_shown_as_text(cli, tmp_path, monkeypatch, opened) -> None:
    evil = "<script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>"
    units = (embedded_dir() / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("    name: Sở Y tế\n", f'    name: "Sở Y tế {evil}"\n', 1)
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "cfg", units=units)))
    cli("request", "add", "--id", "x", "--title", f"Báo cáo {evil}", "--deadline", "2026-04-30", "--units", "syt",
        "--as-of", "2026-04-20")
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-12", "--doc-number",
        "<b>12</b>/BC-SYT", "--as-of", AS_OF)
    out = board(cli, tmp_path)
    assert "<script>" not in out.read_text(encoding="utf-8")
    page = opened(out)
    assert page.js("() => window.pwned === undefined && document.scripts.length === 0 && "
                   "document.images.length === 0")
    assert page.js("() => document.querySelector('#grid tr[data-unit=\"syt\"] th').textContent").startswith(
        f"Sở Y tế {evil}")
    assert f"Báo cáo {evil}" in page.js("() => document.getElementById('units-due').textContent")
    assert "<b>12</b>/BC-SYT" in page.js(
        "() => document.querySelector('td[data-period=\"2026-01\"][data-report=\"monthly\"]').title")


def write_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    lines = ["units:"]
    for n in range(count):
        lines += [f"  - code: u{n:03d}", f"    name: Đơn vị {n}", f"    group: {'hội' if n % 3 == 0 else 'sở'}"]
    folder = write_config(tmp_path / "cfg", units="\n".join(lines) + "\n")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))


def test_a_large_office_grid_shows_the_worst_units_and_says_how_many_are_left_out(cli, tmp_path, monkeypatch,
                                                                                   opened) -> None:
    write_units(tmp_path, monkeypatch, 30)
    on_time = {"2026-01": "2026-01-15", "2026-02": "2026-02-12", "2026-Q1": "2026-03-16", "2026-04": "2026-04-14"}
    for n in range(20):  # the first ten sent everything on time, the next ten January late; the last ten nothing
        for period, day in on_time.items():
            late = n >= 10 and period == "2026-01"
            cli("submit", f"u{n:03d}", "q1" if period.endswith("Q1") else "monthly", "--period", period,
                "--received", "2026-02-25" if late else day, "--as-of", AS_OF)
    page = opened(board(cli, tmp_path, "--max-units", "12"))
    rows = page.js("() => [...document.querySelectorAll('#grid tbody tr')].map(tr => tr.dataset.unit)")
    assert rows[:10] == [f"u{n:03d}" for n in range(20, 30)] and len(rows) == 12  # nothing sent: first
    assert set(rows[10:]) <= {f"u{n:03d}" for n in range(10, 20)}
    note = page.js("() => document.getElementById('left-out').textContent")
    assert "vẽ 12 trong 30 đơn vị" in note and "18 đơn vị khác" in note
    assert "(10 đơn vị trong số đó không có báo cáo quá hạn hay gửi muộn)" in note
    assert "--group" in note and "--max-units 30" in note
    assert len(page.js(SCORES_JS)) == 30  # a ranking of 30 is shown whole

    page = opened(board(cli, tmp_path, "--group", "Hoi", name="hoi.html"))  # as request add --group finds it
    rows = page.js("() => [...document.querySelectorAll('#grid tbody tr')].map(tr => tr.dataset.unit)")
    assert rows == [f"u{n:03d}" for n in range(0, 30, 3)]
    ranked = page.js(SCORES_JS)
    stats = {u["unit"]: u["rank"] for u in json_of(cli, "stats")["units"]}
    assert [s["unit"] for s in ranked] == sorted(rows, key=stats.__getitem__)
    assert all(int(s["rank"]) == stats[s["unit"]] for s in ranked)  # ranks over the whole block
    assert "nhóm hội" in page.js("() => document.querySelector('header').textContent")


def test_a_large_office_with_nothing_late_still_has_its_grid(cli, tmp_path, monkeypatch, opened) -> None:
    """Found by review: over --max-units units and none of them late (every January, before the first deadline),
    the grid took only units with something late or missing, so it was empty; the page said no report was owed
    this year, and that every unit left out had "sent everything on time" when nothing was due yet. Now the grid
    is filled with the other units in units.yaml's order, and the note says only what is true."""
    write_units(tmp_path, monkeypatch, 8)
    out = tmp_path / "jan.html"
    cli("board", "--as-of", "2026-01-05", "-o", str(out), "--max-units", "5")
    page = opened(out)
    rows = page.js("() => [...document.querySelectorAll('#grid tbody tr')].map(tr => tr.dataset.unit)")
    assert rows == [f"u{n:03d}" for n in range(5)]
    text = page.js("() => document.body.textContent")
    assert "Chưa có báo cáo nào phải gửi" not in text and "đã gửi đủ, đúng hạn" not in text
    note = page.js("() => document.getElementById('left-out').textContent")
    assert "3 đơn vị khác" in note and "(3 đơn vị trong số đó không có báo cáo quá hạn hay gửi muộn)" in note


@pytest.mark.parametrize(("args", "said"), [
    (["--year", "1800"], "Năm '1800' không hợp lệ"),
    (["--group", "không-có"], "không có đơn vị nào thuộc nhóm 'không-có'"),
    (["--as-of", "31/02/2026"], "không có thật"),
    (["--max-units", "0"], "--max-units"),
    (["--lang", "fr"], "fr"),
])
def test_bad_input_says_why_and_writes_nothing(cli, cfg, tmp_path, args, said) -> None:
    out = tmp_path / "board.html"
    r = cli("board", "-o", str(out), *args, code=2)
    assert said in r.output and "Traceback" not in r.output
    assert list(tmp_path.glob("*.html")) == [] and not list(tmp_path.glob(".board.html.*"))


def test_an_output_it_cannot_write_is_refused_before_any_work(cli, cfg, tmp_path) -> None:
    r = cli("board", "-o", str(tmp_path / "khong-co" / "board.html"), code=2)
    assert "không tồn tại" in r.output
    (tmp_path / "folder.html").mkdir()
    r = cli("board", "-o", str(tmp_path / "folder.html"), code=2)
    assert "Lỗi" in r.output
    assert not (tmp_path / "khong-co").exists()
    r = cli("board", code=2)  # the page has to go somewhere
    assert "-o" in r.output


def test_every_word_of_the_template_is_in_both_catalogues() -> None:
    keys = set(re.findall(r'\bt\("([a-z_0-9]+)"', TEMPLATE.read_text(encoding="utf-8")))
    assert len(keys) > 30
    assert sorted(keys - set(catalogue("vi"))) == [] and sorted(keys - set(catalogue("en"))) == []
