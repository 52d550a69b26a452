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
    cli("submit", "bhxh-kh", "monthly", "--period", "2026-01", "--received", "19/01/2026", "--channel", "eoffice",
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
    head = cli("verify").stdout.split(": ")[-1].strip()  # hashes the real clock's recorded_at: made stable
    assert fmt == "csv" or head in text
    check(f"export-2026.{fmt}", text.replace(head, "<chain head>"))
    if fmt == "json":
        assert json.loads(text)["schema"] == 2
    elif fmt == "toml":
        assert tomllib.loads(text)["schema"] == 2
    else:
        assert len(list(csv.DictReader(io.StringIO(text)))) == 11 * 13 + 4  # and the Commission's own 4


def test_due_json(cli, cfg) -> None:
    scenario(cli)
    check("due-2026-04-15.json", cli("due", "--as-of", "2026-04-15", "--format", "json").stdout)


def test_overdue_json_and_plain(cli, cfg) -> None:
    scenario(cli)
    check("overdue-2026-04-15.json", cli("overdue", "--as-of", "2026-04-15", "--format", "json").stdout)
    check("overdue-2026-04-15.txt", cli("overdue", "--as-of", "2026-04-15", "--unit", "syt").stdout)


def test_every_json_document_is_an_object_with_its_schema(cli, cfg) -> None:
    """Whole outputs of the other commands, on the same ledger; the real clock's fields made stable."""
    scenario(cli)
    cli("request", "add", "--id", "qc238-2026", "--title", "Báo cáo thực hiện Quy chế 238", "--deadline", "29/11/2026",
        "--doc-number", "125-CV/BTGDVTU", "--group", "hội")
    documents = {
        "stats": ["stats", "--as-of", "2026-04-15", "--format", "json"],
        "units": ["units", "--all", "--as-of", "2026-04-15", "--format", "json"],
        "schedule": ["schedule", "--year", "2026", "--format", "json"],
        "calendar": ["calendar", "--year", "2026", "--month", "11", "--format", "json"],
        "requests": ["request", "list", "--format", "json"],
        "history": ["history", "--format", "json"],
        "status-syt": ["status", "syt", "--year", "2026", "--as-of", "2026-04-15", "--format", "json"],
    }
    for name, args in documents.items():
        doc = json.loads(cli(*args).stdout)
        lists = sorted(k for k, v in doc.items() if isinstance(v, list))  # the records last, as they are made
        assert doc["schema"] == 2 and list(doc) == ["schema", *sorted(set(doc) - {"schema", *lists}), *lists], name
        for record in next(v for v in doc.values() if isinstance(v, list)):
            assert list(record) == sorted(record) and None not in record.values(), name
            record.update({k: "…" for k in ("recorded_at", "recorded_by") if k in record})
        check(f"{name}.json", json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
