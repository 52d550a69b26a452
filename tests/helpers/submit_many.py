"""Run `khoagiao submit` in this process N times (each its own connection and transaction).

Usage: python submit_many.py UNIT YEAR [--loop] [--strict]; environment selects config and ledger.
With --strict, any submit that fails (a locked ledger, say) is printed and the helper exits 1.
"""

import sys

from khoagiao_cli.cli import load

app = load("record")

PERIODS = ["01", "02", "Q1", "04", "05", "H1", "07", "08", "Q3", "10", "11", "12", "Y"]
RULES = {"Q1": "q1", "H1": "h1", "Q3": "q3", "Y": "annual"}


def main() -> None:
    unit, first_year = sys.argv[1], int(sys.argv[2])
    loop = "--loop" in sys.argv
    strict = "--strict" in sys.argv
    failures = 0
    n = 0
    year = first_year
    while True:
        for p in PERIODS:
            rule = RULES.get(p, "monthly")
            period = str(year) if p == "Y" else f"{year}-{p}"
            try:
                code = app(["submit", unit, rule, "--period", period, "--received", f"{year}-01-01", "--as-of",
                            f"{year + 1}-12-31", "--yes"],  # received on 1 January, before most periods began: on purpose
                           standalone_mode=False)
            except SystemExit as exc:
                code = exc.code
            if code not in (0, None):  # a failure ends in SystemExit, or (click's Exit) as the value returned
                failures += 1
            n += 1
            if not loop and n >= 50:
                if strict and failures:
                    sys.exit(f"{failures} submits failed")
                return
        year += 1


main()
