"""One reading of time for a whole command (pure: the CLI reads the real clock once and builds it)."""

from datetime import date, datetime, time
from typing import NamedTuple

END_OF_DAY = time(23, 59, 59)


class Clock(NamedTuple):
    """The real time, and the day a command treats as today (--as-of).

    `--as-of` with a date means the start of that day (a report due at a later hour of it is not yet late), but
    nothing happening that day is in the future until its last second (`latest`); with a date and a time, both
    are that moment.
    """

    #: the real clock, aware, in the office's time zone: when events are recorded
    real: datetime
    #: the day treated as today
    today: date
    #: the moment statuses are judged at
    now: datetime
    #: the latest moment that is not in the future
    latest: datetime

    @classmethod
    def of(cls, real: datetime, as_of: date | None = None, at: time | None = None) -> "Clock":
        if as_of is None:
            return cls(real, real.date(), real, real)
        now = datetime.combine(as_of, at or time(0, 0), real.tzinfo)
        return cls(real, as_of, now, now if at is not None else datetime.combine(as_of, END_OF_DAY, real.tzinfo))

    @property
    def real_today(self) -> date:
        """The real clock's day: a new ledger is created on it, whatever --as-of says."""
        return self.real.date()

    def recorded_at(self) -> str:
        """When an event is written to the ledger: the real clock, to the second."""
        return self.real.isoformat(timespec="seconds")

    def moment(self, day: date, at: time | None = None) -> datetime:
        """A day (and time of day, default 00:00) as an aware date-time in the office's time zone."""
        return datetime.combine(day, at or time(0, 0), self.real.tzinfo)
