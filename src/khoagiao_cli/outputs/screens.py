"""The daily screens — due, overdue, the year's status — as Rich tables for a terminal and plain text (no
colour, no box drawing) for pipes and cron."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from khoagiao_cli.app.query import Due
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.status import DUE, LATE, ON_TIME, OVERDUE, STATUSES, UPCOMING, Row
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.phrases import (
    deadline_text,
    fmt,
    left_text,
    moved_note,
    report_period,
    status_text,
    wording,
)
from khoagiao_cli.outputs.text import PLAIN_BLOCK

if TYPE_CHECKING:
    from khoagiao_cli.core.schedule import Slot

STYLE = {OVERDUE: "bold red", DUE: "yellow", ON_TIME: "green", LATE: "dark_orange", UPCOMING: "dim"}


class Footnotes:
    """Why deadlines moved, said once below a table ("¹ chuyển từ 19/02 (Tết)"), so that rows stay one line."""

    MARKS = "¹²³⁴⁵⁶⁷⁸⁹"

    def __init__(self, words: Words) -> None:
        self.words = words
        self.notes: dict[str, str] = {}

    def deadline(self, slot: Slot) -> str:
        note = moved_note(self.words, slot)
        if slot.deadline_at is not None or not note:
            return deadline_text(self.words, slot)
        if note not in self.notes and len(self.notes) >= len(self.MARKS):
            return deadline_text(self.words, slot)  # more reasons than marks: say it in the row
        mark = self.notes.setdefault(note, self.MARKS[len(self.notes)])
        return fmt(slot.deadline) + mark

    def caption(self, *more: str) -> str | None:
        lines = [*(f"{mark} {note}" for note, mark in self.notes.items()), *(m for m in more if m)]
        return "\n".join(lines) or None


def columns(rows: Sequence[Sequence[str]], gap: str = "  ") -> list[str]:
    """Left-aligned columns of plain text (widths by character cells, accents counted once)."""
    return [line for block in aligned(rows, gap, max(len(rows), 1)) for line in block]


def aligned(rows: Sequence[Sequence[str]], gap: str = "  ", block: int = PLAIN_BLOCK) -> Iterator[list[str]]:
    """`columns`, `block` lines at a time: only the widths are known for the whole, so a year of 65,000 rows is
    never held as lines. The same names, words and dates come back on every row: each distinct text of a column
    is measured and padded once."""
    import unicodedata
    from operator import itemgetter

    pads = []
    for i in range(len(rows[0]) if rows else 0):
        sizes = {s: len(s) if s.isascii() else len(unicodedata.normalize("NFC", s)) for s in set(map(itemgetter(i), rows))}
        widest = max(sizes.values())
        pads.append({s: s + " " * (widest - n) for s, n in sizes.items()}.__getitem__)
    for start in range(0, len(rows), block):
        part = rows[start:start + block]
        cells = [map(pad, map(itemgetter(i), part)) for i, pad in enumerate(pads)]
        yield [gap.join(line).rstrip() for line in zip(*cells, strict=True)]


def split_office(rows: Sequence[Row], config: Config) -> tuple[list[Row], list[Row]]:
    """(the units' rows, the Commission's own rows): the office's obligations are shown apart."""
    code = config.office.code
    return [r for r in rows if r.instance.unit != code], [r for r in rows if r.instance.unit == code]


# ---------------------------------------------------------------------------- due


def _due_title(words: Words, due: Due) -> str:
    return words("due_title", as_of=due.as_of, until=due.until)


def due_summary(words: Words, rows: Sequence[Row]) -> str:
    overdue = sum(1 for r in rows if r.status == OVERDUE)
    return words("due_summary", overdue=overdue, due=len(rows) - overdue)


