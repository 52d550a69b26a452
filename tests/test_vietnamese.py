"""Vietnamese output is Vietnamese: a gate over every catalogue value, the help of every command and sub-command,
and a representative run of each command, all in Vietnamese, against a small deny-list of English words; and one
word per idea ("gửi" for a unit sending a report; "báo cáo đột xuất" only for incidents)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main
from backends import BOTH

from khoagiao_cli.cli import load
from khoagiao_cli.i18n import catalogue

#: English words that must not reach a Vietnamese reader: click's and typer's headings and errors, pydantic's,
#: rule ids and channel ids said as words, Python's values
DENY = ("Usage", "Options", "Commands", "Arguments", "Missing", "Error", "Invalid", "Try", "monthly", "quarterly",
        "yearly", "half-yearly", "paper", "email", "eoffice", "other", "True", "False", "None", "Input should",
        "required", "default", "Aborted", "No such", "Got unexpected", "is not", "should be")
#: identifiers that must stay as they are, and where: the values an option takes and the ids a user types, listed
#: where the help says what to type (a key of the catalogue, or a pattern of text)
ALLOW_KEYS = {
    # what --channel takes: the ids, each with its Vietnamese word
    "o_channel": ("paper", "email", "eoffice", "other"),
    "channel_words": ("paper", "email", "eoffice", "other"),
    # what `config --reference` shows: the keys and values of the YAML files
    "ref_intro": ("default",),
}
ALLOW_TEXT = (
    r"\((?:monthly|q1|h1|q3|annual|ban-quy|ban-nam)\)",  # a rule's id after its name: "Báo cáo tháng (monthly)"
    r"monthly, q1, h1, q3, annual(?:, ban-quy, ban-nam)?",  # the ids a user types, listed
    r"frequency: monthly|monthly \(tháng",  # the schedule file's own values (config comments, the reference)
    r"table\|plain\|json|plain\|json|table\|json|json\|csv\|toml\|ics\|xlsx|vi\|en",  # metavars: values
    r"\b[\w.-]+@[\w.-]+\b",  # an e-mail address
    r"\bKHOAGIAO_\w+",  # environment variables
    r"--[a-z-]+",  # option names
    r"\{\w*\}",  # a placeholder of the catalogue
    r"khóa [a-z_]+",  # a key of the YAML files, named
)


def english(text: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The deny-listed words in `text`, once the identifiers that must stay are taken out (and a help panel's
    borders and line breaks, which may split a list of ids)."""
    text = " ".join(re.sub(r"[│┃╭╮╰╯─━]", " ", text).split())
    for pattern in ALLOW_TEXT:
        text = re.sub(pattern, " ", text)
    return [w for w in DENY if w not in allowed and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def test_the_gate_catches_what_it_is_for() -> None:
    assert english("Usage: khoagiao due [OPTIONS]") == ["Usage"]
    assert english("Kỳ 2026-03 không có báo cáo monthly riêng") == ["monthly"]
    assert english("Báo cáo tháng (monthly), kỳ tháng 02/2026") == []
    assert english("Hình thức: email") == ["email"] and english("gửi tới vanthu@example.vn") == []


VI = catalogue("vi")


@pytest.mark.parametrize("key", sorted(VI))
def test_every_vietnamese_message_is_vietnamese(key: str) -> None:
    found = english(str(VI[key]), ALLOW_KEYS.get(key, ()))
    assert not found, (
        f"vi.py[{key!r}] = {VI[key]!r} says English word(s) {found}: say it in Vietnamese, or, if it is an "
        f"identifier a user types, add it to ALLOW_KEYS / ALLOW_TEXT in tests/test_vietnamese.py")


def _commands() -> list[list[str]]:
    found: list[list[str]] = [[]]

    def walk(group, path: list[str]) -> None:  # noqa: ANN001
        for name, command in group.commands.items():
            found.append([*path, name])
            if hasattr(command, "commands"):
                walk(command, [*path, name])

    walk(typer.main.get_command(load()), [])
    return found


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "khoagiao")
def test_the_help_of_every_command_is_vietnamese(cli, monkeypatch, path) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = cli(*path, "--help").stdout
    assert "Cách dùng:" in out and "Tùy chọn" in out
    found = english(out, ALLOW_KEYS["o_channel"] if path[-1:] == ["submit"] else ())
    assert not found, (path, found, out)
    en = cli(*path, "--help", "--lang", "en").stdout
    assert "Usage:" in en and "Options" in en  # English keeps click's words


def test_plain_help_is_vietnamese_too(cli) -> None:
    """Click's own formatter (typer without rich markup) writes "Usage:", "Options:": said in Vietnamese as well."""
    from khoagiao_cli.cli.language import InOurLanguage

    command = typer.main.get_command(load()).commands["due"]
    command.rich_markup_mode = None  # click's plain help
    assert isinstance(command, InOurLanguage)
    ctx = typer.Context(command, info_name="due")
    command.help_lang = "vi"
    text = ctx.get_help()
    assert "Cách dùng:" in text and "Tùy chọn:" in text and not english(text), text


