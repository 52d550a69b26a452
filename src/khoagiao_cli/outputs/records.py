"""Machine output: every JSON, CSV and TOML document khoagiao writes is built here, and only here.

The contract: every top-level JSON/TOML value is an object with `schema` (the version of this contract) beside
what it is about (`as_of`, `year` …) and its list of records; keys are sorted, except that JSON's top level puts
`schema` first and the lists last, so that the records are written as they are made (`json_chunks`) after what
they are about; fields are only ever added, and a field without a value is left out rather than null; dates are
ISO 8601; texts are the document's own words (Vietnamese) whatever --lang, so that a script reads the same in
every language. CSV has a fixed header.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoagiao_cli.core.agenda import MEETING, Item
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import Slot
from khoagiao_cli.core.scorecard import Score
from khoagiao_cli.core.status import Event, Row, Void
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs import phrases
from khoagiao_cli.outputs.text import neutral, visible

if TYPE_CHECKING:
    from khoagiao_cli.app.adhoc import IncidentStatus, RequestStatus

#: 2: every document is an object with `schema` (1: due, overdue, status … were bare arrays)
SCHEMA = 2
#: every field a status record may have: the CSV header, in this order (sorted, then each later field appended at
#: the end, so that no column of an office's sheet ever moves)
FIELDS = (
    "channel", "covers_from", "covers_to", "days_late", "days_left", "deadline", "deadline_at", "deadline_text",
    "doc_number", "hours_late", "hours_left", "moved_reason", "nominal_deadline", "period", "received",
    "received_at", "report", "report_name", "request_doc_number", "status", "unit", "unit_name",
    "carried_from",
)


def _present(rec: Mapping[str, Any]) -> dict[str, Any]:
    """Sorted, without the fields that have no value."""
    return {k: v for k, v in sorted(rec.items()) if v is not None}


def document(**fields: Any) -> dict[str, Any]:
    """A top-level object: `schema`, and what it is about."""
    return _present({"schema": SCHEMA, **fields})


# ---------------------------------------------------------------------------- records


def ledger_record(records: int, head: str) -> dict[str, Any]:
    """The ledger's state when a document was made: `khoagiao verify --head CHAIN_HEAD` checks it later."""
    return _present({"records": records, "chain_head": head or None})


def instance_record(row: Row, config: Config) -> dict[str, Any]:
    """One report of one unit for one period, with its status: due, overdue, status, export."""
    inst, slot, sub = row.instance, row.instance.slot, row.submission
    rule = config.rule_by_id.get(inst.report)
    return _present({
        "unit": inst.unit,
        "unit_name": config.unit_name(inst.unit),
        "carried_from": inst.carried_from,
        "report": inst.report,
        "period": inst.period,
        **_slot_fields(slot, slot.title or (rule.name if rule else inst.report)),
        "status": row.status,
        "days_left": row.days_left,
        "hours_left": row.hours_left if slot.deadline_at is not None else None,
        "hours_late": row.hours_late,
        "received": sub.received if sub else None,
        "received_at": sub.received_at if sub else None,
        "doc_number": (sub.doc_number or None) if sub else None,
        "channel": (sub.channel or None) if sub else None,
        "days_late": row.days_late,
    })


@functools.lru_cache(maxsize=4096)
def _slot_fields(slot: Slot, name: str) -> dict[str, Any]:
    """What a record says of its deadline, made once per deadline (a year of 5,000 units has a few dozen); keyed
    by the slot and the report's name, all it depends on. The caller copies it."""
    vi = Words("vi")
    return {
        "report_name": name,
        "deadline": slot.deadline,
        "deadline_text": phrases.wording(vi, slot),  # the document's words, in any --lang
        "nominal_deadline": slot.nominal_deadline if slot.moved else None,
        "moved_reason": phrases.reason(vi, slot.skipped[0][1]) if slot.moved and slot.skipped else None,
        "covers_from": slot.covers_from if slot.covers_to else None,
        "covers_to": slot.covers_to if slot.covers_from else None,
        "deadline_at": slot.deadline_at,
        "request_doc_number": slot.doc_number or None,
    }


