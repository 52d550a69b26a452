"""Rules → report instances: where every deadline is computed, and who owes which period (pure: no clock, no disk).

A *slot* is one period of one rule with its deadline; an *instance* is a slot owed by one unit.
"""


from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import NamedTuple

from khoagiao_cli.core.calendar import MAX_RUN, Reason, WorkCalendar
from khoagiao_cli.core.dates import add_months
from khoagiao_cli.core.model import PERIOD_MONTHS, Config, Rule, Unit


class Slot(NamedTuple):
    report: str
    period: str
    period_start: date
    period_end: date
    #: the day the document names ("trước ngày 20/3" → 20/03)
    named_day: date
    #: the last on-time day, after moving off a day off
    deadline: date
    strict: bool
    #: the last on-time day by the document's words, before moving off a day off
    nominal_deadline: date | None = None
    #: the days off the deadline was moved across, each with its (Vietnamese, English) reason
    skipped: tuple[tuple[date, Reason], ...] = ()
    #: the data cut-off window the report covers (Decree 09/2019/ND-CP), if the rule sets one
    covers_from: date | None = None
    covers_to: date | None = None
    #: hour-precision deadline (urgent incident reports), timezone-aware
    deadline_at: datetime | None = None
    #: a title shown instead of the rule's name (one-off requests and incidents)
    title: str | None = None
    #: the document that asked for it ("125/CV-BTGDVTU")
    doc_number: str | None = None

    @property
    def moved(self) -> bool:
        return self.nominal_deadline is not None and self.nominal_deadline != self.deadline


class Instance(NamedTuple):
    #: the unit that owes it now (or that sent it): the one it is shown under, and its key
    unit: str
    slot: Slot
    #: the unit that owed it first, when a successor took it over (core/succession.py); None for its own
    carried_from: str | None = None

    @property
    def report(self) -> str:
        return self.slot.report

    @property
    def period(self) -> str:
        return self.slot.period

    @property
    def deadline(self) -> date:
        return self.slot.deadline

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.unit, self.slot.report, self.slot.period)


def period_label(frequency: str, start: date) -> str:
    if frequency == "monthly":
        return f"{start.year}-{start.month:02d}"
    if frequency == "quarterly":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if frequency == "half-yearly":
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    return f"{start.year}"


def period_index(frequency: str, start: date) -> int:
    return (start.month - 1) // PERIOD_MONTHS[frequency] + 1


def deadline_of(rule: Rule, period_start: date) -> tuple[date, date]:
    """(named day, last on-time day) of the rule's instance for the period starting at `period_start`.

    A day the month lacks (31 in April) is clamped to the month's last day; `before` then means the day before.
    """
    months = PERIOD_MONTHS[rule.frequency]
    named = add_months(period_start, (rule.month or months) - 1, day=rule.day)
    return named, (named - timedelta(days=1) if rule.strict else named)


def cutoff_window(rule: Rule, period_start: date, period_end: date) -> tuple[date | None, date | None]:
    """The data window: from `from_day` of the month before the period to `to_day` of its last month."""
    if rule.cutoff is None:
        return None, None
    from_day, to_day = rule.cutoff
    return add_months(period_start, -1, day=from_day), add_months(period_end, 0, day=to_day)


def rule_slots(rule: Rule, first_year: int, last_year: int, calendar: WorkCalendar | None = None) -> list[Slot]:
    """Every slot of `rule` whose period starts in first_year..last_year, in order.

    With a calendar, a deadline on a day off moves as the rule's `shift` says.
    """
    months = PERIOD_MONTHS[rule.frequency]
    first = date(first_year, 1, 1)
    count = (last_year - first_year + 1) * 12 // months
    slots = []
    for n in range(count):
        start = add_months(first, n * months)
        if rule.periods and period_index(rule.frequency, start) not in rule.periods:
            continue
        named, nominal = deadline_of(rule, start)
        deadline, skipped = calendar.shift(nominal, rule.shift) if calendar is not None else (nominal, ())
        end = add_months(start, months) - timedelta(days=1)
        covers_from, covers_to = cutoff_window(rule, start, end)
        slots.append(
            Slot(
                report=rule.id,
                period=period_label(rule.frequency, start),
                period_start=start,
                period_end=end,
                named_day=named,
                deadline=deadline,
                strict=rule.strict,
                nominal_deadline=nominal,
                skipped=skipped,
                covers_from=covers_from,
                covers_to=covers_to,
            )
        )
    return slots


