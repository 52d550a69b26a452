"""Recording what arrived: submit (or correct), withdraw, and import from the office's tracking sheet. These
write to the ledger (created on the real clock's day if it does not exist), one transaction each."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Env,
    Lang,
    Note,
    ReportArg,
    UnitArg,
    app,
    given,
    handled,
    interactive,
    message,
    say,
    who,
)

#: how many bad rows of an import are listed (the count says how many there are)
SHOWN_ERRORS = 50


@app.command(cls=Command, help="h_submit")
@handled
def submit(
    ctx: typer.Context,
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str | None, typer.Option("--period", help="o_period", metavar="PERIOD", callback=given)] = None,
    received: Annotated[str | None, typer.Option("--received", help="o_received", metavar="DATE", callback=given)] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="o_doc", metavar="TEXT", callback=given)] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="o_channel",
                                                metavar="CHANNEL", callback=given)] = None,
    file: Annotated[str | None, typer.Option("--file", help="o_file", metavar="FILE", callback=given)] = None,
    note: Note = None,
    correct: Annotated[bool, typer.Option("--correct", help="o_correct")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="o_yes")] = False,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.record import Doubt, record
    from khoagiao_cli.core.status import LATE
    from khoagiao_cli.outputs.phrases import deadline_text, received_text, report_period, wording

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    got, at = e.parse_moment(received, "what_received") if received is not None else (None, None)
    def record_it(sure: bool) -> Any:
        return record(
            e.config, e.ledger, e.clock, unit_query=unit, report_query=report, period=period, received=got,
            received_at=e.clock.moment(got, at) if got and at else None, doc_number=doc_number, channel=channel,
            file=Path(file) if file is not None else None, note=note, correct=correct, sure=sure, recorded_by=who(),
        )

    try:
        done = record_it(yes)
    except Doubt as doubt:  # a period that looks mistyped: on a terminal, ask; else --yes is needed
        if not sys.stdin.isatty() or not typer.confirm(e.words("doubt_confirm", **doubt.params), default=False):
            raise
        done = record_it(True)
    words = e.words
    if done.chosen:
        typer.echo(words("chosen_period_correct" if correct else "chosen_period", period=done.event.period))
    moment = done.event.received_at
    name, _ = report_period(words, e.config, done.row)
    said = {"unit": done.unit.name, "report": name, "period": done.event.period, "event": done.event.id,
            "received": received_text(done.event.received, moment)}
    if done.previous is not None:
        typer.echo(words("corrected", previous=done.previous.id, **said))
    else:
        typer.echo(words("submitted", **said))
    slot, row = done.row.instance.slot, done.row
    if row.status == LATE and row.hours_late is not None:
        typer.echo(words("verdict_late_hours", n=row.hours_late, deadline=deadline_text(words, slot)))
    elif row.status == LATE:
        typer.echo(words("verdict_late", n=row.days_late or 0, wording=wording(words, slot),
                         deadline=deadline_text(words, slot)))
    else:
        typer.echo(words("verdict_on_time", wording=wording(words, slot), deadline=deadline_text(words, slot)))
    if done.copy is not None:
        typer.echo(words("file_kept", path=done.copy))


@app.command(cls=Command, help="h_withdraw")
@handled
def withdraw(
    ctx: typer.Context,
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str, typer.Option("--period", help="o_period_req", metavar="PERIOD", callback=given)],
    note: Note = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.record import withdraw as withdraw_report
    from khoagiao_cli.outputs.phrases import rule_name

    e = Env(ctx, lang=lang, config=config, db=db)
    done = withdraw_report(e.config, e.ledger, e.clock, unit_query=unit, report_query=report, period=period,
                           note=note, recorded_by=who())
    typer.echo(e.words(
        "withdrawn", event=done.withdrawal.id, previous=done.previous.id, unit=done.target.unit.name,
        report=rule_name(e.words, e.config, done.withdrawal.report), period=done.withdrawal.period,
    ))


@app.command("import", cls=Command, help="h_import")
@handled
def import_command(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="o_import_file", metavar="FILE", callback=given)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="o_dry_run")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="o_import_yes")] = False,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import importing
    from khoagiao_cli.outputs.phrases import fmt
    from khoagiao_cli.outputs.sheets import read_tables

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    words = e.words
    sheet = importing.find_sheet(read_tables(Path(file)), file)
    if not sheet.first:
        typer.echo(words("import_sheet", sheet=sheet.name, row=sheet.row) if sheet.name else
                   words("import_heading_row", row=sheet.row))
    items: Any = sheet.rows
    if interactive() and len(items) > 200:
        from rich.progress import track

        items = track(items, description=Path(file).name, transient=True)
    ledger = e.reader if dry_run else e.ledger
    plan = importing.plan_import(e.config, ledger, e.clock, sheet.header, items, recorded_by=who(), sure=yes)
    if plan.errors:
        say(f"{words('error_prefix')}: {words('import_bad', n=len(plan.errors))}")
        for number, exc in plan.errors[:SHOWN_ERRORS]:
            say(f"  {words('import_row', row=number, error=message(words, exc))}")
        if len(plan.errors) > SHOWN_ERRORS:
            say(f"  {words('import_more', n=len(plan.errors) - SHOWN_ERRORS)}")
        raise typer.Exit(2)
    if dry_run:
        typer.echo(words("import_would", n=len(plan.to_record)))
        for p in plan.to_record:
            ev = p.event
            doc = f"  {ev.doc_number}" if ev.doc_number else ""
            typer.echo(f"  {words('import_row', row=p.row, error='')}{ev.unit}  {ev.report}  {ev.period}  "
                       f"{fmt(ev.received or e.today)}{doc}")
    elif plan.to_record:
        ids = importing.apply(e.ledger, plan)
        span = f"#{ids[0]}" if len(ids) == 1 else f"#{ids[0]}–#{ids[-1]}"
        typer.echo(words("import_done", n=len(ids), path=file, ids=span))
    else:
        typer.echo(words("import_nothing", path=file))
    if plan.already:
        typer.echo(words("import_already", n=len(plan.already), rows=", ".join(map(str, plan.already))))
    if plan.superseded:
        typer.echo(words("import_superseded", n=len(plan.superseded), rows=", ".join(map(str, plan.superseded))))


@app.command(cls=Command, help="h_void")
@handled
def void(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(help="o_void_id", metavar="EVENT_ID", callback=given)],
    note: Annotated[str, typer.Option("--note", help="o_void_note", metavar="TEXT", callback=given)],
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.record import void as void_event
    from khoagiao_cli.outputs.phrases import received_text, rule_name

    e = Env(ctx, lang=lang, config=config, db=db)
    done = void_event(e.ledger, e.clock, event_ref=event_id, note=note, recorded_by=who())
    ev = done.event
    said = {"void": done.void.label, "event": ev.id, "kind": e.words("kind_" + ev.kind),
            "unit": ev.unit_name or e.config.unit_name(ev.unit), "report": rule_name(e.words, e.config, ev.report),
            "period": ev.period}
    typer.echo(e.words("voided", **said))
    if done.now is None:
        typer.echo(e.words("voided_open"))
    else:
        typer.echo(e.words("voided_in_force", event=done.now.id, received=received_text(done.now.received, done.now.received_at)))