def slot_record(slot: Slot, config: Config) -> dict[str, Any]:
    """One deadline of the calendar, owed by no unit in particular: schedule."""
    rule = config.rule_by_id.get(slot.report)
    own = rule is not None and rule.owner == "office"
    vi = Words("vi")
    return _present({
        "report": slot.report,
        "report_name": slot.title or (rule.name if rule else slot.report),
        "period": slot.period,
        "deadline": slot.deadline,
        "deadline_text": phrases.wording(vi, slot),
        "owner": "office" if own else None,
        "recipient": rule.recipient if own and rule is not None else None,
        "nominal_deadline": slot.nominal_deadline if slot.moved else None,
        "skipped": [{"date": d, "reason": phrases.reason(vi, why)} for d, why in slot.skipped] if slot.moved else None,
        "covers_from": slot.covers_from if slot.covers_to else None,
        "covers_to": slot.covers_to if slot.covers_from else None,
    })


def unit_record(unit: Unit, config: Config, as_of: date) -> dict[str, Any]:
    return _present({
        "code": unit.code, "name": unit.name, "short_name": unit.short_name, "group": unit.group,
        "email": list(unit.email), "reports": list(unit.reports or config.unit_rules),
        "active_from": unit.active_from, "active_until": unit.active_until, "successor": unit.successor,
        "active": unit.active_on(as_of),
    })


def event_record(event: Event, void: Void | None = None, file_copy: Path | None = None) -> dict[str, Any]:
    """One line of the ledger: history. A voided event (the office's entry error) carries its `void`; a received
    file kept in the archive beside the ledger, where its copy is."""
    return _present({
        "file_copy": str(file_copy) if file_copy is not None else None,
        "id": event.id, "kind": event.kind, "unit": event.unit, "unit_name": event.unit_name,
        "report": event.report, "period": event.period, "received": event.received,
        "received_at": event.received_at, "doc_number": event.doc_number, "channel": event.channel,
        "file_path": event.file_path, "file_sha256": event.file_sha256, "note": event.note,
        "recorded_at": event.recorded_at, "recorded_by": event.recorded_by,
        "void": void_record(void) if void is not None else None,
    })


def void_record(void: Void) -> dict[str, Any]:
    """A void: event `event_id` was the office's entry error and counts as never recorded."""
    return _present({"id": void.id, "event_id": void.event_id, "note": void.note, "recorded_at": void.recorded_at,
                     "recorded_by": void.recorded_by})


def item_record(item: Item, config: Config, tz: tzinfo) -> dict[str, Any]:
    """One entry of the calendar: a deadline (date) or a meeting (start, end)."""
    vi = Words("vi")
    if item.meeting is not None:
        m = item.meeting
        return _present({
            "kind": MEETING, "title": m.meeting.name, "meeting": m.meeting.id, "period": m.period,
            "start": m.start(tz), "end": m.end(tz), "place": m.meeting.place,
            "planned": m.planned if m.planned != m.day else None,
        })
    slot = item.slot
    assert slot is not None
    rule = config.rule_by_id.get(slot.report)
    return _present({
        "kind": item.kind, "title": phrases.slot_title(vi, config, slot), "date": slot.deadline,
        "report": slot.report, "period": slot.period, "deadline_text": phrases.wording(vi, slot),
        "owner": "office" if rule is not None and rule.owner == "office" else None,
        "nominal_deadline": slot.nominal_deadline if slot.moved else None,
        "moved_reason": phrases.reason(vi, slot.skipped[0][1]) if slot.moved and slot.skipped else None,
    })


def score_record(score: Score) -> dict[str, Any]:
    """One unit's year: rates as fractions (0.75), delays in days."""
    return _present({
        "rank": score.rank, "unit": score.unit, "unit_name": score.unit_name, "owed": score.owed,
        "on_time": score.on_time, "late": score.late, "missing": score.missing,
        "on_time_rate": round(score.on_time_rate, 4) if score.on_time_rate is not None else None,
        "avg_days_late": round(score.avg_days_late, 1) if score.avg_days_late is not None else None,
        "max_days_late": score.max_days_late, "months": list(score.months),
    })


