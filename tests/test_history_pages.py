"""`history` pages (issue 11): newest first, `--limit N` (a screenful on a terminal by default, everything when
piped or exported), `--since DATE`; the database picks the page, and plain text when piped, never a Rich table of
a whole ledger."""

from __future__ import annotations

import json
import tracemalloc
from datetime import date, timedelta

from backends import BOTH, Backend

from khoagiao_cli.core.status import Event

pytestmark = BOTH


def _ledger(backend: Backend, n: int) -> list[tuple[str, str]]:
    """`n` events of the units' monthly reports of 2026, one recorded each day from 01/01/2026 (written through
    the store, so that the day each was recorded is ours to choose). Returns (unit, period) in recorded order."""
    units = ("syt", "sgddt", "skhcn", "lhh", "hkh")
    ledger = backend.open_ledger(created_on=date(2026, 1, 1))
    made = []
    with ledger.write():
        for i in range(n):
            day = date(2026, 1, 1) + timedelta(days=i)
            unit, period = units[i % len(units)], f"{2020 + i // 60:04d}-{1 + (i // 5) % 12:02d}"
            ledger.append(Event(0, "submit", unit, "monthly", period, day, recorded_at=f"{day}T09:00:00+07:00",
                                recorded_by="vanthu"))
            made.append((unit, period))
    ledger.close()
    return made


def _ids(text: str) -> list[int]:
    return [int(line.split()[0][1:]) for line in text.splitlines() if line.startswith("#")]


def test_history_is_newest_first_in_plain_text_when_piped(cli, cfg, backend) -> None:
    _ledger(backend, 12)
    out = cli("history").stdout  # CliRunner's output is no terminal: plain text, every event
    assert out.splitlines()[0].startswith("Sự kiện")
    assert _ids(out) == list(range(12, 0, -1))
    assert "Hiện" not in out  # nothing left out
    table = cli("history", "--format", "table").stdout
    assert "Sổ theo dõi: 12 sự kiện" in table and table.index("#12 nhận") < table.index("#1 nhận")


def test_limit_shows_the_newest_and_says_how_many_there_are(cli, cfg, backend) -> None:
    _ledger(backend, 30)
    out = cli("history", "--limit", "5").stdout
    assert _ids(out) == [30, 29, 28, 27, 26]
    assert "Hiện 5 sự kiện mới nhất trong 30; xem thêm: --limit N hoặc --since NGÀY." in out
    doc = json.loads(cli("history", "--limit", "3", "--format", "json").stdout)
    assert [e["id"] for e in doc["events"]] == [28, 29, 30]  # JSON keeps the order recorded (a contract)
    out = cli("history", "hkh", "--limit", "2").stdout  # with a filter: the newest of that unit
    assert _ids(out) == [30, 25] and "Hiện 2 sự kiện mới nhất trong 6" in out
    en = cli("history", "--limit", "1", "--lang", "en").stdout
    assert "Showing the 1 newest of 30 events" in en


def test_since_keeps_what_was_recorded_on_that_day_or_later(cli, cfg, backend) -> None:
    _ledger(backend, 40)
    out = cli("history", "--since", "05/02/2026").stdout  # event #36 was recorded on 05/02/2026
    assert _ids(out) == [40, 39, 38, 37, 36]
    assert _ids(cli("history", "--since", "2026-02-05", "--limit", "2").stdout) == [40, 39]
    assert "Không có sự kiện nào khớp" in cli("history", "--since", "2027-01-01").stdout
    r = cli("history", "--since", "31/02/2026", code=2)
    assert "--since" in r.stderr and "Traceback" not in r.stderr


def test_a_limit_of_nothing_is_refused_in_words(cli, cfg) -> None:
    r = cli("history", "--limit", "0", code=2)
    assert "từ 1 trở lên" in r.stderr and "x>=" not in r.stderr


def test_a_page_of_a_long_ledger_is_the_newest_page(cli, cfg, backend) -> None:
    made = _ledger(backend, 3000)
    doc = json.loads(cli("history", "--limit", "50", "--format", "json").stdout)
    assert [e["id"] for e in doc["events"]] == list(range(2951, 3001))
    assert [(e["unit"], e["period"]) for e in doc["events"]] == made[-50:]


def test_a_whole_ledger_is_written_as_it_is_read(cli, cfg, backend) -> None:
    """`history` piped over a ledger of years holds a block of rows at a time, never the whole ledger: the memory
    it takes, the text it printed included (the test runner keeps it), stays within a few times that text's size
    (tracemalloc's count of bytes, not a timing)."""
    _ledger(backend, 20_000)
    cli("history", "--limit", "1")  # the modules it imports are not what is measured
    tracemalloc.start()
    try:
        out = cli("history").stdout_bytes
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert _ids(out.decode())[:3] == [20_000, 19_999, 19_998] and len(_ids(out.decode())) == 20_000
    assert peak < 5 * len(out), (peak, len(out))  # 2.9x here; holding the whole ledger first took 9.6x
