"""The year as an RFC 5545 calendar file (icalendar): all-day deadlines listing the units that still owe them,
timed meetings; stable UIDs so that importing again updates; alarms before each (a deadline's on the first
day it is due soon). Texts pass `visible` (RFC 5545
allows no control character but tab in a text)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, tzinfo

from khoagiao_cli.core.agenda import Item
from khoagiao_cli.core.model import Config
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.calendar_view import item_title
from khoagiao_cli.outputs.phrases import moved_note, wording
from khoagiao_cli.outputs.text import visible


def to_ics(
    words: Words,
    config: Config,
    items: Sequence[Item],
    owing: Mapping[tuple[str, str], Sequence[str]],
    *,
    tz: tzinfo,
    stamp: datetime,
    year: int,
) -> bytes:
    """`owing`: the names of the units that still owe each (report, period). `stamp`: the real time, in UTC."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//khoagiao//khoagiao//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", words("ics_name", year=year))
    cal.add("x-wr-timezone", config.settings.timezone)
    # a later export carries a higher SEQUENCE, so calendar programs take its version of an event
    sequence = int((stamp - datetime(2020, 1, 1, tzinfo=stamp.tzinfo)).total_seconds() // 60)
    for item in items:
        title = visible(item_title(words, config, item))
        ev = Event()
        ev.add("dtstamp", stamp)
        ev.add("last-modified", stamp)
        ev.add("sequence", sequence)
        if item.slot is not None:
            slot = item.slot
            ev.add("uid", f"deadline-{slot.report}-{slot.period}@khoagiao")
            ev.add("summary", words("ics_deadline", title=title))
            ev.add("dtstart", slot.deadline)
            ev.add("dtend", slot.deadline + timedelta(days=1))
            ev.add("transp", "TRANSPARENT")
            units = owing.get((slot.report, slot.period), ())
            lines = [wording(words, slot), *filter(None, [moved_note(words, slot)])]
            lines.append(words("ics_owing", n=len(units)) + ("\n" + "\n".join(f"- {u}" for u in units) if units else ""))
            ev.add("description", visible("\n".join(lines)))
            ev.add("categories", ["khoagiao", "deadline"])
            # rings the first day the deadline is "due soon" (before Tết for the reports due after it)
            soon = (slot.deadline - config.due_soon_from(slot.deadline)).days
            if soon > 0:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", words("ics_deadline", title=title))
                alarm.add("trigger", timedelta(days=-soon))
                ev.add_component(alarm)
        else:
            m = item.meeting
            assert m is not None
            ev.add("uid", f"meeting-{m.meeting.id}-{m.period}@khoagiao")
            ev.add("summary", title)
            ev.add("dtstart", m.start(tz))
            ev.add("dtend", m.end(tz))
            if m.meeting.place:
                ev.add("location", visible(m.meeting.place))
            ev.add("categories", ["khoagiao", "meeting"])
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title)
            alarm.add("trigger", timedelta(days=-1))
            ev.add_component(alarm)
        cal.add_component(ev)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())
