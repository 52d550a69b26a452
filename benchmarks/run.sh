#!/bin/sh
# One command: khoagiao from a wheel, in a fresh venv (as a user installs it, bytecode precompiled by pip), then
# benchmarks/run.py with that venv's Python, so that the bare Typer+Rich app runs on the same typer release.
# Usage: sh benchmarks/run.sh [--runs N] [--units N]          start-up and a year of 5,000 units (run.py)
#        sh benchmarks/run.sh scale [--setups 100x10,...]   cost by units x years of history (scale.py)
#        sh benchmarks/run.sh board [--runs N]               the status board at 5,000 units, opened in Chromium
set -eu
cd "$(dirname "$0")/.."
work=benchmarks/.work
rm -rf "$work/venv" && mkdir -p "$work"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet ".[postgresql]"
script=benchmarks/run.py
if [ "${1:-}" = scale ]; then shift; script=benchmarks/scale.py; fi
if [ "${1:-}" = board ]; then  # the page opened in Debian's chromium, driven by Playwright
    shift; script=benchmarks/board.py
    "$work/venv/bin/python" -m pip install --quiet "playwright>=1.49"
fi
exec "$work/venv/bin/python" "$script" "$@"
