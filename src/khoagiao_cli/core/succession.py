"""Who owes a report after its unit was renamed, merged or dissolved (pure: the as-of day and what was received
come in as parameters).

A unit's `successor` takes over what the unit still owed. Its instances (periods that ended while it existed)
with no submission in force are owed, once it has ceased, by the unit that holds its work on the as-of day: the
chain A → B → C is followed as far as the as-of day reaches. They are shown under that unit, marked as carried
from the old one. A report the old unit sent stays its own; one a successor sent for it is shown under the
sender, still marked. A successor never owes a period again that a predecessor delivered (when their dates
overlap), nor twice one it owes itself as well. Events stay attributed to whoever sent them: a successor records
a carried report under its own code (`submit snnmt monthly --period 2025-02`), which closes the old unit's period.
"""

from collections.abc import Container, Mapping, Sequence
from datetime import date

from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Instance

Key = tuple[str, str, str]


def successors(config: Config, code: str) -> tuple[str, ...]:
    """The unit's successor, its successor's, and so on (a cycle, refused when the config is read, stops it)."""
    line: list[str] = []
    unit = config.unit_by_code.get(code)
    while unit is not None and unit.successor and unit.successor not in line and unit.successor != code:
        line.append(unit.successor)
        unit = config.unit_by_code.get(unit.successor)
    return tuple(line)


def ceased(config: Config, code: str, day: date) -> bool:
    """Whether the unit no longer exists on `day` and passed its work to no one (the district committees ended
    30/06/2025): it can send nothing more, so it is not chased; what it never sent stays missing in the record."""
    unit = config.unit_by_code.get(code)
    return unit is not None and not unit.successor and unit.active_until is not None and day > unit.active_until


def cycle(after: Mapping[str, str]) -> list[str] | None:
    """The codes of a cycle of successors (A → B → A) in `after` (code → successor), if there is one: for the
    config's own check."""
    for start in after:
        trail = [start]
        while (nxt := after.get(trail[-1])) is not None:
            if nxt in trail:
                return [*trail[trail.index(nxt):], nxt]
            trail.append(nxt)
    return None


class Succession:
    """The successor chains of a configuration: built once per configuration (`of`), which never changes."""

    @classmethod
    def of(cls, config: Config) -> "Succession":
        if config.succession is None:
            config.succession = cls(config)
        return config.succession

    def __init__(self, config: Config) -> None:
        self.config = config
        self.chains = {u.code: successors(config, u.code) for u in config.units}
        preds: dict[str, list[str]] = {}
        for code, line in self.chains.items():
            for later in line:
                preds.setdefault(later, []).append(code)
        #: for each unit, every unit whose chain reaches it
        self.preds = {code: tuple(found) for code, found in preds.items()}

    def end(self, code: str) -> str:
        line = self.chains.get(code, ())
        return line[-1] if line else code

    def family(self, code: str) -> tuple[str, ...]:
        """The units whose work ends up with the same unit as `code`'s (the one asked about first)."""
        last = self.end(code)
        return (code, *(u.code for u in self.config.units if u.code != code and self.end(u.code) == last))

    def holder(self, code: str, day: date) -> str:
        """The unit of `code`'s chain that holds its work on `day`: itself until it ceases, then its successor's."""
        unit = self.config.unit_by_code.get(code)
        while unit is not None and unit.successor and unit.active_until is not None and day > unit.active_until:
            nxt = self.config.unit_by_code.get(unit.successor)
            if nxt is None or nxt.code == code:
                break
            unit = nxt
        return unit.code if unit is not None else code

    def answerable(self, instance: Instance) -> str:
        """Whose record a report counts in (the scorecard): the unit of its chain that existed on its deadline.
        A successor is not scored for a deadline that passed before it existed, nor is the old unit cleared of
        one by ceasing."""
        if instance.carried_from is None:
            return instance.unit
        day = instance.deadline
        for code in (instance.carried_from, *self.chains.get(instance.carried_from, ())):
            unit = self.config.unit_by_code.get(code)
            if unit is None or unit.active_until is None or day <= unit.active_until:
                return code
        return instance.unit


def carry(config: Config, instances: Sequence[Instance], received: Container[Key], as_of: date) -> list[Instance]:
    """The periodic instances as owed on `as_of`: each unit's open ones moved to the unit that holds its work,
    those a predecessor delivered dropped. `received`: the keys with a submission in force (by `as_of`)."""
    line = Succession.of(config)
    if not line.preds:
        return list(instances)
    native = {i.key for i in instances}
    kept: list[Instance] = []
    for i in instances:
        if i.key not in received:
            sender = next((p for p in line.preds.get(i.unit, ()) if (p, i.report, i.period) in received), None)
            if sender is not None and (sender, i.report, i.period) in native:
                continue  # a predecessor sent it: its own row says so, the successor does not owe it again
            if sender is not None:  # recorded under the old code after the change (as before units changed)
                i = Instance(sender, i.slot)
        kept.append(i)
    own = {i.key for i in kept}
    out: list[Instance] = []
    seen: set[Key] = set()
    for i in kept:
        if i.key not in received and line.chains.get(i.unit) and i.report in config.rule_by_id:
            report, period = i.report, i.period
            sender = next((c for c in line.chains[i.unit] if (c, report, period) in received), None)
            to = sender or line.holder(i.unit, as_of)
            if to != i.unit:
                if (to, report, period) in own:
                    continue  # the successor owes (or sent) that period itself: it is owed once
                i = Instance(to, i.slot, i.unit)
        if i.key not in seen:
            seen.add(i.key)
            out.append(i)
    order = {u.code: n for n, u in enumerate(config.all_units)}
    out.sort(key=lambda i: (i.deadline, order.get(i.unit, len(order))))
    return out
