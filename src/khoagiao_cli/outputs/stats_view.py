"""`khoagiao stats`: the year's scorecard, ranked, with the on-time rate as a bar and a month-by-month strip."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.scorecard import Score
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.phrases import decimal, percent
from khoagiao_cli.outputs.screens import columns

#: what a month of the strip shows
MONTH_MARK = {"on_time": ("✓", "green"), "late": ("!", "dark_orange"), "missing": ("✗", "bold red"),
              "upcoming": ("·", "dim"), None: (" ", "")}


#: the scorecard's columns: (key, drop, no_wrap, justify); the month strip goes first, then the delays, then the
#: count of late reports, when the width cannot hold them
STATS_COLUMNS = (("col_owed", 0), ("col_on_time", 0), ("col_late", 2), ("col_missing_short", 0), ("col_delays", 3))


def stats_view(words: Words, scores: Sequence[Score], year: int, as_of: date) -> Any:
    """The ranking with on-time rates as bars and a month-by-month strip per unit (fits 100 columns; at 80 the strip
    goes, then the delays)."""
    from rich.text import Text

    from khoagiao_cli.outputs.fit import Col, Fitted

    columns = [Col("#", no_wrap=True, justify="right"), Col(words("col_unit"), min_width=14, ratio=1),
               *(Col(words(key), drop=drop, no_wrap=True, justify="right") for key, drop in STATS_COLUMNS),
               Col(words("col_rate_short"), no_wrap=True), Col(words("col_months"), drop=4, no_wrap=True)]
    rows = []
    for s in scores:
        rate = s.on_time_rate
        bar = Text()
        if rate is None:
            bar.append("—", style="dim")
        else:
            filled = round(rate * 8)
            style = "green" if rate >= 0.8 else "yellow" if rate >= 0.5 else "red"
            bar.append("█" * filled, style=style)
            bar.append("░" * (8 - filled), style="dim")
            bar.append(" " + percent(words, rate).rjust(6))
        strip = Text()
        for month in s.months:
            mark, style = MONTH_MARK[month]
            strip.append(mark, style=style)
        delays = f"{decimal(words, s.avg_days_late)}/{s.max_days_late}" if s.avg_days_late is not None else ""
        rows.append(([str(s.rank), s.unit_name, str(s.owed), str(s.on_time), str(s.late), str(s.missing), delays,
                      bar, strip], ""))
    return Fitted(columns, rows, title=words("stats_title", year=year, as_of=as_of), caption=words("stats_legend"),
                  plain=True, padding=(0, 0, 0, 1))


def stats_plain(words: Words, scores: Sequence[Score], year: int, as_of: date) -> str:
    """The scorecard for pipes and cron: aligned columns, no colour, the month strip as characters."""
    head = [words(k) for k in ("col_rank", "col_code", "col_unit", "col_owed", "col_on_time", "col_late",
                               "col_avg_late", "col_max_late", "col_missing", "col_rate", "col_months")]
    lines = [head]
    for s in scores:
        lines.append([
            str(s.rank), s.unit, s.unit_name, str(s.owed), str(s.on_time), str(s.late),
            decimal(words, s.avg_days_late) if s.avg_days_late is not None else "-",
            str(s.max_days_late) if s.max_days_late is not None else "-", str(s.missing),
            percent(words, s.on_time_rate) if s.on_time_rate is not None else "-",
            "".join(MONTH_MARK[m][0] for m in s.months),
        ])
    return "\n".join([words("stats_title", year=year, as_of=as_of), *columns(lines), words("stats_legend")]) + "\n"
