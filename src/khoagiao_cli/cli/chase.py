"""Chasing late units (đôn đốc): reminders by e-mail, the overdue digest to the office, the urging letters, and the
quarter's summary for the block briefing (giao ban).
The sending policy is the use case's (app/remind.py); here it is wired to SMTP and said in words."""

from __future__ import annotations

from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from khoagiao_cli.cli.base import (
    AsOf,
    Command,
    ConfigDir,
    Db,
    Env,
    Lang,
    UnitOpt,
    app,
    given,
    handled,
    interactive,
    say,
    who,
    write_output,
)
from khoagiao_cli.core.status import Row
from khoagiao_cli.errors import UserError

if TYPE_CHECKING:
    from khoagiao_cli.app.remind import Outcome


def mail_digest(e: Env, rows: Sequence[Row], mail_to: str) -> None:
    """`overdue --mail-to`: the digest to the office itself; nothing is sent when nothing is overdue."""
    from khoagiao_cli.app.remind import parse_addresses, send_digest
    from khoagiao_cli.errors import SendError
    from khoagiao_cli.outputs import mail

    words = e.words
    addresses = parse_addresses(mail_to)
    cfg = mail.smtp_config(e.config.settings.mail, e.environ)
    mail.require_sending(cfg)
    if not rows:
        return
    subject, body = mail.digest_text(words, e.config, rows, e.today)
    message = mail.build_message(subject, body, sender=cfg.sender, to=addresses, when=e.clock.real,
                                 sender_name=e.config.office.name, lang=words.lang)
    smtp = mail.Smtp(cfg, words)
    try:
        accepted, refused = send_digest(e.ledger, e.clock, rows, message, smtp, to=addresses, sent_by=who())
    except SendError as exc:
        say(f"{words('error_prefix')}: {words('digest_failed', to=mail_to, error=exc)}")
        raise typer.Exit(1) from None
    finally:
        smtp.close()
    if refused:
        say(f"{words('error_prefix')}: {words('smtp_refused', addresses=', '.join(refused))}")
        raise typer.Exit(1)
    if interactive():
        typer.echo(words("digest_sent", to=", ".join(accepted), n=len(rows)))


