"""Domain values said in words: periods, deadlines in the document's own words, why a deadline moved, time
left, statuses, names. Every face (screens, mail, letters, spreadsheets, calendar files) says them from here; a
title the ledger keeps (a one-off request's, an incident's) is said with its control characters made visible."""

from datetime import date, datetime

from khoagiao_cli.core.adhoc import INCIDENT
from khoagiao_cli.core.calendar import Reason
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot, period_index
from khoagiao_cli.core.status import DUE, LATE, OVERDUE, Row
from khoagiao_cli.i18n import Words, date_text, moment_text
from khoagiao_cli.outputs.text import visible

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def fmt(d: date) -> str:
    """dd/mm/yyyy."""
    return date_text(d)


def received_text(received: date | None, received_at: datetime | None) -> str:
    """When a report arrived: the day, and the minute when that is known (dd/mm/yyyy HH:MM, as Vietnamese text
    writes a time stamp: "nhận ngày 16/03/2026 14:00")."""
    return moment_text(received_at) if received_at else fmt(received) if received else ""


def channel_text(words: Words, channel: str | None) -> str:
    """How a report arrived, in words ("giấy", "thư điện tử"); a channel we do not know, as stored."""
    if not channel:
        return ""
    key = "channel_" + channel
    return words(key) if key in words else visible(channel, lines=False)


def percent(words: Words, rate: float, digits: int = 1) -> str:
    """66.7% in English, 66,7% in Vietnamese (a decimal comma); not for JSON or CSV, which keep the point."""
    return f"{rate * 100:.{digits}f}".replace(".", words("decimal_mark")) + "%"


def decimal(words: Words, value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", words("decimal_mark"))


def day_month(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}"


def weekday(words: Words, d: date) -> str:
    return words("weekdays").split(",")[d.weekday()]


def rule_name(words: Words, config: Config, rule_id: str) -> str:
    rule = config.rule_by_id.get(rule_id)
    return words.pick(rule.name, rule.name_en) if rule else rule_id


def report_name(words: Words, config: Config, report: str) -> str:
    """A report id in words: a rule's name, "báo cáo đột xuất" for an incident; a one-off request keeps its id."""
    return words("incident_report") if report == INCIDENT else rule_name(words, config, report)


def period_text(words: Words, frequency: str, slot: Slot) -> str:
    """"tháng 03/2026", "quý I/2026", "6 tháng đầu năm 2026", "năm 2026" (English: "03/2026", "Q1 2026" …)."""
    start = slot.period_start
    index = period_index(frequency, start)
    key = {"monthly": "period_month", "quarterly": "period_quarter", "yearly": "period_year"}.get(
        frequency, f"period_half_{index}")
    return words(key, month=f"{start.month:02d}", year=start.year, index=index, roman=ROMAN.get(index, ""))


def wording(words: Words, slot: Slot) -> str:
    """The deadline in the document's own words: "trước 20/03/2026" (before) or "chậm nhất 20/03/2026" (by)."""
    if slot.deadline_at is not None:
        return words("wording_at", at=slot.deadline_at)
    return words("wording_before" if slot.strict else "wording_by", day=slot.named_day)


def moved_note(words: Words, slot: Slot) -> str:
    """Why a deadline is not the document's day: "chuyển từ 19/04 (Chủ nhật)"; empty when it did not move."""
    if not slot.moved or slot.nominal_deadline is None:
        return ""
    why = reason(words, slot.skipped[0][1]) if slot.skipped else ""
    return words("moved_from", day=day_month(slot.nominal_deadline), reason=why)


def deadline_text(words: Words, slot: Slot, sep: str = ", ") -> str:
    """The last on-time day, with the reason it moved: "20/04/2026, chuyển từ 19/04 (Chủ nhật)"."""
    if slot.deadline_at is not None:
        return moment_text(slot.deadline_at)
    note = moved_note(words, slot)
    return fmt(slot.deadline) + (sep + note if note else "")


def left_text(words: Words, row: Row) -> str:
    """"còn 3 ngày", "hạn hôm nay", "quá 2 ngày", or in hours for an hour deadline."""
    if row.hours_left is not None:
        h = row.hours_left
        return words("hours_over", n=-h) if h < 0 else words("hours_left", n=h)
    n = row.days_left
    if n < 0:
        return words("days_over", n=-n)
    return words("days_today") if n == 0 else words("days_left", n=n)


def status_text(words: Words, row: Row) -> str:
    if row.status == LATE and row.hours_late is not None:
        return words("st_late_hours", n=row.hours_late)
    if row.status == LATE:
        return words("st_late", n=row.days_late or 0)
    if row.status == OVERDUE:
        return f"{words('st_overdue')} ({words('days_over', n=-row.days_left)})"
    if row.status == DUE:
        return f"{words('st_due')} ({left_text(words, row)})"
    return words("st_" + row.status)


def report_period(words: Words, config: Config, row: Row) -> tuple[str, str]:
    """(the report's name, its period in words) of a row."""
    slot = row.instance.slot
    if slot.title:
        return visible(slot.title), row.instance.period
    rule = config.rule_by_id.get(row.instance.report)
    name = rule_name(words, config, row.instance.report) + carried_mark(words, config, row.instance.carried_from)
    return name, period_text(words, rule.frequency, slot) if rule else row.instance.period


def carried_mark(words: Words, config: Config, old: str | None) -> str:
    """" (tiếp nhận từ STNMT)" after a report a successor took over from a unit that ceased; "" otherwise."""
    if old is None:
        return ""
    unit = config.unit_by_code.get(old)
    return " " + words("carried_from", old=(unit.short_name if unit and unit.short_name else old))


def slot_title(words: Words, config: Config, slot: Slot) -> str:
    """"Báo cáo tháng — tháng 03/2026", or a request's or incident's own title."""
    if slot.title:
        return visible(slot.title)
    rule = config.rule_by_id.get(slot.report)
    if rule is None:
        return slot.report
    return f"{rule_name(words, config, slot.report)} — {period_text(words, rule.frequency, slot)}"


def reason(words: Words, why: Reason) -> str:
    """Why a day is off, in this language: a weekend day's name, or a holiday's own name."""
    if isinstance(why, int):
        return words("weekday_names").split(",")[why]
    return words.pick(*why)
