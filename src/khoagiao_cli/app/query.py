"""Use cases that only read: what is due, what is overdue, the year's statuses, its agenda, the ledger's history."""

import re
from collections.abc import Iterator
from datetime import date
from heapq import merge
from typing import TYPE_CHECKING, NamedTuple

from khoagiao_cli.core.adhoc import incident_slot, request_slot
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import Instance, expand, owed_by_class, year_instances
from khoagiao_cli.core.status import (
    DUE,
    OVERDUE,
    UPCOMING,
    Event,
    Key,
    Row,
    Void,
    arrived_by,
    outstanding,
    status_rows,
    tracked,
)
from khoagiao_cli.core.succession import Succession, carry, ceased
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Reader

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from khoagiao_cli.core.agenda import Item


def tracking_start(config: Config, reader: Reader) -> date:
    """`tracking_start` from the config, else the day the ledger was (or would be) created."""
    return config.settings.tracking_start or reader.created_on()


def adhoc_instances(config: Config, reader: Reader, start: date, end: date, unit: Unit | None = None) -> list[Instance]:
    """Instances of one-off requests and urgent incidents with a deadline in [start, end]."""
    out = []
    for request in reader.requests():
        slot = request_slot(config.calendar, request)
        if start <= slot.deadline <= end:
            out += [Instance(code, slot) for code in request.units if unit is None or code == unit.code]
    for incident in reader.incidents(unit.code if unit else None):
        slot = incident_slot(incident)
        if start <= slot.deadline <= end:
            out.append(Instance(incident.unit, slot))
    return out


def family(config: Config, unit: Unit | None) -> list[Unit] | None:
    """The units to look at for one unit's rows: those its work passed to and those whose work passed to it
    (core/succession.py); None for every unit."""
    if unit is None:
        return None
    return [config.unit_by_code[code] for code in Succession.of(config).family(unit.code)]


def _keys_in_force(reader: Reader, units: list[Unit], clock: Clock) -> set[Key]:
    """The keys in force, arrived by the as-of moment, of these units (those whose work passed on: a few)."""
    return {key for u in units for key in reader.keys_in_force(unit=u.code, by=clock.latest)}


def _in_force(reader: Reader, units: list[Unit] | None, periods: set[str]) -> dict[Key, Event]:
    if not periods:
        return {}
    if units is None:
        return reader.in_force(periods=periods)
    return {key: e for u in units for key, e in reader.in_force(unit=u.code, periods=periods).items()}


def owed(config: Config, instances: list[Instance], received: set[Key] | dict[Key, Event], clock: Clock,
         unit: Unit | None) -> list[Instance]:
    """The periodic instances as owed on the as-of day (a ceased unit's open ones passed to its successor), of
    one unit if asked: those it owes now and those it owed first."""
    found = carry(config, instances, received, clock.today)
    return found if unit is None else [i for i in found if unit.code in (i.unit, i.carried_from)]


def _merge(periodic: list[Instance], adhoc: list[Instance]) -> list[Instance]:
    if not adhoc:
        return periodic
    return sorted(periodic + adhoc, key=lambda i: i.deadline)


class Due(NamedTuple):
    """Outstanding reports: overdue first, then those due by `until`."""

    rows: list[Row]
    as_of: date
    #: the last deadline day looked at
    until: date
    #: the days ahead looked at
    within: int
    #: True when `within` counts working days (the `due_soon` setting does)
    working: bool = False


def due(config: Config, reader: Reader, clock: Clock, within: int | None = None, unit: Unit | None = None) -> Due:
    """Outstanding instances with a deadline from tracking start to the due-soon window's end: `within` days
    ahead (default: the setting), counted in working days when the setting counts them; none of a unit that
    ceased without a successor."""
    days = config.settings.due_soon_days if within is None else within
    start = tracking_start(config, reader)
    end = config.due_soon_until(clock.today, days)
    instances = _merge(open_periodic(config, reader, clock, start, end, unit),
                       _open_adhoc(config, reader, clock, adhoc_instances(config, reader, start, end, unit)))
    rows = status_rows(instances, {}, clock.today, end, clock.now)
    return Due(outstanding(rows), clock.today, end, days, config.settings.due_soon_working)


