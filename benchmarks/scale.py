"""How the cost of each command grows with the size of the office and the age of its ledger.

Run: sh benchmarks/run.sh scale [--setups 100x10,1000x3,5000x1,5000x10,20000x10] [--runs 3] [--timeout 120]
[--backends sqlite,postgresql] [--clients 8] (a wheel install in a fresh venv, with the postgresql extra, then this
script with that venv's Python). With postgresql, each setup is also copied into a PostgreSQL server started for
the run (Debian's postgresql; scripts/test.sh installs it) and timed there; --clients N then measures `submit`
with N clients at once on each backend.
Then `due` is timed again inside this one process, after a first run has loaded what it imports: the answer alone
(configuration, a new connection, the queries, the text), to tell the cost of each backend's start-up (on
PostgreSQL, importing psycopg) from the cost of its answer.

A setup is UNITSxYEARS: that many units, each owing the five periodic reports of the defaults, with that many
years of history ending on 22/11/2026 (tracking from 1 January of the first year). The ledger is written through
khoagiao's own store (so the hash chain is whole) and follows what offices do: most reports on time, some late
(1 to 30 days); of this year's, one in ten still missing; of earlier years', one in two hundred never came (the
rest of that tenth arrived after being chased, 31 to 120 days late); a few corrected later, fewer withdrawn (half
of those sent again). Setups
are built once and kept in benchmarks/.work/scale/ (keyed by the generator's version, the units, the years and
the seed). Each command runs as a whole process, its output thrown away (as `| tail` would read it all); the
table gives the median wall time of --runs runs and the largest peak memory (max RSS). A command still running
at --timeout is stopped and shown as "> N s".

With Taskwarrior installed (Debian: apt install taskwarrior; for this benchmark only), `task next` with as many
pending tasks as the first setup of one year has units is timed in the same run, for comparison with `due`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
KHOAGIAO = [str(Path(sys.executable).with_name("khoagiao"))]
AS_OF = date(2026, 11, 22)
#: bump when what is generated changes: a kept setup of another version is built again
VERSION = 2
SEED = 2026


def generate(folder: Path, units: int, years: int, seed: int = SEED) -> int:
    """Build a setup in `folder`: config/ and ledger.sqlite3. Returns the number of events."""
    from khoagiao_cli.config.load import load
    from khoagiao_cli.config.paths import config_sources, embedded_dir
    from khoagiao_cli.core.schedule import expand
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.sqlite import SQLiteLedger

    first = date(AS_OF.year - years + 1, 1, 1)
    cfg = folder / "config"
    cfg.mkdir(parents=True)
    sched = (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    (cfg / "schedule.yaml").write_text(sched.replace("# tracking_start: 2026-01-01", f"tracking_start: {first}"),
                                       encoding="utf-8")
    lines = ["units:"]
    for i in range(units):
        lines += [f"  - code: u{i:05d}", f"    name: Đơn vị số {i}", "    group: sở", f"    email: u{i}@example.vn"]
    (cfg / "units.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load(config_sources(cfg, {}), None, folder)
    rng = random.Random(seed)
    ledger = SQLiteLedger.open(folder / "ledger.sqlite3", created_on=first)
    count = 0

    def stamp(day: date) -> str:
        return f"{day.isoformat()}T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:00+07:00"

    with ledger.write():
        for inst in expand(config, first, AS_OF):
            roll = rng.random()
            if roll < (0.10 if inst.deadline.year == AS_OF.year else 0.005):
                continue  # never sent
            if roll < 0.10:  # an earlier year's: chased until it came
                got = inst.deadline + timedelta(days=rng.randint(31, 120))
            elif roll > 0.75:
                got = inst.deadline + timedelta(days=rng.randint(1, 30))
            else:
                got = inst.deadline - timedelta(days=rng.randint(0, 10))
            got = min(got, AS_OF)
            doc = f"{rng.randint(1, 400)}/BC-{inst.unit.upper()}"
            ledger.append(Event(0, "submit", inst.unit, inst.report, inst.period, got, doc_number=doc,
                                channel=rng.choice(("paper", "email", "eoffice")), recorded_at=stamp(got),
                                recorded_by="vanthu"))
            count += 1
            extra = rng.random()
            if extra < 0.03:  # corrected later: the received date was typed wrong
                fixed = min(got + timedelta(days=rng.randint(1, 3)), AS_OF)
                ledger.append(Event(0, "correct", inst.unit, inst.report, inst.period, fixed, doc_number=doc,
                                    recorded_at=stamp(fixed), recorded_by="vanthu"))
                count += 1
            elif extra < 0.04:  # withdrawn (the wrong file), half of them sent again
                back = min(got + timedelta(days=1), AS_OF)
                ledger.append(Event(0, "withdraw", inst.unit, inst.report, inst.period, None,
                                    note="gửi nhầm tệp", recorded_at=stamp(back), recorded_by="vanthu"))
                count += 1
                if rng.random() < 0.5:
                    again = min(back + timedelta(days=rng.randint(1, 10)), AS_OF)
                    ledger.append(Event(0, "submit", inst.unit, inst.report, inst.period, again, doc_number=doc,
                                        recorded_at=stamp(again), recorded_by="vanthu"))
                    count += 1
    ledger.close()
    return count


def setup(units: int, years: int) -> tuple[Path, int]:
    """The setup's folder, built unless already kept, and its number of events."""
    folder = HERE / ".work" / "scale" / f"v{VERSION}-{units}x{years}-s{SEED}"
    done = folder / "events.json"
    if not done.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        count = generate(folder, units, years)
        done.write_text(json.dumps({"events": count}), encoding="utf-8")
        print(f"  built {units} units x {years} years: {count:,} events in {time.perf_counter() - t0:.0f} s",
              file=sys.stderr)
    return folder, int(json.loads(done.read_text(encoding="utf-8"))["events"])


