"""What stands: due (every morning), overdue (for cron), the year's status, one report explained, the ledger's
history. All of them only read: the ledger is opened read-only and never created."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, Annotated

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Env,
    Lang,
    ReportArg,
    TablePlainOrJson,
    UnitArg,
    UnitOpt,
    Year,
    app,
    check_format,
    console,
    given,
    handled,
    interactive,
    screen_format,
    write_or_print,
)

if TYPE_CHECKING:
    from khoagiao_cli.core.status import Event

Period = Annotated[str | None, typer.Option("--period", help="o_period_req", metavar="PERIOD", callback=given)]


@app.command(cls=Command, help="h_due")
@handled
def due(
    ctx: typer.Context,
    as_of: AsOf = None,
    within: Annotated[int | None, typer.Option("--within", help="o_within", metavar="N", min=0, max=3660)] = None,
    unit: UnitOpt = None,
    format: TablePlainOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import query

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = screen_format(format)
    found = query.due(e.config, e.reader, e.clock, within, e.unit(unit))
    if out == "json":
        from khoagiao_cli.outputs.records import document, each_instance, json_chunks

        doc = document(as_of=found.as_of, until=found.until, instances=each_instance(found.rows, e.config))
        write_or_print(json_chunks(doc), None)
    elif not found.rows:
        typer.echo(e.words("due_none_working" if found.working else "due_none", n=found.within, until=found.until))
    elif out == "plain":
        from khoagiao_cli.outputs.screens import due_plain

        typer.echo(due_plain(e.words, e.config, found), nl=False)
    else:
        from khoagiao_cli.outputs.screens import due_table

        console().print(due_table(e.words, e.config, found))


@app.command(cls=Command, help="h_overdue")
@handled
def overdue(
    ctx: typer.Context,
    as_of: AsOf = None,
    format: Annotated[str | None, typer.Option("--format", help="o_format_overdue", metavar="plain|json", callback=given)] = None,
    fail: Annotated[bool, typer.Option("--fail", help="o_fail")] = False,
    unit: UnitOpt = None,
    mail_to: Annotated[str | None, typer.Option("--mail-to", help="o_mail_to", metavar="ADDR", callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import query

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = check_format(format, ("plain", "json"), "plain")
    rows = query.overdue(e.config, e.reader, e.clock, e.unit(unit))
    if mail_to is not None:
        from khoagiao_cli.cli.chase import mail_digest

        mail_digest(e, rows, mail_to)
    elif out == "json":
        from khoagiao_cli.outputs.records import document, each_instance, json_chunks

        write_or_print(json_chunks(document(as_of=e.today, instances=each_instance(rows, e.config))), None)
    elif rows:
        from khoagiao_cli.outputs import screens

        if interactive():
            console().print(screens.overdue_rich(e.words, e.config, rows, e.today))
        else:
            typer.echo(screens.overdue_plain(e.words, e.config, rows, e.today), nl=False)
    if fail and rows:
        raise typer.Exit(1)


@app.command(cls=Command, help="h_status")
@handled
def status(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Argument(help="o_unit", metavar="[UNIT]", callback=given)] = None,
    year: Year = None,
    as_of: AsOf = None,
    format: Annotated[str | None, typer.Option("--format", help="o_format_status", metavar="table|plain|json",
                                               callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import query
    from khoagiao_cli.outputs import screens

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = check_format(format, ("table", "plain", "json"), "table")
    y = e.year(year)
    chosen = e.unit(unit)
    rows = query.year_rows(e.config, e.reader, y, e.clock, chosen)
    if out == "json":
        from khoagiao_cli.outputs.records import document, each_instance, json_chunks

        doc = document(year=y, as_of=e.today, unit=chosen.code if chosen else None,
                       instances=each_instance(rows, e.config))
        write_or_print(json_chunks(doc), None)
    elif not rows:
        typer.echo(e.words("status_empty", year=y, start=query.tracking_start(e.config, e.reader)))
    elif out == "plain" or len(rows) > screens.TABLE_ROWS:
        if out == "table":
            typer.echo(e.words("status_too_many", n=len(rows), most=screens.TABLE_ROWS), err=True)
        for block in screens.status_lines(e.words, e.config, rows, y, e.today):
            typer.echo(block, nl=False)
    else:
        console().print(screens.status_table(e.words, e.config, rows, y, e.today))


@app.command(cls=Command, help="h_explain")
@handled
def explain(
    ctx: typer.Context,
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str, typer.Argument(help="o_period_arg", metavar="PERIOD", callback=given)],
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.explain import explain as explain_report
    from khoagiao_cli.outputs.explain import explain_text

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    found = explain_report(e.config, e.reader, e.clock, unit_query=unit, report_query=report, period=period)
    typer.echo(explain_text(e.words, e.config, found, e.today), nl=False)


@app.command(cls=Command, help="h_history")
@handled
def history(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Argument(help="o_history_unit", metavar="[UNIT]", callback=given)] = None,
    report: Annotated[str | None, typer.Option("--report", help="o_history_report", metavar="REPORT", callback=given)] = None,
    period: Period = None,
    since: Annotated[str | None, typer.Option("--since", help="o_history_since", metavar="DATE", callback=given)] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="o_history_limit", metavar="N", min=1)] = None,
    format: TablePlainOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.query import file_copies
    from khoagiao_cli.app.query import history as history_of

    e = Env(ctx, lang=lang, config=config, db=db)
    out = screen_format(format)
    filtered = unit is not None or report is not None or period is not None or since is not None
    if limit is None and out == "table":  # a screenful on a terminal; everything when piped or exported
        limit = max(10, shutil.get_terminal_size().lines - 8)
    found = history_of(e.config, e.reader, unit=e.unit(unit), report=report, period=period, limit=limit,
                       since=e.parse_date(since, "what_since") if since is not None else None,
                       newest_first=out != "json")  # JSON: in the order recorded (its contract)
    if out == "json":
        from khoagiao_cli.app.query import copy_finder
        from khoagiao_cli.outputs.records import document, event_record, json_chunks, void_record

        by_event = {v.event_id: v for v, _ in found.voids}
        copy_of = copy_finder(e.reader)
        records = (event_record(ev, by_event.get(ev.id), copy_of(ev.file_sha256)) for ev in found.events)
        write_or_print(json_chunks(document(events=records, voids=[void_record(v) for v, _ in found.voids] or None)),
                       None)
        return
    first = next(found.events, None)
    if first is None:
        typer.echo(e.words("history_none_matching" if filtered else "history_empty"))
        return
    from khoagiao_cli.outputs.tables import history_files, history_lines, history_table

    kept: list[Event] = []  # the events with a received file, noted as they pass

    def noting(events: Iterator[Event]) -> Iterator[Event]:
        for ev in events:
            if ev.file_sha256:
                kept.append(ev)
            yield ev

    shown = noting(chain([first], found.events))
    if out == "table":
        console().print(history_table(e.words, e.config, list(shown), found.voids))
    else:
        for block in history_lines(e.words, e.config, shown, found.voids):
            typer.echo(block)
    if found.total is not None:
        typer.echo(e.words("history_more", shown=limit, total=found.total))
    if kept:
        kept.reverse()  # in the order recorded
        copies = file_copies(e.reader, kept)
        typer.echo("\n".join(history_files(e.words, kept, copies)))
