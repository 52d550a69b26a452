"""Typer commands: parse options → call the core → render → exit code. No SQL, no date math here."""

# Annotations stay strings until Typer builds a command, so only the command being run pays for its options.
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from khoagiao_cli import __version__
from khoagiao_cli.errors import KhoagiaoError, UserError
from khoagiao_cli.i18n import LANGS, detect_lang, entry, get_lang, set_lang, t

# Help texts are chosen once, from `--lang` on the command line or KHOAGIAO_LANG.
HELP_LANG = detect_lang(sys.argv[1:], os.environ)


def h(key: str) -> str:
    vi, en = entry(key)
    return en if HELP_LANG == "en" else vi


class _HelpInOurLanguage:
    """Click's own `--help` line and its usage errors are English; say them in the user's language."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = h("h_help")
        return option

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        from khoagiao_cli.cli.usage import ClickException, UsageError, kind_of

        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except UsageError as exc:
            ctx: Any = getattr(exc, "ctx", None)
            if "NoArgsIsHelpError" in kind_of(exc):
                typer.echo(ctx.get_help() if ctx else "")
                sys.exit(2)
            from khoagiao_cli.cli.usage import usage_message

            set_lang(HELP_LANG)
            typer.echo(f"{t('error_prefix')}: {usage_message(exc)}", err=True)
            if ctx is not None:
                typer.echo(t("usage_hint", command=ctx.command_path), err=True)
            sys.exit(getattr(exc, "exit_code", 2))
        except ClickException as exc:
            typer.echo(f"{t('error_prefix')}: {exc.format_message()}", err=True)  # type: ignore[attr-defined]
            sys.exit(getattr(exc, "exit_code", 1))
        except typer.Abort:
            typer.echo(t("aborted"), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


class Command(_HelpInOurLanguage, TyperCommand):
    pass


class Group(_HelpInOurLanguage, TyperGroup):
    pass


def new_app() -> typer.Typer:
    return typer.Typer(
        cls=Group,
        name="khoagiao",
        help=h("h_app"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = new_app()

AsOf = Annotated[str | None, typer.Option("--as-of", help=h("o_as_of"), metavar="DATE")]
Lang = Annotated[str | None, typer.Option("--lang", help=h("o_lang"), metavar="vi|en")]
ConfigDir = Annotated[Path | None, typer.Option("--config", help=h("o_config"), metavar="DIR")]
Db = Annotated[Path | None, typer.Option("--db", help=h("o_db"), metavar="PATH")]
Year = Annotated[int | None, typer.Option("--year", help=h("o_year"), metavar="YEAR")]
UnitOpt = Annotated[str | None, typer.Option("--unit", help=h("o_unit"), metavar="UNIT")]
UnitArg = Annotated[str, typer.Argument(help=h("o_unit_arg"), metavar="UNIT")]
ReportArg = Annotated[str, typer.Argument(help=h("o_report_arg"), metavar="REPORT")]
TableOrJson = Annotated[
    str | None, typer.Option("--format", help=h("o_format_table_json"), metavar="table|json")
]
#: a table on a terminal, plain text when piped (see `screen_format`), or JSON
TablePlainOrJson = Annotated[
    str | None, typer.Option("--format", help=h("o_format_due"), metavar="table|plain|json")
]


# ---------------------------------------------------------------------------- plumbing

F = TypeVar("F", bound=Callable[..., Any])


def handled(fn: F) -> F:
    """Every error a user can cause becomes a message and its exit code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KhoagiaoError as exc:
            typer.echo(f"{t('error_prefix')}: {exc.message()}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # `khoagiao due | head`: the reader has what it wanted; stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as exc:
            error = exc.strerror or str(exc)
            typer.echo(f"{t('error_prefix')}: {t('io_error', path=exc.filename or '-', error=error)}", err=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


#: zones with one offset for every date khoagiao deals with (no daylight saving since 1975)
_FIXED_ZONES = {"Asia/Ho_Chi_Minh": 7, "Asia/Saigon": 7}


class Session:
    """What every command needs: language, configuration, today's date, and (lazily) the ledger."""

    def __init__(self, lang: str | None, config_dir: Path | None, db: Path | None, as_of: str | None = None) -> None:
        from khoagiao_cli.config.load import load
        from khoagiao_cli.config.paths import config_sources, db_source, user_cache_dir

        chosen = lang or os.environ.get("KHOAGIAO_LANG") or "vi"
        if chosen not in LANGS:
            raise UserError("bad_lang", value=chosen)
        set_lang(chosen)
        self.env = os.environ
        self.cwd = Path.cwd()
        self.sources = config_sources(config_dir, self.env)
        self.cache_dir = user_cache_dir(self.env)
        self.config = load(self.sources, self.cache_dir, self.cwd)
        if self.config.settings.holidays != "none":
            from khoagiao_cli.config.holidays import cached_source

            self.config.calendar = self.config.work_calendar(cached_source(self.cache_dir))
        self.db = db_source(db, self.env)
        self.now = self.clock = self._now()
        self.real_today = self.now.date()
        self.today = self.real_today
        #: the latest moment "now" can be: the end of the --as-of day when it has no time of day
        self.latest = self.now
        if as_of:
            # --as-of moves "now": a date means the start of that day, a date-time that moment
            self.today, at = self.parse_moment(as_of, "what_as_of")  # a date without a year: the clock's year
            self.now = self.moment(self.today, at)
            if at is None:
                from datetime import time

                self.latest = self.moment(self.today, time(23, 59, 59))
            else:
                self.latest = self.now
        self._ledger: Any = None
        self._reader: Any = None

    def _now(self) -> Any:
        from datetime import datetime

        return datetime.now(self.zone(fixed_ok=True))

    def zone(self, fixed_ok: bool = False) -> Any:
        """The office's time zone. Vietnam has kept UTC+7 without daylight saving since 1975, so the daily
        commands use a fixed offset for it and skip importing zoneinfo (3 ms); calendar files get the real zone."""
        name = self.config.settings.timezone
        if fixed_ok and name in _FIXED_ZONES:
            from datetime import timedelta, timezone

            return timezone(timedelta(hours=_FIXED_ZONES[name]), name)
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)

    def parse_moment(self, text: str, what: str) -> tuple[date, Any]:
        """A date the user typed; one without a year takes the as-of day's year."""
        from khoagiao_cli.core.dates import parse_moment

        return parse_moment(text, self.today, what=t(what))

    def moment(self, day: date, at: Any = None) -> Any:
        """A date (and time of day, default 00:00) as an aware date-time in the office's time zone."""
        from datetime import datetime, time

        return datetime.combine(day, at or time(0, 0), self.now.tzinfo)

    def request_slots(self) -> list[Any]:
        """The deadlines of open one-off requests."""
        from khoagiao_cli.core.adhoc import request_slot

        return [request_slot(self.config.calendar, r) for r in self.reader.requests()]

    def parse_date(self, text: str, what: str) -> date:
        """A date the user typed; one without a year takes the as-of day's year."""
        from khoagiao_cli.core.dates import parse_date

        return parse_date(text, self.today, what=t(what))

    def _timeout(self) -> float:
        text = os.environ.get("KHOAGIAO_DB_TIMEOUT", "10")
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if not 0 <= value < 1e6:  # also nan and infinity
            raise UserError("db_timeout_bad", value=text)
        return value

    @property
    def ledger(self) -> Any:
        """The ledger, for a command that records: created on first use, on the real clock's day."""
        if self._ledger is None:
            from khoagiao_cli.store import open_ledger

            self._ledger = open_ledger(self.db.path, created_on=self.real_today, timeout=self._timeout())
        return self._ledger

    @property
    def reader(self) -> Any:
        """The ledger, for a command that only reads: opened read-only, never created (empty when missing)."""
        if self._ledger is not None:
            return self._ledger
        if self._reader is None:
            from khoagiao_cli.store import open_reader

            self._reader = open_reader(self.db.path, today=self.real_today, timeout=self._timeout())
        return self._reader

    def unit(self, query: str | None) -> Any:
        if query is None:
            return None
        from khoagiao_cli.core.lookup import find_unit

        return find_unit(self.config, query)

    def year(self, year: int | None) -> int:
        if year is None:
            return self.today.year
        if not 1900 <= year <= 2999:
            raise UserError("bad_year", value=year)
        return year

    def recorded_at(self) -> str:
        """When an event is written to the ledger: the real clock, whatever --as-of says."""
        return self.clock.isoformat(timespec="seconds")


def who() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers and services
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def check_format(value: str | None, allowed: tuple[str, ...], default: str) -> str:
    chosen = value or default
    if chosen not in allowed:
        raise UserError("bad_format", value=chosen, known=", ".join(allowed))
    return chosen


def screen_format(value: str | None) -> str:
    """--format of the commands people and cron both read: a table on a terminal, plain text when piped."""
    return check_format(value, ("table", "plain", "json"), "table" if interactive() else "plain")


def interactive() -> bool:
    return sys.stdout.isatty()


def console() -> Any:
    from rich.console import Console

    return Console(highlight=False)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"khoagiao {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", help=h("h_version"), callback=version_callback, is_eager=True)
    ] = False,
) -> None:
    pass