def slots_in_years(config: Config, rule: Rule, first_year: int, last_year: int) -> list[Slot]:
    """`rule_slots` with the config's calendar, computed once per (rule, year) for the life of the config."""
    table = config.slot_table
    out: list[Slot] = []
    for year in range(first_year, last_year + 1):
        slots = table.get((rule.id, year))
        if slots is None:
            slots = tuple(rule_slots(rule, year, year, config.calendar))
            table[(rule.id, year)] = slots
        out.extend(slots)
    return out


def slot_for_period(rule: Rule, period: str, calendar: WorkCalendar | None = None) -> Slot | None:
    """The rule's slot with this exact label, or None when the rule has no such period."""
    year_text = period[:4]
    if not (year_text.isascii() and year_text.isdigit()):  # "²" is a digit to isdigit(), not to int()
        return None
    year = int(year_text)
    for slot in rule_slots(rule, year, year, calendar):
        if slot.period == period:
            return slot
    return None


def _years_late(rule: Rule) -> int:
    """How many years after its period's year a deadline can fall (a yearly report due in January: 1)."""
    months = PERIOD_MONTHS[rule.frequency]
    return (11 - months + (rule.month or months)) // 12


def rules_owed(config: Config, unit: Unit) -> tuple[str, ...]:
    """The rules a unit reports on: its `reports`, or every rule of the units (not the Commission's own)."""
    return unit.reports or config.unit_rules


#: what decides which slots a unit owes: its rules and its active dates (the three tests read nothing else)
OwingClass = tuple[tuple[str, ...], date | None, date | None]


def owing_class(config: Config, unit: Unit) -> OwingClass:
    """Units of the same class owe the same slots: `expand` and `owed_by_class` find them once per class."""
    return rules_owed(config, unit), unit.active_from, unit.active_until


def _slots_by_rule(config: Config, start: date, end: date) -> dict[str, list[Slot]]:
    """Each rule's slots that can have a deadline in [start, end] (a moved deadline can cross a year's end)."""
    reach = timedelta(days=MAX_RUN)
    return {
        r.id: slots_in_years(
            config,
            r,
            (start - reach if r.shift == "next_working_day" else start).year - _years_late(r),
            (end + reach if r.shift == "previous_working_day" else end).year,
        )
        for r in config.rules
    }


def _replacing(config: Config, by_rule: dict[str, list[Slot]], owed: tuple[str, ...],
               ) -> dict[tuple[str | None, int, int], str]:
    """(rule, year, month) of each deadline that a rule the unit owes takes the place of, with that rule's id
    (the Q1 report is March's monthly report, H1 June's, Q3 September's)."""
    out: dict[tuple[str | None, int, int], str] = {}
    for rid in owed:
        rule = config.rule_by_id[rid]
        if rule.replaces:
            out.update({(rule.replaces, s.named_day.year, s.named_day.month): rid for s in by_rule[rid]})
    return out


def _why_not_owed(unit: Unit, rule_id: str, slot: Slot, owed: tuple[str, ...],
                  replacing: dict[tuple[str | None, int, int], str]) -> str | None:
    """The three tests of "does this unit owe this period", for `not_owed` and `expand` alike."""
    if rule_id not in owed:
        return "unit_not_owing"
    if not unit.owes_period_ending(slot.period_end):
        return "unit_inactive"
    if (rule_id, slot.named_day.year, slot.named_day.month) in replacing:
        return "period_replaced"
    return None


