"""What an e-mail address may hold: the one check for the config's addresses, `--mail-to` and the mail settings
(pure: no I/O, no words)."""

from __future__ import annotations

from khoagiao_cli.core.text import first_control

#: characters no address written plainly holds: lists (, ;), display names (< > " ( )), groups (:), routes ([ ])
_NOT_IN_ADDRESS = frozenset(',;<>"():[]\\')


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
