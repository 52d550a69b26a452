"""Hostile config files: alias bombs, deep nesting, merge keys, bad bytes, control characters, several addresses
in one, and a fuzz test that every file is either a config or a list of `file:line: field: problem`."""

from __future__ import annotations

import codecs
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import write_config
from hypothesis import given
from hypothesis import strategies as st

import khoagiao_cli
from khoagiao_cli.cli.base import problem_text
from khoagiao_cli.config import load as config_mod
from khoagiao_cli.config.paths import config_sources, embedded_dir
from khoagiao_cli.core.model import Config
from khoagiao_cli.errors import ConfigError
from khoagiao_cli.i18n import Words

SRC = Path(khoagiao_cli.__file__).resolve().parents[1]
RULES = "rules:\n  - id: monthly\n    name: Báo cáo tháng\n    frequency: monthly\n    before: 20\n"
GOOD_UNITS = "units:\n  - code: syt\n    name: Sở Y tế\n"
#: what a terminal would act on: C0 controls but the newline that ends a line, DEL, C1 controls
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def load_dir(folder: Path, cwd: Path):  # noqa: ANN201
    return config_mod.load(config_sources(folder, {}), None, cwd)  # no cache: validated every time


def problems(folder: Path, cwd: Path, lang: str = "vi") -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_dir(folder, cwd)
    return [problem_text(Words(lang), p) for p in info.value.problems]


def units_folder(tmp_path: Path, units: str | bytes) -> Path:
    folder = write_config(tmp_path / "config", schedule=RULES, units="")
    (folder / "units.yaml").write_bytes(units.encode() if isinstance(units, str) else units)
    return folder


