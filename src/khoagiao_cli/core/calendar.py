"""The office calendar: which days are working days, and where a deadline on a day off moves to.

Pure: the public holidays of a year come from a `source` function (the `holidays` package, or a cache of
it that the CLI provides), asked once per year and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

#: (Vietnamese, English) name of a day off
Named = tuple[str, str]
#: why a day is off: its (Vietnamese, English) name, for a holiday or an office day off (data, from the holidays
#: package or the config); or, for a weekend, the weekday's number (5, 6), which only a face puts in words
Reason = Named | int
HolidaySource = Callable[[int], Mapping[date, Named]]

SHIFTS = ("next_working_day", "previous_working_day", "none")
WEEKEND = (5, 6)
#: the longest run of days off a shift will walk across before giving up (Tết with weekends is 9-10)
MAX_RUN = 60


def vn_holidays(year: int) -> Mapping[date, Named]:
    """Vietnam's public holidays of one year from the `holidays` package, named in Vietnamese and English."""
    import holidays

    vi = holidays.country_holidays("VN", years=year, language="vi")
    en = holidays.country_holidays("VN", years=year, language="en_US")
    return {d: (name, en.get(d, name)) for d, name in sorted(vi.items())}


class WorkCalendar:
    """Weekends + public holidays + the office's own days off, minus the office's swapped working days."""

    __slots__ = ("source", "days_off", "working_days", "_years")

    def __init__(
        self,
        source: HolidaySource | None = None,
        days_off: Mapping[date, Named] | None = None,
        working_days: Iterable[date] = (),
    ) -> None:
        self.source = source
        self.days_off = dict(days_off or {})
        self.working_days = frozenset(working_days)
        self._years: dict[int, Mapping[date, Named]] = {}

    def holidays(self, year: int) -> Mapping[date, Named]:
        """The public holidays of `year` (asked of the source once per year)."""
        table = self._years.get(year)
        if table is None:
            table = self.source(year) if self.source is not None else {}
            self._years[year] = table
        return table

    def reason_off(self, day: date) -> Reason | None:
        """Why `day` is not a working day, or None when it is one."""
        if day in self.working_days:
            return None
        named = self.holidays(day.year).get(day) or self.days_off.get(day)
        if named is not None:
            return named
        return day.weekday() if day.weekday() in WEEKEND else None

    def is_working(self, day: date) -> bool:
        return self.reason_off(day) is None

    def shift(self, day: date, how: str) -> tuple[date, tuple[tuple[date, Reason], ...]]:
        """(the day a deadline on `day` falls on, the days off it skipped with their reasons).

        `next_working_day` is the Civil Code's rule (art. 148): a time limit ending on a day off ends at the
        close of the next working day.
        """
        if how == "none":
            return day, ()
        step = timedelta(days=1 if how == "next_working_day" else -1)
        skipped: list[tuple[date, Reason]] = []
        current = day
        while (reason := self.reason_off(current)) is not None and len(skipped) < MAX_RUN:
            skipped.append((current, reason))
            current += step
        return current, tuple(skipped)


    def add_working_days(self, day: date, n: int) -> date:
        """The `n`-th working day after `day` (`day` itself for 0): where a window of n working days ends."""
        current, count = day, 0
        for _ in range(n * 7 + 4 * MAX_RUN):  # a calendar with (almost) no working days must still end
            if count >= n:
                break
            current += timedelta(days=1)
            count += self.is_working(current)
        return current
