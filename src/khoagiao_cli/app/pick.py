"""Which report a clerk means: a unit and a report as typed, then one period of it. Every command that names a
report (submit, withdraw, explain, import) picks it here."""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

from khoagiao_cli.core.adhoc import INCIDENT, incident_slot, request_slot
from khoagiao_cli.core.dates import add_months
from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.schedule import Instance, Slot, expand, not_owed, replaced_by, rules_owed
from khoagiao_cli.core.status import Event, Key
from khoagiao_cli.core.succession import Succession, carry
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
    # a successor owes what its predecessors still owed: their rules too
    owing = [unit.code, *Succession.of(config).preds.get(unit.code, ())]
    if not any(rule.id in rules_owed(config, config.unit_by_code[code]) for code in owing):
        raise UserError("unit_not_owing", unit=unit.code, rule=Named(rule.name, rule.name_en))
    return Target(unit, rule.id, rule, ())


def in_force_of(config: Config, reader: Reader, chosen: Target) -> dict[Key, Event]:
    """The submissions in force of the chosen report, of the unit and of the units its work passed to or came
    from (core/succession.py): what tells whether a period is still owed, and by whom."""
    codes = Succession.of(config).family(chosen.unit.code) if chosen.rule is not None else (chosen.unit.code,)
    return {key: e for code in codes for key, e in reader.in_force(unit=code, report=chosen.report).items()}


def succeeded(config: Config, unit: Unit, verb: str, report: str, period: str | None, day: date) -> UserError:
    """`submit OLD …` for a period that ended (or a report that came, without a period) on `day`, after OLD
    ceased: which unit to name instead (the one holding the work then), and how."""
    assert unit.active_until is not None
    line = Succession.of(config)
    later = [config.unit_by_code[code] for code in line.chains.get(unit.code, ())]
    held = config.unit_by_code[line.holder(unit.code, day)]
    heir = next((u for u in later if u.owes_period_ending(day)), held) if period else held
    hint = Msg(f"succeeded_{verb}" if period else "succeeded_any",
               {"code": heir.code, "report": report, "period": period or "", "old": unit.code})
    return UserError("unit_succeeded", name=unit.name, since=unit.active_until + timedelta(days=1), code=heir.code,
                     heir=heir.name, hint=hint)


def _ceased_for(unit: Unit, day: date) -> bool:
    return bool(unit.successor) and unit.active_until is not None and day > unit.active_until


def refuse_ceased(config: Config, chosen: Target, received: date) -> None:
    """A report that came after its unit ceased, with no period named, is its successor's: guessing an old
    period of the old unit would file it wrongly."""
    if chosen.rule is not None and _ceased_for(chosen.unit, received):
        raise succeeded(config, chosen.unit, "submit", chosen.report, None, received)


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


def instance_for(config: Config, chosen: Target, period: str, in_force: Mapping[Key, Event] | None = None,
                 as_of: date | None = None, verb: str = "submit") -> Instance:
    """The instance of an explicitly named period; one the unit does not owe is bad input, saying why.

    With `in_force` (`in_force_of`) and `as_of`, a unit's successors are minded: a period carried over to the
    unit is its own; one its predecessor (or its successor) already sent is not owed again."""
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
    if in_force is not None and as_of is not None:
        found = _carried(config, chosen, slot, reason is None, in_force, as_of, explain=verb == "explain")
        if found is not None:
            return found
    if reason == "unit_inactive" and _ceased_for(chosen.unit, slot.period_end):
        raise succeeded(config, chosen.unit, verb, chosen.report, slot.period, slot.period_end)
    if reason is not None:
        raise UserError(reason, unit=chosen.unit.code, rule=named(config, chosen.report), period=slot.period)
    return Instance(chosen.unit.code, slot)


def _carried(config: Config, chosen: Target, slot: Slot, owes: bool, in_force: Mapping[Key, Event], as_of: date,
             explain: bool = False) -> Instance | None:
    """The unit's instance of `slot` once successions are applied (None: see what the unit owes by itself). To
    `explain`, the instance another unit of its line holds for it (sent or owes) is the answer."""
    line = Succession.of(config)
    code, report, period = chosen.unit.code, chosen.report, slot.period
    units = [config.unit_by_code[c] for c in line.family(code)]
    found = carry(config, [i for i in expand(config, slot.deadline, slot.deadline, units)
                           if i.report == report and i.period == period], in_force, as_of)
    mine = next((i for i in found if i.unit == code), None)
    if mine is not None:
        return mine
    # a period carried past this unit to a later one, which this unit sent while it held the work
    for i in found:
        if i.carried_from and code in line.chains.get(i.carried_from, ()) and i.key not in in_force:
            return Instance(code, i.slot, i.carried_from)
    related = (*line.preds.get(code, ()), *line.chains.get(code, ()))
    if explain:
        held = next((i for i in found if i.carried_from == code or i.unit in related), None)
        if held is not None:
            return held
    for other in related:
        sent = in_force.get((other, report, period))
        if sent is not None:
            raise UserError("period_delivered", unit=code, rule=named(config, report), period=period, other=other,
                            other_name=config.unit_name(other), received=sent.received, event=sent.id)
    # its own period, now owed by its successor: a late report of its own is still recorded under it
    return Instance(code, slot) if owes else None


def earliest(config: Config, chosen: Target, *, received: date, since: date, in_force: dict[Key, Event],
             correct: bool, as_of: date | None = None) -> Instance:
    """The period a clerk means when giving none: the earliest still open that had begun by `received`
    (for a correction: the latest one that has a submission in force). `since` is where tracking starts.
    `in_force`: `in_force_of`; periods carried over from a predecessor count (as owed on `as_of`)."""
    if chosen.rule is None:
        choices = sorted(chosen.adhoc, key=lambda i: i.slot.deadline_at or i.deadline)
    else:
        if correct:  # a correction may go before tracking started: back to the earliest year with a submission
            years = [int(key[2][:4]) for key in in_force if key[2][:4].isascii() and key[2][:4].isdigit()]
            since = min(since, date(min(years), 1, 1)) if years else since
        code = chosen.unit.code
        units = [config.unit_by_code[c] for c in Succession.of(config).family(code)]
        choices = [
            i if i.unit == code else Instance(code, i.slot)
            for i in carry(config, expand(config, since, add_months(received, 36), units), in_force, as_of or received)
            if i.report == chosen.report and i.slot.period_start <= received
            and (i.unit == code or (i.carried_from == code and i.key not in in_force))
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
    due-soon window and the report came before the month it is due in (the April report on 10/04 is early, not
    a typo; the annual report on 05/01 is likely one), or the report was received before the period began."""
    slot = instance.slot
    until = config.due_soon_until(today)
    due = min(slot.nominal_deadline or slot.deadline, slot.deadline)
    far = slot.deadline > until and received < due.replace(day=1)
    ahead = {"period": slot.period, "deadline": slot.deadline, "n": (slot.deadline - today).days, "until": until}
    early = Msg("doubt_early", {"received": received, "period": slot.period, "start": slot.period_start})
    if received < slot.period_start:  # the stronger reason: it says the received day itself
        return Msg("doubt_both", {"first": Msg("doubt_ahead", ahead), "second": early}) if far else early
    return Msg("doubt_far", {**ahead, "received": received}) if far else None


def report_id(config: Config, reader: Reader, query: str) -> str:
    """A report as typed, to look events up by: "incident", a one-off request's id, or a rule's id or name."""
    wanted = query.strip().lower()
    if wanted == INCIDENT or any(r.id == wanted for r in reader.requests(include_cancelled=True)):
        return wanted
    return find_rule(config, query).id
