"""The validated configuration as plain, immutable values: what the pure core works on.

config.py validates YAML with pydantic and produces these; a validated config is cached in this
form so that the daily commands start without YAML or pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FREQUENCIES = ("monthly", "quarterly", "half-yearly", "yearly")
#: months in one period of each frequency
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}
CHANNELS = ("paper", "email", "eoffice", "other")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    name: str
    name_en: str
    frequency: str
    #: which periods of the year (1-based) the rule asks for; empty = all of them
    periods: tuple[int, ...]
    #: month of the deadline counted from the period's first month; None = the period's last month
    month: int | None
    #: the day of the month the document names
    day: int
    #: True for "before: day" (the named day is already late), False for "by: day"
    strict: bool
    #: the rule whose instance in the same deadline month this one takes the place of
    replaces: str | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    short_name: str | None = None
    group: str | None = None
    email: tuple[str, ...] = ()
    #: rule ids the unit owes; empty = every rule
    reports: tuple[str, ...] = ()
    active_from: date | None = None
    active_until: date | None = None

    def owes_period_ending(self, period_end: date) -> bool:
        """A unit owes only periods that end while it exists."""
        if self.active_from is not None and period_end < self.active_from:
            return False
        return self.active_until is None or period_end <= self.active_until


@dataclass(frozen=True, slots=True)
class Settings:
    timezone: str = "Asia/Ho_Chi_Minh"
    due_soon_days: int = 7
    tracking_start: date | None = None


@dataclass(frozen=True)
class Config:
    units: tuple[Unit, ...]
    rules: tuple[Rule, ...]
    settings: Settings
    unit_by_code: dict[str, Unit] = field(init=False, repr=False, compare=False)
    rule_by_id: dict[str, Rule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit_by_code", {u.code: u for u in self.units})
        object.__setattr__(self, "rule_by_id", {r.id: r for r in self.rules})

    def rule_name(self, rule_id: str, lang: str) -> str:
        rule = self.rule_by_id.get(rule_id)
        if rule is None:
            return rule_id
        return rule.name_en if lang == "en" and rule.name_en else rule.name

    def unit_name(self, code: str) -> str:
        unit = self.unit_by_code.get(code)
        return unit.name if unit else code
