"""Text a person typed or a file held, checked before it is kept (pure): no control characters, no broken
encoding, not too long. What the ledger already keeps is shown safely by outputs/text.py instead."""

from __future__ import annotations

import functools
import re

from khoagiao_cli.errors import UserError

#: C0 controls, DEL and C1 controls: a terminal obeys them, XML (xlsx, docx) refuses them, e-mail headers break;
#: the Unicode line and paragraph separators (line breaks to Python and YAML); and the invisible marks that turn
#: the order of what is shown (bidi overrides, isolates, marks: "Trojan Source") — no Vietnamese text needs them
CONTROLS = r"\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
#: what stands for a byte that was not UTF-8 (Python's surrogateescape): SQLite and every writer refuse it
SURROGATES = r"\ud800-\udfff"
#: the longest free text (a note, a document number, a cell of the tracking sheet) khoagiao keeps
MAX_TEXT = 4000



@functools.cache
def _bad() -> re.Pattern[str]:
    """Compiled on first use: the daily `due` checks its few options with it, and pays nothing more."""
    return re.compile(f"[{CONTROLS}{SURROGATES}]")


def first_bad(text: str, allow: str = "") -> tuple[int, str] | None:
    """(1-based position, character) of the first control character (not in `allow`) or non-UTF-8 byte."""
    for m in _bad().finditer(text):
        if m.group() not in allow:
            return m.start() + 1, m.group()
    return None


def first_control(text: str) -> int | None:
    """The index of the first control character in `text`, or None."""
    found = re.search(f"[{CONTROLS}]", text)
    return None if found is None else found.start()


def escaped(text: str) -> str:
    """`text` safe to repeat in a message: each control character as a Python escape (\\x1b, \\r), each byte that
    was not UTF-8 as \\xNN."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        raw = text.encode("utf-8", "backslashreplace")
    fixed = raw.decode("utf-8", "backslashreplace")
    return re.sub(f"[{CONTROLS}]", lambda m: repr(m.group())[1:-1], fixed)


def code_point(char: str) -> str:
    """U+001B."""
    return f"U+{ord(char):04X}"


def is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def check_text(text: str, what: object, *, allow: str = "", limit: int = MAX_TEXT) -> None:
    """Free text before it is kept: `what` names it in the message (a Msg or an option's name)."""
    found = first_bad(text, allow)
    if found is not None:
        pos, char = found
        if is_surrogate(char):
            raise UserError("text_not_utf8", what=what, pos=pos)
        raise UserError("text_control", what=what, char=code_point(char), pos=pos)
    if len(text) > limit:
        raise UserError("text_too_long", what=what, n=len(text), max=limit)
