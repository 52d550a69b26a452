"""The office's tracking sheet as rows: a CSV (any of , ; tab, UTF-8 with or without BOM) or the first sheet of
an XLSX workbook (openpyxl, read-only). What the rows mean is the import use case's business."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khoagiao_cli.errors import UserError

#: (row number as the clerk sees it, cells) of each data row
Rows = Iterator[tuple[int, list[Any]]]
#: the most rows one import takes (an office's tracking sheet holds a few thousand a year): a bigger file is
#: refused before it is read whole, and a workbook whose used range is stretched by one far cell stays cheap
MAX_ROWS = 50_000
#: the most columns read from a workbook (the sheet has at most seven)
MAX_COLUMNS = 40


def read_rows(path: Path) -> tuple[list[str], Rows]:
    """(headings, (row number as the clerk sees it, cells) of each data row)."""
    from khoagiao_cli.config.paths import check_input

    if str(path) == "-":
        raise UserError("import_stdin")
    check_input(path, "import_missing")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise UserError("import_format", path=str(path))


def _read_csv(path: Path) -> tuple[list[str], Rows]:
    """Every record at once (a line break inside quotes is part of its cell): a damaged file is refused before
    any row is checked, with the row where reading stopped."""
    import csv
    import io

    from khoagiao_cli.core.text import MAX_TEXT

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("import_encoding", path=str(path)) from exc
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            rows.append(cells)
            if len(rows) > MAX_ROWS + 1:
                raise UserError("import_too_many", path=str(path), max=MAX_ROWS)
    except csv.Error as exc:
        row, limit = len(rows) + 1, csv.field_size_limit()
        if "field limit" in str(exc):
            raise UserError("import_cell_huge", path=str(path), row=row, limit=limit, max=MAX_TEXT) from exc
        raise UserError("import_csv_bad", path=str(path), row=row, error=str(exc)) from exc
    if not rows:
        raise UserError("import_empty", path=str(path))
    return rows[0], ((n, r) for n, r in enumerate(rows[1:], 2))


def _read_xlsx(path: Path) -> tuple[list[str], Rows]:
    """Every row at once, so that a damaged workbook is refused here: openpyxl raises whatever its zip and XML
    parsers raise (ParseError, XMLSyntaxError, IndexError ...) for a half-copied or hand-edited file."""
    from zipfile import BadZipFile

    from khoagiao_cli.outputs.text import visible

    try:
        header, rows = _xlsx_rows(path)
    except UserError:
        raise
    except BadZipFile as exc:  # a workbook is a zip: this is not one
        raise UserError("import_not_xlsx", path=str(path)) from exc
    except Exception as exc:  # noqa: BLE001 - any failure of the parsers is a file we cannot read
        error = visible(str(exc) or type(exc).__name__, lines=False)
        raise UserError("import_unreadable", path=str(path), error=error) from exc
    return header, ((n, r) for n, r in enumerate(rows, 2))


def _xlsx_rows(path: Path) -> tuple[list[str], list[list[Any]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
        try:
            header = [("" if c is None else str(c)) for c in next(rows)]
        except StopIteration as exc:
            raise UserError("import_empty", path=str(path)) from exc
        found: list[list[Any]] = []
        blank = 0  # empty rows are kept only when a filled one follows (their numbers stay the clerk's)
        for row in rows:
            if all(c is None for c in row):
                blank += 1
            else:
                found += [[None] * len(row)] * blank + [list(row)]
                blank = 0
            if len(found) + blank > MAX_ROWS:
                raise UserError("import_too_many", path=str(path), max=MAX_ROWS)
        return header, found
    finally:
        wb.close()
