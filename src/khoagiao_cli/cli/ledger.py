"""The ledger itself: `verify` walks its hash chain and says whether anything was changed past khoagiao.

A SQLite file named by --db or KHOAGIAO_DB is checked without the configuration (a broken config must not keep
anyone from checking the ledger they name; cli.base.ledger_source). It never upgrades a ledger of an older schema:
it looks at the file as it is."""

from __future__ import annotations

import os
import re
from typing import Annotated

import typer

from khoagiao_cli.cli.base import (
    Command,
    ConfigDir,
    Db,
    Lang,
    app,
    check_lang,
    given,
    handled,
    lang_of,
    ledger_source,
    say,
)

#: how many findings are listed before "and N more"
SHOWN = 20


@app.command(cls=Command, help="h_verify")
@handled
def verify(
    ctx: typer.Context,
    head: Annotated[str | None, typer.Option("--head", help="o_head", metavar="HASH", callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,  # only for its `db:`
    db: Db = None,
) -> None:
    from datetime import date

    from khoagiao_cli.config.paths import db_timeout
    from khoagiao_cli.errors import LedgerError, UserError
    from khoagiao_cli.i18n import Words
    from khoagiao_cli.outputs.text import visible
    from khoagiao_cli.store import archive, open_reader
    from khoagiao_cli.store.chain import CHAINED

    check_lang(lang)
    words = Words(lang_of({"lang": lang, "ctx": ctx}))
    if head is not None and not re.fullmatch(r"[0-9a-fA-F]{12,64}", head.strip()):
        raise UserError("head_bad", value=head)
    wanted = head.strip().lower() if head is not None else None
    source = ledger_source(db, config)
    where = source.path
    # `today` would only date an empty ledger's tracking, which verify never asks: no clock is read here
    reader = open_reader(where, url=source.url, today=date.min, timeout=db_timeout(os.environ), upgrade=False)
    if not reader.exists:  # nothing to check: a verify that passed here would hide a ledger deleted or misnamed
        raise LedgerError("verify_none", path=reader.where)
    verdict = reader.verify(wanted)
    kept, changed = archive.check(where)  # the received files kept beside it: each still the content it is named by
    copies = archive.copies(where, (sha for _, sha in verdict.kept))
    lost = [(event, sha) for event, sha in verdict.kept if copies.get(sha) is None]  # kept once, gone now
    if verdict.findings or (wanted and not verdict.head_at) or changed or lost:
        if changed or lost:
            folder = archive.folder_of(where).resolve()  # where it looked, whatever --db said
            say(f"{words('error_prefix')}: {words('verify_files_bad', folder=folder, n=len(changed) + len(lost))}")
            for path in changed:
                say(f"  {visible(words('verify_file_changed', path=path), lines=False)}")
            for event, sha in lost[:SHOWN]:
                say(f"  {visible(words('verify_file_lost', event=event, sha=sha, folder=folder), lines=False)}")
            if len(lost) > SHOWN:
                say(f"  {words('findings_more', n=len(lost) - SHOWN)}")
            if lost:
                say(words("verify_files_hint", folder=folder))
        if verdict.findings:
            say(f"{words('error_prefix')}: {words('verify_tampered', path=reader.where, n=len(verdict.findings))}")
        elif wanted and not verdict.head_at:
            say(f"{words('error_prefix')}: {words('verify_head_only', path=reader.where)}")
        for finding in verdict.findings[:SHOWN]:
            what = words(f"record_{finding.table}", id=finding.row) if finding.table in CHAINED else ""
            line = words(f"finding_{finding.kind}", record=what, name=finding.name, seq=finding.seq)
            say(f"  {visible(line, lines=False)}")  # a schema name may hold a line break
        if len(verdict.findings) > SHOWN:
            say(f"  {words('findings_more', n=len(verdict.findings) - SHOWN)}")
        if wanted and not verdict.head_at:
            say(f"  {words('head_missing', head=wanted)}")
        raise typer.Exit(1)
    typer.echo(words("verify_ok", path=reader.where, n=verdict.records))
    if verdict.predating:
        typer.echo(words("verify_predating", n=verdict.predating))
    if verdict.head:
        typer.echo(words("verify_head", head=verdict.head))
    if kept:
        typer.echo(words("verify_files_ok", folder=archive.folder_of(where).resolve(), n=kept))
    if wanted:
        typer.echo(words("head_found", head=wanted, at=verdict.head_at))
