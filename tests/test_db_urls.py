"""Which ledger the commands that need no configuration (db, verify, backup) use, and what a ledger's URL may hold:
a configuration that cannot be read never sends them to another ledger, a password is never taken from a URL nor
shown, and a URL or a place that cannot be used says why. Real SQLite files and the tests' PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_config

from khoagiao_cli.dburl import shown

#: the commands that need no configuration, as a new user runs them
LEDGER_COMMANDS = [("db", "init"), ("db", "status"), ("verify",), ("backup",)]


def _password_in_db(cfg: Path) -> int:
    """schedule.yaml names the ledger with a password in it (refused there); the line it is on."""
    schedule = cfg / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text + "db: postgresql://minh:secret@127.0.0.1/kg\n", encoding="utf-8")
    return len(text.splitlines()) + 1


def _no_rules(cfg: Path) -> int:
    """schedule.yaml without its rules: the line the error names is its first."""
    write_config(cfg, schedule="tracking_start: 2026-01-01\n")
    return 1


@pytest.mark.parametrize("command", LEDGER_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("broken", [_password_in_db, _no_rules])
def test_a_configuration_that_cannot_be_read_is_said_not_passed_over(cli, cfg: Path, isolated: Path, command,
                                                                     broken) -> None:  # noqa: ANN001
    """The trial: `db init` made a stray ledger in the user data folder, `db status` said there was none, `verify`
    found 0 records sound and `backup` copied that empty ledger, each with exit 0, while `due` named the line."""
    broken(cfg)
    said = cli("due", "--as-of", "2026-04-20", code=2).stderr
    assert "schedule.yaml:" in said
    refused = cli(*command, code=2)
    assert refused.stderr == said and refused.stdout == "" and "secret" not in refused.output
    assert not isolated.exists() or not any(p.is_file() for p in isolated.rglob("*"))  # nothing made


def test_a_sqlite_ledger_named_outright_needs_no_configuration(cli, cfg: Path, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Why the configuration was passed over: a broken one must not keep anyone from a ledger they name."""
    _password_in_db(cfg)
    ledger = tmp_path / "so.sqlite3"
    assert cli("db", "init", "--db", str(ledger)).exit_code == 0 and ledger.is_file()
    monkeypatch.setenv("KHOAGIAO_DB", str(ledger))
    assert str(ledger) in cli("db", "status").stdout
    assert "0 bản ghi" in cli("verify").stdout
    cli("backup", "-o", str(tmp_path / "b.sqlite3"))
    cli("db", "copy", str(ledger), str(tmp_path / "c.sqlite3"))


def test_a_server_ledger_named_outright_still_needs_the_files_folder(cli, cfg: Path, tmp_path: Path, pg_url: str,
                                                                     monkeypatch) -> None:  # noqa: ANN001
    """A ledger on a server keeps its received files where schedule.yaml's `files:` says: without the configuration
    verify would look elsewhere and call them lost. Unless KHOAGIAO_FILES names the folder, the configuration is
    needed, and an error in it is said."""
    cli("db", "init", "--db", pg_url)
    line = _no_rules(cfg)
    for command in LEDGER_COMMANDS:
        assert f"schedule.yaml:{line}" in cli(*command, "--db", pg_url, code=2).stderr
    sqlite = tmp_path / "a.sqlite3"
    cli("db", "init", "--db", str(sqlite))
    cli("db", "copy", str(sqlite), pg_url, code=2)
    monkeypatch.setenv("KHOAGIAO_FILES", str(tmp_path / "files"))
    assert "0 bản ghi" in cli("verify", "--db", pg_url).stdout
    assert pg_url in cli("db", "status", "--db", pg_url).stdout


@pytest.mark.parametrize("url", [
    "postgresql://minh@127.0.0.1/kg?password=minhpw",
    "postgresql://minh@127.0.0.1/kg?sslmode=disable&password=",
    "postgresql://minh@127.0.0.1/kg?pass%77ord=minhpw",  # libpq decodes the key
    "postgres://minh@127.0.0.1/kg?sslpassword=minhpw",  # the passphrase of a client key
    "postgresql://minh@127.0.0.1/kg#?password=minhpw",  # libpq: database `kg#`, then the query
    "postgresql://:minhpw@127.0.0.1/kg",
])
def test_a_password_in_the_db_key_is_refused_with_its_line(cli, cfg: Path, url: str) -> None:  # noqa: ANN001
    schedule = cfg / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text + f"db: '{url}'\n", encoding="utf-8")
    refused = cli("due", "--as-of", "2026-04-20", code=2)
    assert f"schedule.yaml:{len(text.splitlines()) + 1}: db:" in refused.stderr, refused.stderr
    assert "không ghi mật khẩu" in refused.stderr and "minhpw" not in refused.output


