"""One YAML config file read with bounds set before anything is built from it: its size, its encoding, the
characters it holds, how deep it nests and how many nodes its aliases expand to (read from the event stream,
which does not recurse). Then, from the nodes, the line of every key path, keys written twice (merge keys
`<<: *anchor` understood) and control characters in any key or value. Every mistake is a Problem with its line."""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any, NamedTuple

from khoagiao_cli.config.paths import MAX_CONFIG_BYTES as MAX_BYTES
from khoagiao_cli.core.text import escaped, first_control
from khoagiao_cli.errors import Msg, Problem

#: a config file is a few tens of KB: this leaves room for thousands of units, and none for a file no one wrote
#: the schema nests four deep (schedule.yaml → rules → [2] → cutoff)
MAX_DEPTH = 64
#: nodes once every alias is expanded: the embedded files have about 200 each, 5,000 units of seven keys 90,000;
#: ten levels of nine aliases ("billion laughs") are 3.5 billion
MAX_NODES = 200_000

MERGE = "tag:yaml.org,2002:merge"
_CORE = "tag:yaml.org,2002:"
#: the tags a config may write (`!!str 2024` keeps a number as text); the others build values no key takes
_TAGS = frozenset({"!", _CORE + "str", _CORE + "seq", _CORE + "map"})
#: what YAML itself refuses to read (PyYAML's NON_PRINTABLE), found first so that its line can be named
_NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
_BREAKS = "\r\n\x85\u2028\u2029"

#: a key path inside a file: ("rules", 2, "before")
Loc = tuple[str | int, ...]


class Found(NamedTuple):
    """What walking the nodes found: the line of every key path, the problems, the nodes already checked."""

    shown: str
    lines: dict[Loc, int]
    problems: list[Problem]
    checked: set[int]


