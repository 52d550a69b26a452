"""Gates that stop drift: every command has help in both languages and appears in the README."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from khoagiao_cli.cli.base import app, load_all
from khoagiao_cli.i18n import MESSAGES

REPO = Path(__file__).resolve().parents[1]
load_all()


def commands() -> list[str]:
    """Every command as typed: `due`, ..., and the sub-commands of groups (`request add`)."""
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for group in app.registered_groups:
        names += [f"{group.name} {c.name}" for c in group.typer_instance.registered_commands]
    return names


def test_every_command_appears_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in commands() if f"khoagiao {c}" not in readme]
    assert not missing


def test_every_message_has_both_languages() -> None:
    from khoagiao_cli.i18n.more import MORE

    assert all(vi.strip() and en.strip() for vi, en in [*MESSAGES.values(), *MORE.values()])


def test_messages_are_defined_once() -> None:
    """The daily messages and the occasional commands' ones never share a key (and each dict literal is
    checked for repeated keys by parsing it)."""
    import ast

    from khoagiao_cli import i18n
    from khoagiao_cli.i18n import more as messages_more

    keys: list[str] = []
    for module in (i18n, messages_more):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict) and len(node.keys) > 20:
                keys += [k.value for k in node.keys if isinstance(k, ast.Constant)]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def test_every_command_and_option_has_help() -> None:
    import typer.main

    def walk(group, prefix: str = ""):  # noqa: ANN001, ANN202
        for name, command in group.commands.items():
            yield prefix + name, command
            if hasattr(command, "commands"):
                yield from walk(command, prefix + name + " ")

    seen = 0
    for name, command in walk(typer.main.get_command(app)):
        seen += 1
        assert command.help, name
        for param in command.params:
            assert getattr(param, "help", None) or param.param_type_name == "argument", (name, param.name)
    assert seen == len(commands()) + len(app.registered_groups)


def test_help_in_english_and_vietnamese() -> None:
    env = {k: v for k, v in os.environ.items() if k != "KHOAGIAO_LANG"}
    vi = subprocess.run([sys.executable, "-m", "khoagiao_cli", "due", "--help"], env=env, capture_output=True, text=True)
    en = subprocess.run([sys.executable, "-m", "khoagiao_cli", "due", "--help", "--lang", "en"], env=env, capture_output=True, text=True)
    assert vi.returncode == en.returncode == 0
    assert "Báo cáo quá hạn và sắp đến hạn" in vi.stdout
    assert "In hướng dẫn này rồi thoát." in vi.stdout and "Show this message" not in vi.stdout
    assert "Reports overdue and due soon" in en.stdout


def test_ci_runs_the_readme_test_command() -> None:
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert run in (REPO / "README.md").read_text(encoding="utf-8")
