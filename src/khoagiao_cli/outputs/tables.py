"""The reference tables: the year's deadlines, the units, the ledger's events, the one-off requests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import islice
from pathlib import Path

from khoagiao_cli.app.adhoc import IncidentStatus, RequestStatus
from khoagiao_cli.core.model import Config, Unit
from khoagiao_cli.core.schedule import Slot
from khoagiao_cli.core.status import Event, Void
from khoagiao_cli.i18n import Words, moment_text, stamp_text
from khoagiao_cli.outputs.fit import Col, Fitted
from khoagiao_cli.outputs.phrases import (
    channel_text,
    deadline_text,
    fmt,
    period_text,
    received_text,
    report_name,
    rule_name,
    weekday,
    wording,
)
from khoagiao_cli.outputs.screens import Footnotes
from khoagiao_cli.outputs.screens import columns as aligned
from khoagiao_cli.outputs.text import PLAIN_BLOCK, visible


def schedule_table(words: Words, config: Config, slots: Sequence[Slot], year: int) -> Fitted:
    """The year's deadlines; the weekday, then the cut-off window, then the document's words go when the width
    cannot hold them (the deadline stays, with its footnote)."""
    with_cutoff = any(s.covers_from for s in slots)
    columns = [Col(words("col_report"), min_width=14), Col(words("col_period"), min_width=12),
               *((Col(words("col_covers"), drop=2, no_wrap=True),) if with_cutoff else ()),
               Col(words("col_wording"), drop=1, min_width=10), Col(words("col_deadline"), no_wrap=True),
               Col(words("col_weekday"), drop=3, no_wrap=True)]
    notes = Footnotes(words)
    rows = []
    for s in slots:
        rule = config.rule_by_id[s.report]
        covers = (f"{fmt(s.covers_from)}–{fmt(s.covers_to)}" if s.covers_from and s.covers_to else "",)
        rows.append(([f"{rule_name(words, config, s.report)} ({s.report})", period_text(words, rule.frequency, s),
                      *(covers if with_cutoff else ()), wording(words, s), notes.deadline(s),
                      weekday(words, s.deadline)], ""))
    return Fitted(columns, rows, title=words("schedule_title", year=year), caption=notes.caption())


def units_table(words: Words, config: Config, units: Sequence[Unit], as_of: date, with_dates: bool = False) -> Fitted:
    """The units active on `as_of`, or (with_dates) every unit with the dates it existed and its successor; the
    code and the name stay whatever the width."""
    title = (words("units_all_title", count=len(units)) if with_dates
             else words("units_title_on", count=len(units), as_of=as_of))
    if with_dates:
        columns = [Col(words("col_code"), no_wrap=True), Col(words("col_name"), min_width=14),
                   Col(words("col_group"), drop=3), Col(words("col_active"), drop=2, no_wrap=True),
                   Col(words("col_successor"), drop=1, min_width=12)]
    else:
        columns = [Col(words("col_code"), no_wrap=True), Col(words("col_name"), min_width=14),
                   Col(words("col_short"), drop=3, no_wrap=True), Col(words("col_group"), drop=4),
                   Col(words("col_reports"), drop=2, min_width=8), Col(words("col_email"), drop=1)]
    rows = []
    for u in units:
        if with_dates:
            since = fmt(u.active_from) if u.active_from else "…"
            until = fmt(u.active_until) if u.active_until else "…"
            successor = f"{u.successor} ({config.unit_name(u.successor)})" if u.successor else ""
            cells = [u.code, u.name, u.group or "", f"{since} – {until}", successor]
        else:
            cells = [u.code, u.name, u.short_name or "", u.group or "",
                     ", ".join(u.reports) if u.reports else words("all_reports"), ", ".join(u.email)]
        rows.append((cells, "" if u.active_on(as_of) else "dim"))
    return Fitted(columns, rows, title=title)


#: the ledger's events: what happened, to which unit's report of which period stay; the rest goes when the width
#: cannot hold it, who recorded it first; the received date and the note (why a report was withdrawn or voided) last
HISTORY_COLUMNS = (("col_kind", 0, False, 10), ("col_unit", 0, False, 14), ("col_report", 0, False, 12),
                   ("col_period", 0, True, None), ("col_received", 1, False, None), ("col_doc", 4, True, None),
                   ("col_channel", 5, False, None), ("col_recorded", 6, True, None), ("col_by", 7, False, None),
                   ("col_note", 2, False, 12))


def history_table(words: Words, config: Config, events: Sequence[Event], voids: Sequence[tuple[Void, Event]] = (),
                  ) -> Fitted:
    """The events, newest first, each void (the office's entry error undone) in its place in time, the event it
    voids marked."""
    columns = [Col(words(key), drop=drop, no_wrap=no_wrap, min_width=least)
               for key, drop, no_wrap, least in HISTORY_COLUMNS]
    return Fitted(columns, list(_history_rows(words, config, events, voids)),
                  title=words("history_title", n=len(events)))


def history_lines(words: Words, config: Config, events: Iterable[Event], voids: Sequence[tuple[Void, Event]] = (),
                  ) -> Iterator[str]:
    """The history as plain text, newest first, for pipes and files: a heading, then blocks of aligned lines, each
    made as the events come (a ledger of years is written without being held)."""
    rows = ([cell.replace("\n", " ") for cell in cells] for cells, _ in _history_rows(words, config, events, voids))
    heading = [words(key) for key, *_ in HISTORY_COLUMNS]
    first = True
    while block := list(islice(rows, PLAIN_BLOCK)):
        yield visible("\n".join(aligned([heading, *block])[0 if first else 1:]))
        first = False


def _history_rows(words: Words, config: Config, events: Iterable[Event], voids: Sequence[tuple[Void, Event]],
                  ) -> Iterator[tuple[list[str], str]]:
    """The rows of the history, newest first (cells, style): each void stands where it was recorded, above the
    events recorded before it or at the same moment."""
    voided = {v.event_id for v, _ in voids}
    waiting = iter(sorted(voids, key=lambda pair: (pair[0].recorded_at, pair[0].id), reverse=True))
    next_void = next(waiting, None)

    def void_row(v: Void, e: Event) -> tuple[list[str], str]:
        return ([words("history_void", void=v.label, event=e.id), e.unit_name or config.unit_name(e.unit),
                 report_name(words, config, e.report), e.period, "", "", "", stamp_text(v.recorded_at),
                 v.recorded_by, v.note or ""], "")

    for e in events:
        while next_void is not None and next_void[0].recorded_at >= e.recorded_at:
            yield void_row(*next_void)
            next_void = next(waiting, None)
        kind = f"#{e.id} {words('kind_' + e.kind)}"
        yield ([kind + (f"\n{words('voided_short')}" if e.id in voided else ""),
                e.unit_name or config.unit_name(e.unit), report_name(words, config, e.report), e.period,
                received_text(e.received, e.received_at), e.doc_number or "", channel_text(words, e.channel),
                stamp_text(e.recorded_at), e.recorded_by, e.note or ""], "dim strike" if e.id in voided else "")
    while next_void is not None:
        yield void_row(*next_void)
        next_void = next(waiting, None)


def history_files(words: Words, events: Sequence[Event], copies: Mapping[str, Path | None]) -> list[str]:
    """Below the history: where each received file's copy is kept (or that it is not in the archive)."""
    lines = [words("history_files")]
    for e in events:
        copy = copies.get(e.file_sha256 or "")
        lines.append(words("history_file", event=e.id, path=copy) if copy is not None else
                     words("history_file_missing", event=e.id, sha=(e.file_sha256 or "")[:16]))
    return [visible(line) for line in lines]


def requests_table(words: Words, found: Sequence[RequestStatus]) -> Fitted:
    columns = [Col(words("col_id"), no_wrap=True), Col(words("col_title"), min_width=14),
               Col(words("col_doc"), drop=1, no_wrap=True), Col(words("col_deadline"), min_width=10),
               Col(words("col_received_count"), no_wrap=True)]
    rows = []
    for r in found:
        req = r.request
        received = f"{r.received}/{r.owed}" + (f" ({words('cancelled')})" if req.cancelled else "")
        rows.append(([req.id, req.title, req.doc_number or "", deadline_text(words, r.slot, "\n"), received],
                     "dim" if req.cancelled else ("green" if r.received == r.owed else "")))
    return Fitted(columns, rows, title=words("requests_title", count=len(found)))


def incidents_table(words: Words, found: Sequence[IncidentStatus]) -> Fitted:
    columns = [Col(words("col_id"), no_wrap=True), Col(words("col_unit"), min_width=10),
               Col(words("col_title"), min_width=14), Col(words("col_occurred"), drop=1, no_wrap=True),
               Col(words("col_deadline"), no_wrap=True), Col(words("col_received"))]
    rows = []
    for s in found:
        i = s.incident
        got = received_text(s.received.received, s.received.received_at) if s.received else ""
        if i.cancelled:
            got = (got + " " if got else "") + f"({words('cancelled')})"
        rows.append(([f"#{i.id}", i.unit_name or i.unit, i.title, moment_text(i.occurred), moment_text(i.deadline_at),
                      got], "dim" if i.cancelled else ("green" if s.received else "")))
    return Fitted(columns, rows, title=words("incidents_title", count=len(found)))
