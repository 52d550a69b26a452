"""Which units a ledger names: a unit removed from units.yaml while the ledger holds its records would make its
history unreachable (store.open_ledger refuses it). Asked on every command, so it must stay cheap."""

import sqlite3

#: the distinct units of a table, by skipping along its index on the unit: one look-up per unit, whatever the
#: number of rows (SQLite has no skip-scan without ANALYZE)
_SKIP = ("WITH RECURSIVE seen(unit) AS (SELECT (SELECT min(unit) FROM {t}) UNION ALL "
         "SELECT (SELECT min(unit) FROM {t} WHERE unit > seen.unit) FROM seen WHERE seen.unit IS NOT NULL) "
         "SELECT unit FROM seen WHERE unit IS NOT NULL")


def named_units(conn: sqlite3.Connection) -> set[str]:
    """Every unit code the ledger's records name: events and reminders by their unit index; requests and
    incidents are few."""
    found = {u for t in ("events", "reminders") for u, in conn.execute(_SKIP.format(t=t))}
    found |= {u for u, in conn.execute("SELECT DISTINCT unit FROM incidents")}
    for units, in conn.execute("SELECT DISTINCT units FROM requests WHERE kind = 'add'"):
        found |= set((units or "").split(",")) - {""}
    return {u for u in found if isinstance(u, str)}
