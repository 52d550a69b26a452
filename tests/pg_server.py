"""A real PostgreSQL server for the tests, started on loopback from Debian's `postgresql` package (which
scripts/test.sh installs) and stopped when the run ends; each test gets a database of its own.

Written here rather than taken from pytest-postgresql: its process fixture runs initdb as the current user, and
PostgreSQL refuses to run as root, which is what CI runs as; here the cluster belongs to the `postgres` user then.
Without a server program the fixture fails (it never skips): scripts/test.sh installs one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

#: how many databases the tests are done with are dropped at once (Server.done_with)
DROP_BATCH = 40


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):  # Debian keeps them off PATH
        if (folder / name).is_file():
            return str(folder / name)
    raise RuntimeError(f"PostgreSQL's {name} was not found: run scripts/test.sh, which installs Debian's postgresql")


def _runuser() -> str:
    """util-linux's runuser, in /usr/sbin: not on every PATH (a test's own environment, for one)."""
    return shutil.which("runuser") or next((p for p in ("/usr/sbin/runuser", "/sbin/runuser") if Path(p).is_file()),
                                           "runuser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """One cluster in a temporary folder, trusting connections from loopback only."""

    def __init__(self, durable: bool = False) -> None:
        """`durable`: every commit waits for the disk, as a real server's does (the benchmarks); the tests skip it."""
        self.durable = durable
        self.as_postgres = os.name == "posix" and os.geteuid() == 0
        # as root, the cluster belongs to `postgres`, who must reach its folder: under /tmp itself then, not under
        # a TMPDIR that only root may enter
        self.folder = Path(tempfile.mkdtemp(prefix="khoagiao-pg-", dir="/tmp" if self.as_postgres else None))
        self.port = _free_port()
        self.user = "khoagiao_test"
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run(_bin("initdb"), "-D", str(self.folder / "data"), "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8", "--no-sync")
        self.start()
        self.count = 0
        self._done: list[str] = []

    def _run(self, *cmd: str) -> None:
        full = [_runuser(), "-u", "postgres", "--", *cmd] if self.as_postgres else list(cmd)
        subprocess.run(full, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=self.folder)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=60"
        options += "" if self.durable else " -c fsync=off"
        self._run(_bin("pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-o", options,
                  "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run(_bin("pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql://{user or self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own; its URL."""
        import psycopg

        self.count += 1
        name = f"kg{self.count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def done_with(self, url: str) -> None:
        """A test is over with a database `new_database` made: it is dropped, with the next ones, once there are
        `DROP_BATCH` of them (a run makes hundreds, of some 7 MB each, that would otherwise stay on disk to the
        end; and each DROP DATABASE makes PostgreSQL take a checkpoint, which costs less in a row)."""
        self._done.append(url.rsplit("/", 1)[1])
        if len(self._done) >= DROP_BATCH:
            import psycopg

            with psycopg.connect(self.url(), autocommit=True) as conn:
                for name in self._done:
                    conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # its connections ended first
            self._done.clear()

    def close(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


if __name__ == "__main__":  # scripts/readme_examples.sh: `start` prints the port and folder of a new server; `stop DIR`
    import sys

    if sys.argv[1] == "start":
        server = Server()  # in a folder of its own under /tmp: the `postgres` user must reach it when run as root
        print(server.port, server.folder)
    else:
        folder = Path(sys.argv[2])
        subprocess.run([_runuser(), "-u", "postgres", "--"] * (os.name == "posix" and os.geteuid() == 0)
                       + [_bin("pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"], check=True,
                       stdout=subprocess.DEVNULL, cwd="/")
        shutil.rmtree(folder, ignore_errors=True)