def _open_adhoc(config: Config, reader: Reader, clock: Clock, instances: list[Instance]) -> list[Instance]:
    """The one-off and incident instances still open (the same anti-join: each unit's own as its class)."""
    if not instances:
        return []
    owing: dict[str, int] = {}
    for i in instances:
        owing.setdefault(i.unit, len(owing))
    found = set(reader.open_instances(owing, list({(owing[i.unit], i.report, i.period) for i in instances}),
                                      clock.latest))
    return [i for i in instances if i.key in found and not ceased(config, i.unit, clock.today)]


def open_periodic(config: Config, reader: Reader, clock: Clock, start: date, end: date, unit: Unit | None,
                  ) -> list[Instance]:
    """The periodic instances with a deadline in [start, end] still open on the as-of day, by deadline (then
    units and rules in the configuration's order), of every unit or one unit's family; none of a unit that ceased
    without a successor (it is not chased: its rows stay in `status`).

    The database answers for the units untouched by renames and mergers (store/outstanding.py: the classes of
    units × their slots, less what is in force); those whose work passed on go through core/succession.py with
    what their family received."""
    line = Succession.of(config)
    units = family(config, unit) or config.all_units
    chained = [u for u in units if line.chains.get(u.code) or u.code in line.preds]
    plain = [u for u in units if u not in chained and not ceased(config, u.code, clock.today)]
    member, slots = owed_by_class(config, start, end, plain)
    by_key = {(cls, s.report, s.period): s for cls, found in enumerate(slots) for s in found}
    unit_order = {u.code: n for n, u in enumerate(config.all_units)}
    origin_order = {u.code: n for n, u in enumerate(units)}
    rule_order = {r.id: n for n, r in enumerate(config.rules)}

    def place(i: Instance) -> tuple[date, int, int, int]:
        """A carried report stands under the unit holding it, then where the unit it came from stands among the
        units looked at (core/succession.py: `carry` sorts by holder, keeping `expand`'s order within one)."""
        return (i.deadline, unit_order.get(i.unit, len(unit_order)),
                origin_order.get(i.carried_from or i.unit, len(origin_order)), rule_order[i.report])

    found = sorted((Instance(code, by_key[member[code], report, period]) for code, report, period in
                    reader.open_instances(member, list(by_key), clock.latest)), key=place)
    if not chained:
        return found
    received = _keys_in_force(reader, chained, clock)
    passed_on = [i for i in owed(config, expand(config, start, end, chained), received, clock, unit)
                 if i.key not in received and not ceased(config, i.unit, clock.today)]
    return list(merge(found, passed_on, key=place))  # the families' rows keep the order core/succession gives


def overdue(config: Config, reader: Reader, clock: Clock, unit: Unit | None = None) -> list[Row]:
    """Outstanding instances whose deadline has passed, by deadline."""
    return [r for r in due(config, reader, clock, 0, unit).rows if r.status == OVERDUE]


def year_rows(config: Config, reader: Reader, year: int, clock: Clock, unit: Unit | None = None) -> list[Row]:
    """Every tracked instance whose deadline falls in `year`, with its status on the as-of day."""
    units = family(config, unit)
    expanded = year_instances(config, year, units)
    adhoc = adhoc_instances(config, reader, date(year, 1, 1), date(year, 12, 31), unit)
    # only the periods of the year's instances are read: a ledger of years is not read for one
    periods = {i.period for i in expanded} | {i.period for i in adhoc}
    submitted = arrived_by(_in_force(reader, units, periods), clock.today, clock.latest)
    periodic = owed(config, expanded, submitted, clock, unit)
    instances = tracked(_merge(periodic, adhoc), tracking_start(config, reader), submitted)
    return status_rows(instances, submitted, clock.today, config.due_soon_until(clock.today), clock.now)


