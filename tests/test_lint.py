"""ruff and mypy stay clean (rules in pyproject.toml), so that drift is caught where it starts; mypy also as on
Windows, where typeshed leaves out what Windows lacks (os.getuid, fcntl.flock): a second check, beside
tests/test_windows.py's, that no POSIX-only name is used unguarded."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        [sys.executable, "-m", "mypy"],
        [sys.executable, "-m", "mypy", "--platform", "win32", "--cache-dir", ".mypy_cache/win32"],
    ],
    ids=["ruff", "mypy", "mypy-windows"],
)
def test_clean(command: list[str]) -> None:
    tool = command[2]
    if shutil.which(tool) is None and subprocess.run([sys.executable, "-m", tool, "--version"], capture_output=True).returncode:
        pytest.fail(f"{tool} is not installed: pip install '.[test]'")
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
