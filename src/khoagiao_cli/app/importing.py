"""`khoagiao import`: submissions from the office's tracking sheet, all rows or none (the sheet is read by
outputs/sheets.py; every row is checked here, as `submit` would check it)."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from khoagiao_cli.app.pick import instance_for, target
from khoagiao_cli.core.clock import Clock
from khoagiao_cli.core.dates import parse_date
from khoagiao_cli.core.lookup import fold
from khoagiao_cli.core.model import CHANNELS, Config
from khoagiao_cli.core.status import SUBMIT, Event
from khoagiao_cli.core.text import check_text
from khoagiao_cli.errors import KhoagiaoError, Msg, UserError
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
#: each column's name in a message (the headings of khoagiao's own spreadsheet)
LABELS = {"unit": "col_unit", "report": "col_report", "period": "col_period", "received": "col_received",
          "doc_number": "col_doc", "channel": "col_channel", "note": "col_note"}
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
    #: (row number, what is wrong with it)
    errors: list[tuple[int, KhoagiaoError]]


def columns(header: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, from the heading row."""
    found: dict[str, int] = {}
    for i, heading in enumerate(header):
        check_text(str(heading), Msg("import_heading", {"column": letter(i)}))  # said back if a column is missing
        name = fold(str(heading))
        for field, names in HEADINGS.items():
            if name in names and field not in found:
                found[field] = i
    missing = [f for f in REQUIRED if f not in found]
    if missing:
        raise UserError("import_columns", missing=", ".join(missing), found=", ".join(str(h) for h in header if h))
    return found


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
    recorded_by: str,
) -> Plan:
    """Check every row; nothing is written here."""
    where = columns(header)
    in_force = reader.in_force()
    planned: list[Planned] = []
    already: list[int] = []
    errors: list[tuple[int, KhoagiaoError]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, cells in rows:
        values = {f: (cells[i] if i < len(cells) else None) for f, i in where.items()}
        if all(_text(v) == "" for v in values.values()):
            continue  # a blank line
        try:
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
            instance = instance_for(config, chosen, _text(period_value), in_force, clock.today, verb="import")
            received_value = values["received"]
            if isinstance(received_value, datetime):
                received = received_value.date()
            elif isinstance(received_value, date):
                received = received_value
            else:
                received = parse_date(_text(received_value), clock.today, what=Msg("import_col_received"))
            if received > clock.today:
                raise UserError("received_future", received=received, today=clock.today)
            channel_text = fold(_text(values.get("channel")))
            channel = CHANNEL_WORDS.get(channel_text) if channel_text else None
            if channel_text and channel not in CHANNELS:
                raise UserError("channel_unknown", value=_text(values.get("channel")), known=", ".join(CHANNELS))
            key = instance.key
            if key in seen:
                raise UserError("import_twice", other=seen[key])
            seen[key] = number
            previous = in_force.get(key)
            if previous is not None:
                if previous.received == received:
                    already.append(number)
                    continue
                raise UserError("import_conflict", received=previous.received, event=previous.id)
            planned.append(Planned(number, Event(
                0, SUBMIT, chosen.unit.code, instance.report, instance.period, received,
                doc_number=_text(values.get("doc_number")) or None, channel=channel,
                note=_text(values.get("note")) or None, unit_name=chosen.unit.name,
                recorded_at=clock.recorded_at(), recorded_by=recorded_by,
            )))
            in_force[key] = planned[-1].event  # a later row for the same period from its successor is a repeat
        except KhoagiaoError as exc:
            errors.append((number, exc))
    return Plan(planned, already, errors)


def apply(ledger: Ledger, plan: Plan) -> list[int]:
    """Record every planned row in one transaction; the ledger is checked again inside it."""
    with ledger.write():
        in_force = ledger.in_force()
        clash = [p.row for p in plan.to_record if p.event.key in in_force]
        if clash:  # another clerk recorded some of them meanwhile
            raise UserError("import_raced", rows=", ".join(map(str, clash)))
        return [ledger.append(p.event) for p in plan.to_record]
