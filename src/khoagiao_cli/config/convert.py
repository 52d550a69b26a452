"""From validated files to the core's values: the checks across keys that one key alone cannot make (unique ids,
known references, orders), and the conversion, where keys with the core's names pass straight through."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pydantic import BaseModel

from khoagiao_cli.config.schema import DAY_OFF, WEEKDAYS, Loc, ScheduleFile, UnitsFile
from khoagiao_cli.core.model import PERIOD_MONTHS, Config, MailSettings, Meeting, Office, Rule, Settings, Unit
from khoagiao_cli.core.succession import cycle
from khoagiao_cli.errors import Msg

#: the longest break one days_off entry may hold (Tết is nine days; a year of days off is a typo)
MAX_DAYS_OFF = 60


def cross_check(schedule: ScheduleFile, units: UnitsFile) -> Iterator[tuple[str, Loc, Msg]]:
    """(file, key path, problem) of what one key alone cannot say: unique ids, known references, orders."""
    rule_ids: list[str] = []
    for i, rule in enumerate(schedule.rules):
        if rule.id in rule_ids:
            yield "schedule.yaml", ("rules", i, "id"), Msg("cfg_duplicate_id", {"value": rule.id})
        rule_ids.append(rule.id)
        if (rule.before is None) == (rule.by is None):
            yield "schedule.yaml", ("rules", i), Msg("cfg_before_or_by")
        count = 12 // PERIOD_MONTHS[rule.frequency]
        for j, p in enumerate(rule.periods or ()):
            if p > count:
                yield "schedule.yaml", ("rules", i, "periods", j), Msg("cfg_period_index", {"value": p, "count": count})
    for i, rule in enumerate(schedule.rules):
        if rule.replaces is not None and (rule.replaces not in rule_ids or rule.replaces == rule.id):
            known = ", ".join(r for r in rule_ids if r != rule.id)
            yield "schedule.yaml", ("rules", i, "replaces"), Msg("cfg_unknown_rule", {"value": rule.replaces,
                                                                                      "known": known})
    codes: set[str] = set()
    for i, unit in enumerate(units.units):
        if unit.code in codes:
            yield "units.yaml", ("units", i, "code"), Msg("cfg_duplicate_id", {"value": unit.code})
        codes.add(unit.code)
        for j, rid in enumerate(unit.reports or ()):
            if rid not in rule_ids:
                yield "units.yaml", ("units", i, "reports", j), Msg("cfg_unknown_rule", {"value": rid,
                                                                                         "known": ", ".join(rule_ids)})
        if unit.active_from and unit.active_until and unit.active_until < unit.active_from:
            yield "units.yaml", ("units", i, "active_until"), Msg("cfg_active_order")
    for i, unit in enumerate(units.units):
        if unit.successor is not None and (unit.successor not in codes or unit.successor == unit.code):
            yield "units.yaml", ("units", i, "successor"), Msg("cfg_unknown_unit", {"value": unit.successor})
    after = {u.code: u.successor for u in units.units if u.successor and u.successor != u.code}
    found = cycle(after)
    if found:
        first = next(i for i, u in enumerate(units.units) if u.code == found[0])
        yield "units.yaml", ("units", first, "successor"), Msg("cfg_successor_cycle", {"cycle": " → ".join(found)})
    if units.office.code in codes:
        yield "units.yaml", ("office", "code"), Msg("cfg_duplicate_id", {"value": units.office.code})
    for i, item in enumerate(schedule.days_off):
        if (item.date is None) == (item.from_ is None or item.to is None) or (item.date and (item.from_ or item.to)):
            yield "schedule.yaml", ("days_off", i), Msg("cfg_day_off_shape")
        elif item.from_ and item.to and item.to < item.from_:
            yield "schedule.yaml", ("days_off", i, "to"), Msg("cfg_order", {"first": "from"})
        elif item.from_ and item.to and (item.to - item.from_).days >= MAX_DAYS_OFF:
            yield "schedule.yaml", ("days_off", i, "to"), Msg("cfg_day_off_long", {"n": MAX_DAYS_OFF})
    if schedule.due_soon is not None and schedule.due_soon_days is not None:
        yield "schedule.yaml", ("due_soon_days",), Msg("cfg_due_soon_both")
    meeting_ids: set[str] = set()
    for i, meeting in enumerate(schedule.meetings):
        if meeting.id in meeting_ids:
            yield "schedule.yaml", ("meetings", i, "id"), Msg("cfg_duplicate_id", {"value": meeting.id})
        meeting_ids.add(meeting.id)
        count = 12 // PERIOD_MONTHS[meeting.frequency]
        for j, p in enumerate(meeting.periods or ()):
            if p > count:
                yield "schedule.yaml", ("meetings", i, "periods", j), Msg("cfg_period_index", {"value": p,
                                                                                               "count": count})
        months = PERIOD_MONTHS[meeting.frequency]
        if meeting.month is not None and meeting.month > months:
            yield "schedule.yaml", ("meetings", i, "month"), Msg("cfg_period_index", {"value": meeting.month,
                                                                                      "count": months})
        if meeting.end <= meeting.start:
            yield "schedule.yaml", ("meetings", i, "end"), Msg("cfg_order", {"first": "start"})


def _same(model: BaseModel, target: Any, **given: Any) -> Any:
    """`target` (a core NamedTuple) from the keys of `model` with the same names (lists as tuples), and `given`."""
    values = {}
    for name in target._fields:
        if name not in given and name in type(model).model_fields:
            value = getattr(model, name)
            values[name] = tuple(value) if isinstance(value, list) else value
    return target(**values, **given)


def to_config(schedule: ScheduleFile, units: UnitsFile) -> Config:
    """The validated files as the core's values. Keys with the core's names pass through; the rest is said here."""
    rules = tuple(
        _same(r, Rule, name_en=r.name_en or r.name, periods=tuple(sorted(set(r.periods or ()))),
              day=r.before if r.before is not None else r.by, strict=r.before is not None,
              cutoff=(r.cutoff.from_day, r.cutoff.to_day) if r.cutoff else None)
        for r in schedule.rules
    )
    unit_values = tuple(_same(u, Unit, reports=tuple(dict.fromkeys(u.reports or ()))) for u in units.units)
    days_off: dict[date, tuple[str, str]] = {}
    for item in schedule.days_off:
        first, last = (item.date, item.date) if item.date else (item.from_, item.to)
        assert first is not None and last is not None  # cross_check made sure
        vi = item.name or DAY_OFF[0]
        en = item.name_en or item.name or DAY_OFF[1]
        for n in range(first.toordinal(), last.toordinal() + 1):
            days_off[date.fromordinal(n)] = (vi, en)
    # due_soon (working or calendar days); else the older due_soon_days (calendar days); else 5 working days
    soon_days, soon_working = schedule.due_soon or (
        (schedule.due_soon_days, False) if schedule.due_soon_days is not None else (5, True))
    settings = _same(
        schedule, Settings, due_soon_days=soon_days, due_soon_working=soon_working,
        days_off=tuple((d, vi, en) for d, (vi, en) in sorted(days_off.items())),
        working_days=tuple(sorted(set(schedule.working_days))),
        mail=_same(schedule.mail, MailSettings, sender=schedule.mail.from_),
    )
    meetings = tuple(
        _same(m, Meeting, name_en=m.name_en or m.name, periods=tuple(sorted(set(m.periods or ()))),
              weekday=WEEKDAYS.index(m.weekday))
        for m in schedule.meetings
    )
    return Config(units=unit_values, rules=rules, settings=settings, meetings=meetings,
                  office=_same(units.office, Office))
