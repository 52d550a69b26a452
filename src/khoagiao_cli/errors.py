"""One exception family. Each class carries its exit code; the CLI maps them in one place."""

from __future__ import annotations

from khoagiao_cli.i18n import t

EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_BAD_INPUT = 2


class KhoagiaoError(Exception):
    """An error a person can act on: a message key and its arguments, rendered in the user's language."""

    exit_code = EXIT_RUNTIME

    def __init__(self, key: str, **kwargs: object) -> None:
        super().__init__(key)
        self.key = key
        self.kwargs = kwargs

    def message(self) -> str:
        return t(self.key, **self.kwargs)


class UserError(KhoagiaoError):
    """Bad input on the command line: exit code 2, nothing changed."""

    exit_code = EXIT_BAD_INPUT


class ConfigError(UserError):
    """Bad configuration: one line per problem, `file:line: field: problem`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("config_invalid", count=len(problems))
        self.problems = problems

    def message(self) -> str:
        return "\n".join([t("config_invalid", count=len(self.problems)), *self.problems])


class LedgerError(KhoagiaoError):
    """The ledger cannot be used (locked, read-only, corrupt, newer): exit code 1."""

    exit_code = EXIT_RUNTIME
