"""Who may run `db init` on a PostgreSQL ledger, and what a role refused a read or a write is told. Real roles on
the server the tests start (tests/pg_server.py); roles are the whole server's, so each test makes its own, under
names of its own, and drops them when it is over."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator

import psycopg
import pytest


def _as(url: str, user: str) -> str:
    return re.sub(r"//[^@/]+@", f"//{user}@", url)


@pytest.fixture
def roles(pg_server, pg_url: str) -> Iterator[Callable[[str], str]]:  # noqa: ANN001
    """`roles("lan")`: a name of this test's own (`lan_1a2b3c4d`); every role so named is dropped at the end, with
    what it owns and was granted in the test's database."""
    tag = uuid.uuid4().hex[:8]
    named: list[str] = []

    def name(base: str) -> str:
        named.append(f"{base}_{tag}")
        return named[-1]

    yield name
    with psycopg.connect(_as(pg_url, pg_server.user), autocommit=True) as conn:
        for role in reversed(named):
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute(f"REASSIGN OWNED BY {role} TO {pg_server.user}")
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def _sql(url: str, *statements: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def _acls(url: str) -> list[tuple[str, str]]:
    """Every privilege granted on the database's tables and views, its schema and the database itself."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute("SELECT relname, coalesce(relacl::text, '') FROM pg_class"
                              " WHERE relnamespace = 'public'::regnamespace ORDER BY relname").fetchall()
        schema = conn.execute("SELECT coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'public'").fetchone()
        database = conn.execute("SELECT coalesce(datacl::text, '') FROM pg_database"
                                " WHERE datname = current_database()").fetchone()
    return [*tables, ("schema", schema[0]), ("database", database[0])]


def test_db_init_by_a_role_that_does_not_own_the_tables_is_refused(cli, cfg, pg_url, roles) -> None:  # noqa: ANN001
    """A non-owner's GRANT is only a warning in PostgreSQL ("no privileges were granted"): db init said it had
    granted them. A member of the owning role may (its GRANTs are the owner's)."""
    owner, admin, lan, minh = roles("quantri"), roles("an"), roles("lan"), roles("minh")
    clerk, reader = roles("g_clerk"), roles("g_reader")
    database = pg_url.rsplit("/", 1)[1]
    _sql(pg_url, f"CREATE ROLE {owner} LOGIN CREATEROLE", f"ALTER DATABASE {database} OWNER TO {owner}",
         f"CREATE ROLE {admin} LOGIN IN ROLE {owner}", f"CREATE ROLE {lan} LOGIN", f"CREATE ROLE {minh} LOGIN")
    groups = ("--clerk-role", clerk, "--reader-role", reader)
    cli("db", "init", "--db", _as(pg_url, owner), *groups, "--clerk", lan, "--reader", minh)
    before = _acls(pg_url)
    for who in (lan, minh):
        r = cli("db", "init", "--db", _as(pg_url, who), *groups, code=1)
        assert "Quyền đã cấp" not in r.stdout, r.stdout
        assert "chủ sở hữu" in r.stderr and who in r.stderr and owner in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
        english = cli("db", "init", "--db", _as(pg_url, who), *groups, "--reader", who, "--lang", "en", code=1)
        assert "owner" in english.stderr and who in english.stderr and owner in english.stderr, english.stderr
    assert _acls(pg_url) == before
    # a member of the owning role may, and its grants hold: readers' SELECT, taken away by hand, is given back
    _sql(pg_url, f"REVOKE SELECT ON events FROM {reader}")
    cli("history", "--db", _as(pg_url, minh), code=1)
    cli("db", "init", "--db", _as(pg_url, admin), *groups)
    assert _acls(pg_url) == before
    cli("history", "--db", _as(pg_url, minh))


def test_db_init_without_createrole_changes_nothing_and_says_what_is_missing(cli, cfg, pg_url, roles) -> None:  # noqa: ANN001
    """The README's Debian steps made the administrator without CREATEROLE: the schema was made and kept, then
    the group roles were refused, and the message said nothing was written."""
    owner = roles("quantri")
    clerk, reader = roles("g_clerk"), roles("g_reader")
    database = pg_url.rsplit("/", 1)[1]
    _sql(pg_url, f"CREATE ROLE {owner} LOGIN", f"ALTER DATABASE {database} OWNER TO {owner}")
    groups = ("--clerk-role", clerk, "--reader-role", reader)
    r = cli("db", "init", "--db", _as(pg_url, owner), *groups, code=1)
    assert "Đã tạo sổ theo dõi" not in r.stdout, r.stdout
    assert "CREATEROLE" in r.stderr and f"ALTER ROLE {owner} CREATEROLE" in r.stderr, r.stderr
    assert json.loads(cli("db", "status", "--format", "json", "--db", pg_url).stdout)["exists"] is False
    _sql(pg_url, f"ALTER ROLE {owner} CREATEROLE")
    made = cli("db", "init", "--db", _as(pg_url, owner), *groups)
    assert "Đã tạo sổ theo dõi" in made.stdout and f"Đã tạo nhóm vai trò: {clerk}, {reader}" in made.stdout


def test_db_init_refused_halfway_leaves_no_schema(cli, cfg, pg_url, roles) -> None:  # noqa: ANN001
    """Schema, roles, grants and memberships are one transaction: the last refused, none of it is kept."""
    owner, lan = roles("quantri"), roles("lan")
    clerk, reader = roles("g_clerk"), roles("g_reader")
    database = pg_url.rsplit("/", 1)[1]
    _sql(pg_url, f"CREATE ROLE {owner} LOGIN", f"ALTER DATABASE {database} OWNER TO {owner}",
         f"CREATE ROLE {clerk} NOLOGIN", f"CREATE ROLE {reader} NOLOGIN", f"CREATE ROLE {lan} LOGIN")
    # the groups are there; putting a person in one takes CREATEROLE or the group's ADMIN OPTION, which it lacks
    r = cli("db", "init", "--db", _as(pg_url, owner), "--clerk-role", clerk, "--reader-role", reader, "--clerk", lan,
            code=1)
    assert "Đã tạo sổ theo dõi" not in r.stdout and "không có gì được ghi" in r.stderr, (r.stdout, r.stderr)
    assert json.loads(cli("db", "status", "--format", "json", "--db", pg_url).stdout)["exists"] is False


def test_a_role_refused_a_read_is_not_told_nothing_was_recorded(cli, cfg, pg_url, roles) -> None:  # noqa: ANN001
    """"Nothing was recorded" is said of a refused write, not of a read."""
    stranger = roles("khach")
    _sql(pg_url, f"CREATE ROLE {stranger} LOGIN")
    cli("db", "init", "--db", pg_url, "--clerk-role", roles("g_clerk"), "--reader-role", roles("g_reader"))
    for args in (("history",), ("due", "--as-of", "2026-04-20"), ("db", "status")):
        r = cli(*args, "--db", _as(pg_url, stranger), code=1)
        assert "không được phép" in r.stderr and "không có gì được ghi" not in r.stderr, r.stderr
    r = cli("submit", "skhcn", "monthly", "--period", "2026-04", "--as-of", "2026-04-20", "--db",
            _as(pg_url, stranger), code=1)
    assert "không được phép" in r.stderr and "không có gì được ghi" in r.stderr, r.stderr
