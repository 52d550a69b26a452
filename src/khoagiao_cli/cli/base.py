"""What every command shares: the Typer app, help said in the user's language, the options, the one error
handler, and `Env` — what a command needs, built once from its options (words, configuration, one clock, the
ledger). Commands live in the modules beside this one, grouped by what they do; they parse options, call a
use case (app/), render its outcome (outputs/) and exit. Nothing here reads the language or the clock at import.
"""

# Annotations stay strings until Typer builds a command, so only the command being run pays for its options.
from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, cast

import typer
from typer.core import TyperCommand, TyperGroup

from khoagiao_cli import __version__
from khoagiao_cli.cli.language import InOurLanguage
from khoagiao_cli.cli.language import say as say
from khoagiao_cli.cli.usage import Checked, blank
from khoagiao_cli.errors import ConfigError, KhoagiaoError, Msg, Problem, UserError
from khoagiao_cli.i18n import DEFAULT, LANGS, Words
from khoagiao_cli.outputs.text import console as visible_console
from khoagiao_cli.outputs.text import visible

if TYPE_CHECKING:
    from khoagiao_cli.config.paths import Source
    from khoagiao_cli.core.clock import Clock
    from khoagiao_cli.core.model import Config, Settings, Unit
    from khoagiao_cli.store.base import Ledger, Reader

class Command(Checked, InOurLanguage, TyperCommand):
    pass


class Group(Checked, InOurLanguage, TyperGroup):
    pass


def new_app(name: str = "khoagiao", help_key: str = "h_app") -> typer.Typer:
    return typer.Typer(
        cls=Group, name=name, help=help_key, no_args_is_help=True, add_completion=False,
        pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
    )


#: every command registers here; cli/__init__.py builds only the one being run
app = new_app()


def given(value: Any) -> Any:
    """A value typed on the command line is never empty: `--period ""` is a mistake, not "not given"."""
    if isinstance(value, str) and blank(value):
        raise typer.BadParameter("empty")
    return value


# ---------------------------------------------------------------------------- options shared by commands

AsOf = Annotated[str | None, typer.Option("--as-of", help="o_as_of", metavar="DATE", callback=given)]
Lang = Annotated[str | None, typer.Option("--lang", help="o_lang", metavar="vi|en", callback=given)]
ConfigDir = Annotated[str | None, typer.Option("--config", help="o_config", metavar="DIR", callback=given)]
Db = Annotated[str | None, typer.Option("--db", help="o_db", metavar="PATH|URL", callback=given)]
Year = Annotated[int | None, typer.Option("--year", help="o_year", metavar="YEAR")]
UnitOpt = Annotated[str | None, typer.Option("--unit", help="o_unit", metavar="UNIT", callback=given)]
UnitArg = Annotated[str, typer.Argument(help="o_unit_arg", metavar="UNIT", callback=given)]
ReportArg = Annotated[str, typer.Argument(help="o_report_arg", metavar="REPORT", callback=given)]
Note = Annotated[str | None, typer.Option("--note", help="o_note", metavar="TEXT", callback=given)]
TableOrJson = Annotated[str | None, typer.Option("--format", help="o_format_table_json", metavar="table|json", callback=given)]
#: a table on a terminal, plain text when piped (see `screen_format`), or JSON
TablePlainOrJson = Annotated[str | None, typer.Option("--format", help="o_format_due", metavar="table|plain|json", callback=given)]


def check_lang(lang: str | None) -> None:
    if lang is not None and lang not in LANGS:
        raise UserError("bad_lang", value=lang)


def group_callback(ctx: typer.Context, lang: Lang = None) -> None:  # noqa: D401 - a Typer callback
    """`khoagiao --lang en due`, `khoagiao request --lang en add …`: the language for every command below."""
    check_lang(lang)
    ctx.ensure_object(dict)
    if lang:
        ctx.obj["lang"] = lang


# ---------------------------------------------------------------------------- the one error handler

F = TypeVar("F", bound=Callable[..., Any])


def lang_of(kwargs: Mapping[str, Any]) -> str:
    """The language a command's errors are said in: its --lang, a group's, KHOAGIAO_LANG, else Vietnamese."""
    ctx = kwargs.get("ctx")
    chosen = kwargs.get("lang") or ((ctx.obj or {}).get("lang") if ctx is not None else None)
    chosen = chosen or os.environ.get("KHOAGIAO_LANG") or DEFAULT
    return chosen if chosen in LANGS else DEFAULT


def problem_text(words: Words, problem: Problem) -> str:
    """`config/schedule.yaml:14: rules[2].before: phải là ngày trong tháng (1–31), không phải 40`."""
    return f"{problem.where}: {problem.field + ': ' if problem.field else ''}{words.render(problem.message)}"


def message(words: Words, exc: KhoagiaoError) -> str:
    """An error said in words; a config error lists every problem, one a line."""
    text = words.render(exc.message)
    if isinstance(exc, ConfigError):
        text = "\n".join([text, *(problem_text(words, p) for p in exc.problems)])
    return text


