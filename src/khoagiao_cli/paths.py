"""Where configuration, the ledger and the cache live.

Config files, each on its own: --config DIR > $KHOAGIAO_CONFIG > ./config > the user config dir >
the defaults embedded in the package. Ledger: --db > $KHOAGIAO_DB > the user data dir.
$KHOAGIAO_HOME moves the user dirs (config, data, cache) under one folder, as tests do.
"""


import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.errors import UserError

APP = "khoagiao"
CONFIG_FILES = ("units.yaml", "schedule.yaml")
DB_NAME = "khoagiao.sqlite3"


class Source(NamedTuple):
    path: Path
    #: flag | env | cwd | user | embedded
    origin: str


def embedded_dir() -> Path:
    packaged = Path(__file__).with_name("defaults")
    if packaged.is_dir():
        return packaged
    # a source checkout or an editable install: the repository's config/ is the one copy
    return Path(__file__).resolve().parents[2] / "config"


def _home(env: Mapping[str, str]) -> Path | None:
    home = env.get("KHOAGIAO_HOME")
    return Path(home).expanduser() if home else None


def user_config_dir(env: Mapping[str, str]) -> Path:
    home = _home(env)
    if home:
        return home / "config"
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def user_data_dir(env: Mapping[str, str]) -> Path:
    home = _home(env)
    if home:
        return home / "data"
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def user_cache_dir(env: Mapping[str, str]) -> Path:
    home = _home(env)
    if home:
        return home / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def config_sources(flag: Path | None, env: Mapping[str, str], cwd: Path) -> dict[str, Source]:
    """For each config file, the first place that has it."""
    candidates: list[tuple[Path, str]] = []
    if flag is not None:
        if not flag.is_dir():
            raise UserError("config_dir_missing", path=str(flag), origin="--config")
        candidates.append((flag, "flag"))
    elif env.get("KHOAGIAO_CONFIG"):
        path = Path(env["KHOAGIAO_CONFIG"]).expanduser()
        if not path.is_dir():
            raise UserError("config_dir_missing", path=str(path), origin="KHOAGIAO_CONFIG")
        candidates.append((path, "env"))
    candidates += [(cwd / "config", "cwd"), (user_config_dir(env), "user")]
    out = {}
    for name in CONFIG_FILES:
        for folder, origin in candidates:
            if (folder / name).is_file():
                out[name] = Source(folder / name, origin)
                break
        else:
            out[name] = Source(embedded_dir() / name, "embedded")
    return out


def db_source(flag: Path | None, env: Mapping[str, str]) -> Source:
    if flag is not None:
        return Source(flag.expanduser(), "flag")
    if env.get("KHOAGIAO_DB"):
        return Source(Path(env["KHOAGIAO_DB"]).expanduser(), "env")
    return Source(user_data_dir(env) / DB_NAME, "user")


def display(path: Path, cwd: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over the target."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
