"""The shape of the house, checked: imports point down the layers and never in a circle, the core is pure,
only the command line reads the clock, no module grows past about 400 lines, and the daily commands import
nothing heavy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import khoagiao_cli

SRC = Path(khoagiao_cli.__file__).resolve().parent
#: each layer imports only from layers below it (and from its own package)
LAYERS = {"errors": 0, "files": 0, "dburl": 1, "i18n": 1, "core": 2, "config": 3, "store": 3, "app": 4, "outputs": 5, "cli": 6, "__main__": 7}
#: what the pure core may never import: I/O, the clock's modules' I/O side, words, caches
IMPURE = {"os", "sys", "io", "pathlib", "sqlite3", "subprocess", "socket", "smtplib", "marshal", "shutil", "tempfile",
          "platformdirs", "khoagiao_cli.i18n", "khoagiao_cli.config", "khoagiao_cli.store", "khoagiao_cli.outputs",
          "khoagiao_cli.app", "khoagiao_cli.cli"}
#: data, not code: one catalogue per language
LONG_ALLOWED = {"i18n/vi.py", "i18n/en.py"}


def modules() -> dict[str, Path]:
    out = {}
    for path in SRC.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(("khoagiao_cli", *parts))
        out[name.removesuffix(".__init__")] = path
    return out


def _run_time(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:` (imports for the type checker only, never run)."""
    out: list[ast.AST] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            continue
        out.append(node)
        out += _run_time(node)
    return out


def imports(path: Path) -> set[str]:
    """Every module an import statement names, top-level or inside a function (not those for the type checker)."""
    found = set()
    for node in _run_time(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def ours(name: str, known: dict[str, Path]) -> str | None:
    """The module of ours an imported name belongs to."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def test_imports_point_down_the_layers() -> None:
    known = modules()
    wrong = []
    for name, path in known.items():
        for target in {ours(i, known) for i in imports(path)} - {None, name, "khoagiao_cli"}:
            assert target is not None
            mine, theirs = layer(name), layer(target)
            if mine is None or theirs is None or name.split(".")[1] == target.split(".")[1]:
                continue
            if theirs >= mine:
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_circle() -> None:
    known = modules()
    graph = {name: {ours(i, known) for i in imports(path)} - {None, name} for name, path in known.items()}
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            pytest.fail(" -> ".join([*trail[trail.index(node):], node]))
        if node in done:
            return
        for nxt in graph.get(node, ()):
            if nxt != "khoagiao_cli":  # the package itself only holds __version__
                visit(nxt, [*trail, node])  # type: ignore[arg-type]
        done.add(node)

    for node in graph:
        visit(node, [])


def test_the_core_is_pure() -> None:
    found = []
    for name, path in modules().items():
        if name.startswith("khoagiao_cli.core"):
            for imported in imports(path):
                if any(imported == bad or imported.startswith(bad + ".") for bad in IMPURE):
                    found.append(f"{name}: {imported}")
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found += [f"{name}: open()" for n in ast.walk(tree)
                      if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "open"]
    assert found == []


def test_only_the_command_line_reads_the_clock() -> None:
    readers = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("now", "today") \
                    and getattr(node.func.value, "id", "") in ("date", "datetime"):
                readers.append(name)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "time" \
                    and getattr(node.func.value, "id", "") == "time":
                readers.append(name)
    assert readers == ["khoagiao_cli.cli.base"]


def test_no_module_is_longer_than_about_400_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert set(long) <= LONG_ALLOWED, long


HEAVY = ("rich.table", "yaml", "pydantic", "holidays", "openpyxl", "docx", "icalendar", "dateutil.parser",
         "dateutil.relativedelta", "smtplib", "zoneinfo", "hashlib")


def test_the_daily_due_imports_nothing_heavy(tmp_path: Path) -> None:
    """Once the config and the holidays are cached, `khoagiao due` (plain) loads none of the heavy libraries."""
    probe = (
        "import sys\n"
        "sys.argv = ['khoagiao', 'due', '--format', 'plain']\n"
        "from khoagiao_cli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print('LOADED', sorted(m for m in sys.modules if m in {HEAVY!r}))\n"
    )
    env = {"KHOAGIAO_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):  # the first run validates the config and computes the holidays, and caches both
        out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    loaded = out.stdout.rsplit("LOADED", 1)[1].strip()
    assert loaded == "[]", out.stdout + out.stderr


def test_what_the_caches_depend_on_imports_nothing_else_of_ours() -> None:
    """config/cache.py keys the caches by the source of core/, config/ and errors.py: that must be all the code
    that computes what they hold (i18n only names the messages of errors, which are never cached)."""
    from khoagiao_cli.config.cache import CODE

    inside = tuple("khoagiao_cli." + c.removesuffix(".py") for c in CODE)
    known = modules()
    outside = sorted(
        f"{name} -> {target}"
        for name, path in known.items() if name.startswith(inside)
        for target in {ours(i, known) for i in imports(path)} - {None, "khoagiao_cli"}
        if target is not None and not target.startswith((*inside, "khoagiao_cli.i18n"))
    )
    assert outside == []


def test_the_core_holds_no_words() -> None:
    """What a user reads lives in the catalogues; the core speaks in values and message keys. (The one exception is
    data: the Commission's name as the default of core.model.Office, as in the embedded units.yaml.)"""
    found = []
    for name, path in modules().items():
        if name.startswith("khoagiao_cli.core"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                          if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef) and n.body
                          and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 1 \
                        and id(node) not in docstrings and not node.value.isascii() \
                        and node.value != "Ban Tuyên giáo và Dân vận Tỉnh ủy":
                    found.append(f"{name}:{node.lineno}: {node.value}")
    assert found == []
