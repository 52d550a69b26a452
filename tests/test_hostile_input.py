"""Hostile input: control characters, huge cells, files that are not files, paths that fail.

Nothing a clerk types, a file holds or the ledger already keeps may crash a command, reach the terminal raw, or
be recorded where it breaks every later export. Each test here failed before the fix it names.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

LEDGER = Path("data") / "khoagiao.sqlite3"
#: one of each kind of control character: C0 (ESC, NUL, BEL, CR), DEL and C1 (NEL, CSI)
CONTROLS = ["\x1b", "\x00", "\x07", "\r", "\x7f", "\x85", "\x9b"]
#: what the ledger of an older version may hold: an escape sequence, a NUL, a bell, a carriage return, DEL, C1
STORED = "a\x1b[31mb\x00c\x07d\re\x7ff\x85g\x9bh"
#: how the writers show it: each control as its picture (C1 as the replacement character)
SHOWN = "a\u241b[31mb\u2400c\u2407d\u240de\u2421f\ufffdg\ufffdh"


def dump(home: Path) -> list[tuple[Any, ...]]:
    """Every row of the ledger's append-only tables (empty when there is no ledger)."""
    db = home / LEDGER
    if not db.exists():
        return []
    with sqlite3.connect(db) as conn:
        return [row for table in ("events", "requests", "incidents")
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]  # noqa: S608 - our own table names


def no_raw_controls(text: str) -> bool:
    return not any(ord(c) < 32 and c not in "\n\t" or 0x7f <= ord(c) <= 0x9f for c in text)


# ---------------------------------------------------------------------------- 1. the command line


@pytest.mark.parametrize("char", [*CONTROLS, "\t", "\n"], ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_character_in_an_option_is_refused_and_nothing_is_recorded(cli, cfg, isolated, char) -> None:
    cli("submit", "syt", "q1", "--period", "2026-Q1", "--as-of", "2026-03-10")
    before = dump(isolated)
    r = cli("submit", "hkh", "monthly", "--period", "2026-01", "--note", f"a{char}b", "--as-of", "2026-02-10", code=2)
    assert r.stderr.startswith("Lỗi: Giá trị của --note không hợp lệ: chứa ký tự điều khiển"), r.stderr
    assert f"U+{ord(char):04X}" in r.stderr and "vị trí 2" in r.stderr
    assert no_raw_controls(r.stderr) and "Traceback" not in r.output
    assert dump(isolated) == before


def test_a_control_character_in_an_argument_is_refused_in_english(cli, cfg, isolated) -> None:
    r = cli("submit", "s\x1byt", "q1", "--lang", "en", code=2)
    assert r.stderr.startswith("Error: Invalid value for UNIT: contains the control character U+001B at position 2")
    assert dump(isolated) == []


def test_the_root_options_are_checked_too(cli) -> None:
    r = cli("--lang", "e\x1bn", "due", code=2)
    assert "--lang" in r.stderr and "U+001B" in r.stderr and no_raw_controls(r.stderr)


def test_bytes_that_are_not_utf8_are_refused_without_a_traceback(cli, cfg, isolated) -> None:
    """`--note $'\\xff'` reaches Python as a lone surrogate, which SQLite cannot encode."""
    r = cli("submit", "hkh", "monthly", "--period", "2026-01", "--note", "a\udcffb", "--as-of", "2026-02-10", code=2)
    assert "Giá trị của --note không hợp lệ: không phải văn bản UTF-8 hợp lệ (vị trí 2)" in r.stderr
    assert dump(isolated) == []


def _commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def _string_parameters() -> list[tuple[tuple[str, ...], Any, str]]:
    """(command path, command, parameter name) of every parameter of every command that takes text."""
    import typer

    from khoagiao_cli.cli import load

    root = typer.main.get_command(load())
    found = []
    for path, command in _commands(root):
        for param in command.params:
            if param.name not in ("help",) and getattr(param, "is_flag", False) is False \
                    and param.type.name == "str":
                found.append((path, command, param.name))
    return found


STRING_PARAMETERS = _string_parameters()


@pytest.mark.parametrize(("path", "command", "name"), STRING_PARAMETERS,
                         ids=[f"{' '.join(p)} {n}" for p, _, n in STRING_PARAMETERS])
def test_every_text_parameter_of_every_command_refuses_control_characters(cli, isolated, path, command, name) -> None:
    """Not a list to keep up to date: each command's own parameters, as the command line builds them."""
    args: list[str] = list(path)
    for param in command.params:
        hostile = param.name == name
        if not hostile and not param.required:
            continue
        value = "x\x1by" if hostile else "x"
        if param.param_type_name == "argument":
            args.append(value)
        else:
            args += [param.opts[0], value]
    r = cli(*args, code=2)
    hint = command.params[[p.name for p in command.params].index(name)]
    shown = " / ".join(hint.opts) if hint.param_type_name == "option" else hint.human_readable_name
    assert f"Giá trị của {shown} không hợp lệ: chứa ký tự điều khiển U+001B ở vị trí 2" in r.stderr, r.stderr
    assert dump(isolated) == []