def _one_gigabyte() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def khoagiao(home: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, with at most 1 GB of memory: a crash is an exit code, not ours."""
    env = {"KHOAGIAO_HOME": str(home), "HOME": str(home), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(SRC),
           "COLUMNS": "120", "TERM": "dumb", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "khoagiao_cli", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_one_gigabyte, cwd=home.parent)


# --------------------------------------------------------------------------- size: aliases, depth, bytes


def alias_bomb(levels: int = 10, width: int = 9) -> str:
    """Billion laughs: each level a list of `width` aliases of the level below (9**10 nodes once expanded)."""
    lines = ["units:", "  - code: syt", "    name: Sở Y tế", "l0: &l0 lol"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    units_folder(tmp_path, alias_bomb())
    start = time.monotonic()
    out = khoagiao(tmp_path / "home", "config", "--config", str(tmp_path / "config"), timeout=30)
    elapsed = time.monotonic() - start
    assert out.returncode == 2, out.stderr[-2000:]
    # l6 is the level whose aliases pass 200,000 nodes: 9**6 is 531,441
    assert "config/units.yaml:10: YAML quá lớn khi mở các bí danh (alias): hơn 200000 nút" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and elapsed < 10


def test_an_alias_bomb_in_english(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, alias_bomb())
    assert problems(folder, tmp_path, "en") == [
        "config/units.yaml:10: YAML too large once its aliases are expanded: over 200000 nodes"
    ]


def test_a_few_aliases_are_read_as_usual(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "groups: &g [a, b]\nunits:\n  - code: syt\n    name: Sở Y tế\n    reports: []\n")
    assert problems(folder, tmp_path)[0].startswith("config/units.yaml:1: groups: khóa không được phép")


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - &u\n    code: syt\n    name: Sở Y tế\n    group: *u\n")
    assert problems(folder, tmp_path) == [
        "config/units.yaml:5: YAML không hợp lệ: bí danh *u nằm bên trong chính nút mà nó trỏ tới"
    ]


def test_a_thousand_levels_deep_is_refused(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - code: syt\n    name: A\ndeep: " + "[" * 1000 + "]" * 1000 + "\n")
    assert problems(folder, tmp_path) == ["config/units.yaml:4: YAML lồng nhau quá 64 tầng"]


def test_a_block_nesting_too_deep_names_its_line(tmp_path: Path) -> None:
    lines = ["units:", "  - code: syt", "    name: A", "deep:"] + [" " * (2 * n + 2) + f"k{n}:" for n in range(70)]
    folder = units_folder(tmp_path, "\n".join(lines) + " 1\n")
    assert problems(folder, tmp_path, "en") == ["config/units.yaml:68: YAML nested over 64 levels deep"]


@pytest.mark.parametrize("depth", [1000, 50_000])
def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path, depth: int) -> None:
    units_folder(tmp_path, "units:\n  - code: syt\n    name: A\ndeep: " + "[" * depth + "]" * depth + "\n")
    out = khoagiao(tmp_path / "home", "units", "--config", str(tmp_path / "config"), timeout=30)
    assert out.returncode == 2, out.stderr[-2000:]
    assert "config/units.yaml:4: YAML lồng nhau quá 64 tầng" in out.stderr


def test_a_file_over_8_mb_is_refused_unread(tmp_path: Path) -> None:
    units = "units:\n  - code: syt\n    name: A\n" + "# " + "x" * 77 + "\n" * 1
    folder = units_folder(tmp_path, units + ("#" + "y" * 79 + "\n") * (8 * 1024 * 1024 // 80 + 1))
    assert problems(folder, tmp_path) == ["config/units.yaml: tệp lớn quá 8 MB (tệp cấu hình chỉ cỡ vài chục KB)"]


def test_five_thousand_units_are_well_inside_the_limits(tmp_path: Path) -> None:
    units = ["units:"]
    for n in range(5000):
        units += [f"  - code: u{n}", f"    name: Đơn vị số {n}", f"    short_name: ĐV{n}", "    group: sở",
                  f"    email: [vanthu{n}@u{n}.example.vn, lanhdao{n}@u{n}.example.vn]",
                  "    reports: [monthly]", "    active_from: 2025-07-01"]
    folder = units_folder(tmp_path, "\n".join(units) + "\n")
    start = time.monotonic()
    assert len(load_dir(folder, tmp_path).units) == 5000
    assert time.monotonic() - start < 10


# --------------------------------------------------------------------------- merge keys


MERGED = """\
units:
  - &syt
    code: syt
    name: Sở Y tế
    group: sở
    email: vanthu@syt.example.vn
  - <<: *syt
    code: syt2
    name: Sở Y tế (cơ sở 2)
"""


def test_merge_keys_are_valid_yaml(tmp_path: Path) -> None:
    cfg = load_dir(units_folder(tmp_path, MERGED), tmp_path)
    assert [(u.code, u.name, u.group, u.email) for u in cfg.units] == [
        ("syt", "Sở Y tế", "sở", ("vanthu@syt.example.vn",)),
        ("syt2", "Sở Y tế (cơ sở 2)", "sở", ("vanthu@syt.example.vn",)),
    ]


def test_merge_from_a_list_the_first_wins_and_own_keys_win(tmp_path: Path) -> None:
    units = ("base: &base {group: sở, short_name: X}\nextra: &extra {group: hội, email: a@x.vn}\n"
             "units:\n  - {<<: [*base, *extra], code: a, name: A, short_name: Y}\n")
    folder = units_folder(tmp_path, units)
    assert problems(folder, tmp_path) == ["config/units.yaml:1: base: khóa không được phép (gõ nhầm tên?)",
                                          "config/units.yaml:2: extra: khóa không được phép (gõ nhầm tên?)"]
    text = "units:\n  - &base {group: sở, short_name: X, code: b, name: B}\n  - &extra {group: hội, email: a@x.vn, code: c, name: C}\n"
    folder = units_folder(tmp_path, text + "  - {<<: [*base, *extra], code: a, name: A, short_name: Y}\n")
    got = load_dir(folder, tmp_path).unit_by_code["a"]
    assert (got.group, got.short_name, got.email) == ("sở", "Y", ("a@x.vn",))


def test_a_key_written_twice_beside_a_merge_is_still_a_duplicate(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, MERGED + "    name: Lặp\n")
    assert problems(folder, tmp_path) == ["config/units.yaml:10: units[1].name: khóa bị lặp lại (chỉ được ghi một lần)"]


def test_a_mistake_in_a_merged_key_names_the_line_it_is_written_on(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, MERGED.replace("group: sở", "groop: sở"))
    assert problems(folder, tmp_path) == ["config/units.yaml:5: units[0].groop: khóa không được phép (gõ nhầm tên?)",
                                          "config/units.yaml:5: units[1].groop: khóa không được phép (gõ nhầm tên?)"]


def test_a_merge_of_something_that_is_no_mapping_is_a_yaml_mistake(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - <<: 5\n    code: a\n    name: A\n")
    assert problems(folder, tmp_path)[0].startswith("config/units.yaml:2: YAML không hợp lệ: ")


# --------------------------------------------------------------------------- bytes and encodings


def test_an_invalid_byte_names_its_line_and_column(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, GOOD_UNITS.encode() + b"x: \xff\xfe\n")
    assert problems(folder, tmp_path) == [
        "config/units.yaml:4: byte không hợp lệ trong UTF-8 ở cột 4 (0xff); hãy lưu tệp dạng UTF-8"
    ]
    assert problems(folder, tmp_path, "en") == [
        "config/units.yaml:4: invalid UTF-8 at column 4 (0xff); save the file as UTF-8"
    ]


def test_a_latin1_letter_in_a_name_names_its_line(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - code: syt\n    name: S\xe9 Y t\xe9\n".encode("latin-1"))
    assert problems(folder, tmp_path) == [
        "config/units.yaml:3: byte không hợp lệ trong UTF-8 ở cột 12 (0xe9); hãy lưu tệp dạng UTF-8"
    ]


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_a_file_with_a_byte_order_mark_is_read(tmp_path: Path, bom: bytes) -> None:
    encoding = {codecs.BOM_UTF8: "utf-8", codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}[bom]
    folder = units_folder(tmp_path, bom + GOOD_UNITS.replace("\n", "\r\n").encode(encoding))
    assert [u.name for u in load_dir(folder, tmp_path).units] == ["Sở Y tế"]


def test_broken_utf16_names_its_line(tmp_path: Path) -> None:
    text = codecs.BOM_UTF16_LE + GOOD_UNITS.encode("utf-16-le") + b"x\x00:\x00 \x00\x00\xd8\n\x00"
    assert problems(units_folder(tmp_path, text), tmp_path, "en") == [
        "config/units.yaml:4: invalid UTF-16 at column 4 (0x00 0xd8); save the file as UTF-8"
    ]


@pytest.mark.parametrize(("raw", "char", "column"), [("\x1b[31m", "U+001B", 14), ("\x7f", "U+007F", 14),
                                                     ("\x9b", "U+009B", 14), ("\x00", "U+0000", 14)])
def test_a_raw_control_character_in_the_file_names_its_line(tmp_path: Path, raw: str, char: str, column: int) -> None:
    folder = units_folder(tmp_path, f"units:\n  - code: syt\n    name: 'Sở{raw}'\n")
    assert problems(folder, tmp_path) == [
        f"config/units.yaml:3: ký tự điều khiển {char} ở cột {column}; tệp cấu hình chỉ được chứa văn bản"
    ]


# --------------------------------------------------------------------------- control characters in values


@pytest.mark.parametrize(
    ("value", "char"),
    [
        (r'"Sở Y tế\e[2J"', "U+001B"),
        (r'"Sở Y tế\x1b]0;pwned\x07"', "U+001B"),
        (r'"Sở Y tế\r\nBcc: z@z.vn"', "U+000D"),
        (r'"Sở Y tế\nhai dòng"', "U+000A"),
        (r'"Sở\tY tế"', "U+0009"),
        (r'"Sở\0"', "U+0000"),
        (r'"Sở\x7f"', "U+007F"),
        (r'"Sở\u009b"', "U+009B"),
        (r'"Sở\N"', "U+0085"),
        (r'"Sở\L"', "U+2028"),
        (r'"Sở Y tế\u202e\u2066"', "U+202E"),  # bidi override: shows text in another order ("Trojan Source")
        ("|\n      Sở Y tế\n      hai dòng", "U+000A"),
    ],
)
def test_a_control_character_in_a_value_is_refused(tmp_path: Path, value: str, char: str) -> None:
    folder = units_folder(tmp_path, f"units:\n  - code: syt\n    name: {value}\n")
    assert problems(folder, tmp_path) == [
        f"config/units.yaml:3: units[0].name: chứa ký tự điều khiển {char} (xuống dòng, tab, ESC…); "
        "giá trị cấu hình chỉ được là một dòng chữ"
    ]


def test_a_newline_in_the_office_short_name_never_reaches_a_mail_header(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, 'office:\n  short_name: "BTG\\r\\nBcc: z@z.vn"\n' + GOOD_UNITS)
    assert problems(folder, tmp_path, "en") == [
        "config/units.yaml:2: office.short_name: holds the control character U+000D (newline, tab, ESC…); "
        "a config value is one line of text"
    ]


def test_a_control_character_in_a_schedule_and_in_a_key_is_shown_escaped(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=RULES.replace("Báo cáo tháng", '"Báo cáo\\e[8m"')
                          + '"x\\e[2J": 1\n', units=GOOD_UNITS)
    got = problems(folder, tmp_path, "en")
    assert got == [
        "config/schedule.yaml:3: rules[0].name: holds the control character U+001B (newline, tab, ESC…); "
        "a config value is one line of text",
        "config/schedule.yaml:6: x\\x1b[2J: holds the control character U+001B (newline, tab, ESC…); "
        "a config value is one line of text",
    ]


def test_an_aliased_control_character_is_told_once(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, 'units:\n  - code: a\n    name: &n "A\\e"\n  - code: b\n    name: *n\n')
    assert [p.split(": ")[:2] for p in problems(folder, tmp_path)] == [["config/units.yaml:3", "units[0].name"]]


def test_an_aliased_mapping_with_a_key_written_twice_is_told_once(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - &u {code: a, name: A, name: B}\n  - *u\n  - *u\n")
    assert problems(folder, tmp_path) == ["config/units.yaml:2: units[0].name: khóa bị lặp lại (chỉ được ghi một lần)"]


@pytest.mark.parametrize("tag", ["!!binary G1sySg==", "!!timestamp 2026-99-99", "!!int abc", "!!bool maybe",
                                 "!!float x", "!!python/name:os.system", "!local x"])
def test_an_explicit_tag_is_refused_with_its_line(tmp_path: Path, tag: str) -> None:
    folder = units_folder(tmp_path, f"units:\n  - code: syt\n    name: {tag}\n")
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith("config/units.yaml:3: YAML không hợp lệ: "), got


def test_a_number_too_long_to_read_is_a_config_mistake(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=f"due_soon_days: {'9' * 5000}\n" + RULES, units=GOOD_UNITS)
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith("config/schedule.yaml:1: due_soon_days: "), got
    folder = write_config(tmp_path / "config", schedule="due_soon_days: 0x_\n" + RULES, units=GOOD_UNITS)
    assert problems(folder, tmp_path)[0].startswith("config/schedule.yaml:1: due_soon_days: phải là số nguyên")


# --------------------------------------------------------------------------- e-mail addresses


@pytest.mark.parametrize(
    "address",
    ["a@x.vn,b@y.vn", "a@x.vn; b@y.vn", "a@x.vn b@y.vn", "Văn thư <a@x.vn>", "a@x", "@x.vn", "a@", "a@@x.vn",
     "a@x..vn", "a(c)@x.vn", '"a b"@x.vn', "a@x.vn."],
)
def test_a_unit_email_is_one_address(tmp_path: Path, address: str) -> None:
    folder = units_folder(tmp_path, f"units:\n  - code: syt\n    name: A\n    email: '{address}'\n")
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith(f"config/units.yaml:4: units[0].email: '{address}' "), got


def test_several_addresses_in_one_entry_say_to_write_a_list(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - code: syt\n    name: A\n    email: a@x.vn,b@y.vn\n")
    assert problems(folder, tmp_path, "en") == [
        "config/units.yaml:4: units[0].email: 'a@x.vn,b@y.vn' holds several addresses; write one address per "
        "entry, as a list: [a@x.vn, b@x.vn]"
    ]


def test_the_office_and_the_sender_are_one_address_each(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=RULES + "mail:\n  from: vanthu@x.vn, z@z.vn\n",
                          units="office:\n  email: Ban <ban@x.vn>\n" + GOOD_UNITS)
    assert [p.split(": ")[:2] for p in problems(folder, tmp_path)] == [
        ["config/schedule.yaml:7", "mail.from"], ["config/units.yaml:2", "office.email"]]


def test_honest_addresses_pass(tmp_path: Path) -> None:
    folder = units_folder(tmp_path, "units:\n  - code: syt\n    name: A\n    email: [vanthu@syt.example.vn, "
                                    "van.thu+bc@syt-kh.gov.vn, a_b@x.vn]\n")
    assert load_dir(folder, tmp_path).units[0].email == ("vanthu@syt.example.vn", "van.thu+bc@syt-kh.gov.vn",
                                                         "a_b@x.vn")


def test_one_check_for_addresses_in_the_config_and_on_the_command_line() -> None:
    from khoagiao_cli.app.remind import parse_addresses
    from khoagiao_cli.core.addresses import is_address

    assert is_address("vanthu@btg.example.vn") and not is_address("a@x.vn\r\nBcc: z@z.vn")
    assert parse_addresses("a@x.vn, b@y.vn") == ["a@x.vn", "b@y.vn"]


def test_mail_to_with_a_header_inside_is_refused(cli) -> None:
    from khoagiao_cli.app.remind import parse_addresses
    from khoagiao_cli.errors import UserError

    r = cli("overdue", "--mail-to", "a@x.vn\r\nBcc: z@z.vn", code=2)
    assert "--mail-to" in r.stderr and "U+000D" in r.stderr  # refused with every other option's control characters
    assert not CONTROL.search(r.stderr.replace("\n", ""))
    with pytest.raises(UserError) as info:  # and by the address check itself, for any other caller
        parse_addresses("a@x.vn\r\nBcc: z@z.vn")
    assert info.value.key == "mail_to_bad"
    r = cli("overdue", "--mail-to", "Lãnh đạo <a@x.vn>", "--lang", "en", code=2)
    assert "--mail-to 'Lãnh đạo <a@x.vn>' is not an e-mail address" in r.stderr


# --------------------------------------------------------------------------- fuzz: a config, or problems


def _schema_keys() -> list[str]:
    from khoagiao_cli.config.schema import FILES

    keys: set[str] = set()
    models: list[type] = list(FILES.values())
    while models:
        model = models.pop()
        for name, field in model.model_fields.items():  # type: ignore[attr-defined]
            keys.add(field.alias or name)
            models += [t for t in (*getattr(field.annotation, "__args__", ()), field.annotation)
                       if isinstance(t, type) and hasattr(t, "model_fields")]
    return sorted(keys)


DEFAULTS = {name: (embedded_dir() / name).read_bytes() for name in ("units.yaml", "schedule.yaml")}
TOKENS = ["syt", "monthly", "quarterly", "20", "0", "-1", "99", "2026-02-30", "31/01/2026", "10/13/2026", "decree-09",
          "a@x.vn", "a@x.vn,b@y.vn", "A <a@x.vn>", "null", "~", "yes", "no", "0x_", "._", "0b_", "1e999", ".inf",
          ".nan", "9" * 5000, "-", "'", '"', "''", '""', "<<", "?", ":", "#", "|", ">", "[", "]", "{", "}", ",", "---",
          "...", "%YAML 1.1", "Sở Y tế", "next_working_day", "VN", "Asia/Ho_Chi_Minh", "08:00", "14:00", "ssl"]
ESCAPES = [r'"\e[2J"', r'"a\r\nb"', r'"\0"', r'"\x7f"', r'"\N"', r'"\L"', r'"\u009b"', r'"\t"']
ANCHORS = ["a", "b", "c"]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!timestamp", "!!map", "!!seq", "!!set",
        "!!omap", "!", "!x", "!<tag:yaml.org,2002:str>"]

scalars = st.one_of(st.sampled_from(TOKENS), st.sampled_from(ESCAPES), st.integers().map(str),
                    st.text(max_size=12).map(lambda t: json.dumps(t, ensure_ascii=False)))  # JSON strings are YAML
keys = st.one_of(st.sampled_from([*_schema_keys(), "<<"]), scalars)
nodes = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    st.lists(st.tuples(keys, inner), max_size=4).map(lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"),
    st.tuples(st.sampled_from(ANCHORS), inner).map(lambda t: f"&{t[0]} {t[1]}"),
    st.sampled_from(ANCHORS).map(lambda a: f"*{a}"),
    st.tuples(st.sampled_from(TAGS), inner).map(lambda t: f"{t[0]} {t[1]}"),
), max_leaves=12)
deep = st.tuples(st.integers(0, 120), st.sampled_from(["[", "{a: "])).map(
    lambda t: t[1] * t[0] + "x" + ("]" if t[1] == "[" else "}") * t[0])
bombs = st.tuples(st.integers(1, 12), st.integers(1, 9)).map(lambda t: "{" + ", ".join(
    ["l0: &l0 x"] + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * t[1])}]" for n in range(1, t[0] + 1)]) + "}")
values = st.one_of(nodes, deep, bombs)
documents = st.lists(st.tuples(keys, values), max_size=6).map(lambda kv: "".join(f"{k}: {v}\n" for k, v in kv))


def outcome(name: str, data: bytes) -> None:
    """Every file is a Config, or a ConfigError whose problems are said in both languages, each `file:line` with
    nothing a terminal would act on."""
    texts = {**DEFAULTS, name: data}
    try:
        assert isinstance(config_mod.validate(texts, {n: n for n in texts}), Config)
    except ConfigError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert re.fullmatch(r"(units|schedule)\.yaml(:[1-9]\d*)?", problem.where), problem
            for lang in ("vi", "en"):
                assert not CONTROL.search(problem_text(Words(lang), problem)), problem


@given(st.sampled_from(sorted(DEFAULTS)), st.binary(max_size=400))
def test_fuzz_random_bytes(name: str, data: bytes) -> None:
    outcome(name, data)


@given(st.sampled_from(sorted(DEFAULTS)), documents, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_fuzz_yaml_built_from_the_schema_keys(name: str, text: str, encoding: str) -> None:
    outcome(name, text.encode(encoding, "surrogatepass"))


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, bytes]:
    """An embedded file with a few edits: a value replaced, a line put in, a byte changed, lines cut out."""
    name = draw(st.sampled_from(sorted(DEFAULTS)))
    lines = DEFAULTS[name].split(b"\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        kind = draw(st.sampled_from(["value", "insert", "byte", "cut"]))
        if kind == "value" and b":" in line:
            lines[at] = line.split(b":", 1)[0] + b": " + draw(values).encode("utf-8", "surrogatepass")
        elif kind == "insert":
            indent = line[: len(line) - len(line.lstrip())]
            lines.insert(at, indent + draw(st.tuples(keys, values).map(lambda kv: f"{kv[0]}: {kv[1]}"))
                         .encode("utf-8", "surrogatepass"))
        elif kind == "byte" and line:
            i = draw(st.integers(0, len(line) - 1))
            lines[at] = line[:i] + bytes([draw(st.integers(0, 255))]) + line[i + 1:]
        else:
            del lines[at: at + draw(st.integers(1, 5))]
    return name, b"\n".join(lines)


@given(edited())
def test_fuzz_edits_of_the_real_files(case: tuple[str, bytes]) -> None:
    outcome(*case)


@pytest.mark.parametrize(("text", "said"), [
    ("units: [1, 2\n", "thiếu dấu ']' đóng danh sách"),
    ("units: {a: 1\n", "thiếu dấu ngoặc nhọn đóng"),
    ("office: name: x\n", "không được có dấu ':' ở đây"),
    ("units:\n\t- x\n", "có ký tự không được đứng đầu một giá trị"),
    ("units: *nope\n", "có bí danh (*tên) chưa được định nghĩa"),
    ('office:\n  name: "x\n', "thiếu dấu ngoặc kép đóng"),
])
def test_a_yaml_syntax_error_is_said_in_our_words(tmp_path: Path, text: str, said: str) -> None:
    """PyYAML's English ("did not find expected ',' or ']'") reached a Vietnamese clerk."""
    found = problems(units_folder(tmp_path, text), tmp_path)
    assert len(found) == 1 and said in found[0] and "expected" not in found[0], found
