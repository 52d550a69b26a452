"""units.yaml and schedule.yaml: pydantic models, loading, and `file:line: field: problem` errors.

A config that validated once is cached as plain values in `marshal` form, with every input it came from (the files'
bytes, khoagiao's code, the libraries' releases: see cache_key.py), so the daily commands start without importing
YAML or pydantic.
"""

from __future__ import annotations

import marshal
import zlib
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from khoagiao_cli.config import cache as cache_key
from khoagiao_cli.config.paths import Source, display, write_atomic
from khoagiao_cli.core.model import PERIOD_MONTHS, Config, MailSettings, Meeting, Office, Rule, Settings, Unit
from khoagiao_cli.errors import ConfigError
from khoagiao_cli.i18n import MESSAGES, t

#: Decree 09/2019/ND-CP: data from the 15th of the month before the period to the 14th of its last month
DECREE_09 = (15, 14)

Loc = tuple[str | int, ...]


def load(sources: dict[str, Source], cache_dir: Path | None, cwd: Path) -> Config:
    texts: dict[str, bytes] = {}
    for name, src in sources.items():
        try:
            texts[name] = src.path.read_bytes()
        except OSError as exc:
            raise ConfigError([f"{display(src.path, cwd)}: {t('file_unreadable', error=exc.strerror)}"]) from exc
    # One cache file per set of source paths; it holds the texts it was validated from.
    where = "\0".join(str(s.path) for s in sources.values()).encode()
    cache = cache_dir / f"config-{zlib.crc32(where):08x}.marshal" if cache_dir else None
    stamp = (cache_key.stamp(), tuple(sorted(texts.items())))
    if cache is not None:
        try:
            cached_stamp, plain = marshal.loads(cache.read_bytes())
            if cached_stamp == stamp:
                return Config.from_plain(plain)
        except Exception:  # noqa: BLE001 - a missing or damaged cache only means validating again
            pass
    config = validate(texts, {n: display(s.path, cwd) for n, s in sources.items()})
    if cache is not None:
        try:
            write_atomic(cache, marshal.dumps((stamp, config.to_plain())))
        except (OSError, ValueError):
            pass  # a read-only cache dir costs speed, not correctness
    return config


# --------------------------------------------------------------------------- YAML with line numbers


