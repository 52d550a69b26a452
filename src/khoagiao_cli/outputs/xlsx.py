"""The office's spreadsheet (openpyxl): a sheet per year (units × periods, coloured by status, with a legend of
the colours), every ledger event, and the scorecard. Headings in the user's language, frozen headers. Printed on
A4 landscape at a size one can read: never shrunk to fit a page's width (a year of 20 periods came out at 4 pt);
the heading rows and the columns that name the unit repeat on every page, the header says as of which day.

Every text is written as a text (data type "s"), never as a formula: a unit name or a note "=HYPERLINK(…)" is
shown as it is, not obeyed (Excel evaluates only a cell typed as a formula)."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.model import Config
from khoagiao_cli.core.scorecard import Score
from khoagiao_cli.core.status import DUE, LATE, ON_TIME, OVERDUE, UPCOMING, Event, Row, Void
from khoagiao_cli.i18n import Words, stamp_text
from khoagiao_cli.outputs.phrases import channel_text, report_period, rule_name
from khoagiao_cli.outputs.text import visible

FILLS = {ON_TIME: "C6EFCE", LATE: "FFEB9C", OVERDUE: "FFC7CE", DUE: "FFF2CC", UPCOMING: "F2F2F2"}
DATE_FORMAT = "dd/mm/yyyy"
#: a receipt known to the minute (urgent reports, or a time typed): read back by `import` with its time
MOMENT_FORMAT = "dd/mm/yyyy hh:mm"


def workbook_bytes(
    words: Words,
    config: Config, years: Mapping[int, Sequence[Row]], events: Sequence[Event], scores: Sequence[Score],
    *, score_year: int, as_of: date, chain: tuple[int, str] = (0, ""), voids: Sequence[Void] = (),
) -> bytes:
    """The workbook; `chain` (records, head of the ledger's hash chain) is printed in every page's footer, so
    that a printed copy can later be checked with `khoagiao verify --head`."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for year, rows in years.items():
        _year_sheet(words, wb, config, year, rows, as_of)
    _events_sheet(words, wb, config, events, voids)
    _score_sheet(words, wb, scores, score_year, as_of)
    for ws in wb.worksheets:
        # the events' twelve columns: two pages wide at 85 % (9 pt) with the unit repeated, not one at 69 %
        scale = 85 if ws.title == words("xlsx_events") else 100
        _page(words, ws, config.office.name, as_of, scale=scale)
        if chain[1]:
            ws.oddFooter.left.text = _said(words("chain_footer", n=chain[0], head=chain[1][:16]))
            ws.oddFooter.left.size = _printed_at(8, scale)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _append(ws: Any, values: Sequence[Any]) -> None:
    """One row, every text as it is: a control character (which openpyxl refuses) shown as its picture, and a
    text that begins with "=" kept a text, never made a formula."""
    ws.append([visible(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"


def _header(ws: Any, titles: Sequence[str], widths: Sequence[float]) -> None:
    """The heading row (the next row: below the legend on a year's sheet), repeated on every printed page."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter

    _append(ws, list(titles))
    row = ws.max_row
    for n, width in enumerate(widths, 1):
        cell = ws.cell(row=row, column=n)
        cell.font = _font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(n)].width = width
    ws.row_dimensions[row].height = 32
    ws.print_title_rows = f"1:{row}"


def _page(words: Words, ws: Any, office: str, as_of: date, scale: int = 100) -> None:
    """A4 landscape at `scale` percent, never fitted to the page's width; the office, the sheet and the day it is
    as of in the header, the page number in the footer; the grid printed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = scale
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_options.gridLines = True
    ws.oddHeader.left.text = _said(office)
    ws.oddHeader.center.text = "&A"  # the sheet's name
    ws.oddHeader.right.text = _said(words("xlsx_as_of", day=f"{as_of.day:02d}/{as_of.month:02d}/{as_of.year}"))
    ws.oddFooter.right.text = words("xlsx_page")
    for part in (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right, ws.oddFooter.right):
        part.size = _printed_at(9, scale)


def _printed_at(size: int, scale: int) -> int:
    """The size that prints at least `size` points on a sheet printed at `scale` percent: the header and footer
    shrink with the sheet (LibreOffice ignores Excel's scaleWithDoc="0"), 9 pt at 85 % would print 7.7."""
    return -(-size * 100 // scale)


def _font(**style: bool) -> Any:
    """The cells' own font (the workbook's default, Calibri 11) in bold or italic: a font with no name is drawn in
    another family (LibreOffice took a serif beside the cells' sans-serif)."""
    from openpyxl.styles import DEFAULT_FONT, Font

    return Font(name=DEFAULT_FONT.name, size=DEFAULT_FONT.sz, family=DEFAULT_FONT.family, scheme=DEFAULT_FONT.scheme,
                **style)


def _said(text: str) -> str:
    """A text in a page's header or footer as it is: "&" begins a code there (&P is the page number)."""
    return visible(text, lines=False).replace("&", "&&")


def _legend(words: Words, ws: Any) -> None:
    """The first row: each status's colour beside its words (repeated on every printed page with the headings)."""
    from openpyxl.styles import Alignment, PatternFill

    statuses = (ON_TIME, LATE, OVERDUE, DUE, UPCOMING)
    _append(ws, [None, words("xlsx_legend"), *(words("xlsx_legend_" + s) for s in statuses)])
    ws.cell(row=1, column=2).font = _font(italic=True)
    ws.cell(row=1, column=2).alignment = Alignment(horizontal="right")
    for n, status in enumerate(statuses, 3):
        cell = ws.cell(row=1, column=n)
        cell.fill = PatternFill("solid", fgColor=FILLS[status])
        cell.alignment = Alignment(horizontal="center")


def _year_sheet(words: Words, wb: Any, config: Config, year: int, rows: Sequence[Row], as_of: date) -> None:
    from openpyxl.styles import Alignment, PatternFill


    ws = wb.create_sheet(words("xlsx_year", year=year))
    columns: dict[tuple[str, str], int] = {}
    titles: list[str] = []
    for r in sorted(rows, key=lambda r: r.instance.deadline):
        key = (r.instance.report, r.instance.period)
        if key not in columns:
            name, period = report_period(words, config, r)
            columns[key] = len(columns)
            d = r.instance.deadline
            titles.append(f"{name}\n{period}\n{words('xlsx_due', day=f'{d.day:02d}/{d.month:02d}')}")
    units = list(dict.fromkeys(r.instance.unit for r in rows))
    order = {u.code: i for i, u in enumerate(config.all_units)}
    units.sort(key=lambda code: order.get(code, len(order)))
    _legend(words, ws)
    _header(ws, [words("col_code"), words("col_unit"), *titles], [10, 38, *([14] * len(titles))])
    ws.row_dimensions[2].height = 62
    ws.print_title_cols = "A:B"
    cells = {(r.instance.unit, r.instance.report, r.instance.period): r for r in rows}
    for code in units:
        values: list[Any] = [code, config.unit_name(code)]
        for report, period in columns:
            row = cells.get((code, report, period))
            if row is None:
                values.append(None)
            elif row.received is not None:
                values.append(row.received)
            else:
                values.append(words("st_" + row.status))
        _append(ws, values)
        for (report, period), n in columns.items():
            row = cells.get((code, report, period))
            if row is not None:
                cell = ws.cell(row=ws.max_row, column=3 + n)
                cell.fill = PatternFill("solid", fgColor=FILLS[row.status])
                cell.alignment = Alignment(horizontal="center")
                if row.received is not None:
                    cell.number_format = DATE_FORMAT
    ws.freeze_panes = "C3"


def _events_sheet(words: Words, wb: Any, config: Config, events: Sequence[Event], voids: Sequence[Void]) -> None:
    """Every event; one voided as the office's entry error says so in its kind, with the void's reason. The channel
    in words and the moment recorded as dd/mm/yyyy HH:MM, like the screens; a receipt's time of day kept."""
    ws = wb.create_sheet(words("xlsx_events"))
    titles = ["#", *(words(k) for k in ("col_kind", "col_code", "col_unit", "col_report", "col_period", "col_received",
                                        "col_doc", "col_channel", "col_note", "col_recorded", "col_by"))]
    _header(ws, titles, [6, 10, 10, 38, 14, 16, 12, 18, 10, 30, 20, 12])
    by_event = {v.event_id: v for v in voids}
    for e in events:
        void = by_event.get(e.id)
        kind = words("kind_" + e.kind) + (f" — {words('voided_mark')} ({void.label}: {void.note})" if void else "")
        # openpyxl writes no time zone: the moment as the office's clock read it
        received = e.received_at.replace(tzinfo=None) if e.received_at is not None else e.received
        _append(ws, [
            e.id, kind, e.unit, e.unit_name or config.unit_name(e.unit),
            rule_name(words, config, e.report), e.period, received, e.doc_number, channel_text(words, e.channel),
            e.note, stamp_text(e.recorded_at), e.recorded_by,
        ])
        ws.cell(row=ws.max_row, column=7).number_format = MOMENT_FORMAT if e.received_at else DATE_FORMAT
    ws.freeze_panes = "A2"
    ws.print_title_cols = "A:D"


def _score_sheet(words: Words, wb: Any, scores: Sequence[Score], year: int, as_of: date) -> None:
    ws = wb.create_sheet(words("xlsx_scores", year=year))
    titles = [words(k) for k in ("col_rank", "col_code", "col_unit", "col_owed", "col_on_time", "col_late",
                                 "col_avg_late", "col_max_late", "col_missing", "col_rate")]
    _header(ws, titles, [7, 10, 38, 10, 10, 10, 12, 10, 10, 14])
    for s in scores:
        _append(ws, [s.rank, s.unit, s.unit_name, s.owed, s.on_time, s.late,
                   round(s.avg_days_late, 1) if s.avg_days_late is not None else None, s.max_days_late, s.missing,
                   s.on_time_rate])
        ws.cell(row=ws.max_row, column=10).number_format = "0.0%"
    ws.freeze_panes = "A2"
    ws.print_title_cols = "A:C"
