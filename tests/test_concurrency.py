"""Two processes at once lose no record; a killed process leaves a sound ledger."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HELPER = Path(__file__).parent / "helpers" / "submit_many.py"


def env_for(db: Path, cfg: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KHOAGIAO_DB": str(db), "KHOAGIAO_CONFIG": str(cfg), "KHOAGIAO_DB_TIMEOUT": "30"})
    return env


def chain_fits(db: Path, env: dict[str, str], records: int) -> None:
    """The hash chain links every record once, in order, whoever wrote it and however it ended."""
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", "verify", "--db", str(db)], env=env,
                       capture_output=True, text=True, encoding="utf-8", check=False)
    assert r.returncode == 0 and f": {records} bản ghi" in r.stdout, (r.stdout, r.stderr)


def test_two_processes_submitting_50_each_lose_none(tmp_path: Path, cfg: Path) -> None:
    db = tmp_path / "l.sqlite3"
    env = env_for(db, cfg)
    procs = [
        subprocess.Popen([sys.executable, str(HELPER), unit, "2020", "--strict"], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
        for unit in ("syt", "bhxh")
    ]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err.decode()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 100
        assert conn.execute("SELECT count(DISTINCT unit || report || period) FROM events").fetchone()[0] == 100
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    chain_fits(db, env, 100)


def test_processes_creating_a_new_ledger_at_once_all_record(tmp_path: Path) -> None:
    """SQLite does not wait on the busy timeout to switch a new file to WAL: the first writers must retry."""
    helper = Path(__file__).parent / "helpers" / "open_at.py"
    for attempt in range(4):
        db = tmp_path / f"new-{attempt}.sqlite3"
        start = time.time() + 1.0  # every process imports first, then all open the file at this moment
        procs = [
            subprocess.Popen([sys.executable, str(helper), str(db), str(start), f"u{n}"], stderr=subprocess.PIPE)
            for n in range(6)
        ]
        errors = [p.communicate(timeout=120)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0] * 6, errors
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 6
        chain_fits(db, dict(os.environ), 6)


def test_two_processes_recording_the_same_reports_record_each_once(tmp_path: Path, cfg: Path) -> None:
    db = tmp_path / "l.sqlite3"
    env = env_for(db, cfg)
    procs = [
        subprocess.Popen([sys.executable, str(HELPER), "syt", "2020"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(2)
    ]
    for p in procs:
        p.wait(timeout=240)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 50
    chain_fits(db, env, 50)


def test_a_process_killed_mid_submit_leaves_a_sound_ledger(tmp_path: Path, cfg: Path) -> None:
    db = tmp_path / "l.sqlite3"
    env = env_for(db, cfg)
    for delay in (0.8, 1.3, 1.9):
        proc = subprocess.Popen([sys.executable, str(HELPER), "syt", "1990", "--loop"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        assert count > 0
        assert conn.execute("SELECT count(DISTINCT unit || report || period) FROM events").fetchone()[0] == count
    chain_fits(db, env, count)
