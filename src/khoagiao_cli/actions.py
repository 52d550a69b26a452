"""What each command does, over the pure core and the ledger. No rendering, no clock."""

from __future__ import annotations

from typing import NamedTuple
from datetime import date
from pathlib import Path

from dateutil.relativedelta import relativedelta

from khoagiao_cli.errors import UserError
from khoagiao_cli.ledger import Ledger
from khoagiao_cli.model import CHANNELS, Config, Rule, Unit
from khoagiao_cli.schedule import Instance, Slot, expand, year_instances
from khoagiao_cli.status import (
    CORRECT,
    SUBMIT,
    WITHDRAW,
    Event,
    Row,
    classify,
    effective,
    outstanding,
    status_rows,
    tracked,
)


def tracking_start(config: Config, ledger: Ledger) -> date:
    return config.settings.tracking_start or ledger.created_on()


def due_rows(config: Config, ledger: Ledger, as_of: date, within: int, unit: Unit | None = None) -> list[Row]:
    """Outstanding instances with a deadline on or before as_of + within, overdue first."""
    start = tracking_start(config, ledger)
    instances = expand(config, start, as_of + relativedelta(days=within), [unit] if unit else None)
    submitted = effective(ledger.events(unit=unit.code if unit else None))
    rows = status_rows(instances, submitted, as_of, within)
    return outstanding(rows)


def overdue_rows(config: Config, ledger: Ledger, as_of: date, unit: Unit | None = None) -> list[Row]:
    return [r for r in due_rows(config, ledger, as_of, 0, unit) if r.days_left < 0]


def year_rows(config: Config, ledger: Ledger, year: int, as_of: date, unit: Unit | None = None) -> list[Row]:
    """Every tracked instance whose deadline falls in `year`, with its status on `as_of`."""
    submitted = effective(ledger.events(unit=unit.code if unit else None))
    instances = tracked(year_instances(config, year, [unit] if unit else None), tracking_start(config, ledger), submitted)
    return status_rows(instances, submitted, as_of, config.settings.due_soon_days)


class Recorded(NamedTuple):
    event: Event
    unit: Unit
    rule: Rule
    row: Row
    #: True when the period was not given and the earliest outstanding one was taken
    chosen: bool
    previous: Event | None = None


