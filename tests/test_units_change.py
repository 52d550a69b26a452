"""Units renamed, merged, dissolved: a successor takes over what the old unit still owed, never what it sent; the
old unit named for a period after the change points to its successor; a unit with a history cannot be removed.
Driven through the command line on real ledgers in temporary folders."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from backends import BOTH, NO_LEDGER, SQLITE_ONLY, Backend
from conftest import write_config

pytestmark = BOTH

MERGER = """
units:
  - code: syt
    name: Sở Y tế
  - code: snnmt
    name: Sở Nông nghiệp và Môi trường
    short_name: SNNMT
    active_from: {since}
  - code: stnmt
    name: Sở Tài nguyên và Môi trường
    short_name: STNMT
    active_until: 2025-02-28
    successor: snnmt
"""

CHAIN = """
units:
  - code: bhxh-kh
    name: Bảo hiểm xã hội tỉnh Khánh Hòa
    active_from: 2025-07-01
  - code: bhxh
    name: Bảo hiểm xã hội tỉnh
    active_until: 2025-02-28
    successor: bhxh-kv
  - code: bhxh-kv
    name: Bảo hiểm xã hội khu vực
    active_from: 2025-03-01
    active_until: 2025-06-30
    successor: bhxh-kh
"""


@pytest.fixture
def ledger(backend: Backend) -> Backend:
    return backend


def use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, units: str) -> Path:
    folder = write_config(tmp_path / "c", tracking_start="2025-01-01")
    (folder / "units.yaml").write_text(units, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


def instances(cli, *args: str) -> list[dict]:
    return json.loads(cli(*args, "--format", "json").stdout)["instances"]


def monthly(rows: list[dict], *units: str) -> list[tuple]:
    """(unit, period, status, carried_from) of the monthly reports of these units."""
    return [(r["unit"], r["period"], r["status"], r.get("carried_from")) for r in rows
            if r["report"] == "monthly" and r["unit"] in units]


def events(ledger: Backend) -> list[tuple]:
    return ledger.rows("SELECT id, kind, unit, report, period FROM events ORDER BY id")


# ---------------------------------------------------------------------------- a merger


def test_a_merger_carries_its_open_reports_to_the_successor(cli, tmp_path, monkeypatch, ledger) -> None:
    use(tmp_path, monkeypatch, MERGER.format(since="2025-03-01"))
    cli("submit", "stnmt", "monthly", "--period", "2025-01", "--received", "2025-01-15", "--as-of", "2025-02-10")
    # before the change the old unit owes its February report itself
    assert monthly(instances(cli, "due", "--as-of", "2025-02-25"), "stnmt", "snnmt") == [
        ("stnmt", "2025-02", "overdue", None)]

    day = ("--as-of", "2025-04-25")
    # after it, what stnmt still owed is snnmt's, marked as taken over; what it sent stays its own
    due = instances(cli, "due", *day)
    assert monthly(due, "stnmt", "snnmt") == [("snnmt", "2025-02", "overdue", "stnmt"),
                                               ("snnmt", "2025-04", "overdue", None)]
    assert monthly(instances(cli, "overdue", *day), "stnmt", "snnmt") == monthly(due, "stnmt", "snnmt")
    year = instances(cli, "status", "--year", "2025", *day)
    assert monthly(year, "stnmt", "snnmt")[:3] == [("stnmt", "2025-01", "on_time", None),
                                                   ("snnmt", "2025-02", "overdue", "stnmt"),
                                                   ("snnmt", "2025-04", "overdue", None)]
    # one unit's rows: its own, and those it owed first
    assert monthly(instances(cli, "status", "stnmt", "--year", "2025", *day), "stnmt", "snnmt") == [
        ("stnmt", "2025-01", "on_time", None), ("snnmt", "2025-02", "overdue", "stnmt")]
    exported = json.loads(cli("export", "--format", "json", "--year", "2025", *day).stdout)["instances"]
    assert monthly(exported, "stnmt", "snnmt") == monthly(year, "stnmt", "snnmt")
    csv = cli("export", "--format", "csv", "--year", "2025", *day).stdout.splitlines()
    assert csv[0].endswith(",carried_from") and any(line.endswith(",snnmt,Sở Nông nghiệp và Môi trường,stnmt")
                                                     for line in csv)
    screen = cli("overdue", "--unit", "snnmt", *day).stdout
    assert "Báo cáo tháng (tiếp nhận từ STNMT)" in screen
    assert "(taken over from STNMT)" in cli("due", "--lang", "en", "--format", "plain", *day).stdout
    # the scorecard: February's deadline passed while stnmt existed; it is stnmt's miss, not snnmt's
    scores = {s["unit"]: s for s in json.loads(cli("stats", "--year", "2025", "--format", "json", *day).stdout)["units"]}
    assert (scores["stnmt"]["owed"], scores["stnmt"]["on_time"], scores["stnmt"]["missing"]) == (2, 1, 1)
    assert (scores["snnmt"]["owed"], scores["snnmt"]["missing"]) == (2, 2)  # its own Q1 and April

    # the successor records it under its own code: stnmt's period is closed, the event is snnmt's
    out = cli("submit", "snnmt", "monthly", "--period", "2025-02", "--received", "2025-04-24", *day).stdout
    assert "tiếp nhận từ STNMT" in out
    assert events(ledger)[-1][1:] == ("submit", "snnmt", "monthly", "2025-02")
    assert monthly(instances(cli, "status", "--year", "2025", *day), "stnmt", "snnmt")[:2] == [
        ("stnmt", "2025-01", "on_time", None), ("snnmt", "2025-02", "late", "stnmt")]
    assert not [r for r in instances(cli, "due", *day) if r["period"] == "2025-02" and r["unit"] != "syt"]
    scores = {s["unit"]: s for s in json.loads(cli("stats", "--year", "2025", "--format", "json", *day).stdout)["units"]}
    assert (scores["stnmt"]["on_time"], scores["stnmt"]["late"], scores["stnmt"]["missing"]) == (1, 1, 0)
    for code in ("stnmt", "snnmt"):  # one unit's scorecard is its own, whatever rows it looked at
        alone = json.loads(cli("stats", "--year", "2025", "--unit", code, "--format", "json", *day).stdout)["units"]
        assert [(s["unit"], s["owed"], s["rank"]) for s in alone] == [(code, scores[code]["owed"], 1)]
    explained = cli("explain", "snnmt", "monthly", "2025-02", *day).stdout
    assert "Sở Tài nguyên và Môi trường (stnmt)" in explained and "28/02/2025" in explained
    # asked about the old unit's period, explain shows who holds it now
    assert cli("explain", "stnmt", "monthly", "2025-02", *day).stdout.splitlines()[:2] == explained.splitlines()[:2]
    # without --period the successor's earliest open period is the one it took over
    cli("withdraw", "snnmt", "monthly", "--period", "2025-02")
    cli("submit", "snnmt", "monthly", *day)
    assert events(ledger)[-1][1:] == ("submit", "snnmt", "monthly", "2025-02")


def test_a_successor_never_owes_again_a_period_its_predecessor_sent(cli, tmp_path, monkeypatch, ledger) -> None:
    # the successor's dates overlap the old unit's: January and February are owed once, by whoever sends them
    use(tmp_path, monkeypatch, MERGER.format(since="2025-01-01"))
    cli("submit", "stnmt", "monthly", "--period", "2025-02", "--received", "2025-02-12", "--as-of", "2025-02-12")
    day = ("--as-of", "2025-04-25")
    year = monthly(instances(cli, "status", "--year", "2025", *day), "stnmt", "snnmt")
    assert year[:3] == [("snnmt", "2025-01", "overdue", None), ("stnmt", "2025-02", "on_time", None),
                        ("snnmt", "2025-04", "overdue", None)]
    before = events(ledger)
    r = cli("submit", "snnmt", "monthly", "--period", "2025-02", *day, code=2)
    assert "Sở Tài nguyên và Môi trường (stnmt)" in r.stderr and "#1" in r.stderr and "12/02/2025" in r.stderr
    assert events(ledger) == before
    # and the other way round: what the successor sent, the old unit does not owe either
    cli("submit", "snnmt", "monthly", "--period", "2025-01", "--received", "2025-03-02", *day)
    cli("submit", "stnmt", "monthly", "--period", "2025-01", *day, code=2)
    assert monthly(instances(cli, "status", "--year", "2025", *day), "stnmt", "snnmt")[0] == (
        "snnmt", "2025-01", "late", None)


def test_without_overlap_a_delivered_period_is_not_the_successors(cli, tmp_path, monkeypatch, ledger) -> None:
    use(tmp_path, monkeypatch, MERGER.format(since="2025-03-01"))
    cli("submit", "stnmt", "monthly", "--period", "2025-02", "--received", "2025-02-12", "--as-of", "2025-02-12")
    r = cli("submit", "snnmt", "monthly", "--period", "2025-02", "--as-of", "2025-04-25", code=2)
    assert "sự kiện #1" in r.stderr and len(events(ledger)) == 1
    due = instances(cli, "due", "--as-of", "2025-04-25")
    assert monthly(due, "stnmt", "snnmt") == [("snnmt", "2025-01", "overdue", "stnmt"),
                                               ("snnmt", "2025-04", "overdue", None)]


def test_a_chain_follows_to_the_unit_that_holds_the_work(cli, tmp_path, monkeypatch) -> None:
    use(tmp_path, monkeypatch, CHAIN)
    codes = ("bhxh", "bhxh-kv", "bhxh-kh")
    # in May the regional office holds the work: the old provincial office's February is its
    assert monthly(instances(cli, "overdue", "--as-of", "2025-05-10"), *codes) == [
        ("bhxh-kv", "2025-01", "overdue", "bhxh"), ("bhxh-kv", "2025-02", "overdue", "bhxh"),
        ("bhxh-kv", "2025-04", "overdue", None)]
    # from July the provincial office again: everything still open, marked with the unit that owed it first
    assert monthly(instances(cli, "overdue", "--as-of", "2025-08-25"), *codes) == [
        ("bhxh-kh", "2025-01", "overdue", "bhxh"), ("bhxh-kh", "2025-02", "overdue", "bhxh"),
        ("bhxh-kh", "2025-04", "overdue", "bhxh-kv"), ("bhxh-kh", "2025-05", "overdue", "bhxh-kv"),
        ("bhxh-kh", "2025-07", "overdue", None),
        ("bhxh-kh", "2025-08", "overdue", None)]
    cli("submit", "bhxh-kh", "monthly", "--period", "2025-02", "--as-of", "2025-08-25")
    # a report the middle unit sent for the first one stays the middle unit's
    cli("submit", "bhxh-kv", "monthly", "--period", "2025-01", "--received", "2025-05-05", "--as-of", "2025-08-25")
    year = monthly(instances(cli, "status", "--year", "2025", "--as-of", "2025-08-25"), *codes)
    assert year[:2] == [("bhxh-kv", "2025-01", "late", "bhxh"), ("bhxh-kh", "2025-02", "late", "bhxh")]
    scores = {s["unit"]: s for s in
              json.loads(cli("stats", "--year", "2025", "--as-of", "2025-08-25", "--format", "json").stdout)["units"]}
    assert (scores["bhxh"]["owed"], scores["bhxh"]["late"]) == (2, 2)
    assert (scores["bhxh-kv"]["owed"], scores["bhxh-kv"]["missing"]) == (4, 4)  # Q1, April, May, H1


def test_a_cycle_of_successors_is_a_config_error(cli, tmp_path, monkeypatch) -> None:
    units = CHAIN.replace("    active_from: 2025-07-01\n", "    active_from: 2025-07-01\n    successor: bhxh\n", 1)
    use(tmp_path, monkeypatch, units)
    r = cli("due", code=2)
    assert "units.yaml:6: units[0].successor" in r.stderr
    assert "bhxh-kh → bhxh → bhxh-kv → bhxh-kh" in r.stderr and "Traceback" not in r.stderr
    assert "cycle" in cli("due", "--lang", "en", code=2).stderr


# ---------------------------------------------------------------------------- naming the old unit


def test_the_old_unit_after_the_change_names_its_successor(cli, tmp_path, monkeypatch, ledger) -> None:
    use(tmp_path, monkeypatch, MERGER.format(since="2025-03-01"))
    r = cli("submit", "stnmt", "monthly", "--period", "2025-04", "--as-of", "2025-04-25", code=2)
    assert r.stderr.strip() == (
        "Lỗi: Sở Tài nguyên và Môi trường không còn từ 01/03/2025; đơn vị kế nhiệm: snnmt (Sở Nông nghiệp và "
        "Môi trường). Ghi: khoagiao submit snnmt monthly --period 2025-04 …")
    assert not ledger.exists()
    r = cli("submit", "stnmt", "monthly", "--period", "2025-04", "--as-of", "2025-04-25", "--lang", "en", code=2)
    assert "its successor is snnmt" in r.stderr
    # without --period, a report that came after the change is never filed under an old period of the old unit
    r = cli("submit", "stnmt", "monthly", "--as-of", "2025-04-10", code=2)
    assert "khoagiao submit snnmt monthly" in r.stderr and not ledger.exists()
    # an old report of its own, received late, is still its own
    cli("submit", "stnmt", "monthly", "--period", "2025-02", "--received", "2025-02-27", "--as-of", "2025-04-10")
    assert events(ledger)[-1][2:] == ("stnmt", "monthly", "2025-02")
    before = events(ledger)
    r = cli("withdraw", "stnmt", "monthly", "--period", "2025-04", code=2)
    assert "khoagiao withdraw snnmt monthly --period 2025-04" in r.stderr
    sheet = tmp_path / "nhan.csv"
    sheet.write_text("Đơn vị,Báo cáo,Kỳ,Ngày nhận\nstnmt,monthly,2025-04,2025-04-09\n", encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2025-04-10", code=2)
    assert "snnmt (Sở Nông nghiệp và Môi trường)" in r.stderr and "snnmt" in r.stderr.splitlines()[-1]
    assert events(ledger) == before
    # one sheet with the old unit's late report and its successor's for the same period: recorded once
    sheet.write_text("Đơn vị,Báo cáo,Kỳ,Ngày nhận\nstnmt,monthly,2025-01,2025-01-30\nsnnmt,monthly,2025-01,2025-03-05\n",
                     encoding="utf-8")
    r = cli("import", str(sheet), "--as-of", "2025-04-10", code=2)
    assert "Dòng 3" in r.stderr and "(stnmt)" in r.stderr and events(ledger) == before


# ---------------------------------------------------------------------------- removing a unit


def test_removing_a_unit_the_ledger_names_is_a_config_error(cli, tmp_path, monkeypatch, ledger) -> None:
    folder = use(tmp_path, monkeypatch, MERGER.format(since="2025-03-01"))
    cli("submit", "stnmt", "monthly", "--period", "2025-01", "--received", "2025-01-15", "--as-of", "2025-02-10")
    cli("request", "add", "--id", "qc238", "--title", "Quy chế 238", "--deadline", "2025-05-30", "--units", "syt",
        "--as-of", "2025-02-10")
    (folder / "units.yaml").write_text(MERGER.format(since="2025-03-01").split("  - code: stnmt")[0],
                                       encoding="utf-8")
    before = events(ledger)
    for args in (["due"], ["overdue"], ["status"], ["stats"], ["history"], ["explain", "syt", "monthly", "2025-01"],
                 ["export", "--format", "json"], ["submit", "syt", "monthly", "--period", "2025-01"],
                 ["calendar", "--year", "2025"], ["request", "list"]):
        r = cli(*args, "--as-of", "2025-04-10", code=2) if args[0] not in ("history", "request") else cli(*args, code=2)
        assert "units.yaml" in r.stderr and "stnmt" in r.stderr and "active_until" in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr
    assert "keep it with active_until" in cli("due", "--lang", "en", code=2).stderr
    assert events(ledger) == before
    # a request naming the unit is history too
    (folder / "units.yaml").write_text(MERGER.format(since="2025-03-01").replace("syt", "sytt"), encoding="utf-8")
    assert "syt" in cli("due", code=2).stderr.split("units.yaml:")[-1]


@SQLITE_ONLY  # SQLite's query plan
def test_finding_the_units_a_ledger_names_skips_along_the_index(cli, cfg, ledger) -> None:
    """The check runs on every command: it must not read every event (a look-up per unit, not a scan)."""
    from khoagiao_cli.store.sqlite import SQLiteLedger

    cli("submit", "syt", "monthly", "--period", "2026-01", "--as-of", "2026-02-10")
    with sqlite3.connect(ledger.where) as conn:
        rows = [("submit", f"u{n % 40}", "monthly", f"2026-{n % 12 + 1:02d}", "2026-02-10", "x", "y")
                for n in range(4000)]
        conn.executemany("INSERT INTO events (kind, unit, report, period, received, recorded_at, recorded_by)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    opened = SQLiteLedger.open_read(Path(ledger.where))
    assert opened is not None
    seen: list[str] = []
    opened.conn.set_trace_callback(seen.append)
    assert opened.named_units() == {"syt", *(f"u{n}" for n in range(40))}
    plans = [row[-1] for sql in seen if "min(unit)" in sql
             for row in opened.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    assert plans and not [p for p in plans if p.startswith("SCAN events") or p.startswith("SCAN reminders")], plans


@SQLITE_ONLY  # the SQL dump of a ledger an older khoagiao wrote
def test_a_ledger_kept_before_the_2026_defaults_reads_the_same_receipts(cli, cfg, tmp_path) -> None:
    """An office that recorded 2026 reports under the old codes (bhxh, stnmt …) and upgrades: each receipt still
    counts, under the unit that sent it, and the successor does not owe that period again."""
    fixtures = Path(__file__).parent / "fixtures"
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.executescript((fixtures / "ledger-v4.sql").read_text(encoding="utf-8"))
    old = json.loads((fixtures / "ledger-v4.status.json").read_text(encoding="utf-8"))["instances"]
    got = instances(cli, "status", "--year", "2026", "--as-of", "2026-11-23", "--db", str(db))

    def received(rows: list[dict]) -> set[tuple]:
        return {(r["unit"], r["report"], r["period"], r["received"]) for r in rows if "received" in r}

    assert received(got) == received(old) and "bhxh" in {u for u, *_ in received(old)}
    owed = {(r["report"], r["period"]) for r in got if r["unit"] == "bhxh-kh" and "received" not in r}
    assert not owed & {(report, period) for unit, report, period, _ in received(old) if unit == "bhxh"}
    assert {(r["report"], r["period"]) for r in got if r["unit"] == "bhxh-kh"} >= {("monthly", "2026-10")}


@NO_LEDGER
def test_the_successor_chains_are_built_once_per_configuration() -> None:
    """A memo on the configuration, whose values never change: another configuration has its own."""
    from datetime import date

    from khoagiao_cli.core.model import Config, Settings, Unit
    from khoagiao_cli.core.succession import Succession

    old = Unit("a", "A", active_until=date(2025, 2, 28), successor="b")
    first = Config((old, Unit("b", "B", active_from=date(2025, 3, 1))), (), Settings())
    other = Config((old._replace(successor="c"), Unit("c", "C", active_from=date(2025, 3, 1))), (), Settings())
    assert Succession.of(first) is Succession.of(first)
    assert Succession.of(first).chains["a"] == ("b",) and Succession.of(other).chains["a"] == ("c",)
