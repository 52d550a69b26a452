"""The command line. Commands are grouped by what they do; `main` imports and builds only the group of the
command being run, so that the daily `khoagiao due` pays for nothing else.

    watch.py   due, overdue, status, explain, history      what stands (read only)
    record.py  submit, withdraw, import, void               what arrived (writes)
    plan.py    schedule, calendar, request, incident        the calendar of obligations
    chase.py   remind, letter, summary                       đôn đốc: chasing late units, the briefing's page
    year.py    stats, export                                 the year at a glance, for other programs
    board.py   board                                         the status board: one HTML page for a browser
    setup.py   init, config, units                           setting up
    ledger.py  verify                                        the ledger itself: is it as khoagiao wrote it
    database.py  db init|status|copy, backup                 the ledger's database: made ready, moved, backed up
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

#: the module of each command (tests/test_docs.py checks that it matches what the modules register)
COMMANDS = {
    "due": "watch", "overdue": "watch", "status": "watch", "explain": "watch", "history": "watch",
    "submit": "record", "withdraw": "record", "import": "record", "void": "record",
    "schedule": "plan", "calendar": "plan", "request": "plan", "incident": "plan",
    "remind": "chase", "letter": "chase", "summary": "chase",
    "stats": "year", "export": "year",
    "board": "board",
    "init": "setup", "config": "setup", "units": "setup",
    "verify": "ledger",
    "db": "database", "backup": "database",
}
GROUPS = tuple(dict.fromkeys(COMMANDS.values()))


def load(*groups: str) -> Any:
    """Register the commands of these groups (default: all) on the app, and return it."""
    for group in groups or GROUPS:
        importlib.import_module(f"khoagiao_cli.cli.{group}")
    from khoagiao_cli.cli.base import app

    return app


def _command_name(argv: list[str]) -> str | None:
    """The command named on the command line, past the root's own options (`khoagiao --lang en due`)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def fit_streams() -> None:
    """Output redirected on Windows is written in the ANSI code page (cp1258 on a Vietnamese PC), which has no
    "ế": let standard output and error write Vietnamese as that code page spells it, and "?" for what it cannot,
    rather than end in a traceback (outputs/codepage.py). A UTF-8 stream, and the Windows console, need nothing."""
    for stream in (sys.stdout, sys.stderr):
        if not (getattr(stream, "encoding", None) or "utf").lower().startswith("utf"):
            from khoagiao_cli.outputs.codepage import fit

            fit(stream)


def main() -> None:
    """Build only the command being run: Typer converts every command's parameters when it starts."""
    from khoagiao_cli.cli.base import new_app

    fit_streams()

    # A command makes a great many small objects (a big office's year: 65,000 rows) and hardly any cycles; the
    # collector's default pass every 700 new objects took a quarter of `stats`. It still runs, less often.
    gc.set_threshold(100_000, 50, 100)

    name = _command_name(sys.argv[1:])
    if name not in COMMANDS:
        load()()  # the whole list: --help, --version, or a mistake to explain
        return
    app = load(COMMANDS[name])
    only = new_app()
    only.registered_callback = app.registered_callback
    only.registered_commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    only.registered_groups = [g for g in app.registered_groups if g.name == name]
    only()
