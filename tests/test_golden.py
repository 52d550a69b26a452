"""Whole JSON, CSV and TOML outputs against reviewed golden files (UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

import csv
import io
import json
import os
import tomllib
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def scenario(cli) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-01-15", "--doc-number", "01/BC-SYT",
        "--channel", "paper", "--as-of", "2026-04-15")
    cli("submit", "syt", "q1", "--received", "2026-03-25", "--channel", "email", "--as-of", "2026-04-15")
    cli("submit", "bhxh", "monthly", "--period", "2026-01", "--received", "19/01/2026", "--channel", "eoffice",
        "--doc-number", "36-BC/BHXH", "--as-of", "2026-04-15")


def check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "csv", "toml"])
def test_export(cli, cfg, fmt) -> None:
    scenario(cli)
    text = cli("export", "--format", fmt, "--year", "2026", "--as-of", "2026-04-15").stdout
    check(f"export-2026.{fmt}", text)
    if fmt == "json":
        assert json.loads(text)["schema"] == 1
    elif fmt == "toml":
        assert tomllib.loads(text)["schema"] == 1
    else:
        assert len(list(csv.DictReader(io.StringIO(text)))) == 11 * 13 + 4  # and the Commission's own 4


def test_due_json(cli, cfg) -> None:
    scenario(cli)
    check("due-2026-04-15.json", cli("due", "--as-of", "2026-04-15", "--format", "json").stdout)


def test_overdue_json_and_plain(cli, cfg) -> None:
    scenario(cli)
    check("overdue-2026-04-15.json", cli("overdue", "--as-of", "2026-04-15", "--format", "json").stdout)
    check("overdue-2026-04-15.txt", cli("overdue", "--as-of", "2026-04-15", "--unit", "syt").stdout)
