"""What the ledger keeps, shown safely: an older khoagiao (or another program) may have stored control characters,
and an append-only ledger keeps them for good. Every writer — the terminal, the spreadsheet, the letter, the
calendar file, e-mail, CSV — passes its text through `visible` at its boundary, so that an escape sequence is
shown, never obeyed, and no writer refuses a character it cannot write."""

from __future__ import annotations

import functools
import re
from typing import Any

#: lines of plain text written at once (a long history or status is written block by block, never as one string)
PLAIN_BLOCK = 500


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control character shown as a picture; tab and line feed are kept when `lines` (a header
    or any one-line field passes lines=False)."""
    if text.isprintable():  # every character the table changes is one Python does not call printable
        return text
    if _shown(lines).search(text) is None:  # a block of lines: found at C speed, where translate looks up each one
        return text
    return text.translate(_pictures(lines))


@functools.cache
def _shown(lines: bool) -> re.Pattern[str]:
    """Any one character `_pictures(lines)` changes, as a class of ranges (quick to compile)."""
    ranges: list[list[int]] = []
    for c in sorted(_pictures(lines)):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


@functools.cache
def _pictures(lines: bool) -> dict[int, int]:
    """Each C0 control as its Unicode control picture (ESC → ␛, NUL → ␀), DEL → ␡, each C1 control and each byte
    that was not UTF-8 (a lone surrogate) and each mark that reorders what is shown (bidi) → the replacement
    character �."""
    table = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
    table |= {c: 0xFFFD for c in (*range(0x80, 0xA0), *range(0xD800, 0xE000), 0x061C, 0x200E, 0x200F,
                                   *range(0x2028, 0x202F), *range(0x2066, 0x206A))}
    if lines:
        del table[0x09], table[0x0A]
    return table


def console() -> Any:
    """A Rich console for the screens: stored text is shown as it is (no markup like "[/]" or emoji codes read
    in it), and a control character in it as its picture."""
    return _console_class()(highlight=False, markup=False, emoji=False)


@functools.cache
def _console_class() -> Any:
    from collections.abc import Iterable

    from rich.console import Console, ConsoleOptions, RenderableType
    from rich.segment import Segment
    from rich.text import Text

    class VisibleConsole(Console):
        # a cell's text, before it is measured (a picture is one column wide, a raw control none)
        def render_str(self, text: str, **options: Any) -> Text:
            return super().render_str(visible(text), **options)

        _rendering = False

        # and whatever reached a segment another way (a Text built by a screen), once: Rich renders a table's cells
        # through this same method, and their segments come out through the outermost call
        def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
            if self._rendering:
                yield from super().render(renderable, options)
                return
            self._rendering = True
            try:
                for segment in super().render(renderable, options):
                    yield segment if segment.control else Segment(visible(segment.text), segment.style)
            finally:
                self._rendering = False

    return VisibleConsole


#: what a spreadsheet reads as the start of a formula in a CSV cell (OWASP, "CSV Injection"): = + - @, tab, CR
FORMULA_STARTS = frozenset("=+-@\t\r")
#: the quote that makes a CSV cell a text in Excel and LibreOffice
QUOTE = "'"


def neutral(text: str) -> str:
    """A CSV cell's text that no spreadsheet takes for a formula: one that begins as a formula would gets a quote
    in front (and so does one that begins with a quote before such a character or another quote, so that
    `unneutral`, which strips exactly one, gives every text back as it was)."""
    if not text:
        return text
    first = text[0]
    if first in FORMULA_STARTS or (first == QUOTE and text[1:2] and (text[1] in FORMULA_STARTS or text[1] == QUOTE)):
        return QUOTE + text
    return text


def unneutral(text: str) -> str:
    """A CSV cell read back (by `khoagiao import`): the one quote `neutral` put in front taken away; a quote before
    anything else is the writer's own and kept."""
    if text[:1] == QUOTE and text[1:2] and (text[1] in FORMULA_STARTS or text[1] == QUOTE):
        return text[1:]
    return text
