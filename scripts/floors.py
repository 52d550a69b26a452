"""Print pip constraints that pin every dependency of pyproject.toml (and its test extra) to the lowest
release its range allows, so that the suite can be run against the floors as well as the newest releases.

    python scripts/floors.py > floors.txt && pip install -c floors.txt ".[test]"

A requirement without a lower bound is left free; one pinned to a single release stays so.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def floors(requirements: list[str]) -> list[str]:
    out = []
    for req in requirements:
        name = re.split(r"[\s\[<>=!~;]", req, maxsplit=1)[0]
        lowest = re.search(r"(?:>=|==|~=)\s*([0-9][^,;\s]*)", req)
        if lowest:
            out.append(f"{name}=={lowest.group(1)}")
    return out


def main() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    sys.stdout.write("".join(line + "\n" for line in floors(requirements)))


if __name__ == "__main__":
    main()