def _loader_class() -> type:
    """A safe loader that leaves dates as text: pydantic then reads them and names the line of a bad one
    (YAML's own timestamp reading fails on 2026-02-30 with no line at all)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


def parse_yaml(text: bytes, shown: str) -> tuple[Any, dict[Loc, int], list[str]]:
    """(data, line of every key path, problems). Duplicate keys are problems, not silently merged."""
    import yaml

    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, {}, [f"{shown}:{line}: {t('yaml_invalid', problem=exc.problem or exc.context)}"]
    except yaml.YAMLError as exc:
        return None, {}, [f"{shown}: {t('yaml_invalid', problem=str(exc))}"]
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    problems: list[str] = []
    if node is not None:
        _walk(node, (), lines, problems, shown)
    return data, lines, problems


def _walk(node: Any, loc: Loc, lines: dict[Loc, int], problems: list[str], shown: str) -> None:
    import yaml

    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(f"{shown}:{line}: {_path(loc + (key,))}: {t('duplicate_key')}")
            seen.add(key)
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), lines, problems, shown)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, loc + (i,), lines, problems, shown)


def _path(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "."


def _line(lines: dict[Loc, int], loc: Loc) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


# --------------------------------------------------------------------------- pydantic models


def _models() -> tuple[Any, Any]:
    """Built on first use: pydantic is only imported when a config has to be validated."""
    from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator
    from pydantic_core import PydanticCustomError

    def day_of_month(v: int) -> int:
        if not 1 <= v <= 31:
            raise PydanticCustomError("day_of_month", "day of month 1-31")
        return v

    def vn_date(v: object) -> object:
        if isinstance(v, str) and "/" in v:
            from khoagiao_cli.core.dates import parse_date
            from khoagiao_cli.errors import UserError

            try:
                return parse_date(v, date(2000, 1, 1))
            except UserError as exc:
                raise PydanticCustomError("date_text", "bad date") from exc
        return v

    def as_list(v: object) -> object:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    def email_ok(v: list[str]) -> list[str]:
        for addr in v:
            if "@" not in addr or " " in addr.strip():
                raise PydanticCustomError("email", "bad e-mail address", {"value": addr})
        return [a.strip() for a in v]

    def cutoff_in(v: object) -> object:
        if isinstance(v, str):
            if v.strip().lower() != "decree-09":
                raise PydanticCustomError("cutoff", "decree-09 or from_day/to_day", {"value": v})
            return {"from_day": DECREE_09[0], "to_day": DECREE_09[1]}
        return v

    def no_password(v: object) -> object:
        raise PydanticCustomError("password_in_file", "the password only comes from KHOAGIAO_SMTP_PASSWORD")

    def day_off_in(v: object) -> object:
        return v if isinstance(v, dict) else {"date": v}

    from pydantic import AfterValidator

    def in_range(v: date) -> date:
        from khoagiao_cli.core.dates import FIRST_YEAR, LAST_YEAR

        if not FIRST_YEAR <= v.year <= LAST_YEAR:
            raise PydanticCustomError("date_range", "year out of range", {"first": FIRST_YEAR, "last": LAST_YEAR})
        return v

    Day = Annotated[int, AfterValidator(day_of_month)]
    DateIn = Annotated[date, BeforeValidator(vn_date), AfterValidator(in_range)]
    Code = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=40)]
    Text = Annotated[str, Field(min_length=1)]
    Emails = Annotated[list[str], BeforeValidator(as_list), AfterValidator(email_ok)]

    class Strict(BaseModel):
        model_config = ConfigDict(extra="forbid")

    class CutoffModel(Strict):
        from_day: Day
        to_day: Day

    class RuleModel(Strict):
        id: Code
        name: Text
        name_en: str | None = None
        frequency: Literal["monthly", "quarterly", "half-yearly", "yearly"]
        periods: list[Annotated[int, Field(ge=1, le=12)]] | None = None
        month: Annotated[int, Field(ge=1, le=24)] | None = None
        before: Day | None = None
        by: Day | None = None
        replaces: str | None = None
        shift: Literal["next_working_day", "previous_working_day", "none"] = "next_working_day"
        cutoff: Annotated[CutoffModel | None, BeforeValidator(cutoff_in)] = None
        owner: Literal["units", "office"] = "units"
        recipient: str | None = None

    class DayOffModel(Strict):
        date: DateIn | None = None
        from_: DateIn | None = Field(default=None, alias="from")
        to: DateIn | None = None
        name: str | None = None
        name_en: str | None = None

    class MeetingModel(Strict):
        id: Code
        name: Text
        name_en: str | None = None
        frequency: Literal["monthly", "quarterly", "half-yearly", "yearly"]
        periods: list[Annotated[int, Field(ge=1, le=12)]] | None = None
        month: Annotated[int, Field(ge=1, le=12)] | None = None
        week: Literal["first", "last"] = "last"
        weekday: Literal["mon", "tue", "wed", "thu", "fri"] = "thu"
        start: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = "08:00"
        end: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = "11:30"
        place: str | None = None

    class MailModel(Strict):
        host: str | None = None
        port: Annotated[int, Field(ge=1, le=65535)] | None = None
        security: Literal["starttls", "ssl", "none"] = "starttls"
        from_: str | None = Field(default=None, alias="from")
        user: str | None = None
        cafile: str | None = None
        password: Annotated[None, BeforeValidator(no_password)] = None

        @field_validator("from_")
        @classmethod
        def sender_ok(cls, v: str | None) -> str | None:
            return email_ok([v])[0] if v else v

    class ScheduleModel(Strict):
        timezone: str = "Asia/Ho_Chi_Minh"
        due_soon_days: Annotated[int, Field(ge=0, le=366)] = 7
        tracking_start: DateIn | None = None
        holidays: Literal["VN", "none"] = "VN"
        days_off: list[Annotated[DayOffModel, BeforeValidator(day_off_in)]] = []
        working_days: list[DateIn] = []
        rules: Annotated[list[RuleModel], Field(min_length=1)]
        meetings: list[MeetingModel] = []
        mail: MailModel = MailModel()

        @field_validator("timezone")
        @classmethod
        def known_zone(cls, v: str) -> str:
            from zoneinfo import ZoneInfo

            try:
                ZoneInfo(v)
            except (ValueError, KeyError, OSError) as exc:  # ZoneInfoNotFoundError is a KeyError
                raise PydanticCustomError("timezone", "unknown time zone") from exc
            return v

    class UnitModel(Strict):
        code: Code
        name: Text
        short_name: str | None = None
        group: str | None = None
        email: Emails = []
        reports: list[str] | None = None
        active_from: DateIn | None = None
        active_until: DateIn | None = None
        successor: str | None = None

    class OfficeModel(Strict):
        code: Code = "ban"
        name: Text = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
        short_name: str | None = None
        province: str | None = None
        signer_title: str | None = None
        signer_name: str | None = None
        parent: str | None = None
        place: str | None = None
        signer_authority: str | None = None
        email: str | None = None
        basis: str | None = None
        symbol: str | None = None

        @field_validator("email")
        @classmethod
        def office_email(cls, v: str | None) -> str | None:
            return email_ok([v])[0] if v else v

    class UnitsModel(Strict):
        office: OfficeModel = OfficeModel()
        units: Annotated[list[UnitModel], Field(min_length=1)]

    return ScheduleModel, UnitsModel


def _pydantic_problems(exc: Any, shown: str, lines: dict[Loc, int]) -> list[str]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        line = _line(lines, loc)
        out.append(f"{shown}:{line}: {_path(loc)}: {explain_error(err)}")
    return out


def explain_error(err: dict[str, Any]) -> str:
    """A pydantic error in the user's language."""
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    key = "cfg_" + str(err["type"])
    if isinstance(ctx.get("expected"), str):
        ctx["expected"] = ctx["expected"].replace(" or ", ", ")  # pydantic's English list joiner
    ctx.setdefault("value", value if isinstance(value, str | int | float | date) else "")
    try:
        return t(key, **ctx)
    except KeyError:
        return t("cfg_other", msg=err.get("msg", ""))


