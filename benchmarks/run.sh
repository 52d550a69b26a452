#!/bin/sh
# One command: khoagiao from a wheel, in a fresh venv (as a user installs it, bytecode precompiled by pip), then
# benchmarks/run.py with that venv's Python, so that the bare Typer+Rich app runs on the same typer release.
# Usage: sh benchmarks/run.sh [--runs N] [--units N]
set -eu
cd "$(dirname "$0")/.."
work=benchmarks/.work
rm -rf "$work/venv" && mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet .
exec "$work/venv/bin/python" benchmarks/run.py "$@"
