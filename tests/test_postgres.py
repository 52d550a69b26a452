"""The PostgreSQL ledger (issue 12): a real server started by the tests on loopback (tests/pg_server.py)."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import psycopg
import pytest
from backends import Backend
from ledgers import big_ledger, office_month


def _settled(text: str) -> str:
    """Output with what the real clock wrote (when each record was made: its moment, so its hash) blanked, and who
    wrote it (the login name on SQLite, the database role on PostgreSQL)."""
    text = re.sub(r'"recorded_at": "[^"]*"', '"recorded_at": "…"', text)
    text = re.sub(r'"recorded_by": "[^"]*"', '"recorded_by": "…"', text)
    text = re.sub(r"\b(bởi|by) [\w.-]+", r"\1 …", text)
    text = re.sub(r"\b\d\d/\d\d/\d{4} \d\d:\d\d\b", "…", text)
    return re.sub(r"\b[0-9a-f]{64}\b", "HASH", text)


def test_a_postgresql_url_is_a_database_never_a_folder(cli, cfg: Path, pg_url: str, monkeypatch) -> None:  # noqa: ANN001
    """Found in a trial: KHOAGIAO_DB=postgresql://… made a folder named `postgresql:` in the current directory and
    recorded into a new SQLite file in it. Now the event is in the database, and no folder is made."""
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    assert not any(Path.cwd().iterdir()), list(Path.cwd().iterdir())
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT unit, report, period, received FROM events").fetchall()
    assert rows == [("skhcn", "monthly", "2026-04", "2026-04-17")]


def test_a_received_file_is_kept_in_the_user_data_dir_never_in_the_current_folder(cli, cfg: Path, pg_url: str,
                                                                                  isolated: Path, tmp_path: Path,
                                                                                  monkeypatch) -> None:  # noqa: ANN001
    """The same folder `postgresql:` as above, made by `submit --file`: the copy of the received file went into
    ./postgresql:/<user>@<host>:<port>/khoagiao-files, a folder of whichever directory the clerk stood in."""
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    report = tmp_path / "bc.pdf"
    report.write_bytes(b"%PDF report")
    cli("submit", "skhcn", "q1", "--period", "2026-Q1", "--file", str(report), "--as-of", "2026-03-18")
    assert not any(Path.cwd().iterdir()), list(Path.cwd().rglob("*"))
    port, database = pg_url.rsplit(":", 1)[1].split("/")
    kept = isolated / "data" / "postgresql" / f"127.0.0.1-{port}-{database}" / "khoagiao-files"
    assert [p.name for p in kept.iterdir()] == [hashlib.sha256(b"%PDF report").hexdigest() + ".pdf"]
    assert cli("verify").exit_code == 0


@pytest.mark.parametrize("given", ["mysql://127.0.0.1/kg", "sqlite:///tmp/x.db", "postgresql://127.0.0.1:port/kg"])
def test_a_url_that_is_not_postgresql_is_refused(cli, cfg: Path, monkeypatch, given: str) -> None:  # noqa: ANN001
    monkeypatch.setenv("KHOAGIAO_DB", given)
    result = cli("submit", "skhcn", "monthly", "--period", "2026-04", "--as-of", "2026-04-20", code=2)
    assert "postgresql://" in result.stderr
    assert not any(Path.cwd().iterdir())


def test_the_same_commands_give_the_same_answers_on_both_backends(cli, cfg: Path, tmp_path: Path, pg_url: str,
                                                                   monkeypatch) -> None:  # noqa: ANN001
    """One office's month recorded the same way into a SQLite file and a PostgreSQL database: due, overdue,
    status, stats and history say the same, word for word (the records' numbers and hashes too)."""
    outputs = {}
    for where in (str(tmp_path / "ledger.sqlite3"), pg_url):
        monkeypatch.setenv("KHOAGIAO_DB", where)
        office_month(cli)
        got = []
        for args in (("due", "--format", "json", "--as-of", "2026-05-02"), ("overdue", "--as-of", "2026-05-02"),
                     ("status", "--format", "json", "--as-of", "2026-05-02"),
                     ("stats", "--format", "json", "--as-of", "2026-05-02"), ("history", "--format", "json"),
                     ("explain", "syt", "monthly", "2026-04", "--as-of", "2026-05-02")):
            got.append(cli(*args).stdout)
        verdict = cli("verify")
        got.append(verdict.stdout.replace(where, "LEDGER"))
        outputs[where] = [text.replace(where, "LEDGER") for text in got]
    sqlite_out, pg_out = outputs.values()
    for a, b in zip(sqlite_out, pg_out, strict=True):
        assert _settled(a) == _settled(b)
    assert json.loads(pg_out[4])["events"]


def test_the_database_refuses_to_change_a_record(pg_url: str, cli, cfg: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for sql in ("UPDATE events SET unit = 'x'", "DELETE FROM events", "TRUNCATE events CASCADE",
                    "UPDATE chain SET hash = 'x'", "DELETE FROM meta"):
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute(sql)


def test_a_week_of_the_office_on_either_backend(cli, cfg: Path, backend: Backend) -> None:  # noqa: ANN001
    """The daily commands on the ledger `backend` names (conftest: a SQLite file, then an empty PostgreSQL
    database): a request, an incident, submissions, a void, and what due and verify say of them."""
    cli("request", "add", "--id", "nhanh", "--title", "Báo cáo nhanh", "--deadline", "2026-04-30", "--units",
        "skhcn, syt", "--as-of", "2026-04-20")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    cli("submit", "skhcn", "nhanh", "--received", "2026-04-21", "--as-of", "2026-04-21")
    cli("submit", "syt", "monthly", "--period", "2026-04", "--received", "2026-04-21", "--as-of", "2026-04-21")
    cli("void", "3", "--note", "ghi nhầm đơn vị")
    due = json.loads(cli("due", "--format", "json", "--as-of", "2026-04-22").stdout)
    owed = {(r["unit"], r["report"], r["period"]) for r in due["instances"]}
    assert {key[:2] for key in owed} >= {("syt", "nhanh")} and ("skhcn", "nhanh") not in {k[:2] for k in owed}
    assert ("syt", "monthly", "2026-04") in owed  # event 3, syt's, was voided
    assert ("skhcn", "monthly", "2026-04") not in owed
    assert "5 bản ghi" in cli("verify").stdout  # a request, three submissions and a void


def test_the_recorder_is_the_database_role_not_a_name_the_client_claims(cli, cfg: Path, pg_url: str, pg_server,
                                                                        monkeypatch) -> None:  # noqa: ANN001
    """On a shared server the name a PC's environment gives (LOGNAME, USER) is anyone's to claim; the database
    role that wrote the record is not."""
    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "truong-ban")
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    cli("void", "1", "--note", "ghi nhầm")
    history = json.loads(cli("history", "--format", "json").stdout)
    assert {e["recorded_by"] for e in history["events"]} == {pg_server.user}
    assert {v["recorded_by"] for v in history["voids"]} == {pg_server.user}
    assert cli("verify").exit_code == 0


def _opened(pg_url: str):  # noqa: ANN202
    """A ledger at `pg_url` holding one record (of unit c), and a reader of it that asks every question in halves."""
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.postgres import PostgresLedger

    writer = PostgresLedger.open(pg_url, created_on=date(2026, 1, 1))
    with writer.write():
        writer.append(Event(0, "submit", "c", "monthly", "2026-01", date(2026, 1, 12),
                            recorded_at="2026-01-12T08:00:00+07:00", recorded_by="x"))
    return writer


OWING = {"a": 0, "c": 0, "b": 0}  # two halves: a and c here, b by the second session
SLOTS = [(0, "monthly", "2026-01")]
BY = datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))


