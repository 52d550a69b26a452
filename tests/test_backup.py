"""`khoagiao backup` and `khoagiao db status`. Real SQLite files and the PostgreSQL server the tests start."""

from __future__ import annotations

import json
from pathlib import Path


def _submit(cli, db: str, unit: str = "skhcn", *more: str) -> None:  # noqa: ANN001
    cli("submit", unit, "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20",
        "--db", db, *more)


def test_db_status_json_carries_the_schema(cli, cfg: Path, tmp_path: Path) -> None:  # noqa: ANN001
    ledger = str(tmp_path / "so.sqlite3")
    none = cli("db", "status", "--format", "json", "--db", ledger).stdout
    assert none.startswith('{\n  "schema": 2,') and json.loads(none)["exists"] is False
    _submit(cli, ledger)
    there = cli("db", "status", "--format", "json", "--db", ledger).stdout
    assert there.startswith('{\n  "schema": 2,') and json.loads(there)["counts"]["events"] == 1
