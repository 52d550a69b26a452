#!/bin/sh
# Everything the tests need, then the whole suite twice: against the newest releases that pyproject.toml's ranges
# allow (.venv), and against the lowest (.venv-floors, pinned by scripts/floors.py), so that every declared range
# is true. The lint gate (ruff, mypy --strict) runs with the newest releases only: older libraries ship fewer type
# hints, which changes what mypy can check, not what khoagiao does.
set -eu
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install ".[test]"
.venv/bin/python -m pytest
python3 -m venv .venv-floors
.venv-floors/bin/python scripts/floors.py > .venv-floors/floors.txt
.venv-floors/bin/python -m pip install -c .venv-floors/floors.txt ".[test]"
.venv-floors/bin/python -m pytest --deselect tests/test_lint.py::test_clean
