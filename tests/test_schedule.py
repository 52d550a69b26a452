"""The date engine against the plan's rules, checked by hand, and its properties."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from khoagiao_cli.core.calendar import SHIFTS
from khoagiao_cli.core.model import Config, Rule, Settings, Unit
from khoagiao_cli.core.schedule import deadline_of, expand, rule_slots, year_slots
from khoagiao_cli.core.status import DUE, OVERDUE, UPCOMING, Event, classify, outstanding, status_rows

# The plan's words, with deadlines not moved off days off (test_calendar.py covers moving them).
RULES = (
    Rule("monthly", "Báo cáo tháng", "Monthly report", "monthly", (), None, 20, True, shift="none"),
    Rule("q1", "Báo cáo quý I", "Q1", "quarterly", (1,), None, 20, True, replaces="monthly", shift="none"),
    Rule("h1", "Báo cáo 6 tháng đầu năm", "H1", "half-yearly", (1,), None, 20, True, replaces="monthly", shift="none"),
    Rule("q3", "Báo cáo quý III", "Q3", "quarterly", (3,), None, 20, True, replaces="monthly", shift="none"),
    Rule("annual", "Báo cáo năm", "Annual", "yearly", (), 11, 30, True, shift="none"),
)
UNITS = (Unit("syt", "Sở Y tế"), Unit("sgddt", "Sở Giáo dục và Đào tạo"))


def config(units=UNITS, rules=RULES) -> Config:
    return Config(units=tuple(units), rules=tuple(rules), settings=Settings())


# The plan (Kế hoạch 12-KH/TGTU, 3.4.2), read by hand for 2026: "trước ngày 20" → the 19th is the last day.
PLAN_2026 = [
    ("monthly", "2026-01", date(2026, 1, 20), date(2026, 1, 19)),
    ("monthly", "2026-02", date(2026, 2, 20), date(2026, 2, 19)),
    ("q1", "2026-Q1", date(2026, 3, 20), date(2026, 3, 19)),
    ("monthly", "2026-04", date(2026, 4, 20), date(2026, 4, 19)),
    ("monthly", "2026-05", date(2026, 5, 20), date(2026, 5, 19)),
    ("h1", "2026-H1", date(2026, 6, 20), date(2026, 6, 19)),
    ("monthly", "2026-07", date(2026, 7, 20), date(2026, 7, 19)),
    ("monthly", "2026-08", date(2026, 8, 20), date(2026, 8, 19)),
    ("q3", "2026-Q3", date(2026, 9, 20), date(2026, 9, 19)),
    ("monthly", "2026-10", date(2026, 10, 20), date(2026, 10, 19)),
    ("monthly", "2026-11", date(2026, 11, 20), date(2026, 11, 19)),
    ("annual", "2026", date(2026, 11, 30), date(2026, 11, 29)),
    ("monthly", "2026-12", date(2026, 12, 20), date(2026, 12, 19)),
]


def test_plan_2026_deadlines_by_hand() -> None:
    got = [(s.report, s.period, s.named_day, s.deadline) for s in year_slots(config(), 2026)]
    assert got == PLAN_2026


def test_embedded_defaults_give_the_same_nominal_table(cli, cfg) -> None:
    import json

    out = json.loads(cli("schedule", "--year", "2026", "--format", "json").stdout)["deadlines"]
    units_reports = [r for r in out if not r["report"].startswith("ban-")]
    assert [(r["report"], r["period"], r.get("nominal_deadline", r["deadline"])) for r in units_reports] == [
        (rid, period, last.isoformat()) for rid, period, _, last in PLAN_2026
    ]
    assert units_reports[2]["deadline_text"] == "trước 20/03/2026"


def test_every_unit_owes_thirteen_reports_a_year_and_no_march_monthly() -> None:
    instances = expand(config(), date(2026, 1, 1), date(2026, 12, 31))
    assert len(instances) == 2 * 13
    assert not [i for i in instances if i.period in ("2026-03", "2026-06", "2026-09")]


def test_a_unit_that_does_not_owe_q1_keeps_its_march_monthly() -> None:
    monthly_only = Unit("x", "X", reports=("monthly",))
    periods = [i.period for i in expand(config([monthly_only]), date(2026, 1, 1), date(2026, 12, 31))]
    assert periods == [f"2026-{m:02d}" for m in range(1, 13)]


def test_by_keeps_the_named_day_and_before_takes_the_day_before() -> None:
    by = Rule("r", "R", "R", "monthly", (), None, 20, False)
    before = Rule("r", "R", "R", "monthly", (), None, 20, True)
    assert deadline_of(by, date(2026, 5, 1)) == (date(2026, 5, 20), date(2026, 5, 20))
    assert deadline_of(before, date(2026, 5, 1)) == (date(2026, 5, 20), date(2026, 5, 19))


def test_a_day_the_month_lacks_is_clamped_to_its_last_day() -> None:
    by31 = Rule("r", "R", "R", "monthly", (), None, 31, False)
    before31 = Rule("r", "R", "R", "monthly", (), None, 31, True)
    assert deadline_of(by31, date(2026, 4, 1)) == (date(2026, 4, 30), date(2026, 4, 30))
    assert deadline_of(by31, date(2028, 2, 1)) == (date(2028, 2, 29), date(2028, 2, 29))
    assert deadline_of(before31, date(2026, 2, 1)) == (date(2026, 2, 28), date(2026, 2, 27))


def test_before_the_first_is_the_last_day_of_the_month_before() -> None:
    rule = Rule("r", "R", "R", "monthly", (), 2, 1, True)  # "before the 1st of the next month"
    assert deadline_of(rule, date(2026, 12, 1)) == (date(2027, 1, 1), date(2026, 12, 31))


def test_a_deadline_in_the_next_year_belongs_to_the_window_it_falls_in() -> None:
    rule = Rule("y", "Y", "Y", "yearly", (), 13, 15, False)  # the year's report by 15 January after it
    slots = {s.period: s.deadline for s in rule_slots(rule, 2025, 2026)}
    assert slots["2025"] == date(2026, 1, 15)
    got = expand(config(rules=(rule,)), date(2026, 1, 1), date(2026, 12, 31))
    assert {i.period for i in got} == {"2025"}


def test_units_owe_only_periods_that_end_while_they_exist() -> None:
    merged = Unit("old", "Old", active_until=date(2026, 6, 30))
    new = Unit("new", "New", active_from=date(2026, 7, 1))
    got = expand(config([merged, new]), date(2026, 1, 1), date(2026, 12, 31))
    assert {i.period for i in got if i.unit == "old"} == {"2026-01", "2026-02", "2026-Q1", "2026-04", "2026-05", "2026-H1"}
    assert {i.period for i in got if i.unit == "new"} == {"2026-07", "2026-08", "2026-Q3", "2026-10", "2026-11", "2026", "2026-12"}


def test_the_deadline_day_itself_is_on_time_and_the_next_is_overdue() -> None:
    inst = expand(config(), date(2026, 1, 19), date(2026, 1, 19))[0]
    assert classify(inst, None, date(2026, 1, 19), date(2026, 1, 26)).status == DUE
    assert classify(inst, None, date(2026, 1, 20), date(2026, 1, 27)).status == OVERDUE
    ev = Event(1, "submit", inst.unit, inst.report, inst.period, date(2026, 1, 19))
    assert classify(inst, ev, date(2026, 2, 1), date(2026, 2, 8)).status == "on_time"
    late = Event(1, "submit", inst.unit, inst.report, inst.period, date(2026, 1, 22))
    row = classify(inst, late, date(2026, 2, 1), date(2026, 2, 8))
    assert (row.status, row.days_late) == ("late", 3)


# ---------------------------------------------------------------------------- properties

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
rules = st.builds(
    Rule,
    id=st.sampled_from(["a", "b", "c"]),
    name=st.just("R"),
    name_en=st.just("R"),
    frequency=st.sampled_from(["monthly", "quarterly", "half-yearly", "yearly"]),
    periods=st.just(()),
    month=st.one_of(st.none(), st.integers(1, 24)),
    day=st.integers(1, 31),
    strict=st.booleans(),
    replaces=st.none(),
    shift=st.sampled_from(SHIFTS),
    cutoff=st.one_of(st.none(), st.tuples(st.integers(1, 31), st.integers(1, 31))),
    owner=st.just("units"),
    recipient=st.none(),
)


@given(start=days, span=st.integers(0, 800), rule_list=st.lists(rules, min_size=1, max_size=3, unique_by=lambda r: r.id))
def test_instances_are_sorted_inside_the_window_and_unique(start, span, rule_list) -> None:
    end = start + timedelta(days=span)
    got = expand(config(rules=rule_list), start, end)
    assert all(start <= i.deadline <= end for i in got)
    assert [i.deadline for i in got] == sorted(i.deadline for i in got)
    assert len({i.key for i in got}) == len(got)
    for i in got:
        assert i.slot.named_day - i.slot.nominal_deadline in (timedelta(0), timedelta(days=1))


@given(start=days, span=st.integers(0, 400), split=st.integers(0, 400))
def test_windows_add_up(start, span, split) -> None:
    """Cutting a window in two loses and duplicates nothing."""
    end = start + timedelta(days=span)
    mid = start + timedelta(days=min(split, span))
    whole = expand(config(), start, end)
    parts = expand(config(), start, mid) + expand(config(), mid + timedelta(days=1), end)
    assert sorted(i.key for i in whole) == sorted(i.key for i in parts)


@given(as_of=days, submitted=st.sets(st.integers(0, 40)), soon=st.integers(0, 30))
def test_overdue_exactly_when_the_deadline_passed_unsubmitted(as_of, submitted, soon) -> None:
    insts = expand(config(), as_of - timedelta(days=400), as_of + timedelta(days=400))
    events = {
        insts[n].key: Event(n, "submit", *insts[n].key, as_of) for n in submitted if n < len(insts)
    }
    rows = status_rows(insts, events, as_of, as_of + timedelta(days=soon))
    for r in rows:
        is_overdue = r.instance.key not in events and r.instance.deadline < as_of
        assert (r.status == OVERDUE) == is_overdue
        if r.instance.key not in events and not is_overdue:
            assert r.status == (DUE if r.days_left <= soon else UPCOMING)
    due = outstanding(rows)
    firsts = [r.status for r in due]
    assert firsts == sorted(firsts, key=lambda s: s != OVERDUE)


@given(d=st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)), months=st.integers(-30, 60),
       day=st.one_of(st.none(), st.integers(1, 31)))
def test_month_arithmetic_is_relativedeltas(d, months, day) -> None:
    """The engine moves by months without dateutil (for the start-up time); it must agree with it everywhere."""
    from dateutil.relativedelta import relativedelta

    from khoagiao_cli.core.dates import add_months

    expected = d + (relativedelta(months=months, day=day) if day else relativedelta(months=months))
    assert add_months(d, months, day) == expected


@given(year=st.integers(2000, 2090), reports=st.lists(st.sampled_from([r.id for r in RULES]), unique=True),
       active_from=st.one_of(st.none(), days), length=st.integers(0, 900))
def test_owing_a_period_is_answered_once(year, reports, active_from, length) -> None:
    """`not_owed` (one period, as submit and explain ask) agrees with `expand` (every period, as due asks)."""
    from khoagiao_cli.core.schedule import not_owed

    until = active_from + timedelta(days=length) if active_from else None
    unit = Unit("u", "U", reports=tuple(reports), active_from=active_from, active_until=until)
    cfg = config([unit])
    owed = {i.key for i in expand(cfg, date(year, 1, 1), date(year, 12, 31), [unit])}
    for rule in RULES:
        for slot in rule_slots(rule, year, year, cfg.calendar):
            if date(year, 1, 1) <= slot.deadline <= date(year, 12, 31):
                assert (not_owed(cfg, unit, rule, slot) is None) == (("u", rule.id, slot.period) in owed)
