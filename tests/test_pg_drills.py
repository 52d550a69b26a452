"""Issue 12's drills on a real PostgreSQL server: many client processes writing one ledger at once, and the server
stopped and started again under them. Every record is written once and whole: writers queue on the database's
lock (store/postgres.py) and a transaction cut off is rolled back by the server.

Each client is a process of its own (tests/helpers/run_commands.py): it runs its `khoagiao submit` commands one
after another through the CLI's real path, each on a connection and in a transaction of its own; the processes
are started together and released at one agreed moment. The SQLite counterparts are in test_concurrency.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

HELPER = Path(__file__).parent / "helpers" / "run_commands.py"
SRC = Path(__file__).resolve().parents[1] / "src"

#: one year's instances of a unit that owes every periodic report (as helpers/submit_many.py records them)
PERIODS = ["01", "02", "Q1", "04", "05", "H1", "07", "08", "Q3", "10", "11", "12", "Y"]
RULES = {"Q1": "q1", "H1": "h1", "Q3": "q3", "Y": "annual"}

Result = dict[str, Any]


@pytest.fixture
def units(cfg: Path) -> list[str]:
    """Eight units that owe every periodic report, always (no active_from/active_until)."""
    codes = [f"dv{n}" for n in range(1, 9)]
    (cfg / "units.yaml").write_text("units:\n" + "".join(f"  - code: {c}\n    name: Đơn vị {c}\n" for c in codes),
                                    encoding="utf-8")
    return codes


def instances(unit: str, count: int, first_year: int = 2000) -> Iterator[list[str]]:
    """`count` distinct submissions of `unit`: every periodic report of each year from `first_year` on."""
    year = first_year
    made = 0
    while True:
        for p in PERIODS:
            if made == count:
                return
            period = str(year) if p == "Y" else f"{year}-{p}"
            # received on 1 January, before most periods began (on purpose: no verdict depends on the clock);
            # --yes: such a period looks mistyped, and is recorded all the same
            yield ["submit", unit, RULES.get(p, "monthly"), "--period", period, "--received", f"{year}-01-01",
                   "--as-of", f"{year + 1}-12-31", "--yes"]
            made += 1
        year += 1


def env_for(url: str, cfg: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KHOAGIAO_DB": url, "KHOAGIAO_CONFIG": str(cfg), "KHOAGIAO_DB_TIMEOUT": "60", "KHOAGIAO_LANG": "en",
                "PYTHONPATH": os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)})
    return env


def start_clients(batches: list[list[list[str]]], env: dict[str, str], folder: Path,
                  pause: float = 0.0) -> list[subprocess.Popen[str]]:
    """One process per batch of commands, all released at the same moment once every one has imported."""
    start = time.time() + 2.0
    procs = []
    for n, batch in enumerate(batches):
        commands = folder / f"client-{n}.json"
        commands.write_text(json.dumps(batch), encoding="utf-8")
        procs.append(subprocess.Popen([sys.executable, str(HELPER), str(commands), str(start), str(pause)], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"))
    return procs


def results_of(procs: list[subprocess.Popen[str]]) -> list[list[Result]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        assert p.returncode == 0, stderr
        assert "Traceback" not in stderr, stderr
        out.append(json.loads(stdout))
    return out


def clean(result: Result) -> bool:
    """No traceback, whatever the command said."""
    return result["code"] is not None and "Traceback" not in result["out"] + result["err"]


def counts(url: str) -> tuple[int, int, int]:
    """Events, distinct instances among them, links of the chain."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT (SELECT count(*) FROM events),"
                           " (SELECT count(DISTINCT (unit, report, period)) FROM events),"
                           " (SELECT count(*) FROM chain)").fetchone()
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])


def verified(url: str, env: dict[str, str], records: int) -> None:
    """`khoagiao verify`, a process of its own: the chain links every record once, in order, and the schema is
    khoagiao's."""
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", "verify", "--db", url], env=env, capture_output=True,
                       text=True, encoding="utf-8", check=False)
    assert r.returncode == 0, (r.stdout, r.stderr)
    assert f": {records} records, the hash chain fits from start to end" in r.stdout, r.stdout


