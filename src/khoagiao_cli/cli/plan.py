"""The calendar of obligations: the year's deadlines, the month grid with the meetings, one-off requests from a
công văn, and urgent incidents."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Env,
    Group,
    Lang,
    Note,
    TableOrJson,
    UnitArg,
    Year,
    app,
    check_format,
    console,
    given,
    group_callback,
    handled,
    who,
    write_or_print,
)

if TYPE_CHECKING:
    from khoagiao_cli.core.adhoc import Request
    from khoagiao_cli.i18n import Words

T = TypeVar("T")


@app.command(cls=Command, help="h_schedule")
@handled
def schedule(
    ctx: typer.Context,
    year: Year = None,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
) -> None:
    from khoagiao_cli.core.schedule import year_slots

    e = Env(ctx, lang=lang, config=config, as_of=as_of)
    out = check_format(format, ("table", "json"), "table")
    y = e.year(year)
    slots = year_slots(e.config, y)
    if out == "json":
        from khoagiao_cli.outputs.records import document, slot_record, to_json

        write_or_print(to_json(document(year=y, deadlines=[slot_record(s, e.config) for s in slots])), None)
    else:
        from khoagiao_cli.outputs.tables import schedule_table

        console().print(schedule_table(e.words, e.config, slots, y))


@app.command("calendar", cls=Command, help="h_calendar")
@handled
def calendar_command(
    ctx: typer.Context,
    year: Year = None,
    month: Annotated[int | None, typer.Option("--month", help="o_month", metavar="1-12")] = None,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.query import agenda

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = check_format(format, ("table", "json"), "table")
    y = e.year(year)
    if month is not None and not 1 <= month <= 12:
        from khoagiao_cli.errors import UserError

        raise UserError("bad_month", value=month)
    items = agenda(e.config, e.reader, y, month)
    if out == "json":
        from khoagiao_cli.outputs.records import document, item_record, to_json

        zone = e.zone()
        doc = document(year=y, month=month, items=[item_record(i, e.config, zone) for i in items])
        write_or_print(to_json(doc), None)
    else:
        from khoagiao_cli.outputs.calendar_view import calendar_view

        console().print(calendar_view(e.words, e.config, items, y, [month] if month else range(1, 13)))


# ---------------------------------------------------------------------------- one-off requests

request_app = typer.Typer(cls=Group, name="request", help="h_request", no_args_is_help=True, add_completion=False,
                          context_settings={"help_option_names": ["-h", "--help"]})
request_app.callback()(handled(group_callback))
app.add_typer(request_app, name="request")


@request_app.command("add", cls=Command, help="h_request_add")
@handled
def request_add(
    ctx: typer.Context,
    request_id: Annotated[str, typer.Option("--id", help="o_request_id", metavar="ID", callback=given)],
    title: Annotated[str, typer.Option("--title", help="o_title", metavar="TEXT", callback=given)],
    deadline: Annotated[str, typer.Option("--deadline", help="o_request_deadline", metavar="DATE", callback=given)],
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="o_request_doc", metavar="TEXT", callback=given)] = None,
    units: Annotated[str | None, typer.Option("--units", help="o_request_units", metavar="CODES", callback=given)] = None,
    group: Annotated[str | None, typer.Option("--group", help="o_request_group", metavar="GROUP", callback=given)] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="o_request_yes")] = False,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    import sys

    from khoagiao_cli.app.adhoc import PastDeadline, add_request
    from khoagiao_cli.core.adhoc import request_slot
    from khoagiao_cli.outputs.phrases import deadline_text

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    day = e.parse_date(deadline, "what_deadline")
    queries = [q.strip() for q in (units or "").split(",") if q.strip()]
    def add(sure: bool) -> Request:
        return add_request(e.config, e.ledger, e.clock, request_id=request_id, title=title, deadline=day,
                           doc_number=doc_number, unit_queries=queries, group=group, recorded_by=who(), sure=sure)

    try:
        request = add(yes)
    except PastDeadline as past:  # every unit asked would be overdue at once: on a terminal, ask; else --yes
        if not sys.stdin.isatty() or not typer.confirm(e.words("request_past_confirm", **past.params), default=False):
            raise
        request = add(True)
    slot = request_slot(e.config.calendar, request)
    typer.echo(e.words("request_added", id=request.id, title=request.title, deadline=deadline_text(e.words, slot),
                       n=len(request.units)))


@request_app.command("list", cls=Command, help="h_request_list")
@handled
def request_list(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="o_request_all")] = False,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.adhoc import request_statuses
    from khoagiao_cli.outputs.records import request_record
    from khoagiao_cli.outputs.tables import requests_table

    e = Env(ctx, lang=lang, config=config, db=db)
    out = check_format(format, ("table", "json"), "table")
    _listing(e, out, request_statuses(e.config, e.reader, all_), "requests", request_record, requests_table)


@request_app.command("cancel", cls=Command, help="h_request_cancel")
@handled
def request_cancel(
    ctx: typer.Context,
    request_id: Annotated[str, typer.Argument(help="o_request_id", metavar="ID", callback=given)],
    note: Note = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.adhoc import cancel_request
    from khoagiao_cli.outputs.text import visible

    e = Env(ctx, lang=lang, config=config, db=db)
    request = cancel_request(e.ledger, e.clock, request_id=request_id, note=note, recorded_by=who())
    typer.echo(e.words("request_cancelled", id=request.id, title=visible(request.title)))


# ---------------------------------------------------------------------------- urgent incidents

incident_app = typer.Typer(cls=Group, name="incident", help="h_incident", no_args_is_help=True, add_completion=False,
                           context_settings={"help_option_names": ["-h", "--help"]})
incident_app.callback()(handled(group_callback))
app.add_typer(incident_app, name="incident")


@incident_app.command("add", cls=Command, help="h_incident_add")
@handled
def incident_add(
    ctx: typer.Context,
    unit: UnitArg,
    title: Annotated[str, typer.Option("--title", help="o_incident_title", metavar="TEXT", callback=given)],
    occurred: Annotated[str, typer.Option("--occurred", help="o_occurred", metavar="DATETIME", callback=given)],
    within: Annotated[int, typer.Option("--within", help="o_within_hours", metavar="HOURS")] = 24,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.adhoc import add_incident

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    day, at = e.parse_moment(occurred, "what_occurred")
    incident = add_incident(e.config, e.ledger, e.clock, unit_query=unit, title=title,
                            occurred=e.clock.moment(day, at), within_hours=within, recorded_by=who())
    typer.echo(e.words("incident_added", id=incident.id, unit=incident.unit_name, title=incident.title,
                       deadline=incident.deadline_at, n=within))


@incident_app.command("list", cls=Command, help="h_incident_list")
@handled
def incident_list(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="o_incident_all")] = False,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.adhoc import incident_statuses
    from khoagiao_cli.outputs.records import incident_record
    from khoagiao_cli.outputs.tables import incidents_table

    e = Env(ctx, lang=lang, config=config, db=db)
    out = check_format(format, ("table", "json"), "table")
    _listing(e, out, incident_statuses(e.reader, all_), "incidents", incident_record, incidents_table)


def _listing(e: Env, out: str, found: Sequence[T], what: str, record: Callable[[T], dict[str, Any]],
             table: Callable[[Words, Sequence[T]], object]) -> None:
    """One-off requests and incidents alike: a JSON document of `what`, a table, or the words for none."""
    if out == "json":
        from khoagiao_cli.outputs.records import document, to_json

        write_or_print(to_json(document(**{what: [record(x) for x in found]})), None)
    elif not found:
        typer.echo(e.words(f"{what}_none"))
    else:
        console().print(table(e.words, found))


@incident_app.command("cancel", cls=Command, help="h_incident_cancel")
@handled
def incident_cancel(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(help="o_incident_id", metavar="ID", callback=given)],
    note: Note = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.adhoc import cancel_incident
    from khoagiao_cli.outputs.text import visible

    e = Env(ctx, lang=lang, config=config, db=db)
    incident = cancel_incident(e.ledger, e.clock, incident_ref=incident_id, note=note, recorded_by=who())
    typer.echo(e.words("incident_cancelled", id=incident.id, unit=incident.unit_name or incident.unit,
                       title=visible(incident.title)))
