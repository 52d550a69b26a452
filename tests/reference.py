"""A straightforward reference for what the ledger's queries answer, kept beside the tests that compare them.

Everything here is computed in Python from the list of events, the way the engine did before the database was
asked (issue 11): every instance since tracking started is expanded, the submission in force of each instance is
found by walking the events in order, and what is open is what has none. It is slow on purpose: it is the
definition, not the implementation.
"""

from datetime import date

from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import expand, year_instances
from khoagiao_cli.core.status import Event, Key, Row, arrived, outstanding, status_rows, tracked
from khoagiao_cli.core.succession import Succession, carry, ceased


def in_force(events: list[Event], voided: set[int]) -> dict[Key, Event]:
    """The latest event of each instance that was not voided, unless it is a withdrawal."""
    latest: dict[Key, Event] = {}
    for e in sorted(events, key=lambda e: e.id):
        if e.id not in voided:
            latest[e.key] = e
    return {key: e for key, e in latest.items() if e.kind != "withdraw"}


def _family(config: Config, unit: Unit | None) -> list[Unit] | None:
    if unit is None:
        return None
    return [config.unit_by_code[code] for code in Succession.of(config).family(unit.code)]


def due(config: Config, events: list[Event], voided: set[int], created_on: date, clock: Clock,
        within: int | None = None, unit: Unit | None = None) -> list[Row]:
    """The rows `due` shows: overdue first, then due soon."""
    start = config.settings.tracking_start or created_on
    end = config.due_soon_until(clock.today, within)
    units = _family(config, unit)
    codes = None if units is None else {u.code for u in units}
    received = {key for key, e in in_force(events, voided).items()
                if arrived(e, clock.today, clock.latest) and (codes is None or key[0] in codes)}
    found = carry(config, expand(config, start, end, units), received, clock.today)
    if unit is not None:
        found = [i for i in found if unit.code in (i.unit, i.carried_from)]
    open_ = [i for i in found if i.key not in received and not ceased(config, i.unit, clock.today)]
    return outstanding(status_rows(open_, {}, clock.today, end, clock.now))


def year_rows(config: Config, events: list[Event], voided: set[int], created_on: date, year: int, clock: Clock,
              unit: Unit | None = None) -> list[Row]:
    """The rows `status` shows for a year: every tracked instance with its status."""
    units = _family(config, unit)
    codes = None if units is None else {u.code for u in units}
    submitted = {key: e for key, e in in_force(events, voided).items()
                 if arrived(e, clock.today, clock.latest) and (codes is None or key[0] in codes)}
    found = carry(config, year_instances(config, year, units), submitted, clock.today)
    if unit is not None:
        found = [i for i in found if unit.code in (i.unit, i.carried_from)]
    instances = tracked(found, config.settings.tracking_start or created_on, submitted)
    return status_rows(instances, submitted, clock.today, config.due_soon_until(clock.today), clock.now)
