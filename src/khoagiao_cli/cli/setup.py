"""Setting up: the default configuration written out for editing, the configuration checked and explained (with
its reference, from the schema itself), and the units."""

from __future__ import annotations

import os
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
    TableOrJson,
    app,
    check_format,
    console,
    given,
    handled,
    write_or_print,
)


@app.command(cls=Command, help="h_init")
@handled
def init(
    ctx: typer.Context,
    directory: Annotated[str | None, typer.Argument(help="o_dir", metavar="[DIR]", callback=given)] = None,
    force: Annotated[bool, typer.Option("--force", help="o_force")] = False,
    lang: Lang = None,
) -> None:
    from khoagiao_cli.cli.base import check_lang, lang_of
    from khoagiao_cli.config.paths import CONFIG_FILES, embedded_dir, user_config_dir, write_atomic
    from khoagiao_cli.errors import UserError
    from khoagiao_cli.i18n import Words

    check_lang(lang)
    words = Words(lang_of({"lang": lang, "ctx": ctx}))
    target = Path(directory) if directory is not None else user_config_dir(os.environ)
    existing = [name for name in CONFIG_FILES if (target / name).exists()]
    if len(existing) == len(CONFIG_FILES) and not force:
        raise UserError("init_exists", files=", ".join(str(target / n) for n in existing))
    written = [name for name in CONFIG_FILES if force or name not in existing]
    for name in written:  # a file that is there already is kept, unless --force: it may hold the office's edits
        write_atomic(target / name, (embedded_dir() / name).read_bytes())
    typer.echo(words("init_done", path=target))
    for name in written:
        typer.echo(f"  {target / name}")
    if len(written) < len(CONFIG_FILES):
        typer.echo(words("init_kept", files=", ".join(n for n in CONFIG_FILES if n not in written)))
    used = directory is None or target.resolve() == user_config_dir(os.environ).resolve()
    typer.echo(words("init_hint_used") if used else words("init_hint_flag", path=target))


@app.command(name="config", cls=Command, help="h_config")
@handled
def config_command(
    ctx: typer.Context,
    reference: Annotated[bool, typer.Option("--reference", help="o_reference")] = False,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    if reference:
        from khoagiao_cli.cli.base import check_lang, lang_of
        from khoagiao_cli.outputs.reference import reference as config_reference

        check_lang(lang)
        typer.echo(config_reference(lang_of({"lang": lang, "ctx": ctx})), nl=False)
        return
    from khoagiao_cli.app.about import describe
    from khoagiao_cli.config.paths import config_folder
    from khoagiao_cli.outputs.mail import smtp_config

    e = Env(ctx, lang=lang, config=config, db=db)
    words = e.words
    folder = config_folder(Path(config) if config is not None else None, e.environ)
    about = describe(e.config, folder, e.sources, e.reader, e.today)
    cfg = about.config
    typer.echo(words("config_ok", units=len(cfg.units), rules=len(cfg.rules)))
    typer.echo(words("config_more", active=about.active_units, own=sum(1 for r in cfg.rules if r.owner == "office"),
                     meetings=len(cfg.meetings)))
    typer.echo(words("config_folder", path=about.folder.path.resolve(), origin=words("origin_" + about.folder.origin)))
    for f in about.files:
        whose = "file_own" if f.source.origin != "embedded" else (
            "file_default" if f.own else "file_default_missing")
        typer.echo(f"  {f.name:<14} {words(whose)}: {f.source.path.resolve()}")
    typer.echo(words("config_settings"))
    from khoagiao_cli.errors import Msg

    for s in about.settings:
        value = words("n_days", n=s.value) if s.key in ("days_off", "working_days") else s.value
        value = words.render(value) if isinstance(value, Msg) else value
        typer.echo(f"  {s.key:<15} {value!s:<18} {'schedule.yaml' if s.explicit else words('origin_default')}")
    start = words.shown(about.tracking_start) if about.tracking_start else "-"
    origin = {"schedule.yaml": "schedule.yaml", "ledger": words("origin_ledger"),
              "none": words("ledger_not_created")}[about.tracking_from]
    typer.echo(f"  {'tracking_start':<15} {start!s:<18} {origin}")
    smtp = smtp_config(cfg.settings.mail, e.environ)
    if smtp.host:
        typer.echo(words("config_mail", host=smtp.host, port=smtp.port, security=smtp.security,
                         sender=smtp.sender or "-", user=smtp.user or "-",
                         password=words("yes") if smtp.password else words("no")))
    else:
        typer.echo(words("config_mail_none"))
    if e.db.url is not None:
        from khoagiao_cli.dburl import shown

        ledger: object = shown(e.db.url)
    else:
        ledger = e.db.path.resolve()
    typer.echo(words("config_ledger", path=ledger, origin=words("origin_db_" + e.db.origin)))
    typer.echo(words("config_lang", lang=words.lang))


@app.command(cls=Command, help="h_units")
@handled
def units(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="o_units_all")] = False,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
) -> None:
    e = Env(ctx, lang=lang, config=config, as_of=as_of)
    out = check_format(format, ("table", "json"), "table")
    shown = [u for u in e.config.units if all_ or u.active_on(e.today)]
    if out == "json":
        from khoagiao_cli.outputs.records import document, to_json, unit_record

        doc = document(as_of=e.today, units=[unit_record(u, e.config, e.today) for u in shown])
        write_or_print(to_json(doc), None)
    else:
        from khoagiao_cli.outputs.tables import units_table

        console().print(units_table(e.words, e.config, shown, e.today, with_dates=all_))