def validate(texts: dict[str, bytes], shown: dict[str, str]) -> Config:
    from pydantic import ValidationError

    schedule_model, units_model = _models()
    problems: list[str] = []
    parsed: dict[str, Any] = {}
    lines: dict[str, dict[Loc, int]] = {}
    for name, model in (("schedule.yaml", schedule_model), ("units.yaml", units_model)):
        data, lines[name], yaml_problems = parse_yaml(texts[name], shown[name])
        problems += yaml_problems
        if yaml_problems:
            continue
        try:
            parsed[name] = model.model_validate(data if data is not None else {})
        except ValidationError as exc:
            problems += _pydantic_problems(exc, shown[name], lines[name])
    if problems:
        raise ConfigError(problems)
    schedule, units = parsed["schedule.yaml"], parsed["units.yaml"]
    problems += _cross_check(schedule, units, shown, lines)
    if problems:
        raise ConfigError(problems)
    return _to_config(schedule, units)


def _cross_check(schedule: Any, units: Any, shown: dict[str, str], lines: dict[str, dict[Loc, int]]) -> list[str]:
    problems: list[str] = []

    def bad(file: str, loc: Loc, key: str, **kw: object) -> None:
        problems.append(f"{shown[file]}:{_line(lines[file], loc)}: {_path(loc)}: {t(key, **kw)}")

    rule_ids: list[str] = []
    for i, rule in enumerate(schedule.rules):
        if rule.id in rule_ids:
            bad("schedule.yaml", ("rules", i, "id"), "cfg_duplicate_id", value=rule.id)
        rule_ids.append(rule.id)
        if (rule.before is None) == (rule.by is None):
            bad("schedule.yaml", ("rules", i), "cfg_before_or_by")
        count = 12 // PERIOD_MONTHS[rule.frequency]
        for j, p in enumerate(rule.periods or ()):
            if p > count:
                bad("schedule.yaml", ("rules", i, "periods", j), "cfg_period_index", value=p, count=count)
    for i, rule in enumerate(schedule.rules):
        if rule.replaces is not None and (rule.replaces not in rule_ids or rule.replaces == rule.id):
            bad("schedule.yaml", ("rules", i, "replaces"), "cfg_unknown_rule", value=rule.replaces,
                known=", ".join(r for r in rule_ids if r != rule.id))
    codes: set[str] = set()
    for i, unit in enumerate(units.units):
        if unit.code in codes:
            bad("units.yaml", ("units", i, "code"), "cfg_duplicate_id", value=unit.code)
        codes.add(unit.code)
        for j, rid in enumerate(unit.reports or ()):
            if rid not in rule_ids:
                bad("units.yaml", ("units", i, "reports", j), "cfg_unknown_rule", value=rid, known=", ".join(rule_ids))
        if unit.active_from and unit.active_until and unit.active_until < unit.active_from:
            bad("units.yaml", ("units", i, "active_until"), "cfg_active_order")
    for i, unit in enumerate(units.units):
        if unit.successor is not None and (unit.successor not in codes or unit.successor == unit.code):
            bad("units.yaml", ("units", i, "successor"), "cfg_unknown_unit", value=unit.successor)
    if units.office.code in codes:
        bad("units.yaml", ("office", "code"), "cfg_duplicate_id", value=units.office.code)
    for i, item in enumerate(schedule.days_off):
        if (item.date is None) == (item.from_ is None or item.to is None) or (item.date and (item.from_ or item.to)):
            bad("schedule.yaml", ("days_off", i), "cfg_day_off_shape")
        elif item.from_ and item.to and item.to < item.from_:
            bad("schedule.yaml", ("days_off", i, "to"), "cfg_order", first="from")
    meeting_ids: set[str] = set()
    for i, meeting in enumerate(schedule.meetings):
        if meeting.id in meeting_ids:
            bad("schedule.yaml", ("meetings", i, "id"), "cfg_duplicate_id", value=meeting.id)
        meeting_ids.add(meeting.id)
        count = 12 // PERIOD_MONTHS[meeting.frequency]
        for j, p in enumerate(meeting.periods or ()):
            if p > count:
                bad("schedule.yaml", ("meetings", i, "periods", j), "cfg_period_index", value=p, count=count)
        if meeting.month is not None and meeting.month > PERIOD_MONTHS[meeting.frequency]:
            bad("schedule.yaml", ("meetings", i, "month"), "cfg_period_index", value=meeting.month,
                count=PERIOD_MONTHS[meeting.frequency])
        if meeting.end <= meeting.start:
            bad("schedule.yaml", ("meetings", i, "end"), "cfg_order", first="start")
    return problems


