"""The ledger as the use cases see it: what they read and what they append, whatever holds it.

SQLite (store/sqlite.py) is the first implementation; a command that only reads gets a `Reader`, one that
records gets a `Ledger`, whose writes happen inside `write()` — one transaction, all or nothing.
"""

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from khoagiao_cli.core.adhoc import Incident, Request
from khoagiao_cli.core.status import Event, Key, Void

if TYPE_CHECKING:  # the chain (and hashlib) is loaded only by the commands that write or verify
    from khoagiao_cli.store.chain import Verdict


class Reminder(NamedTuple):
    """One e-mail sent: a reminder to a unit, or the overdue digest to the office."""

    id: int
    kind: str
    unit: str | None
    day: date
    #: "report/period" of each instance it was about, sorted, joined by ";"
    instances: str
    recipients: str
    message_id: str
    sent_at: str
    sent_by: str


class Reader(Protocol):
    """What a command that only reads may ask of the ledger."""

    #: where the ledger is, as messages show it (a file's path; a database's URL, without its password)
    where: str
    #: False when there is no ledger there yet (every answer is then empty)
    exists: bool
    #: the path the archive of received files sits beside (store/archive.py): the file's own; for a database,
    #: a path in the user data folder named after it (dburl.kept_beside)
    files_at: Path

    def created_on(self) -> date:
        """The day the ledger was created (the real clock's): tracking starts then unless configured."""
        ...

    def events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
               since: date | None = None) -> list[Event]:
        """Every event (recorded on `since` or later), in the order recorded."""
        ...

    def each_event(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                   since: date | None = None, newest_first: bool = True, limit: int | None = None) -> Iterator[Event]:
        """The events `events` gives, newest first (or in the order recorded), only the first `limit` of them if
        given; read from the ledger a block at a time as they are taken: a ledger of years is never held."""
        ...

    def count_events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                     since: date | None = None) -> int:
        """How many events `events` would give."""
        ...

    def event(self, event_id: int) -> Event | None:
        """The event of that number, if there is one."""
        ...

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        """The submission in force for each instance: its latest event, unless that is a withdrawal (of the
        `periods` given only, if given)."""
        ...

    def keys_in_force(self, unit: str | None = None, by: datetime | None = None) -> set[Key]:
        """Only the keys of `in_force` (of those that had arrived by `by`: core.status.arrived): what the daily
        `due` needs to know is still open."""
        ...

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        """Of the slots each unit owes (`owing`: unit → its class; `slots`: (class, report, period)), those with no
        submission in force that had arrived by `by`, as (unit, report, period): the database's anti-join
        (store/outstanding.py), in no particular order."""
        ...

    def requests(self, include_cancelled: bool = False) -> list[Request]:
        """One-off requests in the order they were added; a cancelled one marked (or left out)."""
        ...

    def incidents(self, unit: str | None = None, include_cancelled: bool = False) -> list[Incident]:
        """Incidents in the order recorded; a cancelled one marked (or left out)."""
        ...

    def voids(self) -> list[Void]:
        """The events voided as the office's entry errors, in the order voided."""
        ...

    def reminders(self, unit: str | None = None, day: date | None = None) -> list[Reminder]: ...

    def chain_head(self) -> tuple[int, str]:
        """(records in the hash chain, the last one's hash): printed on exports to pin the ledger's state."""
        ...

    def verify(self, head: str | None = None) -> "Verdict":
        """Walk the hash chain and name what does not fit; `head`, a hash printed earlier, is looked for."""
        ...

    def close(self) -> None: ...


class Ledger(Reader, Protocol):
    """A ledger a command records into. The append methods are called inside `write()`."""

    def write(self) -> AbstractContextManager[None]:
        """One transaction: writers queue, and a failure inside leaves nothing behind."""
        ...

    def append(self, event: Event) -> int:
        """Add one event; its id."""
        ...

    def file_kept(self, event_id: int) -> None:
        """Note that the file of event `event_id` was kept in the archive (store/kept.py)."""
        ...

    def add_request(self, request: Request, recorded_by: str, note: str | None = None) -> None: ...

    def cancel_request(self, request_id: str, recorded_at: str, recorded_by: str, note: str | None = None) -> None: ...

    def add_incident(self, incident: Incident, recorded_by: str) -> int: ...

    def add_reminder(self, reminder: Reminder) -> int: ...

    def add_void(self, void: Void) -> int: ...

    def cancel_incident(self, incident_id: int, recorded_at: str, recorded_by: str, note: str | None = None,
                        ) -> None: ...


class EmptyLedger:
    """What a command that only reads sees when there is no ledger yet: nothing recorded, nothing created.
    Tracking would start on `today`, the day the ledger would be created."""

    def __init__(self, where: str, today: date, files_at: Path | None = None) -> None:
        self.where = where
        self.files_at = files_at if files_at is not None else Path(where)
        self.exists = False
        self._today = today

    def created_on(self) -> date:
        return self._today

    def events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
               since: date | None = None) -> list[Event]:
        return []

    def each_event(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                   since: date | None = None, newest_first: bool = True, limit: int | None = None) -> Iterator[Event]:
        return iter(())

    def count_events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                     since: date | None = None) -> int:
        return 0

    def event(self, event_id: int) -> Event | None:
        return None

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        return {}

    def keys_in_force(self, unit: str | None = None, by: datetime | None = None) -> set[Key]:
        return set()

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        from khoagiao_cli.store.outstanding import open_keys_of_nothing

        return open_keys_of_nothing(owing, slots)

    def requests(self, include_cancelled: bool = False) -> list[Request]:
        return []

    def incidents(self, unit: str | None = None, include_cancelled: bool = False) -> list[Incident]:
        return []

    def voids(self) -> list[Void]:
        return []

    def reminders(self, unit: str | None = None, day: date | None = None) -> list[Reminder]:
        return []

    def chain_head(self) -> tuple[int, str]:
        return 0, ""

    def verify(self, head: str | None = None) -> "Verdict":
        from khoagiao_cli.store.chain import Verdict

        return Verdict(0, "", [])

    def close(self) -> None:
        pass
