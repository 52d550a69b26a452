"""Output that survives a Windows code page. On a Vietnamese Windows PC the console itself is UTF-16 (PEP 528), but
output redirected to a file or a pipe (Task Scheduler's `> log.txt`, `| more`) is written in the ANSI code page,
cp1258, which has ê, ơ, ư, ă, đ and the five tone marks as combining characters but no precomposed "ế". Each
command runs here as it would there (PYTHONIOENCODING=cp1258, no UTF-8 mode): it must end as it does on UTF-8, with
no traceback, and say the same words (cp1258's bytes, decoded and NFC-normalised, are the UTF-8 output); on a code
page without Vietnamese (cp1252, cp437) a letter it lacks becomes "?", never a crash. What programs read (JSON,
CSV, TOML, iCalendar) is UTF-8 whatever the code page."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import write_config

#: Rich draws its boxes in ASCII on a stream whose encoding is not UTF (the same geometry, one cell a character)
ASCII_BOX = "+-|= "


@pytest.fixture
def office(tmp_path: Path) -> dict[str, str]:
    """The environment of a run: the defaults tracked from 01/01/2026, a ledger holding one report, and nothing in
    the environment that would choose an encoding."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIO", "PYTHONUTF8", "LC_", "LANG"))}
    env |= {"KHOAGIAO_CONFIG": str(write_config(tmp_path / "cfg")), "COLUMNS": "100", "LANG": "C.UTF-8"}
    done = khoagiao(env, "utf-8", "submit", "syt", "q1", "--period", "2026-Q1", "--received", "2026-03-18",
                    "--note", "Đã nhận bản ký số; gửi kèm phụ lục", "--as-of", "2026-03-18")
    assert done.returncode == 0, done.stderr.decode()
    return env


def khoagiao(env: dict[str, str], encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`khoagiao ARGS` with standard output and error in `encoding`, as Python sets them for a redirected stream."""
    env = env | {"PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "khoagiao_cli", *args], env=env, capture_output=True, timeout=60)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def said_the_same(legacy: str, utf8: str) -> bool:
    """The same text, character for character, but where Rich drew a box in ASCII."""
    a, b = nfc(legacy).splitlines(), nfc(utf8).splitlines()
    if len(a) != len(b):
        return False
    for line_a, line_b in zip(a, b, strict=True):
        if len(line_a) != len(line_b):
            return False
        for x, y in zip(line_a, line_b, strict=True):
            if x != y and not ("\u2500" <= y <= "\u257f" and x in ASCII_BOX):
                return False
    return True


CP1258_RUNS = {
    "due plain": ["due", "--as-of", "2026-03-18", "--format", "plain"],
    "due table": ["due", "--as-of", "2026-03-18", "--format", "table"],
    "overdue, the morning digest": ["overdue", "--as-of", "2026-03-20"],
    "history": ["history", "--format", "plain"],
    "an error (exit 2)": ["due", "--as-of", "2026-99-18"],
    "a usage error (exit 2)": ["due", "--within"],
    "help": ["--help"],
    "help of a command": ["due", "--help"],
    "explain": ["explain", "syt", "monthly", "2026-01", "--as-of", "2026-03-20"],
}


@pytest.mark.parametrize("args", CP1258_RUNS.values(), ids=CP1258_RUNS.keys())
def test_output_on_a_vietnamese_code_page_says_the_same(office: dict[str, str], args: list[str]) -> None:
    utf8 = khoagiao(office, "utf-8", *args)
    legacy = khoagiao(office, "cp1258", *args)
    assert legacy.returncode == utf8.returncode, legacy.stderr.decode("cp1258")
    assert b"Traceback" not in legacy.stderr
    assert utf8.stdout.strip() or utf8.stderr.strip()  # something was said
    for a, b in ((legacy.stdout, utf8.stdout), (legacy.stderr, utf8.stderr)):
        assert said_the_same(a.decode("cp1258"), b.decode("utf-8")), (a.decode("cp1258"), b.decode("utf-8"))


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
@pytest.mark.parametrize("args", [CP1258_RUNS["due table"], CP1258_RUNS["an error (exit 2)"], CP1258_RUNS["help"]],
                         ids=["due", "error", "help"])
def test_a_code_page_without_vietnamese_gets_question_marks_not_a_traceback(office: dict[str, str], encoding: str,
                                                                              args: list[str]) -> None:
    utf8 = khoagiao(office, "utf-8", *args)
    legacy = khoagiao(office, encoding, *args)
    assert legacy.returncode == utf8.returncode
    assert b"Traceback" not in legacy.stderr
    said = (legacy.stdout + legacy.stderr).decode(encoding)
    assert "?" in said and "ế" not in said
    # what the code page has is kept: the ASCII words and digits of the UTF-8 output are all there
    words = [w for w in (utf8.stdout + utf8.stderr).decode("utf-8").split() if w.isascii() and w.isalnum()]
    assert words and all(w in said for w in words)


MACHINE_RUNS = {
    "due json": ["due", "--as-of", "2026-03-18", "--format", "json"],
    "export json": ["export", "--format", "json", "--as-of", "2026-03-18"],
    "export csv": ["export", "--format", "csv", "--as-of", "2026-03-18"],
    "export toml": ["export", "--format", "toml", "--as-of", "2026-03-18"],
    "stats json": ["stats", "--format", "json", "--as-of", "2026-03-18"],
    "units json": ["units", "--format", "json"],
    "schedule json": ["schedule", "--format", "json", "--year", "2026"],
}


@pytest.mark.parametrize("args", MACHINE_RUNS.values(), ids=MACHINE_RUNS.keys())
def test_what_programs_read_is_utf8_whatever_the_code_page(office: dict[str, str], args: list[str]) -> None:
    utf8 = khoagiao(office, "utf-8", *args)
    legacy = khoagiao(office, "cp1258", *args)
    assert utf8.returncode == 0 and legacy.returncode == 0, legacy.stderr
    assert legacy.stdout.replace(b"\r\n", b"\n") == utf8.stdout
    assert "ế".encode() in legacy.stdout or "ộ".encode() in legacy.stdout
