"""`khoagiao board`: the status board as one self-contained HTML page (templates/board.html.j2, Jinja2 with every
value escaped: a unit's name or a request's title is text, never markup). CSS and charts (inline SVG) are in the
page and a Content-Security-Policy forbids it to load anything, so it opens the same from a shared folder, an
intranet or a USB stick, without a network.

Every number comes from the records `status --format json` and `stats --format json` write (outputs/records.py:
`instance_record`, `score_record`), made from the same rows; this module only says them in words and lays them
out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from khoagiao_cli import __version__
from khoagiao_cli.core.adhoc import INCIDENT
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot
from khoagiao_cli.core.status import DUE, LATE, ON_TIME, OVERDUE, STATUSES, UPCOMING, Row
from khoagiao_cli.i18n import Words, date_text, moment_text
from khoagiao_cli.outputs import phrases
from khoagiao_cli.outputs.records import instance_record, score_record
from khoagiao_cli.outputs.text import visible

if TYPE_CHECKING:
    from khoagiao_cli.app.board import Board
    from khoagiao_cli.core.meetings import MeetingDay

#: a status's mark, beside its colour (the page prints in grey too, and some readers do not tell red from green)
MARK = {ON_TIME: "✓", LATE: "!", OVERDUE: "✗", DUE: "○", UPCOMING: "·"}
#: a month of a unit's strip (core/scorecard.py) as a status of the grid
MONTH = {"on_time": ON_TIME, "late": LATE, "missing": OVERDUE, "upcoming": UPCOMING}
#: the units a notice names before "and N others"
NAMES = 15
#: the rows of a long ranking shown: its best half and its worst half
SCORE_ROWS = 50
#: the urgent reports listed under the grid (the newest first)
INCIDENTS = 20
#: superscript marks of the moved deadlines' notes; past them, a number
NOTE_MARKS = "¹²³⁴⁵⁶⁷⁸⁹"


class Count(int):
    """A count written with the language's thousands mark (10.538; 10,538), still a number for plural forms."""

    mark: str

    def __new__(cls, n: int, mark: str) -> Count:
        self = super().__new__(cls, n)
        self.mark = mark
        return self

    def __str__(self) -> str:
        return f"{int(self):,}".replace(",", self.mark)

    def __format__(self, spec: str) -> str:
        return str(self) if not spec else format(int(self), spec)


class Cell(NamedTuple):
    report: str
    period: str
    status: str
    label: str
    #: a second line ("muộn 5 ngày"), or ""
    note: str
    #: everything about it, shown when the pointer rests on it
    title: str


class Column(NamedTuple):
    report: str
    period: str
    head: str
    #: "hạn 23/02¹"
    due: str
    title: str
    moved: bool


class GridRow(NamedTuple):
    unit: str
    name: str
    cells: list[Cell | None]


class Notice(NamedTuple):
    """One report of one period that units still owe, with those units."""

    status: str
    title: str
    deadline: str
    left: str
    names: list[str]
    more: int


class ScoreRow(NamedTuple):
    rank: int
    unit: str
    name: str
    owed: int
    on_time: int
    late: int
    missing: int
    delays: str
    #: the on-time rate as `stats --format json` has it (a fraction), or None
    rate: float | None
    rate_text: str
    tone: str
    #: (status, mark, title) of each month
    months: list[tuple[str, str, str]]


class OwnRow(NamedTuple):
    report: str
    period: str
    name: str
    deadline: str
    status: str
    label: str


class MeetingRow(NamedTuple):
    name: str
    day: str
    time: str
    place: str
    moved: str
    held: bool


