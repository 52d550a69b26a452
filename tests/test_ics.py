"""The calendar file: RFC 5545 by `icalendar`, parsed back by `icalendar`."""

from __future__ import annotations

from datetime import date, timedelta

from backends import BOTH
from icalendar import Calendar

pytestmark = BOTH


def _export(cli, path, *extra: str) -> Calendar:
    cli("export", "--format", "ics", "--year", "2026", "-o", str(path), *extra)
    return Calendar.from_ical(path.read_bytes())


def test_the_year_as_a_calendar_file(cli, cfg, tmp_path) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-10", "--as-of", "2026-03-10")
    cal = _export(cli, tmp_path / "lich.ics", "--as-of", "2026-03-10")
    assert str(cal["VERSION"]) == "2.0" and str(cal["PRODID"]).startswith("-//khoagiao")
    events = list(cal.walk("VEVENT"))
    deadlines = [e for e in events if "deadline" in str(e["UID"])]
    meetings = [e for e in events if "meeting" in str(e["UID"])]
    assert len(deadlines) == 17 and len(meetings) == 4
    assert len({str(e["UID"]) for e in events}) == len(events)
    feb = next(e for e in deadlines if str(e["UID"]) == "deadline-monthly-2026-02@khoagiao")
    assert feb.decoded("DTSTART") == date(2026, 2, 23) and feb.decoded("DTEND") == date(2026, 2, 24)
    assert str(feb["SUMMARY"]) == "Hạn: Báo cáo tháng — tháng 02/2026"
    assert "chuyển từ 19/02 (Mùng ba Tết Nguyên Đán)" in str(feb["DESCRIPTION"])
    (alarm,) = feb.walk("VALARM")
    # five working days before 23/02 reach back over Tết (14-22/02) to 09/02: the alarm rings before the break
    assert alarm.decoded("TRIGGER") == timedelta(days=-14) and str(alarm["ACTION"]) == "DISPLAY"
    q1 = next(e for e in deadlines if str(e["UID"]) == "deadline-q1-2026-Q1@khoagiao")
    description = str(q1["DESCRIPTION"])
    assert "Đơn vị chưa gửi: 10" in description and "Sở Y tế" not in description and "Bảo hiểm xã hội tỉnh" in description
    briefing = meetings[0]
    start = briefing.decoded("DTSTART")
    assert start.isoformat() == "2026-03-26T08:00:00+07:00"
    assert str(briefing["SUMMARY"]) == "Giao ban Khối khoa giáo quý"
    assert list(cal.walk("VTIMEZONE"))  # Outlook wants the zone spelled out
    assert list(tmp_path.glob(".*")) == []


def test_exporting_again_keeps_the_uids(cli, cfg, tmp_path) -> None:
    first = _export(cli, tmp_path / "a.ics", "--as-of", "2026-03-10")
    cli("request", "add", "--id", "qc238", "--title", "Quy chế 238", "--deadline", "2026-05-29", "--as-of", "2026-04-10")
    second = _export(cli, tmp_path / "b.ics", "--as-of", "2026-04-10")
    uids = lambda c: {str(e["UID"]) for e in c.walk("VEVENT")}  # noqa: E731
    assert uids(first) < uids(second)
    sequences = [{int(e["SEQUENCE"]) for e in c.walk("VEVENT")} for c in (first, second)]
    assert len(sequences[0]) == len(sequences[1]) == 1 and max(sequences[0]) <= min(sequences[1])
    assert uids(second) - uids(first) == {"deadline-qc238-2026@khoagiao"}


def test_ics_to_stdout_and_in_english(cli, cfg) -> None:
    out = cli("export", "--format", "ics", "--year", "2027", "--lang", "en").stdout
    cal = Calendar.from_ical(out.encode())
    assert any(str(e["SUMMARY"]) == "Due: Monthly report — 02/2027" for e in cal.walk("VEVENT"))