# ---------------------------------------------------------------------------- commands


@app.command(cls=Command, help=h("h_due"))
@handled
def due(
    as_of: AsOf = None,
    within: Annotated[int | None, typer.Option("--within", help=h("o_within"), metavar="N", min=0)] = None,
    unit: UnitOpt = None,
    format: TablePlainOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from datetime import timedelta

    from khoagiao_cli.app import actions
    from khoagiao_cli.core.dates import fmt

    s = Session(lang, config, db, as_of)
    out = screen_format(format)
    days = s.config.settings.due_soon_days if within is None else within
    rows = actions.due_rows(s.config, s.reader, s.today, days, s.unit(unit), s.now)
    until = s.today + timedelta(days=days)
    if out == "json":
        from khoagiao_cli.outputs.records import record, to_json_array

        typer.echo(to_json_array([record(r, s.config) for r in rows]), nl=False)
    elif not rows:
        typer.echo(t("due_none", n=days, until=fmt(until)))
    elif out == "plain":
        from khoagiao_cli.outputs.screens import due_plain

        typer.echo(due_plain(rows, s.config, s.today, until), nl=False)
    else:
        from khoagiao_cli.outputs.screens import due_table

        console().print(due_table(rows, s.config, s.today, until))


@app.command(cls=Command, help=h("h_submit"))
@handled
def submit(
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str | None, typer.Option("--period", help=h("o_period"), metavar="PERIOD")] = None,
    received: Annotated[str | None, typer.Option("--received", help=h("o_received"), metavar="DATE")] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help=h("o_doc"), metavar="TEXT")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help=h("o_channel"), metavar="paper|email|eoffice|other")] = None,
    file: Annotated[Path | None, typer.Option("--file", help=h("o_file"), metavar="FILE")] = None,
    note: Annotated[str | None, typer.Option("--note", help=h("o_note"), metavar="TEXT")] = None,
    correct: Annotated[bool, typer.Option("--correct", help=h("o_correct"))] = False,
    as_of: AsOf = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.core.dates import fmt
    from khoagiao_cli.core.status import LATE
    from khoagiao_cli.outputs.screens import deadline_text, report_period, wording

    s = Session(lang, config, db, as_of)
    got, at = s.parse_moment(received, "what_received") if received else (None, None)
    done = actions.record(
        s.config, s.ledger, unit_query=unit, report_query=report, period=period, received=got, today=s.today,
        doc_number=doc_number, channel=channel, file=file, note=note, correct=correct,
        recorded_at=s.recorded_at(), recorded_by=who(),
        received_at=s.moment(got, at) if got and at else None, now=s.now,
    )
    name, _ = report_period(s.config, done.row)
    if done.chosen:
        typer.echo(t("chosen_period", period=done.event.period))
    at = done.event.received_at
    received_text = at.strftime("%H:%M %d/%m/%Y") if at else fmt(done.event.received or s.today)
    words = {"unit": done.unit.name, "report": name, "period": done.event.period, "received": received_text, "event": done.event.id}
    if done.previous is not None:
        typer.echo(t("corrected", previous=done.previous.id, **words))
    else:
        typer.echo(t("submitted", **words))
    slot = done.row.instance.slot
    if done.row.status == LATE and done.row.hours_late is not None:
        typer.echo(t("verdict_late_hours", n=done.row.hours_late, deadline=deadline_text(slot)))
    elif done.row.status == LATE:
        typer.echo(t("verdict_late", n=done.row.days_late, wording=wording(slot), deadline=deadline_text(slot)))
    else:
        typer.echo(t("verdict_on_time", wording=wording(slot), deadline=deadline_text(slot)))


