"""Everything a user reads, in Vietnamese (default) or English: one catalogue per language (vi.py, en.py), with
plural forms, and the language always passed explicitly, as a `Words`.

    words = Words("en")
    words("days_over", n=1)        # "1 day overdue"
    words.render(error.message)    # a Msg: a key with its arguments, said in this language

Nothing here is global: the catalogue of a language is loaded once and shared, read-only.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from khoagiao_cli.errors import Msg, Named, Stamp

LANGS = ("vi", "en")
DEFAULT = "vi"

#: a catalogue entry: a text, or its plural forms ("one", "other") chosen by the argument `n`
Entry = str | Mapping[str, str]


def plural(lang: str, n: int) -> str:
    """The CLDR plural category: English has "one" and "other"; Vietnamese has no plural forms ("other")."""
    return "one" if lang == "en" and abs(n) == 1 else "other"


@functools.cache
def catalogue(lang: str) -> Mapping[str, Entry]:
    """The catalogue of `lang`, imported on first use (only the language in use is loaded)."""
    module = importlib.import_module(f"khoagiao_cli.i18n.{lang}")
    found: Mapping[str, Entry] = module.CATALOGUE
    return found


class Words:
    """The messages of one language."""

    __slots__ = ("lang", "_entries")

    def __init__(self, lang: str = DEFAULT) -> None:
        if lang not in LANGS:
            raise ValueError(lang)
        self.lang = lang
        self._entries = catalogue(lang)

    def __call__(self, key: str, **args: object) -> str:
        entry = self._entries[key]
        if not isinstance(entry, str):
            count = args["n"]
            entry = entry[plural(self.lang, count if isinstance(count, int) else int(str(count)))]
        if not args:
            return entry
        return entry.format(**{name: self.shown(value) for name, value in args.items()})

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def render(self, message: Msg) -> str:
        return self(message.key, **message.args)

    def shown(self, value: object) -> object:
        """An argument as it is written into a message: dates as dd/mm/yyyy, moments as HH:MM dd/mm/yyyy,
        messages and names in words; a list, its items so said, with commas."""
        if isinstance(value, list):
            return ", ".join(str(self.shown(v)) for v in value)
        if isinstance(value, Msg):
            return self.render(value)
        if isinstance(value, Named):
            return self.pick(value.vi, value.en)
        if isinstance(value, Stamp):
            return stamp_text(value.iso)
        if isinstance(value, datetime):
            return moment_text(value)
        if isinstance(value, date):
            return date_text(value)
        return value

    def pick(self, vi: str, en: str | None) -> str:
        """Of a text that comes in both languages (a holiday's or a rule's name), the one in this language."""
        return en if self.lang == "en" and en else vi


def date_text(d: date) -> str:
    """dd/mm/yyyy, as Vietnamese documents write dates (in English output too)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def stamp_text(recorded_at: str) -> str:
    """When the ledger recorded an event (ISO 8601 as stored): dd/mm/yyyy HH:MM, as Vietnamese text writes it."""
    try:
        moment = datetime.fromisoformat(recorded_at)
    except ValueError:
        return recorded_at[:16].replace("T", " ")  # not ISO (written by hand, or by an older khoagiao): as it is
    return moment_text(moment)


def moment_text(moment: datetime) -> str:
    """dd/mm/yyyy HH:MM, as Vietnamese text writes a time stamp: a deadline or a receipt to the minute (urgent
    reports). (Until issue 10 it was written time first.)"""
    return f"{date_text(moment)} {moment.hour:02d}:{moment.minute:02d}"


def detect_lang(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """The language asked for on the command line (`--lang en`, `--lang=en`) or in KHOAGIAO_LANG; for the help
    texts and usage errors, which are shown before the command's own options are read."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1] if argv[i + 1] in LANGS else DEFAULT
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGS else DEFAULT
    value = env.get("KHOAGIAO_LANG", DEFAULT)
    return value if value in LANGS else DEFAULT
