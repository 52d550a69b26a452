"""Where configuration, the ledger and the cache live.

Configuration comes from exactly one folder: --config DIR > $KHOAGIAO_CONFIG > the user config dir (when it
holds a config file) > the defaults embedded in the package; a file that folder lacks is the embedded default.
The folder a command runs in never matters. Ledger: --db > $KHOAGIAO_DB > the user data dir.
$KHOAGIAO_HOME moves the user dirs (config, data, cache) under one folder, as tests do.
"""


import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from khoagiao_cli.errors import Msg, UserError
from khoagiao_cli.files import private_dirs

APP = "khoagiao"
CONFIG_FILES = ("units.yaml", "schedule.yaml")
DB_NAME = "khoagiao.sqlite3"
#: the largest config file read: a bigger one is refused, never read whole (a 5,000-unit units.yaml is 1 MB)
MAX_CONFIG_BYTES = 8 * 1024 * 1024


class Source(NamedTuple):
    path: Path
    #: flag | env | user | embedded
    origin: str
    #: the ledger's PostgreSQL URL, when it is in a database rather than a file
    url: str | None = None


def embedded_dir() -> Path:
    package = Path(__file__).resolve().parents[1]
    packaged = package / "defaults"
    if packaged.is_dir():
        return packaged
    # a source checkout or an editable install: the repository's config/ is the one copy
    return package.parents[1] / "config"


def _env_path(env: Mapping[str, str], name: str) -> str | None:
    """A path from the environment, refused when it holds a control character or a byte that was not UTF-8."""
    from khoagiao_cli.core.text import escaped, first_bad

    value = env.get(name)
    if value and first_bad(value) is not None:
        raise UserError("env_control", name=name, value=escaped(value))
    return value


def _home(env: Mapping[str, str]) -> Path | None:
    home = _env_path(env, "KHOAGIAO_HOME")
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


def config_folder(flag: Path | None, env: Mapping[str, str]) -> Source:
    """The one folder the configuration comes from."""
    if flag is not None:
        return Source(_folder(flag, "--config"), "flag")
    if _env_path(env, "KHOAGIAO_CONFIG"):
        return Source(_folder(Path(env["KHOAGIAO_CONFIG"]).expanduser(), "KHOAGIAO_CONFIG"), "env")
    user = user_config_dir(env)
    if any((user / name).is_file() for name in CONFIG_FILES):
        return Source(user, "user")
    return Source(embedded_dir(), "embedded")


def _folder(path: Path, origin: str) -> Path:
    if path.is_dir():
        return path
    if path.exists():
        raise UserError("config_not_folder", path=str(path), origin=origin)
    raise UserError("config_dir_missing", path=str(path), origin=origin)


def config_sources(flag: Path | None, env: Mapping[str, str]) -> dict[str, Source]:
    """Each config file from the chosen folder, or the embedded default when the folder has none by that name
    (a name that is there but is not a readable file — a folder, a broken link — is a mistake, not "none")."""
    folder = config_folder(flag, env)
    out = {}
    for name in CONFIG_FILES:
        path = folder.path / name
        if path.is_file():
            out[name] = Source(path, folder.origin)
        elif path.exists() or path.is_symlink():
            raise UserError("config_file_not_file", path=str(path))
        else:
            out[name] = Source(embedded_dir() / name, "embedded")
    return out


def db_source(flag: str | None, env: Mapping[str, str], configured: str | None = None,
              config_dir: Path | None = None, files: str | None = None) -> Source:
    """Where the ledger is: a file, or a PostgreSQL database named by its URL (postgresql://…; then `path` is
    where its received files are kept, store/archive.py keeping them in a folder beside it: in $KHOAGIAO_FILES,
    else in schedule.yaml's `files:`, else in a folder of the user data dir named after the database). From --db,
    else KHOAGIAO_DB, else schedule.yaml's `db:` (`configured`); a relative path of schedule.yaml starts from
    `config_dir`. Else the user data folder's file."""
    if flag is not None:
        given, origin = flag, "flag"
    elif _env_path(env, "KHOAGIAO_DB"):
        given, origin = env["KHOAGIAO_DB"], "env"
    elif configured is not None:
        given, origin = configured, "config"
    else:
        return Source(user_data_dir(env) / DB_NAME, "user")
    if "://" in given:
        from khoagiao_cli.dburl import kept_beside, pg_url

        url = pg_url(given)
        if _env_path(env, "KHOAGIAO_FILES"):
            return Source(Path(env["KHOAGIAO_FILES"]).expanduser() / "ledger", origin, url)
        if files is not None:
            return Source(_from(config_dir, Path(files).expanduser()).resolve() / "ledger", origin, url)
        return Source(kept_beside(user_data_dir(env), url), origin, url)
    path = Path(given).expanduser()
    return Source(_from(config_dir, path) if origin == "config" else path, origin)


