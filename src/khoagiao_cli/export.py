"""Machine output: JSON, CSV and TOML with the same field names, keys sorted, a schema version."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.model import Config
from khoagiao_cli.schedule import deadline_wording
from khoagiao_cli.status import Row

SCHEMA = 1
#: every field a status record may have; CSV always has all of them, in this (sorted) order
FIELDS = (
    "channel",
    "days_late",
    "days_left",
    "deadline",
    "deadline_text",
    "doc_number",
    "period",
    "received",
    "report",
    "report_name",
    "status",
    "unit",
    "unit_name",
)


def record(row: Row, config: Config) -> dict[str, Any]:
    """One status row as a record with native values (dates as `date`); absent fields are left out."""
    inst = row.instance
    rule = config.rule_by_id.get(inst.report)
    rec: dict[str, Any] = {
        "unit": inst.unit,
        "unit_name": config.unit_name(inst.unit),
        "report": inst.report,
        "report_name": rule.name if rule else inst.report,
        "period": inst.period,
        "deadline": inst.deadline,
        "deadline_text": deadline_wording(inst.slot, "vi"),  # the document's words, in any --lang
        "status": row.status,
        "days_left": row.days_left,
    }
    sub = row.submission
    if sub is not None:
        if sub.received is not None:
            rec["received"] = sub.received
        if sub.doc_number:
            rec["doc_number"] = sub.doc_number
        if sub.channel:
            rec["channel"] = sub.channel
    if row.days_late is not None:
        rec["days_late"] = row.days_late
    return dict(sorted(rec.items()))


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
