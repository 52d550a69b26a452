"""The office's tracking sheet as rows: a CSV (any of , ; tab, UTF-8 with or without BOM) or the sheets of an XLSX
workbook (openpyxl, read-only). What the rows mean (which row holds the headings, which sheet is the one) is the
import use case's business."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khoagiao_cli.errors import Msg, UserError

#: (row number as the clerk sees it, cells) of each row
Rows = list[tuple[int, list[Any]]]
#: (sheet name, its rows): a CSV file is one table without a name
Table = tuple[str, Rows]
#: the most rows one import takes (an office's tracking sheet holds a few thousand a year): a bigger file is
#: refused before it is read whole, and a workbook whose used range is stretched by one far cell stays cheap
MAX_ROWS = 50_000
#: the most columns read from a workbook (the sheet has at most seven)
MAX_COLUMNS = 40


def read_tables(path: Path) -> Iterator[Table]:
    """Each table of the file, every row numbered as the clerk sees it (title rows and headings included): the one
    table of a CSV, or each sheet of a workbook in order, read only when the one before was not what was wanted."""
    from khoagiao_cli.config.paths import check_input

    if str(path) == "-":
        raise UserError("import_stdin")
    check_input(path, "import_missing")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return iter([("", _read_csv(path))])
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise UserError("import_format", path=str(path))


def _read_csv(path: Path) -> Rows:
    """Every record at once (a line break inside quotes is part of its cell): a damaged file is refused before
    any row is checked, with the row where reading stopped. The quote khoagiao's own export puts before a text
    that begins as a formula would ('=…) is taken away again (`unneutral`)."""
    import csv
    import io

    from khoagiao_cli.core.text import MAX_TEXT
    from khoagiao_cli.outputs.text import unneutral

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("import_encoding", path=str(path)) from exc
    lines = text.split("\n", 12)[:12]  # a title row has no commas: the delimiter is the headings' one
    delimiter = max((",", ";", "\t"), key=lambda d: max(line.count(d) for line in lines))
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            rows.append([unneutral(c) for c in cells])
            if len(rows) > MAX_ROWS + 1:
                raise UserError("import_too_many", path=str(path), max=MAX_ROWS)
    except csv.Error as exc:
        row, limit = len(rows) + 1, csv.field_size_limit()
        if "field limit" in str(exc):
            raise UserError("import_cell_huge", path=str(path), row=row, limit=limit, max=MAX_TEXT) from exc
        raise UserError("import_csv_bad", path=str(path), row=row, error=str(exc)) from exc
    if not rows:
        raise UserError("import_empty", path=str(path))
    return list(enumerate(rows, 1))


def _read_xlsx(path: Path) -> Iterator[Table]:
    """Each sheet's rows at once, so that a damaged sheet is refused here: openpyxl raises whatever its zip and XML
    parsers raise (ParseError, XMLSyntaxError, IndexError ...) for a half-copied or hand-edited file."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except BadZipFile as exc:  # a workbook is a zip: this is not one
        raise UserError("import_not_xlsx", path=str(path)) from exc
    except Exception as exc:  # noqa: BLE001 - any failure of the parsers is a file we cannot read
        raise _unreadable(path, exc) from exc
    try:
        if not wb.worksheets:  # listed, but its part is missing from the zip: openpyxl leaves it out
            raise UserError("import_unreadable", path=str(path), error=Msg("import_no_sheets"))
        for ws in wb.worksheets:
            try:
                rows = _sheet_rows(ws, path)
            except UserError:
                raise
            except Exception as exc:  # noqa: BLE001 - as above
                raise _unreadable(path, exc) from exc
            yield str(ws.title), rows
    finally:
        wb.close()


def _unreadable(path: Path, exc: Exception) -> UserError:
    from khoagiao_cli.outputs.text import visible

    return UserError("import_unreadable", path=str(path), error=visible(str(exc) or type(exc).__name__, lines=False))


def _sheet_rows(ws: Any, path: Path) -> Rows:
    found: Rows = []
    for number, row in enumerate(ws.iter_rows(min_row=1, values_only=True, max_col=MAX_COLUMNS), 1):
        if any(c is not None for c in row):  # an empty row is left out; the numbers stay the clerk's
            found.append((number, list(row)))
        if number > MAX_ROWS + 1:  # counted with the blank ones: a far stray cell is refused, not walked to
            raise UserError("import_too_many", path=str(path), max=MAX_ROWS)
    return found
