"""Ledgers the tests fill: an office's month of every kind of record, and a big one written through the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def office_month(cli) -> None:  # noqa: ANN001
    """A month of one office: submissions, a correction, a withdrawal, a void, a request, an incident."""
    cli("request", "add", "--id", "nhanh", "--title", "Báo cáo nhanh", "--deadline", "2026-04-30", "--units",
        "skhcn, syt", "--as-of", "2026-04-20")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    cli("submit", "syt", "monthly", "--period", "2026-04", "--received", "2026-04-23", "--as-of", "2026-04-23")
    cli("submit", "syt", "monthly", "--period", "2026-04", "--received", "2026-04-24", "--as-of", "2026-04-24",
        "--correct", "--yes")
    cli("withdraw", "skhcn", "monthly", "--period", "2026-04")
    cli("void", "2", "--note", "ghi nhầm")
    cli("incident", "add", "sgddt", "--title", "Sự cố", "--occurred", "2026-04-21 08:00", "--as-of", "2026-04-21")


def big_ledger(path: Path, events: int) -> None:
    """A ledger of `events` events written through khoagiao's own store (so that its chain is whole)."""
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.sqlite import SQLiteLedger

    ledger = SQLiteLedger.open(path, created_on=date(2016, 1, 1))
    units = [f"u{n:04d}" for n in range(1000)]
    with ledger.write():
        for n in range(events):
            year, month = 2016 + n // 12_000, n // 1000 % 12 + 1
            ledger.append(Event(0, "submit", units[n % 1000], "monthly", f"{year}-{month:02d}",
                                date(year, month, 1 + n % 28), f"{n}/BC", "paper", None, None,
                                "ghi chú có dấu" if n % 7 == 0 else None, f"Đơn vị {n % 1000}",
                                f"{year}-{month:02d}-{1 + n % 28:02d}T08:00:00+07:00", "van-thu"))
    ledger.close()
