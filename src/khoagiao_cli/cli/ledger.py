"""The ledger itself: `verify` walks its hash chain and says whether anything was changed past khoagiao."""

from __future__ import annotations

import re
from typing import Annotated

import typer

from khoagiao_cli.cli.base import Command, ConfigDir, Db, Env, Lang, app, given, handled
from khoagiao_cli.errors import UserError

#: how many findings are listed before "and N more"
SHOWN = 20


@app.command(cls=Command, help="h_verify")
@handled
def verify(
    ctx: typer.Context,
    head: Annotated[str | None, typer.Option("--head", help="o_head", metavar="HASH", callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    if head is not None and not re.fullmatch(r"[0-9a-fA-F]{12,64}", head.strip()):
        raise UserError("head_bad", value=head)
    e = Env(ctx, lang=lang, config=config, db=db)
    words = e.words
    wanted = head.strip().lower() if head is not None else None
    verdict = e.reader.verify(wanted)
    where = e.reader.where
    if verdict.findings or (wanted and not verdict.head_at):
        typer.echo(f"{words('error_prefix')}: {words('verify_tampered', path=where, n=len(verdict.findings))}",
                   err=True)
        for finding in verdict.findings[:SHOWN]:
            what = words(f"record_{finding.table}", id=finding.row) if finding.table else ""
            typer.echo(f"  {words(f'finding_{finding.kind}', record=what, name=finding.name, seq=finding.seq)}",
                       err=True)
        if len(verdict.findings) > SHOWN:
            typer.echo(f"  {words('findings_more', n=len(verdict.findings) - SHOWN)}", err=True)
        if wanted and not verdict.head_at:
            typer.echo(f"  {words('head_missing', head=wanted)}", err=True)
        raise typer.Exit(1)
    typer.echo(words("verify_ok", path=where, n=verdict.records))
    if verdict.head:
        typer.echo(words("verify_head", head=verdict.head))
    if wanted:
        typer.echo(words("head_found", head=wanted, at=verdict.head_at))