def due_plain(words: Words, config: Config, due: Due) -> str:
    units_rows, own_rows = split_office(due.rows, config)

    # thousands of rows share a few dozen deadlines and day counts: each text is made once
    per_slot: dict[tuple[Slot, str | None], tuple[str, str, str]] = {}
    per_left: dict[tuple[str, int, int | None], tuple[str, str]] = {}

    def lines(part: Sequence[Row]) -> list[str]:
        cells = []
        for r in part:
            i = r.instance
            if (texts := per_slot.get((i.slot, i.carried_from))) is None:
                name, _ = report_period(words, config, r)
                texts = per_slot[i.slot, i.carried_from] = (f"{name} ({i.period})", wording(words, i.slot),
                                                             deadline_text(words, i.slot))
            if (left := per_left.get((r.status, r.days_left, r.hours_left))) is None:
                left = per_left[r.status, r.days_left, r.hours_left] = (words("st_" + r.status), left_text(words, r))
            cells.append([left[0], i.unit, config.unit_name(i.unit), *texts, left[1]])
        return columns(cells)

    out = [_due_title(words, due), *lines(units_rows)]
    if own_rows:
        out += ["", words("own_reports_title"), *lines(own_rows)]
    return "\n".join([*out, due_summary(words, due.rows)]) + "\n"


def due_table(words: Words, config: Config, due: Due) -> Any:
    from khoagiao_cli.outputs.fit import Col, Fitted

    units_rows, own_rows = split_office(due.rows, config)
    notes = Footnotes(words)
    columns = [Col(words("col_unit"), min_width=12), Col(words("col_report"), min_width=14),
               Col(words("col_deadline_words"), min_width=11), Col(words("col_left"), no_wrap=True)]

    def table_of(part: Sequence[Row], title: str, last: bool) -> Fitted:
        rows = []
        for r in part:
            name, _ = report_period(words, config, r)
            slot = r.instance.slot
            rows.append(([config.unit_name(r.instance.unit), f"{name} ({r.instance.period})",
                          f"{notes.deadline(slot)} ({wording(words, slot)})", left_text(words, r)], STYLE[r.status]))
        caption = notes.caption(due_summary(words, due.rows)) if last else None
        return Fitted(columns, rows, title=title, caption=caption, plain=True)

    title = _due_title(words, due)
    if not own_rows:
        return table_of(units_rows, title, True)
    from rich.console import Group

    parts = [table_of(units_rows, title, False)] if units_rows else []
    parts.append(table_of(own_rows, words("own_reports_title") if units_rows else title, True))
    return Group(*parts)


# ---------------------------------------------------------------------------- overdue


def overdue_groups(rows: Sequence[Row], config: Config) -> dict[str, list[Row]]:
    """Rows by unit, units in the order of units.yaml."""
    groups: dict[str, list[Row]] = {u.code: [] for u in config.all_units}
    for r in rows:
        groups.setdefault(r.instance.unit, []).append(r)
    return {code: items for code, items in groups.items() if items}


def overdue_title(words: Words, config: Config, rows: Sequence[Row], as_of: Any) -> str:
    units = len(overdue_groups(rows, config))
    return words("overdue_title", as_of=as_of, reports=words("n_reports", n=len(rows)), units=words("n_units", n=units))


def _overdue_lines(words: Words, config: Config, rows: Sequence[Row], as_of: Any) -> list[tuple[str, str]]:
    """(text, kind) of each line: the title, a unit's heading, one of its reports, a blank."""
    out = [(overdue_title(words, config, rows, as_of), "title")]
    said: dict[tuple[Slot, str | None, int | None, int | None], str] = {}  # thousands of units share each line
    for code, items in overdue_groups(rows, config).items():
        own = words("own_reports_title") + " — " if code == config.office.code else ""
        out += [("", ""), (f"{own}{config.unit_name(code)} ({code})", "unit")]
        for r in items:
            slot = r.instance.slot
            if (line := said.get(key := (slot, r.instance.carried_from, r.days_left, r.hours_left))) is None:
                name, _ = report_period(words, config, r)
                line = said[key] = "  - " + words("overdue_line", report=name, period=r.instance.period,
                                                  wording=wording(words, slot), deadline=deadline_text(words, slot),
                                                  late=left_text(words, r))
            out.append((line, "report"))
    return out


