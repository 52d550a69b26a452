"""What each command does, over the pure core and the ledger. No rendering, no clock."""


import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.core.adhoc import INCIDENT, Incident, Request, incident_slot, request_slot
from khoagiao_cli.core.model import CHANNELS, Config, Rule, Unit
from khoagiao_cli.core.schedule import Instance, Slot, expand, year_instances
from khoagiao_cli.core.status import (
    CORRECT,
    OVERDUE,
    SUBMIT,
    WITHDRAW,
    Event,
    Row,
    classify,
    outstanding,
    status_rows,
    tracked,
)
from khoagiao_cli.errors import UserError
from khoagiao_cli.store.base import Ledger, Reader, Reminder


def tracking_start(config: Config, ledger: Reader) -> date:
    return config.settings.tracking_start or ledger.created_on()


def adhoc_instances(
    config: Config, ledger: Reader, start: date, end: date, unit: Unit | None = None
) -> list[Instance]:
    """Instances of one-off requests and urgent incidents with a deadline in [start, end]."""
    out = []
    for request in ledger.requests():
        slot = request_slot(config.calendar, request)
        if start <= slot.deadline <= end:
            out += [Instance(code, slot) for code in request.units if unit is None or code == unit.code]
    for incident in ledger.incidents(unit.code if unit else None):
        slot = incident_slot(incident)
        if start <= slot.deadline <= end:
            out.append(Instance(incident.unit, slot))
    return out


def _merge(periodic: list[Instance], adhoc: list[Instance]) -> list[Instance]:
    if not adhoc:
        return periodic
    return sorted(periodic + adhoc, key=lambda i: i.deadline)


def due_rows(
    config: Config, ledger: Reader, as_of: date, within: int, unit: Unit | None = None, now: datetime | None = None
) -> list[Row]:
    """Outstanding instances with a deadline on or before as_of + within, overdue first."""
    start = tracking_start(config, ledger)
    end = as_of + timedelta(days=within)
    instances = _merge(expand(config, start, end, [unit] if unit else None),
                       adhoc_instances(config, ledger, start, end, unit))
    received = ledger.keys_in_force(unit=unit.code if unit else None)
    # only what is still open can be due: the received ones need no status here
    rows = status_rows([i for i in instances if i.key not in received], {}, as_of, within, now)
    return outstanding(rows)


def overdue_rows(
    config: Config, ledger: Reader, as_of: date, unit: Unit | None = None, now: datetime | None = None
) -> list[Row]:
    return [r for r in due_rows(config, ledger, as_of, 0, unit, now) if r.status == OVERDUE]


def year_rows(
    config: Config, ledger: Reader, year: int, as_of: date, unit: Unit | None = None, now: datetime | None = None
) -> list[Row]:
    """Every tracked instance whose deadline falls in `year`, with its status on `as_of`."""
    submitted = ledger.in_force(unit=unit.code if unit else None)
    periodic = year_instances(config, year, [unit] if unit else None)
    adhoc = adhoc_instances(config, ledger, date(year, 1, 1), date(year, 12, 31), unit)
    instances = tracked(_merge(periodic, adhoc), tracking_start(config, ledger), submitted)
    return status_rows(instances, submitted, as_of, config.settings.due_soon_days, now)


class Recorded(NamedTuple):
    event: Event
    unit: Unit
    rule: Rule | None
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


def _adhoc_choice(config: Config, ledger: Reader, unit: Unit, report_query: str) -> tuple[str, list[Instance]] | None:
    """(report id, the unit's instances) when the report is `incident` or a one-off request's id; else None."""
    query = report_query.strip().lower()
    if query == INCIDENT:
        return INCIDENT, [Instance(unit.code, incident_slot(i)) for i in ledger.incidents(unit.code)]
    for request in ledger.requests():
        if request.id.lower() == query:
            if unit.code not in request.units:
                raise UserError("unit_not_requested", unit=unit.code, request=request.id)
            return request.id, [Instance(unit.code, request_slot(config.calendar, request))]
    return None


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
    received_at: datetime | None = None,
    now: datetime | None = None,
) -> Recorded:
    """Record a received report (or, with `correct`, a correction of one) in one transaction.

    `received` defaults to today; a correction keeps every field it does not change. The report is a rule,
    a one-off request's id, or `incident` (an urgent report, whose receipt is kept to the minute).
    """
    from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit

    unit = find_unit(config, unit_query)
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
    adhoc = _adhoc_choice(config, ledger, unit, report_query)
    rule: Rule | None = None
    instance: Instance | None = None
    if adhoc is None:
        rule = find_rule(config, report_query)
        if unit.reports and rule.id not in unit.reports or not unit.reports and rule.owner != "units":
            raise UserError("unit_not_owing", unit=unit.code, rule=rule.id)
        chosen_slot = find_slot(rule, period, config.calendar) if period else None
        instance = _owed_instance(config, unit, rule, chosen_slot) if chosen_slot else None
        report_id = rule.id
    else:
        report_id, choices = adhoc
        if period:
            instance = next((i for i in choices if i.period == period), None)
            if instance is None:
                raise UserError("period_unknown_adhoc", period=period, report=report_id,
                                known=", ".join(i.period for i in choices) or "-")
        if report_id == INCIDENT and received is None and now is not None and received_at is None:
            received_at = now

    with ledger.write():
        current = ledger.in_force(unit=unit.code, report=report_id)
        if instance is None:
            when = received or today
            if adhoc is not None:
                instance = _earliest_adhoc(adhoc[1], current, correct, unit.code, report_id)
            else:
                assert rule is not None
                instance = _earliest_outstanding(config, ledger, unit, rule, when, current, correct)
        previous = current.get(instance.key)
        if previous is not None and not correct:
            raise UserError(
                "duplicate", unit=unit.code, rule=report_id, period=instance.period,
                received=previous.received, event=previous.id,
            )
        if previous is None and correct:
            raise UserError("nothing_to_correct", unit=unit.code, rule=report_id, period=instance.period)
        kept = previous if correct else None
        event = Event(
            id=0,
            kind=CORRECT if correct else SUBMIT,
            unit=unit.code,
            report=report_id,
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
            received_at=received_at or (kept.received_at if kept and not received else None),
        )
        event_id = ledger.append(event)
    stored = event._replace(id=event_id)
    row = classify(instance, stored, today, config.settings.due_soon_days, now)
    return Recorded(stored, unit, rule, row, chosen=period is None, previous=previous)


