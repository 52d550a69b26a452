"""Open a new ledger at an agreed moment and record one event (races the creation of the file).

Usage: python open_at.py DB START_EPOCH UNIT
"""

import sys
import time
from datetime import date
from pathlib import Path

from khoagiao_cli.core.status import Event
from khoagiao_cli.store.sqlite import SQLiteLedger as Ledger

db, start, unit = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
time.sleep(max(0.0, start - time.time()))
ledger = Ledger.open(db, created_on=date(2026, 1, 10), timeout=30)
with ledger.write():
    ledger.append(Event(0, "submit", unit, "monthly", "2026-01", date(2026, 1, 10), recorded_at="t", recorded_by="t"))
ledger.close()
