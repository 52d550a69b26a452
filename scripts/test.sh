#!/bin/sh
# Everything the tests need, then the whole suite twice: against the newest releases that pyproject.toml's ranges
# allow (.venv), and against the lowest (.venv-floors, pinned by scripts/floors.py), so that every declared range
# is true. The lint gate (ruff, mypy --strict) runs with the newest releases only: older libraries ship fewer type
# hints, which changes what mypy can check, not what khoagiao does.
set -eu
cd "$(dirname "$0")/.."
# The real programs some tests drive, from Debian's packages, installed only when missing (as root, or through
# sudo): a PostgreSQL server (the tests start their own cluster on loopback, tests/pg_server.py); Chromium, which
# opens the HTML board; LibreOffice, which turns the letters, the summary and the workbook into PDF, read back with
# poppler's pdftotext and pdfinfo; and the Liberation and Carlito fonts, metric twins of Times New Roman, Arial and
# Calibri, so that a line measures on this machine as it does in Word and Excel.
missing=""
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 || missing="$missing postgresql"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fc-list 2>/dev/null | grep -q "Liberation Serif" || missing="$missing fonts-liberation"
fc-list 2>/dev/null | grep -q "Carlito" || missing="$missing fonts-crosextra-carlito"
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    # shellcheck disable=SC2086  # one word per package
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi
python3 -m venv .venv
.venv/bin/python -m pip install ".[test]"
.venv/bin/python -m pytest
python3 -m venv .venv-floors
.venv-floors/bin/python scripts/floors.py > .venv-floors/floors.txt
.venv-floors/bin/python -m pip install -c .venv-floors/floors.txt ".[test]"
.venv-floors/bin/python -m pytest --deselect tests/test_lint.py::test_clean