def _earliest_adhoc(choices: list[Instance], current: dict, correct: bool, unit: str, report: str) -> Instance:
    if correct:
        done = [i for i in choices if i.key in current]
        if done:
            return done[-1]
        raise UserError("nothing_to_correct_any", unit=unit, rule=report)
    open_ = sorted((i for i in choices if i.key not in current), key=lambda i: i.slot.deadline_at or i.deadline)
    if open_:
        return open_[0]
    raise UserError("no_outstanding", unit=unit, rule=report)


def _earliest_outstanding(
    config: Config, ledger: Reader, unit: Unit, rule: Rule, received: date, current: dict, correct: bool
) -> Instance:
    """The earliest tracked instance of the rule that has begun by `received` and is still open
    (for a correction: the latest one that has a submission)."""
    from dateutil.relativedelta import relativedelta

    start = tracking_start(config, ledger)
    if correct:  # the earliest year with a submission in force: a correction may go before tracking started
        years = [int(key[2][:4]) for key in current if key[2][:4].isdigit()]
        start = min(start, date(min(years), 1, 1)) if years else start
    candidates = [
        i
        for i in expand(config, start, received + relativedelta(years=3), [unit])
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
    from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit

    unit = find_unit(config, unit_query)
    adhoc = _adhoc_choice(config, ledger, unit, report_query)
    if adhoc is None:
        rule = find_rule(config, report_query)
        report_id, label = rule.id, find_slot(rule, period, config.calendar).period
    else:
        report_id, label = adhoc[0], period
    with ledger.write():
        current = ledger.in_force(unit=unit.code, report=report_id, period=label)
        previous = current.get((unit.code, report_id, label))
        if previous is None:
            raise UserError("nothing_to_withdraw", unit=unit.code, rule=report_id, period=label)
        event = Event(
            id=0, kind=WITHDRAW, unit=unit.code, report=report_id, period=label, received=None,
            note=note, unit_name=unit.name, recorded_at=recorded_at, recorded_by=recorded_by,
        )
        event_id = ledger.append(event)
    return event._replace(id=event_id), previous


class Explanation(NamedTuple):
    unit: Unit
    rule: Rule | None
    row: Row
    #: every ledger event of the instance, in order
    events: list[Event]
    tracking_start: date


def explain(
    config: Config, ledger: Reader, *, unit_query: str, report_query: str, period: str, as_of: date,
    now: datetime | None = None,
) -> Explanation:
    """Everything behind one instance's status: rule, nominal day, days skipped, deadline, events."""
    from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit

    unit = find_unit(config, unit_query)
    adhoc = _adhoc_choice(config, ledger, unit, report_query)
    rule: Rule | None = None
    if adhoc is None:
        rule = find_rule(config, report_query)
        instance = _owed_instance(config, unit, rule, find_slot(rule, period, config.calendar))
    else:
        instance = next((i for i in adhoc[1] if i.period == period), None)  # type: ignore[assignment]
        if instance is None:
            raise UserError("period_unknown_adhoc", period=period, report=adhoc[0],
                            known=", ".join(i.period for i in adhoc[1]) or "-")
    events = ledger.events(unit=unit.code, report=instance.report, period=instance.period)
    in_force = ledger.in_force(unit=unit.code, report=instance.report, period=instance.period)
    row = classify(instance, in_force.get(instance.key), as_of, config.settings.due_soon_days, now)
    return Explanation(unit, rule, row, events, tracking_start(config, ledger))


# ---------------------------------------------------------------------------- one-off requests, incidents

_REQUEST_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,39}$")


