"""A ledger named by a URL rather than a file: only PostgreSQL's (postgresql://user@host:port/database). Read
without loading a database driver: the URL is checked before anything is opened, and its password (libpq's
PGPASSWORD, ~/.pgpass or PGSERVICE are the places for one) is never shown."""

import re
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from khoagiao_cli.errors import UserError

#: the URL schemes of a PostgreSQL ledger
SCHEMES = ("postgresql", "postgres")


def pg_url(given: str) -> str:
    """`given` when it is a PostgreSQL URL; any other scheme (sqlite://, mysql://, a mistyped one) is refused:
    it must not become a folder named after it, as it once did."""
    scheme = given.split("://", 1)[0]
    if scheme.lower() not in SCHEMES:
        raise UserError("db_url_unknown", value=shown(given), scheme=scheme)
    try:
        urlsplit(given).port  # noqa: B018 - a port that is not a number raises here
    except ValueError as exc:
        raise UserError("db_url_bad", value=shown(given)) from exc
    return given


def shown(url: str) -> str:
    """The URL as messages show it: without a password, should one have been written in it."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = (f"{parts.username}@" if parts.username else "") + (parts.hostname or "")
        return urlunsplit(parts._replace(netloc=netloc + (f":{parts.port}" if parts.port else "")))
    except ValueError:
        return re.sub(r":[^:@/]*@", ":***@", url)


def kept_beside(data_dir: Path, url: str) -> Path:
    """Where the received files recorded into the database at `url` are kept (store/archive.py keeps them in a
    folder beside this path): a folder of the user data dir named after the server and database."""
    parts = urlsplit(url)
    name = f"{parts.hostname or 'local'}-{parts.port or 5432}-{parts.path.strip('/') or 'postgres'}"
    return data_dir / "postgresql" / re.sub(r"[^A-Za-z0-9._-]", "_", name) / "ledger"
