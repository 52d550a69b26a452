"""One exception family. Each class carries its exit code and a message not yet in words (a catalogue key with
its arguments); the CLI says it in the user's language, in one place."""

from collections.abc import Mapping
from typing import NamedTuple


class Msg(NamedTuple):
    """A message not yet in words: a catalogue key and its arguments (which may be Msgs themselves). The
    core and the use cases speak in these; only a face says them, in the user's language (i18n.Words)."""

    key: str
    args: Mapping[str, object] = {}


class Named(NamedTuple):
    """A name that comes in both languages (a rule's `name` and `name_en`), said in the user's: a message names a
    report by its name ("Báo cáo tháng"), never by its id ("monthly")."""

    vi: str
    en: str | None = None


class Stamp(NamedTuple):
    """When the ledger recorded something (ISO 8601 as stored), said as Vietnamese text writes it: dd/mm/yyyy HH:MM."""

    iso: str


EXIT_OK = 0
EXIT_RUNTIME = 1
EXIT_BAD_INPUT = 2


class KhoagiaoError(Exception):
    """An error a person can act on."""

    exit_code = EXIT_RUNTIME

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = args

    @property
    def message(self) -> Msg:
        return Msg(self.key, self.params)


class UserError(KhoagiaoError):
    """Bad input on the command line or in a file: exit code 2, nothing changed."""

    exit_code = EXIT_BAD_INPUT


class Problem(NamedTuple):
    """One mistake in a config file: where (`file:line`), the key path (`rules[2].before`, or "" for the file
    itself) and what is wrong."""

    where: str
    field: str
    message: Msg


class ConfigError(UserError):
    """Bad configuration: every problem at once, each `file:line: field: problem`."""

    def __init__(self, problems: "list[Problem]") -> None:
        super().__init__("config_invalid", n=len(problems))
        self.problems = problems


class LedgerError(KhoagiaoError):
    """The ledger cannot be used (locked, read-only, corrupt, newer, another program's): exit code 1."""

    exit_code = EXIT_RUNTIME


class SendError(Exception):
    """One message could not be sent; the text says why, in the user's language (the mailer words it)."""