def add_request(
    config: Config, ledger: Ledger, *, request_id: str, title: str, deadline: date, doc_number: str | None,
    unit_queries: Sequence[str], group: str | None, recorded_at: str, recorded_by: str,
) -> Request:
    """A one-off request, owed by the listed units, a group's units, or (neither) every unit active on the deadline."""
    from khoagiao_cli.core.lookup import find_unit, fold

    rid = request_id.strip().lower()
    if not _REQUEST_ID.match(rid):
        raise UserError("request_id_bad", value=request_id)
    if rid in config.rule_by_id or rid == INCIDENT:
        raise UserError("request_id_taken", value=rid)
    if not title.strip():
        raise UserError("request_title_empty")
    if unit_queries and group:
        raise UserError("request_units_or_group")
    if unit_queries:
        codes = [find_unit(config, q).code for q in unit_queries]
    elif group:
        codes = [u.code for u in config.units if u.group and fold(u.group) == fold(group) and u.active_on(deadline)]
        if not codes:
            known = sorted({u.group for u in config.units if u.group})
            raise UserError("group_unknown", value=group, known=", ".join(known))
    else:
        codes = [u.code for u in config.units if u.active_on(deadline)]
    request = Request(rid, title.strip(), deadline, doc_number, tuple(dict.fromkeys(codes)), recorded_at)
    with ledger.write():
        if any(r.id == rid for r in ledger.requests(include_cancelled=True)):
            raise UserError("request_exists", value=rid)
        ledger.add_request(request, recorded_by)
    return request


def cancel_request(ledger: Ledger, *, request_id: str, note: str | None, recorded_at: str, recorded_by: str) -> Request:
    rid = request_id.strip().lower()
    with ledger.write():
        found = {r.id: r for r in ledger.requests(include_cancelled=True)}
        request = found.get(rid)
        if request is None:
            raise UserError("request_unknown", value=request_id, known=", ".join(found) or "-")
        if request.cancelled:
            raise UserError("request_cancelled_already", value=rid)
        ledger.cancel_request(rid, recorded_at, recorded_by, note)
    return request._replace(cancelled=True)


class RequestStatus(NamedTuple):
    request: Request
    slot: Slot
    received: int
    owed: int


def request_statuses(config: Config, ledger: Reader, include_cancelled: bool) -> list[RequestStatus]:
    submitted = ledger.in_force()
    out = []
    for r in ledger.requests(include_cancelled=include_cancelled):
        slot = request_slot(config.calendar, r)
        got = sum(1 for code in r.units if (code, r.id, slot.period) in submitted)
        out.append(RequestStatus(r, slot, got, len(r.units)))
    return out


def add_incident(
    config: Config, ledger: Ledger, *, unit_query: str, title: str, occurred: datetime, within_hours: int,
    now: datetime, recorded_at: str, recorded_by: str,
) -> Incident:
    from khoagiao_cli.core.lookup import find_unit

    unit = find_unit(config, unit_query)
    if not title.strip():
        raise UserError("request_title_empty")
    if not 1 <= within_hours <= 24 * 30:
        raise UserError("within_hours_bad", value=within_hours)
    if occurred > now:
        raise UserError("occurred_future", occurred=occurred.strftime("%H:%M %d/%m/%Y"),
                        now=now.strftime("%H:%M %d/%m/%Y"))
    incident = Incident(0, unit.code, unit.name, title.strip(), occurred, occurred + timedelta(hours=within_hours),
                        recorded_at)
    with ledger.write():
        number = ledger.add_incident(incident, recorded_by)
    return incident._replace(id=number)


# ---------------------------------------------------------------------------- reminders


class RemindItem(NamedTuple):
    unit: Unit
    rows: list[Row]
    #: what the reminder is about ("monthly/2026-02;q1/2026-Q1"), to recognise the same reminder
    key: str
    #: the same reminder, already sent on this day
    sent_before: Reminder | None


def remind_plan(
    config: Config, ledger: Reader, as_of: date, unit: Unit | None = None, now: datetime | None = None
) -> list[RemindItem]:
    """For each unit with overdue or soon-due reports (in units.yaml order): what to remind it of."""
    from khoagiao_cli.outputs.mail import instances_key

    rows = due_rows(config, ledger, as_of, config.settings.due_soon_days, unit, now)
    by_unit: dict[str, list[Row]] = {}
    for r in rows:
        if r.instance.unit != config.office.code:
            by_unit.setdefault(r.instance.unit, []).append(r)
    sent: dict[str | None, list[Reminder]] = {}
    for reminder in ledger.reminders(day=as_of):
        if reminder.kind == "unit":
            sent.setdefault(reminder.unit, []).append(reminder)
    out = []
    for u in config.units:
        if u.code in by_unit:
            key = instances_key(by_unit[u.code])
            before = next((r for r in sent.get(u.code, []) if r.instances == key), None)
            out.append(RemindItem(u, by_unit[u.code], key, before))
    return out


def record_reminder(ledger: Ledger, reminder: Reminder) -> int:
    with ledger.write():
        return ledger.add_reminder(reminder)
