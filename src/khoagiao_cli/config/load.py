"""Reading units.yaml and schedule.yaml: each file's YAML read within bounds and with the line of every key
(yamlfile.py), validation by the schema, and every mistake as `file:line: field: problem`. A config that validated
once is answered from the cache (cache.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khoagiao_cli.config.cache import load_cached, store_cached
from khoagiao_cli.config.paths import MAX_CONFIG_BYTES as MAX_BYTES
from khoagiao_cli.config.paths import Source, display
from khoagiao_cli.core.model import Config
from khoagiao_cli.errors import ConfigError, Msg, Problem
from khoagiao_cli.i18n import catalogue

if TYPE_CHECKING:  # the YAML reader is loaded on a cache miss only
    from khoagiao_cli.config.yamlfile import Loc


def load(sources: dict[str, Source], cache_dir: Path | None, cwd: Path) -> Config:
    """The configuration from its files (paths shown relative to `cwd` in messages)."""
    texts: dict[str, bytes] = {}
    for name, src in sources.items():
        try:
            with src.path.open("rb") as file:
                texts[name] = file.read(MAX_BYTES + 1)  # a bigger file is refused, never read whole
        except OSError as exc:
            raise ConfigError([Problem(display(src.path, cwd), "", Msg("file_unreadable", {"error": exc.strerror}))]
                              ) from exc
    paths = tuple(str(s.path) for s in sources.values())
    config = load_cached(cache_dir, paths, texts)
    if config is None:
        config = validate(texts, {n: display(s.path, cwd) for n, s in sources.items()})
        store_cached(cache_dir, paths, texts, config)
    return config


def validate(texts: dict[str, bytes], shown: dict[str, str]) -> Config:
    """The files' texts, checked against the schema; every problem at once."""
    from pydantic import ValidationError

    from khoagiao_cli.config.convert import cross_check, to_config
    from khoagiao_cli.config.schema import FILES, ScheduleFile, UnitsFile

    problems: list[Problem] = []
    parsed: dict[str, Any] = {}
    from khoagiao_cli.config.yamlfile import parse_yaml, path_text

    lines: dict[str, dict[Loc, int]] = {}
    for name, model in FILES.items():
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
    schedule: ScheduleFile = parsed["schedule.yaml"]
    units: UnitsFile = parsed["units.yaml"]
    problems = [
        Problem(f"{shown[file]}:{_line(lines[file], loc)}", path_text(loc), message)
        for file, loc, message in cross_check(schedule, units)
    ]
    if problems:
        raise ConfigError(problems)
    return to_config(schedule, units)


def _line(lines: dict[Loc, int], loc: Loc) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _pydantic_problems(exc: Any, shown: str, lines: dict[Loc, int]) -> list[Problem]:
    from khoagiao_cli.config.yamlfile import path_text

    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        out.append(Problem(f"{shown}:{_line(lines, loc)}", path_text(loc), explain_error(err)))
    return out


def explain_error(err: dict[str, Any]) -> Msg:
    """A pydantic error as one of our messages (cfg_<type>), or a generic one in ours: pydantic's own words are
    English ("Input should be …"), which a Vietnamese clerk must not be shown."""
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    key = "cfg_" + str(err["type"])
    if isinstance(ctx.get("expected"), str):
        ctx["expected"] = ctx["expected"].replace(" or ", ", ")  # pydantic's English list joiner
    ctx.setdefault("value", value if isinstance(value, str | int | float | date) else "")
    if key not in catalogue("vi"):
        return Msg("cfg_other", {"value": ctx["value"]})
    return Msg(key, ctx)


def explicit_settings(text: bytes) -> set[str]:
    """Top-level keys a schedule file sets itself (for `khoagiao config`)."""
    from khoagiao_cli.config.yamlfile import parse_yaml

    data, _, problems = parse_yaml(text, "")
    return set(data) if isinstance(data, dict) and not problems else set()
