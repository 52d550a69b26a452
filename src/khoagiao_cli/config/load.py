"""Reading units.yaml and schedule.yaml: YAML with the line of every key, validation by the schema, and every
mistake as `file:line: field: problem`. A config that validated once is answered from the cache (cache.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from khoagiao_cli.config.cache import load_cached, store_cached
from khoagiao_cli.config.paths import Source, display
from khoagiao_cli.core.model import Config
from khoagiao_cli.errors import ConfigError, Msg, Problem
from khoagiao_cli.i18n import catalogue

Loc = tuple[str | int, ...]


def load(sources: dict[str, Source], cache_dir: Path | None, cwd: Path) -> Config:
    """The configuration from its files (paths shown relative to `cwd` in messages)."""
    texts: dict[str, bytes] = {}
    for name, src in sources.items():
        try:
            texts[name] = src.path.read_bytes()
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
        Problem(f"{shown[file]}:{_line(lines[file], loc)}", _path(loc), message)
        for file, loc, message in cross_check(schedule, units)
    ]
    if problems:
        raise ConfigError(problems)
    return to_config(schedule, units)


# --------------------------------------------------------------------------- YAML with line numbers


def _loader_class() -> type:
    """A safe loader that leaves dates as text: pydantic then reads them and names the line of a bad one
    (YAML's own timestamp reading fails on 2026-02-30 with no line at all)."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]  # the C loader when PyYAML has it: a base known only now
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    return Loader


def parse_yaml(text: bytes, shown: str) -> tuple[Any, dict[Loc, int], list[Problem]]:
    """(data, line of every key path, problems). Duplicate keys are problems, not silently merged."""
    import yaml

    loader = _loader_class()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, {}, [Problem(f"{shown}:{line}", "", Msg("yaml_invalid", {"problem": exc.problem or exc.context}))]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(shown, "", Msg("yaml_invalid", {"problem": str(exc)}))]
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, problems, shown)
    return data, lines, problems


def _walk(node: Any, loc: Loc, lines: dict[Loc, int], problems: list[Problem], shown: str) -> None:
    import yaml

    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(Problem(f"{shown}:{line}", _path(loc + (key,)), Msg("duplicate_key")))
            seen.add(key)
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), lines, problems, shown)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, loc + (i,), lines, problems, shown)


def _path(loc: Loc) -> str:
    """("rules", 2, "before") → "rules[2].before"."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "."


def _line(lines: dict[Loc, int], loc: Loc) -> int:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return 1


def _pydantic_problems(exc: Any, shown: str, lines: dict[Loc, int]) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        out.append(Problem(f"{shown}:{_line(lines, loc)}", _path(loc), explain_error(err)))
    return out


def explain_error(err: dict[str, Any]) -> Msg:
    """A pydantic error as one of our messages (cfg_<type>), or the generic one with pydantic's own words."""
    ctx = dict(err.get("ctx") or {})
    value = err.get("input")
    key = "cfg_" + str(err["type"])
    if isinstance(ctx.get("expected"), str):
        ctx["expected"] = ctx["expected"].replace(" or ", ", ")  # pydantic's English list joiner
    ctx.setdefault("value", value if isinstance(value, str | int | float | date) else "")
    if key not in catalogue("vi"):
        return Msg("cfg_other", {"msg": err.get("msg", "")})
    return Msg(key, ctx)


def explicit_settings(text: bytes) -> set[str]:
    """Top-level keys a schedule file sets itself (for `khoagiao config`)."""
    data, _, problems = parse_yaml(text, "")
    return set(data) if isinstance(data, dict) and not problems else set()
