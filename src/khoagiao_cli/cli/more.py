"""The commands a clerk runs now and then (explain, calendar, request, incident, remind, stats, letter, import),
registered on the same app only when one of them is run or the whole command list is shown, so that the daily
`khoagiao due` does not load them."""

# Annotations stay strings until Typer builds a command (see cli.py).
from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Group,
    Lang,
    ReportArg,
    Session,
    TableOrJson,
    TablePlainOrJson,
    UnitArg,
    UnitOpt,
    Year,
    app,
    check_format,
    console,
    h,
    handled,
    interactive,
    screen_format,
    who,
)
from khoagiao_cli.errors import UserError
from khoagiao_cli.i18n import LANGS, get_lang, set_lang, t


def mail_digest(s: Session, rows: list[Any], mail_to: str) -> None:
    """`overdue --mail-to`: the digest to the office itself; nothing is sent when nothing is overdue."""
    from khoagiao_cli.app import actions
    from khoagiao_cli.outputs import mail
    from khoagiao_cli.store.base import Reminder

    addresses = [a.strip() for a in mail_to.split(",") if a.strip()]
    if not addresses or any("@" not in a or " " in a for a in addresses):
        raise UserError("mail_to_bad", value=mail_to)
    cfg = mail.smtp_config(s.config.settings.mail, s.env)
    mail.require_sending(cfg)
    if not rows:
        return
    subject, body = mail.digest_text(s.config, rows, s.today)
    msg = mail.build_message(subject, body, sender=cfg.sender, to=addresses, when=s.clock, sender_name=s.config.office.name)
    smtp = mail.Smtp(cfg)
    try:
        refused = smtp.send(msg)
    except mail.SendError as exc:
        typer.echo(f"{t('error_prefix')}: {t('digest_failed', to=mail_to, error=exc)}", err=True)
        raise typer.Exit(1) from None
    finally:
        smtp.close()
    accepted = [a for a in addresses if a not in refused]
    actions.record_reminder(s.ledger, Reminder(
        0, "digest", None, s.today, mail.instances_key(rows), ",".join(accepted), msg["Message-ID"],
        s.recorded_at(), who(),
    ))
    if refused:
        typer.echo(f"{t('error_prefix')}: {t('smtp_refused', addresses=', '.join(refused))}", err=True)
        raise typer.Exit(1)
    if interactive():
        typer.echo(t("digest_sent", to=", ".join(accepted), count=len(rows)))


