"""Use case: everything behind one report's status, for `khoagiao explain` ("why does it say I'm late?")."""

from datetime import date
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.app.pick import in_force_of, instance_for, target
from khoagiao_cli.app.query import file_copies, tracking_start
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.status import Event, Row, Void, arrived_by, classify
from khoagiao_cli.store.base import Reader


class Explanation(NamedTuple):
    unit: Unit
    rule: Rule | None
    row: Row
    #: every ledger event of the instance, in order
    events: list[Event]
    tracking_start: date
    #: the voids of those events (the office's entry errors), by event id
    voids: dict[int, Void] = {}
    #: each received file's copy in the archive beside the ledger, by SHA-256 (None: not there)
    copies: "dict[str, Path | None]" = {}


def explain(config: Config, reader: Reader, clock: Clock, *, unit_query: str, report_query: str,
            period: str) -> Explanation:
    """Everything behind one instance's status: rule, nominal day, days skipped, deadline, events."""
    chosen = target(config, reader, unit_query, report_query)
    in_force = arrived_by(in_force_of(config, reader, chosen), clock.today, clock.latest)
    instance = instance_for(config, chosen, period, in_force, clock.today, verb="explain")
    key = instance.key
    events = reader.events(unit=key[0], report=key[1], period=key[2])
    submission = in_force.get(key)
    row = classify(instance, submission, clock.today, config.due_soon_until(clock.today), clock.now)
    ids = {e.id for e in events}
    voids = {v.event_id: v for v in reader.voids() if v.event_id in ids}
    return Explanation(chosen.unit, chosen.rule, row, events, tracking_start(config, reader), voids,
                       file_copies(reader, events))
