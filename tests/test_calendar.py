"""The office calendar: holidays, moved deadlines, cut-off windows, meetings, unit changes (hand-checked)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from backends import BOTH
from conftest import write_config
from hypothesis import given
from hypothesis import strategies as st

from khoagiao_cli.core.calendar import SHIFTS, WorkCalendar, vn_holidays
from khoagiao_cli.core.meetings import meeting_days
from khoagiao_cli.core.model import Config, Meeting, Rule, Settings, Unit
from khoagiao_cli.core.schedule import cutoff_window, expand, rule_slots

# Every deadline of 2026 and 2027 under the shipped defaults, worked out by hand from a paper calendar:
# (report, period, the document's last on-time day, the deadline after moving off days off, why it moved).
# "trước ngày 20" makes the 19th the last day; a 19th on a weekend or in Tết moves to the next working day.
DEFAULTS_2026 = [
    ("monthly", "2026-01", "2026-01-19", "2026-01-19", None),
    ("monthly", "2026-02", "2026-02-19", "2026-02-23", "Mùng ba Tết Nguyên Đán"),  # Tết 14–22/02/2026
    ("q1", "2026-Q1", "2026-03-19", "2026-03-19", None),
    ("ban-quy", "2026-Q1", "2026-03-31", "2026-03-31", None),
    ("monthly", "2026-04", "2026-04-19", "2026-04-20", "Chủ nhật"),
    ("monthly", "2026-05", "2026-05-19", "2026-05-19", None),
    ("h1", "2026-H1", "2026-06-19", "2026-06-19", None),
    ("ban-quy", "2026-Q2", "2026-06-30", "2026-06-30", None),
    ("monthly", "2026-07", "2026-07-19", "2026-07-20", "Chủ nhật"),
    ("monthly", "2026-08", "2026-08-19", "2026-08-19", None),
    ("q3", "2026-Q3", "2026-09-19", "2026-09-21", "Thứ Bảy"),
    ("ban-quy", "2026-Q3", "2026-09-30", "2026-09-30", None),
    ("monthly", "2026-10", "2026-10-19", "2026-10-19", None),
    ("monthly", "2026-11", "2026-11-19", "2026-11-19", None),
    ("annual", "2026", "2026-11-29", "2026-11-30", "Chủ nhật"),
    ("ban-nam", "2026", "2026-12-15", "2026-12-15", None),
    ("monthly", "2026-12", "2026-12-19", "2026-12-21", "Thứ Bảy"),
]
DEFAULTS_2027 = [
    ("monthly", "2027-01", "2027-01-19", "2027-01-19", None),
    ("monthly", "2027-02", "2027-02-19", "2027-02-19", None),  # Tết 2027 is 04–10/02: the 19th is a Friday
    ("q1", "2027-Q1", "2027-03-19", "2027-03-19", None),
    ("ban-quy", "2027-Q1", "2027-03-31", "2027-03-31", None),
    ("monthly", "2027-04", "2027-04-19", "2027-04-19", None),
    ("monthly", "2027-05", "2027-05-19", "2027-05-19", None),
    ("h1", "2027-H1", "2027-06-19", "2027-06-21", "Thứ Bảy"),
    ("ban-quy", "2027-Q2", "2027-06-30", "2027-06-30", None),
    ("monthly", "2027-07", "2027-07-19", "2027-07-19", None),
    ("monthly", "2027-08", "2027-08-19", "2027-08-19", None),
    ("q3", "2027-Q3", "2027-09-19", "2027-09-20", "Chủ nhật"),
    ("ban-quy", "2027-Q3", "2027-09-30", "2027-09-30", None),
    ("monthly", "2027-10", "2027-10-19", "2027-10-19", None),
    ("monthly", "2027-11", "2027-11-19", "2027-11-19", None),
    ("annual", "2027", "2027-11-29", "2027-11-29", None),
    ("ban-nam", "2027", "2027-12-15", "2027-12-15", None),
    ("monthly", "2027-12", "2027-12-19", "2027-12-20", "Chủ nhật"),
]


def _table(cli, year: int) -> list[tuple]:
    out = json.loads(cli("schedule", "--year", str(year), "--format", "json").stdout)["deadlines"]
    return [
        (r["report"], r["period"], r.get("nominal_deadline", r["deadline"]), r["deadline"],
         r["skipped"][0]["reason"] if "skipped" in r else None)
        for r in out
    ]


def test_defaults_2026_by_hand(cli) -> None:
    assert _table(cli, 2026) == DEFAULTS_2026


def test_defaults_2027_by_hand(cli) -> None:
    assert _table(cli, 2027) == DEFAULTS_2027


def test_an_office_day_off_moves_a_deadline(cli, tmp_path, monkeypatch) -> None:
    """A decree the `holidays` package does not know: the office adds 19/02/2027 as a day off."""
    folder = write_config(tmp_path / "c")
    text = (folder / "schedule.yaml").read_text(encoding="utf-8")
    text = text.replace("\nworking_days:\n", "\n  - {date: 2027-02-19, name: Nghỉ bù theo quyết định của Tỉnh ủy}\nworking_days:\n")
    (folder / "schedule.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    row = next(r for r in _table(cli, 2027) if r[1] == "2027-02")
    assert row == ("monthly", "2027-02", "2027-02-19", "2027-02-22", "Nghỉ bù theo quyết định của Tỉnh ủy")
    grid = cli("calendar", "--year", "2027", "--month", "2").stdout
    assert "Hạn: Báo cáo tháng — tháng 02/2027 (chuyển từ 19/02 (Nghỉ bù theo quyết định của Tỉnh ủy))" in grid


def test_a_swapped_working_saturday_keeps_a_deadline() -> None:
    rule = Rule("x", "X", "X", "monthly", (1,), None, 10, False)
    with_swap = WorkCalendar(vn_holidays, {}, [date(2026, 1, 10)])
    without = WorkCalendar(vn_holidays)
    assert rule_slots(rule, 2026, 2026, with_swap)[0].deadline == date(2026, 1, 10)  # Saturday, worked
    assert rule_slots(rule, 2026, 2026, without)[0].deadline == date(2026, 1, 12)


def test_previous_working_day_and_none() -> None:
    cal = WorkCalendar(vn_holidays)
    assert cal.shift(date(2026, 2, 19), "previous_working_day")[0] == date(2026, 2, 13)  # back before Tết
    assert cal.shift(date(2026, 2, 19), "none") == (date(2026, 2, 19), ())
    moved, skipped = cal.shift(date(2026, 4, 26), "next_working_day")  # Giỗ Tổ on a Sunday, day off in lieu
    assert moved == date(2026, 4, 28) and [d for d, _ in skipped] == [date(2026, 4, 26), date(2026, 4, 27)]


def test_holidays_none_keeps_only_weekends(cli, tmp_path, monkeypatch) -> None:
    folder = write_config(tmp_path / "c")
    text = (folder / "schedule.yaml").read_text(encoding="utf-8").replace("holidays: VN", "holidays: none")
    (folder / "schedule.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    row = next(r for r in _table(cli, 2027) if r[1] == "2027-02")
    assert row[3] == "2027-02-19"
    # the office's own days off still count: 19/02/2026 is inside the shipped Tết range
    assert next(r for r in _table(cli, 2026) if r[1] == "2026-02")[3] == "2026-02-23"


# ---------------------------------------------------------------------------- properties of moving

YEARS = range(2020, 2036)
CAL = WorkCalendar(vn_holidays, {}, ())


def _longest_run_of_days_off() -> int:
    longest = run = 0
    day = date(YEARS[0], 1, 1)
    while day.year <= YEARS[-1]:
        run = run + 1 if not CAL.is_working(day) else 0
        longest = max(longest, run)
        day += timedelta(days=1)
    return longest


LONGEST = _longest_run_of_days_off()
in_years = st.dates(min_value=date(YEARS[0], 1, 1), max_value=date(YEARS[-1], 11, 30))


@given(day=in_years)
def test_next_working_day_is_a_working_day_not_before_and_not_far(day) -> None:
    moved, skipped = CAL.shift(day, "next_working_day")
    assert CAL.is_working(moved)
    assert day <= moved <= day + timedelta(days=LONGEST)
    assert [d for d, _ in skipped] == [day + timedelta(days=n) for n in range((moved - day).days)]
    assert all(not CAL.is_working(d) for d, _ in skipped)


@given(day=in_years)
def test_previous_working_day_mirrors_it(day) -> None:
    moved, _ = CAL.shift(day, "previous_working_day")
    assert CAL.is_working(moved) and day - timedelta(days=LONGEST) <= moved <= day


rules = st.builds(
    Rule, id=st.sampled_from(["a", "b"]), name=st.just("R"), name_en=st.just("R"),
    frequency=st.sampled_from(["monthly", "quarterly", "half-yearly", "yearly"]), periods=st.just(()),
    month=st.one_of(st.none(), st.integers(1, 12)), day=st.integers(1, 31), strict=st.booleans(),
    replaces=st.none(), shift=st.sampled_from(SHIFTS), cutoff=st.none(), owner=st.just("units"),
    recipient=st.none(),
)


@given(rule=rules, year=st.sampled_from(list(YEARS)))
def test_every_slot_moves_as_its_rule_says(rule, year) -> None:
    config = Config(units=(Unit("u", "U"),), rules=(rule,), settings=Settings())
    for slot in rule_slots(rule, year, year, config.calendar):
        if rule.shift == "next_working_day":
            assert config.calendar.is_working(slot.deadline) and slot.deadline >= slot.nominal_deadline
            assert (slot.deadline - slot.nominal_deadline).days <= LONGEST
        elif rule.shift == "none":
            assert slot.deadline == slot.nominal_deadline


@given(
    start=st.dates(min_value=date(2021, 1, 1), max_value=date(2030, 12, 31)),
    active_from=st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2031, 12, 31))),
    length=st.one_of(st.none(), st.integers(0, 1500)),
)
def test_an_instance_exists_only_while_its_unit_does(start, active_from, length) -> None:
    until = active_from + timedelta(days=length) if active_from and length is not None else None
    unit = Unit("u", "U", active_from=active_from, active_until=until)
    rule = Rule("m", "M", "M", "monthly", (), None, 20, True)
    config = Config(units=(unit,), rules=(rule,), settings=Settings())
    end = start + timedelta(days=400)
    got = {i.period for i in expand(config, start, end)}
    for slot in rule_slots(rule, start.year - 1, end.year + 1, config.calendar):
        if start <= slot.deadline <= end:
            exists = (active_from is None or slot.period_end >= active_from) and (until is None or slot.period_end <= until)
            assert (slot.period in got) == exists


# ---------------------------------------------------------------------------- cut-off windows


def test_decree_09_windows() -> None:
    def window(freq: str, periods: tuple[int, ...]) -> tuple[date | None, date | None]:
        rule = Rule("r", "R", "R", freq, periods, None, 20, True, cutoff=(15, 14))
        slot = rule_slots(rule, 2026, 2026)[0]
        return cutoff_window(rule, slot.period_start, slot.period_end)

    assert window("monthly", ()) == (date(2025, 12, 15), date(2026, 1, 14))
    assert window("quarterly", (1,)) == (date(2025, 12, 15), date(2026, 3, 14))
    assert window("half-yearly", (1,)) == (date(2025, 12, 15), date(2026, 6, 14))
    assert window("yearly", ()) == (date(2025, 12, 15), date(2026, 12, 14))


def test_cutoff_shows_in_schedule_explain_and_export(cli, tmp_path, monkeypatch) -> None:
    folder = write_config(tmp_path / "c")
    text = (folder / "schedule.yaml").read_text(encoding="utf-8")
    text = text.replace("    periods: [1]\n    before: 20          # \"Báo cáo quý I", "    periods: [1]\n    cutoff: decree-09\n    before: 20          # \"Báo cáo quý I")
    (folder / "schedule.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    q1 = next(r for r in json.loads(cli("schedule", "--year", "2026", "--format", "json").stdout)["deadlines"] if r["report"] == "q1")
    assert (q1["covers_from"], q1["covers_to"]) == ("2025-12-15", "2026-03-14")
    table = cli("schedule", "--year", "2026").stdout
    assert "Số liệu từ–đến" in table and "15/12/2025–14/03/2026" in table
    assert "Số liệu chốt từ 15/12/2025 đến 14/03/2026." in cli("explain", "syt", "q1", "2026-Q1", "--as-of", "2026-03-01").stdout
    exported = json.loads(cli("export", "--format", "json", "--as-of", "2026-03-01").stdout)["instances"]
    row = next(r for r in exported if r["report"] == "q1" and r["unit"] == "syt")
    assert (row["covers_from"], row["covers_to"]) == ("2025-12-15", "2026-03-14")


# ---------------------------------------------------------------------------- explain


@BOTH
def test_explain_says_why_it_is_late(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-02", "--received", "2026-02-25", "--doc-number", "12/BC-SYT",
        "--as-of", "2026-04-15")
    out = cli("explain", "syt", "monthly", "2/2026", "--as-of", "2026-04-15").stdout.splitlines()
    assert out == [
        "Sở Y tế (syt) — Báo cáo tháng (monthly), kỳ tháng 02/2026",
        "Quy tắc: gửi trước 20/02/2026.",
        "Ngày cuối còn đúng hạn theo văn bản: 19/02/2026 (Thứ Năm).",
        "  19/02/2026 (Thứ Năm) là ngày nghỉ: Mùng ba Tết Nguyên Đán",
        "  20/02/2026 (Thứ Sáu) là ngày nghỉ: Mùng bốn Tết Nguyên Đán",
        "  21/02/2026 (Thứ Bảy) là ngày nghỉ: Nghỉ Tết Nguyên Đán",
        "  22/02/2026 (Chủ nhật) là ngày nghỉ: Nghỉ Tết Nguyên Đán",
        "Hạn cuối: 23/02/2026 (Thứ Hai) — chuyển sang ngày làm việc tiếp theo (Bộ luật Dân sự 2015, điều 148).",
        out[8],
        "Trạng thái ngày 15/04/2026: gửi muộn 2 ngày.",
    ]
    assert out[8].startswith("Sổ theo dõi: #1 nhận, 25/02/2026, 12/BC-SYT, ghi lúc ")
    en = cli("explain", "syt", "monthly", "2026-04", "--as-of", "2026-04-15", "--lang", "en").stdout
    assert "19/04/2026 (Sun) is a day off: Sunday" in en and "Deadline: 20/04/2026 (Mon)" in en
    assert "Status on 15/04/2026: due soon (5 days left)." in en


def test_explain_bad_input(cli, cfg) -> None:
    r = cli("explain", "syt", "monthly", "2026-03", code=2)  # March's monthly is the Q1 report
    assert "q1" in r.stderr
    assert "Traceback" not in r.output
    cli("explain", "khong-co", "monthly", "2026-01", code=2)


# ---------------------------------------------------------------------------- meetings and the calendar


def test_meetings_2026_and_2027_by_hand(cli) -> None:
    def days(year: int) -> list[tuple[str, str]]:
        out = json.loads(cli("calendar", "--year", str(year), "--format", "json").stdout)["items"]
        return [(m["meeting"], m["start"][:10]) for m in out if m["kind"] == "meeting"]

    # last Thursday of March, June, September; the conference on the first Thursday of December
    assert days(2026) == [("giao-ban", "2026-03-26"), ("giao-ban", "2026-06-25"), ("giao-ban", "2026-09-24"),
                          ("hoi-nghi-nam", "2026-12-03")]
    assert days(2027) == [("giao-ban", "2027-03-25"), ("giao-ban", "2027-06-24"), ("giao-ban", "2027-09-30"),
                          ("hoi-nghi-nam", "2027-12-02")]


def test_a_meeting_on_a_day_off_moves_inside_its_month() -> None:
    briefing = Meeting("m", "M", "M", "quarterly", (2,), 1, "last", 0, "08:00", "11:30")  # last Monday of April
    config = Config(units=(Unit("u", "U"),), rules=(Rule("r", "R", "R", "yearly", (), None, 1, False),),
                    settings=Settings(), meetings=(briefing,))
    (held,) = meeting_days(config, 2026)
    assert held.planned == date(2026, 4, 27)  # Giỗ Tổ's day off in lieu
    assert held.day == date(2026, 4, 24)


def test_calendar_json_and_grid(cli, cfg) -> None:
    items = json.loads(cli("calendar", "--year", "2026", "--month", "3", "--format", "json").stdout)["items"]
    assert [i["kind"] for i in items] == ["deadline", "meeting", "deadline"]
    assert items[1] == {
        "end": "2026-03-26T11:30:00+07:00", "kind": "meeting", "meeting": "giao-ban", "period": "2026-Q1",
        "start": "2026-03-26T08:00:00+07:00", "title": "Giao ban Khối khoa giáo quý",
    }
    assert items[0]["date"] == "2026-03-19" and items[0]["title"] == "Báo cáo quý I — quý I/2026"
    grid = cli("calendar", "--year", "2026", "--month", "2").stdout
    assert "Tháng 02/2026" in grid and "T2" in grid and "CN" in grid
    assert "• 23/02 Thứ Hai  Hạn: Báo cáo tháng — tháng 02/2026 (chuyển từ 19/02 (Mùng ba Tết Nguyên Đán))" in grid
    assert "Ngày nghỉ: 16/02 Giao thừa Tết Nguyên Đán; 17/02 Tết Nguyên Đán; 18/02 Mùng hai Tết Nguyên Đán" in grid
    january = cli("calendar", "--year", "2026", "--month", "1").stdout
    assert "Ngày nghỉ: 01/01 Tết Dương lịch; 02/01 Nghỉ Tết Dương lịch" in january
    assert "Làm bù (Thứ Bảy, Chủ nhật đi làm): 10/01" in january
    assert len(cli("calendar", "--year", "2026").stdout.split("Tháng ")) == 13
    cli("calendar", "--month", "13", code=2)


# ---------------------------------------------------------------------------- units change


RENAMED = """
units:
  - code: stnmt
    name: Sở Tài nguyên và Môi trường
    active_until: 2025-02-28
    successor: snnmt
  - code: snnmt
    name: Sở Nông nghiệp và Môi trường
    active_from: 2025-03-01
