"""The year on one calendar: report deadlines and meetings, for `calendar` and the ICS file (pure)."""


from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from khoagiao_cli.core.meetings import MeetingDay, meeting_days
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot, deadline_wording, period_text, year_slots

DEADLINE, MEETING = "deadline", "meeting"


class Item(NamedTuple):
    kind: str
    day: date
    title: str
    slot: Slot | None = None
    meeting: MeetingDay | None = None


def slot_title(config: Config, slot: Slot, lang: str) -> str:
    if slot.title:
        return slot.title
    rule = config.rule_by_id.get(slot.report)
    if rule is None:
        return slot.report
    return f"{config.rule_name(slot.report, lang)} — {period_text(rule.frequency, slot, lang)}"


def agenda(config: Config, year: int, extra: Sequence[Slot], lang: str, month: int | None = None) -> list[Item]:
    """Deadlines (of every rule, and the one-off requests in `extra`) and meetings of the year, by date."""
    items = [
        Item(DEADLINE, s.deadline, slot_title(config, s, lang), slot=s)
        for s in [*year_slots(config, year), *(s for s in extra if s.deadline.year == year)]
    ]
    for m in meeting_days(config, year):
        title = m.meeting.name_en if lang == "en" else m.meeting.name
        items.append(Item(MEETING, m.day, title, meeting=m))
    items.sort(key=lambda i: (i.day, i.kind != MEETING))
    return [i for i in items if month is None or i.day.month == month]


def item_record(item: Item, config: Config, tz: tzinfo) -> dict[str, Any]:
    """`calendar --format json`: kind, title, and date (a deadline) or start/end (a meeting)."""
    if item.meeting is not None:
        m = item.meeting
        rec: dict[str, Any] = {
            "kind": MEETING, "title": item.title, "meeting": m.meeting.id, "period": m.period,
            "start": m.start(tz).isoformat(), "end": m.end(tz).isoformat(),
        }
        if m.meeting.place:
            rec["place"] = m.meeting.place
        if m.planned != m.day:
            rec["planned"] = m.planned.isoformat()
        return rec
    slot = item.slot
    assert slot is not None
    rec = {
        "kind": DEADLINE, "title": item.title, "date": slot.deadline.isoformat(), "report": slot.report,
        "period": slot.period, "deadline_text": deadline_wording(slot, "vi"),
    }
    rule = config.rule_by_id.get(slot.report)
    if rule is not None and rule.owner == "office":
        rec["owner"] = "office"
    if slot.moved and slot.nominal_deadline:
        rec["nominal_deadline"] = slot.nominal_deadline.isoformat()
    return rec


def to_ics(
    config: Config,
    items: Sequence[Item],
    owing: Mapping[tuple[str, str], Sequence[str]],
    *,
    tz: tzinfo,
    stamp: datetime,
    lang: str,
    year: int,
) -> bytes:
    """An RFC 5545 calendar (icalendar): all-day deadlines listing the units that still owe them, timed
    meetings; stable UIDs so importing again updates; an alarm `due_soon_days` before each deadline."""
    from icalendar import Alarm, Calendar, Event

    from khoagiao_cli.i18n import t

    cal = Calendar()
    cal.add("prodid", "-//khoagiao//khoagiao//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ics_name", year=year))
    cal.add("x-wr-timezone", config.settings.timezone)
    soon = config.settings.due_soon_days
    # a later export carries a higher SEQUENCE, so calendar programs take its version of an event
    sequence = int((stamp - datetime(2020, 1, 1, tzinfo=stamp.tzinfo)).total_seconds() // 60)
    for item in items:
        ev = Event()
        ev.add("dtstamp", stamp)
        ev.add("last-modified", stamp)
        ev.add("sequence", sequence)
        if item.slot is not None:
            slot = item.slot
            ev.add("uid", f"deadline-{slot.report}-{slot.period}@khoagiao")
            ev.add("summary", t("ics_deadline", title=item.title))
            ev.add("dtstart", slot.deadline)
            ev.add("dtend", slot.deadline + timedelta(days=1))
            ev.add("transp", "TRANSPARENT")
            units = owing.get((slot.report, slot.period), ())
            lines = [deadline_wording(slot, lang)]
            nominal = slot.nominal_deadline
            if slot.moved and slot.skipped and nominal is not None:
                reason = slot.skipped[0][1][1 if lang == "en" else 0]
                lines.append(t("moved_from", day=f"{nominal.day:02d}/{nominal.month:02d}", reason=reason))
            lines.append(t("ics_owing", n=len(units)) + ("\n" + "\n".join(f"- {u}" for u in units) if units else ""))
            ev.add("description", "\n".join(lines))
            ev.add("categories", ["khoagiao", "deadline"])
            if soon > 0:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", t("ics_deadline", title=item.title))
                alarm.add("trigger", timedelta(days=-soon))
                ev.add_component(alarm)
        else:
            m = item.meeting
            assert m is not None
            ev.add("uid", f"meeting-{m.meeting.id}-{m.period}@khoagiao")
            ev.add("summary", item.title)
            ev.add("dtstart", m.start(tz))
            ev.add("dtend", m.end(tz))
            if m.meeting.place:
                ev.add("location", m.meeting.place)
            ev.add("categories", ["khoagiao", "meeting"])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.title)
            alarm.add("trigger", timedelta(days=-1))
            ev.add_component(alarm)
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()