@pytest.mark.parametrize("secret", ["minh:minhpw@", "minh@"])
@pytest.mark.parametrize("command", [("db", "status"), ("verify",), ("backup",), ("config",), ("due",)], ids=" ".join)
def test_a_password_in_a_named_url_is_refused_and_never_shown(cli, cfg: Path, pg_server, secret: str, command,
                                                                monkeypatch) -> None:  # noqa: ANN001
    """The trial logged in with `?password=` and printed it in db status, backup (and its pg_dump example), config
    and connection errors; `user:pass@` from --db was taken silently. The README: the password never goes in the
    URL. It goes in PGPASSWORD or ~/.pgpass, which the message names."""
    url = f"postgresql://{secret}127.0.0.1:{pg_server.port}/postgres" + "?password=minhpw" * (secret == "minh@")
    for named in ({"args": ("--db", url)}, {"env": url}):
        if "env" in named:
            monkeypatch.setenv("KHOAGIAO_DB", url)
        refused = cli(*command, *named.get("args", ()), code=2)
        assert "PGPASSWORD" in refused.stderr and "minhpw" not in refused.output, refused.output
    assert "minhpw" not in cli("db", "copy", url, "x.sqlite3", code=2).output
    assert not Path("x.sqlite3").exists()


def test_shown_leaves_out_every_password() -> None:
    assert shown("postgresql://minh@h:5432/kg?password=pw&sslmode=require") == "postgresql://minh@h:5432/kg?sslmode=require"
    assert shown("postgres://minh@h/kg?sslpassword=pw") == "postgres://minh@h/kg"
    assert shown("postgresql://minh@h/kg?pass%77ord=pw&application_name=x") == "postgresql://minh@h/kg?application_name=x"
    assert shown("postgresql://minh:pw@h:5432/kg") == "postgresql://minh@h:5432/kg"
    assert shown("postgresql://minh:pw@h:99999/kg") == "postgresql://minh@h:99999/kg"
    assert shown("postgresql://minh@h/kg?sslmode=require") == "postgresql://minh@h/kg?sslmode=require"


@pytest.mark.parametrize("port", ["99999", "0", "65536"])
def test_a_port_out_of_range_says_the_range(cli, cfg: Path, port: str) -> None:  # noqa: ANN001
    url = f"postgresql://minh@127.0.0.1:{port}/kg"
    refused = cli("db", "status", "--db", url, code=2)
    assert "1–65535" in refused.stderr and "một số" not in refused.stderr, refused.stderr
    assert "1–65535" in cli("db", "status", "--db", url, "--lang", "en", code=2).stderr
    schedule = cfg / "schedule.yaml"
    text = schedule.read_text(encoding="utf-8")
    schedule.write_text(text + f"db: {url}\n", encoding="utf-8")
    refused = cli("due", code=2)
    assert f"schedule.yaml:{len(text.splitlines()) + 1}: db:" in refused.stderr and "1–65535" in refused.stderr


def test_a_port_that_is_no_number_still_says_so(cli, cfg: Path) -> None:  # noqa: ANN001
    assert "cổng phải là một số" in cli("db", "status", "--db", "postgresql://h:abc/kg", code=2).stderr


def test_a_copy_into_a_folder_says_it_is_a_folder(cli, cfg: Path, tmp_path: Path) -> None:  # noqa: ANN001
    source = tmp_path / "a.sqlite3"
    cli("db", "init", "--db", str(source))
    folder = tmp_path / "somefolder"
    folder.mkdir()
    refused = cli("db", "copy", str(source), str(folder), code=2)
    assert "là một thư mục" in refused.stderr and "đã có dữ liệu" not in refused.stderr, refused.stderr
    assert not any(folder.iterdir())
    refused = cli("db", "copy", str(folder), str(tmp_path / "b.sqlite3"), code=2)  # it said "cannot open", exit 1
    assert "là một thư mục" in refused.stderr and not (tmp_path / "b.sqlite3").exists()


def test_a_connection_refused_by_the_server_hints_at_more_than_the_server(cli, cfg: Path, pg_server) -> None:  # noqa: ANN001
    """A database not there, a role not there or a wrong password: the server answered, so "check the server"
    alone sent the user the wrong way. (libpq gives no SQLSTATE for a failed connection: one hint for them all.)"""
    refused = cli("db", "status", "--db", pg_server.url("none_such"), code=1)
    assert "Không kết nối được" in refused.stderr and "PGPASSWORD" in refused.stderr
    assert "tên cơ sở dữ liệu" in refused.stderr
    english = cli("db", "status", "--db", pg_server.url("postgres", "nobody"), "--lang", "en", code=1).stderr
    assert "Cannot reach the ledger" in english and "PGPASSWORD" in english