def render(words: Words, config: Config, board: Board, max_units: int) -> str:
    """The page, as text."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("khoagiao_cli.outputs", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("board.html.j2").render(page(words, config, board, max_units))


def page(words: Words, config: Config, board: Board, max_units: int) -> dict[str, Any]:
    """What the template shows, every value already in words."""
    office = config.office.code
    units_due = [r for r in board.due.rows if r.instance.unit != office]
    own_due = [r for r in board.due.rows if r.instance.unit == office]
    grid_rows = [r for r in board.rows if r.instance.unit != office and r.instance.report != INCIDENT]
    columns, notes = _columns(words, config, grid_rows)
    counted = Counter(r.status for r in grid_rows)
    scores = [score_record(s) for s in board.scores]
    owed = sum(s["owed"] for s in scores)
    half = SCORE_ROWS // 2
    top, bottom = (scores, []) if len(scores) <= max(max_units, SCORE_ROWS) else (scores[:half], scores[-half:])
    clock = board.clock

    def n(value: int) -> Count:
        return Count(value, words("thousands_mark"))

    return {
        "t": words, "lang": words.lang, "version": __version__,
        "office": config.office.name, "year": board.year, "group": board.group,
        "as_of": date_text(clock.today), "made_at": moment_text(clock.real),
        "tiles": {
            "overdue": n(sum(1 for r in units_due if r.status == OVERDUE)),
            "overdue_units": n(len({r.instance.unit for r in units_due if r.status == OVERDUE})),
            "due": n(sum(1 for r in units_due if r.status == DUE)), "until": date_text(board.due.until),
            "rate": phrases.percent(words, sum(s["on_time"] for s in scores) / owed) if owed else "—",
            "owed": n(owed), "own": n(len(own_due)),
        },
        "units_notices": notices(words, config, units_due),
        "own_notices": notices(words, config, own_due),
        "meetings": [_meeting(words, m, clock.today) for m in board.meetings],
        "quarter": _quarter(words, clock.today),
        "columns": columns, "notes": notes,
        "grid": grid(words, config, board.grid, grid_rows, columns),
        "units": n(board.units), "all_units": board.units, "left_out": n(board.left_out),
        "left_out_clear": n(board.left_out_clear),
        "legend": [(s, MARK[s], words("xlsx_legend_" + s), n(counted[s])) for s in STATUSES],
        "own": [_own(words, config, r) for r in board.rows if r.instance.unit == office],
        "incidents": _incidents(words, config, board.rows),
        "scores_top": [_score(words, s) for s in top], "scores_bottom": [_score(words, s) for s in bottom],
        "scores_hidden": n(len(scores) - len(top) - len(bottom)),
        "chain": words("chain_footer", n=board.chain[0], head=board.chain[1][:16]) if board.chain[1] else "",
    }


def _columns(words: Words, config: Config, rows: Iterable[Row]) -> tuple[list[Column], list[str]]:
    """The periods of the year, by deadline, each once; a moved deadline carries a mark, and its note says why."""
    slots: dict[tuple[str, str], Slot] = {}
    for r in rows:
        slots.setdefault((r.instance.report, r.instance.period), r.instance.slot)
    rule_order = {rule.id: n for n, rule in enumerate(config.rules)}
    ordered = sorted(slots.items(), key=lambda kv: (kv[1].deadline, rule_order.get(kv[0][0], len(rule_order))))
    columns: list[Column] = []
    notes: list[str] = []
    for (report, period), slot in ordered:
        rule = config.rule_by_id.get(report)
        if rule is None:  # a one-off request: its own title
            name = when = visible(slot.title or report, lines=False)
        else:
            name, when = phrases.rule_name(words, config, report), phrases.period_text(words, rule.frequency, slot)
        head = when if rule is not None and rule.frequency == "monthly" else name
        mark = ""
        if slot.moved:
            mark = NOTE_MARKS[len(notes)] if len(notes) < len(NOTE_MARKS) else f"({len(notes) + 1})"
            notes.append(f"{mark} {head}: {phrases.deadline_text(words, slot)}")
        due = words("xlsx_due", day=phrases.day_month(slot.deadline)) + mark
        title = f"{name if name == when else f'{name} — {when}'}: {phrases.wording(words, slot)}; " \
                f"{phrases.deadline_text(words, slot)}"
        columns.append(Column(report, period, head, due, title, slot.moved))
    return columns, notes


def grid(words: Words, config: Config, units: Sequence[str], rows: Iterable[Row], columns: Sequence[Column],
         ) -> list[GridRow]:
    """A row for each unit shown, a cell for each period (None: the unit owes none for it)."""
    shown = set(units)
    by_unit: dict[str, dict[tuple[str, str], Row]] = {code: {} for code in units}
    for r in rows:
        if r.instance.unit in shown:
            by_unit[r.instance.unit][r.instance.report, r.instance.period] = r
    out = []
    for code in units:
        owed = by_unit[code]
        cells = []
        for c in columns:
            row = owed.get((c.report, c.period))
            cells.append(_cell(words, config, row, c) if row is not None else None)
        out.append(GridRow(code, config.unit_name(code), cells))
    return out


def _cell(words: Words, config: Config, row: Row, column: Column) -> Cell:
    rec = instance_record(row, config)  # what `status --format json` says of it
    status, received = rec["status"], rec.get("received")
    note = ""
    if received is not None:  # on time or late
        label = _short_day(received, row.instance.deadline)
        if status == LATE:
            hours = rec.get("hours_late")
            note = words("board_late_hours", n=hours) if hours is not None else words("board_late",
                                                                                      n=rec["days_late"])
    elif status == OVERDUE:
        label = words("days_over", n=-rec["days_left"])
    elif status == DUE:
        label = phrases.left_text(words, row)
    else:
        label = MARK[UPCOMING]
    said = [phrases.status_text(words, row)]
    if received is not None:
        said.append(words("board_received", day=phrases.received_text(received, rec.get("received_at"))))
    if rec.get("doc_number"):
        said.append(visible(rec["doc_number"], lines=False))
    carried = phrases.carried_mark(words, config, row.instance.carried_from)
    title = f"{config.unit_name(row.instance.unit)}{carried} — {column.title}\n{', '.join(said)}"
    return Cell(rec["report"], rec["period"], status, label, note, title)


def _short_day(day: date, deadline: date) -> str:
    """dd/mm, or dd/mm/yyyy when it is not the deadline's year (December's report received in January)."""
    return phrases.day_month(day) if day.year == deadline.year else date_text(day)


def notices(words: Words, config: Config, rows: Sequence[Row]) -> list[Notice]:
    """Outstanding rows (overdue first, by deadline: as `due` orders them) as one notice per report and period,
    naming the units that owe it."""
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for r in rows:  # urgent reports each have a period of their own: one notice holds them all
        period = "" if r.instance.report == INCIDENT else r.instance.period
        groups.setdefault((r.status, r.instance.report, period), []).append(r)
    out = []
    for (status, report, _), owing in groups.items():
        first = owing[0]
        slot = first.instance.slot
        more = Count(max(0, len(owing) - NAMES), words("thousands_mark"))
        if report == INCIDENT:
            names = [f"{config.unit_name(r.instance.unit)}: {phrases.slot_title(words, config, r.instance.slot)} "
                     f"({phrases.left_text(words, r)})" for r in owing[:NAMES]]
            out.append(Notice(status, words("incident_report"), "", "", names, more))
        else:
            names = [config.unit_name(r.instance.unit) + phrases.carried_mark(words, config, r.instance.carried_from)
                     for r in owing[:NAMES]]
            out.append(Notice(status, phrases.slot_title(words, config, slot),
                              f"{phrases.wording(words, slot)} ({phrases.deadline_text(words, slot)})",
                              phrases.left_text(words, first), names, more))
    return out


def _own(words: Words, config: Config, row: Row) -> OwnRow:
    rec = instance_record(row, config)
    name, when = phrases.report_period(words, config, row)
    label = phrases.status_text(words, row)
    if rec.get("received") is not None:
        label += " — " + words("board_received", day=phrases.received_text(rec["received"], rec.get("received_at")))
    return OwnRow(rec["report"], rec["period"], f"{name} — {when}", phrases.deadline_text(words, row.instance.slot),
                  rec["status"], label)


def _incidents(words: Words, config: Config, rows: Iterable[Row]) -> dict[str, Any]:
    found = [r for r in rows if r.instance.report == INCIDENT]
    found.sort(key=lambda r: r.instance.deadline, reverse=True)
    return {"rows": [_own(words, config, r)._replace(name=f"{config.unit_name(r.instance.unit)}: "
                                                          f"{phrases.slot_title(words, config, r.instance.slot)}")
                     for r in found[:INCIDENTS]], "more": max(0, len(found) - INCIDENTS)}


def _score(words: Words, rec: dict[str, Any]) -> ScoreRow:
    """A row of the ranking, from the record `stats --format json` writes."""
    rate = rec.get("on_time_rate")
    tone = "none" if rate is None else "good" if rate >= 0.8 else "fair" if rate >= 0.5 else "poor"
    avg = rec.get("avg_days_late")
    delays = f"{phrases.decimal(words, avg)}/{rec['max_days_late']}" if avg is not None else ""
    names = words("board_months").split(",")
    months = []
    for n, month in enumerate(rec["months"]):
        status = MONTH.get(month, "")
        said = words("board_month_" + month) if month else words("board_month_none")
        months.append((status, MARK[status] if status else "", f"{names[n]}: {said}"))
    return ScoreRow(rec["rank"], rec["unit"], rec["unit_name"], rec["owed"], rec["on_time"], rec["late"],
                    rec["missing"], delays, rate, phrases.percent(words, rate) if rate is not None else "—", tone,
                    months)


def _quarter(words: Words, day: date) -> str:
    """"quý II/2026", "Q2 2026"."""
    q = (day.month - 1) // 3 + 1
    return words("period_quarter", index=q, roman=phrases.ROMAN[q], year=day.year, month=f"{day.month:02d}")


def _meeting(words: Words, m: MeetingDay, today: date) -> MeetingRow:
    moved = words("board_meeting_moved", day=date_text(m.planned)) if m.planned != m.day else ""
    return MeetingRow(words.pick(m.meeting.name, m.meeting.name_en),
                      f"{phrases.weekday(words, m.day)} {date_text(m.day)}", f"{m.meeting.start}–{m.meeting.end}",
                      m.meeting.place or "", moved, m.day < today)
