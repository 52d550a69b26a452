"""The status board: one page with what `status`, `stats` and `due` say (the same use cases, the same rows), the
meetings of the as-of quarter, and which units its grid shows.

A grid of every unit × every period is what a small office wants; at thousands of units (5,000 × 13 periods is
65,000 cells) nobody reads it and a browser takes seconds to lay it out. So the grid holds at most `max_units`
units: all of them, in the order of units.yaml, when there are no more; else those with the most reports missing,
then late (the ones a head of office would ring), worst first, and the page says how many were left out and how
to see them (one group, or the spreadsheet)."""

from datetime import date
from typing import NamedTuple

from khoagiao_cli.app.query import Due, due, year_rows
from khoagiao_cli.core.adhoc import INCIDENT
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.lookup import fold
from khoagiao_cli.core.meetings import MeetingDay, meeting_days
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.scorecard import Score, scorecard
from khoagiao_cli.core.status import LATE, OVERDUE, Row
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Reader

#: the most units the grid draws by default (200 × 13 periods: 2,600 cells, a few printed pages)
GRID_UNITS = 200


class Board(NamedTuple):
    year: int
    clock: Clock
    #: the year's rows, as `status` has them (of the group's units and the Commission's own, with --group)
    rows: list[Row]
    #: the scorecard as `stats` has it, ranked over every unit (of the group's units only, with --group)
    scores: list[Score]
    #: what is overdue and due soon, as `due` has it
    due: Due
    #: the meetings of the quarter the as-of day is in
    meetings: list[MeetingDay]
    #: the units the grid shows, in the order shown
    grid: list[str]
    #: the units with reports in the year (in the group)
    units: int
    #: of the units left out of the grid, those with nothing late or missing
    left_out_clear: int
    #: the group asked for, as units.yaml spells it
    group: str | None
    #: the ledger's records and the head of its hash chain (`khoagiao verify --head`)
    chain: tuple[int, str]

    @property
    def left_out(self) -> int:
        return self.units - len(self.grid)


def board(config: Config, reader: Reader, clock: Clock, year: int, group: str | None = None,
          max_units: int = GRID_UNITS) -> Board:
    """The board of `year` as of the clock's day, of one group of units if asked (an unknown group is bad input)."""
    members, group_name = _group(config, group)
    rows = year_rows(config, reader, year, clock)
    scores = scorecard(config, rows, clock.today)
    found = due(config, reader, clock)
    if members is not None:
        office = config.office.code

        def kept(r: Row) -> bool:
            return r.instance.unit in members or r.instance.unit == office

        rows = [r for r in rows if kept(r)]
        scores = [s for s in scores if s.unit in members]
        found = found._replace(rows=[r for r in found.rows if kept(r)])
    grid, units, clear = _grid_units(config, rows, max_units)
    return Board(year, clock, rows, scores, found, quarter_meetings(config, clock.today), grid, units, clear,
                 group_name, reader.chain_head())


def _group(config: Config, group: str | None) -> tuple[set[str] | None, str | None]:
    """The codes of a group's units (as `request add --group` finds them: case and accents aside), and its name."""
    if group is None:
        return None, None
    named = [u for u in config.units if u.group and fold(u.group) == fold(group)]
    if not named:
        known = sorted({u.group for u in config.units if u.group})
        raise UserError("group_unknown", value=group, known=", ".join(known))
    return {u.code for u in named}, named[0].group


def _grid_units(config: Config, rows: list[Row], max_units: int) -> tuple[list[str], int, int]:
    """(the units the grid shows, how many units have reports in the year, how many of those left out have nothing
    late or missing)."""
    order = {u.code: n for n, u in enumerate(config.all_units)}
    trouble: dict[str, tuple[int, int, int]] = {}
    for r in rows:
        i = r.instance
        if i.unit == config.office.code or i.report == INCIDENT:
            continue
        missing, late, days = trouble.get(i.unit, (0, 0, 0))
        trouble[i.unit] = (missing + (r.status == OVERDUE), late + (r.status == LATE), days + (r.days_late or 0))
    units = sorted(trouble, key=lambda code: order.get(code, len(order)))
    if len(units) <= max_units:
        return units, len(units), 0
    # the worst first; the rest of the grid, if any, in units.yaml's order (a January with nothing late yet)
    worst = sorted((u for u in units if trouble[u][:2] != (0, 0)), key=lambda u: tuple(-n for n in trouble[u]))
    shown = (worst + [u for u in units if trouble[u][:2] == (0, 0)])[:max_units]
    drawn = set(shown)
    clear = sum(1 for u in units if u not in drawn and trouble[u][:2] == (0, 0))
    return shown, len(units), clear


def quarter_meetings(config: Config, day: date) -> list[MeetingDay]:
    """The meetings held in the quarter `day` is in (the giao ban of its last month; in the fourth, the year's
    conference)."""
    first = (day.month - 1) // 3 * 3 + 1
    return [m for m in meeting_days(config, day.year) if first <= m.day.month < first + 3]
