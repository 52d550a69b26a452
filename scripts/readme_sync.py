"""Keep the README's example outputs the real ones.

    sh scripts/readme_examples.sh > /tmp/examples.txt
    python scripts/readme_sync.py /tmp/examples.txt            # rewrite README.md's outputs from that run
    python scripts/readme_sync.py /tmp/examples.txt --check    # exit 1 and say where the README differs

Every `$ command` line in a fenced block of README.md is looked up among the commands the script ran (the n-th
time the README shows a command, the n-th time the script ran it); its output in the README is what the script
printed. What changes from run to run (the throw-away home, the clock, the chain head) is compared masked.
tests/test_readme_examples.py runs the check.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
#: where the README says the examples ran
HOME = "/home/vanthu/khoagiao"
_DEMO = re.compile(r"\S*/tmp\.[A-Za-z0-9]+/(home\b)?")
#: the PostgreSQL server the script starts (on loopback, a free port, its superuser), as the README names it
_SERVER = (re.compile(r"127\.0\.0\.1([:-])\d+([/-])"), r"may-chu.local\g<1>5432\2")
_ADMIN = (re.compile(r"\bkhoagiao_test@"), "quantri@")
#: what differs between two honest runs: the chain head, the clock, the user who ran them
_VOLATILE = (
    (re.compile(r"\b[0-9a-f]{64}\b"), "<sha256>"),
    (re.compile(r"\b[0-9a-f]{16}\b"), "<sha256>"),
    (re.compile(r"(ghi lúc|recorded|lúc) \d\d/\d\d/\d{4} \d\d:\d\d"), r"\1 <time>"),
    (re.compile(r"(ghi lúc|recorded) \d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?"), r"\1 <time>"),
    (re.compile(r"\b(bởi|by) [\w.-]+"), r"\1 <user>"),
    (re.compile(r"(Tạo ngày|Made on): \d\d/\d\d/\d{4}"), r"\1: <day>"),
    (re.compile(r"\b(ledger|khoagiao)-\d{8}(-\d{6})?\b"), r"\1-<moment>"),
    (re.compile(r"^(DTSTAMP|LAST-MODIFIED|SEQUENCE|CREATED):.*$", re.M), r"\1:<clock>"),
)


def runs(text: str) -> dict[str, list[list[str]]]:
    """The script's output: each command with what it printed, in order."""
    found: dict[str, list[list[str]]] = defaultdict(list)
    current: list[str] | None = None
    text = _DEMO.sub(lambda m: HOME if m.group(1) else HOME.rsplit("/", 1)[0] + "/", text)
    for pattern, shown in (_SERVER, _ADMIN):
        text = pattern.sub(shown, text)
    for line in text.splitlines():
        if line.startswith("$ "):
            current = []
            found[line[2:]].append(current)
        elif line.startswith("### ") or current is None:
            current = None
        else:
            current.append(line)
    return found


def examples(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first output line, end, command) of every `$ command` in a fenced block of the README."""
    found: list[tuple[int, int, str]] = []
    fenced = False
    start: int | None = None
    command = ""
    for i, line in enumerate(lines):
        if line.startswith("```"):
            if fenced and start is not None:
                found.append((start, i, command))
            fenced, start = not fenced, None
        elif fenced and line.startswith("$ "):
            if start is not None:
                found.append((start, i, command))
            start, command = i + 1, line[2:]
    return found


def masked(lines: list[str]) -> list[str]:
    text = "\n".join(line.rstrip() for line in lines)
    for pattern, mask in _VOLATILE:
        text = pattern.sub(mask, text)
    return text.split("\n")


def sync(readme: str, ran: dict[str, list[list[str]]]) -> tuple[str, list[str], list[str]]:
    """The README with each example's output replaced by the script's; the commands whose output differed; the
    commands the script did not run."""
    lines = readme.split("\n")
    seen: dict[str, int] = defaultdict(int)
    differ: list[str] = []
    unrun: list[str] = []
    out: list[str] = []
    done = 0
    for start, end, command in examples(lines):
        out.extend(lines[done:start])
        n = seen[command]
        seen[command] += 1
        if n >= len(ran.get(command, [])):
            words = [w for w in command.split() if "=" not in w.split("/")[0]]  # skip COLUMNS=80 and the like
            if words[:1] == ["khoagiao"]:  # a step around the examples (tampering with the file by hand) is not one
                unrun.append(command)
            out.extend(lines[start:end])
        else:
            fresh = ran[command][n]
            if masked(lines[start:end]) != masked(fresh):
                differ.append(command)
            out.extend(fresh)
        done = end
    out.extend(lines[done:])
    return "\n".join(out), differ, unrun


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    ran = runs(Path(argv[0]).read_text(encoding="utf-8"))
    new, differ, unrun = sync(README.read_text(encoding="utf-8"), ran)
    for command in unrun:
        print(f"not run by scripts/readme_examples.sh: $ {command}")
    if "--check" in argv:
        for command in differ:
            print(f"README output differs from the run: $ {command}")
        return 1 if differ or unrun else 0
    README.write_text(new, encoding="utf-8")
    print(f"{len(differ)} example(s) updated in {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
