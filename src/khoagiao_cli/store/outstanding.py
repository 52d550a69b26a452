"""Which owed instances are still open, answered by the database in one anti-join.

The use case hands over each unit's class (units that owe the same periods share one) and each class's slots in
the window asked about: a few rows per rule and period, computed once from the configuration. The database joins
them and keeps the pairs with no submission in force that had arrived by the moment asked about (the `in_force`
view's rule and core.status.arrived, written out so that each pair is one look-up along the index
`events_in_force`, which holds every column the question reads).
The cost grows with what is owed in the window, never with the rest of the ledger; the SQL is plain enough for
PostgreSQL to run as it is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

Key = tuple[str, str, str]

#: the two small tables, in the connection's temporary schema (PostgreSQL sends them as arrays: store/postgres.py)
TEMP_TABLES = (
    "CREATE TEMP TABLE IF NOT EXISTS kg_owing (code TEXT PRIMARY KEY, cls INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS kg_slots (cls INTEGER NOT NULL, report TEXT NOT NULL, period TEXT NOT NULL,"
    " PRIMARY KEY (cls, report, period)) WITHOUT ROWID",
)

OPEN_SQL = """
SELECT o.code, s.report, s.period
FROM kg_owing AS o JOIN kg_slots AS s ON s.cls = o.cls
WHERE coalesce((
    SELECT CASE WHEN e.kind <> 'withdraw' AND e.received <= ? AND (e.received_at IS NULL OR e.received_at <= ?)
                THEN 1 ELSE 0 END
    FROM events AS e
    WHERE e.unit = o.code AND e.report = s.report AND e.period = s.period
      AND e.id NOT IN (SELECT v.event_id FROM voids AS v)
    ORDER BY e.id DESC LIMIT 1), 0) = 0
"""

#: the same question for PostgreSQL, set against set: each key's last event that stands, read in one pass along
#: the index (DISTINCT ON, newest first), then joined with every owed pair. A server pays for each look-up of the
#: query above about four times what SQLite does; this form is the faster while units owe few pairs each
#: (5,000 units x 1 year, 12 each: 52 ms, against 157 ms unit by unit)
OPEN_SQL_SETS = """,
latest AS (
    SELECT DISTINCT ON (e.unit, e.report, e.period) e.unit, e.report, e.period,
           CASE WHEN e.kind <> 'withdraw' AND e.received <= ? AND (e.received_at IS NULL OR e.received_at <= ?)
                THEN 1 ELSE 0 END AS arrived
    FROM events AS e
    WHERE e.id NOT IN (SELECT v.event_id FROM voids AS v)
    ORDER BY e.unit DESC, e.report DESC, e.period DESC, e.id DESC)
SELECT o.code, s.report, s.period
FROM kg_owing AS o JOIN kg_slots AS s ON s.cls = o.cls
LEFT JOIN latest AS l ON l.unit = o.code AND l.report = s.report AND l.period = s.period
WHERE coalesce(l.arrived, 0) = 0
"""

#: and unit by unit: each owing unit's stretch of the index read once, joined with that unit's class slots. When
#: units owe many pairs each (years of history), the form above sorts or hashes every pair of the whole office at
#: once (5,000 units x 10 years: 645,000 pairs, 0.52-0.72 s); this one never holds more than a unit's (0.38 s)
OPEN_SQL_BY_UNIT = """
SELECT o.code, x.report, x.period
FROM kg_owing AS o CROSS JOIN LATERAL (
    SELECT s.report, s.period
    FROM kg_slots AS s
    LEFT JOIN (
        SELECT DISTINCT ON (e.report, e.period) e.report, e.period,
               CASE WHEN e.kind <> 'withdraw' AND e.received <= ? AND (e.received_at IS NULL OR e.received_at <= ?)
                    THEN 1 ELSE 0 END AS arrived
        FROM events AS e
        WHERE e.unit = o.code AND e.id NOT IN (SELECT v.event_id FROM voids AS v)
        ORDER BY e.report DESC, e.period DESC, e.id DESC) AS l ON l.report = s.report AND l.period = s.period
    WHERE s.cls = o.cls AND coalesce(l.arrived, 0) = 0) AS x
"""


def open_keys(conn: Any, owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]], by: datetime,
              ) -> list[Key]:
    """The (unit, report, period) of each unit's class slots with no submission in force that had arrived by
    `by`. The two small tables live in the connection's temporary schema (a reader's too: it writes nothing to
    the ledger); `conn` is a SQLite connection, or any DB-API one taking `?` parameters."""
    for statement in TEMP_TABLES:
        conn.execute(statement)
    conn.execute("DELETE FROM temp.kg_owing")
    conn.execute("DELETE FROM temp.kg_slots")
    conn.executemany("INSERT INTO temp.kg_owing VALUES (?, ?)", list(owing.items()))
    conn.executemany("INSERT INTO temp.kg_slots VALUES (?, ?, ?)", slots)
    return [(u, r, p) for u, r, p in conn.execute(OPEN_SQL, [by.date().isoformat(), by.isoformat()])]


def open_keys_of_nothing(owing: Mapping[str, int], slots: Sequence[tuple[int, str, str]]) -> list[Key]:
    """What `open_keys` answers when nothing is recorded: every pair."""
    by_class: dict[int, list[tuple[str, str]]] = {}
    for cls, report, period in slots:
        by_class.setdefault(cls, []).append((report, period))
    return [(code, r, p) for code, cls in owing.items() for r, p in by_class.get(cls, ())]
