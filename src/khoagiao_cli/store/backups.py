"""`khoagiao backup`: a copy of the ledger in one SQLite file, never written over anything, with the received files
beside it, and `--keep`, which removes only older backups of the same ledger.

Names. A backup made into a folder is named by the moment it was made, `ledger-YYYYMMDD-HHMMSS.sqlite3`; when that
name is taken (two backups in one second, or any file of that name) the next free one of `…-2.sqlite3`,
`…-3.sqlite3`, … is used. A backup is written under a temporary name in the folder it goes to, then given its
name by `place`, which never replaces a file that is there: a hard link (refused by the system when the name is
taken) then the temporary name removed; where the file system has no hard links, a rename on Windows (which
refuses a taken name too), or elsewhere the name first made, empty, with O_EXCL (refused when taken) and then
replaced by the backup. A file named `-o FILE` is refused when it is there already.

Which ledger a backup is of. Each link of a ledger's hash chain is the SHA-256 of the link before and of one
record, starting from the ledger's creation day (store/chain.py): two files holding the same hash at the same
position in their chains hold the same records up to there. An older backup is one whose last link is found, at
its position, in the chain of the backup just made: everything it holds is in the new one, so removing it loses
nothing. Only such files are counted and removed by `--keep`; any other is left: a file not named like a backup,
one that is not a ledger or cannot be read, a ledger with no record yet (it proves nothing), another ledger's
backup (another chain: a record carries who wrote it and when, to the second), a backup holding records the new
one lacks (made before the ledger was restored from an older copy), a file SQLite may be writing into (a `-wal`
beside it). Two ledgers whose chains agree so far hold the same records (one copied from the other by `db copy`
and not written to since, say): a backup of either is then an older backup of both, and removing it loses
nothing all the same. The backups are read with SQLite's `immutable` flag, which writes nothing beside them.

Received files. The files `submit --file` kept (store/archive.py, `khoagiao-files/` beside the ledger) are
copied into the `khoagiao-files/` beside the backup before the backup gets its name, so that a backup there
always verifies with its files. The folder is shared by every backup in it (each file is named by its content),
and `--keep` leaves it as it is: a file there may be another backup's.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from khoagiao_cli.errors import UserError

if TYPE_CHECKING:
    from khoagiao_cli.store.census import Census
    from khoagiao_cli.store.sql import SqlLedger

#: a backup's name in a folder: the moment it was made, and a number from 2 when that name was taken
_NAMED = re.compile(r"ledger-(\d{8}-\d{6})(?:-([1-9][0-9]{0,2}))?\.sqlite3")
#: the names tried for one moment (`ledger-….sqlite3`, then -2 to -999)
_TRIES = 999


class Made(NamedTuple):
    #: where the backup is
    path: Path
    census: Census
    #: the received files beside it (0 when the ledger kept none) and their folder
    files: int
    files_folder: Path


def names(folder: Path, moment: datetime) -> Iterator[Path]:
    """The names a backup made at `moment` may take in `folder`, in the order tried."""
    stamp = f"{moment:%Y%m%d-%H%M%S}"
    yield folder / f"ledger-{stamp}.sqlite3"
    for n in range(2, _TRIES + 1):
        yield folder / f"ledger-{stamp}-{n}.sqlite3"


def _order(name: str) -> tuple[str, int] | None:
    """(moment, number) of a file named like a backup, in the order backups were made; None for any other name."""
    m = _NAMED.fullmatch(name)
    return (m.group(1), int(m.group(2) or 1)) if m else None


def place(temporary: Path, target: Path) -> None:
    """Give the file `temporary` the name `target`, in the same folder, never over a file there (FileExistsError,
    and both are left as they were)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some network shares)
        if os.name == "nt":
            os.rename(temporary, target)  # Windows' rename refuses a name that is taken
            return
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # the name is ours from here
        try:
            os.replace(temporary, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return
    os.unlink(temporary)


def _last_link(path: Path) -> tuple[int, str] | None:
    """(position, hash) of the last link of the chain in the ledger at `path`; None when there is none, or the
    file is no ledger, cannot be read, or may have writes not yet in it (a `-wal` beside it)."""
    if path.with_name(path.name + "-wal").exists() or path.is_symlink() or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        row = conn.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
        return (int(row[0]), str(row[1])) if row is not None else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def older(new: Path) -> list[Path]:
    """The backups in `new`'s folder that are of the same ledger and hold nothing `new` does not (itself not
    among them)."""
    ours = _last_link(new)
    if ours is None:
        return []
    try:
        conn = sqlite3.connect(f"{new.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return []
    found = []
    try:
        for path in new.parent.iterdir():
            if path == new or _order(path.name) is None or (link := _last_link(path)) is None:
                continue
            row = conn.execute("SELECT hash FROM chain WHERE seq = ?", (link[0],)).fetchone()
            if row is not None and str(row[0]) == link[1]:
                found.append(path)
    finally:
        conn.close()
    return found


def prune(new: Path, keep: int) -> list[Path]:
    """Remove the older backups of `new`'s ledger in its folder but the newest `keep` - 1 (with `new`, `keep`);
    the ones removed."""
    old = sorted(older(new), key=lambda p: _order(p.name) or ("", 0))
    gone = old[:max(len(old) - (keep - 1), 0)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def backup(source: SqlLedger, files_of: Path, targets: Iterable[Path], *, timeout: float) -> Made:
    """A copy of the ledger in one SQLite file, under the first of `targets` (all in one folder) not taken:
    SQLite's backup API for a SQLite ledger, one snapshot copied for a PostgreSQL one; others may write
    meanwhile. Owner-only, like the ledger. Written under a temporary name, looked at (its census), the received
    files of the ledger (kept beside `files_of`) copied beside it, then given its name: a name holds a whole
    ledger or what it held before. None free: UserError."""
    from khoagiao_cli.files import private_file
    from khoagiao_cli.store import archive
    from khoagiao_cli.store.census import census
    from khoagiao_cli.store.copying import copy_ledger
    from khoagiao_cli.store.sqlite import SQLiteLedger

    tries = list(targets)
    first = tries[0]
    temporary = first.with_name(f".{first.name}.{os.getpid()}.backup")
    try:
        if isinstance(source, SQLiteLedger):
            private_file(temporary)
            made = sqlite3.connect(temporary, timeout=timeout, isolation_level=None)
            try:
                source.conn.backup(made)
            finally:
                made.close()
        else:
            copy_ledger(source, lambda: SQLiteLedger.fresh(temporary, timeout=timeout))
        copy = SQLiteLedger.open(temporary, created_on=None, timeout=timeout)
        try:
            about = census(copy)
        finally:
            copy.close()  # the last connection, a writing one: SQLite folds its WAL back in and removes it
        folder = archive.folder_of(first)
        files = archive.carry(files_of, folder)
        for target in tries:
            try:
                place(temporary, target)
            except FileExistsError:
                continue
            return Made(target, about._replace(where=str(target)), files, folder)
        if len(tries) == 1:
            raise UserError("backup_exists", path=first)
        raise UserError("backup_names_taken", path=first, folder=first.parent)
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-wal"),
                         temporary.with_name(temporary.name + "-shm")):
            leftover.unlink(missing_ok=True)
