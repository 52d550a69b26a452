"""Recurring meetings on the office calendar (pure: dates from dateutil and the work calendar)."""


from datetime import date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from dateutil.relativedelta import FR, MO, TH, TU, WE, relativedelta

from khoagiao_cli.core.calendar import WorkCalendar
from khoagiao_cli.core.model import PERIOD_MONTHS, Config, Meeting
from khoagiao_cli.core.schedule import period_index, period_label

_WEEKDAYS = (MO, TU, WE, TH, FR)


class MeetingDay(NamedTuple):
    meeting: Meeting
    period: str
    day: date
    #: the weekday the rule names, when the meeting had to move off a day off
    planned: date

    def start(self, tz: tzinfo) -> datetime:
        return datetime.combine(self.day, time.fromisoformat(self.meeting.start), tz)

    def end(self, tz: tzinfo) -> datetime:
        return datetime.combine(self.day, time.fromisoformat(self.meeting.end), tz)


def meeting_day(meeting: Meeting, period_start: date, calendar: WorkCalendar) -> tuple[date, date]:
    """(the day it is held, the day the rule names): `weekday` of the first or last week of the month;
    a day off moves it to the nearest working day inside that month, towards the month's middle."""
    months = PERIOD_MONTHS[meeting.frequency]
    month_start = period_start + relativedelta(months=(meeting.month or months) - 1)
    wd = _WEEKDAYS[meeting.weekday]
    if meeting.week == "first":
        planned = month_start + relativedelta(weekday=wd(+1))
        step = timedelta(days=1)
    else:
        planned = month_start + relativedelta(day=31, weekday=wd(-1))
        step = timedelta(days=-1)
    day = planned
    while not calendar.is_working(day) and day.month == planned.month:
        day += step
    if day.month != planned.month:  # the whole rest of the month is off: the other way instead
        day = planned
        while not calendar.is_working(day):
            day -= step
    return day, planned


def meeting_days(config: Config, year: int) -> list[MeetingDay]:
    """Every meeting held in `year`, in date order."""
    out = []
    for meeting in config.meetings:
        months = PERIOD_MONTHS[meeting.frequency]
        for n in range(12 // months):
            start = date(year, 1 + n * months, 1)
            if meeting.periods and period_index(meeting.frequency, start) not in meeting.periods:
                continue
            day, planned = meeting_day(meeting, start, config.calendar)
            out.append(MeetingDay(meeting, period_label(meeting.frequency, start), day, planned))
    out.sort(key=lambda m: (m.day, m.meeting.start))
    return out