@app.command(cls=Command, help=h("h_withdraw"))
@handled
def withdraw(
    unit: UnitArg,
    report: ReportArg,
    period: Annotated[str, typer.Option("--period", help=h("o_period_req"), metavar="PERIOD")],
    note: Annotated[str | None, typer.Option("--note", help=h("o_note"), metavar="TEXT")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions

    s = Session(lang, config, db)
    event, previous = actions.withdraw(
        s.config, s.ledger, unit_query=unit, report_query=report, period=period, note=note,
        recorded_at=s.recorded_at(), recorded_by=who(),
    )
    typer.echo(t(
        "withdrawn", event=event.id, previous=previous.id, unit=s.config.unit_name(event.unit),
        report=s.config.rule_name(event.report, get_lang()), period=event.period,
    ))


@app.command(cls=Command, help=h("h_overdue"))
@handled
def overdue(
    as_of: AsOf = None,
    format: Annotated[str | None, typer.Option("--format", help=h("o_format_overdue"), metavar="plain|json")] = None,
    fail: Annotated[bool, typer.Option("--fail", help=h("o_fail"))] = False,
    unit: UnitOpt = None,
    mail_to: Annotated[str | None, typer.Option("--mail-to", help=h("o_mail_to"), metavar="ADDR")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions

    s = Session(lang, config, db, as_of)
    out = check_format(format, ("plain", "json"), "plain")
    rows = actions.overdue_rows(s.config, s.reader, s.today, s.unit(unit), s.now)
    if mail_to is not None:
        from khoagiao_cli.cli.more import mail_digest

        mail_digest(s, rows, mail_to)
        if fail and rows:
            raise typer.Exit(1)
        return
    if out == "json":
        from khoagiao_cli.outputs.records import record, to_json_array

        typer.echo(to_json_array([record(r, s.config) for r in rows]), nl=False)
    elif rows:
        from khoagiao_cli.outputs import screens as render

        if interactive():
            console().print(render.overdue_rich(rows, s.config, s.today))
        else:
            typer.echo(render.overdue_plain(rows, s.config, s.today), nl=False)
    if fail and rows:
        raise typer.Exit(1)


@app.command(cls=Command, help=h("h_status"))
@handled
def status(
    unit: Annotated[str | None, typer.Argument(help=h("o_unit"), metavar="[UNIT]")] = None,
    year: Year = None,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.core.dates import fmt

    s = Session(lang, config, db, as_of)
    out = check_format(format, ("table", "json"), "table")
    y = s.year(year)
    rows = actions.year_rows(s.config, s.reader, y, s.today, s.unit(unit), s.now)
    if out == "json":
        from khoagiao_cli.outputs.records import record, to_json_array

        typer.echo(to_json_array([record(r, s.config) for r in rows]), nl=False)
    elif not rows:
        typer.echo(t("status_empty", year=y, start=fmt(actions.tracking_start(s.config, s.reader))))
    else:
        from khoagiao_cli.outputs.screens import status_table

        console().print(status_table(rows, s.config, y, s.today))


@app.command(cls=Command, help=h("h_export"))
@handled
def export(
    format: Annotated[str, typer.Option("--format", help=h("o_format_export"), metavar="json|csv|toml|ics|xlsx")],
    year: Year = None,
    as_of: AsOf = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=h("o_output"), metavar="FILE")] = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.app import actions
    from khoagiao_cli.config.paths import write_atomic
    from khoagiao_cli.outputs import records as ex

    s = Session(lang, config, db, as_of)
    out = check_format(format, ("json", "csv", "toml", "ics", "xlsx"), "json")
    y = s.year(year)
    if out == "xlsx":
        from khoagiao_cli.cli.more import export_xlsx

        export_xlsx(s, year, output)
        return
    rows = actions.year_rows(s.config, s.reader, y, s.today, now=s.now)
    records = [ex.record(r, s.config) for r in rows]
    if out == "ics":

        from khoagiao_cli.core.agenda import DEADLINE, agenda, to_ics
        from khoagiao_cli.core.status import DUE, OVERDUE, UPCOMING

        owing: dict[tuple[str, str], list[str]] = {}
        for r in rows:
            if r.status in (OVERDUE, DUE, UPCOMING):
                owing.setdefault((r.instance.report, r.instance.period), []).append(s.config.unit_name(r.instance.unit))
        items = agenda(s.config, y, s.request_slots(), get_lang())
        data = to_ics(s.config, items, owing, tz=s.zone(), stamp=s.clock.astimezone(UTC), lang=get_lang(),
                      year=y)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            write_atomic(output, data)
            events = sum(1 for _ in items)
            typer.echo(t("written_ics", path=output, count=events,
                         deadlines=sum(1 for i in items if i.kind == DEADLINE)), err=True)
        return
    if out == "json":
        text = ex.to_json_document(records, year=y, as_of=s.today)
    elif out == "csv":
        text = ex.to_csv(records)
    else:
        text = ex.to_toml(records, year=y, as_of=s.today)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        typer.echo(t("written", path=output, count=len(records)), err=True)


@app.command(cls=Command, help=h("h_units"))
@handled
def units(
    all_: Annotated[bool, typer.Option("--all", help=h("o_units_all"))] = False,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
) -> None:
    s = Session(lang, config, None, as_of)
    out = check_format(format, ("table", "json"), "table")
    shown = [u for u in s.config.units if all_ or u.active_on(s.today)]
    if out == "json":
        import json

        unit_rules = [r.id for r in s.config.rules if r.owner == "units"]
        data = [
            {
                "code": u.code, "name": u.name, "short_name": u.short_name, "group": u.group, "email": list(u.email),
                "reports": list(u.reports or unit_rules),
                "active_from": u.active_from.isoformat() if u.active_from else None,
                "active_until": u.active_until.isoformat() if u.active_until else None,
                "successor": u.successor,
                "active": u.active_on(s.today),
            }
            for u in shown
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        from khoagiao_cli.outputs.screens import units_table

        console().print(units_table(s.config, shown, s.today, with_dates=all_))


@app.command(cls=Command, help=h("h_schedule"))
@handled
def schedule(
    year: Year = None,
    as_of: AsOf = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
) -> None:
    from khoagiao_cli.core.schedule import year_slots

    s = Session(lang, config, None, as_of)
    out = check_format(format, ("table", "json"), "table")
    y = s.year(year)
    slots = year_slots(s.config, y)
    if out == "json":
        import json

        from khoagiao_cli.outputs.records import plain, slot_record

        data = [plain(slot_record(sl, s.config)) for sl in slots]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        from khoagiao_cli.outputs.screens import schedule_table

        console().print(schedule_table(slots, s.config, y))


@app.command(cls=Command, help=h("h_history"))
@handled
def history(
    unit: Annotated[str | None, typer.Argument(help=h("o_history_unit"), metavar="[UNIT]")] = None,
    report: Annotated[str | None, typer.Option("--report", help=h("o_history_report"), metavar="REPORT")] = None,
    period: Annotated[str | None, typer.Option("--period", help=h("o_period_req"), metavar="PERIOD")] = None,
    format: TableOrJson = None,
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.core.lookup import find_rule, normalize_period

    s = Session(lang, config, db)
    out = check_format(format, ("table", "json"), "table")
    code = s.unit(unit).code if unit else None
    rule_id = find_rule(s.config, report).id if report else None
    events = s.reader.events(unit=code, report=rule_id, period=normalize_period(period) if period else None)
    if out == "json":
        import json

        data = [
            {k: v for k, v in {
                "id": e.id, "kind": e.kind, "unit": e.unit, "unit_name": e.unit_name, "report": e.report,
                "period": e.period, "received": e.received.isoformat() if e.received else None,
                "doc_number": e.doc_number, "channel": e.channel, "file_path": e.file_path,
                "file_sha256": e.file_sha256, "note": e.note, "recorded_at": e.recorded_at,
                "recorded_by": e.recorded_by,
            }.items() if v is not None}
            for e in events
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
    elif not events:
        typer.echo(t("history_empty"))
    else:
        from khoagiao_cli.outputs.screens import history_table

        console().print(history_table(events, s.config))


@app.command(cls=Command, help=h("h_init"))
@handled
def init(
    directory: Annotated[Path | None, typer.Argument(help=h("o_dir"), metavar="[DIR]")] = None,
    force: Annotated[bool, typer.Option("--force", help=h("o_force"))] = False,
    lang: Lang = None,
) -> None:
    from khoagiao_cli.config.paths import CONFIG_FILES, embedded_dir, user_config_dir, write_atomic

    chosen = lang or os.environ.get("KHOAGIAO_LANG") or "vi"
    if chosen not in LANGS:
        raise UserError("bad_lang", value=chosen)
    set_lang(chosen)
    target = directory if directory is not None else user_config_dir(os.environ)
    existing = [str(target / n) for n in CONFIG_FILES if (target / n).exists()]
    if existing and not force:
        raise UserError("init_exists", files=", ".join(existing))
    for name in CONFIG_FILES:
        write_atomic(target / name, (embedded_dir() / name).read_bytes())
    typer.echo(t("init_done", path=target))
    for name in CONFIG_FILES:
        typer.echo(f"  {target / name}")
    used = directory is None or target.resolve() == user_config_dir(os.environ).resolve()
    typer.echo(t("init_hint_used") if used else t("init_hint_flag", path=target))


@app.command(cls=Command, name="config", help=h("h_config"))
@handled
def config_cmd(
    lang: Lang = None,
    config: ConfigDir = None,
    db: Db = None,
) -> None:
    from khoagiao_cli.config.load import explicit_settings
    from khoagiao_cli.config.paths import display
    from khoagiao_cli.core.dates import fmt
    from khoagiao_cli.store.base import EmptyLedger

    s = Session(lang, config, db)
    active = sum(1 for u in s.config.units if u.active_on(s.today))
    typer.echo(t("config_ok", units=len(s.config.units), rules=len(s.config.rules)))
    typer.echo(t("config_more", active=active, own=sum(1 for r in s.config.rules if r.owner == "office"),
                 meetings=len(s.config.meetings)))
    typer.echo(t("config_files"))
    for name, src in s.sources.items():
        typer.echo(f"  {name:<14} {display(src.path, s.cwd)}  ({t('origin_' + src.origin)})")
    schedule_src = s.sources["schedule.yaml"]
    explicit = explicit_settings(schedule_src.path.read_bytes())
    st = s.config.settings
    typer.echo(t("config_settings"))
    calendar_keys = (
        ("holidays", st.holidays),
        ("days_off", t("n_days", n=len(st.days_off))),
        ("working_days", t("n_days", n=len(st.working_days))),
    )
    for key, value in (("timezone", st.timezone), ("due_soon_days", st.due_soon_days), *calendar_keys):
        origin = f"schedule.yaml ({t('origin_' + schedule_src.origin)})" if key in explicit else t("origin_default")
        typer.echo(f"  {key:<15} {value!s:<18} {origin}")
    if st.tracking_start is not None:
        typer.echo(f"  {'tracking_start':<15} {fmt(st.tracking_start):<18} schedule.yaml")
    elif not isinstance(s.reader, EmptyLedger):
        typer.echo(f"  {'tracking_start':<15} {fmt(s.reader.created_on()):<18} {t('origin_ledger')}")
    else:
        typer.echo(f"  {'tracking_start':<15} {'-':<18} {t('ledger_not_created')}")
    from khoagiao_cli.outputs.mail import smtp_config

    smtp = smtp_config(st.mail, s.env)
    if smtp.host:
        typer.echo(t("config_mail", host=smtp.host, port=smtp.port, security=smtp.security,
                     sender=smtp.sender or "-", user=smtp.user or "-",
                     password=t("yes") if smtp.password else t("no")))
    else:
        typer.echo(t("config_mail_none"))
    typer.echo(t("config_ledger", path=s.db.path, origin=t("origin_db_" + s.db.origin)))
    typer.echo(t("config_lang", lang=get_lang()))


def load_all() -> None:
    """Register the occasional commands too (cli_more.py), for the full command list and for tests."""
    import khoagiao_cli.cli.more  # noqa: F401 - registers its commands on `app`


def main() -> None:
    """Build only the command being run: Typer converts every command's parameters when it starts,
    and a daily `khoagiao due` need not pay for the others."""
    name = sys.argv[1] if len(sys.argv) > 1 else ""

    def chosen() -> tuple[list[Any], list[Any]]:
        commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]  # type: ignore[union-attr]
        return commands, [g for g in app.registered_groups if g.name == name]

    commands, groups = chosen()
    if not commands and not groups:
        load_all()
        commands, groups = chosen()
    if not commands and not groups:
        app()
        return
    only = new_app()
    only.registered_callback = app.registered_callback
    only.registered_commands = commands
    only.registered_groups = groups
    only()
