"""Finding a unit, a rule, a period or a channel from what a clerk types (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from khoagiao_cli.core.calendar import WorkCalendar
from khoagiao_cli.core.dates import FIRST_YEAR, LAST_YEAR
from khoagiao_cli.core.model import Config, Rule, Unit
from khoagiao_cli.core.periods import ROMAN, normalize_period, parse_period
from khoagiao_cli.core.schedule import Slot, rule_slots, slot_for_period
from khoagiao_cli.errors import Msg, Named, UserError

__all__ = ["channel_id", "find_rule", "find_slot", "find_unit", "fold", "normalize_period"]

_NON_WORD = re.compile(r"[^a-z0-9]+")
#: words a name or a query may carry or leave out ("Sở GD&ĐT" = "Sở Giáo dục và Đào tạo", "Liên hiệp hội")
_SKIPPED = {"va", "cac"}


def fold(text: str) -> str:
    """Lower case, no diacritics ("đ" counts as "d"), punctuation as single spaces."""
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def _words(text: str) -> list[str]:
    return [w for w in fold(text).split() if w not in _SKIPPED]


def _covers(query: Sequence[str], name: Sequence[str]) -> tuple[bool, bool] | None:
    """Whether the query's words stand for the name's syllables in order, each a whole syllable or the initials of
    two or more consecutive ones ("bhxh" = bảo hiểm xã hội, "gd" = giáo dục), gaps allowed between them ("Liên
    hiệp hội", "ĐH Khánh Hòa"): (True, every syllable of the name covered), or None when it does not match."""
    if not query or len(query) > len(name):
        return None
    states = {(0, False)}  # (syllables consumed, a syllable was skipped)
    for word in query:
        after = set()
        for n, gaps in states:
            for start in range(n, len(name)):
                skipped = gaps or start > n
                if name[start] == word:
                    after.add((start + 1, skipped))
                for end in range(start + 2, min(len(name), start + len(word)) + 1):
                    if "".join(s[0] for s in name[start:end]) == word:
                        after.add((end, skipped))
        if not after:
            return None
        states = after
    return True, any(n == len(name) and not gaps for n, gaps in states)


def _suggest(query: str, names: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(fold(query), names, n=1, cutoff=0.5)
    return close[0] if close else ""


def find_unit(config: Config, query: str) -> Unit:
    """By code; by its name or short name; by the words people say, in order, each a whole word or the initials of
    syllables ("BHXH tỉnh", "Sở GD&ĐT", "SGDĐT", "Liên hiệp hội", "ĐH Khánh Hòa"); or by any unambiguous part."""
    q = fold(query)
    if not q:
        raise UserError("unit_unknown", query=query, hint="")
    if query.strip().lower() in config.unit_by_code:  # a code as written, hyphens and all ("btg-nhatrang")
        return config.unit_by_code[query.strip().lower()]
    if q.replace(" ", "") in config.unit_by_code:
        return config.unit_by_code[q.replace(" ", "")]
    units = config.all_units
    exact = [u for u in units if q in (fold(u.name), fold(u.short_name or ""))]
    if len(exact) == 1:
        return exact[0]
    found = exact
    if not found:
        said = _words(query)
        matches = {u.code: _covers(said, _words(u.name)) or _covers(said, _words(u.short_name or "")) for u in units}
        found = [u for u in units if matches[u.code]]
        whole = [u for u in found if matches[u.code] == (True, True)]
        if len(whole) == 1:  # "BHXH tỉnh" is all of "Bảo hiểm xã hội tỉnh", part of "… tỉnh Khánh Hòa"
            return whole[0]
    found = found or [
        u for u in units if q in fold(u.name) or q in fold(u.short_name or "") or q in u.code
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(
            "unit_ambiguous",
            query=query,
            candidates="\n".join(f"  {u.code:<10} {u.name}" for u in found),
        )
    names = {fold(u.name): u.code for u in units}
    names.update({fold(u.short_name): u.code for u in units if u.short_name})
    names.update({u.code: u.code for u in units})
    guess = _suggest(query, list(names))
    near = config.unit_by_code[names[guess]] if guess else None
    hint = Msg("did_you_mean", {"name": f"{near.code} ({near.name})"}) if near else ""
    raise UserError("unit_unknown", query=query, hint=hint)


def _rule_words(text: str) -> list[str]:
    """A rule's name as words, quarters as numbers ("quý III" = "quý 3"), without the "báo cáo" all names share."""
    said = [str(ROMAN.get(w, w)) for w in _words(text)]
    said = said[2:] if said[:2] == ["bao", "cao"] else said
    return said[:-1] if said[-1:] == ["report"] else said


def find_rule(config: Config, query: str) -> Rule:
    """By id; by its name or the words of it, whole words in order ("quý I" is not "quý III"; "báo cáo quý 1",
    "6 tháng", "năm"); or by any unambiguous part of the name."""
    q = fold(query)
    ids = {fold(r.id): r for r in config.rules}
    if q in ids:
        return ids[q]
    said = _rule_words(query)
    names = {r.id: (_rule_words(r.name), _rule_words(r.name_en)) for r in config.rules}
    tiers = (
        [r for r in config.rules if q in (fold(r.name), fold(r.name_en))],
        [r for r in config.rules if said and said in names[r.id]],  # "năm" is the annual report, not every "năm"
        [r for r in config.rules if said and any(_covers(said, n) for n in names[r.id])],
        [r for r in config.rules if q and (q in fold(r.name) or q in fold(r.name_en))],
    )
    found = next((tier for tier in tiers if tier), [])
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError(
            "rule_ambiguous", query=query, candidates="\n".join(f"  {r.id:<10} {r.name}" for r in found)
        )
    guess = _suggest(query, list(ids))
    hint = Msg("did_you_mean", {"name": ids[guess].id}) if guess else ""
    raise UserError("rule_unknown", query=query, hint=hint, known=", ".join(r.id for r in config.rules))


def find_slot(rule: Rule, text: str, calendar: WorkCalendar | None = None) -> Slot:
    """The rule's slot for a period as typed. A text in no period form says which forms there are; a period the
    rule does not have (a quarter it skips, a month of a yearly report) says which periods it has."""
    label = parse_period(text)
    if label is None:
        raise UserError("period_form", period=text)
    year = int(label[:4])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError("period_out_of_range", period=text, first=FIRST_YEAR, last=LAST_YEAR)
    slot = slot_for_period(rule, label, calendar)
    if slot is None:
        known = [s.period for s in rule_slots(rule, year, year)]
        shown = known if len(known) <= 4 else [*known[:2], "…", known[-1]]
        raise UserError("period_not_in_rule", period=text, label=label, rule=rule.id,
                        name=Named(rule.name, rule.name_en),
                        known=", ".join(shown) or "-", year=year)
    return slot


#: how offices name the way a report came, folded (lower case, no accents), to khoagiao's channel ids
CHANNEL_WORDS = {
    "paper": "paper", "giay": "paper", "ban giay": "paper", "van ban giay": "paper", "cong van giay": "paper",
    "ban cung": "paper", "buu dien": "paper",
    "email": "email", "e mail": "email", "mail": "email", "thu dien tu": "email", "thu": "email",
    "eoffice": "eoffice", "e office": "eoffice", "van phong dien tu": "eoffice", "vpdt": "eoffice",
    "he thong": "eoffice", "he thong quan ly van ban": "eoffice", "qlvb": "eoffice", "phan mem": "eoffice",
    "other": "other", "khac": "other",
}


def channel_id(text: str) -> str:
    """The channel id (paper, email, eoffice, other) of a way of receiving as written, in either language."""
    found = CHANNEL_WORDS.get(fold(text))
    if found is None:
        raise UserError("channel_unknown", value=text, known=Msg("channel_words"))
    return found
