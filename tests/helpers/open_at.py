"""Open a new ledger at an agreed moment and record one event (races the creation of the file, or of the
schema in an empty PostgreSQL database).

Usage: python open_at.py DB START_EPOCH UNIT   (DB: a file's path, or a postgresql:// URL)
"""

import sys
import time
from datetime import date
from pathlib import Path

from khoagiao_cli.core.status import Event

db, start, unit = sys.argv[1], float(sys.argv[2]), sys.argv[3]
if "://" in db:  # imported before the agreed moment, as SQLite's is
    from khoagiao_cli.store.postgres import PostgresLedger

    def opened():  # noqa: ANN201
        return PostgresLedger.open(db, created_on=date(2026, 1, 10), timeout=30)
else:
    from khoagiao_cli.store.sqlite import SQLiteLedger

    def opened():  # noqa: ANN201
        return SQLiteLedger.open(Path(db), created_on=date(2026, 1, 10), timeout=30)
time.sleep(max(0.0, start - time.time()))
ledger = opened()
with ledger.write():
    ledger.append(Event(0, "submit", unit, "monthly", "2026-01", date(2026, 1, 10), recorded_at="t", recorded_by="t"))
ledger.close()