def request_record(status: RequestStatus) -> dict[str, Any]:
    r = status.request
    return _present({
        "id": r.id, "title": r.title, "deadline": status.slot.deadline, "nominal_deadline": r.deadline,
        "doc_number": r.doc_number, "units": list(r.units), "received": status.received, "owed": status.owed,
        "cancelled": r.cancelled,
    })


def incident_record(status: IncidentStatus) -> dict[str, Any]:
    i, got = status.incident, status.received
    return _present({
        "id": i.id, "unit": i.unit, "unit_name": i.unit_name, "title": i.title, "occurred": i.occurred,
        "deadline_at": i.deadline_at, "received": got.received if got else None,
        "received_at": got.received_at if got else None, "event": got.id if got else None,
        "cancelled": i.cancelled or None,
    })


def instances(rows: Iterable[Row], config: Config) -> list[dict[str, Any]]:
    return [instance_record(r, config) for r in rows]


def each_instance(rows: Iterable[Row], config: Config) -> Iterator[dict[str, Any]]:
    """`instances` one at a time, for the writers that stream."""
    return (instance_record(r, config) for r in rows)


# ---------------------------------------------------------------------------- writers


def plain(value: Any) -> Any:
    """JSON-ready: dates and times as ISO text, in nested lists and dicts too."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def to_json(doc: Mapping[str, Any]) -> str:
    return "".join(json_chunks(doc))


def json_chunks(doc: Mapping[str, Any], block: int = 500) -> Iterator[str]:
    """A document as JSON text as it is made: `schema` first, the other fields, then each list of records, `block`
    records at a time; a list may come as any iterator (records made as they are written, never all held). Each
    value is written as json.dumps(indent=2, sort_keys=True) writes it."""
    import json

    def dump(value: Any, depth: int) -> str:
        text = json.dumps(plain(value), ensure_ascii=False, indent=2, sort_keys=True)
        return text.replace("\n", "\n" + "  " * depth)

    lists = sorted(k for k, v in doc.items() if isinstance(v, list | tuple | Iterator))
    keys = sorted(set(doc) - set(lists), key=lambda k: (k != "schema", k)) + lists
    pieces = []
    for n, key in enumerate(keys):
        pieces.append(("{" if n == 0 else ",") + f"\n  {json.dumps(key, ensure_ascii=False)}: ")
        if key not in lists:
            pieces.append(dump(doc[key], 1))
            continue
        pieces.append("[")
        m = -1
        for m, item in enumerate(doc[key]):
            pieces.append(("\n    " if m == 0 else ",\n    ") + dump(item, 2))
            if m % block == block - 1:
                yield "".join(pieces)
                pieces = []
        pieces.append("]" if m < 0 else "\n  ]")
    yield "".join(pieces) + ("\n}\n" if keys else "{}\n")


def to_toml(doc: Mapping[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps(dict(doc))


def to_csv(records: Iterable[Mapping[str, Any]], fields: Sequence[str] = FIELDS) -> str:
    return "".join(csv_chunks(records, fields))


def csv_chunks(records: Iterable[Mapping[str, Any]], fields: Sequence[str] = FIELDS, block: int = 1000,
               ) -> Iterator[str]:
    """CSV text as it is made: the header, then `block` records at a time (a year of 5,000 units is never one
    string in memory)."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(fields)
    known = set(fields)
    for n, r in enumerate(records, 1):
        if not r.keys() <= known:  # as csv.DictWriter: a field without a column is a mistake, never dropped
            raise ValueError(f"fields without a column: {sorted(r.keys() - known)}")
        writer.writerow([_csv_value(r.get(k)) for k in fields])
        if n % block == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _csv_value(value: Any) -> Any:
    """`_cell(plain(value))` for one field of a record, the common kinds first (a year's export has a million)."""
    kind = type(value)
    if kind is str:
        return neutral(value if value.isprintable() else visible(value))
    if value is None or kind is int:
        return value  # the csv module writes None as an empty cell, as csv.DictWriter writes a missing field
    return _cell(plain(value))


def _cell(value: Any) -> Any:
    """A CSV cell: a control character the ledger keeps is shown as its picture (a CSV may go to a terminal; JSON
    and TOML escape them instead), and a text that begins as a formula would is quoted (`neutral`); a number,
    a negative one too, stays a number."""
    return neutral(visible(value)) if isinstance(value, str) else value
