"""What every ledger does the same way, whatever database holds it: the records read and appended in SQL that
SQLite and PostgreSQL both run (`?` parameters; store/postgres.py passes them on as psycopg's), and each record
linked into the hash chain in the transaction that writes it. A backend says how it opens, how a write begins, how
an insert gives back its key, and how its failures read (`_guarded`)."""

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoagiao_cli.core.adhoc import Incident, Request
from khoagiao_cli.core.status import Event, Key, Void
from khoagiao_cli.store.base import Reminder
from khoagiao_cli.store.chain import append as chain_append
from khoagiao_cli.store.kept import mark as mark_kept
from khoagiao_cli.store.named import named_units as units_named
from khoagiao_cli.store.outstanding import open_keys
from khoagiao_cli.store.rows import READ_BLOCK
from khoagiao_cli.store.rows import among as _among
from khoagiao_cli.store.rows import event as _event
from khoagiao_cli.store.rows import filtered as _filtered
from khoagiao_cli.store.rows import since as _since
from khoagiao_cli.store.rows import texts as _texts

if TYPE_CHECKING:
    from khoagiao_cli.store.chain import Verdict

COLUMNS = (
    "id, kind, unit, report, period, received, doc_number, channel, file_path, file_sha256, "
    "note, unit_name, recorded_at, recorded_by, received_at"
)


