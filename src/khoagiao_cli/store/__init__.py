"""The ledger behind a small interface (base.py): SQLite today. A command that records opens a `Ledger`, which
is created by its first write only (so a command refused for bad input leaves nothing behind); a command that
only reads opens a `Reader`, which never creates anything."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from khoagiao_cli.core.adhoc import Incident, Request
from khoagiao_cli.core.status import Event, Key, Void
from khoagiao_cli.errors import ConfigError, LedgerError, Msg, Problem
from khoagiao_cli.store.base import EmptyLedger, Ledger, Reader, Reminder

if TYPE_CHECKING:
    from khoagiao_cli.store.chain import Verdict
    from khoagiao_cli.store.sql import SqlLedger


def _refuse_folder(where: Path) -> None:
    if where.exists() and not where.is_file():
        raise LedgerError("db_unopenable", path=str(where))


def _check_units(ledger: SqlLedger, units: Collection[str] | None, units_file: str) -> None:
    """A unit the ledger names must still be in units.yaml: removing one would make its history unreachable."""
    if units is None:
        return
    missing = sorted(ledger.named_units() - set(units))
    if missing:
        ledger.close()
        raise ConfigError([Problem(units_file, "units", Msg("cfg_units_removed", {
            "ledger": ledger.where, "codes": ", ".join(missing)}))])


def open_ledger(where: Path, *, created_on: date, timeout: float, units: Collection[str] | None = None,
                units_file: str = "units.yaml", url: str | None = None) -> Ledger:
    """For recording. A missing ledger is created on `created_on` (the real clock's day) by the first write.
    With `units` (the codes units.yaml knows), a ledger naming another unit is refused. With `url`, the ledger is
    that PostgreSQL database's (store/postgres.py), made ready by its first write as a file is."""
    if url is not None:
        from khoagiao_cli.dburl import shown
        from khoagiao_cli.store.postgres import PostgresLedger

        # one connection, for reading and writing alike
        found = PostgresLedger.open_read(url, timeout=timeout, files_at=where)
        if found is None:
            return PendingLedger(EmptyLedger(shown(url), created_on, where),
                                 lambda: PostgresLedger.open(url, created_on=created_on, timeout=timeout, files_at=where))
        _check_units(found, units, units_file)
        return found
    _refuse_folder(where)
    from khoagiao_cli.store.sqlite import SQLiteLedger

    if where.is_file() and where.stat().st_size > 0:
        ledger = SQLiteLedger.open(where, created_on=created_on, timeout=timeout)
        _check_units(ledger, units, units_file)
        return ledger
    return PendingLedger(EmptyLedger(str(where), created_on),
                         lambda: SQLiteLedger.open(where, created_on=created_on, timeout=timeout))


def open_reader(where: Path, *, today: date, timeout: float, upgrade: bool = True,
                units: Collection[str] | None = None, units_file: str = "units.yaml", url: str | None = None,
                ) -> Reader:
    """For reading: opened read-only; an empty ledger (tracking from `today`) when there is none. A ledger of an
    older schema is upgraded first, unless not `upgrade` (then it is refused). `units`: as for `open_ledger`;
    `url`: a PostgreSQL database's."""
    found: SqlLedger | None
    if url is not None:
        from khoagiao_cli.dburl import shown
        from khoagiao_cli.store.postgres import PostgresLedger

        found = PostgresLedger.open_read(url, timeout=timeout, upgrade=upgrade, files_at=where, read_only=True)
        if found is None:
            return EmptyLedger(shown(url), today, where)
    else:
        _refuse_folder(where)
        if not where.is_file():
            return EmptyLedger(str(where), today)  # and no database driver to load
        from khoagiao_cli.store.sqlite import SQLiteLedger

        found = SQLiteLedger.open_read(where, timeout=timeout, upgrade=upgrade)
        if found is None:
            return EmptyLedger(str(where), today)
    _check_units(found, units, units_file)
    return found


class PendingLedger:
    """A ledger that does not exist yet: read, it is empty; its first `write()` creates it, then it is that ledger."""

    def __init__(self, empty: EmptyLedger, create: Callable[[], Ledger]) -> None:
        self.where = empty.where
        self.files_at = empty.files_at
        self.exists = False
        self._empty = empty
        self._create = create
        self._real: Ledger | None = None

    def _reading(self) -> Reader:
        return self._real if self._real is not None else self._empty

    def _writing(self) -> Ledger:
        if self._real is None:
            raise RuntimeError("append outside write()")  # a programming error, never a user's
        return self._real

    def write(self) -> AbstractContextManager[None]:
        if self._real is None:
            self._real = self._create()
            self.exists = True
        return self._real.write()

    def created_on(self) -> date:
        return self._reading().created_on()

    def events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
               since: date | None = None) -> list[Event]:
        return self._reading().events(unit, report, period, since=since)

    def each_event(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                   since: date | None = None, newest_first: bool = True, limit: int | None = None) -> Iterator[Event]:
        return self._reading().each_event(unit, report, period, since=since, newest_first=newest_first, limit=limit)

    def event(self, event_id: int) -> Event | None:
        return self._reading().event(event_id)

    def count_events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                     since: date | None = None) -> int:
        return self._reading().count_events(unit, report, period, since=since)

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        return self._reading().in_force(unit, report, period, periods=periods)

    def keys_in_force(self, unit: str | None = None, by: datetime | None = None) -> set[Key]:
        return self._reading().keys_in_force(unit, by)

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        return self._reading().open_instances(owing, slots, by)

    def requests(self, include_cancelled: bool = False) -> list[Request]:
        return self._reading().requests(include_cancelled)

    def incidents(self, unit: str | None = None, include_cancelled: bool = False) -> list[Incident]:
        return self._reading().incidents(unit, include_cancelled)

    def voids(self) -> list[Void]:
        return self._reading().voids()

    def reminders(self, unit: str | None = None, day: date | None = None) -> list[Reminder]:
        return self._reading().reminders(unit, day)

    def chain_head(self) -> tuple[int, str]:
        return self._reading().chain_head()

    def verify(self, head: str | None = None) -> Verdict:
        return self._reading().verify(head)

    def append(self, event: Event) -> int:
        return self._writing().append(event)

    def file_kept(self, event_id: int) -> None:
        self._writing().file_kept(event_id)

    def add_request(self, request: Request, recorded_by: str, note: str | None = None) -> None:
        self._writing().add_request(request, recorded_by, note)

    def cancel_request(self, request_id: str, recorded_at: str, recorded_by: str, note: str | None = None) -> None:
        self._writing().cancel_request(request_id, recorded_at, recorded_by, note)

    def add_incident(self, incident: Incident, recorded_by: str) -> int:
        return self._writing().add_incident(incident, recorded_by)

    def add_reminder(self, reminder: Reminder) -> int:
        return self._writing().add_reminder(reminder)

    def add_void(self, void: Void) -> int:
        return self._writing().add_void(void)

    def cancel_incident(self, incident_id: int, recorded_at: str, recorded_by: str, note: str | None = None,
                        ) -> None:
        self._writing().cancel_incident(incident_id, recorded_at, recorded_by, note)

    def close(self) -> None:
        if self._real is not None:
            self._real.close()
