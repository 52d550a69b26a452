"""Reading and writing dates the way the office writes them (pure: `today` is a parameter)."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from khoagiao_cli.errors import UserError

#: the years khoagiao reasons about (deadlines near either end may move across it)
FIRST_YEAR, LAST_YEAR = 1900, 2999

# Patterns as text, compiled (and cached by `re`) only by the commands that read dates.
_ISO = r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$"
_VN = r"^\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\s*$"
_TIME = r"^\s*(.+?)(?:[T\s]+(\d{1,2})[:h](\d{2}))\s*$"


def parse_date(text: str, today: date, *, what: object) -> date:
    """`2026-03-18`, `18/03/2026` or `18/3` (the year of `today`): day first, as Vietnamese documents write it.
    `10/13/2026` is an impossible date, never 13 October. `what` names the value in a message (a Msg)."""
    if m := re.match(_ISO, text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := re.match(_VN, text):
        day, month = int(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else today.year
    else:
        raise UserError("bad_date", value=text, what=what)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError("date_out_of_range", value=text, what=what, first=FIRST_YEAR, last=LAST_YEAR)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise UserError("impossible_date", value=text, what=what) from exc


def parse_moment(text: str, today: date, *, what: object) -> tuple[date, time | None]:
    """A date with an optional time of day: `2026-11-22T08:30`, `22/11/2026 08:30`, `22/11 8h30`."""
    m = re.match(_TIME, text)
    if m is None:
        return parse_date(text, today, what=what), None
    hour, minute = int(m.group(2)), int(m.group(3))
    if hour > 23 or minute > 59:
        raise UserError("impossible_date", value=text, what=what)
    return parse_date(m.group(1), today, what=what), time(hour, minute)


def add_months(d: date, months: int, day: int | None = None) -> date:
    """`d` moved by whole months, on `day` (default: `d`'s own), clamped to the last day of the month it lands in
    (31 in April is the 30th): relativedelta's rule, without importing dateutil on the daily path (1.8 ms)."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, month + 1, min(day or d.day, last_day(year, month + 1)))


def last_day(year: int, month: int) -> int:
    """The number of days of a month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day
