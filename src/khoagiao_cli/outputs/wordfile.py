"""What every Word document khoagiao writes shares (python-docx): the party's document format of Hướng dẫn
36-HD/VPTW (03/4/2018) — A4, margins 20/20/30/15 mm, Times New Roman 14 pt; the header of the issuing body beside
"ĐẢNG CỘNG SẢN VIỆT NAM" over the place and date ("ngày 05 tháng 02", "ngày 15 tháng 4": days 1-9 and the months
January and February with a leading 0, no other month); page numbers from page 2 on, centred at the top, 14 pt;
"Nơi nhận:" in 14 pt upright and underlined over its list in 12 pt — and what Word and LibreOffice need to show it
alike: every table's grid (w:tblGrid, which LibreOffice lays out by) equal to its cells' widths (w:tcW, which Word
lays out by), the document's language (vi-VN, so that spelling and screen readers take it as Vietnamese), and
properties naming the office rather than the library. Every run of text passes `visible` (XML refuses control
characters)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from khoagiao_cli.core.model import Config
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.text import visible

FONT = "Times New Roman"
#: the text's width between the guide's margins (A4: 210 mm less 30 mm and 15 mm), in cm
TEXT_WIDTH = 21.0 - 3.0 - 1.5
#: the header's columns: the issuing body's name in 14 pt bold capitals ("BAN TUYÊN GIÁO VÀ DÂN VẬN", 7.6 cm) and
#: the date line in 14 pt italic ("Khánh Hòa, ngày 28 tháng 12 năm 2026", 8.1 cm), each on one line
HEADER_COLUMNS = (7.8, 8.7)
#: the language tag of the document, by the language of its words
LANGUAGE = {"vi": "vi-VN", "en": "en-GB"}


def issuing_body(config: Config) -> tuple[str, str]:
    """(the committee above, the office) for the header: ("TỈNH ỦY KHÁNH HÒA", "BAN TUYÊN GIÁO VÀ DÂN VẬN")."""
    office = config.office
    name = office.name
    if office.parent and name.lower().endswith(" tỉnh ủy"):
        name = name[: -len(" tỉnh ủy")]
    parent = office.parent or (f"Tỉnh ủy {office.province}" if office.province else "")
    return parent.upper(), name.upper()


def day_in_words(words: Words, day: date) -> str:
    """"ngày 05 tháng 02 năm 2026", "ngày 15 tháng 4 năm 2026" as the guide writes them (a day below 10 and the
    months 1 and 2 with a leading 0, no other month); in English 15/04/2026."""
    month = f"{day.month:02d}" if day.month < 3 or words.lang != "vi" else str(day.month)
    return words("letter_date", day=f"{day.day:02d}", month=month, year=day.year)


def date_in_words(words: Words, place: str | None, day: date) -> str:
    """The date line: "Khánh Hòa, ngày 15 tháng 4 năm 2026" (without a place: "Ngày 15 tháng 4 năm 2026")."""
    text = day_in_words(words, day)
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def new_document(words: Words, config: Config, *, title: str, subject: str, made: datetime | None = None) -> Any:
    """An empty A4 document in the guide's format, its language and properties set: the office as its author and
    last editor (never "python-docx"), `title` and `subject`, made at `made`."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    fonts = style.element.rPr.rFonts
    for kind in ("w:eastAsia", "w:cs"):
        fonts.set(_qn(kind), FONT)
    style.paragraph_format.space_after = Pt(0)
    tag = LANGUAGE[words.lang]
    _language(doc, tag)
    props = doc.core_properties
    office = visible(config.office.name, lines=False)
    props.author = props.last_modified_by = office
    props.title, props.subject = visible(title, lines=False), visible(subject, lines=False)
    props.language, props.comments, props.keywords, props.category = tag, "", "", ""
    props.revision = 1
    if made is not None:
        props.created = props.modified = made.astimezone(UTC).replace(tzinfo=None) if made.tzinfo else made
    _number_pages(section)
    return doc


