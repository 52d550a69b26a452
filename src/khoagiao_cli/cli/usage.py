"""Click's own command-line errors ("No such option", "Missing argument" …) in the user's language, and the one
check every value on the command line passes: no control characters."""

import re
from typing import Any

import typer

from khoagiao_cli.core.text import code_point, first_bad, is_surrogate
from khoagiao_cli.errors import Msg
from khoagiao_cli.i18n import Words


def kind_of(exc: BaseException) -> set[str]:
    """The names of the classes an exception is an instance of (NoSuchOption, MissingParameter, UsageError,
    ClickException …): click's error classes are told apart by name, without importing them from typer's
    private copy of click (`typer._click` exists only from typer 0.26; before, click itself)."""
    return {c.__name__ for c in type(exc).__mro__}


def usage_message(words: Words, exc: Any) -> str:
    """The message of a click UsageError, translated where we know its shape; click's words otherwise."""
    kind = kind_of(exc)
    if "NoSuchOption" in kind:
        hint = words("did_you_mean", name=", ".join(exc.possibilities)) if exc.possibilities else ""
        return words("usage_no_option", name=exc.option_name) + hint
    if "MissingParameter" in kind:
        param = exc.param
        name = exc.param_hint or (param.get_error_hint(exc.ctx) if param is not None and exc.ctx else "")
        missing = exc.param_type or (param.param_type_name if param is not None else "parameter")
        return words("usage_missing_option" if missing == "option" else "usage_missing_argument", name=_hint(name))
    if "BadParameter" in kind:
        param = exc.param
        name = exc.param_hint or (param.get_error_hint(exc.ctx) if param is not None and exc.ctx else "")
        said = getattr(exc, "said", None)  # Refused, below
        detail = words.render(said) if isinstance(said, Msg) else _detail(words, exc.message)
        return words("usage_bad_value", name=_hint(name), detail=detail)
    text = exc.message
    if m := re.match(r"Option '(.+)' requires (an argument|\d+ arguments)\.", text):
        return words("usage_needs_value", name=m.group(1))
    if m := re.match(r"Option '(.+)' does not take a value\.", text):
        return words("usage_no_value", name=m.group(1))
    if m := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", text):
        return words("usage_extra", args=m.group(1))
    if m := re.match(r"No such command '(.+)'\.", text):
        return words("usage_no_command", name=m.group(1))
    return str(text)


def _hint(name: Any) -> str:
    if isinstance(name, list | tuple):
        name = " / ".join(name)
    return str(name).replace("'", "")


def _detail(words: Words, message: str) -> str:
    if message == "empty":  # cli.base.given
        return words("usage_empty")
    if m := re.match(r"'?(.*?)'? is not a valid (integer|int|float)(?: range)?\.", message):  # click's wordings
        return words("usage_not_number" if m.group(2) == "float" else "usage_not_integer", value=m.group(1))
    if m := re.match(r"(.*) is not in the range (.*)\.", message):
        return words("usage_out_of_range", value=m.group(1), range=m.group(2))
    return message


class Refused(typer.BadParameter):
    """A value on the command line that cannot be kept; `usage_message` says `said` in the user's language."""

    def __init__(self, said: Msg, ctx: Any, param: Any) -> None:
        super().__init__(said.key, ctx=ctx, param=param)
        self.said = said


def blank(value: str) -> bool:
    """Nothing but spaces: "empty" (a tab or a line break alone is said to be a control character instead)."""
    return not value.strip() and first_bad(value) is None


class Checked:
    """A mixin before a command or group class: every value it parses passes `refuse_control_characters`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        refuse_control_characters(ctx, ctx.command.params)
        return rest


def refuse_control_characters(ctx: Any, params: Any) -> None:
    """No control character (C0 with tab and newline, DEL, C1) and no byte that is not UTF-8 in any text given to
    any option or argument of any command: once recorded, such a character would stay in the append-only ledger."""
    for param in params:
        value = ctx.params.get(param.name)
        for text in value if isinstance(value, list | tuple) else (value,):
            if isinstance(text, str) and (found := first_bad(text)) is not None:
                pos, char = found
                said = Msg("usage_not_utf8", {"pos": pos}) if is_surrogate(char) else \
                    Msg("usage_control", {"char": code_point(char), "pos": pos})
                raise Refused(said, ctx, param)