def handled(fn: F) -> F:
    """Every error a user or a file can cause becomes a message and its exit code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KhoagiaoError as exc:
            words = Words(lang_of(kwargs))
            say(f"{words('error_prefix')}: {message(words, exc)}")
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            # `khoagiao due | head`: the reader has what it wanted; stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as exc:
            words = Words(lang_of(kwargs))
            error = exc.strerror or str(exc)
            say(f"{words('error_prefix')}: {words('io_error', path=exc.filename or '-', error=error)}")
            raise typer.Exit(1) from None

    return cast(F, wrapper)


# ---------------------------------------------------------------------------- what a command needs

#: zones with one offset for every date khoagiao deals with (no daylight saving since 1975)
_FIXED_ZONES = {"Asia/Ho_Chi_Minh": 7, "Asia/Saigon": 7}


class Env:
    """A command's words, configuration, clock and ledger, from its options; built once per command."""

    def __init__(self, ctx: typer.Context | None = None, *, lang: str | None = None, config: str | None = None,
                 db: str | None = None, as_of: str | None = None) -> None:
        from khoagiao_cli.config.cache import cached_holidays
        from khoagiao_cli.config.load import load
        from khoagiao_cli.config.paths import config_sources, db_source, user_cache_dir

        check_lang(lang)
        self.environ = os.environ
        if self.environ.get("KHOAGIAO_LANG") and self.environ["KHOAGIAO_LANG"] not in LANGS:
            raise UserError("bad_lang_env", value=self.environ["KHOAGIAO_LANG"])
        self.words = Words(lang_of({"lang": lang, "ctx": ctx}))
        self.cwd = Path.cwd()
        self.sources = config_sources(Path(config) if config is not None else None, self.environ)
        self.cache_dir = user_cache_dir(self.environ)
        self.config: Config = load(self.sources, self.cache_dir, self.cwd).with_holidays(
            cached_holidays(self.cache_dir))
        settings = self.config.settings
        self.db = db_source(db, self.environ, settings.db, self.sources["schedule.yaml"].path.parent, settings.files)
        self.clock: Clock = self._clock(as_of)
        self._ledger: Ledger | None = None
        self._reader: Reader | None = None

    def _clock(self, as_of: str | None) -> Clock:
        """The one reading of the real clock; --as-of moves "today" (a date without a year: the real year)."""
        from khoagiao_cli.core.clock import Clock
        from khoagiao_cli.core.dates import parse_moment

        real = real_clock(self.zone(fixed_ok=True))
        if not as_of:
            return Clock.of(real)
        day, at = parse_moment(as_of, real.date(), what=Msg("what_as_of"))
        return Clock.of(real, day, at)

    def zone(self, fixed_ok: bool = False) -> tzinfo:
        """The office's time zone. Vietnam has kept UTC+7 without daylight saving since 1975, so the daily
        commands use a fixed offset for it and skip importing zoneinfo (3 ms); calendar files get the real zone."""
        name = self.config.settings.timezone
        if fixed_ok and name in _FIXED_ZONES:
            from datetime import timedelta, timezone

            return timezone(timedelta(hours=_FIXED_ZONES[name]), name)
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)

    @property
    def today(self) -> date:
        return self.clock.today

    def parse_date(self, text: str, what: str) -> date:
        """A date the user typed; one without a year takes the as-of day's year. `what`: its message key."""
        from khoagiao_cli.core.dates import parse_date

        return parse_date(text, self.clock.today, what=Msg(what))

    def parse_moment(self, text: str, what: str) -> tuple[date, time | None]:
        from khoagiao_cli.core.dates import parse_moment

        return parse_moment(text, self.clock.today, what=Msg(what))

    def unit(self, query: str | None) -> Unit | None:
        if query is None:
            return None
        from khoagiao_cli.core.lookup import find_unit

        return find_unit(self.config, query)

    def year(self, year: int | None) -> int:
        if year is None:
            return self.clock.today.year
        if not 1900 <= year <= 2999:
            raise UserError("bad_year", value=year)
        return year

    def _opening(self) -> dict[str, Any]:
        from khoagiao_cli.config.paths import db_timeout, display
        return {"timeout": db_timeout(self.environ), "units": {*self.config.unit_by_code, self.config.office.code},
                "units_file": display(self.sources["units.yaml"].path, self.cwd)}  # a unit removed is refused

    @property
    def ledger(self) -> Ledger:
        """The ledger, for a command that records: created on first use, on the real clock's day."""
        if self._ledger is None:
            from khoagiao_cli.store import open_ledger

            self._ledger = open_ledger(self.db.path, url=self.db.url, created_on=self.clock.real_today, **self._opening())
        return self._ledger

    @property
    def reader(self) -> Reader:
        """The ledger, for a command that only reads: opened read-only, never created (empty when missing)."""
        if self._ledger is not None:
            return self._ledger
        if self._reader is None:
            from khoagiao_cli.store import open_reader

            self._reader = open_reader(self.db.path, url=self.db.url, today=self.clock.real_today, **self._opening())
            if not self._reader.exists and self.db.origin != "user":
                # a ledger the user named that is not there: perhaps a typo; say so rather than answer in silence
                say(self.words("db_missing", path=self._reader.where))
        return self._reader


