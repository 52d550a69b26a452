"""The files `submit --file` received, kept beside the ledger in `khoagiao-files/`, each named by its SHA-256.

A name is the content's hash and, when the original name ends in a short [a-z0-9] suffix, that suffix (`.pdf`):
nothing else the user typed ever becomes part of a path here. The same content is kept once. A copy is written
to a temporary file, flushed, checked against the hash of what was read, then renamed into place; the folder
and the files are owner-only, like the ledger (files.py). pathlib and os only: the same on Windows.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path, PurePath

from khoagiao_cli.errors import Msg, UserError
from khoagiao_cli.files import private_dirs

FOLDER = "khoagiao-files"
_SUFFIX = re.compile(r"\.[a-z0-9]{1,8}")
_NAME = re.compile(r"([0-9a-f]{64})(\.[a-z0-9]{1,8})?")
_BLOCK = 1 << 20
_TEMPORARY = re.compile(r"\.incoming\.[a-z0-9_]{8}\.tmp")
#: how long a temporary copy may go untouched before it is taken for the leftover of a killed run
STALE_SECONDS = 10 * 60


def folder_of(ledger: str | Path) -> Path:
    """The archive of the ledger at `ledger`: a folder beside it."""
    return Path(ledger).parent / FOLDER


def safe_suffix(name: str) -> str:
    """The original name's suffix, lower case, when it is a short run of [a-z0-9] (`.pdf`, `.docx`); else none."""
    suffix = PurePath(name).suffix.lower()
    return suffix if _SUFFIX.fullmatch(suffix) else ""


def _kept(folder: Path) -> dict[str, Path]:
    """Every copy in the archive, by its hash (nothing when there is no archive yet, or it cannot be read)."""
    found: dict[str, Path] = {}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                m = _NAME.fullmatch(entry.name)
                if m and entry.is_file(follow_symlinks=False):
                    found.setdefault(m.group(1), Path(entry.path))
    except OSError:
        return {}
    return found


def find(folder: Path, sha256: str) -> Path | None:
    """Where the copy of the content with this hash is, if the archive holds one."""
    return _kept(folder).get(sha256)


def kept(ledger: str | Path) -> dict[str, Path]:
    """Every copy kept in the archive of the ledger at `ledger`, by its hash."""
    return _kept(folder_of(ledger))


def copies(ledger: str | Path, hashes: Iterable[str | None]) -> dict[str, Path | None]:
    """For each hash, the copy kept of it (None: not in the archive, e.g. recorded before khoagiao kept copies)."""
    wanted = {h for h in hashes if h}
    kept = _kept(folder_of(ledger)) if wanted else {}
    return {h: kept.get(h) for h in wanted}


def _sweep(folder: Path, now: float, keep: str) -> None:
    """Remove what killed runs left: our temporary files, untouched for STALE_SECONDS (a concurrent one is fresh).
    `now`: the file system's clock (our own new temporary file's time)."""
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if _TEMPORARY.fullmatch(entry.name) and entry.path != keep and entry.is_file(follow_symlinks=False) \
                        and entry.stat(follow_symlinks=False).st_mtime < now - STALE_SECONDS:
                    os.unlink(entry.path)
    except OSError:
        return  # tidying up must never stop a copy


def _hash_file(fd: int) -> str:
    digest = hashlib.sha256()
    while block := os.read(fd, _BLOCK):
        digest.update(block)
    return digest.hexdigest()


def _open_regular(source: Path) -> int:
    """The source opened for reading, never following a link and never waiting on a pipe; refused unless it is a
    regular file once open (it may have been swapped since it was checked)."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(source, flags)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UserError("not_a_file", path=str(source), kind=Msg("kind_other"))
    return fd


def keep(source: Path, folder: Path) -> tuple[str, Path]:
    """Copy `source` into the archive: (its SHA-256, the copy). Content already kept is not written again."""
    import tempfile

    private_dirs(folder)
    fd, tmp = tempfile.mkstemp(prefix=".incoming.", suffix=".tmp", dir=folder)  # owner-only
    try:
        _sweep(folder, os.fstat(fd).st_mtime, keep=tmp)
        digest = hashlib.sha256()
        src = _open_regular(source)
        try:
            while block := os.read(src, _BLOCK):
                digest.update(block)
                _write_all(fd, block)
        finally:
            os.close(src)
        os.fsync(fd)
        os.lseek(fd, 0, os.SEEK_SET)
        sha256 = digest.hexdigest()
        if _hash_file(fd) != sha256:
            raise UserError("file_copy_failed", path=str(source), folder=str(folder))
        os.close(fd)
        fd = -1
        kept = find(folder, sha256)
        if kept is not None and _matches(kept, sha256):
            os.unlink(tmp)
            return sha256, kept
        target = kept or folder / (sha256 + safe_suffix(source.name))
        os.replace(tmp, target)
        return sha256, target
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _write_all(fd: int, block: bytes) -> None:
    view = memoryview(block)
    while view:
        view = view[os.write(fd, view):]


def _matches(path: Path, sha256: str) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        return _hash_file(fd) == sha256
    finally:
        os.close(fd)


def carry(ledger: str | Path, folder: Path) -> int:
    """Copy every file kept beside the ledger at `ledger` into the archive `folder` (another ledger's, a backup's),
    but those there already with their content; how many files the ledger kept (0: no archive made)."""
    found = kept(ledger)
    if not found or folder_of(ledger).resolve() == folder.resolve():
        return len(found)
    there = _kept(folder)
    for sha256, path in found.items():
        if sha256 not in there or not _matches(there[sha256], sha256):
            keep(path, folder)
    return len(found)


def check(ledger: str | Path) -> tuple[int, list[Path]]:
    """(files whose content matches the hash in their name, the files that do not) in the ledger's archive."""
    folder = folder_of(ledger)
    good, bad = 0, []
    try:
        with os.scandir(folder) as entries:
            found = sorted((e.name, Path(e.path)) for e in entries if _NAME.fullmatch(e.name))
    except OSError:
        return 0, []
    for name, path in found:
        if _matches(path, name[:64]):
            good += 1
        else:
            bad.append(path)
    return good, bad
