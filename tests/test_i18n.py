"""One catalogue per language: the same keys, the same placeholders, plural forms where English counts, and
every key the code names exists."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import khoagiao_cli
from khoagiao_cli.i18n import Msg, Words, catalogue

SRC = Path(khoagiao_cli.__file__).resolve().parent
VI, EN = catalogue("vi"), catalogue("en")


def fields(entry: object) -> set[str]:
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(str(text)) if name}


def test_the_two_catalogues_have_the_same_keys() -> None:
    assert set(VI) == set(EN)


#: a quarter is "quý I" in a Vietnamese document and "Q1" in English: the same period, told apart
DIFFERENT_FIELDS = {"period_quarter"}


@pytest.mark.parametrize("key", sorted(set(VI) - DIFFERENT_FIELDS))
def test_each_message_says_the_same_things_in_both_languages(key: str) -> None:
    vi, en = VI[key], EN[key]
    assert isinstance(vi, str) and vi.strip(), "Vietnamese has no plural forms"
    if isinstance(en, dict):
        assert set(en) == {"one", "other"} and "n" in fields(vi)
    assert fields(vi) == fields(en) or (isinstance(en, dict) and fields(en["other"]) == fields(vi))


def test_english_counts_in_the_singular_and_the_plural() -> None:
    words = Words("en")
    assert words("days_over", n=1) == "1 day overdue" and words("days_over", n=3) == "3 days overdue"
    assert Words("vi")("days_over", n=1) == "quá 1 ngày"
    assert words("overdue_title", as_of="01/04/2026", reports=Msg("n_reports", {"n": 1}),
                 units=Msg("n_units", {"n": 2})) == "Overdue reports as of 01/04/2026: 1 report from 2 units"


def _literal_keys() -> set[str]:
    """Every string the code passes where a catalogue key goes: words("…"), Msg("…"), an error's key, help="…",
    and the name of a typed date (Env.parse_date(text, "what_received"))."""
    found = set()
    for path in SRC.rglob("*.py"):
        if path.parent.name == "i18n":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if name in ("words", "Msg", "UserError", "LedgerError", "KhoagiaoError") and args:
                found.add(args[0])
            if name in ("parse_date", "parse_moment") and isinstance(node.func, ast.Attribute) and len(args) == 1:
                found.add(args[0])  # e.parse_date(text, "what_…")
            found |= {kw.value.value for kw in node.keywords if kw.arg == "help" and isinstance(kw.value, ast.Constant)}
    return found


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    keys = _literal_keys()
    assert len(keys) > 250
    assert sorted(k for k in keys if k not in VI) == []
