"""The ledger's database: made ready for an office (`db init`), looked at (`db status`), moved from one database to
another (`db copy`), and backed up (`backup`). Like `verify`, these need no configuration for a SQLite file named
by --db or KHOAGIAO_DB: a broken config must not keep anyone from looking after the ledger (cli.base.ledger_source
says when the configuration decides, and is then read as by every command)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from khoagiao_cli.cli.base import (
    Command,
    ConfigDir,
    Db,
    Group,
    Lang,
    TableOrJson,
    app,
    check_format,
    check_lang,
    given,
    group_callback,
    handled,
    lang_of,
    ledger_source,
    needs_configuration,
    office_settings,
    real_clock,
    write_or_print,
)

if TYPE_CHECKING:
    from khoagiao_cli.config.paths import Source
    from khoagiao_cli.i18n import Words
    from khoagiao_cli.store.census import Census
    from khoagiao_cli.store.pg_roles import Granted
    from khoagiao_cli.store.sql import SqlLedger

db_app = typer.Typer(cls=Group, name="db", help="h_db", no_args_is_help=True, add_completion=False,
                     context_settings={"help_option_names": ["-h", "--help"]})
db_app.callback()(handled(group_callback))
app.add_typer(db_app, name="db")

def _words(ctx: typer.Context, lang: str | None) -> Words:
    from khoagiao_cli.i18n import Words

    check_lang(lang)
    return Words(lang_of({"lang": lang, "ctx": ctx}))


def _open(source: Source) -> SqlLedger | None:
    """The ledger `source` names, read-only (upgraded first if older); None when there is none yet."""
    from datetime import date

    from khoagiao_cli.config.paths import db_timeout
    from khoagiao_cli.store import open_reader
    from khoagiao_cli.store.sql import SqlLedger

    reader = open_reader(source.path, url=source.url, today=date.min, timeout=db_timeout(os.environ))
    return reader if isinstance(reader, SqlLedger) else None


def _where(source: Source) -> str:
    """The ledger as messages name it: a file's path, or a database's URL without its password."""
    from khoagiao_cli.dburl import shown

    return shown(source.url) if source.url is not None else str(source.path)


def _counts(words: Words, census: Census) -> str:
    c = census.counts
    return words("db_counts", events=c["events"], requests=c["requests"], incidents=c["incidents"],
                 reminders=c["reminders"], voids=c["voids"] + c["incident_cancels"])


@db_app.command("init", cls=Command, help="h_db_init")
@handled
def db_init(
    ctx: typer.Context,
    clerk_role: Annotated[str | None, typer.Option("--clerk-role", help="o_clerk_role", metavar="ROLE",
                                                   callback=given)] = None,
    reader_role: Annotated[str | None, typer.Option("--reader-role", help="o_reader_role", metavar="ROLE",
                                                    callback=given)] = None,
    clerks: Annotated[list[str] | None, typer.Option("--clerk", help="o_clerk", metavar="ROLE", callback=given)]
        = None,
    readers: Annotated[list[str] | None, typer.Option("--reader", help="o_reader", metavar="ROLE", callback=given)]
        = None,
    lang: Lang = None,
    config: ConfigDir = None,  # only for its `db:`
    db: Db = None,
) -> None:
    from khoagiao_cli.config.paths import db_timeout
    from khoagiao_cli.errors import UserError
    from khoagiao_cli.store.census import census
    from khoagiao_cli.store.pg_roles import CLERK, READER

    words = _words(ctx, lang)
    source = ledger_source(db, config)
    timeout = db_timeout(os.environ)
    if source.url is None:
        if clerks or readers or clerk_role or reader_role:
            raise UserError("db_roles_sqlite", path=source.path)
        from khoagiao_cli.store.sqlite import SQLiteLedger

        made = not source.path.is_file() or source.path.stat().st_size == 0
        ledger: SqlLedger = SQLiteLedger.open(source.path, created_on=real_clock().date(), timeout=timeout)
        granted: Granted | None = None
    else:
        from functools import partial

        from khoagiao_cli.store.pg_roles import grant
        from khoagiao_cli.store.postgres import PostgresLedger

        # the schema, the roles and the grants in one transaction: a role refused any of it leaves nothing behind
        ledger, version, granted = PostgresLedger.ready(
            source.url, partial(grant, clerk=clerk_role or CLERK, reader=reader_role or READER, clerks=clerks or (),
                                readers=readers or ()),
            created_on=real_clock().date(), timeout=timeout, files_at=source.path)
        made = version == 0
    try:
        about = census(ledger)
        typer.echo(words("db_init_made" if made else "db_init_there", path=about.where,
                         backend=words(f"backend_{about.backend}"), version=about.version))
        if granted is not None:
            if granted.made:
                typer.echo(words("db_roles_made", roles=", ".join(granted.made)))
            typer.echo(words("db_grants", clerk=granted.clerk, reader=granted.reader))
            for role, group in granted.members:
                typer.echo(words("db_member", role=role, group=group))
            if not granted.members:
                typer.echo(words("db_members_hint", clerk=granted.clerk))
    finally:
        ledger.close()


@db_app.command("status", cls=Command, help="h_db_status")
@handled
def db_status(
    ctx: typer.Context,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,  # only for its `db:`
    db: Db = None,
) -> None:
    from khoagiao_cli.errors import Stamp
    from khoagiao_cli.store.census import census

    words = _words(ctx, lang)
    out = check_format(format, ("table", "json"), "table")
    source = ledger_source(db, config)
    ledger = _open(source)
    if ledger is None:
        where = _where(source)
        if out == "json":
            from khoagiao_cli.outputs.records import document, to_json

            write_or_print(to_json(document(ledger=where, exists=False)), None)
        else:
            typer.echo(words("db_none", path=where))
        return
    try:
        about = census(ledger)
    finally:
        ledger.close()
    if out == "json":
        from khoagiao_cli.outputs.records import document, to_json

        last = about.last._asdict() if about.last is not None else None
        write_or_print(to_json(document(ledger=about.where, exists=True, backend=about.backend,
                                        schema_version=about.version, created_on=about.created_on.isoformat(),
                                        counts=about.counts, head=about.head, last=last)), None)
        return
    typer.echo(words("db_where", path=about.where, backend=words(f"backend_{about.backend}"), version=about.version))
    typer.echo(words("db_created", day=about.created_on))
    typer.echo(_counts(words, about))
    typer.echo(words("db_chain", n=about.counts["chain"], head=about.head or "-"))
    if about.last is not None:
        typer.echo(words("db_last", what=words(f"record_{about.last.table}", id=about.last.key),
                         at=Stamp(about.last.at), by=about.last.by))


@db_app.command("copy", cls=Command, help="h_db_copy")
@handled
def db_copy(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="o_copy_source", metavar="SRC", callback=given)],
    target: Annotated[str, typer.Argument(help="o_copy_target", metavar="DST", callback=given)],
    lang: Lang = None,
) -> None:
    from khoagiao_cli.config.paths import db_source, db_timeout, file_kind
    from khoagiao_cli.errors import LedgerError, Msg, UserError
    from khoagiao_cli.store import archive
    from khoagiao_cli.store.census import census
    from khoagiao_cli.store.copying import copy_ledger

    words = _words(ctx, lang)
    # both named here, not by a config's `db:`; but a ledger on a server keeps its files where the office says
    files, folder = None, None
    if needs_configuration(source) or needs_configuration(target):
        settings, folder = office_settings(None)
        files = settings.files
    src, dst = (db_source(named, os.environ, None, folder, files) for named in (source, target))
    src_where = _where(src)
    if (src.url, src.path.resolve()) == (dst.url, dst.path.resolve()):
        raise UserError("copy_same", path=src_where)
    for named in (src, dst):  # a folder is no ledger file (not a "full" target, nor one that "cannot be opened")
        if named.url is None and (kind := file_kind(named.path)) is not None:
            raise UserError("not_a_file", path=str(named.path), kind=Msg("kind_" + kind))
    timeout = db_timeout(os.environ)
    ledger = _open(src)
    if ledger is None:
        raise UserError("copy_source_missing", path=src_where)
    try:
        verdict = ledger.verify()
        if verdict.findings:
            raise LedgerError("copy_source_tampered", path=ledger.where, n=len(verdict.findings))
        if dst.url is not None:
            from khoagiao_cli.store.postgres import PostgresLedger

            url = dst.url
            copied = copy_ledger(ledger, lambda: PostgresLedger.fresh(url, timeout=timeout))
        else:
            from khoagiao_cli.store.sqlite import SQLiteLedger

            copied = copy_ledger(ledger, lambda: SQLiteLedger.fresh(dst.path, timeout=timeout))
        about = census(ledger)
    finally:
        ledger.close()
    typer.echo(words("copy_done", source=src_where, target=_where(dst)))
    typer.echo(_counts(words, about))
    typer.echo(words("copy_checked", digest=copied.fingerprint.digest, n=copied.head[0], head=copied.head[1] or "-"))
    kept = archive.kept(src.path)
    if kept:
        folder = archive.folder_of(dst.path)
        for path in kept.values():
            archive.keep(path, folder)
        typer.echo(words("copy_files", n=len(kept), folder=folder))


@app.command(cls=Command, help="h_backup")
@handled
def backup(
    ctx: typer.Context,
    output: Annotated[str | None, typer.Option("-o", "--output", help="o_backup_output", metavar="FILE|DIR",
                                               callback=given)] = None,
    keep: Annotated[int, typer.Option("--keep", help="o_keep", metavar="N")] = 10,
    lang: Lang = None,
    config: ConfigDir = None,  # only for its `db:`
    db: Db = None,
) -> None:
    from khoagiao_cli.config.paths import check_output, db_timeout, user_data_dir
    from khoagiao_cli.dburl import shown
    from khoagiao_cli.errors import UserError
    from khoagiao_cli.files import private_dirs
    from khoagiao_cli.store import backups

    words = _words(ctx, lang)
    if keep < 1:
        raise UserError("keep_bad", value=keep)
    source = ledger_source(db, config)
    now = real_clock()
    if output is None or Path(output).is_dir():
        folder = Path(output) if output is not None else user_data_dir(os.environ) / "backups"
        targets, pruning = list(backups.names(folder, now)), True
    else:
        targets, pruning = [Path(output)], False
        check_output(targets[0])
        if targets[0].exists() or targets[0].is_symlink():  # whatever it is: a backup never replaces a file
            raise UserError("backup_exists", path=targets[0])
    ledger = _open(source)
    if ledger is None:
        raise UserError("copy_source_missing", path=_where(source))
    try:
        where = ledger.where
        if pruning:
            private_dirs(targets[0].parent)
        made = backups.backup(ledger, source.path, targets, timeout=db_timeout(os.environ))
    finally:
        ledger.close()
    about, target = made.census, made.path
    typer.echo(words("backup_done", source=where, path=target, events=about.counts["events"],
                     n=about.counts["chain"], head=about.head or "-"))
    if pruning:
        old = backups.prune(target, keep)
        if old:
            typer.echo(words("backup_pruned", n=len(old), folder=target.parent, keep=keep))
    if made.files:
        typer.echo(words("backup_files", n=made.files, folder=made.files_folder.resolve()))
    if source.url is not None:
        typer.echo(words("backup_pg", day=f"{now:%Y%m%d}", url=shown(source.url)))
