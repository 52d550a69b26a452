"""A draft urging letter (công văn đôn đốc) as a Word document, in the party's document format
(Hướng dẫn 36-HD/VPTW): the issuing body's header beside "ĐẢNG CỘNG SẢN VIỆT NAM", a number to fill in,
place and date in words, the subject line, "Kính gửi:", the body, "Nơi nhận:" and the signature block. Every run
of text passes `visible` (XML refuses control characters)."""

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.status import Row
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.text import visible

FONT = "Times New Roman"


def issuing_body(config: Config) -> tuple[str, str]:
    """(the committee above, the office) for the header: ("TỈNH ỦY KHÁNH HÒA", "BAN TUYÊN GIÁO VÀ DÂN VẬN")."""
    office = config.office
    name = office.name
    if office.parent and name.lower().endswith(" tỉnh ủy"):
        name = name[: -len(" tỉnh ủy")]
    parent = office.parent or (f"Tỉnh ủy {office.province}" if office.province else "")
    return parent.upper(), name.upper()


def date_in_words(words: Words, place: str | None, day: date) -> str:
    """"Khánh Hòa, ngày 23 tháng 11 năm 2026"."""
    text = words("letter_date", day=day.day, month=day.month, year=day.year)
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def letter_docx(words: Words, config: Config, unit: Unit, rows: Sequence[Row], as_of: date) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    from khoagiao_cli.outputs.phrases import fmt, report_period, wording

    office = config.office
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.element.rPr.rFonts.set(_qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)

    def para(cell_or_doc: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: float = 14,
             align: Any = None, underline: bool = False, indent: bool = False) -> Any:
        p = cell_or_doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1.0)
            p.paragraph_format.space_after = Pt(6)
        run = p.add_run(visible(text))
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)
        return p

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    parent, body_name = issuing_body(config)
    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = header.rows[0].cells
    left.width, right.width = Cm(7.5), Cm(9.0)
    if parent:
        para(left, parent, align=center)
    para(left, body_name, bold=True, align=center)
    para(left, "*", align=center)
    para(left, words("letter_number", symbol=office.symbol or "CV"), align=center)
    para(left, words("letter_subject"), italic=True, size=12, align=center)
    para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15, align=center)
    para(right, "")
    para(right, date_in_words(words, office.place or office.province, as_of), italic=True, align=center)

    para(doc, "")
    para(doc, words("letter_to", unit=unit.name), align=center)
    para(doc, "")
    basis = words("letter_basis", basis=office.basis) if office.basis else words("letter_no_basis")
    para(doc, words("letter_opening", basis=basis, office=office.name, as_of=f"{as_of.day:02d}/{as_of.month:02d}/{as_of.year}",
                unit=unit.name), align=justify, indent=True)

    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, (words("letter_col_n"), words("col_report"), words("col_period"),
                                                  words("letter_col_deadline"), words("letter_col_late")), strict=True):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(visible(title))
        run.bold = True
        run.font.size = Pt(13)
        cell.paragraphs[0].alignment = center
    for n, row in enumerate(rows, 1):
        name, period = report_period(words, config, row)
        slot = row.instance.slot
        values = (str(n), name, period, words("letter_deadline", wording=wording(words, slot), deadline=fmt(slot.deadline)),
                  words("days_over", n=-row.days_left))
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.paragraphs[0].text = ""
            cell.paragraphs[0].add_run(visible(value)).font.size = Pt(13)
    para(doc, "")
    how = words("letter_how_email", email=office.email) if office.email else ""
    para(doc, words("letter_request", office=office.name, unit=unit.name, how=how), align=justify, indent=True)
    para(doc, words("letter_closing"), align=justify, indent=True)
    para(doc, "")

    footer = doc.add_table(rows=1, cols=2)
    left, right = footer.rows[0].cells
    left.width, right.width = Cm(8.0), Cm(8.5)
    p = para(left, words("letter_recipients"), bold=True, size=12)
    p.runs[0].underline = True
    para(left, words("letter_recipient_unit"), size=12)
    para(left, words("letter_recipient_archive"), size=12)
    for line in (office.signer_authority, office.signer_title):
        if line:
            para(right, line.upper(), bold=True, align=center)
    for _ in range(4):
        para(right, "", align=center)
    para(right, office.signer_name or words("letter_signer_blank"), bold=bool(office.signer_name), align=center)

    for cell in (*header.rows[0].cells, *footer.rows[0].cells):
        _drop_first_empty(cell)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _drop_first_empty(cell: Any) -> None:
    """A new cell starts with an empty paragraph; the text was added after it."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