def test_the_halves_of_a_big_question_see_one_snapshot(pg_url: str) -> None:
    """A big open-instance question is asked by two sessions at once, each of half the units. Something recorded
    between the moment the first session asks and the moment the second does must not be seen by one half only:
    the second takes up the first one's snapshot."""
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.postgres import PostgresLedger

    writer = _opened(pg_url)
    reader = PostgresLedger.open_read(pg_url)
    assert reader is not None
    reader.by_unit_from = reader.halves_from = 0
    asked = reader._half_elsewhere
    late = Event(0, "submit", "b", "monthly", "2026-01", date(2026, 1, 20), recorded_at="2026-01-20T08:00:00+07:00",
                 recorded_by="x")

    def meanwhile(*args):  # noqa: ANN002, ANN202
        """b's report is recorded after the question began, before the second session asks its half."""
        with writer.write():
            writer.append(late)
        return asked(*args)

    reader._half_elsewhere = meanwhile
    try:
        assert sorted(reader.open_instances(OWING, SLOTS, BY)) == [("a", "monthly", "2026-01"), ("b", "monthly", "2026-01")]
        reader._half_elsewhere = asked
        assert reader.open_instances(OWING, SLOTS, BY) == [("a", "monthly", "2026-01")]  # seen once it is asked again
        assert reader.raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    finally:
        reader.close()
        writer.close()


