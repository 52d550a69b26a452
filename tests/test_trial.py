"""Issue 10, part E: defects a new-user trial of the merged issue-10 work found. Each test drives the CLI on a real
ledger in a temporary home, with the default units and rules tracked from 01/01/2026 unless it says otherwise."""

from __future__ import annotations

import json

import pytest


def _json(cli, *args: str) -> dict:
    return json.loads(cli(*args, "--format", "json").stdout)


# ---------------------------------------------------------------------------- 1. the typo guard, one period a year


@pytest.mark.parametrize(("report", "period", "as_of", "label", "deadline"), [
    ("annual", "năm 2026", "2026-01-05", "2026", "30/11/2026"),
    ("h1", "6 tháng đầu năm 2026", "2026-01-05", "2026-H1", "19/06/2026"),
    ("quý I", "quý I/2026", "2026-01-22", "2026-Q1", "19/03/2026"),
    ("h1", "2026-H1", "2026-05-28", "2026-H1", "19/06/2026"),
    ("annual", "2026", "2026-10-05", "2026", "30/11/2026"),
])
def test_a_report_of_one_period_a_year_received_months_early_needs_yes(cli, cfg, report, period, as_of, label,
                                                                       deadline) -> None:
    r = cli("submit", "hkh", report, "--period", period, "--as-of", as_of, code=2)
    day = f"{as_of[8:]}/{as_of[5:7]}/{as_of[:4]}"
    assert f"kỳ {label} có hạn cuối {deadline}" in r.stderr, r.stderr
    assert f"nhận ngày {day}, trước tháng đến hạn" in r.stderr, r.stderr
    assert "thêm --yes" in r.stderr and "Traceback" not in r.stderr
    assert "đến hạn trước" not in r.stderr  # no other period is named as the reason
    assert _json(cli, "history")["events"] == []
    out = cli("submit", "hkh", report, "--period", period, "--as-of", as_of, "--yes").stdout
    assert "Đã ghi nhận (sự kiện #1)" in out


def test_the_reason_is_said_in_english_too(cli, cfg) -> None:
    r = cli("submit", "hkh", "annual", "--period", "2026", "--as-of", "2026-01-05", "--lang", "en", code=2)
    assert "period 2026 is due 30/11/2026" in r.stderr, r.stderr
    assert "received 05/01/2026, before the month it is due in" in r.stderr


@pytest.mark.parametrize(("report", "period", "as_of"), [
    ("monthly", "2026-04", "2026-04-10"),   # the April report on 10/04, due 20/04: early, in its own month
    ("annual", "2026", "2026-11-05"),       # the annual report in November, due 30/11
    ("q3", "2026-Q3", "2026-09-01"),
    ("h1", "2026-H1", "2026-06-02"),
])
def test_a_report_sent_early_in_the_month_it_is_due_is_no_typo(cli, cfg, report, period, as_of) -> None:
    out = cli("submit", "hkh", report, "--period", period, "--as-of", as_of).stdout
    assert "Đúng hạn" in out


# ---------------------------------------------------------------------------- 2. stats: owed is on time + late + missing


def test_a_report_due_today_and_not_yet_received_is_not_owed_in_the_scorecard(cli, cfg) -> None:
    """31/03/2026: Sở GD&ĐT sent January, February and Q1 on time; a request falls due that very day."""
    for args in (("monthly", "--period", "2026-01", "--received", "2026-01-10"),
                 ("monthly", "--period", "2026-02", "--received", "2026-02-10"),
                 ("q1", "--period", "2026-Q1", "--received", "2026-03-10")):
        cli("submit", "sgddt", *args, "--as-of", "2026-03-31")
    cli("request", "add", "--id", "kh238", "--title", "Báo cáo Quy chế 238", "--deadline", "31/03/2026",
        "--as-of", "2026-03-01")
    (score,) = _json(cli, "stats", "--as-of", "2026-03-31", "--unit", "sgddt")["units"]
    assert (score["owed"], score["on_time"], score["late"], score["missing"]) == (3, 3, 0, 0)
    assert score["on_time_rate"] == 1.0
    assert score["months"][2] == "on_time"
    out = cli("stats", "--as-of", "2026-03-31", "--unit", "sgddt", "--format", "plain").stdout
    assert "100,0%" in out and "75,0%" not in out
    # once received that day it is owed and on time; the day after, still missing, it is owed and missing
    cli("submit", "sgddt", "kh238", "--as-of", "2026-03-31")
    (score,) = _json(cli, "stats", "--as-of", "2026-03-31", "--unit", "sgddt")["units"]
    assert (score["owed"], score["on_time"], score["missing"]) == (4, 4, 0)
    (score,) = _json(cli, "stats", "--as-of", "2026-04-01", "--unit", "syt")["units"]
    assert (score["owed"], score["on_time"], score["late"], score["missing"]) == (4, 0, 0, 4)


def test_every_scorecard_line_adds_up(cli, cfg) -> None:
    cli("request", "add", "--id", "kh238", "--title", "Báo cáo Quy chế 238", "--deadline", "31/03/2026",
        "--as-of", "2026-03-01")
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-25", "--as-of", "2026-03-31")
    for day in ("2026-03-19", "2026-03-31", "2026-06-19", "2026-11-30"):
        for s in _json(cli, "stats", "--as-of", day)["units"]:
            assert s["owed"] == s["on_time"] + s["late"] + s["missing"], (day, s)
