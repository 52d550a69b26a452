"""Output that survives a Windows code page. On a Vietnamese Windows PC the console itself is UTF-16 (PEP 528), but
output redirected to a file or a pipe (Task Scheduler's `> log.txt`, `| more`) is written in the ANSI code page,
cp1258, which has ê, ơ, ư, ă, đ and the five tone marks as combining characters but no precomposed "ế". Each
command runs here as it would there (PYTHONIOENCODING=cp1258, no UTF-8 mode): it must end as it does on UTF-8, with
no traceback, and say the same words (cp1258's bytes, decoded and NFC-normalised, are the UTF-8 output); on a code
page without Vietnamese (cp1252, cp437) a letter it lacks becomes "?", never a crash. What programs read (JSON,
CSV, TOML, iCalendar) is UTF-8 whatever the code page."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import write_config
from hypothesis import given
from hypothesis import strategies as st

from khoagiao_cli.outputs.codepage import LOOK_ALIKE, fit, for_codepage, legacy_form

#: Rich draws its tables in ASCII on a stream whose encoding is not UTF: the same geometry, one cell a character,
#: but with a border where a Unicode box may leave a blank
ASCII_BOX = "+-|="


#: the twelve vowels of Vietnamese, each with no tone and with each of the five (ngang, huyền, sắc, hỏi, ngã, nặng)
VOWELS = "aăâeêioôơuưy"
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS + VOWELS.upper() for t in TONE_MARKS] + ["đ", "Đ"]


def test_there_are_the_letters_of_vietnamese() -> None:
    assert len(LETTERS) == 146 and all(len(c) == 1 for c in LETTERS)
    assert {"ế", "Ợ", "ử", "Ỹ", "ặ", "ầ"} <= set(LETTERS)


@pytest.mark.parametrize("letter", LETTERS)
def test_every_vietnamese_letter_survives_cp1258(letter: str) -> None:
    written = for_codepage(letter, "cp1258").encode("cp1258")  # never an error
    assert unicodedata.normalize("NFC", written.decode("cp1258")) == letter
    assert b"?" not in written
    # a letter typed decomposed (a keyboard in "Unicode tổ hợp" mode) is written the same
    assert for_codepage(unicodedata.normalize("NFD", letter), "cp1258") == for_codepage(letter, "cp1258")


def test_cp1258_spells_a_letter_as_its_base_and_its_tone_mark() -> None:
    assert legacy_form("ế") == "ê\u0301" and legacy_form("Ợ") == "Ơ\u0323" and legacy_form("ậ") == "â\u0323"
    assert legacy_form("ả") == "a\u0309" and legacy_form("Ữ") == "Ư\u0303" and legacy_form("đ") == "đ"
    assert for_codepage("Sở Y tế", "cp1258") == "Sơ\u0309 Y tê\u0301"
    assert for_codepage("Báo cáo quý I", "cp1258") == "Báo cáo quy\u0301 I"  # á it has whole, ý it does not


def test_a_whole_text_survives_cp1258() -> None:
    text = "Lỗi: Hội Khuyến học tỉnh chưa gửi Báo cáo 6 tháng đầu năm (trước 20/06/2026), quá 3 ngày. ĐÃ NHẬN."
    written = for_codepage(text, "cp1258").encode("cp1258")
    assert unicodedata.normalize("NFC", written.decode("cp1258")) == text


def test_a_code_page_without_vietnamese_gets_a_question_mark_per_letter() -> None:
    assert for_codepage("Sở Y tế", "cp1252") == "S? Y t?"
    assert for_codepage("Hội Đông y", "cp437") == "H?i ?ông y"
    assert for_codepage("Văn hóa", "cp1252") == "V?n hóa"  # ó: cp1252 has it


def test_symbols_get_a_look_alike_of_one_column() -> None:
    assert for_codepage("quy tắc → hạn cuối", "cp1258") == "quy tă\u0301c > ha\u0323n cuô\u0301i"
    assert for_codepage("███░░ ✓✗", "cp1258") == "###.. vx"
    assert for_codepage("— …", "cp1258") == "— …"  # cp1258 has both
    assert for_codepage("— … 😀", "cp437") == "- . ?"
    assert all(len(v) == 1 for v in LOOK_ALIKE.values())


@pytest.mark.parametrize("encoding", ["cp1258", "cp1252"])
def test_each_footnote_mark_stays_a_mark_of_its_own(encoding: str) -> None:
    """Found by review: cp1258 and cp1252 have only ¹ ² ³, so the marks of a fourth to ninth moved deadline (and
    the notes that say why) came out as "?": a reader could not tell which note went with which date. Each now has
    a mark of its own that the code page has, one column wide."""
    from khoagiao_cli.outputs.screens import Footnotes

    marks = [for_codepage(m, encoding) for m in Footnotes.MARKS]
    assert "?" not in marks and len(set(marks)) == len(marks) and all(len(m) == 1 for m in marks), marks


@given(st.text())
def test_any_text_encodes_in_any_code_page_and_a_fitted_stream_writes_just_that(text: str) -> None:
    for encoding in ("cp1258", "cp1252", "cp437", "ascii"):
        expected = for_codepage(text, encoding).encode(encoding)  # never an error
        out = stream(encoding)
        fit(out)
        out.write(text)
        out.flush()
        assert out.buffer.getvalue() == expected  # type: ignore[attr-defined]
        assert text.encode(out.encoding) == expected


def stream(encoding: str, errors: str = "strict") -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors=errors)


def test_fit_makes_a_stream_write_its_code_page() -> None:
    out = stream("cp1258")
    fit(out)
    out.write("Sở Y tế\n")
    out.write("e\u0302\u0301 → ✓\n")  # decomposed, and symbols
    out.flush()
    written = out.buffer.getvalue()  # type: ignore[attr-defined]
    assert unicodedata.normalize("NFC", written.decode("cp1258")) == "Sở Y tế\nế > v\n"


def test_fit_leaves_alone_a_utf8_stream_and_one_whose_errors_were_chosen() -> None:
    for out in (stream("utf-8"), stream("cp1258", "replace"), stream("utf-16")):
        before = (out.encoding, out.errors)
        fit(out)
        assert (out.encoding, out.errors) == before
    out = stream("cp1258")
    fit(out)
    encoding = out.encoding
    fit(out)  # twice is once
    assert out.encoding == encoding == "khoagiao-cp1258"


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
    """The same text, character for character, but where Rich drew a box in ASCII and where a symbol the code page
    lacks has its look-alike (→ >)."""
    a, b = nfc(legacy).splitlines(), nfc(utf8).splitlines()
    if len(a) != len(b):
        return False
    for line_a, line_b in zip(a, b, strict=True):
        if len(line_a) != len(line_b):
            return False
        for x, y in zip(line_a, line_b, strict=True):
            box = "\u2500" <= y <= "\u257f" and (x in ASCII_BOX or x == " ") or (y == " " and x in ASCII_BOX)
            if x != y and not box and x != LOOK_ALIKE.get(y):
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
    words = [w for w in (utf8.stdout + utf8.stderr).decode("utf-8").split() if w.isascii() and w.strip("+-|=")]
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
