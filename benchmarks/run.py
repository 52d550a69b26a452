"""Benchmarks of `khoagiao due` (median wall time of whole processes). Run: sh benchmarks/run.sh (a wheel install in a
fresh venv, then this script with that venv's Python).

1. `khoagiao due` on the embedded defaults vs a bare Typer + Rich app printing a 12-row table
   (target: within 1.15x).
2. `khoagiao remind` (the preview, one message per unit) against `khoagiao due` on the same day and
   config (target: within 1.3x).
3. `khoagiao due` on a large setup: 5,000 units, the default rules, holidays and meetings, a year of
   submissions, three one-off requests to every unit and 100 incidents (target: under 1 s);
   `khoagiao stats` on the same setup (target: under 2 s).
Both after one warm-up run (the first run of a new config validates it and caches the result).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the console script a user runs, from the environment that runs this benchmark
KHOAGIAO = [str(Path(sys.executable).with_name("khoagiao"))]


def one_run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def median_times(cmds: list[tuple[list[str], dict[str, str]]], runs: int) -> list[float]:
    """Median wall time of each command; runs are interleaved so that drift hits all alike."""
    for cmd, env in cmds:
        one_run(cmd, env)  # warm-up: a new config is validated and cached on its first run
    times: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, (cmd, env) in enumerate(cmds):
            times[i].append(one_run(cmd, env))
    return [statistics.median(t) for t in times]


def tracked_defaults(work: Path) -> Path:
    """The embedded defaults tracked from 01/01/2026, so that `due` has a table to print."""
    from khoagiao_cli.config.paths import embedded_dir

    folder = work / "tracked"
    folder.mkdir()
    sched = (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    (folder / "schedule.yaml").write_text(sched.replace("# tracking_start: 2026-01-01", "tracking_start: 2026-01-01"), encoding="utf-8")
    shutil.copy(embedded_dir() / "units.yaml", folder / "units.yaml")
    return folder


def large_setup(folder: Path, units: int) -> None:
    """units.yaml with `units` units; a ledger with every 2026 report received, but one in ten."""
    from khoagiao_cli.config.paths import embedded_dir
    from khoagiao_cli.core.adhoc import Incident, Request
    from khoagiao_cli.core.model import Config
    from khoagiao_cli.core.schedule import expand
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.sqlite import SQLiteLedger as Ledger

    cfg_dir = folder / "config"
    cfg_dir.mkdir(parents=True)
    sched = (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    (cfg_dir / "schedule.yaml").write_text(sched.replace("# tracking_start: 2026-01-01", "tracking_start: 2026-01-01"), encoding="utf-8")
    lines = ["units:"]
    for i in range(units):
        lines += [f"  - code: u{i:05d}", f"    name: Đơn vị số {i}", "    group: sở", f"    email: u{i}@example.vn"]
    (cfg_dir / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    from khoagiao_cli.config.load import load
    from khoagiao_cli.config.paths import config_sources

    config: Config = load(config_sources(cfg_dir, {}), None, folder)
    as_of = date(2026, 11, 22)
    rng = random.Random(2026)
    ledger = Ledger.open(folder / "ledger.sqlite3", created_on=date(2026, 1, 1))
    codes = tuple(u.code for u in config.units)
    stamp = "2026-01-01T08:00:00+07:00"
    with ledger.write():
        for inst in expand(config, date(2026, 1, 1), as_of):
            if rng.random() < 0.9:
                ledger.append(Event(0, "submit", inst.unit, inst.report, inst.period, inst.deadline,
                                    recorded_at=stamp, recorded_by="bench"))
        # with everything switched on: one-off requests to every unit, and urgent incidents
        for n, deadline in enumerate((date(2026, 5, 29), date(2026, 11, 29), date(2026, 12, 15))):
            ledger.add_request(Request(f"req-{n}", f"Yêu cầu {n}", deadline, f"{n}-CV/BTGDVTU", codes, stamp), "bench")
        tz = timezone(timedelta(hours=7))
        for n in range(100):
            occurred = datetime(2026, 11, 1, 8, tzinfo=tz) + timedelta(hours=5 * n)
            ledger.add_incident(Incident(0, codes[n], None, f"Sự việc {n}", occurred, occurred + timedelta(hours=24),
                                         stamp), "bench")
    ledger.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--units", type=int, default=5000)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="khoagiao-bench-"))
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}
        env.update({"KHOAGIAO_HOME": str(work / "home"), "COLUMNS": "120"})
        env_tracked = dict(env, KHOAGIAO_CONFIG=str(tracked_defaults(work)))
        bare, due, table = median_times(
            [
                ([sys.executable, str(HERE / "bare_app.py")], env),
                ([*KHOAGIAO, "due", "--format", "table"], env),
                ([*KHOAGIAO, "due", "--format", "table", "--as-of", "2026-03-18"], env_tracked),
            ],
            args.runs,
        )
        import typer

        print(f"typer {typer.__version__} for both, Python {sys.version.split()[0]}")
        print(f"bare Typer+Rich app, 12-row table       : {bare * 1000:7.1f} ms (median of {args.runs})")
        print(f"khoagiao due, embedded defaults         : {due * 1000:7.1f} ms  = {due / bare:.2f}x the bare app (target <= 1.15x)")
        print(f"khoagiao due --as-of, 33-row table      : {table * 1000:7.1f} ms  = {table / bare:.2f}x the bare app")
        due_as_of, remind = median_times(
            [
                ([*KHOAGIAO, "due", "--format", "plain", "--as-of", "2026-03-18"], env_tracked),
                ([*KHOAGIAO, "remind", "--as-of", "2026-03-18"], env_tracked),
            ],
            args.runs,
        )
        print(f"khoagiao due --as-of (plain), defaults  : {due_as_of * 1000:7.1f} ms")
        print(f"khoagiao remind (preview, 11 messages)  : {remind * 1000:7.1f} ms  = {remind / due_as_of:.2f}x that due (target <= 1.3x)")

        large = work / "large"
        t0 = time.perf_counter()
        large_setup(large, args.units)
        print(f"large setup built in {time.perf_counter() - t0:.1f} s ({args.units} units, a year of submissions)")
        env_large = dict(env, KHOAGIAO_CONFIG=str(large / "config"), KHOAGIAO_DB=str(large / "ledger.sqlite3"))
        (big,) = median_times([([*KHOAGIAO, "due", "--format", "plain", "--as-of", "2026-11-22"], env_large)], max(5, args.runs // 3))
        print(f"khoagiao due, {args.units} units          : {big * 1000:7.1f} ms (target < 1000 ms)")
        (stats,) = median_times([([*KHOAGIAO, "stats", "--as-of", "2026-11-22"], env_large)],
                                max(5, args.runs // 6))
        print(f"khoagiao stats, {args.units} units        : {stats * 1000:7.1f} ms (target < 2000 ms)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
