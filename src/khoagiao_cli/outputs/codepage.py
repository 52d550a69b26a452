"""Text for a stream whose code page cannot write every character: on Windows, output redirected to a file or a
pipe (Task Scheduler's `> log.txt`, `| more`) is written in the ANSI code page — cp1258 on a Vietnamese PC, cp1252
or cp437 elsewhere — while the console itself takes any character (PEP 528).

cp1258 is Windows' Vietnamese code page: it has â ê ô ă ơ ư đ and their capitals, and the five tone marks as
combining characters (U+0300 grave, U+0301 acute, U+0303 tilde, U+0309 hook above, U+0323 dot below), but not most
precomposed toned letters. So "ế" is written as cp1258 spells it, "ê" + U+0301, which Windows shows as "ế" and
which NFC makes "ế" again. A character a code page has no way to write becomes a look-alike of one column
(→ ">") or "?", never an error: a cron job must not die on a letter.

`for_codepage` is the transform (pure); `fit` makes a stream apply it, by re-encoding it with a codec of ours
around the stream's own ("khoagiao-cp1258": NFC, then the code page's own encoder with an error handler that
writes what `for_codepage` writes; the handler is called for the characters the code page lacks only, which is
faster than translating every character). All the CLI's writers (typer.echo, Rich) write through it.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from typing import Any

#: the tone marks (dấu thanh) that cp1258 has as combining characters: huyền, sắc, ngã, hỏi, nặng
TONES = frozenset({0x0300, 0x0301, 0x0303, 0x0309, 0x0323})
#: stand-ins for the symbols khoagiao draws, one column each so that a table's columns stay where they were measured
LOOK_ALIKE = {"→": ">", "←": "<", "✓": "v", "✗": "x", "█": "#", "░": ".", "◆": "*", "•": "*", "·": ".", "—": "-",
              "–": "-", "…": ".", "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ",
              # footnote marks: cp1258 and cp1252 have ¹ ² ³ only; the rest, the marks they do have, each its own
              "⁰": "°", "⁴": "†", "⁵": "‡", "⁶": "§", "⁷": "¶", "⁸": "ª", "⁹": "º"}
#: the prefix of our codecs' names
PREFIX = "khoagiao-"
#: the error handlers Python gives a standard stream by itself; one the user chose (PYTHONIOENCODING=cp1258:replace)
#: is left as it is
DEFAULT_ERRORS = frozenset({"strict", "backslashreplace", "surrogateescape"})


def legacy_form(char: str) -> str:
    """A letter as cp1258 spells it: its tone mark, if any, as a combining character after the letter with its
    other marks (ế → ê + U+0301, Ợ → Ơ + U+0323, ả → a + U+0309); any other character as it is."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) == 1:
        return char
    tones = "".join(c for c in parts if ord(c) in TONES)
    return unicodedata.normalize("NFC", "".join(c for c in parts if ord(c) not in TONES)) + tones


def _writes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


class _Table(dict[int, str]):
    """str.translate's table for one code page: each character it cannot write → what is written instead; filled
    as characters are met."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self.encoding = encoding

    def __missing__(self, code: int) -> str:
        char = chr(code)
        chosen = next((c for c in (char, legacy_form(char), LOOK_ALIKE.get(char, "?")) if _writes(c, self.encoding)),
                      "?")
        self[code] = chosen
        return chosen


@functools.cache
def _table(encoding: str) -> _Table:
    return _Table(codecs.lookup(encoding).name)


def for_codepage(text: str, encoding: str) -> str:
    """`text` as the code page `encoding` can write it (see the module's doc); it encodes without an error."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_table(encoding))


def writes_everything(encoding: str) -> bool:
    """A UTF encoding: nothing to do."""
    return codecs.lookup(encoding).name.startswith("utf")


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _codec(name: str) -> codecs.CodecInfo | None:
    """The search function of our codecs: `khoagiao-cp1258` writes what cp1258 writes of `for_codepage`'s text."""
    name = name.replace("_", "-")
    if not name.startswith(PREFIX):
        return None
    try:
        base = codecs.lookup(name.removeprefix(PREFIX))
    except LookupError:
        return None
    table = _table(base.name)

    def instead(exc: UnicodeError) -> tuple[str, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        return exc.object[exc.start:exc.end].translate(table), exc.end

    handler = PREFIX + base.name
    codecs.register_error(handler, instead)

    class Encoder(codecs.IncrementalEncoder):
        def __init__(self, errors: str = "strict") -> None:  # the stream's errors: ours stand in for them
            super().__init__(handler)
            self.inner = base.incrementalencoder(handler)

        def encode(self, input: str, final: bool = False) -> bytes:  # noqa: A002 - the name codecs gives it
            return bytes(self.inner.encode(_nfc(input), final))

        def reset(self) -> None:
            self.inner.reset()

        def getstate(self) -> Any:
            return self.inner.getstate()

        def setstate(self, state: Any) -> None:
            self.inner.setstate(state)

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return base.encode(_nfc(text), handler)[0], len(text)

    return codecs.CodecInfo(encode, base.decode, name=PREFIX + base.name, incrementalencoder=Encoder,
                            incrementaldecoder=base.incrementaldecoder)


@functools.cache
def _register() -> None:
    codecs.register(_codec)


def fit(stream: Any) -> None:
    """Let a text stream (sys.stdout, sys.stderr) write any text in its code page. Nothing is done for a UTF one,
    for one that is not a TextIOWrapper, or for one whose error handler the user chose."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or not hasattr(stream, "reconfigure") or getattr(stream, "errors", None) not in DEFAULT_ERRORS:
        return
    try:
        if writes_everything(encoding) or encoding.replace("_", "-").startswith(PREFIX):
            return
        _register()
        stream.reconfigure(encoding=PREFIX + codecs.lookup(encoding).name)
    except (LookupError, ValueError, OSError):  # an encoding Python does not know; a stream already closed
        return
