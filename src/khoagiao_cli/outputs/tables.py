"""The reference tables: the year's deadlines, the units, the ledger's events, the one-off requests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from khoagiao_cli.app.adhoc import IncidentStatus, RequestStatus
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import Slot
from khoagiao_cli.core.status import Event, Void
from khoagiao_cli.i18n import Words, moment_text
from khoagiao_cli.outputs.phrases import deadline_text, fmt, period_text, received_text, rule_name, weekday, wording
from khoagiao_cli.outputs.screens import Footnotes
from khoagiao_cli.outputs.text import visible

if TYPE_CHECKING:
    from rich.table import Table


def schedule_table(words: Words, config: Config, slots: Sequence[Slot], year: int) -> Table:
    from rich.table import Table

    table = Table(title=words("schedule_title", year=year))
    with_cutoff = any(s.covers_from for s in slots)
    keys = ("col_report", "col_period", *(("col_covers",) if with_cutoff else ()), "col_wording", "col_deadline",
            "col_weekday")
    for key in keys:
        table.add_column(words(key), no_wrap=key in ("col_covers", "col_weekday"))
    notes = Footnotes(words)
    for s in slots:
        rule = config.rule_by_id[s.report]
        covers = (f"{fmt(s.covers_from)}–{fmt(s.covers_to)}" if s.covers_from and s.covers_to else "",)
        table.add_row(
            f"{rule_name(words, config, s.report)} ({s.report})", period_text(words, rule.frequency, s),
            *(covers if with_cutoff else ()), wording(words, s), notes.deadline(s), weekday(words, s.deadline),
        )
    table.caption = notes.caption()
    return table


def units_table(words: Words, config: Config, units: Sequence[Unit], as_of: date, with_dates: bool = False) -> Table:
    """The units active on `as_of`, or (with_dates) every unit with the dates it existed and its successor."""
    from rich.table import Table

    title = (words("units_all_title", count=len(units)) if with_dates
             else words("units_title_on", count=len(units), as_of=as_of))
    table = Table(title=title)
    if with_dates:
        keys: tuple[str, ...] = ("col_code", "col_name", "col_group", "col_active", "col_successor")
    else:
        keys = ("col_code", "col_name", "col_short", "col_group", "col_reports", "col_email")
    for key in keys:
        table.add_column(words(key), no_wrap=key == "col_active")
    for u in units:
        if with_dates:
            since = fmt(u.active_from) if u.active_from else "…"
            until = fmt(u.active_until) if u.active_until else "…"
            successor = f"{u.successor} ({config.unit_name(u.successor)})" if u.successor else ""
            cells = [u.code, u.name, u.group or "", f"{since} – {until}", successor]
        else:
            cells = [u.code, u.name, u.short_name or "", u.group or "",
                     ", ".join(u.reports) if u.reports else words("all_reports"), ", ".join(u.email)]
        table.add_row(*cells, style="" if u.active_on(as_of) else "dim")
    return table


def history_table(words: Words, config: Config, events: Sequence[Event], voids: Sequence[Void] = ()) -> Table:
    """The events in order, each void (the office's entry error undone) in its place in time, the event it
    voids marked."""
    from rich.table import Table

    table = Table(title=words("history_title", n=len(events)))
    for key in ("col_kind", "col_unit", "col_report", "col_period", "col_received", "col_doc", "col_channel",
                "col_recorded", "col_by", "col_note"):
        table.add_column(words(key))
    by_event = {v.event_id: v for v in voids}
    shown = {e.id: e for e in events}
    pending = sorted((v for v in voids if v.event_id in shown), key=lambda v: v.recorded_at)

    def add_void(v: Void) -> None:
        e = shown[v.event_id]
        table.add_row(words("history_void", void=f"H{v.id}", event=e.id), e.unit_name or config.unit_name(e.unit),
                      e.report, e.period, "", "", "", v.recorded_at[:19].replace("T", " "), v.recorded_by,
                      v.note or "")

    for e in events:
        while pending and pending[0].recorded_at < e.recorded_at:
            add_void(pending.pop(0))
        received = received_text(e.received, e.received_at)
        kind = f"#{e.id} {words('kind_' + e.kind)}"
        voided = e.id in by_event
        table.add_row(
            kind + (f"\n{words('voided_mark')}" if voided else ""), e.unit_name or config.unit_name(e.unit),
            e.report, e.period, received, e.doc_number or "", e.channel or "", e.recorded_at[:19].replace("T", " "),
            e.recorded_by, e.note or "", style="dim strike" if voided else "",
        )
    for v in pending:
        add_void(v)
    return table


def history_files(words: Words, events: Sequence[Event], copies: Mapping[str, Path | None]) -> list[str]:
    """Below the history: where each received file's copy is kept (or that it is not in the archive)."""
    lines = [words("history_files")]
    for e in events:
        copy = copies.get(e.file_sha256 or "")
        lines.append(words("history_file", event=e.id, path=copy) if copy is not None else
                     words("history_file_missing", event=e.id, sha=(e.file_sha256 or "")[:16]))
    return [visible(line) for line in lines]


def requests_table(words: Words, found: Sequence[RequestStatus]) -> Table:
    from rich.table import Table

    table = Table(title=words("requests_title", count=len(found)))
    for key in ("col_id", "col_title", "col_doc", "col_deadline", "col_received_count"):
        table.add_column(words(key))
    for r in found:
        req = r.request
        received = f"{r.received}/{r.owed}" + (f" ({words('cancelled')})" if req.cancelled else "")
        table.add_row(req.id, req.title, req.doc_number or "", deadline_text(words, r.slot, "\n"), received,
                      style="dim" if req.cancelled else ("green" if r.received == r.owed else ""))
    return table


def incidents_table(words: Words, found: Sequence[IncidentStatus]) -> Table:
    from rich.table import Table

    table = Table(title=words("incidents_title", count=len(found)))
    for key in ("col_id", "col_unit", "col_title", "col_occurred", "col_deadline", "col_received"):
        table.add_column(words(key))
    for s in found:
        i = s.incident
        got = received_text(s.received.received, s.received.received_at) if s.received else ""
        if i.cancelled:
            got = (got + " " if got else "") + f"({words('cancelled')})"
        table.add_row(f"#{i.id}", i.unit_name or i.unit, i.title, moment_text(i.occurred), moment_text(i.deadline_at),
                      got, style="dim" if i.cancelled else ("green" if s.received else ""))
    return table