def agenda(config: Config, reader: Reader, year: int, month: int | None = None) -> "list[Item]":
    """The year's (or one month's) deadlines of every rule and open one-off request, and its meetings."""
    from khoagiao_cli.core.agenda import agenda as core_agenda  # meetings need dateutil: not on `due`'s path

    requests = [request_slot(config.calendar, r) for r in reader.requests()]
    return core_agenda(config, year, requests, month)


def owing(config: Config, rows: list[Row]) -> dict[tuple[str, str], list[str]]:
    """For each (report, period), the names of the units that still owe it (for the calendar file)."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r.status in (OVERDUE, DUE, UPCOMING):
            out.setdefault((r.instance.report, r.instance.period), []).append(config.unit_name(r.instance.unit))
    return out


def tracked_years(config: Config, reader: Reader, clock: Clock) -> list[int]:
    """Every year from the one tracking starts in to the as-of year."""
    return list(range(min(tracking_start(config, reader).year, clock.today.year), clock.today.year + 1))


class History(NamedTuple):
    #: the events shown, newest first (or as asked), read from the ledger as they are taken (never all held)
    events: Iterator[Event]
    #: the voids of the events shown, each with the event it voids
    voids: list[tuple[Void, Event]]
    #: how many events match, when only the newest were asked for and more match (None: every one is shown)
    total: int | None


def history(config: Config, reader: Reader, *, unit: Unit | None, report: str | None, period: str | None,
            since: date | None = None, limit: int | None = None, newest_first: bool = True) -> History:
    """The ledger's events, of one unit, report or period if asked, recorded on `since` or later, only the newest
    `limit` of them if asked (the database picks them: a ledger of years is not read to show a screenful), newest
    first or in the order recorded; a period that is none is bad input."""
    from khoagiao_cli.app.pick import report_id
    from khoagiao_cli.core.lookup import normalize_period

    label = normalize_period(period) if period is not None else None
    if label is not None and not _PERIOD.match(label):
        raise UserError("period_not_a_period", period=period)
    picked = {"unit": unit.code if unit else None, "report": report_id(config, reader, report) if report else None,
              "period": label}
    voided = [(v, e) for v in reader.voids() if (e := reader.event(v.event_id)) is not None
              and all(getattr(e, field) == value for field, value in picked.items() if value is not None)
              and (since is None or e.recorded_at >= since.isoformat())]  # the ledger's `since`, in Python
    if limit is None:
        return History(reader.each_event(**picked, since=since, newest_first=newest_first, limit=None), voided, None)
    page = list(reader.each_event(**picked, since=since, newest_first=True, limit=limit))  # a page: small
    shown = {e.id for e in page}
    total = reader.count_events(**picked, since=since) if len(page) == limit else len(page)
    return History(iter(page if newest_first else page[::-1]), [(v, e) for v, e in voided if e.id in shown],
                   total if total > limit else None)


def file_copies(reader: Reader, events: list[Event]) -> "dict[str, Path | None]":
    """For each received file's SHA-256 among `events`, its copy in the archive beside the ledger (None: none)."""
    from khoagiao_cli.store.archive import copies

    return copies(reader.files_at, (e.file_sha256 for e in events))


def copy_finder(reader: Reader) -> "Callable[[str | None], Path | None]":
    """The copy in the archive of a received file, by its SHA-256 (None: none), for events that come one by one:
    the archive is listed once, when the first file is asked for."""
    from functools import cache

    from khoagiao_cli.store.archive import kept

    listing = cache(lambda: kept(reader.files_at))
    return lambda sha256: listing().get(sha256) if sha256 else None


#: what a period label looks like: 2026-03, 2026-Q1, 2026-H1, 2026, or an incident's moment 2026-11-22T08:30
_PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12]|-\d{2}-\d{2}T\d{2}:\d{2})?$")