@app.command(cls=Command, help="h_remind")
@handled
def remind(
    ctx: typer.Context,
    as_of: AsOf = None,
    unit: UnitOpt = None,
    send: Annotated[bool, typer.Option("--send", help="o_send")] = False,
    force: Annotated[bool, typer.Option("--force", help="o_force_remind")] = False,
    eml: Annotated[str | None, typer.Option("--eml", help="o_eml", metavar="DIR", callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import remind as policy
    from khoagiao_cli.outputs import mail

    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    words = e.words
    cfg = mail.smtp_config(e.config.settings.mail, e.environ)
    if send:
        mail.require_sending(cfg)
    plan = policy.remind_plan(e.config, e.ledger if send else e.reader, e.clock, e.unit(unit))
    if not plan:
        typer.echo(words("remind_none", as_of=e.today))
        return
    texts = {item.unit.code: mail.reminder_text(words, e.config, item.unit, item.rows, e.today) for item in plan}

    def compose(item: policy.RemindItem) -> EmailMessage:
        subject, body = texts[item.unit.code]
        return mail.build_message(subject, body, sender=cfg.sender, to=item.unit.email, when=e.clock.real,
                                  sender_name=e.config.office.name, lang=words.lang)

    unreachable = [item.unit.code for item in plan if not item.unit.email]
    outcomes: list[Outcome] = []
    if eml is not None:
        folder = Path(eml)
        if not folder.parent.is_dir() or (folder.exists() and not folder.is_dir()):
            raise UserError("eml_folder_missing", folder=eml)
        folder.mkdir(exist_ok=True)  # the folder itself, never missing parents (a typo creates nothing)
        for item in plan:
            write_output(folder / f"{e.today.isoformat()}-{item.unit.code}.eml", bytes(compose(item)))
        typer.echo(words("eml_written", n=len(plan), folder=eml))
    if not send:
        if eml is None:
            for item in plan:
                subject, body = texts[item.unit.code]
                typer.echo(f"===== {item.unit.name} ({item.unit.code}) =====")
                typer.echo(f"{words('mail_from_label')}: {cfg.sender or words('sender_unset')}")
                typer.echo(f"{words('mail_to_label')}: {', '.join(item.unit.email) or words('no_email')}")
                typer.echo(f"{words('mail_subject_label')}: {subject}")
                typer.echo("")
                typer.echo(body)
        typer.echo(words("remind_preview", n=len(plan)))
    else:
        smtp = mail.Smtp(cfg, words)
        try:
            outcomes = policy.send_reminders(e.ledger, e.clock, plan, compose, smtp, force=force, sent_by=who(),
                                             report=lambda o: _say(e, o))
        finally:
            smtp.close()
    if unreachable:
        typer.echo(words("remind_unreachable", n=len(unreachable), units=", ".join(unreachable)))
    if send and (policy.failed(outcomes) or all(o.status == policy.UNREACHABLE for o in outcomes)):
        raise typer.Exit(1)  # something could not be sent, or nobody could be reached: cron must hear of it


def _say(e: Env, outcome: Outcome) -> None:
    """One unit's outcome, as it happens."""
    from khoagiao_cli.app import remind as policy

    words, u = e.words, outcome.item.unit
    if outcome.status == policy.SKIPPED and outcome.item.sent_before is not None:
        typer.echo(words("remind_skipped", unit=u.name, code=u.code, at=outcome.item.sent_before.sent_at[11:16]))
    elif outcome.status == policy.UNRECORDED and outcome.problem is not None:
        say(f"{words('error_prefix')}: " + words("remind_unrecorded", unit=u.name, code=u.code,
                                                         error=words.render(outcome.problem)))
    elif outcome.status == policy.FAILED:
        say(f"{words('error_prefix')}: {words('remind_failed', unit=u.name, code=u.code, error=outcome.error)}")
    elif outcome.status == policy.SENT:
        typer.echo(words("remind_sent", unit=u.name, code=u.code, to=", ".join(outcome.recipients),
                         n=len(outcome.item.rows)))
        if outcome.refused:
            refused = words("smtp_refused", addresses=", ".join(outcome.refused))
            say(f"{words('error_prefix')}: {words('remind_failed', unit=u.name, code=u.code, error=refused)}")


@app.command(cls=Command, help="h_letter")
@handled
def letter(
    ctx: typer.Context,
    unit: Annotated[str | None, typer.Argument(help="o_letter_unit", metavar="[UNIT]", callback=given)] = None,
    every: Annotated[bool, typer.Option("--all", help="o_letter_all")] = False,
    as_of: AsOf = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="o_letter_output", metavar="FILE", callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    if (unit is None) != every:  # one unit, or --all: never both, never neither
        raise UserError("letter_unit_or_all")
    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    words = e.words
    if every:
        from khoagiao_cli.app.remind import overdue_by_unit
        from khoagiao_cli.outputs.letter import letter_all_docx

        late = overdue_by_unit(e.config, e.reader, e.clock)
        if not late:
            typer.echo(words("letter_all_none", as_of=e.today))
            return
        path = Path(output or f"cong-van-don-doc-{e.today.isoformat()}.docx")
        write_output(path, letter_all_docx(words, e.config, late, e.today, e.clock.real))
        n = sum(len(rows) for _, rows in late)
        typer.echo(words("letter_all_written", path=path, units=words("n_units", n=len(late)),
                         reports=words("n_reports", n=n)))
        return
    from khoagiao_cli.app.query import overdue
    from khoagiao_cli.core.lookup import find_unit
    from khoagiao_cli.outputs.letter import letter_docx

    assert unit is not None
    chosen = find_unit(e.config, unit)
    rows = overdue(e.config, e.reader, e.clock, chosen)
    if not rows:
        typer.echo(words("letter_none", unit=chosen.name, as_of=e.today))
        return
    path = Path(output or f"cong-van-don-doc-{chosen.code}-{e.today.isoformat()}.docx")
    write_output(path, letter_docx(words, e.config, chosen, rows, e.today, e.clock.real))
    typer.echo(words("letter_written", path=path, n=len(rows)))


@app.command(cls=Command, help="h_summary")
@handled
def summary(
    ctx: typer.Context,
    quarter: Annotated[str, typer.Option("--quarter", help="o_quarter", metavar="Q", callback=given)],
    year: Annotated[int | None, typer.Option("--year", help="o_quarter_year", metavar="YEAR")] = None,
    as_of: AsOf = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="o_summary_output", metavar="FILE",
                                               callback=given)] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app.summary import parse_quarter
    from khoagiao_cli.app.summary import summary as quarter_summary
    from khoagiao_cli.outputs.summary import quarter_name, summary_docx

    number = parse_quarter(quarter)
    e = Env(ctx, lang=lang, config=config, db=db, as_of=as_of)
    words, y = e.words, e.year(year)
    if year is None and e.today.month < 3 * number - 2:  # in January, "quarter 4" is the one just ended
        y -= 1
    found = quarter_summary(e.config, e.reader, e.clock, y, number)
    name = quarter_name(words, y, number)
    if not found.this.units:
        typer.echo(words("summary_none", quarter=name))
        return
    path = Path(output or f"giao-ban-{y}-Q{number}.docx")
    write_output(path, summary_docx(words, e.config, found, e.clock.real))
    this = found.this
    typer.echo(words("summary_written", quarter=name, path=path, expected=this.expected, on_time=this.on_time,
                     late=this.late, missing=this.missing))
