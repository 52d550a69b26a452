"""The validated configuration as plain, immutable values: what the pure core works on.

config.py validates YAML with pydantic and produces these; a validated config is cached in this
form so that the daily commands start without YAML or pydantic.
"""

from __future__ import annotations

from typing import NamedTuple
from datetime import date

FREQUENCIES = ("monthly", "quarterly", "half-yearly", "yearly")
#: months in one period of each frequency
PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}
CHANNELS = ("paper", "email", "eoffice", "other")


class Rule(NamedTuple):
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


class Unit(NamedTuple):
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


class Settings(NamedTuple):
    timezone: str = "Asia/Ho_Chi_Minh"
    due_soon_days: int = 7
    tracking_start: date | None = None


class Config:
    """Units, rules and settings, with look-ups by code and id."""

    __slots__ = ("units", "rules", "settings", "unit_by_code", "rule_by_id")

    def __init__(self, units: tuple[Unit, ...], rules: tuple[Rule, ...], settings: Settings) -> None:
        self.units = units
        self.rules = rules
        self.settings = settings
        self.unit_by_code = {u.code: u for u in units}
        self.rule_by_id = {r.id: r for r in rules}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return (self.units, self.rules, self.settings) == (other.units, other.rules, other.settings)

    def __hash__(self) -> int:
        return hash((self.units, self.rules, self.settings))

    def to_plain(self) -> tuple:
        """Only tuples, strings, ints and None (dates as ordinals): what `marshal` can store."""
        return (
            tuple(tuple(_ordinal(v) for v in u) for u in self.units),
            tuple(tuple(r) for r in self.rules),
            tuple(_ordinal(v) for v in self.settings),
        )

    @classmethod
    def from_plain(cls, plain: tuple) -> Config:
        units, rules, settings = plain
        return cls(
            units=tuple(Unit(*(_date(v) if i in _UNIT_DATES else v for i, v in enumerate(u))) for u in units),
            rules=tuple(Rule(*r) for r in rules),
            settings=Settings(*(_date(v) if i == _SETTINGS_DATE else v for i, v in enumerate(settings))),
        )

    def rule_name(self, rule_id: str, lang: str) -> str:
        rule = self.rule_by_id.get(rule_id)
        if rule is None:
            return rule_id
        return rule.name_en if lang == "en" and rule.name_en else rule.name

    def unit_name(self, code: str) -> str:
        unit = self.unit_by_code.get(code)
        return unit.name if unit else code


_UNIT_DATES = {Unit._fields.index("active_from"), Unit._fields.index("active_until")}
_SETTINGS_DATE = Settings._fields.index("tracking_start")


def _ordinal(value: object) -> object:
    return value.toordinal() if isinstance(value, date) else value


def _date(value: object) -> date | None:
    return date.fromordinal(value) if isinstance(value, int) else None