def sha256_of(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _owed_instance(config: Config, unit: Unit, rule: Rule, slot: Slot) -> Instance:
    """The unit's instance for the slot, or the reason it owes none."""
    for inst in expand(config, slot.deadline, slot.deadline, [unit]):
        if inst.report == rule.id and inst.period == slot.period:
            return inst
    if unit.reports and rule.id not in unit.reports:
        raise UserError("unit_not_owing", unit=unit.code, rule=rule.id)
    if not unit.owes_period_ending(slot.period_end):
        raise UserError("unit_inactive", unit=unit.code, period=slot.period)
    other = next((r.id for r in config.rules if r.replaces == rule.id), rule.id)
    raise UserError("period_replaced", period=slot.period, rule=rule.id, other=other)


def record(
    config: Config,
    ledger: Ledger,
    *,
    unit_query: str,
    report_query: str,
    period: str | None,
    received: date | None,
    today: date,
    doc_number: str | None = None,
    channel: str | None = None,
    file: Path | None = None,
    note: str | None = None,
    correct: bool = False,
    recorded_at: str,
    recorded_by: str,
) -> Recorded:
    """Record a received report (or, with `correct`, a correction of one) in one transaction.

    `received` defaults to today; a correction keeps every field it does not change.
    """
    from khoagiao_cli.lookup import find_rule, find_slot, find_unit

    unit = find_unit(config, unit_query)
    rule = find_rule(config, report_query)
    if unit.reports and rule.id not in unit.reports:
        raise UserError("unit_not_owing", unit=unit.code, rule=rule.id)
    if received is not None and received > today:
        raise UserError("received_future", received=received, today=today)
    if channel is not None and channel not in CHANNELS:
        raise UserError("channel_unknown", value=channel, known=", ".join(CHANNELS))
    file_path = file_hash = None
    if file is not None:
        if not file.is_file():
            raise UserError("file_missing", path=str(file))
        try:
            file_hash = sha256_of(file)
        except OSError as exc:
            raise UserError("file_unreadable_input", path=str(file), error=exc.strerror) from exc
        file_path = str(file.resolve())
    chosen_slot = find_slot(rule, period) if period else None
    instance = _owed_instance(config, unit, rule, chosen_slot) if chosen_slot else None

    with ledger.write():
        current = effective(ledger.events(unit=unit.code, report=rule.id))
        if instance is None:
            instance = _earliest_outstanding(config, ledger, unit, rule, received or today, current, correct)
        previous = current.get(instance.key)
        if previous is not None and not correct:
            raise UserError(
                "duplicate", unit=unit.code, rule=rule.id, period=instance.period,
                received=previous.received, event=previous.id,
            )
        if previous is None and correct:
            raise UserError("nothing_to_correct", unit=unit.code, rule=rule.id, period=instance.period)
        kept = previous if correct else None
        event = Event(
            id=0,
            kind=CORRECT if correct else SUBMIT,
            unit=unit.code,
            report=rule.id,
            period=instance.period,
            received=received or (kept.received if kept else None) or today,
            doc_number=doc_number or (kept.doc_number if kept else None),
            channel=channel or (kept.channel if kept else None),
            file_path=file_path or (kept.file_path if kept else None),
            file_sha256=file_hash or (kept.file_sha256 if kept else None),
            note=note or (kept.note if kept else None),
            unit_name=unit.name,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
        )
        event_id = ledger.append(event)
    stored = event._replace(id=event_id)
    row = classify(instance, stored, today, config.settings.due_soon_days)
    return Recorded(stored, unit, rule, row, chosen=period is None, previous=previous)


def _earliest_outstanding(
    config: Config, ledger: Ledger, unit: Unit, rule: Rule, received: date, current: dict, correct: bool
) -> Instance:
    """The earliest tracked instance of the rule that has begun by `received` and is still open
    (for a correction: the latest one that has a submission)."""
    start = tracking_start(config, ledger)
    candidates = [
        i
        for i in expand(config, start if not correct else date(1900, 1, 1), received + relativedelta(years=3), [unit])
        if i.report == rule.id and i.slot.period_start <= received
    ]
    if correct:
        done = [i for i in candidates if i.key in current]
        if done:
            return done[-1]
        raise UserError("nothing_to_correct_any", unit=unit.code, rule=rule.id)
    else:
        open_ = [i for i in candidates if i.key not in current]
        if open_:
            return open_[0]
    raise UserError("no_outstanding", unit=unit.code, rule=rule.id)


def withdraw(
    config: Config,
    ledger: Ledger,
    *,
    unit_query: str,
    report_query: str,
    period: str,
    note: str | None,
    recorded_at: str,
    recorded_by: str,
) -> tuple[Event, Event]:
    """Withdraw the submission in force for an instance; returns (withdrawal, withdrawn)."""
    from khoagiao_cli.lookup import find_rule, find_slot, find_unit

    unit = find_unit(config, unit_query)
    rule = find_rule(config, report_query)
    slot = find_slot(rule, period)
    with ledger.write():
        current = effective(ledger.events(unit=unit.code, report=rule.id, period=slot.period))
        previous = current.get((unit.code, rule.id, slot.period))
        if previous is None:
            raise UserError("nothing_to_withdraw", unit=unit.code, rule=rule.id, period=slot.period)
        event = Event(
            id=0, kind=WITHDRAW, unit=unit.code, report=rule.id, period=slot.period, received=None,
            note=note, unit_name=unit.name, recorded_at=recorded_at, recorded_by=recorded_by,
        )
        event_id = ledger.append(event)
    return event._replace(id=event_id), previous
