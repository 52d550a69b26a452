"""Reading and writing dates the way the office writes them (pure: `today` is a parameter)."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from khoagiao_cli.errors import UserError

#: the years khoagiao reasons about (deadlines near either end may move across it)
FIRST_YEAR, LAST_YEAR = 1900, 2999

# Patterns as text over the folded input (lower case, no diacritics), compiled (and cached by `re`) only by the
# commands that read dates.
_ISO = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
#: 16/03/2026, 16-3-2026, 16.03.2026, 16/3 — day first, as Vietnamese documents write it
_VN = r"(?:ngay\s*)?([0-9]{1,2})\s*[/.-]\s*([0-9]{1,2})(?:\s*[/.-]\s*([0-9]{4}))?"
#: ngày 16 tháng 3 năm 2026, as a document's date line writes it
_WORDS = r"(?:ngay\s*)?([0-9]{1,2})\s*thang\s*([0-9]{1,2})(?:\s*,?\s*nam\s*([0-9]{4}))?"
#: 14:00, 14:00:00, 14h00, 14h, 14 giờ 30 (phút)
_CLOCK = r"(?:luc\s*)?([0-9]{1,2})(?::([0-9]{2})(?::[0-9]{2})?|\s*(?:h|g|gio)\s*(?:([0-9]{1,2})\s*(?:phut|p)?)?)"
#: a date, then a time (2026-03-16T14:00, 16/03/2026 14h00, 16/03/2026, 14:00), or a time, then a date (14:00
#: 16/03/2026, as khoagiao prints a moment)
_DATE_FIRST = rf"(.+?)(?:\s*[t,]\s*|\s+){_CLOCK}"
_TIME_FIRST = rf"{_CLOCK}(?:\s*,\s*|\s+)(.+)"


def _folded(text: str) -> str:
    import unicodedata

    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def parse_date(text: str, today: date, *, what: object) -> date:
    """`2026-03-18`, `18/03/2026`, `18-3-2026`, `18.03.2026`, `ngày 18 tháng 3 năm 2026`, or `18/3` (the year of
    `today`): day first, as Vietnamese documents write it. `10/13/2026` is an impossible date, never 13 October.
    `what` names the value in a message (a Msg)."""
    folded = _folded(text)
    if m := re.fullmatch(_ISO, folded):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := (re.fullmatch(_VN, folded) or re.fullmatch(_WORDS, folded)):
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
    """A date with an optional time of day, either way round: `2026-11-22T08:30`, `22/11/2026 08:30`,
    `22/11/2026 8h30`, `22/11 8h`, `08:30 22/11/2026` (as khoagiao prints it), `8 giờ 30 ngày 22/11/2026`."""
    folded = _folded(text)
    m = re.fullmatch(_DATE_FIRST, folded)
    if m is not None and _is_date(m.group(1)):
        day_text, hour, minute = m.group(1), m.group(2), m.group(3) or m.group(4)
    elif (m := re.fullmatch(_TIME_FIRST, folded)) is not None and _is_date(m.group(4)):
        day_text, hour, minute = m.group(4), m.group(1), m.group(2) or m.group(3)
    else:
        return parse_date(text, today, what=what), None
    h, mi = int(hour), int(minute or 0)
    if h > 23 or mi > 59:  # 24:00 too: a receipt is a moment of a day, 00:00 to 23:59
        raise UserError("impossible_time", value=text, what=what)
    try:
        day = parse_date(day_text, today, what=what)
    except UserError as exc:  # named as typed, time and all
        raise UserError(exc.key, **{**exc.params, "value": text}) from exc
    return day, time(h, mi)


def _is_date(folded: str) -> bool:
    """Whether a text has the shape of a date (its numbers are checked by parse_date)."""
    return any(re.fullmatch(p, folded) for p in (_ISO, _VN, _WORDS))


def add_months(d: date, months: int, day: int | None = None) -> date:
    """`d` moved by whole months, on `day` (default: `d`'s own), clamped to the last day of the month it lands in
    (31 in April is the 30th): relativedelta's rule, without importing dateutil on the daily path (1.8 ms)."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(year, month + 1, min(day or d.day, last_day(year, month + 1)))


def last_day(year: int, month: int) -> int:
    """The number of days of a month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - timedelta(days=1)).day
