"""The two caches that keep the daily commands fast, each keyed by everything its content depends on.

- The validated configuration (validating needs YAML and pydantic: ~140 ms): stored per set of config paths.
- The public holidays of each year (the `holidays` package: ~100 ms): one file.

A cache file keeps, beside its content, every input the content was computed from — the config's bytes, the
source of khoagiao itself, the releases of the libraries that compute it, the Python that stored it — and is
used only when all are byte-for-byte the same as now. Values are stored by field name and read back by name:
a cached value with other fields than the code's is not used. A missing, damaged or foreign cache only means
computing again; a cache that cannot be written costs speed, not correctness.
"""

from __future__ import annotations

import functools
import marshal
import os
import sys
import zlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from khoagiao_cli.core.calendar import HolidaySource, Named, vn_holidays
from khoagiao_cli.core.model import Config, MailSettings, Meeting, Office, Rule, Settings, Unit

#: the distributions whose release can change what a cache holds (validation, dates, holidays, zones)
LIBRARIES = ("holidays", "pydantic", "pydantic-core", "pyyaml", "python-dateutil", "tzdata")
#: the layout of the cache files themselves
FORMAT = 3
HOLIDAYS_FILE = "holidays-VN.marshal"
#: the value types a cached config holds, by name
TYPES: dict[str, Any] = {t.__name__: t for t in (Rule, Unit, Office, MailSettings, Meeting, Settings)}
_DATE = "\0date"


def _normal(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


#: the code that computes what is cached: the core (deadlines, holidays), the config's reading and validation,
#: the errors they raise, and where the ledger is (dburl.py); tests/test_house.py checks that these import nothing
#: else of khoagiao's
CODE = ("core", "config", "errors.py", "files.py", "dburl.py")


@functools.cache
def code() -> bytes:
    """The source of the code in CODE, each file with its path."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts: list[bytes] = []
    for entry in CODE:
        top = os.path.join(package, entry)
        files = [top] if entry.endswith(".py") else sorted(
            os.path.join(top, name) for name in os.listdir(top) if name.endswith(".py"))
        for path in files:
            with open(path, "rb") as fh:
                parts.append(os.path.relpath(path, package).encode() + b"\0" + fh.read())
    return b"\0\0".join(parts)


@functools.cache
def releases() -> tuple[str, ...]:
    """The installed release of each library in LIBRARIES, as its .dist-info folder is named
    ("holidays-0.109.dist-info"), found on sys.path in the order the import system looks
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
    """Everything but the config that a cached result depends on."""
    return (FORMAT, sys.version, code(), releases())


def _read(path: Path, inputs: Any) -> Any:
    """The content of a cache file whose inputs are exactly `inputs`, else None."""
    try:
        stored_inputs, content = marshal.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, damaged or from another Python: compute again
        return None
    return content if stored_inputs == inputs else None


def _write(path: Path, inputs: Any, content: Any) -> None:
    from khoagiao_cli.config.paths import write_atomic

    try:
        write_atomic(path, marshal.dumps((inputs, content)), private=True)
    except (OSError, ValueError):
        pass  # a read-only cache folder costs speed, not correctness


# --------------------------------------------------------------------------- the validated configuration


def _config_file(cache_dir: Path, paths: tuple[str, ...]) -> Path:
    return cache_dir / f"config-{zlib.crc32(chr(0).join(paths).encode()):08x}.marshal"


def _config_inputs(texts: Mapping[str, bytes]) -> Any:
    return (stamp(), tuple(sorted(texts.items())))


def load_cached(cache_dir: Path | None, paths: tuple[str, ...], texts: Mapping[str, bytes]) -> Config | None:
    """The config validated from exactly these texts by exactly this code, if it was cached."""
    if cache_dir is None:
        return None
    content = _read(_config_file(cache_dir, paths), _config_inputs(texts))
    if content is None:
        return None
    try:
        return Config(**{name: decode(value) for name, value in content.items()})
    except (KeyError, TypeError, ValueError):
        return None  # fields that are not the code's: not this code's cache


def store_cached(cache_dir: Path | None, paths: tuple[str, ...], texts: Mapping[str, bytes], config: Config) -> None:
    if cache_dir is not None:
        content = {name: encode(getattr(config, name)) for name in Config.FIELDS}
        _write(_config_file(cache_dir, paths), _config_inputs(texts), content)


def encode(value: Any) -> Any:
    """Plain values marshal can store: a core value as {"": type, field: value …}, a date as ("\\0date", ordinal)."""
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {"": type(value).__name__, **{f: encode(getattr(value, f)) for f in value._fields}}
    if isinstance(value, date):
        return (_DATE, value.toordinal())
    if isinstance(value, tuple):
        return tuple(encode(v) for v in value)
    return value


def decode(value: Any) -> Any:
    """The inverse of `encode`, by field name: a stored value whose fields differ from its type's is refused."""
    if isinstance(value, dict):
        kind = TYPES[value[""]]
        fields = {k: decode(v) for k, v in value.items() if k}
        if set(fields) != set(kind._fields):
            raise ValueError(value[""])
        return kind(**fields)
    if isinstance(value, tuple):
        if len(value) == 2 and value[0] == _DATE:
            return date.fromordinal(value[1])
        return tuple(decode(v) for v in value)
    return value


# --------------------------------------------------------------------------- public holidays


def cached_holidays(cache_dir: Path | None) -> HolidaySource:
    """A holiday source that reads the cache, and computes and stores only the years it lacks."""
    years: dict[int, tuple[tuple[int, str, str], ...]] | None = None

    def source(year: int) -> Mapping[date, Named]:
        nonlocal years
        path = cache_dir / HOLIDAYS_FILE if cache_dir is not None else None
        if years is None:
            found = _read(path, stamp()) if path is not None else None
            years = found if isinstance(found, dict) else {}
        rows = years.get(year)
        if rows is None:
            rows = years[year] = tuple((d.toordinal(), vi, en) for d, (vi, en) in vn_holidays(year).items())
            if path is not None:
                _write(path, stamp(), years)
        return {date.fromordinal(n): (vi, en) for n, vi, en in rows}

    return source
