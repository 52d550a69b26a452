"""The year at a glance: the scorecard, and the year exported for other programs (JSON, CSV, TOML, a calendar
file, the office's spreadsheet)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Annotated

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Env,
    Lang,
    TablePlainOrJson,
    UnitOpt,
    Year,
    app,
    check_format,
    console,
    given,
    handled,
    screen_format,
    write_or_print,
    write_output,
)
from khoagiao_cli.core.status import Row

Output = Annotated[str | None, typer.Option("--output", "-o", help="o_output", metavar="FILE", callback=given)]


@app.command(cls=Command, help="h_stats")
@handled
def stats(
    ctx: typer.Context,
    year: Year = None,
    as_of: AsOf = None,
    unit: UnitOpt = None,
    format: TablePlainOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.query import year_rows
    from khoagiao_cli.core.scorecard import scorecard

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = screen_format(format)
    y = e.year(year)
    chosen = e.unit(unit)
    scores = scorecard(e.config, year_rows(e.config, e.reader, y, e.clock, chosen), e.today, chosen and chosen.code)
    if out == "json":
        from khoagiao_cli.outputs.records import document, score_record, to_json

        write_or_print(to_json(document(year=y, as_of=e.today, units=[score_record(s) for s in scores])), None)
    elif not scores:
        typer.echo(e.words("stats_none", year=y))
    elif out == "plain":
        from khoagiao_cli.outputs.stats_view import stats_plain

        typer.echo(stats_plain(e.words, scores, y, e.today), nl=False)
    else:
        from khoagiao_cli.outputs.stats_view import stats_view

        console().print(stats_view(e.words, scores, y, e.today))


@app.command(cls=Command, help="h_export")
@handled
def export(
    ctx: typer.Context,
    format: Annotated[str, typer.Option("--format", help="o_format_export", metavar="json|csv|toml|ics|xlsx", callback=given)],
    year: Year = None,
    as_of: AsOf = None,
    output: Output = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.query import year_rows
    from khoagiao_cli.outputs import records

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    out = check_format(format, ("json", "csv", "toml", "ics", "xlsx"), "json")
    if out == "xlsx":
        _export_xlsx(e, year, Path(output) if output is not None else None)
        return
    y = e.year(year)
    rows = year_rows(e.config, e.reader, y, e.clock)
    if out == "ics":
        _export_ics(e, y, rows, Path(output) if output is not None else None)
        return
    text: str | Iterator[str]
    if out == "csv":  # written as it is made; a file opens in Excel with its diacritics (UTF-8 with a BOM), a pipe
        text = records.csv_chunks(records.each_instance(rows, e.config))  # gets none in its first field
        if output not in (None, "-"):
            text = itertools.chain(("\ufeff",), text)
    else:  # JSON written as it is made too; TOML is one document
        made = records.each_instance(rows, e.config) if out == "json" else records.instances(rows, e.config)
        doc = records.document(year=y, as_of=e.today, ledger=records.ledger_record(*e.reader.chain_head()),
                               instances=made)
        text = records.json_chunks(doc) if out == "json" else records.to_toml(doc)
    write_or_print(text, Path(output) if output is not None else None)
    if output not in (None, "-"):
        typer.echo(e.words("written", path=output, n=len(rows)), err=True)


def _export_ics(e: Env, year: int, rows: list[Row], output: Path | None) -> None:
    from khoagiao_cli.app.query import agenda, owing
    from khoagiao_cli.core.agenda import DEADLINE
    from khoagiao_cli.outputs.ics import to_ics

    items = agenda(e.config, e.reader, year)
    data = to_ics(e.words, e.config, items, owing(e.config, rows), tz=e.zone(), stamp=e.clock.real.astimezone(UTC),
                  year=year)
    write_or_print(data, output)
    if output is not None and str(output) != "-":
        typer.echo(e.words("written_ics", path=output, n=len(items),
                           deadlines=sum(1 for i in items if i.kind == DEADLINE)), err=True)


def _export_xlsx(e: Env, year: int | None, output: Path | None) -> None:
    """A sheet per year (the --year, or every year since tracking started), the events, the scorecard."""
    from khoagiao_cli.app.query import tracked_years, year_rows
    from khoagiao_cli.core.scorecard import scorecard
    from khoagiao_cli.errors import UserError
    from khoagiao_cli.outputs.xlsx import workbook_bytes

    if output is None:
        raise UserError("xlsx_needs_output")
    today = e.today
    years = [e.year(year)] if year is not None else tracked_years(e.config, e.reader, e.clock)
    by_year = {y: year_rows(e.config, e.reader, y, e.clock) for y in years}
    score_year = years[-1]
    data = workbook_bytes(e.words, e.config, by_year, e.reader.events(), scorecard(e.config, by_year[score_year], today),
                          score_year=score_year, as_of=today, chain=e.reader.chain_head(), voids=e.reader.voids())
    write_output(output, data)
    typer.echo(e.words("written_xlsx", path=output, n=len(years) + 2), err=True)