def ledger_source(db: str | None, config: str | None) -> Source:
    """The ledger of a command that needs no configuration (verify, db, backup): --db, KHOAGIAO_DB, else the `db:`
    of schedule.yaml. A SQLite file named by --db or KHOAGIAO_DB is opened without reading the configuration (a
    broken one must not keep anyone from a ledger they name), and so is a database on a server when KHOAGIAO_FILES
    says where its received files are. Otherwise the configuration decides, `files:` of a ledger on a server
    included, and one that cannot be read is said as every command says it (file:line, exit 2): never passed over
    for the user data folder's file, a ledger nobody named."""
    from khoagiao_cli.config.paths import db_source

    given = db if db is not None else os.environ.get("KHOAGIAO_DB") or None
    if given is not None and not needs_configuration(given):
        return db_source(db, os.environ)
    settings, folder = office_settings(config)
    return db_source(db, os.environ, settings.db, folder, settings.files)


def needs_configuration(named: str) -> bool:
    """Whether the ledger named `named` (by --db, KHOAGIAO_DB or an argument) needs the configuration to be used:
    a database on a server does, for the folder of its received files (`files:`), unless KHOAGIAO_FILES names it."""
    return "://" in named and not os.environ.get("KHOAGIAO_FILES")


def office_settings(config: str | None) -> tuple[Settings, Path]:
    """schedule.yaml's settings and folder, for a command that needs no configuration but is told by it where the
    ledger or its files are. A configuration that cannot be read raises its ConfigError (file:line), as for the
    daily commands: the defaults in its place would name another ledger, or another folder of files."""
    from khoagiao_cli.config.load import load
    from khoagiao_cli.config.paths import config_sources, user_cache_dir

    sources = config_sources(Path(config) if config is not None else None, os.environ)
    return load(sources, user_cache_dir(os.environ), Path.cwd()).settings, sources["schedule.yaml"].path.parent


def real_clock(zone: tzinfo | None = None) -> datetime:
    """The one place the real clock is read: once per command, in `Env` (in the office's zone), or by a command
    that needs no configuration (in the PC's own zone), to date a new ledger or name a backup."""
    moment = datetime.now(zone)
    return moment if zone is not None else moment.astimezone()


def who() -> str:
    """The login name recorded with each event."""
    import getpass

    try:
        return visible(getpass.getuser(), lines=False)  # LOGNAME or USER first: whatever the environment says
    except Exception:  # noqa: BLE001 - no login name in some containers and services
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


# ---------------------------------------------------------------------------- output


def check_format(value: str | None, allowed: tuple[str, ...], default: str) -> str:
    chosen = value or default
    if chosen not in allowed:
        raise UserError("bad_format", value=chosen, known=", ".join(allowed))
    return chosen


def interactive() -> bool:
    return sys.stdout.isatty()


def screen_format(value: str | None) -> str:
    """--format of the commands people and cron both read: a table on a terminal, plain text when piped."""
    return check_format(value, ("table", "plain", "json"), "table" if interactive() else "plain")


def console() -> Any:
    return visible_console()


def write_or_print(data: bytes | str | Iterable[str], output: Path | None) -> None:
    """What a program reads (JSON, CSV, TOML, iCalendar) to the file the user named (a temporary file, then
    renamed), or to standard output (none, or `-o -`): UTF-8 there too, even where the console's code page is not
    (output redirected on Windows: cp1258). Text may come in pieces, written as they come."""
    if output is None or str(output) == "-":
        if isinstance(data, bytes) or not (getattr(sys.stdout, "encoding", None) or "utf").lower().startswith("utf"):
            sys.stdout.flush()
            for piece in (data,) if isinstance(data, bytes | str) else data:
                sys.stdout.buffer.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            for piece in (data,) if isinstance(data, str) else data:
                typer.echo(piece, nl=False)
        return
    write_output(output, data if isinstance(data, bytes) else
                 data.encode("utf-8") if isinstance(data, str) else (piece.encode("utf-8") for piece in data))


def write_output(path: Path, data: bytes | Iterable[bytes]) -> None:
    """A file the user asked for: into a folder that exists (a typo never creates folders), readable as the
    user's umask says, written to a temporary file and renamed."""
    from khoagiao_cli.config.paths import check_output, write_atomic

    if str(path) == "-":  # standard output is for text: a workbook or a letter there would be bytes on a screen
        raise UserError("output_dash")
    check_output(path)
    write_atomic(path, data, make_dirs=False)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"khoagiao {__version__}")
        raise typer.Exit()


@app.callback()
@handled
def root(
    ctx: typer.Context,
    lang: Lang = None,
    version: Annotated[bool, typer.Option("--version", help="h_version", callback=version_callback,
                                          is_eager=True)] = False,
) -> None:
    group_callback(ctx, lang)