def _from(config_dir: Path | None, path: Path) -> Path:
    """A path of schedule.yaml: a relative one starts from its folder."""
    return config_dir / path if config_dir is not None and not path.is_absolute() else path


def db_timeout(env: Mapping[str, str]) -> float:
    """$KHOAGIAO_DB_TIMEOUT: how long a command waits for another writer, in seconds (default 10)."""
    text = env.get("KHOAGIAO_DB_TIMEOUT", "10")
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 1e6:  # also nan and infinity
        raise UserError("db_timeout_bad", value=text)
    return value


def display(path: Path, cwd: Path) -> str:
    """A path as short as it can be said: relative to the working directory when inside it."""
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def file_kind(path: Path) -> str | None:
    """What is at `path` when it is not a regular file (links followed): folder, fifo, device, socket or other;
    None for a regular file or nothing at all. Never opens it: opening a FIFO waits for a writer."""
    import stat

    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "socket" if stat.S_ISSOCK(mode) else "other"


def check_input(path: Path, missing: str) -> None:
    """A file the user named to be read (an attachment, a sheet to import): there, and a regular file. `missing`:
    the message key for a path with nothing there."""
    try:
        kind = file_kind(path)
    except OSError as exc:  # a loop of links, a name too long, a folder that cannot be searched
        raise UserError("file_unreadable_input", path=str(path), error=exc.strerror or str(exc)) from exc
    if kind is not None:
        raise UserError("not_a_file", path=str(path), kind=Msg("kind_" + kind))
    if not path.is_file():
        raise UserError(missing, path=str(path))


def check_output(path: Path) -> None:
    """A file the user asked for: into a folder that exists (a typo never creates folders), never over a folder,
    a device or a pipe (renaming over one would replace it, not write into it)."""
    if not path.parent.is_dir():
        key = "output_parent_not_folder" if path.parent.exists() else "output_folder_missing"
        raise UserError(key, path=str(path), folder=str(path.parent))
    kind = file_kind(path)
    if kind == "folder":
        raise UserError("output_is_folder", path=str(path))
    if kind is not None:
        raise UserError("output_not_file", path=str(path), kind=Msg("kind_" + kind))


#: how long a temporary file may go untouched before it is taken for the leftover of a killed run
STALE_SECONDS = 10 * 60
#: the random part tempfile.mkstemp puts between our prefix and suffix
_RANDOM = r"[a-z0-9_]{8}"
#: the longest name a file system takes (bytes)
_NAME_MAX = 255


def _temporary_prefix(path: Path) -> str:
    """`.out.xlsx.`: the target's name, shortened if the temporary file's name would be too long."""
    name = path.name
    while name and len(os.fsencode(f".{name}.{'x' * 8}.tmp")) > _NAME_MAX:
        name = name[:-1]
    return f".{name}."


def write_atomic(path: Path, data: bytes | Iterable[bytes], *, make_dirs: bool = True, private: bool = False,
                 ) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over the target: a reader
    sees the old file or the new one, never half of one. The file gets the permissions the user's umask gives
    a new file (a temporary file would otherwise stay readable by its owner only), or stays owner-only when
    `private` (in folders made owner-only too). A failure names `path`, never the temporary file; a run killed
    midway leaves its temporary file, which a later write removes. `data` may come in pieces, written as they
    come (a long export is never one string in memory)."""
    if make_dirs and private:
        private_dirs(path.parent)
    elif make_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _write_atomic(path, data, private)
    except OSError as exc:
        if exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def _write_atomic(path: Path, data: bytes | Iterable[bytes], private: bool) -> None:
    import tempfile

    prefix = _temporary_prefix(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        _sweep(path.parent, prefix, os.fstat(fd).st_mtime, keep=tmp)
        if not private:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, bytes) else data:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _sweep(folder: Path, prefix: str, now: float, keep: str) -> None:
    """Remove the temporary files of this target that killed runs left, by exactly our name pattern and older than
    STALE_SECONDS (a concurrent writer's file is fresh). `now`: the file system's clock (our new file's time)."""
    import re
    import stat

    pattern = re.compile(re.escape(prefix) + _RANDOM + r"\.tmp")
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if pattern.fullmatch(e.name) and e.path != keep]
    except OSError:
        return  # tidying up must never stop a write
    for entry in found:
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < now - STALE_SECONDS:
                os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to remove
