"""The page the specialist brings to the quarterly block briefing (giao ban Khối), as a Word document in the
party's format (outputs/wordfile.py): the office's header and date, the quarter's figures and its on-time rate
against the quarter before, a table unit by unit (its heading row repeated on every page, a total at the foot),
and the units to urge with the reports they still owe. The figures are app/summary.py's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from khoagiao_cli.app.summary import Quarter, Summary, rate_change
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.status import Row
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.phrases import ROMAN, fmt, percent, report_period
from khoagiao_cli.outputs.wordfile import (
    add_row,
    columns,
    fill,
    heading_row,
    new_document,
    para,
    party_header,
    to_bytes,
)

#: TT, unit, expected, on time, late, missing, received ahead of the deadline, not yet due, on-time rate (cm, the
#: text's width), 12 pt
WIDTHS = (0.9, 3.5, 1.6, 1.6, 1.4, 1.9, 1.9, 1.7, 2.0)
PADDING = 0.1


def quarter_name(words: Words, year: int, number: int) -> str:
    """"quý I/2026" ("Q1 2026")."""
    return words("period_quarter", roman=ROMAN[number], index=number, year=year, month="")


def summary_docx(words: Words, config: Config, found: Summary, made: datetime | None = None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    this, before = found.this, found.before
    name = quarter_name(words, this.year, this.quarter)
    doc = new_document(words, config, title=words("summary_title", quarter=name), subject=words("summary_heading"),
                       made=made)
    party_header(doc, words, config, found.as_of)
    para(doc, "")
    para(doc, words("summary_heading"), bold=True, size=15, align=center)
    para(doc, words("summary_subheading", quarter=name, as_of=fmt(found.as_of)), bold=True, align=center)
    para(doc, words("summary_purpose", quarter=name), italic=True, align=center)
    para(doc, "")
    para(doc, words("summary_section_overall"), bold=True, indent=True)
    para(doc, words("summary_overall", quarter=name, as_of=fmt(found.as_of), expected=this.expected,
                    on_time=this.on_time, late=this.late, missing=this.missing, early=this.early,
                    not_due=this.not_due),
         align=justify, indent=True)
    para(doc, _rate_sentence(words, this, before), align=justify, indent=True)
    para(doc, words("summary_section_units"), bold=True, indent=True)
    _table(doc, words, this)
    para(doc, "")
    para(doc, words("summary_section_urge"), bold=True, indent=True)
    urge = this.to_urge()
    if not urge:
        para(doc, words("summary_urge_none", quarter=name), align=justify, indent=True)
    for unit, rows in urge:
        reports = "; ".join(_owed(words, config, rows))
        para(doc, words("summary_urge_line", unit=unit.name, reports=reports), align=justify, indent=True)
    return to_bytes(doc)


def _rate(words: Words, rate: float | None) -> str:
    return percent(words, rate) if rate is not None else words("summary_no_rate")


def _rate_sentence(words: Words, this: Quarter, before: Quarter) -> str:
    """"Tỉ lệ gửi đúng hạn quý I/2026: 62,5%; quý IV/2025: 70,0% (giảm 7,5 điểm phần trăm)."."""
    change = rate_change(this.rate, before.rate)
    said = ("" if change is None else words("summary_same") if round(change, 1) == 0 else
            words("summary_up" if change > 0 else "summary_down", points=f"{abs(change):.1f}".replace(
                ".", words("decimal_mark"))))
    return words("summary_rate", quarter=quarter_name(words, this.year, this.quarter), rate=_rate(words, this.rate),
                 before=quarter_name(words, before.year, before.quarter), before_rate=_rate(words, before.rate),
                 change=said)


def _owed(words: Words, config: Config, rows: list[Row]) -> list[str]:
    out = []
    for row in rows:
        report, period = report_period(words, config, row)
        out.append(words("summary_urge_report", report=report, period=period, late=words("days_over", n=-row.days_left)))
    return out


def _table(doc: Any, words: Words, this: Quarter) -> None:
    """Unit by unit, in units.yaml order, and the total; the heading row repeated on every page."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    table = columns(doc, WIDTHS, padding=PADDING)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    titles = ("letter_col_n", "col_unit", "summary_col_expected", "col_on_time", "col_late", "summary_col_missing",
              "summary_col_early", "summary_col_not_due", "summary_col_rate")
    for cell, key in zip(table.rows[0].cells, titles, strict=True):
        fill(cell, words(key), size=12, bold=True, align=center)
    heading_row(table.rows[0])
    lines = [(str(n), u.unit.name, u.expected, u.score.on_time, u.score.late, u.score.missing, u.early, u.not_due,
              u.score.on_time_rate, False) for n, u in enumerate(this.units, 1)]
    lines.append(("", words("summary_total"), this.expected, this.on_time, this.late, this.missing, this.early,
                  this.not_due, this.rate, True))
    for *values, rate, total in lines:
        cells = add_row(table, WIDTHS).cells
        shown = [*map(str, values), _rate(words, rate) if rate is not None else "—"]
        for k, (cell, value) in enumerate(zip(cells, shown, strict=True)):
            fill(cell, value, size=12, bold=total, align=center if k == 0 else None if k == 1 else right)
