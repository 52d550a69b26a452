"""`khoagiao import`: submissions from the office's tracking sheet, all rows or none (the sheet is read by
outputs/sheets.py; every row is checked here, as `submit` would check it)."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import Any, NamedTuple

from khoagiao_cli.app.pick import doubts, instance_for, target
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.dates import parse_moment
from khoagiao_cli.core.lookup import channel_id, fold
from khoagiao_cli.core.model import Config
from khoagiao_cli.core.status import SUBMIT, Event, Key
from khoagiao_cli.core.text import check_text
from khoagiao_cli.errors import KhoagiaoError, Msg, UserError
from khoagiao_cli.store.base import Ledger, Reader

#: accepted headings (folded: lower case, no accents, punctuation as spaces) for each column
HEADINGS = {
    "unit": ("unit", "code", "ma", "don vi", "ma don vi", "ten don vi", "co quan", "ten co quan", "don vi gui"),
    "report": ("report", "bao cao", "ma bao cao", "loai bao cao"),
    "period": ("period", "ky", "ky bao cao"),
    "received": ("received", "ngay nhan", "ngay den", "ngay gui"),
    "doc_number": ("doc number", "doc_number", "so", "so van ban", "so ky hieu", "so hieu", "so ky hieu van ban"),
    "kind": ("kind", "event", "su kien", "loai su kien"),
    "channel": ("channel", "hinh thuc", "hinh thuc nhan", "hinh thuc gui"),
    "note": ("note", "ghi chu"),
}
REQUIRED = ("unit", "report", "period", "received")
#: each column's name in a message (the headings of khoagiao's own spreadsheet)
LABELS = {"unit": "col_unit", "report": "col_report", "period": "col_period", "received": "col_received",
          "doc_number": "col_doc", "channel": "col_channel", "note": "col_note", "kind": "col_kind"}
#: how many rows above the headings may be titles ("SỔ THEO DÕI BÁO CÁO", a blank row, then the headings)
HEADING_ROWS = 10
#: the event kinds of khoagiao's own export (its "Sự kiện" sheet, in either language) that record a report; any
#: other kind (a withdrawal) leaves the report not received
RECEIPTS = {"nhan", "sua", "received", "corrected", "submit", "correct"}
class Planned(NamedTuple):
    row: int
    event: Event


class Plan(NamedTuple):
    to_record: list[Planned]
    #: rows already in the ledger with the same received date
    already: list[int]
    #: (row number, what is wrong with it)
    errors: list[tuple[int, KhoagiaoError]]
    #: rows of khoagiao's own export that a later row of the same report and period replaced
    superseded: list[int] = []


def _fields(header: Sequence[Any]) -> dict[str, int]:
    """Which column holds which field, by its heading (the first column of each wins)."""
    found: dict[str, int] = {}
    for i, heading in enumerate(header):
        name = fold(_text(heading))
        for field, names in HEADINGS.items():
            if name in names and field not in found:
                found[field] = i
    return found


class Sheet(NamedTuple):
    #: the sheet's name ("" for a CSV file)
    name: str
    #: the heading row's number, as the clerk sees it
    row: int
    header: list[str]
    rows: list[tuple[int, list[Any]]]
    #: False when the headings are not the first row of the first sheet (worth saying where they were found)
    first: bool


def find_sheet(tables: Iterable[tuple[str, list[tuple[int, list[Any]]]]], path: str) -> Sheet:
    """The first sheet with a heading row (all of unit, report, period, received) among its first HEADING_ROWS
    rows: below a title row, or on a later sheet (khoagiao's own export: its "Sự kiện" sheet)."""
    closest: tuple[int, int, list[Any]] | None = None  # (fields found, row, cells) on the first sheet
    for index, (name, rows) in enumerate(tables):
        for position, (number, cells) in enumerate(rows[:HEADING_ROWS]):
            found = _fields(cells)
            if all(f in found for f in REQUIRED):
                header = [_text(c) for c in cells]
                for i, heading in enumerate(header):  # said back if a column is missing: no control characters
                    check_text(heading, Msg("import_heading", {"row": number, "column": letter(i)}))
                return Sheet(name, number, header, rows[position + 1:], index == 0 and position == 0)
            score = sum(f in found for f in REQUIRED)
            if index == 0 and (closest is None or score > closest[0]):
                closest = (score, number, cells)
    if closest is None:
        raise UserError("import_empty", path=path)
    _, number, cells = closest
    for i, heading in enumerate(cells):
        check_text(_text(heading), Msg("import_heading", {"row": number, "column": letter(i)}))
    found = _fields(cells)
    raise UserError("import_columns", missing=[Msg(LABELS[f]) for f in REQUIRED if f not in found],
                    found=", ".join(_text(h) for h in cells if _text(h)))


def letter(index: int) -> str:
    """A column as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def plan_import(
    config: Config, reader: Reader, clock: Clock, header: Sequence[str], rows: Iterable[tuple[int, list[Any]]], *,
    recorded_by: str, sure: bool = False,
) -> Plan:
    """Check every row; nothing is written here. With an event column (khoagiao's own export), the last row of each
    report and period is the one that counts: a correction replaces the receipt, a withdrawal leaves nothing. A row
    whose period looks mistyped (app.pick.doubts) is an error unless `sure` (the whole file's --yes)."""
    where = _fields(header)
    errors: list[tuple[int, KhoagiaoError]] = []
    latest: dict[tuple[str, str, str], tuple[int, Event | None]] = {}
    superseded: list[int] = []
    in_force = reader.in_force()
    #: what is in force with the rows read so far: a successor's row for a period its predecessor's row holds
    known = dict(in_force)
    for number, cells in rows:
        values = {f: (cells[i] if i < len(cells) else None) for f, i in where.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # a blank line
        try:
            key, event = _row(config, reader, clock, where, values, recorded_by, sure, known)
            if key in latest:
                if "kind" not in where:
                    raise UserError("import_twice", other=latest[key][0])
                superseded.append(latest[key][0])
            latest[key] = (number, event)
            if event is not None:  # a later row for the same period from its successor is a repeat
                known[key] = event
        except KhoagiaoError as exc:
            errors.append((number, exc))
    planned: list[Planned] = []
    already: list[int] = []
    for key, (number, event) in sorted(latest.items(), key=lambda item: item[1][0]):
        if event is None:
            continue
        previous = in_force.get(key)
        if previous is None:
            planned.append(Planned(number, event))
        elif previous.received == event.received:
            already.append(number)
        else:
            errors.append((number, UserError("import_conflict", received=previous.received, event=previous.id)))
    errors.sort(key=lambda e: e[0])
    return Plan(planned, already, errors, sorted(superseded))


def _row(config: Config, reader: Reader, clock: Clock, where: dict[str, int], values: dict[str, Any],
         recorded_by: str, sure: bool, known: dict[Key, Event]) -> tuple[Key, Event | None]:
    """One row: the report and period it names, and the receipt it records (None for a withdrawal)."""
    for field, i in where.items():
        if isinstance(value := values[field], str):  # a line break typed in a note (Alt+Enter) is kept
            check_text(value, Msg("import_column", {"column": letter(i), "name": Msg(LABELS[field])}),
                       allow="\t\n" if field == "note" else "")
    chosen = target(config, reader, _text(values["unit"]), _text(values["report"]))
    period_value = values["period"]
    if chosen.rule is not None and isinstance(period_value, datetime | date):
        # a spreadsheet turned "3/2026" into a date
        period_value = f"{period_value.year}-{period_value.month:02d}" if chosen.rule.frequency == "monthly" \
            else str(period_value.year)
    instance = instance_for(config, chosen, _text(period_value), known, clock.today, verb="import")
    kind = fold(_text(values.get("kind")))
    if kind and kind not in RECEIPTS:
        return instance.key, None
    received_value, at = values["received"], None
    if isinstance(received_value, datetime):
        received = received_value.date()
        at = received_value.time() if received_value.time() != time(0, 0) else None
    elif isinstance(received_value, date):
        received = received_value
    else:
        received, at = parse_moment(_text(received_value), clock.today, what=Msg("import_col_received"))
    if received > clock.today:
        raise UserError("received_future", received=received, today=clock.today)
    reasons = doubts(config, chosen, instance, received, clock.today) if chosen.rule is not None and not sure else None
    if reasons is not None:
        raise UserError("doubt_row", reasons=reasons)
    channel = channel_id(_text(values["channel"])) if _text(values.get("channel")) else None
    return instance.key, Event(
        0, SUBMIT, chosen.unit.code, instance.report, instance.period, received,
        doc_number=_text(values.get("doc_number")) or None, channel=channel,
        note=_text(values.get("note")) or None, unit_name=chosen.unit.name,
        recorded_at=clock.recorded_at(), recorded_by=recorded_by,
        received_at=clock.moment(received, at) if at is not None else None,
    )


def apply(ledger: Ledger, plan: Plan) -> list[int]:
    """Record every planned row in one transaction; the ledger is checked again inside it."""
    with ledger.write():
        in_force = ledger.in_force()
        clash = [p.row for p in plan.to_record if p.event.key in in_force]
        if clash:  # another clerk recorded some of them meanwhile
            raise UserError("import_raced", rows=", ".join(map(str, clash)))
        return [ledger.append(p.event) for p in plan.to_record]
