"""Rows of the SQLite ledger read back as khoagiao's records (store/sqlite.py)."""

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from khoagiao_cli.core.status import Event


def filtered(sql: str, **equal: str | None) -> tuple[str, list[str]]:
    """`sql` with `WHERE column = ?` for each value given (the column names are ours, never the user's)."""
    given = {column: value for column, value in equal.items() if value is not None}
    if not given:
        return sql, []
    return sql + " WHERE " + " AND ".join(f"{column} = ?" for column in given), list(given.values())


def since(sql: str, args: list[str], day: date | None) -> tuple[str, list[str]]:
    """`sql` (from `filtered`) narrowed to what was recorded on `day` or later (recorded_at is ISO 8601, so its
    text sorts as its time does, and a day is a prefix of it)."""
    if day is None:
        return sql, args
    return sql + (" AND" if args else " WHERE") + " recorded_at >= ?", [*args, day.isoformat()]


def among(sql: str, args: list[str], periods: Collection[str] | None) -> tuple[str, list[str]]:
    """`sql` (from `filtered`) narrowed to the periods given (a year's: a ledger of years is not read for one)."""
    if periods is None:
        return sql, args
    marks = ", ".join("?" * len(periods))
    return sql + (" AND" if args else " WHERE") + f" period IN ({marks})", [*args, *periods]


#: rows fetched at a time when a whole ledger is read as it is written out
READ_BLOCK = 1000

#: the kinds of values khoagiao writes (a bool is an int to isinstance, never to SQLite's rows)
_TEXT_TYPES = frozenset({str, int, type(None)})


def texts(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row as khoagiao writes it: numbers and texts. Anything else (bytes) was put there past khoagiao; the
    caller's guard turns the error into a message that points to `verify`."""
    if not set(map(type, row)) <= _TEXT_TYPES:
        raise TypeError("a value that is neither text nor a number")
    return row


def event(found: tuple[Any, ...]) -> Event:
    row = texts(found)
    return Event(
        id=row[0],
        kind=row[1],
        unit=row[2],
        report=row[3],
        period=row[4],
        received=date.fromisoformat(row[5]) if row[5] else None,
        doc_number=row[6],
        channel=row[7],
        file_path=row[8],
        file_sha256=row[9],
        note=row[10],
        unit_name=row[11],
        recorded_at=row[12],
        recorded_by=row[13],
        received_at=datetime.fromisoformat(row[14]) if row[14] else None,
    )