"""


@BOTH
def test_a_merged_unit_keeps_its_history_and_owes_nothing_after(cli, tmp_path, monkeypatch) -> None:
    folder = write_config(tmp_path / "c", tracking_start="2025-01-01")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    cli("submit", "stnmt", "monthly", "--period", "2025-01", "--received", "2025-01-10", "--as-of", "2025-01-10")
    (folder / "units.yaml").write_text(RENAMED, encoding="utf-8")
    rows = json.loads(cli("export", "--format", "json", "--year", "2025", "--as-of", "2025-12-31").stdout)["instances"]
    old = [(r["period"], r["status"]) for r in rows if r["unit"] == "stnmt"]
    new = [(r["period"], r.get("carried_from")) for r in rows if r["unit"] == "snnmt"]
    # what it sent stays its own; what it still owed is its successor's now, marked as taken over
    assert old == [("2025-01", "on_time")]
    assert new[:2] == [("2025-02", "stnmt"), ("2025-Q1", None)]
    history = json.loads(cli("history", "stnmt", "--format", "json").stdout)["events"]
    assert history[0]["unit_name"] == "Sở Tài nguyên và Môi trường"
    assert [u["code"] for u in json.loads(cli("units", "--format", "json", "--as-of", "2026-01-01").stdout)["units"]] == ["snnmt"]
    every = json.loads(cli("units", "--all", "--format", "json", "--as-of", "2026-01-01").stdout)["units"]
    assert [(u["code"], u["active"], u.get("successor")) for u in every] == [("stnmt", False, "snnmt"), ("snnmt", True, None)]
    table = cli("units", "--all", "--as-of", "2026-01-01").stdout
    assert "28/02/2025" in table and "snnmt (Sở Nông nghiệp và Môi trường)" in table


def test_the_shipped_district_committees_ended_on_30_06_2025(cli) -> None:
    active = json.loads(cli("units", "--format", "json", "--as-of", "2026-01-05").stdout)["units"]
    every = json.loads(cli("units", "--all", "--format", "json", "--as-of", "2026-01-05").stdout)["units"]
    assert len(active) == 11 and len(every) == 25
    districts = [u for u in every if u["group"] == "huyện"]
    assert len(districts) == 9 and {u["active_until"] for u in districts} == {"2025-06-30"}
    assert [u["name"] for u in districts][0] == "Ban Tuyên giáo Thành ủy Nha Trang"
    assert len(json.loads(cli("units", "--format", "json", "--as-of", "2025-06-30").stdout)["units"]) == 20


def test_holidays_and_the_config_are_computed_once_and_kept(cli, cfg, isolated) -> None:
    first = cli("due", "--as-of", "2026-03-01").stdout
    holidays = isolated / "cache" / "holidays-VN.marshal"
    (config,) = (isolated / "cache").glob("config-*.marshal")
    stamps = holidays.stat().st_mtime_ns, config.stat().st_mtime_ns
    assert cli("due", "--as-of", "2026-03-01").stdout == first
    assert (holidays.stat().st_mtime_ns, config.stat().st_mtime_ns) == stamps  # nothing new computed or written
    for damaged in (holidays, config):
        damaged.write_bytes(b"damaged")
    assert cli("due", "--as-of", "2026-03-01").stdout == first
    assert holidays.read_bytes() != b"damaged" and config.read_bytes() != b"damaged"


def test_an_edited_config_is_never_answered_from_the_cache(cli, cfg) -> None:
    before = next(r for r in _table(cli, 2027) if r[1] == "2027-02")
    text = (cfg / "schedule.yaml").read_text(encoding="utf-8")
    (cfg / "schedule.yaml").write_text(text.replace("\nworking_days:\n", "\n  - 2027-02-19\nworking_days:\n"), encoding="utf-8")
    after = next(r for r in _table(cli, 2027) if r[1] == "2027-02")
    assert before[3] == "2027-02-19" and after[3] == "2027-02-22" and after[4] == "ngày nghỉ của cơ quan"
