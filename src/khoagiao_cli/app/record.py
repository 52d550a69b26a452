"""Use cases that record a report: received (or corrected), and withdrawn. One transaction each."""

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.app.pick import (
    Target,
    doubts,
    earliest,
    in_force_of,
    instance_for,
    named,
    period_label,
    refuse_ceased,
    succeeded,
    target,
)
from khoagiao_cli.app.query import tracking_start
from khoagiao_cli.config.paths import check_input
from khoagiao_cli.core.adhoc import INCIDENT
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.lookup import channel_id, find_slot
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.status import CORRECT, SUBMIT, VOID_MARK, WITHDRAW, Event, Row, Void, classify
from khoagiao_cli.core.text import check_text
from khoagiao_cli.errors import Stamp, UserError
from khoagiao_cli.store.base import Ledger


class Doubt(UserError):
    """A period that looks mistyped: recorded only with --yes (or a yes on a terminal); `reasons` says why."""


class Recorded(NamedTuple):
    event: Event
    unit: Unit
    rule: Rule | None
    row: Row
    #: True when the period was not given and the earliest outstanding one was taken
    chosen: bool
    #: the submission a correction replaced
    previous: Event | None = None
    #: where the received file's copy is kept (submit --file)
    copy: Path | None = None


def _keep(file: Path, ledger: Ledger) -> tuple[str, Path]:
    """The file copied into the archive beside the ledger: (its SHA-256, the copy)."""
    from khoagiao_cli.store import archive

    try:
        return archive.keep(file, archive.folder_of(ledger.files_at))
    except OSError as exc:
        if exc.filename is not None and Path(exc.filename) != file:
            raise  # the archive could not be written: a runtime failure, said with its path
        raise UserError("file_unreadable_input", path=str(file), error=exc.strerror or str(exc)) from exc


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
    sure: bool = False,
    recorded_by: str,
) -> Recorded:
    """Record a received report (or, with `correct`, a correction of one) in one transaction.

    `received` defaults to the as-of day; a correction keeps every field it does not change. The report is a
    rule, a one-off request's id, or `incident` (an urgent report, whose receipt is kept to the minute). A period
    typed for a periodic report that looks mistyped (app.pick.doubts) is recorded only when `sure`.
    """
    if received is not None and received > clock.today:
        raise UserError("received_future", received=received, today=clock.today)
    if channel is not None:
        channel = channel_id(channel)
    for text, what in ((note, "--note"), (doc_number, "--doc-number")):
        if text is not None:
            check_text(text, what)
    file_path = file_hash = None
    copy: Path | None = None
    if file is not None:
        if file.is_symlink():  # the archive keeps what the clerk received, not whatever a link points to now
            raise UserError("file_symlink", path=str(file))
        check_input(file, "file_missing")
        file_path = str(file.resolve())
    chosen = target(config, ledger, unit_query, report_query)
    if period:  # checked before the ledger is written (a new one is created by its first write)
        instance = instance_for(config, chosen, period, in_force_of(config, ledger, chosen), clock.today)
        if chosen.rule is not None and not correct and not sure:
            reasons = doubts(config, chosen, instance, received or clock.today, clock.today)
            if reasons is not None:
                raise Doubt("doubt_refused", reasons=reasons)
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
            raise UserError("duplicate", unit=chosen.unit.code, rule=named(config, chosen.report), period=instance.period,
                            received=previous.received, event=previous.id)
        if previous is None and correct:
            raise UserError("nothing_to_correct", unit=chosen.unit.code, rule=named(config, chosen.report),
                            period=instance.period)
        kept = previous if correct else None
        if file is not None:  # copied once the report is known to be recordable: bad input leaves no copy
            file_hash, copy = _keep(file, ledger)
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
        if copy is not None:
            ledger.file_kept(stored.id)
    row = classify(instance, stored, clock.today, config.due_soon_until(clock.today), clock.now)
    return Recorded(stored, chosen.unit, chosen.rule, row, chosen=period is None, previous=previous, copy=copy)


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
            raise UserError("nothing_to_withdraw", unit=key[0], rule=named(config, key[1]), period=label)
        event = Event(
            id=0, kind=WITHDRAW, unit=key[0], report=key[1], period=label, received=None,
            note=note, unit_name=chosen.unit.name, recorded_at=clock.recorded_at(), recorded_by=recorded_by,
        )
        stored = event._replace(id=ledger.append(event))
    return Withdrawn(stored, previous, chosen)


class Voided(NamedTuple):
    void: Void
    #: the event entered by mistake
    event: Event
    #: what is in force for its report and period now (None: the report is outstanding again)
    now: Event | None


def parse_event_id(text: str) -> int:
    """`5` or `#5`: an event's number; `H1` names a void, which is refused (bad input)."""
    value = text.strip().lstrip("#").strip()
    if value[:1].upper() == VOID_MARK and value[1:].isdigit():
        raise UserError("void_of_void", value=text.strip())
    if not (value.isascii() and value.isdigit()) or len(value) > 18 or int(value) == 0:
        raise UserError("void_id_bad", value=text)
    return int(value)


def void(ledger: Ledger, clock: Clock, *, event_ref: str, note: str, recorded_by: str) -> Voided:
    """The office's own entry error: a void record names the event, which then counts as never recorded (a voided
    submission leaves the report outstanding, a voided correction brings back the one before, a voided withdrawal
    the report withdrawn). Nothing is updated or deleted."""
    number = parse_event_id(event_ref)
    check_text(note, "--note")
    if not note.strip():
        raise UserError("void_note_empty")
    if not ledger.exists:  # nothing recorded yet: refused before the first write would create the ledger
        raise UserError("void_unknown", id=number)
    with ledger.write():
        event = ledger.event(number)
        if event is None:
            raise UserError("void_unknown", id=number)
        before = next((v for v in ledger.voids() if v.event_id == number), None)
        if before is not None:
            raise UserError("void_already", id=number, void=before.label, at=Stamp(before.recorded_at), by=before.recorded_by)
        stored = Void(0, number, note.strip(), clock.recorded_at(), recorded_by)
        stored = stored._replace(id=ledger.add_void(stored))
        now = ledger.in_force(unit=event.unit, report=event.report, period=event.period).get(event.key)
    return Voided(stored, event, now)
