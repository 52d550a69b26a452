"""What a cached result depends on besides the config's bytes: khoagiao's own code, the releases of the
libraries that compute it, and the Python that stored it.

A cache file keeps these inputs beside its content and is used only when they are byte-for-byte the same
as now; anything else means computing again. No version number stands in for them.
"""

from __future__ import annotations

import functools
import os
import sys

#: the distributions whose release can change what a cache holds (validation, dates, holidays, zones)
LIBRARIES = ("holidays", "pydantic", "pydantic-core", "pyyaml", "python-dateutil", "tzdata")
#: the layout of the cache files themselves
FORMAT = 2


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


@functools.cache
def code() -> bytes:
    """Every source file of the khoagiao_cli package, with its path: the code that computes what is cached."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts: list[bytes] = []
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(root, name)
                with open(path, "rb") as fh:
                    parts.append(os.path.relpath(path, package).encode() + b"\0" + fh.read())
    return b"\0\0".join(parts)


@functools.cache
def releases() -> tuple[str, ...]:
    """The installed release of each library in LIBRARIES, as its .dist-info folder is named
    ("holidays-0.109.dist-info"), found on sys.path as the import system would find the package
    (importlib.metadata would cost more than the cache saves)."""
    wanted = {_normal(n) for n in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                name = _normal(entry[: -len(".dist-info")].rpartition("-")[0])
                if name in wanted and name not in found:
                    found[name] = entry
    return tuple(sorted(found.values()))


def stamp() -> tuple[int, str, bytes, tuple[str, ...]]:
    """Everything but the config a cached result depends on."""
    return (FORMAT, sys.version, code(), releases())
