"""Finding a unit, a rule or a period from what a clerk types (pure)."""

from __future__ import annotations

import re
import unicodedata

from khoagiao_cli.core.calendar import WorkCalendar
from khoagiao_cli.core.dates import FIRST_YEAR, LAST_YEAR
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.schedule import Slot, slot_for_period
from khoagiao_cli.errors import Msg, Named, UserError

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, no diacritics ("đ" counts as "d"), punctuation as single spaces."""
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def _suggest(query: str, names: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(fold(query), names, n=1, cutoff=0.5)
    return close[0] if close else ""


def find_unit(config: Config, query: str) -> Unit:
    """By code, or by any unambiguous part of the name or short name."""
    q = fold(query)
    if not q:
        raise UserError("unit_unknown", query=query, hint="")
    if query.strip().lower() in config.unit_by_code:  # a code as written, hyphens and all ("btg-nhatrang")
        return config.unit_by_code[query.strip().lower()]
    if q.replace(" ", "") in config.unit_by_code:
        return config.unit_by_code[q.replace(" ", "")]
    exact = [u for u in config.all_units if q in (fold(u.name), fold(u.short_name or ""))]
    if len(exact) == 1:
        return exact[0]
    found = exact or [
        u for u in config.all_units if q in fold(u.name) or q in fold(u.short_name or "") or q in u.code
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(
            "unit_ambiguous",
            query=query,
            candidates="\n".join(f"  {u.code:<10} {u.name}" for u in found),
        )
    names = {fold(u.name): u.code for u in config.all_units}
    names.update({u.code: u.code for u in config.all_units})
    guess = _suggest(query, list(names))
    near = config.unit_by_code[names[guess]] if guess else None
    hint = Msg("did_you_mean", {"name": f"{near.code} ({near.name})"}) if near else ""
    raise UserError("unit_unknown", query=query, hint=hint)


def find_rule(config: Config, query: str) -> Rule:
    """By id, or by any unambiguous part of its name ("bao cao thang")."""
    q = fold(query)
    ids = {fold(r.id): r for r in config.rules}
    if q in ids:
        return ids[q]
    found = [r for r in config.rules if q and (q in fold(r.name) or q in fold(r.name_en))]
    exact = [r for r in found if q in (fold(r.name), fold(r.name_en))]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if found:
        raise UserError(
            "rule_ambiguous", query=query, candidates="\n".join(f"  {r.id:<10} {r.name}" for r in found)
        )
    guess = _suggest(query, list(ids))
    hint = Msg("did_you_mean", {"name": ids[guess].id}) if guess else ""
    raise UserError("rule_unknown", query=query, hint=hint, known=", ".join(r.id for r in config.rules))


_MONTH_VN = re.compile(r"^(\d{1,2})/(\d{4})$")
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")


def normalize_period(text: str) -> str:
    """`2026-03`, `3/2026`, `2026-q1`, `2026-h1`, `2026` → the canonical label."""
    s = text.strip().upper()
    if m := _MONTH_VN.match(s):
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    if m := _MONTH_ISO.match(s):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    return s


def find_slot(rule: Rule, text: str, calendar: WorkCalendar | None = None) -> Slot:
    """The rule's slot for a period label; a period the rule does not have is bad input."""
    label = normalize_period(text)
    year = label[:4]
    if year.isascii() and year.isdigit() and not FIRST_YEAR <= int(year) <= LAST_YEAR:  # "²" is no digit to int()
        raise UserError("period_out_of_range", period=text, first=FIRST_YEAR, last=LAST_YEAR)
    slot = slot_for_period(rule, label, calendar)
    if slot is None:
        raise UserError("period_invalid", period=text, rule=Named(rule.name, rule.name_en), example=_EXAMPLE[rule.frequency])
    return slot


_EXAMPLE = {"monthly": "2026-01", "quarterly": "2026-Q1", "half-yearly": "2026-H1", "yearly": "2026"}
