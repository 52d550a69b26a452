"""Every test runs on its own temporary home: config, ledger and cache never leak between tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import POSTGRESQL, SQLITE, Backend
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from khoagiao_cli.config.paths import embedded_dir

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deterministic", derandomize=True, max_examples=100, deadline=None)
settings.register_profile("long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "deterministic")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("KHOAGIAO_HOME", str(home))
    for var in ("KHOAGIAO_CONFIG", "KHOAGIAO_DB", "KHOAGIAO_LANG", "KHOAGIAO_DB_TIMEOUT", "KHOAGIAO_FILES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("NO_COLOR", "1")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return home


def write_config(folder: Path, *, schedule: str | None = None, units: str | None = None, tracking_start: str | None = "2026-01-01") -> Path:
    """A config folder: the embedded defaults, with tracking_start set, or the given texts."""
    folder.mkdir(parents=True, exist_ok=True)
    sched = schedule if schedule is not None else (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    if schedule is None and tracking_start:
        sched = sched.replace("# tracking_start: 2026-01-01", f"tracking_start: {tracking_start}")
    (folder / "schedule.yaml").write_text(sched, encoding="utf-8")
    (folder / "units.yaml").write_text(
        units if units is not None else (embedded_dir() / "units.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return folder


@pytest.fixture
def cfg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default rules tracked from 01/01/2026, used through KHOAGIAO_CONFIG."""
    folder = write_config(tmp_path / "cfg")
    monkeypatch.setenv("KHOAGIAO_CONFIG", str(folder))
    return folder


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int | None = 0):  # noqa: ANN204
        from khoagiao_cli.cli import load

        result = self.runner.invoke(load(), list(args))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="session")
def pg_server():  # noqa: ANN201 - a pg_server.Server
    """One real PostgreSQL server for the whole run, on loopback (tests/pg_server.py)."""
    from pg_server import Server

    server = Server()
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:  # noqa: ANN001
    """The URL of an empty database of this test's own (dropped once the test is over: pg_server.done_with)."""
    url = pg_server.new_database()
    yield url
    pg_server.done_with(url)


@pytest.fixture(params=[SQLITE, POSTGRESQL])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, isolated: Path,
            ) -> Iterator[Backend]:
    """Each ledger-touching test runs on both backends (tests/backends.py: a module's `pytestmark = BOTH`):
    KHOAGIAO_DB names an empty ledger of the test's own, a SQLite file or a PostgreSQL database on the server the
    run started. The PostgreSQL server is started only when a test asks for it."""
    server = request.getfixturevalue("pg_server") if request.param == POSTGRESQL else None
    backend = Backend(request.param, tmp_path / "db", isolated, monkeypatch, server)
    yield backend
    backend.close()
