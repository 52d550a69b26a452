"""Use case: everything behind one report's status, for `khoagiao explain` ("why does it say I'm late?")."""

from datetime import date
from typing import NamedTuple

from khoagiao_cli.app.pick import in_force_of, instance_for, target
from khoagiao_cli.app.query import tracking_start
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.status import Event, Row, arrived_by, classify
from khoagiao_cli.store.base import Reader


class Explanation(NamedTuple):
    unit: Unit
    rule: Rule | None
    row: Row
    #: every ledger event of the instance, in order
    events: list[Event]
    tracking_start: date


def explain(config: Config, reader: Reader, clock: Clock, *, unit_query: str, report_query: str,
            period: str) -> Explanation:
    """Everything behind one instance's status: rule, nominal day, days skipped, deadline, events."""
    chosen = target(config, reader, unit_query, report_query)
    in_force = arrived_by(in_force_of(config, reader, chosen), clock.today, clock.latest)
    instance = instance_for(config, chosen, period, in_force, clock.today, verb="explain")
    key = instance.key
    events = reader.events(unit=key[0], report=key[1], period=key[2])
    submission = in_force.get(key)
    row = classify(instance, submission, clock.today, config.settings.due_soon_days, clock.now)
    return Explanation(chosen.unit, chosen.rule, row, events, tracking_start(config, reader))
