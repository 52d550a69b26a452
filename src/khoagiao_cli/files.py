"""Files and folders only their owner may read: the ledger, its folder, the cache.

Created with 0600/0700 whatever the umask (on Windows the modes do nothing: the user's profile folders are
already private). Files and folders that exist already are left as they are: they may be the user's choice.
"""

from __future__ import annotations

import os
from pathlib import Path


def private_dirs(folder: Path) -> None:
    """Make `folder` and each missing parent, owner-only (Path.mkdir gives `mode` to the last one only)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=0o700)
        except FileExistsError:  # made by another process meanwhile
            pass


def private_file(path: Path) -> None:
    """Make `path` an empty owner-only file, unless something is there already (in its folder, made if needed)."""
    private_dirs(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)