def _to_config(schedule: Any, units: Any) -> Config:
    rules = tuple(
        Rule(
            id=r.id,
            name=r.name,
            name_en=r.name_en or r.name,
            frequency=r.frequency,
            periods=tuple(sorted(set(r.periods or ()))),
            month=r.month,
            day=r.before if r.before is not None else r.by,
            strict=r.before is not None,
            replaces=r.replaces,
            shift=r.shift,
            cutoff=(r.cutoff.from_day, r.cutoff.to_day) if r.cutoff else None,
            owner=r.owner,
            recipient=r.recipient,
        )
        for r in schedule.rules
    )
    unit_values = tuple(
        Unit(
            code=u.code,
            name=u.name,
            short_name=u.short_name,
            group=u.group,
            email=tuple(u.email),
            reports=tuple(dict.fromkeys(u.reports or ())),
            active_from=u.active_from,
            active_until=u.active_until,
            successor=u.successor,
        )
        for u in units.units
    )
    days_off: dict[date, tuple[str, str]] = {}
    for item in schedule.days_off:
        first, last = (item.date, item.date) if item.date else (item.from_, item.to)
        vi = item.name or MESSAGES["day_off_default"][0]
        en = item.name_en or item.name or MESSAGES["day_off_default"][1]
        for n in range(first.toordinal(), last.toordinal() + 1):
            days_off[date.fromordinal(n)] = (vi, en)
    settings = Settings(
        timezone=schedule.timezone,
        due_soon_days=schedule.due_soon_days,
        tracking_start=schedule.tracking_start,
        holidays=schedule.holidays,
        days_off=tuple((d, vi, en) for d, (vi, en) in sorted(days_off.items())),
        working_days=tuple(sorted(set(schedule.working_days))),
        mail=MailSettings(
            host=schedule.mail.host, port=schedule.mail.port, security=schedule.mail.security,
            sender=schedule.mail.from_, user=schedule.mail.user, cafile=schedule.mail.cafile,
        ),
    )
    weekdays = ("mon", "tue", "wed", "thu", "fri")
    meetings = tuple(
        Meeting(
            id=m.id, name=m.name, name_en=m.name_en or m.name, frequency=m.frequency,
            periods=tuple(sorted(set(m.periods or ()))), month=m.month, week=m.week,
            weekday=weekdays.index(m.weekday), start=m.start, end=m.end, place=m.place,
        )
        for m in schedule.meetings
    )
    o = units.office
    office = Office(code=o.code, name=o.name, short_name=o.short_name, province=o.province,
                    signer_title=o.signer_title, signer_name=o.signer_name, parent=o.parent, place=o.place,
                    signer_authority=o.signer_authority, email=o.email, basis=o.basis, symbol=o.symbol)
    return Config(units=unit_values, rules=rules, settings=settings, meetings=meetings, office=office)


def explicit_settings(text: bytes) -> set[str]:
    """Top-level keys a schedule file sets itself (for `khoagiao config`)."""
    data, _, problems = parse_yaml(text, "")
    return set(data) if isinstance(data, dict) and not problems else set()
