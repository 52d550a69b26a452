#!/bin/sh
# One command: khoagiao from a wheel, in a fresh venv (as a user installs it, bytecode precompiled by pip), then
# benchmarks/run.py with that venv's Python, so that the bare Typer+Rich app runs on the same typer release.
# Usage: sh benchmarks/run.sh [--runs N] [--units N]          start-up and a year of 5,000 units (run.py)
#        sh benchmarks/run.sh scale [--setups 100x10,...]   cost by units x years of history (scale.py)
set -eu
cd "$(dirname "$0")/.."
work=benchmarks/.work
rm -rf "$work/venv" && mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet ".[postgresql]"
script=benchmarks/run.py
if [ "${1:-}" = scale ]; then shift; script=benchmarks/scale.py; fi
exec "$work/venv/bin/python" "$script" "$@"
