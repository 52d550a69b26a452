"""The year's timeliness scorecard per unit (pure: rows and as-of come in)."""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from khoagiao_cli.core.model import Config
from khoagiao_cli.core.status import LATE, ON_TIME, OVERDUE, Row
from khoagiao_cli.core.succession import Succession

#: what a month of the strip shows, worst first
MISSING, LATE_MONTH, ON_TIME_MONTH, UPCOMING_MONTH = "missing", "late", "on_time", "upcoming"


class Score(NamedTuple):
    unit: str
    unit_name: str
    #: reports whose deadline is on or before as-of, less those due today and not yet received: on_time + late + missing
    owed: int
    on_time: int
    late: int
    #: owed and still not received
    missing: int
    on_time_rate: float | None
    avg_days_late: float | None
    max_days_late: int | None
    #: per month (January first): the worst of that month's owed reports, "upcoming", or None (nothing due)
    months: tuple[str | None, ...]
    rank: int = 0


def _owed(rows: Sequence[Row], as_of: date) -> list[Row]:
    """The reports a unit owed by `as_of`: received (on time or late) or missing; one due today and not yet
    received is still due, not owed."""
    return [r for r in rows if r.instance.deadline <= as_of and r.status in (ON_TIME, LATE, OVERDUE)]


def _month_status(rows: Sequence[Row], as_of: date) -> str | None:
    if not rows:
        return None
    owed = _owed(rows, as_of)
    if not owed:
        return UPCOMING_MONTH
    statuses = {r.status for r in owed}
    if OVERDUE in statuses:
        return MISSING
    return LATE_MONTH if LATE in statuses else ON_TIME_MONTH


def scorecard(config: Config, rows: Sequence[Row], as_of: date, only: str | None = None) -> list[Score]:
    """One score per unit (the Commission's own reports are not scored), best first.

    Ranked by on-time rate, then fewer missing, then a shorter average delay; units owing nothing yet last.
    A report carried over to a successor counts for the unit that existed on its deadline (core/succession.py);
    `only`: the score of that unit alone.
    """
    line = Succession.of(config)
    by_unit: dict[str, list[Row]] = {}
    for r in rows:
        who = line.answerable(r.instance)
        if r.instance.unit != config.office.code and only in (None, who):
            by_unit.setdefault(who, []).append(r)
    order = {u.code: i for i, u in enumerate(config.units)}
    scores = []
    for code, unit_rows in by_unit.items():
        owed = _owed(unit_rows, as_of)
        on_time = sum(1 for r in owed if r.status == ON_TIME)
        delays = [r.days_late for r in owed if r.status == LATE and r.days_late is not None]
        missing = sum(1 for r in owed if r.status == OVERDUE)
        months: dict[int, list[Row]] = {}
        for r in unit_rows:
            months.setdefault(r.instance.deadline.month, []).append(r)
        scores.append(Score(
            unit=code,
            unit_name=config.unit_name(code),
            owed=len(owed),
            on_time=on_time,
            late=len(delays),
            missing=missing,
            on_time_rate=on_time / len(owed) if owed else None,
            avg_days_late=sum(delays) / len(delays) if delays else None,
            max_days_late=max(delays) if delays else None,
            months=tuple(_month_status(months.get(m, []), as_of) for m in range(1, 13)),
        ))
    scores.sort(key=lambda s: (
        s.on_time_rate is None, -(s.on_time_rate or 0), s.missing, s.avg_days_late or 0, order.get(s.unit, len(order)),
    ))
    return [s._replace(rank=n) for n, s in enumerate(scores, 1)]
