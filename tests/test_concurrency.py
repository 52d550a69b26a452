"""Two processes at once lose no record; a killed process leaves a sound ledger. On SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from backends import BOTH, Backend

pytestmark = BOTH
HELPER = Path(__file__).parent / "helpers" / "submit_many.py"


def env_for(db: Backend, cfg: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KHOAGIAO_DB": db.where, "KHOAGIAO_CONFIG": str(cfg), "KHOAGIAO_DB_TIMEOUT": "30"})
    return env


def chain_fits(db: Backend, env: dict[str, str], records: int) -> None:
    """The hash chain links every record once, in order, whoever wrote it and however it ended."""
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", "verify", "--db", db.where], env=env,
                       capture_output=True, text=True, encoding="utf-8", check=False)
    assert r.returncode == 0 and f": {records} bản ghi" in r.stdout, (r.stdout, r.stderr)


def sound(db: Backend) -> None:
    """SQLite's own check of its file (a PostgreSQL server checks its own)."""
    if not db.postgresql:
        with db.connect() as conn:
            assert conn.one("PRAGMA integrity_check") == "ok"


def test_two_processes_submitting_50_each_lose_none(backend: Backend, cfg: Path) -> None:
    db = backend
    env = env_for(db, cfg)
    procs = [
        subprocess.Popen([sys.executable, str(HELPER), unit, "2020", "--strict"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for unit in ("syt", "bhxh")
    ]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    assert db.count("events") == 100
    assert db.rows("SELECT count(DISTINCT unit || report || period) FROM events") == [(100,)]
    sound(db)
    chain_fits(db, env, 100)


def test_processes_creating_a_new_ledger_at_once_all_record(backend: Backend) -> None:
    """SQLite does not wait on the busy timeout to switch a new file to WAL: the first writers must retry. On
    PostgreSQL the six race to make the schema in an empty database."""
    helper = Path(__file__).parent / "helpers" / "open_at.py"
    for _ in range(4):
        db = backend
        start = time.time() + 1.0  # every process imports first, then all open the file at this moment
        procs = [
            subprocess.Popen([sys.executable, str(helper), db.where, str(start), f"u{n}"], stderr=subprocess.PIPE)
            for n in range(6)
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors
        assert db.count("events") == 6
        chain_fits(db, dict(os.environ), 6)
        backend.fresh()


def test_two_processes_recording_the_same_reports_record_each_once(backend: Backend, cfg: Path) -> None:
    db = backend
    env = env_for(db, cfg)
    procs = [
        subprocess.Popen([sys.executable, str(HELPER), "syt", "2020"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(2)
    ]
    for p in procs:
        p.wait(timeout=240)
    assert db.count("events") == 50
    chain_fits(db, env, 50)


def test_a_process_killed_mid_submit_leaves_a_sound_ledger(backend: Backend, cfg: Path) -> None:
    db = backend
    env = env_for(db, cfg)
    for delay in (0.8, 1.3, 1.9):
        proc = subprocess.Popen([sys.executable, str(HELPER), "syt", "1990", "--loop"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    sound(db)
    count = db.count("events")
    assert count > 0
    assert db.rows("SELECT count(DISTINCT unit || report || period) FROM events") == [(count,)]
    chain_fits(db, env, count)
