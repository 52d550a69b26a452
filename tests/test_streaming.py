"""Writers emit rows as they come (issue 11): a long export is never one string in memory."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from backends import BOTH, Backend
from hypothesis import given
from hypothesis import strategies as st

from khoagiao_cli.config.paths import write_atomic
from khoagiao_cli.outputs.records import FIELDS, csv_chunks, json_chunks, to_csv
from khoagiao_cli.outputs.text import neutral


def _records(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise RuntimeError("the ledger went away")
        yield {"unit": f"u{i:05d}", "period": "2026-01", "deadline": date(2026, 1, 20), "days_left": -3}


def test_csv_comes_out_header_first_then_block_by_block() -> None:
    """The header and the first block are out before the records after them are even made."""
    chunks = csv_chunks(_records(5000, fail_at=2500), block=1000)
    first = next(chunks)
    assert first.startswith(",".join(FIELDS) + "\n") and first.count("\n") == 1001
    assert next(chunks).count("\n") == 1000
    with pytest.raises(RuntimeError):
        next(chunks)


def test_a_write_that_fails_midway_leaves_the_old_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "nam-2026.csv"
    target.write_text("the export of yesterday\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_atomic(target, (c.encode("utf-8") for c in csv_chunks(_records(5000, fail_at=2500), block=1000)))
    assert target.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert [p.name for p in target.parent.iterdir()] == ["nam-2026.csv"]


text = st.text(st.characters(codec="utf-8"), max_size=8)


@given(st.lists(st.dictionaries(st.sampled_from(FIELDS), st.none() | st.integers() | text | st.dates()), max_size=5))
def test_the_streamed_csv_reads_back_as_the_records(records: list[dict]) -> None:
    """What csv.DictWriter wrote before: every field in its column, a missing or empty one an empty cell."""
    back = list(csv.DictReader(io.StringIO(to_csv(records), newline="")))
    assert len(back) == len(records)
    for got, rec in zip(back, records, strict=True):
        for field in FIELDS:
            value = rec.get(field)
            want = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
            if isinstance(value, str) and not value.isprintable():
                continue  # shown as pictures (tests/test_hostile_input.py)
            if isinstance(value, str):
                want = neutral(value)  # '=… : never a formula in a spreadsheet (tests/test_excel_safe.py)
            assert got[field] == want


def test_a_field_without_a_column_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="without a column"):
        to_csv([{"unit": "syt", "colour": "red"}])


@BOTH
def test_status_of_many_units_is_plain_text_not_a_table(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        backend: Backend) -> None:
    """A table only for what fits sensibly: 40 units' year (over 500 rows) comes as plain text, block by block,
    with a word on why; one unit's still comes as a table."""
    from conftest import write_config

    units = "units:\n" + "".join(f"  - code: u{i:02d}\n    name: Đơn vị số {i}\n    group: sở\n" for i in range(40))
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(write_config(tmp_path / "many", units=units)))
    r = cli("status", "--as-of", "2026-11-20", "--format", "table")
    assert "quá 500 dòng cho một bảng" in r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Tình hình báo cáo năm 2026 — tính đến 20/11/2026"
    assert lines[1].split()[:2] == ["Mã", "Đơn"] and not any(c in r.stdout for c in "┃│─")
    rows = json.loads(cli("status", "--as-of", "2026-11-20", "--format", "json").stdout)["instances"]
    assert len(rows) > 500 and len(lines) == 1 + 1 + len(rows) + 1 and lines[-1].startswith("0 đúng hạn")
    one = cli("status", "u07", "--as-of", "2026-11-20", "--format", "table")
    assert one.stderr == backend.none_yet and ("│" in one.stdout or "┃" in one.stdout)


def test_json_comes_out_schema_first_then_block_by_block() -> None:
    """What the records are about comes before them; the first records are out before the later ones are made."""
    chunks = json_chunks({"instances": _records(5000, fail_at=2500), "schema": 2, "as_of": date(2026, 4, 15)},
                         block=1000)
    first = next(chunks)
    assert first.startswith('{\n  "schema": 2,\n  "as_of": "2026-04-15",\n  "instances": [\n    {\n')
    assert first.count('"unit"') == 1000
    assert next(chunks).count('"unit"') == 1000
    with pytest.raises(RuntimeError):
        next(chunks)


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                       max_leaves=8)


@given(st.dictionaries(st.text(), JSONISH | st.lists(JSONISH, max_size=7), max_size=5), st.integers(1, 4))
def test_streamed_json_is_the_document_as_json_writes_it(doc: dict, block: int) -> None:
    """The same document, value for value, whatever the block; each top-level value laid out as json.dumps lays
    it out (only the top-level order differs: `schema`, the fields, then the lists)."""
    text = "".join(json_chunks(doc, block=block))
    assert json.loads(text) == doc
    assert text == "".join(json_chunks(doc))  # the blocks change nothing
    for key, value in doc.items():
        written = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")
        assert f"\n  {json.dumps(key, ensure_ascii=False)}: {written}" in text


def test_a_block_with_nothing_to_picture_is_told_by_one_search_that_misses_nothing() -> None:
    """`visible` skips translating a block when one regex search finds no character its table changes: that class
    must be exactly the table's keys, over every code point, for lines kept and not."""
    from khoagiao_cli.outputs.text import _pictures, _shown, visible

    for lines in (True, False):
        table, found = _pictures(lines), _shown(lines)
        assert [c for c in range(0x110000) if (found.search(chr(c)) is not None) != (c in table)] == []
    block = "Sở Y tế\tnộp 12/03/2026\n" * 600
    assert visible(block) is block
    assert visible(block + "\x1b[2J") == block + "␛[2J"
    assert visible(block, lines=False) == block.replace("\t", "␉").replace("\n", "␊")
