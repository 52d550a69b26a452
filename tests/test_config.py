"""Loading the YAML files: defaults, sources, caching and `file:line: field: problem` errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import write_config

from khoagiao_cli.cli.base import problem_text
from khoagiao_cli.config import load as config_mod
from khoagiao_cli.config.paths import config_sources, embedded_dir
from khoagiao_cli.errors import ConfigError, UserError
from khoagiao_cli.i18n import Words

GOOD_RULES = """\
rules:
  - id: monthly
    name: Báo cáo tháng
    frequency: monthly
    before: 20
"""


def load_dir(folder: Path, cwd: Path, cache: Path | None = None):
    return config_mod.load(config_sources(folder, {}), cache, cwd)


def problems(folder: Path, cwd: Path, lang: str = "vi") -> list[str]:
    with pytest.raises(ConfigError) as info:
        load_dir(folder, cwd)
    return [problem_text(Words(lang), p) for p in info.value.problems]


def test_embedded_defaults_are_the_plan(tmp_path: Path) -> None:
    cfg = config_mod.load(config_sources(None, {}), None, tmp_path)
    active = [u.code for u in cfg.units if u.active_until is None]
    # the units of 2026: those of the plan that continue keep their codes (existing ledgers keep working)
    assert active == ["syt", "sgddt", "skhcn", "snnmt", "snv", "svhttdl", "dhkh", "lhh", "bhxh-kh", "hdy", "hkh"]
    districts = [u for u in cfg.units if u.group == "huyện"]
    assert len(districts) == 9 and {u.active_until for u in districts} == {date(2025, 6, 30)}
    assert not [u for u in districts if u.successor]
    changed = {u.code: (u.active_until, u.successor) for u in cfg.units if u.active_until and u.group != "huyện"}
    march = date(2025, 2, 28)
    assert changed == {"stnmt": (march, "snnmt"), "sldtbxh": (march, "snv"), "svhtt": (march, "svhttdl"),
                       "bhxh": (march, "bhxh-kv"), "bhxh-kv": (date(2025, 6, 30), "bhxh-kh")}
    started = {u.code: u.active_from for u in cfg.units if u.active_from}
    assert started == {"snnmt": date(2025, 3, 1), "snv": date(2025, 3, 1), "svhttdl": date(2025, 3, 1),
                       "bhxh-kv": date(2025, 3, 1), "bhxh-kh": date(2025, 7, 1)}
    assert [r.id for r in cfg.rules if r.owner == "units"] == ["monthly", "q1", "h1", "q3", "annual"]
    assert [r.id for r in cfg.rules if r.owner == "office"] == ["ban-quy", "ban-nam"]
    assert cfg.settings.timezone == "Asia/Ho_Chi_Minh"
    assert cfg.settings.due_soon_days == 5 and cfg.settings.due_soon_working
    assert cfg.settings.tracking_start is None
    assert all(r.strict and r.day in (20, 30) for r in cfg.rules if r.owner == "units")
    assert all(r.shift == "next_working_day" for r in cfg.rules if r.owner == "units")
    assert cfg.settings.holidays == "VN" and date(2026, 1, 10) in cfg.settings.working_days
    assert [m.id for m in cfg.meetings] == ["giao-ban", "hoi-nghi-nam"]


def test_each_2025_change_in_the_defaults_names_its_basis_and_how_sure_it_is() -> None:
    """An office corrects a date in one edit: each changed unit says, in a comment beside it, the document it
    comes from and whether the date in Khánh Hòa is certain."""
    text = (embedded_dir() / "units.yaml").read_text(encoding="utf-8")
    blocks = text.split("\n  - code: ")[1:]
    for block in blocks:
        code = block.split("\n")[0]
        if ("active_until" in block or "active_from" in block) and "huyện" not in block:
            comments = " ".join(line for line in block.splitlines() if line.strip().startswith("#"))
            assert any(w in comments for w in ("Nghị định", "Quyết định", "Nghị quyết")), code
            assert any(w in comments for w in ("đã xác nhận", "có thể", "CHƯA CHẮC")), code
    assert "Ninh Thuận" in text and "01/07/2025" in text


def test_the_repository_config_is_the_embedded_one() -> None:
    repo = Path(__file__).resolve().parents[1] / "config"
    for name in ("units.yaml", "schedule.yaml"):
        assert (embedded_dir() / name).read_bytes() == (repo / name).read_bytes()


def test_an_out_of_range_day_names_file_line_field_and_problem(tmp_path: Path) -> None:
    text = (embedded_dir() / "schedule.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    # the third rule's `before:` line
    idx = [i for i, line in enumerate(lines) if line.strip().startswith("before:")][2]
    lines[idx] = "    before: 40"
    folder = write_config(tmp_path / "c", schedule="\n".join(lines) + "\n")
    assert problems(folder, tmp_path) == [
        f"c/schedule.yaml:{idx + 1}: rules[2].before: phải là ngày trong tháng (1–31), không phải 40"
    ]


def test_shown_relative_to_the_working_directory(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES.replace("before: 20", "before: 0"))
    assert problems(folder, tmp_path) == [
        "config/schedule.yaml:5: rules[0].before: phải là ngày trong tháng (1–31), không phải 0"
    ]


def test_messages_follow_the_language(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES.replace("before: 20", "before: 32"))
    assert problems(folder, tmp_path, "en") == [
        "config/schedule.yaml:5: rules[0].before: must be a day of the month (1–31), not 32"
    ]


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (GOOD_RULES + "    befor: 20\n", "config/schedule.yaml:6: rules[0].befor: khóa không được phép (gõ nhầm tên?)"),
        ("due_soon_dayz: 3\n" + GOOD_RULES, "config/schedule.yaml:1: due_soon_dayz: khóa không được phép (gõ nhầm tên?)"),
        (GOOD_RULES.replace("monthly\n    before", "weekly\n    before"),
         "config/schedule.yaml:4: rules[0].frequency: phải là một trong: 'monthly', 'quarterly', 'half-yearly', 'yearly'; không phải 'weekly'"),
        (GOOD_RULES.replace("    name: Báo cáo tháng\n", ""), "config/schedule.yaml:2: rules[0].name: thiếu (bắt buộc phải có)"),
        (GOOD_RULES + "    by: 20\n", "config/schedule.yaml:2: rules[0]: cần đúng một trong 'before' (trước ngày) hoặc 'by' (đến hết ngày)"),
        (GOOD_RULES + "    replaces: montly\n", "config/schedule.yaml:6: rules[0].replaces: không có quy tắc báo cáo 'montly' (có: )"),
        ("timezone: Asia/Hanoi_City\n" + GOOD_RULES, "config/schedule.yaml:1: timezone: múi giờ 'Asia/Hanoi_City' không tồn tại (ví dụ: Asia/Ho_Chi_Minh)"),
        ("tracking_start: 31/02/2026\n" + GOOD_RULES, "config/schedule.yaml:1: tracking_start: '31/02/2026' không phải ngày có thật (viết 2026-01-31 hoặc 31/01/2026)"),
        ("due_soon_days: -1\n" + GOOD_RULES, "config/schedule.yaml:1: due_soon_days: phải lớn hơn hoặc bằng 0, không phải -1"),
        ("due_soon_days: 3\ndue_soon_days: 4\n" + GOOD_RULES, "config/schedule.yaml:2: due_soon_days: khóa bị lặp lại (chỉ được ghi một lần)"),
        ("rules: [\n", "config/schedule.yaml:2: YAML không hợp lệ: "),
        ("", "config/schedule.yaml:1: rules: thiếu (bắt buộc phải có)"),
        ("- 1\n- 2\n", "config/schedule.yaml:1: .: phải là một bảng 'khóa: giá trị'"),
    ],
)
def test_each_schedule_mistake(tmp_path: Path, schedule: str, expected: str) -> None:
    folder = write_config(tmp_path / "config", schedule=schedule)
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith(expected), got


def test_tracking_start_accepts_the_office_date_form(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule="tracking_start: 01/03/2026\n" + GOOD_RULES)
    assert str(load_dir(folder, tmp_path).settings.tracking_start) == "2026-03-01"


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ("units:\n  - code: SYT\n    name: Sở Y tế\n", "config/units.yaml:2: units[0].code: 'SYT' chỉ được gồm chữ thường không dấu"),
        ("units:\n  - code: syt\n    name: Sở Y tế\n    reports: [monthly, quarterly]\n",
         "config/units.yaml:4: units[0].reports[1]: không có quy tắc báo cáo 'quarterly' (có: monthly)"),
        ("units:\n  - code: syt\n    name: A\n  - code: syt\n    name: B\n", "config/units.yaml:4: units[1].code: mã 'syt' đã dùng ở trên"),
        ("units:\n  - code: syt\n    name: A\n    email: not-an-address\n", "config/units.yaml:4: units[0].email: 'not-an-address' không phải địa chỉ e-mail"),
        ("units:\n  - code: syt\n    name: A\n    active_from: 2026-07-01\n    active_until: 2026-06-30\n",
         "config/units.yaml:5: units[0].active_until: active_until phải sau active_from"),
        ("units:\n  - code: syt\n    name: A\n    nmae: B\n", "config/units.yaml:4: units[0].nmae: khóa không được phép"),
        ("units: []\n", "config/units.yaml:1: units: phải có ít nhất 1 mục"),
    ],
)
def test_each_units_mistake(tmp_path: Path, units: str, expected: str) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES, units=units)
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith(expected), got


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    folder = write_config(
        tmp_path / "config", schedule=GOOD_RULES + "    month: 99\n    color: red\n",
        units="units:\n  - code: syt\n",
    )
    got = problems(folder, tmp_path)
    assert [p.split(": ")[0] for p in got] == ["config/schedule.yaml:6", "config/schedule.yaml:7", "config/units.yaml:2"]


def test_email_may_be_one_address_or_a_list(tmp_path: Path) -> None:
    units = "units:\n  - code: a\n    name: A\n    email: a@x.vn\n  - code: b\n    name: B\n    email: [b@x.vn, c@x.vn]\n"
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES, units=units)
    cfg = load_dir(folder, tmp_path)
    assert [u.email for u in cfg.units] == [("a@x.vn",), ("b@x.vn", "c@x.vn")]


def test_a_validated_config_is_cached_and_a_changed_file_is_validated_again(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES)
    cache = tmp_path / "cache"
    first = load_dir(folder, tmp_path, cache)
    (file,) = cache.glob("config-*.marshal")
    import marshal

    inputs, content = marshal.loads(file.read_bytes())  # the cached rule renamed: an answer only the cache can give
    content["rules"] = tuple({**r, "name": "Từ bộ nhớ đệm"} for r in content["rules"])
    file.write_bytes(marshal.dumps((inputs, content)))
    assert load_dir(folder, tmp_path, cache).rules[0].name == "Từ bộ nhớ đệm"
    assert first.rules[0].name == "Báo cáo tháng"
    (folder / "schedule.yaml").write_text(GOOD_RULES.replace("before: 20", "before: 99"), encoding="utf-8")
    with pytest.raises(ConfigError):
        load_dir(folder, tmp_path, cache)


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES)
    cache = tmp_path / "cache"
    good = load_dir(folder, tmp_path, cache)
    for f in cache.glob("config-*.marshal"):
        f.write_bytes(b"garbage")
    assert load_dir(folder, tmp_path, cache) == good


def test_one_folder_in_order_flag_env_user_embedded(tmp_path: Path) -> None:
    """The folder a command runs in never matters: ./config is not looked at."""
    flag = write_config(tmp_path / "flag")
    env_dir = write_config(tmp_path / "env")
    write_config(tmp_path / "config")
    user = tmp_path / "home"
    write_config(user / "config")
    env = {"KHOAGIAO_CONFIG": str(env_dir), "KHOAGIAO_HOME": str(user)}
    assert {s.origin for s in config_sources(flag, env).values()} == {"flag"}
    assert {s.origin for s in config_sources(None, env).values()} == {"env"}
    assert {s.origin for s in config_sources(None, {"KHOAGIAO_HOME": str(user)}).values()} == {"user"}
    assert {s.origin for s in config_sources(None, {"KHOAGIAO_HOME": str(tmp_path / "x")}).values()} == {"embedded"}


def test_a_file_the_folder_lacks_is_the_embedded_default(tmp_path: Path) -> None:
    only_units = tmp_path / "only"
    only_units.mkdir()
    (only_units / "units.yaml").write_text("units:\n  - code: a\n    name: A\n", encoding="utf-8")
    user = write_config(tmp_path / "h" / "config")
    got = config_sources(only_units, {"KHOAGIAO_HOME": str(user.parent)})
    assert (got["units.yaml"].origin, got["schedule.yaml"].origin) == ("flag", "embedded")
    assert got["schedule.yaml"].path == embedded_dir() / "schedule.yaml"


def test_a_missing_config_folder_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(UserError) as info:
        config_sources(tmp_path / "nope", {})
    assert info.value.exit_code == 2


def test_the_cache_keeps_dates_and_lists(tmp_path: Path) -> None:
    units = (
        "units:\n  - code: a\n    name: A\n    email: [a@x.vn, b@x.vn]\n    reports: [monthly]\n"
        "    active_from: 2025-07-01\n    active_until: 31/12/2026\n  - code: b\n    name: B\n"
    )
    folder = write_config(tmp_path / "config", schedule="tracking_start: 2026-02-01\n" + GOOD_RULES, units=units)
    cache = tmp_path / "cache"
    first = load_dir(folder, tmp_path, cache)
    again = load_dir(folder, tmp_path, cache)
    assert again == first
    assert again.units[0].active_until.isoformat() == "2026-12-31" and again.units[1].active_from is None
    assert again.settings.tracking_start.isoformat() == "2026-02-01"
    assert again.rule_by_id["monthly"].day == 20 and again.unit_by_code["a"].email == ("a@x.vn", "b@x.vn")


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (GOOD_RULES + "    shift: next_day\n",
         "config/schedule.yaml:6: rules[0].shift: phải là một trong: 'next_working_day', 'previous_working_day', 'none'; không phải 'next_day'"),
        (GOOD_RULES + "    cutoff: decree-90\n",
         "config/schedule.yaml:6: rules[0].cutoff: phải là decree-09 (Nghị định 09/2019/NĐ-CP) hoặc {from_day: 15, to_day: 14}, không phải 'decree-90'"),
        (GOOD_RULES + "    cutoff: {from_day: 15, to_day: 40}\n",
         "config/schedule.yaml:6: rules[0].cutoff.to_day: phải là ngày trong tháng (1–31), không phải 40"),
        (GOOD_RULES + "    owner: ban\n", "config/schedule.yaml:6: rules[0].owner: phải là một trong: 'units', 'office'; không phải 'ban'"),
        ("holidays: VI\n" + GOOD_RULES, "config/schedule.yaml:1: holidays: phải là một trong: 'VN', 'none'; không phải 'VI'"),
        ("days_off: [2026-02-30]\n" + GOOD_RULES, "config/schedule.yaml:1: days_off[0].date: "),
        ("days_off:\n  - {from: 2026-02-14}\n" + GOOD_RULES,
         "config/schedule.yaml:2: days_off[0]: mỗi ngày nghỉ là một ngày, hoặc {date: …}, hoặc {from: …, to: …}"),
        ("days_off:\n  - {from: 2026-02-22, to: 2026-02-14}\n" + GOOD_RULES,
         "config/schedule.yaml:2: days_off[0].to: phải sau from"),
        # issue 9: pydantic's English "Input should be a finite number"
        ("due_soon_days: .nan\n" + GOOD_RULES, "config/schedule.yaml:1: due_soon_days: phải là một số, không phải 'nan'"),
        # issue 9: YAML's true was taken for the number 1
        ("due_soon_days: true\n" + GOOD_RULES, "config/schedule.yaml:1: due_soon_days: phải là số nguyên, không phải 'true'"),
        # issue 9: 1900–2999 expanded to 400,000 days off on every command (200 MB, 1 s)
        ("days_off:\n  - {from: 1900-01-01, to: 2999-12-31}\n" + GOOD_RULES,
         "config/schedule.yaml:2: days_off[0].to: một khoảng nghỉ dài quá 60 ngày (gõ nhầm năm?)"),
        ("days_off:\n  - {dates: 2026-02-14}\n" + GOOD_RULES, "config/schedule.yaml:2: days_off[0].dates: khóa không được phép"),
        ("tracking_start: 2026-02-30\n" + GOOD_RULES, "config/schedule.yaml:1: tracking_start: "),
        ("tracking_start: 0001-01-01\n" + GOOD_RULES, "config/schedule.yaml:1: tracking_start: năm phải từ 1900 đến 2999"),
        ("working_days: [10/13/2026]\n" + GOOD_RULES, "config/schedule.yaml:1: working_days[0]: '10/13/2026' không phải ngày có thật"),
        (GOOD_RULES + "meetings:\n  - {id: m, name: M, frequency: quarterly, weekday: sat}\n",
         "config/schedule.yaml:7: meetings[0].weekday: phải là một trong: 'mon', 'tue', 'wed', 'thu', 'fri'; không phải 'sat'"),
        (GOOD_RULES + "meetings:\n  - {id: m, name: M, frequency: quarterly, month: 4}\n",
         "config/schedule.yaml:7: meetings[0].month: kỳ 4 không có"),
        (GOOD_RULES + "meetings:\n  - {id: m, name: M, frequency: yearly, start: '14:00', end: '11:30'}\n",
         "config/schedule.yaml:7: meetings[0].end: phải sau start"),
        (GOOD_RULES + "meetings:\n  - {id: m, name: M, frequency: yearly, start: '8h'}\n",
         "config/schedule.yaml:7: meetings[0].start: "),
    ],
)
def test_each_calendar_mistake(tmp_path: Path, schedule: str, expected: str) -> None:
    folder = write_config(tmp_path / "config", schedule=schedule)
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith(expected), got


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        ("units:\n  - code: syt\n    name: Sở Y tế\n    successor: sytt\n",
         "config/units.yaml:4: units[0].successor: không có đơn vị 'sytt' trong units.yaml"),
        ("office:\n  code: syt\nunits:\n  - code: syt\n    name: Sở Y tế\n",
         "config/units.yaml:2: office.code: mã 'syt' đã dùng ở trên"),
        ("office:\n  nam: Ban\nunits:\n  - code: syt\n    name: Sở Y tế\n",
         "config/units.yaml:2: office.nam: khóa không được phép"),
    ],
)
def test_each_unit_change_mistake(tmp_path: Path, units: str, expected: str) -> None:
    folder = write_config(tmp_path / "config", schedule=GOOD_RULES, units=units)
    got = problems(folder, tmp_path)
    assert len(got) == 1 and got[0].startswith(expected), got


def _models() -> list:
    from pydantic import BaseModel

    from khoagiao_cli.config import schema

    return [m for m in vars(schema).values() if isinstance(m, type) and issubclass(m, BaseModel)
            and m not in (BaseModel, schema.Strict)]


def test_every_key_and_mapping_is_documented_in_both_languages() -> None:
    """The schema is the documentation: a key without its meaning fails here."""
    undocumented = []
    for model in _models():
        if not model.__doc__ or not (model.model_config.get("json_schema_extra") or {}).get("vi"):
            undocumented.append(model.__name__)
        for name, field in model.model_fields.items():
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            if not field.description or not extra.get("vi"):
                undocumented.append(f"{model.__name__}.{name}")
    assert undocumented == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_reference_names_every_key(cli, lang) -> None:
    text = cli("config", "--reference", "--lang", lang).stdout
    for model in _models():
        for name, field in model.model_fields.items():
            assert f"{field.alias or name}`" in text, (model.__name__, name)
    assert ("bắt buộc" if lang == "vi" else "required") in text


def test_the_cache_is_read_by_field_name(tmp_path: Path) -> None:
    """A cached unit whose fields are not the code's is not used; fields in another order are read by name."""
    import marshal

    folder = write_config(tmp_path / "config", schedule=GOOD_RULES,
                          units="units:\n  - code: a\n    name: A\n    active_until: 2026-06-30\n")
    cache = tmp_path / "cache"
    good = load_dir(folder, tmp_path, cache)
    (file,) = cache.glob("config-*.marshal")
    inputs, content = marshal.loads(file.read_bytes())

    def stored(units: tuple) -> object:
        file.write_bytes(marshal.dumps((inputs, {**content, "units": units})))
        return config_mod.load_cached(cache, tuple(str(folder / n) for n in ("units.yaml", "schedule.yaml")),
                                      {n: (folder / n).read_bytes() for n in ("units.yaml", "schedule.yaml")})

    (unit,) = content["units"]
    assert stored((dict(reversed(list(unit.items()))),)) == good
    assert stored(({**unit, "region": "Nam Trung Bộ"},)) is None  # a field the code does not have
    assert stored(({k: v for k, v in unit.items() if k != "successor"},)) is None  # one it does have, missing
    assert load_dir(folder, tmp_path, cache) == good  # validated again, and stored again
