"""Code that cannot break on Windows, checked on any machine: no POSIX-only name without a guard, every text file
opened with its encoding, no strftime directive only glibc knows (tests/portability.py says exactly what counts
as a guard); each check is shown to find what it looks for before it is run over the package."""

from __future__ import annotations

import sqlite3
import textwrap
from datetime import date
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote

import pytest
from portability import gnu_strftime, posix_only, scan, unspecified_encoding

import khoagiao_cli
from khoagiao_cli.store.sqlite import SQLiteLedger, read_only_uri

PACKAGE = Path(khoagiao_cli.__file__).resolve().parent


def names(source: str) -> list[str]:
    return [f.what for f in posix_only(textwrap.dedent(source))]


# ---------------------------------------------------------------------------- the scanner finds what it should

UNGUARDED = {
    "import fcntl": "import fcntl",
    "from fcntl import flock": "from fcntl import flock\n",
    "os.getuid() call": "import os\nuid = os.getuid()\n",
    "os alias": "import os as o\no.chown('x', 1, 1)\n",
    "from os import": "from os import getuid\n",
    "signal.SIGKILL": "import os, signal\nos.kill(1, signal.SIGKILL)\n",
    "signal.alarm": "import signal\nsignal.alarm(3)\n",
    "open flag": "import os\nfd = os.open('x', os.O_RDONLY | os.O_NOFOLLOW)\n",
    "select.poll": "import select\np = select.poll()\n",
    "os.statvfs": "import os\nos.statvfs('.')\n",
    "getattr without default": "import os\nf = getattr(os, 'fork')\n",
    "wrong hasattr": "import os\nif hasattr(os, 'getuid'):\n    os.getgid()\n",
    "the Windows branch": "import os, sys\nif sys.platform == 'win32':\n    os.getuid()\n",
    "else of a POSIX test": "import os\nif os.name == 'posix':\n    pass\nelse:\n    os.fork()\n",
    "caught the wrong error": "try:\n    import fcntl\nexcept AttributeError:\n    fcntl = None\n",
    "used outside its guard": "import sys\nif sys.platform != 'win32':\n    import fcntl\n"
                              "def lock(f):\n    fcntl.flock(f, fcntl.LOCK_EX)\n",
    "a twin missing": "import os\ndef owner_posix():\n    return os.getuid()\n",
    "or of a POSIX and an unknown test": "import os, sys\nif sys.platform == 'linux' or debug:\n    os.sync()\n",
    "signal handler": "import asyncio, signal\nloop = asyncio.new_event_loop()\nloop.add_signal_handler(2, print)\n",
    "Path.owner": "from pathlib import Path\nPath('x').owner()\n",
}

GUARDED = {
    "platform check": "import os, sys\nif sys.platform != 'win32':\n    os.chown('x', 1, 1)\n",
    "else of a Windows check": "import msvcrt, sys\nif sys.platform == 'win32':\n    msvcrt.getch()\n"
                               "else:\n    import termios\n",
    "os.name": "import os\nif os.name == 'posix':\n    os.setsid()\n",
    "os.name not nt": "import os\nif os.name != 'nt':\n    os.setsid()\n",
    "startswith": "import os, sys\nif sys.platform.startswith('linux'):\n    os.sync()\n",
    "not startswith win": "import os, sys\nif not sys.platform.startswith('win'):\n    os.sync()\n",
    "in a tuple": "import os, sys\nif sys.platform in ('linux', 'darwin'):\n    os.sync()\n",
    "platform.system": "import os, platform\nif platform.system() != 'Windows':\n    os.sync()\n",
    "and with another test": "import os, sys\nif sys.platform != 'win32' and verbose:\n    os.sync()\n",
    "early return": "import os, sys\ndef who():\n    if sys.platform == 'win32':\n        return 'x'\n"
                    "    return str(os.getuid())\n",
    "conditional expression": "import os\nuid = os.getuid() if hasattr(os, 'getuid') else -1\n",
    "hasattr in an and": "import os\nroot = hasattr(os, 'geteuid') and os.geteuid() == 0\n",
    "getattr with a default": "import os\nflags = os.O_RDONLY | getattr(os, 'O_NOFOLLOW', 0)\n",
    "getattr is not None": "import os\nif getattr(os, 'sync', None) is not None:\n    os.sync()\n",
    "try ImportError": "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n",
    "try bare": "import os\ntry:\n    os.fchmod(3, 0o600)\nexcept Exception:\n    pass\n",
    "try AttributeError": "import os\ntry:\n    uid = os.getuid()\nexcept (AttributeError, KeyError):\n    uid = -1\n",
    "type checking": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pwd\n",
    "twins": "import os, msvcrt\ndef lock_posix(fd):\n    import fcntl\n    fcntl.lockf(fd, fcntl.LOCK_EX)\n"
             "def lock_windows(fd):\n    msvcrt.locking(fd, msvcrt.LK_LOCK, 1)\n",
    "the same name elsewhere": "import os\nclass Rule:\n    owner = 'office'\nrule = Rule()\nprint(rule.owner, os.getpid())\n",
    "a name Windows has": "import os, signal\nos.umask(0o22)\nos.chmod('x', 0o600)\nsignal.signal(signal.SIGTERM, print)\n",
    "a method with arguments": "class Doc:\n    def owner(self, who): return who\nDoc().owner('me')\n",
}


@pytest.mark.parametrize("source", UNGUARDED.values(), ids=UNGUARDED.keys())
def test_the_scanner_finds_an_unguarded_posix_name(source: str) -> None:
    assert names(source), source


