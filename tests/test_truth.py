"""Nothing false on screen: the defects found by trying khoagiao as a new user would (issue 8).

Each test here failed on main before the fix it names.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from backends import BOTH, NO_LEDGER, SQLITE_ONLY
from conftest import write_config

import khoagiao_cli

SRC = Path(khoagiao_cli.__file__).resolve().parent
pytestmark = BOTH


def office_today() -> date:
    """The real clock's day where the office is (what khoagiao itself reads)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


# ---------------------------------------------------------------------------- the ledger's creation day

READ_ONLY = [
    ["due"],
    ["due", "--as-of", "2025-01-02"],
    ["overdue", "--as-of", "2025-01-02"],
    ["status", "--as-of", "2025-01-02"],
    ["status", "syt", "--as-of", "2025-06-02", "--format", "json"],
    ["schedule", "--year", "2025"],
    ["history"],
    ["stats", "--as-of", "2025-06-02"],
    ["export", "--format", "json", "--as-of", "2025-06-02"],
    ["calendar", "--year", "2025", "--month", "3"],
    ["explain", "syt", "q1", "2025-Q1", "--as-of", "2025-06-02"],
    ["request", "list"],
    ["remind", "--as-of", "2025-06-02"],
    ["units"],
    ["config"],
]


@pytest.mark.parametrize("args", READ_ONLY, ids=[" ".join(a) for a in READ_ONLY])
def test_commands_that_only_read_never_create_a_ledger(cli, backend, args) -> None:
    r = cli(*args)
    assert "Traceback" not in r.output
    assert not backend.exists()


def test_an_as_of_never_becomes_the_ledgers_creation_day(cli, backend) -> None:
    """On a fresh install one `--as-of` in the past used to set the creation day, and with it tracking_start:
    every later plain `overdue` then listed a year of overdue reports."""
    cli("due", "--as-of", "2025-01-02")
    cli("submit", "syt", "q1", "--period", "2025-Q1", "--as-of", "2025-01-02", "--received", "2025-01-02", "--yes")
    assert backend.exists()
    assert cli("overdue").stdout == ""
    today = office_today()
    shown = f"{today.day:02d}/{today.month:02d}/{today.year}"
    line = next(x for x in cli("config").stdout.splitlines() if "tracking_start" in x)
    assert shown in line


def test_a_missing_ledger_is_an_empty_answer(cli, cfg, backend) -> None:
    """tracking_start is set: every report of the year is owed, none received, and nothing is created."""
    rows = json.loads(cli("status", "syt", "--as-of", "2026-04-15", "--format", "json").stdout)["instances"]
    assert [r["status"] for r in rows][:3] == ["overdue", "overdue", "overdue"]
    assert "Sổ theo dõi chưa có sự kiện nào." in cli("history").stdout
    assert not backend.exists()


# ---------------------------------------------------------------------------- one configuration folder


def test_the_folder_you_stand_in_does_not_change_the_answer(cli, isolated, tmp_path, monkeypatch) -> None:
    """A ./config folder (the checkout khoagiao was installed from) used to be read before the user's own."""
    write_config(isolated / "config", tracking_start="2026-01-01")
    elsewhere = cli("due", "--as-of", "2026-01-21", "--format", "json").stdout
    here = tmp_path / "checkout"
    write_config(here / "config", tracking_start="2026-06-01")
    monkeypatch.chdir(here)
    assert cli("due", "--as-of", "2026-01-21", "--format", "json").stdout == elsewhere
    assert "Mọi việc đều ổn" not in cli("due", "--as-of", "2026-01-21").stdout
    shown = cli("config").stdout
    assert str(isolated / "config") in shown and str(here / "config") not in shown