def not_owed(config: Config, unit: Unit, rule: Rule, slot: Slot) -> str | None:
    """Why `unit` owes no report for `rule` in `slot`'s period (a message key), or None when it owes one."""
    owed = rules_owed(config, unit)
    return _why_not_owed(unit, rule.id, slot, owed, _replacing(config, _slots_by_rule(config, slot.named_day,
                                                                                      slot.named_day), owed))


def replaced_by(config: Config, unit: Unit, rule: Rule, slot: Slot) -> str | None:
    """The rule whose report takes the place of `rule`'s in `slot`'s deadline month, if one does."""
    owed = rules_owed(config, unit)
    replacing = _replacing(config, _slots_by_rule(config, slot.named_day, slot.named_day), owed)
    return replacing.get((rule.id, slot.named_day.year, slot.named_day.month))


def expand(config: Config, start: date, end: date, units: Sequence[Unit] | None = None) -> list[Instance]:
    """Every instance owed by `units` (default: all) whose deadline is in [start, end], sorted.

    Sorted by deadline, then by the order of units and rules in the configuration.
    """
    if end < start:
        return []
    by_rule = _slots_by_rule(config, start, end)
    in_window = {rid: [s for s in slots if start <= s.deadline <= end] for rid, slots in by_rule.items()}
    rule_order = {r.id: i for i, r in enumerate(config.rules)}
    replacing: dict[tuple[str, ...], dict[tuple[str | None, int, int], str]] = {}
    # each class's slots (owing_class) found once, with their deadline's day number and the rule's place, to sort by
    owing: dict[OwingClass, list[tuple[int, int, Slot]]] = {}

    out: list[tuple[int, int, int, Instance]] = []
    for unit_index, unit in enumerate(units if units is not None else config.all_units):
        found = owing.get(key := owing_class(config, unit))
        if found is None:
            owed = key[0]
            taken = replacing.get(owed)
            if taken is None:
                taken = replacing[owed] = _replacing(config, by_rule, owed)
            found = owing[key] = [(slot.deadline.toordinal(), rule_order[rid], slot) for rid in owed
                                  for slot in in_window.get(rid, ()) if _why_not_owed(unit, rid, slot, owed, taken) is None]
        code = unit.code
        out += [(day, unit_index, place, Instance(code, slot)) for day, place, slot in found]
    out.sort(key=lambda item: item[:3])
    return [item[3] for item in out]


def year_instances(config: Config, year: int, units: Sequence[Unit] | None = None) -> list[Instance]:
    """The instances of a year: those whose deadline falls in it."""
    return expand(config, date(year, 1, 1), date(year, 12, 31), units)


def year_slots(config: Config, year: int) -> list[Slot]:
    """The year's deadlines of every rule, replacements applied as for a unit that owes every rule."""
    everyone = Unit(code="*", name="*", reports=tuple(r.id for r in config.rules))
    return [inst.slot for inst in year_instances(config, year, [everyone])]


def owed_by_class(config: Config, start: date, end: date, units: Sequence[Unit],
                  ) -> tuple[dict[str, int], list[list[Slot]]]:
    """The units grouped by what they owe: units owing the same rules over the same active dates owe the same
    slots. Returns each unit's class (a unit that owes nothing in the window has none) and each class's slots with
    a deadline in [start, end], found by `expand` for one unit of the class (the same three tests)."""
    classes: dict[OwingClass, int] = {}
    member: dict[str, int] = {}
    slots: list[list[Slot]] = []
    for unit in units:
        key = owing_class(config, unit)
        cls = classes.get(key)
        if cls is None:
            cls = classes[key] = len(slots)
            slots.append([i.slot for i in expand(config, start, end, [unit])])
        if slots[cls]:
            member[unit.code] = cls
    return member, slots
