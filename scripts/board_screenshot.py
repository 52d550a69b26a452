"""Make docs/board.png, the README's picture of the status board: an office of the embedded defaults (11 units)
with nine months of receipts (most on time, some late, a few missing), imported from a tracking sheet as a clerk
would, then `khoagiao board --as-of 2026-10-14` opened in Chromium (Debian's, driven by Playwright).

    python scripts/board_screenshot.py [docs/board.png]     (from a venv with khoagiao and playwright installed;
                                                            with Pillow too, the PNG is shrunk to 128 colours)
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 10, 14)
#: each unit's habits: (share of reports on time, share late; the rest still missing when due)
HABITS = {"syt": (0.95, 0.05), "sgddt": (0.85, 0.15), "skhcn": (0.8, 0.1), "snnmt": (0.6, 0.3), "snv": (0.75, 0.2),
          "svhttdl": (0.7, 0.15), "dhkh": (0.5, 0.3), "lhh": (0.85, 0.15), "bhxh-kh": (0.9, 0.1),
          "hdy": (0.35, 0.45), "hkh": (0.7, 0.2)}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps"]


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "board.png")
    khoagiao = [sys.executable, "-m", "khoagiao_cli"]
    with tempfile.TemporaryDirectory(prefix="khoagiao-board-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}
        env.update({"KHOAGIAO_HOME": str(work / "home"), "COLUMNS": "100"})

        def run(*args: str) -> None:
            subprocess.run([*khoagiao, *args], env=env, cwd=work, check=True, stdout=subprocess.DEVNULL)

        run("init")
        schedule = work / "home" / "config" / "schedule.yaml"
        schedule.write_text(schedule.read_text(encoding="utf-8").replace(
            "# tracking_start: 2026-01-01", "tracking_start: 2026-01-01"), encoding="utf-8")
        sheet = work / "so-theo-doi.csv"
        sheet.write_text(_sheet(), encoding="utf-8")
        run("import", str(sheet), "--as-of", AS_OF.isoformat())
        for period, day in (("2026-Q1", "2026-03-30"), ("2026-Q2", "2026-06-29")):
            run("submit", "ban", "ban-quy", "--period", period, "--received", day, "--as-of", AS_OF.isoformat())
        page = work / "bang-theo-doi.html"
        run("board", "--as-of", AS_OF.isoformat(), "-o", str(page))
        _shoot(page, target)
    print(f"{target}: {target.stat().st_size / 1000:.0f} KB")


def _sheet() -> str:
    """The office's tracking sheet (unit, report, period, received) for the year to the as-of day."""
    from khoagiao_cli.config.load import load
    from khoagiao_cli.config.paths import config_sources, embedded_dir
    from khoagiao_cli.core.schedule import year_instances

    config = load(config_sources(embedded_dir(), {}), None, Path.cwd())
    rng = random.Random(14)
    lines = ["unit,report,period,received"]
    for inst in year_instances(config, AS_OF.year, None):
        if inst.unit == config.office.code or inst.deadline > AS_OF + timedelta(days=5):
            continue
        on_time, late = HABITS[inst.unit]
        roll = rng.random()
        if roll < on_time:
            got = inst.deadline - timedelta(days=rng.randint(0, 6))
        elif roll < on_time + late:
            got = inst.deadline + timedelta(days=rng.randint(1, 12))
        else:
            continue
        if got <= AS_OF:
            lines.append(f"{inst.unit},{inst.report},{inst.period},{got.isoformat()}")
    return "\n".join(lines) + "\n"


def _shoot(page: Path, target: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("KHOAGIAO_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium not found: apt install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        tab.goto(page.as_uri(), wait_until="load")
        target.parent.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(target), full_page=True)
        browser.close()
    try:  # the page has few colours: 128 of them keep it sharp at a third of the size
        from PIL import Image
    except ImportError:
        print("Pillow is not installed: the picture is kept as Chromium wrote it (pip install pillow to shrink it)")
        return
    with Image.open(target) as shot:
        small = shot.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(target, optimize=True)


if __name__ == "__main__":
    main()
