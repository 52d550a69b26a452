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
if "://" in db:
    from khoagiao_cli.store.postgres import PostgresLedger as Ledger

    where: object = db
else:
    from khoagiao_cli.store.sqlite import SQLiteLedger as Ledger  # type: ignore[assignment]

    where = Path(db)
time.sleep(max(0.0, start - time.time()))
ledger = Ledger.open(where, created_on=date(2026, 1, 10), timeout=30)  # type: ignore[arg-type]
with ledger.write():
    ledger.append(Event(0, "submit", unit, "monthly", "2026-01", date(2026, 1, 10), recorded_at="t", recorded_by="t"))
ledger.close()