def test_where_no_second_session_can_be_had_one_asks_the_whole(pg_url: str, pg_server) -> None:  # noqa: ANN001
    """A role allowed one connection (or a server with every connection taken) cannot open the second session:
    the first asks both halves, and the answer is whole."""
    from khoagiao_cli.store.postgres import PostgresLedger

    _opened(pg_url).close()
    role = f"kg_one_{pg_url.rsplit('/', 1)[1]}"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 1")
        admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
    try:
        reader = PostgresLedger.open_read(pg_server.url(pg_url.rsplit("/", 1)[1], user=role))
        assert reader is not None
        reader.by_unit_from = reader.halves_from = 0
        try:
            assert reader._half_elsewhere("x", "SELECT 1", ()) is None  # the limit holds: no second session
            assert sorted(reader.open_instances(OWING, SLOTS, BY)) == [("a", "monthly", "2026-01"), ("b", "monthly", "2026-01")]
        finally:
            reader.close()
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")


def test_a_long_history_comes_from_the_server_a_block_at_a_time(cli, cfg: Path, pg_url: str, tmp_path: Path) -> None:  # noqa: ANN001
    """psycopg's usual cursor brings a whole answer into memory before the first row: `history` of a big ledger on
    PostgreSQL would hold it all. The events come through a cursor on the server, in a snapshot of their own, a
    block at a time, and the snapshot ends with the reading; inside a write, in the write's own transaction."""
    from khoagiao_cli.core.status import Event
    from khoagiao_cli.store.postgres import PostgresLedger

    big_ledger(tmp_path / "big.sqlite3", 5000)
    cli("db", "copy", str(tmp_path / "big.sqlite3"), pg_url)
    ledger = PostgresLedger.open_read(pg_url)
    assert ledger is not None
    events = ledger.each_event()
    first = next(events)
    assert first.id == 5000
    assert ledger.conn.execute("SELECT count(*) FROM pg_cursors").fetchone()[0] == 1  # the rest is on the server
    assert sum(1 for _ in events) == 4999
    assert ledger.raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE  # the snapshot ended
    with ledger.write():
        assert len(ledger.events("u0001")) == 5
        ledger.append(Event(0, "submit", "u0001", "monthly", "2026-01", None, None, None, None, None, None, None,
                            "2026-02-01T08:00:00+07:00", "x"))
    assert ledger.count_events() == 5001
    ledger.close()


def test_a_reading_command_cannot_write_on_postgresql_either(pg_url: str, cli, cfg: Path, monkeypatch) -> None:  # noqa: ANN001
    """A SQLite reader opens the file read-only; a PostgreSQL reader's session refuses writes too."""
    from khoagiao_cli.store import open_reader

    monkeypatch.setenv("KHOAGIAO_DB", pg_url)
    cli("submit", "skhcn", "monthly", "--period", "2026-04", "--received", "2026-04-17", "--as-of", "2026-04-20")
    reader = open_reader(Path("unused"), url=pg_url, today=date(2026, 4, 20), timeout=5)
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        reader.conn.execute("INSERT INTO meta VALUES ('x', 'y')")  # type: ignore[attr-defined]
    assert reader.count_events() == 1
    reader.close()  # type: ignore[attr-defined]