class SqlLedger:
    """A ledger in an SQL database (store.base.Ledger); SQLiteLedger and PostgresLedger say the rest."""

    where: str
    exists = True
    #: Reader.files_at
    files_at: Path
    #: "sqlite" | "postgresql"
    backend: str
    #: a DB-API connection that takes `?` parameters
    conn: Any

    def _guarded(self) -> AbstractContextManager[None]:
        """The backend's failures as messages a person can act on (LedgerError)."""
        raise NotImplementedError

    def _insert(self, table: str, sql: str, args: Sequence[object]) -> int:
        """Run one INSERT into `table`; the key of the row written."""
        raise NotImplementedError

    def write(self) -> AbstractContextManager[None]:
        """One transaction, writers one at a time; all or nothing."""
        raise NotImplementedError

    def verify(self, head: str | None = None) -> "Verdict":
        """Walk the hash chain in one snapshot and compare the schema with the one khoagiao makes."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def schema_version(self) -> int:
        """How many of the schema's steps the database has had."""
        raise NotImplementedError

    def snapshot(self) -> AbstractContextManager[None]:
        """One read transaction: what is read inside it is one state of the ledger, while others write."""
        raise NotImplementedError

    # ------------------------------------------------------------------ whole tables (store/copying.py)

    def _stream(self, sql: str, args: Sequence[object] = ()) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """(column names, the rows) of a query whose answer may be long: read a block at a time, never whole."""
        cursor = self.conn.execute(sql, args)
        names = [d[0] for d in cursor.description]

        def each() -> Iterator[tuple[Any, ...]]:
            while block := cursor.fetchmany(READ_BLOCK):
                yield from block

        return names, each()

    def table_rows(self, table: str, key: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """(column names, every row in the order of `key`), read a block at a time (inside `snapshot`)."""
        return self._stream(f"SELECT * FROM {table} ORDER BY {key}")  # our names, never the user's

    def load(self, table: str, names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert rows as they are, keys included (inside `write`)."""
        marks = ", ".join("?" for _ in names)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)

    def created_on(self) -> date:
        with self._guarded():
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'created_on'").fetchone()
            return date.fromisoformat(row[0])

    def events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
               since: date | None = None) -> list[Event]:
        return list(self.each_event(unit, report, period, since=since, newest_first=False))

    def each_event(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                   since: date | None = None, newest_first: bool = True, limit: int | None = None) -> Iterator[Event]:
        sql, args = _since(*_filtered(f"SELECT {COLUMNS} FROM events", unit=unit, report=report, period=period), since)
        sql += " ORDER BY id DESC" if newest_first else " ORDER BY id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"  # a number, never text
        with self._guarded():
            yield from map(_event, self._stream(sql, args)[1])

    def event(self, event_id: int) -> Event | None:
        with self._guarded():
            row = self.conn.execute(f"SELECT {COLUMNS} FROM events WHERE id = ?", [event_id]).fetchone()
            return _event(row) if row is not None else None

    def count_events(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                     since: date | None = None) -> int:
        sql, args = _since(*_filtered("SELECT count(*) FROM events", unit=unit, report=report, period=period), since)
        with self._guarded():
            return int(self.conn.execute(sql, args).fetchone()[0])

    def in_force(self, unit: str | None = None, report: str | None = None, period: str | None = None, *,
                 periods: Collection[str] | None = None) -> dict[Key, Event]:
        sql, args = _among(*_filtered(f"SELECT {COLUMNS} FROM in_force", unit=unit, report=report, period=period),
                           periods)
        with self._guarded():
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            return {(e.unit, e.report, e.period): e for e in map(_event, rows)}

    def keys_in_force(self, unit: str | None = None, by: datetime | None = None) -> set[Key]:
        sql, args = _filtered("SELECT unit, report, period FROM in_force", unit=unit)
        if by is not None:  # core.status.arrived, in SQL: received that day or before (at that moment or before)
            sql += (" AND" if args else " WHERE") + " received <= ? AND (received_at IS NULL OR received_at <= ?)"
            args += [by.date().isoformat(), by.isoformat()]
        with self._guarded():
            return {(u, r, p) for u, r, p in self.conn.execute(sql, args)}

    def open_instances(self, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
                       ) -> list[Key]:
        with self._guarded():
            return open_keys(self.conn, owing, slots, by)

    def named_units(self) -> set[str]:
        """Every unit code the ledger's records name (store/named.py)."""
        with self._guarded():
            return units_named(self.conn)

    def append(self, event: Event) -> int:
        """Insert one event; call inside `write()`. Returns its id."""
        with self._guarded():
            key = self._insert("events",
                "INSERT INTO events (kind, unit, report, period, received, doc_number, channel, file_path,"
                " file_sha256, note, unit_name, recorded_at, recorded_by, received_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.kind,
                    event.unit,
                    event.report,
                    event.period,
                    event.received.isoformat() if event.received else None,
                    event.doc_number,
                    event.channel,
                    event.file_path,
                    event.file_sha256,
                    event.note,
                    event.unit_name,
                    event.recorded_at,
                    event.recorded_by,
                    event.received_at.isoformat() if event.received_at else None,
                ),
            )
            return self._chained("events", key)

    def file_kept(self, event_id: int) -> None:
        """The file of event `event_id` was kept in the archive (store/kept.py); call inside `write()`."""
        with self._guarded():
            mark_kept(self.conn, event_id)

    # ------------------------------------------------------------------ one-off requests and incidents

    def requests(self, include_cancelled: bool = False) -> list[Request]:
        """Requests in the order they were added; a cancelled one is marked (or left out)."""
        with self._guarded():
            rows = self.conn.execute(
                "SELECT kind, id, title, deadline, doc_number, units, recorded_at FROM requests ORDER BY seq"
            ).fetchall()
        found: dict[str, Request] = {}
        with self._guarded():
            for kind, rid, title, deadline, doc, units, recorded_at in map(_texts, rows):
                if kind == "add":
                    found[rid] = Request(rid, title, date.fromisoformat(deadline), doc,
                                         tuple(u for u in (units or "").split(",") if u), recorded_at)
                elif rid in found:
                    found[rid] = found[rid]._replace(cancelled=True)
        return [r for r in found.values() if include_cancelled or not r.cancelled]

    def add_request(self, request: Request, recorded_by: str, note: str | None = None) -> None:
        """Call inside `write()`."""
        with self._guarded():
            key = self._insert("requests",
                "INSERT INTO requests (kind, id, title, deadline, doc_number, units, note, recorded_at, recorded_by)"
                " VALUES ('add', ?, ?, ?, ?, ?, ?, ?, ?)",
                (request.id, request.title, request.deadline.isoformat(), request.doc_number,
                 ",".join(request.units), note, request.recorded_at, recorded_by),
            )
            self._chained("requests", key)

    def cancel_request(self, request_id: str, recorded_at: str, recorded_by: str, note: str | None = None) -> None:
        """Call inside `write()`."""
        with self._guarded():
            key = self._insert("requests",
                "INSERT INTO requests (kind, id, note, recorded_at, recorded_by) VALUES ('cancel', ?, ?, ?, ?)",
                (request_id, note, recorded_at, recorded_by),
            )
            self._chained("requests", key)

    def reminders(self, unit: str | None = None, day: date | None = None) -> list[Reminder]:
        sql, args = _filtered("SELECT id, kind, unit, day, instances, recipients, message_id, sent_at, sent_by"
                              " FROM reminders", unit=unit, day=day.isoformat() if day else None)
        with self._guarded():
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            return [Reminder(r[0], r[1], r[2], date.fromisoformat(r[3]), *r[4:]) for r in map(_texts, rows)]

    def add_reminder(self, reminder: Reminder) -> int:
        """Call inside `write()`."""
        with self._guarded():
            key = self._insert("reminders",
                "INSERT INTO reminders (kind, unit, day, instances, recipients, message_id, sent_at, sent_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (reminder.kind, reminder.unit, reminder.day.isoformat(), reminder.instances, reminder.recipients,
                 reminder.message_id, reminder.sent_at, reminder.sent_by),
            )
            return self._chained("reminders", key)

    def incidents(self, unit: str | None = None, include_cancelled: bool = False) -> list[Incident]:
        sql, args = _filtered("SELECT id, unit, unit_name, title, occurred, deadline_at, recorded_at,"
                              " CASE WHEN id IN (SELECT incident_id FROM incident_cancels) THEN 1 ELSE 0 END FROM incidents", unit=unit)
        with self._guarded():
            rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
            found = [
                Incident(r[0], r[1], r[2], r[3], datetime.fromisoformat(r[4]), datetime.fromisoformat(r[5]), r[6],
                         bool(r[7]))
                for r in map(_texts, rows)
            ]
        return [i for i in found if include_cancelled or not i.cancelled]

    def cancel_incident(self, incident_id: int, recorded_at: str, recorded_by: str, note: str | None = None,
                        ) -> None:
        """Call inside `write()`."""
        with self._guarded():
            key = self._insert("incident_cancels",
                "INSERT INTO incident_cancels (incident_id, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                (incident_id, note, recorded_at, recorded_by),
            )
            self._chained("incident_cancels", key)

    def voids(self) -> list[Void]:
        with self._guarded():
            rows = self.conn.execute("SELECT id, event_id, note, recorded_at, recorded_by FROM voids ORDER BY id")
            return [Void(*_texts(r)) for r in rows.fetchall()]

    def add_void(self, void: Void) -> int:
        """Call inside `write()`. Returns the void's number."""
        with self._guarded():
            key = self._insert("voids",
                "INSERT INTO voids (event_id, note, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                (void.event_id, void.note, void.recorded_at, void.recorded_by),
            )
            return self._chained("voids", key)

    def add_incident(self, incident: Incident, recorded_by: str) -> int:
        """Call inside `write()`. Returns the incident's number."""
        with self._guarded():
            key = self._insert("incidents",
                "INSERT INTO incidents (unit, unit_name, title, occurred, deadline_at, recorded_at, recorded_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (incident.unit, incident.unit_name, incident.title, incident.occurred.isoformat(),
                 incident.deadline_at.isoformat(), incident.recorded_at, recorded_by),
            )
            return self._chained("incidents", key)

    # ------------------------------------------------------------------ the hash chain (store/chain.py)

    def _chained(self, table: str, key: int) -> int:
        """Link the row just written into the chain, in the same transaction; its key."""
        chain_append(self.conn, table, key)
        return key

    def chain_head(self) -> tuple[int, str]:
        """(links in the chain, the last one's hash): what an export prints to pin the ledger's state."""
        with self._guarded():
            count, = self.conn.execute("SELECT count(*) FROM chain").fetchone()
            last = self.conn.execute("SELECT hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
        return int(count), str(last[0]) if last else ""

