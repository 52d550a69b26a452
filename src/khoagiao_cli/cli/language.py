"""Click's and Typer's own words in the user's language: the help (its headings, the usage line, the metavars, the
ranges and defaults) and the usage errors. Typer keeps its headings in module constants and click writes "Usage:"
and "Options:" itself; both are said here from the catalogue (keys help_*, mv_*), English kept with --lang en."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

import typer

from khoagiao_cli.i18n import DEFAULT, Words, detect_lang

#: typer.rich_utils' constants said in the user's language, by their catalogue key
RICH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help_arguments", "OPTIONS_PANEL_TITLE": "help_options",
    "COMMANDS_PANEL_TITLE": "help_commands", "DEFAULT_STRING": "help_default", "ENVVAR_STRING": "help_envvar",
    "REQUIRED_LONG_STRING": "help_required", "DEPRECATED_STRING": "help_deprecated",
}
#: the headings click writes in its plain help ("Options:"), by their catalogue key
PLAIN_HEADINGS = {"Usage": "help_usage", "Options": "help_options", "Commands": "help_commands",
                  "Arguments": "help_arguments"}


def say(text: str) -> None:
    """An error or a warning on stderr; a control character it repeats from the input is shown, never obeyed."""
    from khoagiao_cli.outputs.text import visible

    typer.echo(visible(text), err=True)


def metavar(words: Words, name: str) -> str:
    """A metavar in this language: UNIT → ĐƠN_VỊ, [UNIT] → [ĐƠN_VỊ]; lists of values (table|json) stay."""
    bare = name.strip("[]")
    key = "mv_" + bare
    return name.replace(bare, words(key)) if key in words else name


def translate(command: Any, words: Words) -> None:
    """Help texts are catalogue keys until shown, metavars English words: say them (and those of sub-commands)
    in `words`, so that the help and click's errors ("Thiếu ĐƠN_VỊ") speak the user's language."""
    if isinstance(command.help, str) and command.help in words:
        command.help = words(command.help)
    if getattr(command, "options_metavar", None) == "[OPTIONS]":
        command.options_metavar = words("help_options_metavar")
    if getattr(command, "subcommand_metavar", None) == "COMMAND [ARGS]...":
        command.subcommand_metavar = words("help_command_metavar")
    for param in command.params:
        text = getattr(param, "help", None)
        if isinstance(text, str) and text in words:
            param.help = words(text)
        if isinstance(param.metavar, str):
            param.metavar = metavar(words, param.metavar)
        low, high = getattr(param.type, "min", None), getattr(param.type, "max", None)
        if low is not None and high is not None:  # "0<=x<=3660" is click's notation, not a sentence
            param.type._describe_range = lambda low=low, high=high: words("help_range", low=low, high=high)
        elif low is not None:  # "x>=1"
            param.type._describe_range = lambda low=low: words("help_range_min", low=low)
    for sub in getattr(command, "commands", {}).values():
        translate(sub, words)


@contextlib.contextmanager
def rich_words(words: Words) -> Iterator[None]:
    """Typer's rich help, its headings ("Options", "[default: …]") said in `words` while it is drawn."""
    from typer import rich_utils

    saved = {name: getattr(rich_utils, name) for name in RICH_WORDS if hasattr(rich_utils, name)}
    try:
        for name in saved:
            setattr(rich_utils, name, words(RICH_WORDS[name]))
        yield
    finally:
        for name, value in saved.items():
            setattr(rich_utils, name, value)


def plain_words(words: Words, chunks: list[str]) -> None:
    """Click's plain help ("Options:", "[default: 7; required]"), said in `words`, in place."""
    for i, chunk in enumerate(chunks):
        if m := re.fullmatch(r"(\s*)(Usage|Options|Commands|Arguments):(\s*)", chunk):
            chunk = f"{m.group(1)}{words(PLAIN_HEADINGS[m.group(2)])}:{m.group(3)}"
        chunk = chunk.replace("[default: ", words("help_default").split("{")[0])
        chunks[i] = re.sub(r"\brequired\]", words("help_required").strip("[]") + "]", chunk)


class InOurLanguage:
    """Click's help and its usage errors, in the language asked for on this command line (or KHOAGIAO_LANG).

    A mixin before TyperCommand or TyperGroup: its `super()` calls reach them (mypy cannot see it: misc).
    """

    help_lang = DEFAULT

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = Words(self.help_lang)("h_help")
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=Words(self.help_lang)("help_usage") + ": ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        words = Words(self.help_lang)
        translate(self, words)
        with rich_words(words):
            super().format_help(ctx, formatter)  # type: ignore[misc]
        plain_words(words, formatter.buffer)

    def main(self, args: Any = None, *more: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        self._set_help_lang(detect_lang(argv, os.environ))
        words = Words(self.help_lang)
        translate(self, words)
        if not standalone_mode:
            return super().main(argv, *more, standalone_mode=False, **kwargs)  # type: ignore[misc]
        try:
            code = super().main(argv, *more, standalone_mode=False, **kwargs)  # type: ignore[misc]
        except typer.Abort:
            typer.echo(words("aborted"), err=True)
            sys.exit(1)
        except Exception as exc:
            # click's own errors, told apart by their class names (cli/usage.py)
            from khoagiao_cli.cli.usage import kind_of, usage_message

            kind = kind_of(exc)
            if "ClickException" not in kind:
                raise
            ctx: Any = getattr(exc, "ctx", None)
            if "NoArgsIsHelpError" in kind:
                typer.echo(ctx.get_help() if ctx else "")
                sys.exit(2)
            if "UsageError" in kind:
                say(f"{words('error_prefix')}: {usage_message(words, exc)}")
                if ctx is not None:
                    typer.echo(words("usage_hint", command=ctx.command_path), err=True)
                sys.exit(getattr(exc, "exit_code", 2))
            say(f"{words('error_prefix')}: {getattr(exc, 'format_message', exc.__str__)()}")
            sys.exit(getattr(exc, "exit_code", 1))
        sys.exit(code if isinstance(code, int) else 0)

    def _set_help_lang(self, lang: str) -> None:
        self.help_lang = lang
        for sub in getattr(self, "commands", {}).values():
            if isinstance(sub, InOurLanguage):
                sub._set_help_lang(lang)
