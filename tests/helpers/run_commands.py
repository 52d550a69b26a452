"""One client of a shared ledger: run khoagiao commands in this process, one after another (issue 12's drills).

Usage: python run_commands.py COMMANDS_JSON START_EPOCH [PAUSE_AFTER_FAILURE]

COMMANDS_JSON is a file holding a list of argument lists (`[["submit", "dv1", "monthly", ...], ...]`); the
environment selects the config and the ledger. After its imports the process waits for START_EPOCH, so that all
the clients of a drill begin at the same moment. Each command takes the path `khoagiao submit …` takes in a process
of its own (khoagiao_cli.cli.main): the app of that one command, its Click command run in standalone mode (Typer
parses the arguments, `handled` turns a KhoagiaoError into a message and its exit code, the command ends with
sys.exit), the ledger opened on a connection of its own and written in one transaction. Only the interpreter's
start and the building of the Click command are done once per client, not per command (2,000 processes would
take minutes on two cores). stdout and stderr are caught per command; an exception that escapes (a traceback, in
a process of its own) is caught with its traceback. After a failed command the client waits PAUSE_AFTER_FAILURE
seconds (default 0), as a clerk would before the next.

Prints a JSON list, one result per command: {"code": the exit code (null: an exception escaped), "out": stdout,
"err": stderr, "traceback": the escaped exception's traceback or "", "at": when it ended (time.time())}.
"""

import io
import json
import sys
import time
import traceback
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import typer.main

from khoagiao_cli.cli import COMMANDS, load
from khoagiao_cli.cli.base import new_app

commands = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
start = float(sys.argv[2])
pause = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
built: dict[str, Any] = {}


def command_for(name: str) -> Any:
    """The Click command of the app of one command, as khoagiao_cli.cli.main builds it for the command run."""
    if name not in built:
        app = load(COMMANDS[name])
        only = new_app()
        only.registered_callback = app.registered_callback
        only.registered_commands = [c for c in app.registered_commands
                                    if (c.name or getattr(c.callback, "__name__", "")) == name]
        only.registered_groups = [g for g in app.registered_groups if g.name == name]
        built[name] = typer.main.get_command(only)
    return built[name]


def run(args: list[str]) -> dict[str, Any]:
    caught = [io.BytesIO(), io.BytesIO()]
    out, err = (io.TextIOWrapper(b, encoding="utf-8") for b in caught)
    code: int | None = 0
    escaped = ""
    with redirect_stdout(out), redirect_stderr(err):
        try:
            command_for(args[0]).main(args=args, prog_name="khoagiao")
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        except BaseException as exc:  # noqa: BLE001 - what would be a traceback: reported, not hidden
            code, escaped = None, "".join(traceback.format_exception(exc))
    out.flush()
    err.flush()
    texts = [b.getvalue().decode("utf-8") for b in caught]
    return {"code": code, "out": texts[0], "err": texts[1], "traceback": escaped, "at": time.time()}


results = []
time.sleep(max(0.0, start - time.time()))
for args in commands:
    results.append(run(args))
    if results[-1]["code"] != 0 and pause:
        time.sleep(pause)
json.dump(results, sys.stdout, ensure_ascii=False)