def timed(cmd: list[str], env: dict[str, str], timeout: float) -> tuple[float | None, int]:
    """(wall seconds or None when stopped at `timeout`, peak memory in MB) of one whole process; a command that
    fails stops the benchmark (its figures would mean nothing)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: `overdue`/`due --fail` found reports overdue
                raise SystemExit(f"failed (exit {os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
            return wall, usage.ru_maxrss // 1024
        if time.perf_counter() > deadline:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_maxrss // 1024
        time.sleep(0.005)


def commands(has_limit: bool) -> list[tuple[str, list[str]]]:
    day = AS_OF.isoformat()
    out = [
        ("`due`", ["due", "--format", "plain", "--as-of", day]),
        ("`overdue`", ["overdue", "--as-of", day]),
        ("`stats --year`", ["stats", "--year", "2026", "--as-of", day, "--format", "plain"]),
        ("`status` (table)", ["status", "--as-of", day, "--format", "table"]),
        ("`status --unit`", ["status", "u00001", "--as-of", day, "--format", "table"]),
        ("`history`", ["history"]),
        ("`export csv --year`", ["export", "--format", "csv", "--year", "2026", "--as-of", day]),
    ]
    if has_limit:
        out.insert(6, ("`history --limit 50`", ["history", "--limit", "50"]))
    return out


#: `due` run again and again in one process (a child of this one, whose memory the whole commands' peaks must not
#: inherit): the first run loads what it imports, the others are timed
ANSWERED = """
import contextlib, os, sys, time
from khoagiao_cli.cli import main
runs, day = int(sys.argv[1]), sys.argv[2]
walls = []
with open(os.devnull, "w", encoding="utf-8") as sink, contextlib.redirect_stdout(sink):
    for _ in range(runs + 1):
        sys.argv = ["khoagiao", "due", "--format", "plain", "--as-of", day]
        start = time.perf_counter()
        try:
            main()
        except SystemExit as exc:
            if exc.code not in (0, 1, None):
                raise
        walls.append(time.perf_counter() - start)
