"""Where the office's records live, as schedule.yaml may say it: the ledger (`db:`) and the folder of the received
files of a ledger on a server (`files:`). Validators of config/schema.py."""

from pydantic_core import PydanticCustomError


def ledger_place(v: str) -> str:
    """`db:` names a SQLite file or a PostgreSQL database by its URL, which never holds a password (dburl.has_secret)."""
    from khoagiao_cli.dburl import SCHEMES, has_secret, port_fault

    if not v.strip():
        raise PydanticCustomError("db_empty", "empty")
    if "://" in v:
        if v.split("://", 1)[0].lower() not in SCHEMES:
            raise PydanticCustomError("db_url", "only postgresql://")
        if has_secret(v):  # `user:password@`, or libpq's password= or sslpassword= in the query
            raise PydanticCustomError("db_password_in_file", "no password in a file")
        fault = port_fault(v)
        if fault is not None:
            raise PydanticCustomError("db_port_range" if fault == "range" else "db_url", "only postgresql://")
    return v


def files_place(v: str) -> str:
    """`files:` names a folder (on the office's file server, for every PC), never a URL."""
    if not v.strip():
        raise PydanticCustomError("files_empty", "empty")
    if "://" in v:
        raise PydanticCustomError("files_url", "a folder, not a URL")
    return v
