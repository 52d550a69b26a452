"""The status board for the people who never open a terminal: one HTML page a cron job or Task Scheduler drops on
the office's shared folder every morning."""

from __future__ import annotations

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
    Year,
    app,
    given,
    handled,
    write_or_print,
)


@app.command(cls=Command, help="h_board")
@handled
def board(
    ctx: typer.Context,
    output: Annotated[str, typer.Option("--output", "-o", help="o_board_output", metavar="FILE.html",
                                        callback=given)],
    year: Year = None,
    as_of: AsOf = None,
    group: Annotated[str | None, typer.Option("--group", help="o_board_group", metavar="GROUP", callback=given)] = None,
    max_units: Annotated[int | None, typer.Option("--max-units", help="o_board_max_units", metavar="N", min=1,
                                                  max=100_000)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.board import GRID_UNITS
    from khoagiao_cli.app.board import board as make_board
    from khoagiao_cli.config.paths import check_output
    from khoagiao_cli.outputs.board import render

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    y = e.year(year)
    path = Path(output)
    if output != "-":
        check_output(path)  # a folder that is not there is said before the year is read, not after
    most = max_units or GRID_UNITS
    found = make_board(e.config, e.reader, e.clock, y, group, most)
    write_or_print(render(e.words, e.config, found, most), path)
    if output != "-":
        typer.echo(e.words("board_written", path=output, year=y, n=len(found.grid), units=found.units), err=True)