@pytest.mark.parametrize(("args", "said"), [
    (["explain", "syt"], "Thiếu tham số BÁO_CÁO."),
    (["explain", "syt", "monthly"], "Thiếu tham số KỲ."),
    (["due", "--bogus"], "Không có tùy chọn --bogus."),
    (["due", "--within", "-1"], "nằm ngoài khoảng 0–3660."),
    (["request", "add", "--id", "x"], "Thiếu tùy chọn --title."),
    (["submit", "syt", "monthly", "thua"], "Thừa tham số: thua."),
])
def test_click_errors_are_vietnamese(cli, args, said) -> None:
    r = cli(*args, code=2)
    assert said in r.stderr and not english(r.stderr), r.stderr


#: a run of each command, in Vietnamese, on the defaults with a ledger that holds one of each kind of event
RUN = [
    ["due", "--as-of", "2026-03-25", "--format", "table"], ["due", "--as-of", "2026-03-25", "--format", "plain"],
    ["overdue", "--as-of", "2026-03-25", "--unit", "syt"], ["status", "syt", "--as-of", "2026-04-15"],
    ["status", "syt", "--as-of", "2026-04-15", "--format", "plain"], ["explain", "syt", "monthly", "2026-01"],
    ["history"], ["schedule", "--year", "2026"], ["calendar", "--year", "2026", "--month", "3"],
    ["request", "list", "--all"], ["remind", "--as-of", "2026-03-20", "--unit", "syt"],
    ["stats", "--as-of", "2026-04-15", "--format", "table"], ["stats", "--as-of", "2026-04-15", "--format", "plain"],
    ["units"], ["units", "--all"], ["verify"],
    ["submit", "syt", "monthly", "--period", "2026-03"], ["submit", "syt", "monthly", "--period", "2026-13"],
    ["submit", "syt", "monthly", "--period", "2026-01"], ["withdraw", "syt", "h1", "--period", "2026-H1"],
    ["submit", "hkh", "q1", "--period", "2026-Q1", "--correct"],
]


@BOTH
def test_a_run_of_every_command_speaks_vietnamese(cli, cfg) -> None:
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-03-18", "--channel", "email",
        "--doc-number", "125/BC-SYT", "--as-of", "2026-04-15")
    cli("submit", "hdy", "monthly", "--period", "2026-01", "--received", "2026-01-18", "--channel", "paper",
        "--as-of", "2026-04-15")
    cli("submit", "lhh", "monthly", "--period", "2026-01", "--received", "2026-01-18", "--channel", "eoffice",
        "--as-of", "2026-04-15")
    cli("withdraw", "lhh", "monthly", "--period", "2026-01", "--note", "gửi nhầm")
    cli("request", "add", "--id", "qc238-2026", "--title", "Báo cáo Quy chế 238", "--deadline", "29/11/2026")
    cli("request", "cancel", "qc238-2026")
    cli("incident", "add", "syt", "--title", "Ổ dịch", "--occurred", "2026-03-20 08:30", "--as-of", "2026-03-20T09:00")
    cli("submit", "syt", "incident", "--received", "2026-03-21 10:15", "--as-of", "2026-03-21T11:00")
    for args in RUN:
        r = cli(*args, code=None)
        found = english(r.stdout + r.stderr)
        assert not found, (args, found, r.stdout + r.stderr)


# ---------------------------------------------------------------------------- one word per idea

REPO = Path(__file__).resolve().parents[1]


def test_a_unit_gui_its_reports_never_nop() -> None:
    """The plan says units "gửi báo cáo về Ban": the catalogue and the schedule's comments say "gửi", never "nộp"."""
    said = [k for k, v in VI.items() if re.search(r"\bnộp\b", str(v), re.IGNORECASE)]
    assert not said, f"say 'gửi', not 'nộp', in vi.py: {said}"
    schedule = (REPO / "config" / "schedule.yaml").read_text(encoding="utf-8")
    assert not re.search(r"\bnộp\b", schedule, re.IGNORECASE)


def test_bao_cao_dot_xuat_names_incidents_only() -> None:
    """One-off requests are "yêu cầu báo cáo"; "báo cáo đột xuất" is the report of an incident (sự việc)."""
    for key, value in VI.items():
        text = str(value).lower()
        if "request" in key or "yêu cầu" in text:
            assert "đột xuất" not in text, f"vi.py[{key!r}]: a request is 'yêu cầu báo cáo', not 'đột xuất'"
        if "incident" in key:
            assert "sự cố" not in text and "yêu cầu báo cáo" not in text, f"vi.py[{key!r}]: an incident is a 'sự việc'"