# ---------------------------------------------------------------------------- 8 clients × 250 submits


def test_8_clients_submitting_250_each_at_once_record_2000_events(units: list[str], cfg: Path, pg_url: str,
                                                                   tmp_path: Path) -> None:
    """8 processes × 250 distinct submissions at once, into a database with no ledger yet (the first writers
    also race to create the schema): exactly 2,000 events, each instance once, every link in the chain."""
    env = env_for(pg_url, cfg)
    batches = [list(instances(unit, 250)) for unit in units]
    results = results_of(start_clients(batches, env, tmp_path))
    for batch, said in zip(batches, results, strict=True):
        failed = [(args, r) for args, r in zip(batch, said, strict=True) if r["code"] != 0]
        assert not failed, failed[:3]
        assert all(r["out"].startswith("Recorded (event #") for r in said)
    assert counts(pg_url) == (2000, 2000, 2000)
    with psycopg.connect(pg_url) as conn:  # numbered by the database one after another: no gap, none twice
        ids = [i for (i,) in conn.execute("SELECT id FROM events ORDER BY id")]
        assert ids == list(range(1, 2001))
        assert conn.execute("SELECT array_agg(step ORDER BY step) FROM kg_schema").fetchone() == ([*range(1, 8)],)
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'created_on'").fetchone() == (1,)
    verified(pg_url, env, 2000)


# ---------------------------------------------------------------------------- 8 clients, the same 100 instances


def test_8_clients_submitting_the_same_100_at_once_record_each_once(units: list[str], cfg: Path, pg_url: str,
                                                                    tmp_path: Path) -> None:
    """8 processes submit the same 100 instances, in the same order, at the same moment: each is recorded once
    (100 events); the 700 other attempts are told "already recorded" (exit 2), with no traceback anywhere."""
    env = env_for(pg_url, cfg)
    same = [args for unit in units[:4] for args in instances(unit, 25)]
    results = results_of(start_clients([same] * 8, env, tmp_path))
    assert all(clean(r) for said in results for r in said)
    for n, args in enumerate(same):
        said = [client[n] for client in results]
        assert sorted(r["code"] for r in said) == [0] + [2] * 7, (args, said)
        assert all("is already recorded" in r["err"] for r in said if r["code"] == 2), (args, said)
    assert counts(pg_url) == (100, 100, 100)
    verified(pg_url, env, 100)


# ---------------------------------------------------------------------------- the server stopped under the clients


@pytest.fixture
def own_server() -> Iterator[Any]:
    """A server of this test's own: stopping the session's would fail the other tests' connections."""
    from pg_server import Server

    server = Server()
    yield server
    server.close()


def unreachable(result: Result) -> bool:
    """Failed cleanly: exit 1, the message that the server cannot be reached and nothing was recorded."""
    return (result["code"] == 1 and result["err"].startswith("Error: Cannot reach the ledger ")
            and "Nothing was recorded" in result["err"] and clean(result))


def recorded(url: str) -> dict[tuple[str, str, str], int]:
    """Each instance the ledger holds, and the number of its event."""
    with psycopg.connect(url) as conn:
        return {(u, r, p): i for i, u, r, p in conn.execute("SELECT id, unit, report, period FROM events")}


def instance_of(args: list[str]) -> tuple[str, str, str]:
    return args[1], args[2], args[args.index("--period") + 1]


def wait_for_events(url: str, at_least: int) -> int:
    """Wait until the ledger holds `at_least` events (at most a minute); how many it holds."""
    deadline = time.time() + 60
    while True:
        try:
            written = counts(url)[0]
        except psycopg.Error:  # no ledger yet, or the server still starting
            written = 0
        if written >= at_least or time.time() > deadline:
            return written
        time.sleep(0.05)


