"""`khoagiao import`: submissions from the office's tracking sheet (CSV or XLSX), all rows or none."""

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from khoagiao_cli.core.model import CHANNELS, Config
from khoagiao_cli.core.status import SUBMIT, Event
from khoagiao_cli.errors import KhoagiaoError, UserError
from khoagiao_cli.i18n import t
from khoagiao_cli.store.base import Ledger, Reader

#: accepted headings (folded: lower case, no accents, punctuation as spaces) for each column
HEADINGS = {
    "unit": ("unit", "don vi", "ma don vi", "co quan", "don vi gui"),
    "report": ("report", "bao cao", "ma bao cao", "loai bao cao"),
    "period": ("period", "ky", "ky bao cao"),
    "received": ("received", "ngay nhan", "ngay den", "ngay gui"),
    "doc_number": ("doc number", "doc_number", "so", "so van ban", "so ky hieu", "so hieu", "so ky hieu van ban"),
    "channel": ("channel", "hinh thuc", "hinh thuc nhan", "hinh thuc gui"),
    "note": ("note", "ghi chu"),
}
REQUIRED = ("unit", "report", "period", "received")
#: channel names as offices write them
CHANNEL_WORDS = {
    "giay": "paper", "ban giay": "paper", "van ban giay": "paper", "paper": "paper",
    "email": "email", "e mail": "email", "thu dien tu": "email", "mail": "email",
    "eoffice": "eoffice", "e office": "eoffice", "van phong dien tu": "eoffice", "he thong": "eoffice",
    "khac": "other", "other": "other",
}


class Planned(NamedTuple):
    row: int
    event: Event


class Plan(NamedTuple):
    to_record: list[Planned]
    #: rows already in the ledger with the same received date
    already: list[int]
    errors: list[str]


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]]]:
    """(headings, (row number as the clerk sees it, cells) of each data row)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError("import_missing", path=str(path))
    if suffix == ".csv":
        return _read_csv(path)
    if suffix == ".xlsx":
        return _read_xlsx(path)
    raise UserError("import_format", path=str(path))


def _read_csv(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]]]:
    import csv

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError("import_encoding", path=str(path)) from exc
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    if not rows:
        raise UserError("import_empty", path=str(path))
    return rows[0], ((n, r) for n, r in enumerate(rows[1:], 2))


def _read_xlsx(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError("import_unreadable", path=str(path), error=str(exc)) from exc
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    try:
        header = [("" if c is None else str(c)) for c in next(rows)]
    except StopIteration as exc:
        raise UserError("import_empty", path=str(path)) from exc
    return header, ((n, list(r)) for n, r in enumerate(rows, 2))


def columns(header: Sequence[str]) -> dict[str, int]:
    from khoagiao_cli.core.lookup import fold

    found: dict[str, int] = {}
    for i, heading in enumerate(header):
        name = fold(str(heading))
        for field, names in HEADINGS.items():
            if name in names and field not in found:
                found[field] = i
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise UserError("import_columns", missing=", ".join(missing), found=", ".join(str(h) for h in header if h))
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def plan_import(
    config: Config, ledger: Reader, path: Path, *, today: date, recorded_at: str, recorded_by: str,
    progress: Any = None,
) -> Plan:
    """Check every row; nothing is written here. `progress` wraps the row iterator (a Rich bar)."""
    from khoagiao_cli.app.actions import _adhoc_choice, _owed_instance
    from khoagiao_cli.core.dates import parse_date
    from khoagiao_cli.core.lookup import find_rule, find_slot, find_unit, fold

    header, rows = read_rows(path)
    where = columns(header)
    current = ledger.in_force()
    planned: list[Planned] = []
    already: list[int] = []
    errors: list[str] = []
    seen: dict[tuple[str, str, str], int] = {}
    items = list(rows)
    for number, cells in (progress(items) if progress else items):
        values = {f: (cells[i] if i < len(cells) else None) for f, i in where.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # a blank line
        try:
            unit = find_unit(config, _text(values["unit"]))
            report_text = _text(values["report"])
            adhoc = _adhoc_choice(config, ledger, unit, report_text)
            period_value = values["period"]
            if adhoc is None:
                rule = find_rule(config, report_text)
                if isinstance(period_value, datetime | date):  # a spreadsheet turned "3/2026" into a date
                    period_value = f"{period_value.year}-{period_value.month:02d}" if rule.frequency == "monthly" \
                        else str(period_value.year)
                slot = find_slot(rule, _text(period_value), config.calendar)
                instance = _owed_instance(config, unit, rule, slot)
            else:
                label = _text(period_value)
                found = next((i for i in adhoc[1] if i.period == label), None)
                if found is None:
                    raise UserError("period_unknown_adhoc", period=label, report=adhoc[0],
                                    known=", ".join(i.period for i in adhoc[1]) or "-")
                instance = found
            received_value = values["received"]
            if isinstance(received_value, datetime):
                received = received_value.date()
            elif isinstance(received_value, date):
                received = received_value
            else:
                received = parse_date(_text(received_value), today, what=t("import_col_received"))
            if received > today:
                raise UserError("received_future", received=received, today=today)
            channel_text = fold(_text(values.get("channel")))
            channel = CHANNEL_WORDS.get(channel_text) if channel_text else None
            if channel_text and channel not in CHANNELS:
                raise UserError("channel_unknown", value=_text(values.get("channel")), known=", ".join(CHANNELS))
            key = instance.key
            if key in seen:
                raise UserError("import_twice", other=seen[key])
            seen[key] = number
            previous = current.get(key)
            if previous is not None:
                if previous.received == received:
                    already.append(number)
                    continue
                raise UserError("import_conflict", received=previous.received, event=previous.id)
            planned.append(Planned(number, Event(
                0, SUBMIT, unit.code, instance.report, instance.period, received,
                doc_number=_text(values.get("doc_number")) or None, channel=channel,
                note=_text(values.get("note")) or None, unit_name=unit.name,
                recorded_at=recorded_at, recorded_by=recorded_by,
            )))
        except KhoagiaoError as exc:
            errors.append(t("import_row", row=number, error=exc.message()))
    return Plan(planned, already, errors)


def apply(ledger: Ledger, plan: Plan) -> list[int]:
    """Record every planned row in one transaction; the ledger is checked again inside it."""
    with ledger.write():
        current = ledger.in_force()
        clash = [p.row for p in plan.to_record if p.event.key in current]
        if clash:  # another clerk recorded some of them meanwhile
            raise UserError("import_raced", rows=", ".join(map(str, clash)))
        return [ledger.append(p.event) for p in plan.to_record]
