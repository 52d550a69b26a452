"""The validated configuration as plain, immutable values: what the pure core works on.

config/schema.py validates the YAML files with pydantic and produces these (keys with the same names pass
straight through); config/cache.py stores them by field name so that the daily commands start without YAML or
pydantic.
"""


from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from khoagiao_cli.core.calendar import HolidaySource, WorkCalendar, vn_holidays

if TYPE_CHECKING:
    from khoagiao_cli.core.schedule import Slot
    from khoagiao_cli.core.succession import Succession

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
    #: where a deadline on a day off moves: next_working_day (Civil Code art. 148), previous_working_day, none
    shift: str = "next_working_day"
    #: data cut-off window (from-day in the month before the period, to-day in its last month); None = none
    cutoff: tuple[int, int] | None = None
    #: "units" (the units report to the Commission) or "office" (the Commission's own report upward)
    owner: str = "units"
    #: to whom the Commission sends its own report
    recipient: str | None = None


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
    #: the unit that took over its work (a code), for a unit merged or renamed
    successor: str | None = None

    def active_on(self, day: date) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or day <= self.active_until
        )

    def owes_period_ending(self, period_end: date) -> bool:
        """A unit owes only periods that end while it exists."""
        if self.active_from is not None and period_end < self.active_from:
            return False
        return self.active_until is None or period_end <= self.active_until


class Office(NamedTuple):
    """The Commission itself: the recipient of the units' reports and the owner of its own reports."""

    code: str = "ban"
    name: str = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    short_name: str | None = None
    province: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    #: the party committee above it, first line of a letter's header ("TỈNH ỦY KHÁNH HÒA")
    parent: str | None = None
    #: the place written before a letter's date ("Khánh Hòa, ngày …")
    place: str | None = None
    #: "K/T TRƯỞNG BAN" when a deputy signs
    signer_authority: str | None = None
    #: where units e-mail their report files
    email: str | None = None
    #: the document the reporting duty comes from ("Kế hoạch số 12-KH/TGTU …")
    basis: str | None = None
    #: the office's document symbol, for a letter's number ("CV/BTGDVTU")
    symbol: str | None = None


class MailSettings(NamedTuple):
    """SMTP settings from schedule.yaml (`mail:`); KHOAGIAO_SMTP_* and KHOAGIAO_MAIL_FROM override them.
    The password only ever comes from KHOAGIAO_SMTP_PASSWORD."""

    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    sender: str | None = None
    user: str | None = None
    cafile: str | None = None


class Meeting(NamedTuple):
    """A recurring meeting: on `weekday` of the first or last week of a month of each period."""

    id: str
    name: str
    name_en: str
    frequency: str
    periods: tuple[int, ...]
    #: month counted from the period's first month; None = the period's last month
    month: int | None
    #: "first" or "last"
    week: str
    #: 0 = Monday ... 4 = Friday
    weekday: int
    #: "HH:MM"
    start: str
    end: str
    place: str | None = None


class Settings(NamedTuple):
    timezone: str = "Asia/Ho_Chi_Minh"
    #: how far ahead a report is "due soon": in working days of the office calendar (`due_soon: 5 ngày làm
    #: việc`), or calendar days (`due_soon: 7 ngày`, or the older key `due_soon_days: 7`)
    due_soon_days: int = 5
    due_soon_working: bool = True
    tracking_start: date | None = None
    #: public holidays: "VN" (the `holidays` package) or "none"
    holidays: str = "VN"
    #: the office's extra days off: (date, Vietnamese name, English name)
    days_off: tuple[tuple[date, str, str], ...] = ()
    #: swapped working days (a worked Saturday)
    working_days: tuple[date, ...] = ()
    mail: MailSettings = MailSettings()
    #: the ledger schedule.yaml names (`db:`): a file (relative to its folder) or a postgresql:// URL
    db: str | None = None
    #: where a server ledger's received files are kept for every PC (`files:`; relative to its folder)
    files: str | None = None


class Config:
    """Units, rules, meetings, the office and settings, with look-ups by code and id, and the office calendar.

    Its values never change once built (`with_holidays` gives another one). What grows are memos of what those
    values and that calendar give, kept for the config's lifetime: `slot_table` (the deadlines) and `succession`
    (the successor chains).
    """

    #: what a configuration is made of (the rest is derived from these)
    FIELDS = ("units", "rules", "settings", "meetings", "office")

    __slots__ = (
        "units", "rules", "settings", "meetings", "office", "all_units", "unit_by_code", "rule_by_id", "calendar",
        "unit_rules", "slot_table", "succession",
    )

    def __init__(
        self,
        units: tuple[Unit, ...],
        rules: tuple[Rule, ...],
        settings: Settings,
        meetings: tuple[Meeting, ...] = (),
        office: Office = Office(),
        holidays: HolidaySource | None = None,
    ) -> None:
        self.units = units
        self.rules = rules
        self.settings = settings
        self.meetings = meetings
        self.office = office
        #: the units, and the Commission itself when it has reports of its own
        self.all_units = units + ((self.office_unit(),) if any(r.owner == "office" for r in rules) else ())
        self.unit_by_code = {u.code: u for u in self.all_units}
        self.rule_by_id = {r.id: r for r in rules}
        #: the rules a unit owes when its `reports` are not listed: every rule but the Commission's own
        self.unit_rules = tuple(r.id for r in rules if r.owner == "units")
        #: public holidays from `holidays` (a source of them by year; default: the `holidays` package)
        source = None if settings.holidays == "none" else (holidays or vn_holidays)
        self.calendar = WorkCalendar(source, {d: (vi, en) for d, vi, en in settings.days_off}, settings.working_days)
        #: computed deadlines, by (rule id, year the period starts): filled as needed
        self.slot_table: dict[tuple[str, int], tuple[Slot, ...]] = {}
        #: the successor chains of these units (core/succession.py): built on first use
        self.succession: Succession | None = None

    def with_holidays(self, source: HolidaySource) -> "Config":
        """The same configuration, its public holidays taken from `source` (the CLI's cached copy)."""
        return Config(self.units, self.rules, self.settings, self.meetings, self.office, holidays=source)

    def _values(self) -> tuple[object, ...]:
        return (self.units, self.rules, self.settings, self.meetings, self.office)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Config):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def due_soon_until(self, as_of: date, within: int | None = None) -> date:
        """The last deadline day that is "due soon" on `as_of`: `within` (default: the setting) working days ahead
        when the setting counts working days, so that the reports due after Tết show before it; else calendar
        days."""
        n = self.settings.due_soon_days if within is None else within
        if self.settings.due_soon_working:
            return self.calendar.add_working_days(as_of, n)
        return as_of + timedelta(days=n)

    def due_soon_from(self, deadline: date) -> date:
        """The first day on which a report due on `deadline` is "due soon" (when the calendar file's alarm rings)."""
        day = deadline
        for _ in range(3660):
            if self.due_soon_until(day - timedelta(days=1)) < deadline:
                break
            day -= timedelta(days=1)
        return day

    def unit_name(self, code: str) -> str:
        unit = self.unit_by_code.get(code)
        return unit.name if unit else code

    def office_unit(self) -> Unit:
        """The Commission as the owner of its own reports."""
        own = tuple(r.id for r in self.rules if r.owner == "office")
        return Unit(code=self.office.code, name=self.office.name, short_name=self.office.short_name,
                    group="office", reports=own)