def test_the_server_stopped_and_restarted_under_the_clients(units: list[str], cfg: Path, own_server: Any,
                                                            tmp_path: Path) -> None:
    """4 processes submit their own instances (150 each) while the server is stopped twice and started again:
    first `-m fast` (the sessions are told, the transactions rolled back), then `-m immediate` (no checkpoint:
    recovery at the next start), each time while the clients are writing. Every command either completed (exit 0)
    or failed cleanly (exit 1, "cannot reach the ledger … nothing was recorded", no traceback); nothing is
    duplicated or half-written; the chain verifies; the failed commands, run again, record what they had not
    (or say "already recorded", should a transaction have committed as its connection was cut)."""
    url = own_server.new_database()
    env = env_for(url, cfg)
    batches = [list(instances(unit, 150)) for unit in units[:4]]
    procs = start_clients(batches, env, tmp_path, pause=0.1)
    restarted = []
    written = 0
    for mode in ("fast", "immediate"):
        written = wait_for_events(url, written + 60)  # in the middle of the stream: the clients are writing
        assert all(p.poll() is None for p in procs), "a client ended before the server was stopped"
        own_server.stop(mode)
        time.sleep(1.0)
        own_server.start()
        restarted.append(time.time())
    results = results_of(procs)

    said = [(args, r) for batch, out in zip(batches, results, strict=True) for args, r in zip(batch, out, strict=True)]
    others = [(args, r) for args, r in said if r["code"] != 0 and not unreachable(r)]
    assert not others, others[:3]
    done = [(args, r) for args, r in said if r["code"] == 0]
    failed = [args for args, r in said if r["code"] != 0]
    assert failed and any(r["at"] > restarted[-1] for _, r in done), "no command failed, or none after the restart"
    held = recorded(url)
    events, distinct, links = counts(url)
    assert events == distinct == links == len(held)  # nothing twice, every record linked: nothing half-written
    for args, r in done:  # what a completed command said it recorded is there, under the number it said
        assert r["out"].startswith(f"Recorded (event #{held[instance_of(args)]}):"), (args, r)
    verified(url, env, events)

    # run again, the failed commands record what they had not
    again = results_of(start_clients([failed], env, tmp_path))[0]
    for args, r in zip(failed, again, strict=True):
        if instance_of(args) in held:  # committed as the connection was cut: recorded once, as it says
            assert r["code"] == 2 and "is already recorded" in r["err"], (args, r)
        else:
            assert r["code"] == 0 and r["out"].startswith("Recorded (event #"), (args, r)
        assert clean(r)
    assert counts(url) == (600, 600, 600)
    verified(url, env, 600)


# ---------------------------------------------------------------------------- found by the first drill


def test_a_writer_that_waited_while_another_created_the_ledger_uses_it(pg_url: str) -> None:
    """Found by the 8 × 250 drill on an empty database: a writer that had found no ledger, then waited for the
    writers' lock while another created one, tried to create it again ("function kg_append_only already exists",
    exit 1). Its own earlier look was remembered by the server (to_regclass reads a cache that a transaction begun
    before the other's commit does not refresh); the look under the lock must see what was committed."""
    import threading
    from datetime import date

    from khoagiao_cli.store.postgres import PostgresLedger

    creator = PostgresLedger._connect(pg_url, 10)
    opened: list[object] = []

    def second() -> None:
        try:
            opened.append(PostgresLedger.open(pg_url, created_on=date(2026, 1, 11)))
        except Exception as exc:  # noqa: BLE001 - reported below
            opened.append(exc)

    with creator.write():
        creator._migrate(date(2026, 1, 10))
        waiting = threading.Thread(target=second)
        waiting.start()  # finds no ledger (not committed yet), then waits for the lock
        with psycopg.connect(pg_url, autocommit=True) as watch:
            deadline = time.time() + 30
            while time.time() < deadline and not watch.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]:
                time.sleep(0.02)
    waiting.join(30)
    creator.close()
    assert len(opened) == 1 and isinstance(opened[0], PostgresLedger), [getattr(e, "params", e) for e in opened]
    opened[0].close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT array_agg(step ORDER BY step) FROM kg_schema").fetchone() == ([*range(1, 8)],)
        assert conn.execute("SELECT value FROM meta WHERE key = 'created_on'").fetchall() == [("2026-01-10",)]
