"""`khoagiao board` on the large setup of benchmarks/run.py (5,000 units, the default rules, holidays and meetings, a
year of submissions, three one-off requests to every unit and 100 incidents), and the page it writes opened in
Chromium. Run: sh benchmarks/run.sh board [--runs N] [--units N] [--chromium PATH] (a wheel install in a fresh
venv, with Playwright, then this script with that venv's Python; Chromium is Debian's `chromium`).

Targets: `board` under 3 s (median wall time of whole processes, after one warm-up run that caches the config), and
the page open in Chromium under 2 s: from asking a running browser for the file to the page laid out and painted
(the load event, then two animation frames), in a new tab each time; also with a browser started for the page, as
a double-click on the file in a file manager would. The same for the whole grid (--max-units with every unit) is
shown beside it, to show what the default grid's limit saves.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import KHOAGIAO, large_setup, median_times

AS_OF = "2026-11-22"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps"]
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def open_times(chromium: str, page: Path, runs: int) -> tuple[float, float, float, int]:
    """(median seconds to open the page in a running browser, the same with a browser started for it, seconds to
    print it to PDF, its printed pages)."""
    from playwright.sync_api import sync_playwright

    url = page.resolve().as_uri()

    def opened(browser: object) -> float:
        context = browser.new_context(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
        tab = context.new_page()
        start = time.perf_counter()
        tab.goto(url, wait_until="load")
        tab.evaluate(PAINTED)
        took = time.perf_counter() - start
        context.close()
        return took

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        opened(browser)  # warm-up: the first tab of a browser pays for its renderer process
        warm = statistics.median(opened(browser) for _ in range(runs))
        tab = browser.new_page()
        tab.goto(url, wait_until="load")
        start = time.perf_counter()
        pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
        printed = time.perf_counter() - start
        browser.close()
        cold = []
        for _ in range(max(3, runs // 3)):
            start = time.perf_counter()
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1366, "height": 768})
            tab.goto(url, wait_until="load")
            tab.evaluate(PAINTED)
            cold.append(time.perf_counter() - start)
            browser.close()
    return warm, statistics.median(cold), printed, len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--chromium", default=os.environ.get("KHOAGIAO_CHROMIUM") or shutil.which("chromium"))
    args = parser.parse_args()
    if not args.chromium:
        raise SystemExit("Chromium not found: apt install chromium, or --chromium PATH")

    work = Path(tempfile.mkdtemp(prefix="khoagiao-board-"))
    try:
        large = work / "large"
        t0 = time.perf_counter()
        large_setup(large, args.units)
        print(f"large setup built in {time.perf_counter() - t0:.1f} s ({args.units} units, a year of submissions)")
        env = {k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}
        env.update({"KHOAGIAO_HOME": str(work / "home"), "KHOAGIAO_CONFIG": str(large / "config"),
                    "KHOAGIAO_DB": str(large / "ledger.sqlite3")})
        default, whole = work / "board.html", work / "board-all.html"
        cmd = [*KHOAGIAO, "board", "--as-of", AS_OF, "-o", str(default)]
        cmd_all = [*KHOAGIAO, "board", "--as-of", AS_OF, "--max-units", str(args.units), "-o", str(whole)]
        made, made_all = median_times([(cmd, env), (cmd_all, env)], args.runs)
        print(f"khoagiao board, {args.units} units            : {made * 1000:7.1f} ms (target < 3000 ms), "
              f"page {default.stat().st_size / 1e6:.2f} MB")
        print(f"  with the whole grid (--max-units {args.units}): {made_all * 1000:7.1f} ms, "
              f"page {whole.stat().st_size / 1e6:.2f} MB")
        version = subprocess.run([args.chromium, "--version"], capture_output=True, text=True).stdout.strip()
        for name, page in (("the board", default), ("the whole grid", whole)):
            warm, cold, printed, pages = open_times(args.chromium, page, args.runs)
            print(f"{name} opened in {version}: {warm * 1000:7.1f} ms in a running browser (target < 2000 ms), "
                  f"{cold * 1000:7.1f} ms with a browser started for it; printed to PDF in {printed:.1f} s, "
                  f"{pages} A4 pages")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
