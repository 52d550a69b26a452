"""Use cases that record a report: received (or corrected), and withdrawn. One transaction each."""

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.app.pick import (
    Target,
    earliest,
    in_force_of,
    instance_for,
    period_label,
    refuse_ceased,
    succeeded,
    target,
)
from khoagiao_cli.app.query import tracking_start
from khoagiao_cli.config.paths import check_input
from khoagiao_cli.core.adhoc import INCIDENT
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.lookup import find_slot
from khoagiao_cli.core.model import CHANNELS, Config, Rule, Unit
from khoagiao_cli.core.status import CORRECT, SUBMIT, WITHDRAW, Event, Row, classify
from khoagiao_cli.core.text import check_text
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Ledger


class Recorded(NamedTuple):
    event: Event
    unit: Unit
    rule: Rule | None
    row: Row
    #: True when the period was not given and the earliest outstanding one was taken
    chosen: bool
    #: the submission a correction replaced
    previous: Event | None = None


def sha256_of(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record(
    config: Config,
    ledger: Ledger,
    clock: Clock,
    *,
    unit_query: str,
    report_query: str,
    period: str | None,
    received: date | None,
    received_at: datetime | None = None,
    doc_number: str | None = None,
    channel: str | None = None,
    file: Path | None = None,
    note: str | None = None,
    correct: bool = False,
    recorded_by: str,
) -> Recorded:
    """Record a received report (or, with `correct`, a correction of one) in one transaction.

    `received` defaults to the as-of day; a correction keeps every field it does not change. The report is a
    rule, a one-off request's id, or `incident` (an urgent report, whose receipt is kept to the minute).
    """
    if received is not None and received > clock.today:
        raise UserError("received_future", received=received, today=clock.today)
    if channel is not None and channel not in CHANNELS:
        raise UserError("channel_unknown", value=channel, known=", ".join(CHANNELS))
    for text, what in ((note, "--note"), (doc_number, "--doc-number")):
        if text is not None:
            check_text(text, what)
    file_path = file_hash = None
    if file is not None:
        check_input(file, "file_missing")
        try:
            file_hash = sha256_of(file)
        except OSError as exc:
            raise UserError("file_unreadable_input", path=str(file), error=exc.strerror) from exc
        file_path = str(file.resolve())
    chosen = target(config, ledger, unit_query, report_query)
    if period:  # checked before the ledger is written (a new one is created by its first write)
        instance_for(config, chosen, period, in_force_of(config, ledger, chosen), clock.today)
    elif not correct:
        refuse_ceased(config, chosen, received or clock.today)
    if chosen.report == INCIDENT and received is None and received_at is None:
        received_at = clock.now  # an urgent report is judged to the minute: it came now

    with ledger.write():
        in_force = in_force_of(config, ledger, chosen)
        if period:
            instance = instance_for(config, chosen, period, in_force, clock.today)
        else:
            instance = earliest(config, chosen, received=received or clock.today,
                                since=tracking_start(config, ledger), in_force=in_force, correct=correct,
                                as_of=clock.today)
        previous = in_force.get(instance.key)
        if previous is not None and not correct:
            raise UserError("duplicate", unit=chosen.unit.code, rule=chosen.report, period=instance.period,
                            received=previous.received, event=previous.id)
        if previous is None and correct:
            raise UserError("nothing_to_correct", unit=chosen.unit.code, rule=chosen.report, period=instance.period)
        kept = previous if correct else None
        event = Event(
            id=0,
            kind=CORRECT if correct else SUBMIT,
            unit=chosen.unit.code,
            report=chosen.report,
            period=instance.period,
            received=received or (kept.received if kept else None) or clock.today,
            doc_number=doc_number or (kept.doc_number if kept else None),
            channel=channel or (kept.channel if kept else None),
            file_path=file_path or (kept.file_path if kept else None),
            file_sha256=file_hash or (kept.file_sha256 if kept else None),
            note=note or (kept.note if kept else None),
            unit_name=chosen.unit.name,
            recorded_at=clock.recorded_at(),
            recorded_by=recorded_by,
            received_at=received_at or (kept.received_at if kept and not received else None),
        )
        stored = event._replace(id=ledger.append(event))
    row = classify(instance, stored, clock.today, config.settings.due_soon_days, clock.now)
    return Recorded(stored, chosen.unit, chosen.rule, row, chosen=period is None, previous=previous)


class Withdrawn(NamedTuple):
    withdrawal: Event
    #: the submission withdrawn
    previous: Event
    target: Target


def withdraw(config: Config, ledger: Ledger, clock: Clock, *, unit_query: str, report_query: str, period: str,
             note: str | None, recorded_by: str) -> Withdrawn:
    """Withdraw the submission in force for one period: the report is open again. Nothing is deleted."""
    if note is not None:
        check_text(note, "--note")
    chosen = target(config, ledger, unit_query, report_query)
    label = period_label(config, chosen, period)
    key = (chosen.unit.code, chosen.report, label)
    with ledger.write():
        previous = ledger.in_force(unit=key[0], report=key[1], period=key[2]).get(key)
        if previous is None:
            slot = find_slot(chosen.rule, period, config.calendar) if chosen.rule is not None else None
            if slot is not None and chosen.unit.successor and chosen.unit.active_until is not None \
                    and slot.period_end > chosen.unit.active_until:
                raise succeeded(config, chosen.unit, "withdraw", chosen.report, label, slot.period_end)
            raise UserError("nothing_to_withdraw", unit=key[0], rule=key[1], period=label)
        event = Event(
            id=0, kind=WITHDRAW, unit=key[0], report=key[1], period=label, received=None,
            note=note, unit_name=chosen.unit.name, recorded_at=clock.recorded_at(), recorded_by=recorded_by,
        )
        stored = event._replace(id=ledger.append(event))
    return Withdrawn(stored, previous, chosen)
