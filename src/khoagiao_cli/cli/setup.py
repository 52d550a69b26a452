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
    existing = [str(target / n) for n in CONFIG_FILES if (target / n).exists()]
    if existing and not force:
        raise UserError("init_exists", files=", ".join(existing))
    for name in CONFIG_FILES:
        write_atomic(target / name, (embedded_dir() / name).read_bytes())
    typer.echo(words("init_done", path=target))
    for name in CONFIG_FILES:
        typer.echo(f"  {target / name}")
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
    from khoagiao_cli.app.query import tracking_start
    from khoagiao_cli.config.load import explicit_settings
    from khoagiao_cli.config.paths import config_folder, display
    from khoagiao_cli.outputs.mail import smtp_config

    e = Env(ctx, lang=lang, config=config, db=db)
    words, cfg = e.words, e.config
    active = sum(1 for u in cfg.units if u.active_on(e.today))
    typer.echo(words("config_ok", units=len(cfg.units), rules=len(cfg.rules)))
    typer.echo(words("config_more", active=active, own=sum(1 for r in cfg.rules if r.owner == "office"),
                     meetings=len(cfg.meetings)))
    folder = config_folder(Path(config) if config is not None else None, e.environ)
    typer.echo(words("config_folder", path=display(folder.path, e.cwd), origin=words("origin_" + folder.origin)))
    for name, src in e.sources.items():
        if src.origin != "embedded":
            whose = words("file_own")
        else:
            whose = words("file_default" if folder.origin == "embedded" else "file_default_missing")
        typer.echo(f"  {name:<14} {whose}: {display(src.path, e.cwd)}")
    schedule_src = e.sources["schedule.yaml"]
    explicit = explicit_settings(schedule_src.path.read_bytes())
    st = cfg.settings
    typer.echo(words("config_settings"))
    values = (
        ("timezone", st.timezone), ("due_soon_days", st.due_soon_days), ("holidays", st.holidays),
        ("days_off", words("n_days", n=len(st.days_off))), ("working_days", words("n_days", n=len(st.working_days))),
    )
    for key, value in values:
        origin = "schedule.yaml" if key in explicit else words("origin_default")
        typer.echo(f"  {key:<15} {value!s:<18} {origin}")
    if st.tracking_start is not None:
        typer.echo(f"  {'tracking_start':<15} {words.shown(st.tracking_start)!s:<18} schedule.yaml")
    elif not e.reader.exists:
        typer.echo(f"  {'tracking_start':<15} {'-':<18} {words('ledger_not_created')}")
    else:
        start = words.shown(tracking_start(cfg, e.reader))
        typer.echo(f"  {'tracking_start':<15} {start!s:<18} {words('origin_ledger')}")
    smtp = smtp_config(st.mail, e.environ)
    if smtp.host:
        typer.echo(words("config_mail", host=smtp.host, port=smtp.port, security=smtp.security,
                         sender=smtp.sender or "-", user=smtp.user or "-",
                         password=words("yes") if smtp.password else words("no")))
    else:
        typer.echo(words("config_mail_none"))
    typer.echo(words("config_ledger", path=e.db.path, origin=words("origin_db_" + e.db.origin)))
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
        typer.echo(to_json(doc), nl=False)
    else:
        from khoagiao_cli.outputs.tables import units_table

        console().print(units_table(e.words, e.config, shown, e.today, with_dates=all_))