def path_text(loc: Loc) -> str:
    """("rules", 2, "before") → "rules[2].before" (a key's control characters escaped)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{escaped(part)}" if out else escaped(part))
    return out or "."


def parse_yaml(data: bytes, shown: str) -> tuple[Any, dict[Loc, int], list[Problem]]:
    """(data, line of every key path, problems) of one file's bytes; no data when there is a problem."""
    import yaml

    text, problems = decode(data, shown)
    if text is None:
        return None, {}, problems
    found = Found(shown, {}, [], set())
    try:
        loader = _loader_class()(text)
        try:
            refused = _bounds(loader)
        finally:
            loader.dispose()
        if refused is not None:
            return None, {}, [Problem(f"{shown}:{refused[0]}", "", refused[1])]
        loader = _loader_class()(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _walk(node, (), found)
            value = loader.construct_document(node) if node is not None and not found.problems else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, {}, [Problem(f"{shown}:{line}", "", Msg("yaml_invalid", {"problem": _said(exc)}))]
    except yaml.YAMLError as exc:
        return None, {}, [Problem(shown, "", Msg("yaml_invalid", {"problem": str(exc)}))]
    except RecursionError:  # not reached within the bounds above; kept so that no file can crash the reading
        return None, {}, [Problem(shown, "", Msg("yaml_too_deep", {"limit": MAX_DEPTH}))]
    return value, found.lines, found.problems


# --------------------------------------------------------------------------- bytes to text


def decode(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    """The text of a file: UTF-8 (a byte order mark allowed), or UTF-16 with its byte order mark (as Windows
    Notepad may save it); else the line and column of the first bad byte, or of a character YAML refuses."""
    if len(data) > MAX_BYTES:
        return None, [Problem(shown, "", Msg("yaml_too_big", {"limit": MAX_BYTES // 2**20}))]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = ("utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"), data[2:]
    else:
        encoding, body = "utf-8", data.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _position(body[: exc.start].decode(encoding))
        bad = " ".join(f"0x{b:02x}" for b in body[exc.start: exc.end])
        return None, [Problem(f"{shown}:{line}", "", Msg("yaml_bad_encoding", {
            "encoding": encoding[:6].upper(), "column": column, "bytes": bad}))]
    refused = re.search(_NON_PRINTABLE, text)
    if refused is not None:
        line, column = _position(text[: refused.start()])
        return None, [Problem(f"{shown}:{line}", "", Msg("yaml_control_char", {
            "char": f"U+{ord(refused.group()):04X}", "column": column}))]
    return text, []


def _position(before: str) -> tuple[int, int]:
    """(line, column) of the character after `before`, both from 1, counting line breaks as YAML does."""
    line = 1 + len(re.findall(f"\r\n|[{_BREAKS}]", before))
    return line, len(before) - max(before.rfind(c) for c in _BREAKS)


# --------------------------------------------------------------------------- bounds, from the events


def _bounds(loader: Any) -> tuple[int, Msg] | None:
    """(line, problem) of the first event past a bound: nested too deep, too many nodes once aliases are expanded
    (an alias counts every node its anchor holds), an alias inside its own anchor, a tag no config needs."""
    from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, DocumentStartEvent, ScalarEvent

    sizes: dict[str, int] = {}  # the expanded size of each anchor's node
    inside: list[tuple[str | None, int]] = []  # the collections being read: (anchor, nodes counted before it)
    total = 0
    while loader.check_event():
        event = loader.get_event()
        problem: Msg | None = None
        if isinstance(event, DocumentStartEvent):
            sizes = {}  # anchors are per document
        elif isinstance(event, AliasEvent):
            name = str(event.anchor)
            if any(anchor == name for anchor, _ in inside):
                problem = Msg("yaml_invalid", {"problem": Msg("yaml_alias_recursive", {"anchor": escaped(name)})})
            total += sizes.get(name, 1)  # an unknown anchor: the composer says so
        elif isinstance(event, CollectionEndEvent):
            anchor, before = inside.pop()
            if anchor is not None:
                sizes[anchor] = total - before
        elif isinstance(event, ScalarEvent | CollectionStartEvent):
            total += 1
            if event.tag is not None and event.tag not in _TAGS:
                tag = "!!" + event.tag.removeprefix(_CORE) if event.tag.startswith(_CORE) else event.tag
                problem = Msg("yaml_invalid", {"problem": Msg("yaml_tag", {"tag": escaped(tag)})})
            if isinstance(event, CollectionStartEvent):
                inside.append((event.anchor, total - 1))
                if len(inside) > MAX_DEPTH:
                    problem = Msg("yaml_too_deep", {"limit": MAX_DEPTH})
            elif event.anchor is not None:
                sizes[event.anchor] = 1
        if total > MAX_NODES:
            problem = Msg("yaml_too_large", {"limit": MAX_NODES})
        if problem is not None:
            return event.start_mark.line + 1, problem
    return None


@functools.cache
def _loader_class() -> type:
    """A safe loader that leaves dates as text: pydantic then reads them and names the line of a bad one
    (YAML's own timestamp reading fails on 2026-02-30 with no line at all). A number Python will not read
    (5,000 digits, `0x_`) stays text too, which the schema then refuses with its line."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]  # the C loader when PyYAML has it: a base known only now
        pass

    def number(read: Any) -> Any:
        def construct(loader: Any, node: Any) -> Any:
            try:
                return read(loader, node)
            except ValueError:
                return node.value
        return construct

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _CORE + "timestamp"]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_constructor(_CORE + "int", number(base.construct_yaml_int))
    Loader.add_constructor(_CORE + "float", number(base.construct_yaml_float))
    return Loader


# --------------------------------------------------------------------------- the nodes


def _walk(node: Any, loc: Loc, found: Found) -> None:
    """Lines, keys written twice and control characters of a node and all below it (aliases followed: the
    bounds keep that small; a node reached again is not told again)."""
    import yaml

    found.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        _check_text(node, loc, found)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, loc + (i,), found)
    elif isinstance(node, yaml.MappingNode):
        for key, (key_node, value_node) in _keys(node, loc, found).items():
            found.lines[loc + (key,)] = key_node.start_mark.line + 1
            _check_text(key_node, loc + (key,), found)
            _walk(value_node, loc + (key,), found)


def _keys(node: Any, loc: Loc, found: Found | None) -> dict[str, tuple[Any, Any]]:
    """A mapping's keys as YAML reads them: those it writes, then those merged in (`<<: *a`, or `<<: [*a, *b]`
    where the first that has a key gives it) that it does not write itself. With `found`, a key the mapping
    writes twice is a problem."""
    import yaml

    own: dict[str, tuple[Any, Any]] = {}
    merged: dict[str, tuple[Any, Any]] = {}
    told = found is None or id(node) in found.checked  # a mapping reached again through an alias: told once
    if found is not None:
        found.checked.add(id(node))
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue  # a list or a mapping as a key: the constructor refuses it
        key = str(key_node.value)
        if found is not None and not told and key in own:
            found.problems.append(Problem(f"{found.shown}:{key_node.start_mark.line + 1}", path_text(loc + (key,)),
                                          Msg("duplicate_key")))
        own.setdefault(key, (key_node, value_node))
        if key_node.tag == MERGE:
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, yaml.MappingNode):  # anything else: the constructor refuses it
                    for name, pair in _keys(source, loc, None).items():
                        merged.setdefault(name, pair)
    return {key: pair for key, pair in own.items() if pair[0].tag != MERGE} | {
        key: pair for key, pair in merged.items() if key not in own}


def _check_text(node: Any, loc: Loc, found: Found) -> None:
    """A key or value holding a control character (a newline, ESC …) is refused: config values are one line."""
    if isinstance(node.value, str) and id(node) not in found.checked:
        found.checked.add(id(node))
        at = first_control(node.value)
        if at is not None:
            found.problems.append(Problem(f"{found.shown}:{node.start_mark.line + 1}", path_text(loc),
                                          Msg("cfg_control_char", {"char": f"U+{ord(node.value[at]):04X}"})))


#: PyYAML's problems (its Python and its libyaml wording), in our words: (its text, our key); what is not here is
#: shown in PyYAML's own words
_PROBLEMS = (
    (r"(did not find )?expected ',' or '\]'", "yaml_p_list"),
    (r"(did not find )?expected ',' or '\}'", "yaml_p_map"),
    (r"mapping values are not allowed", "yaml_p_colon"),
    (r"found undefined alias", "yaml_p_alias"),
    (r"expected <block end>|did not find expected key|did not find expected '-'", "yaml_p_indent"),
    (r"found unexpected end of stream", "yaml_p_quote"),
    (r"found character .*that cannot start any token", "yaml_p_char"),
    (r"could not find expected ':'", "yaml_p_nocolon"),
    (r"did not find expected node content", "yaml_p_value"),
)


def _said(exc: Any) -> Msg | str:
    """A YAML syntax error in the user's language where we know its shape."""
    problem = str(exc.problem or exc.context or "")
    for pattern, key in _PROBLEMS:
        if re.match(pattern, problem):
            return Msg(key)
    return escaped(problem)