def overdue_plain(words: Words, config: Config, rows: Sequence[Row], as_of: Any) -> str:
    return "\n".join(text for text, _ in _overdue_lines(words, config, rows, as_of)) + "\n"


def overdue_rich(words: Words, config: Config, rows: Sequence[Row], as_of: Any) -> Any:
    from rich.console import Group
    from rich.text import Text

    style = {"title": "bold", "unit": "bold", "report": "red", "": ""}
    return Group(*(Text(text, style=style[kind]) for text, kind in _overdue_lines(words, config, rows, as_of)))


# ---------------------------------------------------------------------------- the year's status


#: the year's status: unit, report, period and deadline are its key columns; status, received date and document
#: number go (in that order, last first) when the width cannot hold them
STATUS_COLUMNS = (("col_unit", 0, False, 14), ("col_report", 0, False, 12), ("col_period", 0, False, 13),
                  ("col_deadline", 0, False, None), ("col_status", 1, False, 10), ("col_received", 2, False, None),
                  ("col_doc", 3, True, None))


def status_cells(words: Words, config: Config, rows: Sequence[Row], notes: Footnotes | None = None, *,
                 code: bool = False) -> list[list[str]]:
    """The cells of the year's status, one list a row, in the order of STATUS_COLUMNS (`code`: the unit's code
    first)."""
    out = []
    # a year of thousands of units has a few dozen deadlines, statuses and days: each text is made once
    per_slot: dict[tuple[Slot, str | None], tuple[str, str, str]] = {}
    per_status: dict[tuple[str, int, int | None, int | None, int | None], str] = {}
    for r in rows:
        i, sub = r.instance, r.submission
        if (texts := per_slot.get((i.slot, i.carried_from))) is None:
            texts = per_slot[i.slot, i.carried_from] = (
                *report_period(words, config, r), notes.deadline(i.slot) if notes else deadline_text(words, i.slot))
        said = (r.status, r.days_left, r.days_late, r.hours_left, r.hours_late)
        if (status := per_status.get(said)) is None:
            status = per_status[said] = status_text(words, r)
        out.append([*(i.unit,) * code, config.unit_name(i.unit), *texts, status,
                    fmt(r.received) if r.received else "", (sub.doc_number or "") if sub else ""])
    return out


def status_summary(words: Words, rows: Sequence[Row]) -> str:
    return words("status_summary", **{s: sum(1 for r in rows if r.status == s) for s in STATUSES})


def status_table(words: Words, config: Config, rows: Sequence[Row], year: int, as_of: Any) -> Any:
    from khoagiao_cli.outputs.fit import Col, Fitted

    notes = Footnotes(words)
    cells = status_cells(words, config, rows, notes)
    columns = [Col(words(key), drop=drop, no_wrap=no_wrap, min_width=least)
               for key, drop, no_wrap, least in STATUS_COLUMNS]
    return Fitted(columns, [(c, STYLE[r.status]) for c, r in zip(cells, rows, strict=True)],
                  title=words("status_title", year=year, as_of=as_of), caption=notes.caption(status_summary(words, rows)))


def status_plain(words: Words, config: Config, rows: Sequence[Row], year: int, as_of: Any) -> str:
    return "".join(status_lines(words, config, rows, year, as_of))


#: more rows than this make `status` plain text even on a terminal: a table of thousands of rows helps no one
#: reading it, and costs Rich seconds to lay out (5,000 units: over half a minute)
TABLE_ROWS = 500


def status_lines(words: Words, config: Config, rows: Sequence[Row], year: int, as_of: Any) -> Iterator[str]:
    """The year's status for pipes and cron: a title, aligned columns with a heading, the summary; no colour, no
    box drawing; a moved deadline says why in its own cell. Made and written block by block."""
    head = [words("col_code"), *(words(key) for key, *_ in STATUS_COLUMNS)]
    yield words("status_title", year=year, as_of=as_of) + "\n"
    for lines in aligned([head, *status_cells(words, config, rows, code=True)]):
        yield "\n".join(lines) + "\n"
    yield status_summary(words, rows) + "\n"