@pytest.mark.parametrize("source", GUARDED.values(), ids=GUARDED.keys())
def test_the_scanner_passes_a_guarded_one(source: str) -> None:
    assert names(source) == []


def test_the_scanner_names_the_place() -> None:
    found = posix_only("import os\n\n\nx = os.getuid()\n", "pkg/mod.py")
    assert [str(f) for f in found] == ["pkg/mod.py:4: os.getuid"]


NO_ENCODING = {
    "open": "open('x')",
    "open for writing": "open('x', 'w')",
    "open with a mode by name": "open('x', mode='a')",
    "open with a mode not known": "open('x', mode)",
    "Path.open": "p.open()",
    "Path.open for writing": "p.open('w')",
    "read_text": "p.read_text()",
    "write_text": "p.write_text('x')",
    "TextIOWrapper": "io.TextIOWrapper(sys.stdout.buffer)",
    "os.fdopen text": "os.fdopen(fd, 'w')",
    "temporary file in text mode": "tempfile.NamedTemporaryFile('w')",
    "subprocess text": "subprocess.run(['x'], capture_output=True, text=True)",
    "subprocess universal newlines": "subprocess.check_output(['x'], universal_newlines=True)",
    "codecs.open": "codecs.open('x')",
    "log file": "logging.FileHandler('x.log')",
}
WITH_ENCODING = {
    "open": "open('x', encoding='utf-8')",
    "open positional": "open('x', 'r', -1, 'utf-8')",
    "open binary": "open('x', 'rb')",
    "Path.open binary": "p.open('rb')",
    "Path.open": "p.open('w', encoding='utf-8')",
    "read_text": "p.read_text(encoding='utf-8-sig')",
    "read_text positional": "p.read_text('utf-8')",
    "write_text": "p.write_text('x', encoding='utf-8')",
    "os.open": "os.open('x', os.O_RDONLY)",
    "os.fdopen binary": "os.fdopen(fd, 'wb')",
    "a ledger's open": "SQLiteLedger.open(path, created_on=None)",
    "temporary file": "tempfile.NamedTemporaryFile()",
    "subprocess bytes": "subprocess.run(['x'], capture_output=True)",
    "subprocess text with encoding": "subprocess.run(['x'], text=True, encoding='utf-8')",
    "TextIOWrapper": "io.TextIOWrapper(raw, encoding='cp1258')",
    "kwargs": "open('x', **options)",
}


@pytest.mark.parametrize("source", NO_ENCODING.values(), ids=NO_ENCODING.keys())
def test_the_scanner_finds_text_without_an_encoding(source: str) -> None:
    assert unspecified_encoding(source), source


@pytest.mark.parametrize("source", WITH_ENCODING.values(), ids=WITH_ENCODING.keys())
def test_the_scanner_passes_text_with_one(source: str) -> None:
    assert unspecified_encoding(source) == []


def test_the_scanner_finds_glibc_strftime() -> None:
    assert gnu_strftime("d.strftime('%-d/%m')") and gnu_strftime("f'{d:%-d}'")
    assert gnu_strftime("d.strftime('%d/%m/%Y')") == [] and gnu_strftime("f'{d:%Y%m%d}'") == []


# ---------------------------------------------------------------------------- the package


def test_no_unguarded_posix_name_in_the_package() -> None:
    assert [str(f) for f in scan(PACKAGE, "posix")] == []


def test_every_text_file_has_its_encoding() -> None:
    assert [str(f) for f in scan(PACKAGE, "encoding")] == []


def test_no_glibc_only_strftime() -> None:
    assert [str(f) for f in scan(PACKAGE, "strftime")] == []


# ---------------------------------------------------------------------------- a ledger on the office's file server


def test_a_ledger_on_a_network_share_gets_a_uri_sqlite_takes() -> None:
    """Reading commands open the ledger through a URI (mode=ro). On Windows a ledger on a share, or on a mapped
    drive (which resolve() turns into the share's path), is \\\\server\\share\\…: Path.as_uri() makes that
    file://server/…, and SQLite refuses the host name (what khoagiao did until this test)."""
    share = PureWindowsPath(r"\\may-chu\chia-se\Sổ theo dõi\khoagiao.sqlite3")
    with pytest.raises(sqlite3.OperationalError, match="invalid uri authority: may-chu"):
        sqlite3.connect(share.as_uri() + "?mode=ro", uri=True)
    uri = read_only_uri(share)
    assert uri.startswith("file:") and not uri.startswith("file://") and uri.endswith("?mode=ro")
    assert unquote(uri.removeprefix("file:").removesuffix("?mode=ro")) == str(share)
    # SQLite takes it as a file name: here, a file of that odd name in the working folder, which is not there
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        sqlite3.connect(uri, uri=True)
    drive = read_only_uri(PureWindowsPath(r"C:\Users\vanthu\AppData\Local\khoagiao\khoagiao.sqlite3"))
    assert unquote(drive.removeprefix("file:").removesuffix("?mode=ro")) == r"C:\Users\vanthu\AppData\Local\khoagiao\khoagiao.sqlite3"


def test_a_ledger_whose_path_has_uri_characters_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "Phòng #1 ? 100% chia sẻ"
    folder.mkdir()
    path = folder / "sổ?mode=rw#x.sqlite3"
    SQLiteLedger.open(path, created_on=date(2026, 1, 2)).close()
    reader = SQLiteLedger.open_read(path)
    assert reader is not None
    try:
        assert reader.conn.execute("SELECT value FROM meta WHERE key = 'created_on'").fetchone() == ("2026-01-02",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.conn.execute("CREATE TABLE x (y)")
    finally:
        reader.close()
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [path.name]
