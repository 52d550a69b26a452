"""A ledger named by a URL rather than a file: only PostgreSQL's (postgresql://user@host:port/database). Read
without loading a database driver: the URL is checked before anything is opened, a password in it is refused
(libpq's PGPASSWORD, ~/.pgpass or PGSERVICE are the places for one), and none is ever shown."""

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from khoagiao_cli.errors import UserError

#: the URL schemes of a PostgreSQL ledger
SCHEMES = ("postgresql", "postgres")
#: libpq's connection parameters that hold a secret: the password, and the passphrase of the client's key
SECRETS = ("password", "sslpassword")


def pg_url(given: str) -> str:
    """`given` when it is a PostgreSQL URL; any other scheme (sqlite://, mysql://, a mistyped one) is refused:
    it must not become a folder named after it, as it once did. So is a URL with a password (`has_secret`): the
    password is libpq's to read from PGPASSWORD or ~/.pgpass, never typed where it shows."""
    scheme = given.split("://", 1)[0]
    if scheme.lower() not in SCHEMES:
        raise UserError("db_url_unknown", value=shown(given), scheme=scheme)
    if has_secret(given):
        raise UserError("db_url_password", value=shown(given))
    fault = port_fault(given)
    if fault is not None:
        raise UserError("db_url_port_range" if fault == "range" else "db_url_bad", value=shown(given))
    return given


def port_fault(url: str) -> str | None:
    """What is wrong with the port of `url`: "number" when it is not one (or the URL cannot be read at all),
    "range" when it is not 1–65535 (libpq refuses 0 too); None when it is fine or not given."""
    try:
        port = urlsplit(url).port
    except ValueError:
        try:
            digits = re.search(r":\d+$", urlsplit(url).netloc) is not None
        except ValueError:
            digits = False
        return "range" if digits else "number"
    return "range" if port == 0 else None


def _split(url: str) -> tuple[str, str, str, str | None]:
    """(scheme://, user info with its `@`, the rest up to `?`, the query or None), as libpq reads a URI: the user
    info runs to the first `@` that comes before any `/`; the query follows the first `?` after it (a `#` is no
    fragment to libpq: `…/kg#?password=x` names the database `kg#` and gives a password)."""
    scheme, sep, rest = url.partition("://")
    info = re.match(r"[^@/]*@", rest)
    user = info.group() if info else ""
    place, mark, query = rest[len(user):].partition("?")
    return scheme + sep, user, place, query if mark else None


def _is_secret(param: str) -> bool:
    """Whether a query parameter `key=value` is one of libpq's SECRETS (its key percent-decoded, as libpq does)."""
    return unquote(param.split("=", 1)[0]) in SECRETS


def has_secret(url: str) -> bool:
    """Whether `url` gives libpq a password: `user:password@`, or `password=` or `sslpassword=` in its query."""
    _, user, _, query = _split(url)
    return ":" in user or (query is not None and any(_is_secret(p) for p in query.split("&")))


def shown(url: str) -> str:
    """The URL as messages show it: without a password, should one have been written in it (`has_secret`)."""
    scheme, user, place, query = _split(url)
    if ":" in user:
        name = user.split(":", 1)[0]
        user = f"{name}@" if name else ""
    if query is not None:
        kept = [p for p in query.split("&") if not _is_secret(p)]
        place += "?" + "&".join(kept) if kept else ""
    return scheme + user + place


def kept_beside(data_dir: Path, url: str) -> Path:
    """Where the received files recorded into the database at `url` are kept (store/archive.py keeps them in a
    folder beside this path): a folder of the user data dir named after the server and database."""
    parts = urlsplit(url)
    name = f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.strip('/') or 'postgres'}"
    return data_dir / "postgresql" / re.sub(r"[^A-Za-z0-9._-]", "_", name) / "ledger"