@app.command(cls=Command, help=h("h_remind"))
@handled
def remind(
    as_of: AsOf = None,
    unit: UnitOpt = None,
    send: Annotated[bool, typer.Option("--send", help=h("o_send"))] = False,
    force: Annotated[bool, typer.Option("--force", help=h("o_force_remind"))] = False,
    eml: Annotated[Path | None, typer.Option("--eml", help=h("o_eml"), metavar="DIR")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.outputs import mail

    s = Session(lang, config, db, as_of)
    cfg = mail.smtp_config(s.config.settings.mail, s.env)
    if send:
        mail.require_sending(cfg)
    plan = actions.remind_plan(s.config, s.ledger if send else s.reader, s.today, s.unit(unit), s.now)
    if not plan:
        typer.echo(t("remind_none", as_of=s.today))
        return
    texts = {item.unit.code: mail.reminder_text(s.config, item.unit, item.rows, s.today) for item in plan}
    unreachable = [item.unit for item in plan if not item.unit.email]
    if eml is not None:
        _write_eml(s, cfg, plan, texts, eml)
    if not send:
        if eml is None:
            for item in plan:
                subject, body = texts[item.unit.code]
                to = ", ".join(item.unit.email) or t("no_email")
                typer.echo(f"===== {item.unit.name} ({item.unit.code}) =====")
                typer.echo(f"{t('mail_from_label')}: {cfg.sender or t('sender_unset')}")
                typer.echo(f"{t('mail_to_label')}: {to}")
                typer.echo(f"{t('mail_subject_label')}: {subject}")
                typer.echo("")
                typer.echo(body)
        typer.echo(t("remind_preview", n=len(plan)))
        if unreachable:
            typer.echo(t("remind_unreachable", n=len(unreachable), units=", ".join(u.code for u in unreachable)))
        return
    failed = 0
    smtp = mail.Smtp(cfg)
    try:
        for item in plan:
            u = item.unit
            if not u.email:
                continue
            if item.sent_before is not None and not force:
                at = item.sent_before.sent_at[11:16]
                typer.echo(t("remind_skipped", unit=u.name, code=u.code, at=at))
                continue
            subject, body = texts[u.code]
            msg = mail.build_message(subject, body, sender=cfg.sender, to=u.email, when=s.clock,
                                     sender_name=s.config.office.name)
            try:
                refused = smtp.send(msg)
            except mail.SendError as exc:
                failed += 1
                typer.echo(f"{t('error_prefix')}: {t('remind_failed', unit=u.name, code=u.code, error=exc)}", err=True)
                continue
            accepted = [a for a in u.email if a not in refused]
            from khoagiao_cli.store.base import Reminder

            actions.record_reminder(s.ledger, Reminder(
                0, "unit", u.code, s.today, item.key, ",".join(accepted), msg["Message-ID"], s.recorded_at(), who(),
            ))
            typer.echo(t("remind_sent", unit=u.name, code=u.code, to=", ".join(accepted), n=len(item.rows)))
            if refused:
                failed += 1
                typer.echo(f"{t('error_prefix')}: {t('remind_failed', unit=u.name, code=u.code, error=t('smtp_refused', addresses=', '.join(refused)))}", err=True)
    finally:
        smtp.close()
    if unreachable:
        typer.echo(t("remind_unreachable", n=len(unreachable), units=", ".join(u.code for u in unreachable)))
    if failed:
        raise typer.Exit(1)


def _write_eml(s: Session, cfg: Any, plan: list[Any], texts: dict[str, tuple[str, str]], folder: Path) -> None:
    from khoagiao_cli.config.paths import write_atomic
    from khoagiao_cli.outputs import mail

    for item in plan:
        subject, body = texts[item.unit.code]
        msg = mail.build_message(subject, body, sender=cfg.sender, to=item.unit.email, when=s.clock,
                                 sender_name=s.config.office.name)
        path = folder / f"{s.today.isoformat()}-{item.unit.code}.eml"
        write_atomic(path, bytes(msg))
    typer.echo(t("eml_written", n=len(plan), folder=folder))


def export_xlsx(s: Session, year: int | None, output: Path | None) -> None:
    """A sheet per year (the --year, or every year since tracking started), the events, the scorecard."""
    from khoagiao_cli.app import actions
    from khoagiao_cli.config.paths import write_atomic
    from khoagiao_cli.core.scorecard import scorecard
    from khoagiao_cli.outputs.xlsx import workbook_bytes

    if output is None:
        raise UserError("xlsx_needs_output")
    years = [s.year(year)] if year is not None else list(
        range(min(actions.tracking_start(s.config, s.reader).year, s.today.year), s.today.year + 1)
    )
    by_year = {y: actions.year_rows(s.config, s.reader, y, s.today, now=s.now) for y in years}
    score_year = years[-1]
    data = workbook_bytes(s.config, by_year, s.reader.events(), scorecard(s.config, by_year[score_year], s.today),
                          score_year=score_year, as_of=s.today)
    write_atomic(output, data)
    typer.echo(t("written_xlsx", path=output, sheets=len(years) + 2), err=True)


@app.command(cls=Command, help=h("h_explain"))
@handled
def explain(
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str, typer.Argument(help=h("o_period_arg"), metavar="PERIOD")],
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.outputs.screens import explain_text

    s = Session(lang, config, db, as_of)
    exp = actions.explain(s.config, s.reader, unit_query=unit, report_query=report, period=period, as_of=s.today,
                          now=s.now)
    typer.echo(explain_text(exp, s.config, s.today), nl=False)


@app.command("calendar", cls=Command, help=h("h_calendar"))
@handled
def calendar_command(
    year: Year = None,
    month: Annotated[int | None, typer.Option("--month", help=h("o_month"), metavar="1-12")] = None,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.core.agenda import agenda, item_record

    s = Session(lang, config, db, as_of)
    out = check_format(format, ("table", "json"), "table")
    y = s.year(year)
    if month is not None and not 1 <= month <= 12:
        raise UserError("bad_month", value=month)
    items = agenda(s.config, y, s.request_slots(), get_lang(), month)
    if out == "json":
        import json

        data = [item_record(i, s.config, s.zone()) for i in items]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        from khoagiao_cli.outputs.screens import calendar_view

        console().print(calendar_view(items, s.config, y, [month] if month else range(1, 13)))


request_app = typer.Typer(
    cls=Group, name="request", help=h("h_request"), no_args_is_help=True, add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(request_app, name="request")


def _group_lang(lang: Lang = None) -> None:
    """`khoagiao request --lang en …`: the language for every sub-command of the group."""
    if lang:
        if lang not in LANGS:
            typer.echo(f"{t('error_prefix')}: {t('bad_lang', value=lang)}", err=True)
            raise typer.Exit(2)
        os.environ["KHOAGIAO_LANG"] = lang
        set_lang(lang)


request_app.callback()(_group_lang)


@request_app.command("add", cls=Command, help=h("h_request_add"))
@handled
def request_add(
    request_id: Annotated[str, typer.Option("--id", help=h("o_request_id"), metavar="ID")],
    title: Annotated[str, typer.Option("--title", help=h("o_title"), metavar="TEXT")],
    deadline: Annotated[str, typer.Option("--deadline", help=h("o_request_deadline"), metavar="DATE")],
    doc_number: Annotated[str | None, typer.Option("--doc-number", help=h("o_request_doc"), metavar="TEXT")] = None,
    units: Annotated[str | None, typer.Option("--units", help=h("o_request_units"), metavar="CODES")] = None,
    group: Annotated[str | None, typer.Option("--group", help=h("o_request_group"), metavar="GROUP")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.outputs.screens import deadline_text

    s = Session(lang, config, db)
    day = s.parse_date(deadline, "what_deadline")
    queries = [q.strip() for q in (units or "").split(",") if q.strip()]
    request = actions.add_request(
        s.config, s.ledger, request_id=request_id, title=title, deadline=day, doc_number=doc_number,
        unit_queries=queries, group=group, recorded_at=s.recorded_at(), recorded_by=who(),
    )
    from khoagiao_cli.core.adhoc import request_slot

    slot = request_slot(s.config.calendar, request)
    typer.echo(t("request_added", id=request.id, title=request.title, deadline=deadline_text(slot),
                 n=len(request.units)))


@request_app.command("list", cls=Command, help=h("h_request_list"))
@handled
def request_list(
    all_: Annotated[bool, typer.Option("--all", help=h("o_request_all"))] = False,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions

    s = Session(lang, config, db)
    out = check_format(format, ("table", "json"), "table")
    found = actions.request_statuses(s.config, s.reader, all_)
    if out == "json":
        import json

        data = [
            {"id": r.request.id, "title": r.request.title, "deadline": r.slot.deadline.isoformat(),
             "nominal_deadline": r.request.deadline.isoformat(), "doc_number": r.request.doc_number,
             "units": list(r.request.units), "received": r.received, "cancelled": r.request.cancelled}
            for r in found
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    elif not found:
        typer.echo(t("requests_none"))
    else:
        from khoagiao_cli.outputs.screens import requests_table

        console().print(requests_table(found))


@request_app.command("cancel", cls=Command, help=h("h_request_cancel"))
@handled
def request_cancel(
    request_id: Annotated[str, typer.Argument(help=h("o_request_id"), metavar="ID")],
    note: Annotated[str | None, typer.Option("--note", help=h("o_note"), metavar="TEXT")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions

    s = Session(lang, config, db)
    request = actions.cancel_request(s.ledger, request_id=request_id, note=note, recorded_at=s.recorded_at(),
                                     recorded_by=who())
    typer.echo(t("request_cancelled", id=request.id, title=request.title))


incident_app = typer.Typer(
    cls=Group, name="incident", help=h("h_incident"), no_args_is_help=True, add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(incident_app, name="incident")
incident_app.callback()(_group_lang)


@incident_app.command("add", cls=Command, help=h("h_incident_add"))
@handled
def incident_add(
    unit: UnitArg,
    title: Annotated[str, typer.Option("--title", help=h("o_incident_title"), metavar="TEXT")],
    occurred: Annotated[str, typer.Option("--occurred", help=h("o_occurred"), metavar="DATETIME")],
    within: Annotated[int, typer.Option("--within", help=h("o_within_hours"), metavar="HOURS")] = 24,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions

    s = Session(lang, config, db, as_of)
    day, at = s.parse_moment(occurred, "what_occurred")
    incident = actions.add_incident(
        s.config, s.ledger, unit_query=unit, title=title, occurred=s.moment(day, at), within_hours=within,
        now=s.latest, recorded_at=s.recorded_at(), recorded_by=who(),
    )
    typer.echo(t("incident_added", id=incident.id, unit=incident.unit_name, title=incident.title,
                 deadline=incident.deadline_at.strftime("%H:%M %d/%m/%Y"), hours=within))


@app.command(cls=Command, help=h("h_stats"))
@handled
def stats(
    year: Year = None,
    as_of: AsOf = None,
    unit: UnitOpt = None,
    format: TablePlainOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.core.scorecard import score_record, scorecard

    s = Session(lang, config, db, as_of)
    out = screen_format(format)
    y = s.year(year)
    scores = scorecard(s.config, actions.year_rows(s.config, s.reader, y, s.today, s.unit(unit), s.now), s.today)
    if out == "json":
        import json

        typer.echo(json.dumps([score_record(x) for x in scores], ensure_ascii=False, indent=2))
    elif not scores:
        typer.echo(t("stats_none", year=y))
    elif out == "plain":
        from khoagiao_cli.outputs.screens import stats_plain

        typer.echo(stats_plain(scores, y, s.today), nl=False)
    else:
        from khoagiao_cli.outputs.screens import stats_view

        console().print(stats_view(scores, y, s.today))


@app.command("import", cls=Command, help=h("h_import"))
@handled
def import_command(
    file: Annotated[Path, typer.Argument(help=h("o_import_file"), metavar="FILE")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help=h("o_dry_run"))] = False,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import importer
    from khoagiao_cli.core.dates import fmt

    s = Session(lang, config, db, as_of)
    progress = None
    if interactive():
        from rich.progress import track

        def progress(items: list[Any]) -> Any:
            return track(items, description=str(file.name), transient=True) if len(items) > 200 else items

    plan = importer.plan_import(s.config, s.reader if dry_run else s.ledger, file, today=s.today, recorded_at=s.recorded_at(),
                                recorded_by=who(), progress=progress)
    if plan.errors:
        typer.echo(f"{t('error_prefix')}: {t('import_bad', n=len(plan.errors))}", err=True)
        for line in plan.errors:
            typer.echo(f"  {line}", err=True)
        raise typer.Exit(2)
    if dry_run:
        typer.echo(t("import_would", n=len(plan.to_record)))
        for p in plan.to_record:
            e = p.event
            typer.echo(f"  {t('import_row', row=p.row, error='')}{e.unit}  {e.report}  {e.period}  {fmt(e.received or s.today)}"
                       f"{'  ' + e.doc_number if e.doc_number else ''}")
    elif plan.to_record:
        ids = importer.apply(s.ledger, plan)
        typer.echo(t("import_done", n=len(ids), path=file, first=ids[0], last=ids[-1]))
    else:
        typer.echo(t("import_nothing", path=file))
    if plan.already:
        typer.echo(t("import_already", n=len(plan.already), rows=", ".join(map(str, plan.already))))


@app.command(cls=Command, help=h("h_letter"))
@handled
def letter(
    unit: UnitArg,
    as_of: AsOf = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=h("o_letter_output"), metavar="FILE")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.config.paths import write_atomic
    from khoagiao_cli.outputs.letter import letter_docx

    s = Session(lang, config, db, as_of)
    chosen = s.unit(unit)
    rows = actions.overdue_rows(s.config, s.reader, s.today, chosen, s.now)
    if not rows:
        typer.echo(t("letter_none", unit=chosen.name, as_of=s.today))
        return
    path = output or Path(f"cong-van-don-doc-{chosen.code}-{s.today.isoformat()}.docx")
    write_atomic(path, letter_docx(s.config, chosen, rows, s.today))
    typer.echo(t("letter_written", path=path, n=len(rows)))