print(sorted(walls[1:])[len(walls[1:]) // 2])
"""


def answered(env: dict[str, str], runs: int) -> float:
    """Median seconds of `due` run in one process after a first run has loaded everything it imports: the answer
    (configuration, a new connection, the queries, the text) without the start-up, which is the same for every
    setup on a backend (on PostgreSQL the driver's import, about 80 ms)."""
    out = subprocess.run([sys.executable, "-c", ANSWERED, str(runs), AS_OF.isoformat()], env=env, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def taskwarrior(pending: int, runs: int) -> float | None:
    """Median wall time of `task next` with `pending` pending tasks, or None without Taskwarrior."""
    task = shutil.which("task")
    if task is None:
        return None
    with tempfile.TemporaryDirectory(prefix="khoagiao-task-") as tmp:
        env = dict(os.environ, TASKDATA=tmp, TASKRC=str(Path(tmp) / "taskrc"))
        (Path(tmp) / "taskrc").write_text("data.location=" + tmp + "\nconfirmation=off\nverbose=nothing\n",
                                          encoding="utf-8")
        tasks = [{"description": f"Báo cáo {i}", "status": "pending", "entry": "20261101T000000Z",
                  "due": f"202611{1 + i % 28:02d}T000000Z", "uuid": f"00000000-0000-4000-8000-{i:012d}"}
                 for i in range(pending)]
        (Path(tmp) / "tasks.json").write_text(json.dumps(tasks), encoding="utf-8")
        subprocess.run([task, "import", str(Path(tmp) / "tasks.json")], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        subprocess.run([task, "next"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return statistics.median(timed([task, "next"], env, 60)[0] or 60 for _ in range(runs))


class Ledgers:
    """Where each setup's ledger is read from: its SQLite file, or (--backends postgresql) a copy of it made with
    `khoagiao db copy` into a database of a PostgreSQL server started for the run (tests/pg_server.py: Debian's
    postgresql, on loopback, every commit waiting for the disk as a real server's does)."""

    def __init__(self, backends: list[str]) -> None:
        self.server = None
        if "postgresql" in backends:
            sys.path.insert(0, str(HERE.parent / "tests"))
            from pg_server import Server

            self.server = Server(durable=True)

    def url(self, folder: Path, env: dict[str, str]) -> str:
        assert self.server is not None
        url = self.server.new_database()
        start = time.perf_counter()
        subprocess.run([*KHOAGIAO, "db", "copy", str(folder / "ledger.sqlite3"), url], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"  copied {folder.name} to PostgreSQL in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # as autovacuum does soon after a table fills
        return url

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def throughput(ledgers: Ledgers, backend: str, clients: int, each: int) -> tuple[float, int]:
    """`clients` processes at once, each running `khoagiao submit` `each` times one after another, into a new
    ledger: (submits a second, events recorded at the end: must be clients × each)."""
    folder, _ = setup(100, 1)
    with tempfile.TemporaryDirectory(prefix="khoagiao-submit-") as home:
        env = dict({k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}, KHOAGIAO_HOME=home,
                   KHOAGIAO_CONFIG=str(folder / "config"))
        env["KHOAGIAO_DB"] = ledgers.server.new_database() if backend == "postgresql" and ledgers.server else str(
            Path(home) / "ledger.sqlite3")
        months = ("01", "02", "04", "05", "07", "08", "10", "11")
        scripts = []
        for c in range(clients):
            lines = [f"{' '.join(KHOAGIAO)} submit u{c * 12 + n // len(months):05d} monthly --period "
                     f"2025-{months[n % len(months)]} --received 2025-12-01 --as-of 2026-11-22 >/dev/null"
                     for n in range(each)]
            scripts.append("set -e\n" + "\n".join(lines))
        start = time.perf_counter()
        procs = [subprocess.Popen(["sh", "-c", script], env=env) for script in scripts]
        if [proc.wait() for proc in procs].count(0) != clients:  # every client ends before the server may stop
            raise SystemExit(f"a submitting client failed on {backend}")
        wall = time.perf_counter() - start
        out = subprocess.run([*KHOAGIAO, "db", "status", "--format", "json"], env=env, capture_output=True,
                             text=True, check=True).stdout
        return clients * each / wall, int(json.loads(out)["counts"]["events"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--setups", default="100x10,1000x3,5000x1,5000x10,20000x10")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--backends", default="sqlite", help="sqlite,postgresql: each setup on each")
    parser.add_argument("--clients", type=int, default=0, help="then: submit throughput with this many clients")
    args = parser.parse_args()
    backends = args.backends.split(",")
    ledgers = Ledgers(backends)
    try:
        run(args, backends, ledgers)
    finally:
        ledgers.close()


def run(args: argparse.Namespace, backends: list[str], ledgers: Ledgers) -> None:
    setups = [tuple(int(n) for n in s.lower().split("x")) for s in args.setups.split(",")]
    help_text = subprocess.run([*KHOAGIAO, "history", "--help"], capture_output=True, text=True).stdout
    cmds = commands("--limit" in help_text)
    base = {k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}
    answers: dict[tuple[int, int], dict[str, float]] = {setup_: {} for setup_ in setups}
    print(f"| setup (units × years, events) | {' | '.join(name for name, _ in cmds)} |")
    print("|---|" + "---|" * len(cmds))
    for (units, years), backend in ((setup_, backend) for setup_ in setups for backend in backends):
        folder, events = setup(units, years)
        with tempfile.TemporaryDirectory(prefix="khoagiao-scale-") as home:
            env = dict(base, KHOAGIAO_HOME=home, KHOAGIAO_CONFIG=str(folder / "config"),
                       KHOAGIAO_DB=str(folder / "ledger.sqlite3"), COLUMNS="120")
            if backend == "postgresql":
                env["KHOAGIAO_DB"] = ledgers.url(folder, env)
            subprocess.run([*KHOAGIAO, "due", "--as-of", AS_OF.isoformat()], env=env, stdout=subprocess.DEVNULL)
            cells = []
            for _, cmd in cmds:
                if cmd[0] == "export":
                    cmd = [*cmd, "-o", str(Path(home) / "out.csv")]
                walls: list[float] = []
                peak = 0
                for _ in range(args.runs):
                    wall, mb = timed([*KHOAGIAO, *cmd], env, args.timeout)
                    peak = max(peak, mb)
                    if wall is None:
                        walls = []
                        break
                    walls.append(wall)
                cells.append(f"{statistics.median(walls):.2f} s, {peak} MB" if walls else
                             f"> {args.timeout:.0f} s, {peak} MB")
            answers[(units, years)][backend] = answered(env, max(args.runs, 5))
        label = f"{units:,} × {years} ({events / 1000:,.0f}k)" + (f", {backend}" if len(backends) > 1 else "")
        print(f"| {label} | {' | '.join(cells)} |", flush=True)
    print("\n`due`, the answer alone (in one process, after a first run has loaded what it imports):")
    print(f"| setup | {' | '.join(backends)} |" + (" ratio |" if len(backends) > 1 else ""))
    print("|---|" + "---|" * (len(backends) + (len(backends) > 1)))
    for (units, years), by_backend in answers.items():
        ratio = (f" {by_backend[backends[1]] / by_backend[backends[0]]:.1f}× |" if len(backends) > 1 else "")
        print(f"| {units:,} × {years} | " + " | ".join(f"{by_backend[b] * 1000:.0f} ms" for b in backends) + " |"
              + ratio)
    if args.clients:
        print(f"\n| submit, {args.clients} clients × 25 at once | submits a second | events recorded |")
        print("|---|---|---|")
        for backend in backends:
            rate, events = throughput(ledgers, backend, args.clients, 25)
            print(f"| {backend} | {rate:.1f} | {events:,} of {args.clients * 25:,} |", flush=True)
    pending = next((u for u, y in setups if y == 1), None)
    if pending:
        task = taskwarrior(pending, max(args.runs, 5))
        print(f"\nTaskwarrior `task next`, {pending:,} pending tasks: "
              + (f"{task:.2f} s" if task is not None else "not installed (Debian: apt install taskwarrior)"))


if __name__ == "__main__":
    main()