def test_files_come_from_one_folder_only(cli, isolated, tmp_path) -> None:
    """With --config naming a folder that has only schedule.yaml, units.yaml is the embedded default, never the
    user folder's: the files used to be looked up one by one."""
    user = isolated / "config"
    user.mkdir(parents=True)
    (user / "units.yaml").write_text("units:\n  - code: khac\n    name: Đơn vị khác\n", encoding="utf-8")
    only = write_config(tmp_path / "only")
    (only / "units.yaml").unlink()
    codes = [u["code"] for u in _units(cli("units", "--config", str(only), "--format", "json").stdout)]
    assert "khac" not in codes and "syt" in codes


def _units(text: str) -> list[dict]:
    return json.loads(text)["units"]


# ---------------------------------------------------------------------------- caches keyed by all they depend on


def _copy_package(dest: Path) -> Path:
    """khoagiao's own code, copied so that a test can change it."""
    shutil.copytree(SRC, dest / "khoagiao_cli", ignore=shutil.ignore_patterns("__pycache__"))
    if not (dest / "khoagiao_cli" / "defaults").is_dir():
        shutil.copytree(SRC.parent.parent / "config", dest / "khoagiao_cli" / "defaults")
    return dest / "khoagiao_cli"


def _edit(package: Path, old: str, new: str) -> None:
    """Replace `old` in the one source file that holds it."""
    holders = [p for p in package.rglob("*.py") if old in p.read_text(encoding="utf-8")]
    assert len(holders) == 1, holders
    holders[0].write_text(holders[0].read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _run(args: list[str], home: Path, path: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KHOAGIAO_")}
    env.update(KHOAGIAO_HOME=str(home), PYTHONDONTWRITEBYTECODE="1")
    if path is not None:
        env["PYTHONPATH"] = str(path)
    r = subprocess.run([sys.executable, "-m", "khoagiao_cli", *args], env=env, capture_output=True, text=True,
                       cwd=home.parent, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


@NO_LEDGER  # in a process of its own, on the default ledger
def test_a_change_to_the_code_is_never_answered_from_the_cache(tmp_path) -> None:
    """Caches used to be keyed on __version__, which did not change between commits. Here the code that names the
    public holidays changes: the holiday cache, filled by the first two runs, must not answer the third."""
    home = tmp_path / "home"
    code = _copy_package(tmp_path / "code")
    april = ["calendar", "--year", "2026", "--month", "4"]
    before = _run(april, home, code.parent)
    assert "Ngày Giỗ Tổ Hùng Vương" in before
    _run(april, home, code.parent)  # now surely answered from the cache
    _edit(code, "{d: (name, en.get(d, name))", "{d: ('Lễ: ' + name, en.get(d, name))")  # how holidays are named
    assert "Lễ: Ngày Giỗ Tổ Hùng Vương" in _run(april, home, code.parent)
    assert _run(april, home) == before  # the installed code again: its own answer, not the edited one


@NO_LEDGER  # in a process of its own, on the default ledger
def test_a_change_to_how_the_config_is_read_is_never_answered_from_the_cache(tmp_path) -> None:
    home = tmp_path / "home"
    write_config(home / "config", schedule=(
        "days_off: [2026-05-04]\nrules:\n  - {id: m, name: M, frequency: monthly, by: 4}\n"
    ), units="units:\n  - {code: a, name: A}\n")
    code = _copy_package(tmp_path / "code")
    explain = ["explain", "a", "m", "2026-05", "--as-of", "2026-05-06"]
    assert "ngày nghỉ của cơ quan" in _run(explain, home, code.parent)
    _edit(code, '"ngày nghỉ của cơ quan"', '"ngày nghỉ riêng của cơ quan"')  # a day off without a name
    assert "ngày nghỉ riêng của cơ quan" in _run(explain, home, code.parent)


@NO_LEDGER  # in a process of its own, on the default ledger
def test_a_new_holidays_release_is_never_answered_from_the_cache(tmp_path) -> None:
    """The `holidays` package, as another release: same code, one holiday renamed, a new dist-info version."""
    import holidays

    home = tmp_path / "home"
    april = ["calendar", "--year", "2026", "--month", "4"]
    assert "Ngày Giỗ Tổ Hùng Vương" in _run(april, home)
    site = tmp_path / "site"
    shutil.copytree(Path(holidays.__file__).parent, site / "holidays", ignore=shutil.ignore_patterns("__pycache__"))
    (dist,) = [p for p in Path(holidays.__file__).parent.parent.glob("holidays-*.dist-info")]
    shutil.copytree(dist, site / dist.name.replace(".dist-info", ".post1.dist-info"))
    _edit(site / "holidays", "Ngày Giỗ Tổ Hùng Vương", "Giỗ Tổ Hùng Vương (bản mới)")
    assert "Giỗ Tổ Hùng Vương (bản mới)" in _run(april, home, site)


# ---------------------------------------------------------------------------- dependency ranges


@NO_LEDGER
def test_no_private_module_of_another_package_is_imported() -> None:
    """`typer._click` exists only from typer 0.26: with typer 0.16, inside the declared range, every command died."""
    found = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                parts = name.split(".")
                if parts[0] != "khoagiao_cli" and any(p.startswith("_") for p in parts[1:]):
                    found.append(f"{path.relative_to(SRC)}: {name}")
    assert not found


# ---------------------------------------------------------------------------- dates without a year


def test_a_date_without_a_year_takes_the_as_of_year(cli, cfg) -> None:
    out = cli("submit", "syt", "monthly", "--period", "2027-02", "--received", "19/2", "--as-of", "2027-03-18").stdout
    assert "nhận ngày 19/02/2027" in out and "Đúng hạn" in out
    out = cli("incident", "add", "syt", "--title", "Sự cố", "--occurred", "22/11 08:30",
              "--as-of", "2027-11-22T10:00").stdout
    assert "23/11/2027" in out


# ---------------------------------------------------------------------------- found in review


@SQLITE_ONLY  # a file's path that is a folder
def test_a_db_that_is_a_folder_is_refused_not_read_as_empty(cli, cfg, tmp_path) -> None:
    """A --db pointing at a folder used to be answered as an empty ledger: every report overdue."""
    r = cli("overdue", "--db", str(tmp_path), "--as-of", "2026-03-18", code=1)
    assert "Không mở hoặc tạo được sổ theo dõi" in r.stderr and r.stdout == ""


def test_a_named_db_that_does_not_exist_says_so(cli, cfg, backend) -> None:
    named = backend.where
    backend.fresh()  # KHOAGIAO_DB names another: --db wins
    r = cli("due", "--db", named, "--as-of", "2026-03-18")
    assert "Chưa có sổ theo dõi" in r.stderr and named in r.stderr  # a URL of no password: shown as it is
    assert not backend.exists(named)


@pytest.mark.parametrize("args", [
    ["submit", "syt", "montly", "--as-of", "2026-03-10"],
    ["submit", "syt", "monthly", "--period", "9999-12", "--as-of", "2026-03-10"],
    ["withdraw", "syt", "q1", "--period", "2026-Q7"],
    ["request", "add", "--id", "Có dấu", "--title", "T", "--deadline", "2026-06-01"],
    ["incident", "add", "xyz", "--title", "T", "--occurred", "2026-03-10 08:00", "--as-of", "2026-03-10T09:00"],
])
def test_a_refused_command_creates_no_ledger(cli, cfg, backend, args) -> None:
    """Bad input changes nothing: not even the ledger's creation (and with it, tracking_start)."""
    r = cli(*args, code=2)
    assert "Traceback" not in r.output
    assert not backend.exists()


@pytest.mark.parametrize("period", ["9999-12", "0000-01", "3000-Q1"])
def test_a_period_outside_the_years_tracked_is_bad_input(cli, cfg, backend, period) -> None:
    """`--period 9999-12` used to raise "year 10000 is out of range"."""
    for args in (["submit", "syt", "monthly", "--period", period], ["explain", "syt", "monthly", period],
                 ["withdraw", "syt", "monthly", "--period", period]):
        r = cli(*args, code=2)
        # `explain` reads the ledger KHOAGIAO_DB names, which was not created yet: it says so first
        assert r.stderr.removeprefix(backend.none_yet).startswith("Lỗi: ") and "Traceback" not in r.output


#: the name a message gives each report (never its id alone)
OTHER_NAME = {"q1": "Báo cáo quý I", "h1": "Báo cáo 6 tháng đầu năm", "q3": "Báo cáo quý III"}


@pytest.mark.parametrize(("period", "other"), [("2026-03", "q1"), ("2026-06", "h1"), ("2026-09", "q3"), ("2027-06", "h1")])
def test_the_report_that_takes_a_months_place_is_named_right(cli, cfg, period, other) -> None:
    """June's monthly report is the H1 report, September's the Q3 one: the message used to say q1 for all."""
    r = cli("submit", "syt", "monthly", "--period", period, code=2)
    assert f"thay cho nó. Hãy ghi nhận {OTHER_NAME[other]} (mã {other})." in r.stderr


def test_a_past_as_of_does_not_know_reports_received_after_it(cli, cfg) -> None:
    """Seen on 01/03 a report that arrives on 18/03 is still overdue; it used to show as received (and late)."""
    cli("submit", "syt", "monthly", "--period", "2026-01", "--received", "2026-03-18", "--as-of", "2026-03-18")
    cli("submit", "syt", "monthly", "--period", "2026-02", "--received", "2026-02-20", "--as-of", "2026-03-18")
    before = json.loads(cli("status", "syt", "--as-of", "2026-03-01", "--format", "json").stdout)["instances"]
    assert [(r["period"], r["status"]) for r in before[:2]] == [("2026-01", "overdue"), ("2026-02", "on_time")]
    assert "received" not in before[0]
    due = json.loads(cli("due", "--as-of", "2026-03-01", "--unit", "syt", "--format", "json").stdout)["instances"]
    assert [r["period"] for r in due] == ["2026-01"]
    assert json.loads(cli("stats", "--as-of", "2026-03-01", "--unit", "syt", "--format", "json").stdout)["units"][0][
        "missing"] == 1
    after = json.loads(cli("status", "syt", "--as-of", "2026-03-18", "--format", "json").stdout)["instances"]
    assert (after[0]["status"], after[0]["days_late"]) == ("late", 58)


def test_an_urgent_report_is_not_received_before_the_minute_it_came(cli, cfg) -> None:
    cli("incident", "add", "syt", "--title", "T", "--occurred", "2026-11-22 08:30", "--as-of", "2026-11-22T09:00")
    cli("submit", "syt", "incident", "--received", "2026-11-23 10:15", "--as-of", "2026-11-23T11:00")
    seen = json.loads(cli("due", "--as-of", "2026-11-23T09:00", "--unit", "syt", "--format", "json").stdout)
    assert [r["status"] for r in seen["instances"] if r["report"] == "incident"] == ["overdue"]
    explained = cli("explain", "syt", "incident", "2026-11-22T08:30", "--as-of", "2026-11-23T09:00").stdout
    assert "quá hạn" in explained.splitlines()[-1] and "gửi muộn" not in explained


def test_a_correction_without_a_period_says_which_and_why(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--received", "2026-03-12", "--as-of", "2026-03-20")
    out = cli("submit", "syt", "q1", "--correct", "--doc-number", "13/BC-SYT", "--as-of", "2026-03-25").stdout
    assert "kỳ sớm nhất chưa gửi" not in out and "2026-Q1" in out.splitlines()[0]


@pytest.mark.parametrize("args", [
    ["due", "--config", ""], ["due", "--db", ""], ["due", "--as-of", ""], ["submit", "syt", "monthly", "--period", ""],
    ["request", "add", "--id", "r", "--title", "T", "--deadline", "2026-12-01", "--units", ""], ["init", ""],
    ["status", ""], ["history", "--report", ""],
])
def test_an_empty_value_is_bad_input(cli, cfg, backend, args) -> None:
    """`--config ""` used to read the current folder, `--period ""` to mean "the earliest open one"."""
    r = cli(*args, code=2)
    assert r.stderr.startswith("Lỗi: ") and "Traceback" not in r.output
    assert not backend.exists() and not Path("units.yaml").exists()


def test_a_config_file_that_cannot_be_read_is_not_replaced_by_the_default(cli, tmp_path) -> None:
    folder = write_config(tmp_path / "c")
    (folder / "units.yaml").unlink()
    (folder / "units.yaml").mkdir()
    r = cli("config", "--config", str(folder), code=2)
    assert "units.yaml" in r.stderr and "Cấu hình hợp lệ" not in r.stdout
    r = cli("config", "--config", str(folder / "schedule.yaml"), code=2)
    assert "không phải thư mục" in r.stderr


def test_an_unknown_language_in_the_environment_is_said(cli, monkeypatch) -> None:
    monkeypatch.setenv("KHOAGIAO_LANG", "fr")
    assert "KHOAGIAO_LANG" in cli("due", code=2).stderr


@NO_LEDGER
def test_a_year_is_required_for_a_date_in_the_config(tmp_path) -> None:
    """`days_off: ["2/1"]` used to be read as 02/01/2000."""
    from khoagiao_cli.config.load import validate
    from khoagiao_cli.errors import ConfigError

    text = b"days_off: ['2/1']\nrules:\n  - {id: m, name: M, frequency: monthly, by: 4}\n"
    with pytest.raises(ConfigError) as info:
        validate({"schedule.yaml": text, "units.yaml": b"units:\n  - {code: a, name: A}\n"},
                 {"schedule.yaml": "schedule.yaml", "units.yaml": "units.yaml"})
    assert [p.message.key for p in info.value.problems] == ["cfg_date_no_year"]


def test_files_written_for_others_are_readable_and_go_only_where_asked(cli, cfg, tmp_path) -> None:
    out = tmp_path / "nam.json"
    cli("export", "--format", "json", "--as-of", "2026-04-01", "-o", str(out))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    r = cli("export", "--format", "json", "-o", str(tmp_path / "khong-co" / "nam.json"), code=2)
    assert "khong-co" in r.stderr and not (tmp_path / "khong-co").exists()


def test_history_filters_say_what_they_found(cli, cfg) -> None:
    cli("submit", "syt", "q1", "--as-of", "2026-03-10")
    assert "Không có sự kiện nào khớp" in cli("history", "--period", "2026-07").stdout
    assert "không phải một kỳ báo cáo" in cli("history", "--period", "2026-99", code=2).stderr


def test_init_restores_a_missing_file_and_keeps_an_edited_one(cli, isolated) -> None:
    folder = isolated / "config"
    folder.mkdir(parents=True)
    (folder / "schedule.yaml").write_text("# sửa của văn phòng\nrules:\n  - {id: m, name: M, frequency: monthly, by: 5}\n",
                                          encoding="utf-8")
    out = cli("init").stdout
    assert "units.yaml" in out and "Giữ nguyên tệp đã có: schedule.yaml" in out
    assert (folder / "schedule.yaml").read_text(encoding="utf-8").startswith("# sửa của văn phòng")
    assert (folder / "units.yaml").is_file()
    assert "init" in cli("init", code=2).stderr or "--force" in cli("init", code=2).stderr


def test_config_names_its_folder_whatever_folder_it_runs_from(cli, isolated, tmp_path, monkeypatch) -> None:
    write_config(isolated / "config")
    monkeypatch.chdir(tmp_path)
    shown = cli("config").stdout
    assert f"Thư mục cấu hình: {(isolated / 'config').resolve()}" in shown
