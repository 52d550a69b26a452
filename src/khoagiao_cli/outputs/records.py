"""Machine output: JSON, CSV and TOML with the same field names, keys sorted, a schema version."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.model import Config
from khoagiao_cli.core.schedule import Slot, deadline_wording
from khoagiao_cli.core.status import Row

SCHEMA = 1
#: every field a status record may have; CSV always has all of them, in this (sorted) order
FIELDS = (
    "channel",
    "covers_from",
    "covers_to",
    "days_late",
    "days_left",
    "deadline",
    "deadline_at",
    "deadline_text",
    "doc_number",
    "hours_left",
    "moved_reason",
    "nominal_deadline",
    "period",
    "received",
    "received_at",
    "report",
    "report_name",
    "request_doc_number",
    "status",
    "unit",
    "unit_name",
)


def record(row: Row, config: Config) -> dict[str, Any]:
    """One status row as a record with native values (dates as `date`); absent fields are left out."""
    inst = row.instance
    rule = config.rule_by_id.get(inst.report)
    slot = inst.slot
    rec: dict[str, Any] = {
        "unit": inst.unit,
        "unit_name": config.unit_name(inst.unit),
        "report": inst.report,
        "report_name": slot.title or (rule.name if rule else inst.report),
        "period": inst.period,
        "deadline": inst.deadline,
        "deadline_text": deadline_wording(inst.slot, "vi"),  # the document's words, in any --lang
        "status": row.status,
        "days_left": row.days_left,
    }
    if slot.moved:
        rec["nominal_deadline"] = slot.nominal_deadline
        if slot.skipped:
            rec["moved_reason"] = slot.skipped[0][1][0]
    if slot.covers_from and slot.covers_to:
        rec["covers_from"], rec["covers_to"] = slot.covers_from, slot.covers_to
    if slot.deadline_at is not None:
        rec["deadline_at"] = slot.deadline_at
        rec["hours_left"] = row.hours_left
    if slot.doc_number:
        rec["request_doc_number"] = slot.doc_number
    sub = row.submission
    if sub is not None:
        if sub.received is not None:
            rec["received"] = sub.received
        if sub.received_at is not None:
            rec["received_at"] = sub.received_at
        if sub.doc_number:
            rec["doc_number"] = sub.doc_number
        if sub.channel:
            rec["channel"] = sub.channel
    if row.days_late is not None:
        rec["days_late"] = row.days_late
    return dict(sorted(rec.items()))


def slot_record(slot: Slot, config: Config) -> dict[str, Any]:
    """One deadline of the calendar (no unit): what `schedule --format json` prints."""
    rule = config.rule_by_id.get(slot.report)
    rec: dict[str, Any] = {
        "report": slot.report,
        "report_name": slot.title or (rule.name if rule else slot.report),
        "period": slot.period,
        "deadline": slot.deadline,
        "deadline_text": deadline_wording(slot, "vi"),
    }
    if rule is not None and rule.owner == "office":
        rec["owner"] = "office"
        if rule.recipient:
            rec["recipient"] = rule.recipient
    if slot.moved:
        rec["nominal_deadline"] = slot.nominal_deadline
        rec["skipped"] = [{"date": d, "reason": vi} for d, (vi, _en) in slot.skipped]
    if slot.covers_from and slot.covers_to:
        rec["covers_from"], rec["covers_to"] = slot.covers_from, slot.covers_to
    return dict(sorted(rec.items()))


def plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, in nested lists and dicts too."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def to_json_array(records: Sequence[dict[str, Any]]) -> str:
    return json.dumps([{k: _plain(v) for k, v in r.items()} for r in records], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_json_document(records: Sequence[dict[str, Any]], *, year: int, as_of: date) -> str:
    doc = {
        "schema": SCHEMA,
        "year": year,
        "as_of": as_of.isoformat(),
        "instances": [{k: _plain(v) for k, v in r.items()} for r in records],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_csv(records: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in records:
        writer.writerow({k: _plain(v) for k, v in r.items()})
    return buf.getvalue()


def to_toml(records: Sequence[dict[str, Any]], *, year: int, as_of: date) -> str:
    import tomli_w

    doc = {"schema": SCHEMA, "year": year, "as_of": as_of, "instances": list(records)}
    return tomli_w.dumps(doc)
