"""Gates that stop drift: every command has help in both languages, appears in the README and in the command
registry; the README's configuration reference is the schema's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer.main

from khoagiao_cli.cli import COMMANDS, load
from khoagiao_cli.i18n import Words

REPO = Path(__file__).resolve().parents[1]
app = load()


def commands() -> list[str]:
    """Every command as typed: `due`, ..., and the sub-commands of groups (`request add`)."""
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    for group in app.registered_groups:
        names += [f"{group.name} {c.name}" for c in group.typer_instance.registered_commands]
    return names


def test_the_registry_names_every_command_and_its_module() -> None:
    registered = {c.name or c.callback.__name__: c.callback.__module__ for c in app.registered_commands}
    registered |= {g.name: g.typer_instance.registered_commands[0].callback.__module__ for g in app.registered_groups}
    assert {name: module.rsplit(".", 1)[1] for name, module in registered.items()} == COMMANDS


def test_every_command_appears_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in commands() if f"khoagiao {c}" not in readme]
    assert not missing


def test_every_command_and_option_has_help_in_both_languages() -> None:
    vi, en = Words("vi"), Words("en")

    def walk(group, prefix: str = ""):  # noqa: ANN001, ANN202
        for name, command in group.commands.items():
            yield prefix + name, command
            if hasattr(command, "commands"):
                yield from walk(command, prefix + name + " ")

    seen = 0
    for name, command in walk(typer.main.get_command(app)):
        seen += 1
        assert command.help in vi and command.help in en, name
        for param in command.params:
            if param.param_type_name != "argument" or getattr(param, "help", None):
                assert param.help in vi and param.help in en, (name, param.name)
    assert seen == len(commands()) + len(app.registered_groups)


def _help(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "KHOAGIAO_LANG"}
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", *args], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_help_in_english_and_vietnamese() -> None:
    vi = _help("due", "--help")
    assert "Báo cáo quá hạn và sắp đến hạn" in vi
    assert "In hướng dẫn này rồi thoát." in vi and "Show this message" not in vi
    assert "Coi NGÀY là hôm nay" in vi and "o_as_of" not in vi
    en = _help("due", "--help", "--lang", "en")
    assert "Reports overdue and due soon" in en and "Treat DATE as today" in en
    top = _help("--lang", "en", "--help")
    assert "Reports overdue and due soon" in top and "Record a received report" in top
    assert "Bản ghi" not in top and "h_due" not in top


def test_ci_runs_the_readme_test_command() -> None:
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert run in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_configuration_reference_is_the_schemas() -> None:
    from khoagiao_cli.outputs.reference import reference

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("<!-- config-reference:start -->\n", 1)[1].split("<!-- config-reference:end -->", 1)[0]
    assert shown == reference("en"), "run: khoagiao config --reference --lang en, and paste it into the README"
