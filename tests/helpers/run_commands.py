"""One client of a shared ledger: run khoagiao commands in this process, one after another (issue 12's drills).

Usage: python run_commands.py COMMANDS_JSON START_EPOCH [PAUSE_AFTER_FAILURE]

COMMANDS_JSON is a file holding a list of argument lists (`[["submit", "dv1", "monthly", ...], ...]`); the
environment selects the config and the ledger. After its imports the process waits for START_EPOCH, so that all
the clients of a drill begin at the same moment. Each command takes the real command path: Typer parses it,
`handled` turns a KhoagiaoError into a message and its exit code, the ledger is opened on a connection of its own
and written in one transaction, as `khoagiao submit …` does in a process of its own; only the interpreter's start
is saved (2,000 processes would take minutes on two cores). Typer's CliRunner runs it and keeps what a process
would have printed, including the traceback of an exception no handler caught. After a failed command the client
waits PAUSE_AFTER_FAILURE seconds (default 0), as a clerk would before trying the next.

Prints a JSON list, one result per command: {"code": the exit code (null: an exception escaped), "out": stdout,
"err": stderr, "traceback": the escaped exception's traceback or ""}.
"""

import json
import sys
import time
import traceback
from pathlib import Path

from typer import Typer
from typer.testing import CliRunner

from khoagiao_cli.cli import COMMANDS, load
from khoagiao_cli.cli.base import new_app

commands = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
start = float(sys.argv[2])
pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
apps: dict[str, Typer] = {}


def app_for(name: str) -> Typer:
    """The app of one command, as `khoagiao_cli.cli.main` builds it for the command being run."""
    if name not in apps:
        app = load(COMMANDS[name])
        only = new_app()
        only.registered_callback = app.registered_callback
        only.registered_commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
        only.registered_groups = [g for g in app.registered_groups if g.name == name]
        apps[name] = only
    return apps[name]


runner = CliRunner()
results = []
time.sleep(max(0.0, start - time.time()))
for args in commands:
    result = runner.invoke(app_for(args[0]), args)
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    results.append({
        "code": None if escaped else result.exit_code,
        "out": result.stdout,
        "err": result.stderr,
        "traceback": "".join(traceback.format_exception(result.exception)) if escaped and result.exception else "",
    })
    if result.exit_code != 0 and pause:
        time.sleep(pause)
json.dump(results, sys.stdout, ensure_ascii=False)
