"""The quarter at the block briefing (giao ban Khối): per unit, the reports whose deadline falls in the quarter —
expected, received on time, late, still missing, not yet due — the units to urge, and the on-time rate against the
previous quarter's (Q1 against the previous year's Q4). Every figure comes from the rows `status` shows and the
scorecard `stats` ranks (app/query.py `year_rows`, core/scorecard.py), kept to the quarter's deadlines: the four
quarters of a year add up to its `stats`."""

import re
from datetime import date
from typing import NamedTuple

from khoagiao_cli.app.query import year_rows
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.scorecard import Score, scorecard
from khoagiao_cli.core.status import ON_TIME, OVERDUE, Row
from khoagiao_cli.core.succession import Succession
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Reader

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
#: a quarter as typed: 2, II, Q2, quý II
_QUARTER = re.compile(r"(?:q|quý|quy)?\s*([1-4]|i{1,3}|iv)")


def parse_quarter(text: str) -> int:
    """1-4, as "2", "II", "Q2" or "quý II"; anything else is bad input."""
    found = _QUARTER.fullmatch(text.strip().lower())
    if found is None:
        raise UserError("bad_quarter", value=text)
    value = found.group(1)
    return int(value) if value.isdigit() else _ROMAN[value]


def previous(year: int, quarter: int) -> tuple[int, int]:
    """The quarter before: Q1's is the previous year's Q4."""
    return (year, quarter - 1) if quarter > 1 else (year - 1, 4)


class UnitQuarter(NamedTuple):
    """One unit's quarter: its scorecard over the quarter's deadlines (owed = on time + late + missing, by the
    as-of day) and `expected`, every report of the quarter: owed, received ahead of a deadline still to come
    (`early`: `status` says "đúng hạn", `stats` does not count it yet), and not yet due."""

    unit: Unit
    score: Score
    expected: int
    #: received before a deadline that has not come yet
    early: int

    @property
    def not_due(self) -> int:
        """Neither owed nor received yet."""
        return self.expected - self.score.owed - self.early


class Quarter(NamedTuple):
    year: int
    quarter: int
    units: list[UnitQuarter]
    #: the units to urge, with the quarter's reports each still owes past their deadline: under the unit that
    #: holds them now (a report carried to a successor is asked of the successor, as `overdue` and `letter` do)
    owing: list[tuple[Unit, list[Row]]]

    @property
    def expected(self) -> int:
        return sum(u.expected for u in self.units)

    @property
    def owed(self) -> int:
        return sum(u.score.owed for u in self.units)

    @property
    def on_time(self) -> int:
        return sum(u.score.on_time for u in self.units)

    @property
    def late(self) -> int:
        return sum(u.score.late for u in self.units)

    @property
    def missing(self) -> int:
        return sum(u.score.missing for u in self.units)

    @property
    def early(self) -> int:
        return sum(u.early for u in self.units)

    @property
    def not_due(self) -> int:
        return sum(u.not_due for u in self.units)

    @property
    def rate(self) -> float | None:
        """On time out of owed, over every unit; None before anything was owed."""
        return self.on_time / self.owed if self.owed else None

    def to_urge(self) -> list[tuple[Unit, list[Row]]]:
        return self.owing


class Summary(NamedTuple):
    as_of: date
    this: Quarter
    before: Quarter


def quarter_rows(config: Config, reader: Reader, clock: Clock, year: int, quarter: int) -> list[Row]:
    """The rows of `status` for the year whose deadline falls in the quarter, as of the clock's day."""
    months = range(3 * quarter - 2, 3 * quarter + 1)
    return [r for r in year_rows(config, reader, year, clock) if r.instance.deadline.month in months]


def quarter(config: Config, reader: Reader, clock: Clock, year: int, number: int) -> Quarter:
    """Each unit's quarter, in units.yaml order (the Commission's own reports apart). A report carried to a
    successor counts for the unit that existed on its deadline, as in the scorecard; but it is urged from the unit
    that holds it now, as `overdue` and `letter` do: a unit that has ceased is asked for nothing."""
    rows = quarter_rows(config, reader, clock, year, number)
    scores = {s.unit: s for s in scorecard(config, rows, clock.today)}
    line = Succession.of(config)
    by_unit: dict[str, list[Row]] = {}
    holding: dict[str, list[Row]] = {}
    for r in rows:
        if r.instance.unit != config.office.code:
            by_unit.setdefault(line.answerable(r.instance), []).append(r)
            if r.status == OVERDUE and r.instance.deadline <= clock.today:
                holding.setdefault(r.instance.unit, []).append(r)
    return Quarter(year, number, [
        UnitQuarter(u, scores[u.code], len(by_unit[u.code]),
                    sum(1 for r in by_unit[u.code] if r.instance.deadline > clock.today and r.status == ON_TIME))
        for u in config.units if u.code in scores
    ], [(u, holding[u.code]) for u in config.all_units if u.code in holding])


def summary(config: Config, reader: Reader, clock: Clock, year: int, number: int) -> Summary:
    """The quarter and the one before it, both as of the clock's day."""
    return Summary(clock.today, quarter(config, reader, clock, year, number),
                   quarter(config, reader, clock, *previous(year, number)))


def rate_change(this: float | None, before: float | None) -> float | None:
    """The change of the on-time rate, in percentage points; None when either is unknown."""
    return None if this is None or before is None else (this - before) * 100

