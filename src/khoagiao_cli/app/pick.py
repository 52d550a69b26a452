"""Which report a clerk means: a unit and a report as typed, then one period of it. Every command that names a
report (submit, withdraw, explain, import) picks it here."""

from datetime import date, timedelta
from typing import NamedTuple

from khoagiao_cli.core.adhoc import INCIDENT, incident_slot, request_slot
from khoagiao_cli.core.dates import add_months
from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.schedule import Instance, expand, not_owed, replaced_by, rules_owed
from khoagiao_cli.core.status import Event, Key
from khoagiao_cli.errors import Msg, Named, UserError
from khoagiao_cli.store.base import Reader


class Target(NamedTuple):
    """A unit and one of its reports: a periodic rule, a one-off request, or its urgent incident reports."""

    unit: Unit
    #: the report id: a rule's, a request's, or "incident"
    report: str
    #: the rule, for a periodic report; None for a request or an incident
    rule: Rule | None
    #: the unit's instances of a request or incident (none for a rule: its periods are computed)
    adhoc: tuple[Instance, ...] = ()


def target(config: Config, reader: Reader, unit_query: str, report_query: str) -> Target:
    """The unit and report a clerk typed; a report the unit does not owe is bad input."""
    unit = find_unit(config, unit_query)
    query = report_query.strip().lower()
    if query == INCIDENT:
        return Target(unit, INCIDENT, None, tuple(Instance(unit.code, incident_slot(i)) for i in reader.incidents(unit.code)))
    for request in reader.requests():
        if request.id.lower() == query:
            if unit.code not in request.units:
                raise UserError("unit_not_requested", unit=unit.code, request=request.id)
            return Target(unit, request.id, None, (Instance(unit.code, request_slot(config.calendar, request)),))
    rule = find_rule(config, report_query)
    if rule.id not in rules_owed(config, unit):
        raise UserError("unit_not_owing", unit=unit.code, rule=Named(rule.name, rule.name_en))
    return Target(unit, rule.id, rule, ())


def named(config: Config, report: str) -> Named | Msg:
    """A report as a message names it: a rule by its name, an urgent report in words, a request by its id."""
    rule = config.rule_by_id.get(report)
    if rule is not None:
        return Named(rule.name, rule.name_en)
    return Msg("incident_report") if report == INCIDENT else Named(report)


def period_label(config: Config, chosen: Target, period: str) -> str:
    """The canonical label of a period as typed ("3/2026" → "2026-03"), checked against the rule's periods."""
    if chosen.rule is None:
        return period.strip()
    return find_slot(chosen.rule, period, config.calendar).period


def instance_for(config: Config, chosen: Target, period: str) -> Instance:
    """The instance of an explicitly named period; one the unit does not owe is bad input, saying why."""
    if chosen.rule is None:
        label = period.strip()
        found = next((i for i in chosen.adhoc if i.period == label), None)
        if found is None:
            raise UserError("period_unknown_adhoc", period=label, report=named(config, chosen.report),
                            known=", ".join(i.period for i in chosen.adhoc) or "-")
        return found
    slot = find_slot(chosen.rule, period, config.calendar)
    reason = not_owed(config, chosen.unit, chosen.rule, slot)
    if reason == "period_replaced":
        other = replaced_by(config, chosen.unit, chosen.rule, slot) or ""
        raise UserError(reason, period=slot.period, rule=named(config, chosen.report), other=named(config, other),
                        other_id=other)
    if reason is not None:
        raise UserError(reason, unit=chosen.unit.code, rule=named(config, chosen.report), period=slot.period)
    return Instance(chosen.unit.code, slot)


def earliest(config: Config, chosen: Target, *, received: date, since: date, in_force: dict[Key, Event],
             correct: bool) -> Instance:
    """The period a clerk means when giving none: the earliest still open that had begun by `received`
    (for a correction: the latest one that has a submission in force). `since` is where tracking starts."""
    if chosen.rule is None:
        choices = sorted(chosen.adhoc, key=lambda i: i.slot.deadline_at or i.deadline)
    else:
        if correct:  # a correction may go before tracking started: back to the earliest year with a submission
            years = [int(key[2][:4]) for key in in_force if key[2][:4].isascii() and key[2][:4].isdigit()]
            since = min(since, date(min(years), 1, 1)) if years else since
        choices = [
            i for i in expand(config, since, add_months(received, 36), [chosen.unit])
            if i.report == chosen.report and i.slot.period_start <= received
        ]
    if correct:
        done = [i for i in choices if i.key in in_force]
        if done:
            return done[-1]
        raise UserError("nothing_to_correct_any", unit=chosen.unit.code, rule=named(config, chosen.report))
    open_ = [i for i in choices if i.key not in in_force]
    if open_:
        return open_[0]
    done = [i for i in choices if i.key in in_force]
    if done:  # the same report recorded again: say which record holds it
        latest = in_force[done[-1].key]
        raise UserError("no_outstanding_done", unit=chosen.unit.code, rule=named(config, chosen.report),
                        period=latest.period, event=latest.id, received=latest.received)
    raise UserError("no_outstanding", unit=chosen.unit.code, rule=named(config, chosen.report))


def doubts(config: Config, chosen: Target, instance: Instance, received: date, today: date) -> Msg | None:
    """Why a period typed for a periodic report looks mistyped (None: it looks right): its deadline is beyond the
    due-soon window and another period of the same report falls due before it (a report sent a few days early is
    the nearest one, never a typo), or the report was received before the period began."""
    slot = instance.slot
    found = []
    until = config.due_soon_until(today)
    if slot.deadline > until:
        sooner = [i for i in expand(config, today + timedelta(days=1), slot.deadline - timedelta(days=1), [chosen.unit])
                  if i.report == chosen.report]
        if sooner:
            found.append(Msg("doubt_far", {"period": slot.period, "deadline": slot.deadline,
                                           "n": (slot.deadline - today).days, "until": until,
                                           "sooner": sooner[0].period, "sooner_deadline": sooner[0].deadline}))
    if received < slot.period_start:
        found.append(Msg("doubt_early", {"received": received, "period": slot.period, "start": slot.period_start}))
    if not found:
        return None
    return found[0] if len(found) == 1 else Msg("doubt_both", {"first": found[0], "second": found[1]})


def report_id(config: Config, reader: Reader, query: str) -> str:
    """A report as typed, to look events up by: "incident", a one-off request's id, or a rule's id or name."""
    wanted = query.strip().lower()
    if wanted == INCIDENT or any(r.id == wanted for r in reader.requests(include_cancelled=True)):
        return wanted
    return find_rule(config, query).id
