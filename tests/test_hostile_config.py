"""Hostile config files: several addresses in one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import write_config

import khoagiao_cli
from khoagiao_cli.cli.base import problem_text
from khoagiao_cli.config import load as config_mod
from khoagiao_cli.config.paths import config_sources
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
    r = cli("overdue", "--mail-to", "a@x.vn\r\nBcc: z@z.vn", code=2)
    assert "--mail-to 'a@x.vn\\r\\nBcc: z@z.vn' không phải địa chỉ e-mail" in r.stderr
    assert not CONTROL.search(r.stderr.replace("\n", ""))
    r = cli("overdue", "--mail-to", "Lãnh đạo <a@x.vn>", "--lang", "en", code=2)
    assert "--mail-to 'Lãnh đạo <a@x.vn>' is not an e-mail address" in r.stderr