def _language(doc: Any, tag: str) -> None:
    """The language of every run that says none: the document's defaults (w:docDefaults) and its Normal style."""
    from docx.oxml import OxmlElement

    styles = doc.styles.element
    defaults = styles.find(_qn("w:docDefaults"))
    holders = [defaults.find(_qn("w:rPrDefault")).find(_qn("w:rPr")), doc.styles["Normal"].element.get_or_add_rPr()]
    for rpr in holders:
        lang = rpr.find(_qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        lang.set(_qn("w:val"), tag)


def _number_pages(section: Any) -> None:
    """A page number centred at the top of every page but the first (a different first page, w:titlePg, whose
    header is empty), in 14 pt: a PAGE field, which Word and LibreOffice fill in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, value in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(14)
        if kind == "text":
            run.text = value
            continue
        element = OxmlElement("w:instrText" if kind == "instr" else "w:fldChar")
        if kind == "instr":
            element.set(_qn("xml:space"), "preserve")
            element.text = value
        else:
            element.set(_qn("w:fldCharType"), kind)
        run._r.append(element)


def para(container: Any, text: str = "", *, bold: bool = False, italic: bool = False, size: float = 14,
         align: Any = None, underline: bool = False, indent: bool = False) -> Any:
    """A paragraph of one run; `indent`: the body's first-line indent (1 cm) and 6 pt after."""
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(1.0)
        p.paragraph_format.space_after = Pt(6)
    run = p.add_run(visible(text))
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    return p


def columns(doc: Any, widths: Sequence[float], rows: int = 1, *, padding: float = 0.0) -> Any:
    """A table of these column widths (cm), its grid and every cell agreeing, laid out at those widths (never fitted
    to its text), `padding` (cm) inside each cell's sides: none for a layout table, so that its text lines up with
    the page's margins and has the whole width; a little for a table with borders."""
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    table = doc.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(_qn("w:gridCol")), widths, strict=True):
        col.set(_qn("w:w"), str(Cm(width).twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    props = table._tbl.tblPr
    total = props.find(_qn("w:tblW"))
    total.set(_qn("w:type"), "dxa")
    total.set(_qn("w:w"), str(sum(Cm(w).twips for w in widths)))
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        edge = OxmlElement(side)
        edge.set(_qn("w:w"), str(Cm(padding).twips))
        edge.set(_qn("w:type"), "dxa")
        margins.append(edge)
    props.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
    return table


def add_row(table: Any, widths: Sequence[float]) -> Any:
    """A new row whose cells have the table's widths (python-docx leaves a new cell's width out)."""
    from docx.shared import Cm

    row = table.add_row()
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)
    return row


def heading_row(row: Any) -> None:
    """A table's first row, repeated at the top of every page the table runs on to (w:tblHeader)."""
    from docx.oxml import OxmlElement

    mark = OxmlElement("w:tblHeader")
    mark.set(_qn("w:val"), "true")
    row._tr.get_or_add_trPr().insert_element_before(mark, "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                                                    "w:trPrChange")


def fill(cell: Any, text: str, *, size: float = 13, bold: bool = False, align: Any = None) -> None:
    """A cell's one paragraph, holding `text`."""
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.text = ""
    run = p.add_run(visible(text))
    run.font.size = Pt(size)
    run.bold = bold
    if align is not None:
        p.alignment = align


def party_header(doc: Any, words: Words, config: Config, as_of: date, left: Sequence[tuple[str, dict[str, Any]]] = ()
                 ) -> Any:
    """The first lines: on the left the committee above, the office (bold), "*" and `left` (the number, the
    subject: (text, `para` options)); on the right "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold, underlined) over the place
    and date (14 pt italic)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    parent, body_name = issuing_body(config)
    header = columns(doc, HEADER_COLUMNS)
    left_cell, right_cell = header.rows[0].cells
    if parent:
        para(left_cell, parent, align=center)
    para(left_cell, body_name, bold=True, align=center)
    para(left_cell, "*", align=center)
    for text, options in left:
        para(left_cell, text, align=center, **options)
    para(right_cell, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, underline=True, size=15, align=center)
    para(right_cell, "")
    office = config.office
    para(right_cell, date_in_words(words, office.place or office.province, as_of), italic=True, align=center)
    for cell in header.rows[0].cells:
        drop_first_empty(cell)
    return header


def recipients(cell: Any, words: Words, items: Sequence[str]) -> None:
    """"Nơi nhận:" (14 pt, upright, underlined) and the recipients below it (12 pt, upright), each on its line."""
    para(cell, words("letter_recipients"), underline=True)
    for item in items:
        para(cell, item, size=12)


def drop_first_empty(cell: Any) -> None:
    """A new cell starts with an empty paragraph; the text was added after it."""
    first = cell.paragraphs[0]
    if not first.text and len(cell.paragraphs) > 1:
        first._element.getparent().remove(first._element)


def to_bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
