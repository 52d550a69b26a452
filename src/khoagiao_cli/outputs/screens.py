"""Human output: Rich tables for a terminal, plain text (no colour, no box drawing) for pipes and cron."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from khoagiao_cli.core.dates import fmt
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import Slot, deadline_wording, period_text
from khoagiao_cli.core.status import DUE, LATE, ON_TIME, OVERDUE, UPCOMING, Event, Row
from khoagiao_cli.i18n import get_lang, t

if TYPE_CHECKING:
    from rich.table import Table

STYLE = {OVERDUE: "bold red", DUE: "yellow", ON_TIME: "green", LATE: "dark_orange", UPCOMING: "dim"}


def wording(slot: Slot) -> str:
    return deadline_wording(slot, get_lang())


def weekday(d: date) -> str:
    return t("weekdays").split(",")[d.weekday()]


def moved_note(slot: Slot) -> str:
    """Why a deadline is not the document's day: "chuyển từ 19/04 (Chủ nhật)"; empty when it did not move."""
    if not slot.moved or slot.nominal_deadline is None:
        return ""
    nominal = slot.nominal_deadline
    reason = slot.skipped[0][1] if slot.skipped else ("", "")
    return t("moved_from", day=f"{nominal.day:02d}/{nominal.month:02d}", reason=reason[1] if get_lang() == "en" else reason[0])


def deadline_text(slot: Slot, sep: str = ", ") -> str:
    """The last on-time day, with the reason it moved: "20/04/2026, chuyển từ 19/04 (Chủ nhật)"."""
    if slot.deadline_at is not None:
        return slot.deadline_at.strftime("%H:%M %d/%m/%Y")
    note = moved_note(slot)
    return fmt(slot.deadline) + (sep + note if note else "")


class Footnotes:
    """Why deadlines moved, said once below a table ("¹ chuyển từ 19/02 (Tết)"), so that rows stay one line."""

    MARKS = "¹²³⁴⁵⁶⁷⁸⁹"

    def __init__(self) -> None:
        self.notes: dict[str, str] = {}

    def deadline(self, slot: Slot) -> str:
        note = moved_note(slot)
        if slot.deadline_at is not None or not note:
            return deadline_text(slot)
        if note not in self.notes and len(self.notes) >= len(self.MARKS):
            return deadline_text(slot)  # more reasons than marks: say it in the row
        mark = self.notes.setdefault(note, self.MARKS[len(self.notes)])
        return fmt(slot.deadline) + mark

    def caption(self, *more: str) -> str | None:
        lines = [*(f"{mark} {note}" for note, mark in self.notes.items()), *(m for m in more if m)]
        return "\n".join(lines) or None


def left_text(row: Row) -> str:
    if row.hours_left is not None:
        h = row.hours_left
        return t("hours_over", n=-h) if h < 0 else t("hours_left", n=h)
    n = row.days_left
    if n < 0:
        return t("days_over", n=-n)
    return t("days_today") if n == 0 else t("days_left", n=n)


def status_text(row: Row) -> str:
    if row.status == LATE and row.hours_late is not None:
        return t("st_late_hours", n=row.hours_late)
    if row.status == LATE:
        return t("st_late", n=row.days_late)
    if row.status == OVERDUE:
        return f"{t('st_overdue')} ({t('days_over', n=-row.days_left)})"
    if row.status == DUE:
        return f"{t('st_due')} ({left_text(row)})"
    return t("st_" + row.status)


def report_period(config: Config, row: Row) -> tuple[str, str]:
    slot = row.instance.slot
    if slot.title:
        return slot.title, row.instance.period
    rule = config.rule_by_id.get(row.instance.report)
    lang = get_lang()
    name = config.rule_name(row.instance.report, lang)
    return name, period_text(rule.frequency, slot, lang) if rule else row.instance.period


def split_office(rows: Sequence[Row], config: Config) -> tuple[list[Row], list[Row]]:
    """(the units' rows, the Commission's own rows): the office's obligations are shown apart."""
    code = config.office.code
    return [r for r in rows if r.instance.unit != code], [r for r in rows if r.instance.unit == code]


