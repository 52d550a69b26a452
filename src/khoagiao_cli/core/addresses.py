"""What an e-mail address and a line of text from outside may hold; the one check for the config's addresses and
`--mail-to`, and the one definition of a control character (pure: no I/O, no words)."""

from __future__ import annotations

import re

from khoagiao_cli.core.text import CONTROLS

#: characters no address written plainly holds: lists (, ;), display names (< > " ( )), groups (:), routes ([ ])
_NOT_IN_ADDRESS = frozenset(',;<>"():[]\\')
#: what a terminal or a mail header acts on (core/text.py, the one definition); compiled (and cached by `re`) on
#: first use
_CONTROL = f"[{CONTROLS}]"


def first_control(text: str) -> int | None:
    """The index of the first control character in `text`, or None."""
    found = re.search(_CONTROL, text)
    return None if found is None else found.start()


def escaped(text: str) -> str:
    """`text` safe to print: each control character as a Python escape (\\x1b, \\r, \\n)."""
    return re.sub(_CONTROL, lambda m: repr(m.group())[1:-1], text)


def is_address(text: str) -> bool:
    """One e-mail address, written plainly: `local@domain.tld`, with no display name, comment, list or space;
    the standard library's parser reads it back as the very same text."""
    from email.errors import HeaderParseError
    from email.headerregistry import Address

    if not text or first_control(text) is not None or any(c.isspace() or c in _NOT_IN_ADDRESS for c in text):
        return False
    try:
        address = Address(addr_spec=text)
    except (ValueError, IndexError, HeaderParseError):  # the parser's many ways of saying no
        return False
    labels = address.domain.split(".")
    return address.addr_spec == text and bool(address.username) and len(labels) > 1 and all(labels)
