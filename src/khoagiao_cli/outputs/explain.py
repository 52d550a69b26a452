"""`khoagiao explain`: the answer to "why does it say I'm late?", one step a line."""

from __future__ import annotations

from datetime import date

from khoagiao_cli.app.explain import Explanation
from khoagiao_cli.core.model import Config
from khoagiao_cli.errors import Stamp
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.phrases import (
    deadline_text,
    fmt,
    reason,
    received_text,
    report_period,
    status_text,
    weekday,
    wording,
)
from khoagiao_cli.outputs.text import visible
from khoagiao_cli.store.archive import FOLDER


def explain_text(words: Words, config: Config, exp: Explanation, as_of: date) -> str:
    slot = exp.row.instance.slot
    rule = exp.rule
    name, period = report_period(words, config, exp.row)
    unit = config.unit_by_code.get(exp.row.instance.unit, exp.unit)  # a successor's, when it holds the period
    lines = [words("ex_head", unit=unit.name, code=unit.code, report=name, id=slot.report, period=period)]
    old = config.unit_by_code.get(exp.row.instance.carried_from or "")
    if old is not None and old.active_until is not None:
        lines.append(words("ex_carried", old=old.name, code=old.code, until=old.active_until, unit=unit.code))
    if slot.deadline_at is not None:
        lines.append(words("ex_incident", occurred=slot.period.replace("T", " "), deadline=deadline_text(words, slot)))
    else:
        if rule is not None:
            lines.append(words("ex_rule", wording=wording(words, slot)))
        elif slot.doc_number:
            lines.append(words("ex_request", doc=slot.doc_number, wording=wording(words, slot)))
        nominal = slot.nominal_deadline or slot.deadline
        lines.append(words("ex_nominal", day=fmt(nominal), weekday=weekday(words, nominal)))
        for day, why in slot.skipped:
            lines.append("  " + words("ex_skipped", day=fmt(day), weekday=weekday(words, day), reason=reason(words, why)))
        how = rule.shift if rule is not None else "next_working_day"
        deadline = {"day": fmt(slot.deadline), "weekday": weekday(words, slot.deadline)}
        if slot.moved:
            lines.append(words("ex_deadline_moved", how=words("ex_shift_" + how), **deadline))
        elif how == "none" and not config.calendar.is_working(nominal):
            lines.append(words("ex_deadline_kept", **deadline))
        else:
            lines.append(words("ex_deadline", **deadline))
    if slot.covers_from and slot.covers_to:
        lines.append(words("ex_covers", start=fmt(slot.covers_from), end=fmt(slot.covers_to)))
    if not exp.events:
        lines.append(words("ex_no_events"))
    for e in exp.events:
        bits = [f"#{e.id} {words('kind_' + e.kind)}"]
        if e.received:
            bits.append(words("ex_received", day=received_text(e.received, e.received_at)))
        if e.doc_number:
            bits.append(e.doc_number)
        bits.append(words("ex_recorded", at=Stamp(e.recorded_at), by=e.recorded_by))
        lines.append(words("ex_event", text=", ".join(bits)))
        void = exp.voids.get(e.id)
        if void is not None:
            lines.append("  " + words("ex_voided", void=void.label, at=Stamp(void.recorded_at),
                                      by=void.recorded_by, note=void.note or ""))
        if e.file_sha256:
            copy = exp.copies.get(e.file_sha256)
            lines.append("  " + (words("file_copy_line", path=copy) if copy is not None else
                                 words("file_copy_missing", sha=e.file_sha256[:16], folder=FOLDER)))
    untracked = slot.deadline < exp.tracking_start and exp.row.submission is None
    if untracked:
        lines.append(words("ex_untracked", start=fmt(exp.tracking_start)))
    status = words("st_untracked") if untracked else status_text(words, exp.row)
    lines.append(words("ex_status", as_of=fmt(as_of), status=status))
    return visible("\n".join(lines) + "\n")  # the ledger's doc numbers and names, shown not obeyed