def columns(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Left-aligned columns of plain text (widths by character cells, accents counted once)."""
    import unicodedata

    def width(s: str) -> int:
        return len(s) if s.isascii() else len(unicodedata.normalize("NFC", s))

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))] if rows else []
    out = []
    for r in rows:
        cells = [c + " " * (widths[i] - width(c)) for i, c in enumerate(r)]
        out.append(gap.join(cells).rstrip())
    return out


# ---------------------------------------------------------------------------- due


def due_plain(rows: Sequence[Row], config: Config, as_of: date, until: date) -> str:
    head = t("due_title", as_of=fmt(as_of), until=fmt(until))
    units_rows, own_rows = split_office(rows, config)

    def lines(part: Sequence[Row]) -> list[str]:
        cells = []
        for r in part:
            name, period = report_period(config, r)
            cells.append([
                t("st_" + r.status), r.instance.unit, config.unit_name(r.instance.unit),
                f"{name} ({r.instance.period})", wording(r.instance.slot), deadline_text(r.instance.slot), left_text(r),
            ])
        return columns(cells)

    out = [head, *lines(units_rows)]
    if own_rows:
        out += ["", t("own_reports_title"), *lines(own_rows)]
    return "\n".join([*out, _due_summary(rows)]) + "\n"


def _due_summary(rows: Sequence[Row]) -> str:
    overdue = sum(1 for r in rows if r.status == OVERDUE)
    return t("due_summary", overdue=overdue, due=len(rows) - overdue)


def due_table(rows: Sequence[Row], config: Config, as_of: date, until: date) -> Any:
    from rich import box
    from rich.table import Table

    units_rows, own_rows = split_office(rows, config)
    notes = Footnotes()

    def table_of(part: Sequence[Row], title: str, last: bool) -> Table:
        table = Table(title=title, box=box.SIMPLE_HEAD)
        table.add_column(t("col_unit"))
        table.add_column(t("col_report"))
        table.add_column(t("col_deadline_words"))
        table.add_column(t("col_left"), no_wrap=True)
        for r in part:
            name, _ = report_period(config, r)
            table.add_row(
                config.unit_name(r.instance.unit), f"{name} ({r.instance.period})",
                f"{notes.deadline(r.instance.slot)} ({wording(r.instance.slot)})", left_text(r), style=STYLE[r.status],
            )
        if last:
            table.caption = notes.caption(_due_summary(rows))
        return table

    title = t("due_title", as_of=fmt(as_of), until=fmt(until))
    if not own_rows:
        return table_of(units_rows, title, True)
    from rich.console import Group

    parts = [table_of(units_rows, title, False)] if units_rows else []
    parts.append(table_of(own_rows, t("own_reports_title") if units_rows else title, True))
    return Group(*parts)


# ---------------------------------------------------------------------------- overdue


def overdue_groups(rows: Sequence[Row], config: Config) -> dict[str, list[Row]]:
    """Rows by unit, units in the order of units.yaml."""
    groups: dict[str, list[Row]] = {u.code: [] for u in config.all_units}
    for r in rows:
        groups.setdefault(r.instance.unit, []).append(r)
    return {code: items for code, items in groups.items() if items}


def overdue_plain(rows: Sequence[Row], config: Config, as_of: date) -> str:
    groups = overdue_groups(rows, config)
    out = [t("overdue_title", as_of=fmt(as_of), count=len(rows), units=len(groups))]
    for code, items in groups.items():
        own = t("own_reports_title") + " — " if code == config.office.code else ""
        out += ["", f"{own}{config.unit_name(code)} ({code})"]
        for r in items:
            name, period = report_period(config, r)
            out.append("  - " + t(
                "overdue_line", report=name, period=r.instance.period, wording=wording(r.instance.slot),
                deadline=deadline_text(r.instance.slot), late=left_text(r),
            ))
    return "\n".join(out) + "\n"


def overdue_rich(rows: Sequence[Row], config: Config, as_of: date) -> Any:
    from rich.console import Group
    from rich.text import Text

    groups = overdue_groups(rows, config)
    parts: list[Any] = [Text(t("overdue_title", as_of=fmt(as_of), count=len(rows), units=len(groups)), style="bold")]
    for code, items in groups.items():
        own = t("own_reports_title") + " — " if code == config.office.code else ""
        parts += [Text(""), Text(f"{own}{config.unit_name(code)} ({code})", style="bold")]
        for r in items:
            name, period = report_period(config, r)
            parts.append(Text("  - " + t(
                "overdue_line", report=name, period=r.instance.period, wording=wording(r.instance.slot),
                deadline=deadline_text(r.instance.slot), late=left_text(r),
            ), style="red"))
    return Group(*parts)


# ---------------------------------------------------------------------------- status, schedule, units, history


def status_table(rows: Sequence[Row], config: Config, year: int, as_of: date) -> Table:
    from rich.table import Table

    counts = {s: sum(1 for r in rows if r.status == s) for s in (ON_TIME, LATE, OVERDUE, DUE, UPCOMING)}
    table = Table(title=t("status_title", year=year, as_of=fmt(as_of)))
    for key in ("col_unit", "col_report", "col_period", "col_deadline", "col_status", "col_received", "col_doc"):
        table.add_column(t(key))
    notes = Footnotes()
    for r in rows:
        name, period = report_period(config, r)
        sub = r.submission
        table.add_row(
            config.unit_name(r.instance.unit), name, period, notes.deadline(r.instance.slot), status_text(r),
            fmt(r.received) if r.received else "", (sub.doc_number or "") if sub else "", style=STYLE[r.status],
        )
    table.caption = notes.caption(t("status_summary", **counts))
    return table


def schedule_table(slots: Sequence[Slot], config: Config, year: int) -> Table:
    from rich.table import Table

    table = Table(title=t("schedule_title", year=year))
    with_cutoff = any(s.covers_from for s in slots)
    keys = ("col_report", "col_period", *(("col_covers",) if with_cutoff else ()), "col_wording", "col_deadline",
            "col_weekday")
    for key in keys:
        table.add_column(t(key), no_wrap=key in ("col_covers", "col_weekday"))
    lang = get_lang()
    notes = Footnotes()
    for s in slots:
        rule = config.rule_by_id[s.report]
        covers = (f"{fmt(s.covers_from)}–{fmt(s.covers_to)}" if s.covers_from and s.covers_to else "",)
        table.add_row(
            f"{config.rule_name(s.report, lang)} ({s.report})", period_text(rule.frequency, s, lang),
            *(covers if with_cutoff else ()), wording(s), notes.deadline(s), weekday(s.deadline),
        )
    table.caption = notes.caption()
    return table


def units_table(config: Config, units: Sequence[Unit], as_of: date, with_dates: bool = False) -> Table:
    """The units active on `as_of`, or (with_dates) every unit with the dates it existed and its successor."""
    from rich.table import Table

    title = t("units_all_title", count=len(units)) if with_dates else t("units_title_on", count=len(units), as_of=fmt(as_of))
    table = Table(title=title)
    if with_dates:
        keys: tuple[str, ...] = ("col_code", "col_name", "col_group", "col_active", "col_successor")
    else:
        keys = ("col_code", "col_name", "col_short", "col_group", "col_reports", "col_email")
    for key in keys:
        table.add_column(t(key), no_wrap=key == "col_active")
    for u in units:
        if with_dates:
            since = fmt(u.active_from) if u.active_from else "…"
            until = fmt(u.active_until) if u.active_until else "…"
            successor = f"{u.successor} ({config.unit_name(u.successor)})" if u.successor else ""
            cells = [u.code, u.name, u.group or "", f"{since} – {until}", successor]
        else:
            cells = [u.code, u.name, u.short_name or "", u.group or "",
                     ", ".join(u.reports) if u.reports else t("all_reports"), ", ".join(u.email)]
        table.add_row(*cells, style="" if u.active_on(as_of) else "dim")
    return table


def history_table(events: Sequence[Event], config: Config) -> Table:
    from rich.table import Table

    table = Table(title=t("history_title", count=len(events)))
    for key in ("col_kind", "col_unit", "col_report", "col_period", "col_received", "col_doc", "col_channel",
                "col_recorded", "col_by", "col_note"):
        table.add_column(t(key))
    for e in events:
        table.add_row(
            f"#{e.id} {t('kind_' + e.kind)}", e.unit_name or config.unit_name(e.unit), e.report, e.period,
            fmt(e.received) if e.received else "", e.doc_number or "", e.channel or "",
            e.recorded_at[:19].replace("T", " "), e.recorded_by, e.note or "",
        )
    return table


# ---------------------------------------------------------------------------- calendar


def calendar_view(items: Sequence[Any], config: Config, year: int, months: Sequence[int]) -> Any:
    """A month grid per month (days off dimmed, • a deadline, ◆ a meeting) with the month's list below."""
    import calendar as stdcal

    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    work = config.calendar
    parts: list[Any] = []
    for month in months:
        these = [i for i in items if i.day.month == month]
        by_day: dict[date, list[Any]] = {}
        for item in these:
            by_day.setdefault(item.day, []).append(item)
        grid = Table(title=t("cal_month", month=f"{month:02d}", year=year), box=box.SIMPLE_HEAD, padding=(0, 1))
        for name in t("weekdays_short").split(","):
            grid.add_column(name, justify="right", no_wrap=True)
        cells: list[Any] = [""] * date(year, month, 1).weekday()
        for n in range(1, stdcal.monthrange(year, month)[1] + 1):
            day = date(year, month, n)
            text = Text(f"{n:2d}", style="" if work.is_working(day) else "dim")
            kinds = {i.kind for i in by_day.get(day, [])}
            text.append("◆" if "meeting" in kinds else " ", style="cyan")
            text.append("•" if "deadline" in kinds else " ", style="bold red")
            cells.append(text)
        cells += [""] * (-len(cells) % 7)
        for row in range(0, len(cells), 7):
            grid.add_row(*cells[row:row + 7])
        parts.append(grid)
        for item in these:
            when = f"{item.day.day:02d}/{item.day.month:02d} {weekday(item.day)}"
            if item.meeting is not None:
                m = item.meeting.meeting
                line = f"  ◆ {when}  {m.start}–{m.end}  {item.title}"
                style = "cyan"
            else:
                note = moved_note(item.slot)
                line = f"  • {when}  {t('ics_deadline', title=item.title)}" + (f" ({note})" if note else "")
                style = "red"
            parts.append(Text(line, style=style))
        if not these:
            parts.append(Text("  " + t("cal_nothing"), style="dim"))
        # days off on weekdays and worked weekend days, said in words (a plain grid cannot dim them)
        off, worked = [], []
        for n in range(1, stdcal.monthrange(year, month)[1] + 1):
            day = date(year, month, n)
            reason = work.reason_off(day)
            if reason is not None and day.weekday() < 5:
                off.append(f"{n:02d}/{month:02d} {reason[1] if get_lang() == 'en' else reason[0]}")
            elif reason is None and day.weekday() >= 5:
                worked.append(f"{n:02d}/{month:02d}")
        if off:
            parts.append(Text("  " + t("cal_days_off", days="; ".join(off)), style="dim"))
        if worked:
            parts.append(Text("  " + t("cal_worked", days=", ".join(worked)), style="dim"))
        parts.append(Text(""))
    parts.append(Text(t("cal_legend"), style="dim"))
    return Group(*parts)


# ---------------------------------------------------------------------------- explain


def explain_text(exp: Any, config: Config, as_of: date) -> str:
    """The answer to "why does it say I'm late?", one step a line."""
    slot = exp.row.instance.slot
    rule = exp.rule
    name, period = report_period(config, exp.row)
    lines = [t("ex_head", unit=exp.unit.name, code=exp.unit.code, report=name, id=slot.report, period=period)]
    if slot.deadline_at is not None:
        lines.append(t("ex_incident", occurred=slot.period.replace("T", " "), deadline=deadline_text(slot)))
    else:
        if rule is not None:
            lines.append(t("ex_rule", wording=wording(slot)))
        elif slot.doc_number:
            lines.append(t("ex_request", doc=slot.doc_number, wording=wording(slot)))
        nominal = slot.nominal_deadline or slot.deadline
        lines.append(t("ex_nominal", day=fmt(nominal), weekday=weekday(nominal)))
        for day, reason in slot.skipped:
            lines.append("  " + t("ex_skipped", day=fmt(day), weekday=weekday(day),
                                  reason=reason[1] if get_lang() == "en" else reason[0]))
        how = rule.shift if rule is not None else "next_working_day"
        if slot.moved:
            lines.append(t("ex_deadline_moved", day=fmt(slot.deadline), weekday=weekday(slot.deadline),
                           how=t("ex_shift_" + how)))
        elif how == "none" and not config.calendar.is_working(nominal):
            lines.append(t("ex_deadline_kept", day=fmt(slot.deadline), weekday=weekday(slot.deadline)))
        else:
            lines.append(t("ex_deadline", day=fmt(slot.deadline), weekday=weekday(slot.deadline)))
    if slot.covers_from and slot.covers_to:
        lines.append(t("ex_covers", start=fmt(slot.covers_from), end=fmt(slot.covers_to)))
    if not exp.events:
        lines.append(t("ex_no_events"))
    for e in exp.events:
        bits = [f"#{e.id} {t('kind_' + e.kind)}"]
        if e.received:
            bits.append(t("ex_received", day=e.received_at.strftime("%H:%M %d/%m/%Y") if e.received_at else fmt(e.received)))
        if e.doc_number:
            bits.append(e.doc_number)
        bits.append(t("ex_recorded", at=e.recorded_at[:16].replace("T", " "), by=e.recorded_by))
        lines.append(t("ex_event", text=", ".join(bits)))
    untracked = slot.deadline < exp.tracking_start and exp.row.submission is None
    if untracked:
        lines.append(t("ex_untracked", start=fmt(exp.tracking_start)))
    lines.append(t("ex_status", as_of=fmt(as_of), status=t("st_untracked") if untracked else status_text(exp.row)))
    return "\n".join(lines) + "\n"


def requests_table(found: Sequence[Any]) -> Table:
    from rich.table import Table

    table = Table(title=t("requests_title", count=len(found)))
    for key in ("col_id", "col_title", "col_doc", "col_deadline", "col_received_count"):
        table.add_column(t(key))
    for r in found:
        req = r.request
        received = f"{r.received}/{r.owed}" + (f" ({t('cancelled')})" if req.cancelled else "")
        table.add_row(req.id, req.title, req.doc_number or "", deadline_text(r.slot, "\n"), received,
                      style="dim" if req.cancelled else ("green" if r.received == r.owed else ""))
    return table


# ---------------------------------------------------------------------------- stats

MONTH_MARK = {"on_time": ("✓", "green"), "late": ("!", "dark_orange"), "missing": ("✗", "bold red"),
              "upcoming": ("·", "dim"), None: (" ", "")}


def stats_view(scores: Sequence[Any], year: int, as_of: date) -> Any:
    """The ranking with on-time rates as bars and a month-by-month strip per unit (fits 100 columns)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=t("stats_title", year=year, as_of=fmt(as_of)), box=box.SIMPLE_HEAD, padding=(0, 0, 0, 1),
                  caption=t("stats_legend"))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(t("col_unit"), ratio=1, min_width=14)
    for key in ("col_owed", "col_on_time", "col_late", "col_missing_short", "col_delays"):
        table.add_column(t(key), justify="right", no_wrap=True)
    table.add_column(t("col_rate_short"), no_wrap=True)
    table.add_column(t("col_months"), no_wrap=True)
    for s in scores:
        rate = s.on_time_rate
        bar = Text()
        if rate is None:
            bar.append("—", style="dim")
        else:
            filled = round(rate * 8)
            style = "green" if rate >= 0.8 else "yellow" if rate >= 0.5 else "red"
            bar.append("█" * filled, style=style)
            bar.append("░" * (8 - filled), style="dim")
            bar.append(f" {rate * 100:5.1f}%")
        strip = Text()
        for month in s.months:
            mark, style = MONTH_MARK[month]
            strip.append(mark, style=style)
        delays = f"{s.avg_days_late:.1f}/{s.max_days_late}" if s.avg_days_late is not None else ""
        table.add_row(str(s.rank), s.unit_name, str(s.owed), str(s.on_time), str(s.late), str(s.missing), delays,
                      bar, strip)
    return table


def stats_plain(scores: Sequence[Any], year: int, as_of: date) -> str:
    """The scorecard for pipes and cron: aligned columns, no colour, the month strip as characters."""
    head = [t(k) for k in ("col_rank", "col_code", "col_unit", "col_owed", "col_on_time", "col_late",
                           "col_avg_late", "col_max_late", "col_missing", "col_rate", "col_months")]
    lines = [head]
    for s in scores:
        lines.append([
            str(s.rank), s.unit, s.unit_name, str(s.owed), str(s.on_time), str(s.late),
            f"{s.avg_days_late:.1f}" if s.avg_days_late is not None else "-",
            str(s.max_days_late) if s.max_days_late is not None else "-", str(s.missing),
            f"{s.on_time_rate * 100:.1f}%" if s.on_time_rate is not None else "-",
            "".join(MONTH_MARK[m][0] for m in s.months),
        ])
    return "\n".join([t("stats_title", year=year, as_of=fmt(as_of)), *columns(lines), t("stats_legend")]) + "\n"
