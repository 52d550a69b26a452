"""A draft urging letter (công văn đôn đốc) as a Word document, in the party's document format (Hướng dẫn
36-HD/VPTW; outputs/wordfile.py): the issuing body's header beside "ĐẢNG CỘNG SẢN VIỆT NAM", a number to fill in,
place and date in words, the subject line, "Kính gửi:", the body, "Nơi nhận:" and the signature block. To one unit,
its overdue reports in a table; or to every late unit at once, "Kính gửi: các đơn vị có tên tại phụ lục", the
reports unit by unit in an appendix."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.status import Row
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.wordfile import (
    HEADER_COLUMNS,
    add_row,
    columns,
    day_in_words,
    drop_first_empty,
    fill,
    heading_row,
    new_document,
    para,
    party_header,
    recipients,
    to_bytes,
)

#: the overdue reports' table, 13 pt: TT, report, period, deadline, days overdue (cm, the text's width): "Báo cáo
#: quý III", "tháng 02/2026", "quá 346 ngày" on one line, the deadline on two ("trước 20/02/2026", "(hạn cuối …)")
ONE_UNIT = (0.9, 5.0, 3.3, 4.5, 2.8)
#: the appendix of the letter to every late unit, 12 pt: TT, unit, report, period, deadline, days overdue
EVERY_UNIT = (0.8, 3.6, 2.9, 2.7, 4.0, 2.5)
#: the padding inside a cell's sides (cm)
PADDING = 0.1


def letter_docx(words: Words, config: Config, unit: Unit, rows: Sequence[Row], as_of: date,
                made: datetime | None = None) -> bytes:
    """The letter to `unit` about its overdue `rows`, written on `as_of` (`made`: the moment, for its properties)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    office = config.office
    doc = new_document(words, config, title=words("letter_title", unit=unit.name), subject=words("letter_subject"),
                       made=made)
    _top(doc, words, config, as_of)
    para(doc, words("letter_to", unit=unit.name), align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "")
    basis = words("letter_basis", basis=office.basis) if office.basis else words("letter_no_basis")
    para(doc, words("letter_opening", basis=basis, office=office.name, as_of=_day(as_of), unit=unit.name),
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    _reports(doc, words, config, [(None, rows)], ONE_UNIT)
    para(doc, "")
    how = words("letter_how_email", email=office.email) if office.email else ""
    para(doc, words("letter_request", office=office.name, unit=unit.name, how=how), align=WD_ALIGN_PARAGRAPH.JUSTIFY,
         indent=True)
    para(doc, words("letter_closing"), align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True)
    para(doc, "")
    _signature(doc, words, config, [words("letter_recipient_unit"), words("letter_recipient_archive")])
    return to_bytes(doc)


def letter_all_docx(words: Words, config: Config, late: Sequence[tuple[Unit, Sequence[Row]]], as_of: date,
                    made: datetime | None = None) -> bytes:
    """One letter to every late unit ("Kính gửi: các đơn vị có tên tại phụ lục"), their overdue reports unit by unit
    in the appendix, on a page of its own after the signature."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    office = config.office
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc = new_document(words, config, title=words("letter_all_title"), subject=words("letter_subject"), made=made)
    _top(doc, words, config, as_of)
    para(doc, words("letter_all_to"), align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "")
    basis = words("letter_basis", basis=office.basis) if office.basis else words("letter_no_basis")
    n = sum(len(rows) for _, rows in late)
    para(doc, words("letter_all_opening", basis=basis, office=office.name, as_of=_day(as_of),
                    reports=words("n_reports", n=n), units=words("n_units", n=len(late))), align=justify, indent=True)
    how = words("letter_how_email", email=office.email) if office.email else ""
    para(doc, words("letter_all_request", office=office.name, how=how), align=justify, indent=True)
    para(doc, words("letter_closing"), align=justify, indent=True)
    para(doc, "")
    _signature(doc, words, config, [words("letter_recipient_unit"), words("letter_recipient_archive")])
    center = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, words("letter_appendix"), bold=True, align=center).paragraph_format.page_break_before = True
    para(doc, words("letter_appendix_title"), bold=True, align=center)
    para(doc, words("letter_appendix_of", symbol=office.symbol or "CV", date=day_in_words(words, as_of),
                    office=office.name), italic=True, align=center)
    para(doc, "")
    _reports(doc, words, config, list(late), EVERY_UNIT, size=12)
    return to_bytes(doc)


def _day(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _top(doc: Any, words: Words, config: Config, as_of: date) -> None:
    party_header(doc, words, config, as_of, left=[(words("letter_number", symbol=config.office.symbol or "CV"), {}),
                                                   (words("letter_subject"), {"italic": True, "size": 12})])
    para(doc, "")


def _reports(doc: Any, words: Words, config: Config, groups: Sequence[tuple[Unit | None, Sequence[Row]]],
             widths: Sequence[float], size: float = 13) -> None:
    """The overdue reports as a table, its heading row repeated on every page: TT, report, period, deadline, days
    overdue; with the units (`groups` of a unit and its rows), each unit's number and name once, beside all its
    reports (cells merged down), and the reports numbered within it."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from khoagiao_cli.outputs.phrases import fmt, report_period, wording

    center = WD_ALIGN_PARAGRAPH.CENTER
    with_unit = groups[0][0] is not None
    table = columns(doc, widths, padding=PADDING)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    titles = [words("letter_col_n"), *([words("col_unit")] if with_unit else []), words("col_report"),
              words("col_period"), words("letter_col_deadline"), words("letter_col_late")]
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        fill(cell, title, size=size, bold=True, align=center)
    heading_row(table.rows[0])
    n = 0
    for number, (unit, rows) in enumerate(groups, 1):
        made = []
        for row in rows:
            n += 1
            name, period = report_period(words, config, row)
            slot = row.instance.slot
            values = [name, period, words("letter_deadline", wording=wording(words, slot), deadline=fmt(slot.deadline)),
                      words("days_over", n=-row.days_left)]
            cells = add_row(table, widths).cells
            values = ["", "", *values] if unit is not None else [str(n), *values]
            for k, (cell, value) in enumerate(zip(cells, values, strict=True)):
                if unit is None or k > 1:  # a unit's number and name are written once its cells are merged
                    fill(cell, value, size=size, align=center if k == 0 else None)
            made.append(cells)
        if unit is not None:  # the unit's number and name once, beside all its reports
            for k, value in ((0, str(number)), (1, unit.name)):
                cell = made[0][k].merge(made[-1][k]) if len(made) > 1 else made[0][k]
                fill(cell, value, size=size, align=center if k == 0 else None)


def _signature(doc: Any, words: Words, config: Config, items: Sequence[str]) -> None:
    """"Nơi nhận:" and its list on the left; the signer's authority, title and name on the right."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    office = config.office
    footer = columns(doc, HEADER_COLUMNS)
    left, right = footer.rows[0].cells
    recipients(left, words, items)
    for line in (office.signer_authority, office.signer_title):
        if line:
            para(right, line.upper(), bold=True, align=center)
    for _ in range(4):
        para(right, "", align=center)
    para(right, office.signer_name or words("letter_signer_blank"), bold=bool(office.signer_name), align=center)
    for cell in footer.rows[0].cells:
        drop_first_empty(cell)
