"""A report period as offices write it, read into khoagiao's label (pure).

`quý I/2026`, `Q1/2026`, `T2/2026`, `tháng 2/2026`, `02/2026`, `6 tháng đầu năm 2026`, `năm 2026`, the labels
khoagiao prints itself ("Quý I/2026", "Tháng 02/2026", "Q1 2026", "H1 2026") and its own `2026-Q1`, `2026-02`,
`2026-H1`, `2026`: any case, with or without diacritics, with extra spaces."""

from __future__ import annotations

import re
import unicodedata

#: roman numerals of the quarters, as the plan writes them ("quý III")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NUM = r"(1[0-2]|0?[1-9])"
_QUARTER = r"([1-4]|iv|iii|ii|i)"
_YEAR = r"([0-9]{4})"
#: between a period and its year: "/", "-", ".", "năm", or spaces (never nothing: "12026" is no month)
_SEP = r"(?:\s*(?:[/.-]|\bnam\b)\s*|\s+)"

# (pattern over the folded text, kind, group of the index, group of the year)
_FORMS: tuple[tuple[str, str, int, int], ...] = (
    (rf"{_YEAR}\s*-\s*{_NUM}", "M", 2, 1),  # 2026-02
    (rf"(?:thang|t|month)?\s*{_NUM}{_SEP}{_YEAR}", "M", 1, 2),  # tháng 2/2026, T2/2026, 02/2026
    (rf"{_YEAR}\s*-?\s*q\s*{_QUARTER}", "Q", 2, 1),  # 2026-Q1
    (rf"(?:quy|q|quarter)\s*{_QUARTER}{_SEP}{_YEAR}", "Q", 1, 2),  # quý I/2026, Q1/2026, Q1 2026
    (rf"{_YEAR}\s*-?\s*h\s*([12])", "H", 2, 1),  # 2026-H1
    (rf"(?:h|half)\s*([12]){_SEP}{_YEAR}", "H", 1, 2),  # H1 2026
    (rf"(?:6|sau) thang (dau|cuoi)(?: nam)?\s*[/.-]?\s*{_YEAR}", "H", 1, 2),  # 6 tháng đầu năm 2026
    (rf"(?:nam|year)?\s*{_YEAR}", "Y", 0, 1),  # năm 2026, 2026
)


def _folded(text: str) -> str:
    """Lower case, no diacritics ("đ" counts as "d"), single spaces; "/", "-" and "." kept."""
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9/.\-]+", " ", text).split())


def parse_period(text: str) -> str | None:
    """The canonical label (`2026-02`, `2026-Q1`, `2026-H1`, `2026`) of a period as typed; None for a text that
    is no period in any form khoagiao reads (a month 13 is no month: it is not in any form)."""
    folded = _folded(text)
    for pattern, kind, index, year in _FORMS:
        m = re.fullmatch(pattern, folded, re.ASCII)
        if m is None:
            continue
        y = m.group(year)
        if kind == "Y":
            return y
        raw = m.group(index)
        if kind == "M":
            return f"{y}-{int(raw):02d}"
        if kind == "Q":
            return f"{y}-Q{ROMAN.get(raw) or int(raw)}"
        return f"{y}-H{1 if raw in ('1', 'dau') else 2}"
    return None


def normalize_period(text: str) -> str:
    """The canonical label of a period as typed, or the text itself (stripped, upper case) when it is none: an
    incident's period (`2026-11-22T08:30`) or a mistake for the caller to name."""
    return parse_period(text) or text.strip().upper()
