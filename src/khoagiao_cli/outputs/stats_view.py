"""`khoagiao stats`: the year's scorecard, ranked, with the on-time rate as a bar and a month-by-month strip."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.scorecard import Score
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.screens import columns

#: what a month of the strip shows
MONTH_MARK = {"on_time": ("✓", "green"), "late": ("!", "dark_orange"), "missing": ("✗", "bold red"),
              "upcoming": ("·", "dim"), None: (" ", "")}


def stats_view(words: Words, scores: Sequence[Score], year: int, as_of: date) -> Any:
    """The ranking with on-time rates as bars and a month-by-month strip per unit (fits 100 columns)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=words("stats_title", year=year, as_of=as_of), box=box.SIMPLE_HEAD, padding=(0, 0, 0, 1),
                  caption=words("stats_legend"))
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(words("col_unit"), ratio=1, min_width=14)
    for key in ("col_owed", "col_on_time", "col_late", "col_missing_short", "col_delays"):
        table.add_column(words(key), justify="right", no_wrap=True)
    table.add_column(words("col_rate_short"), no_wrap=True)
    table.add_column(words("col_months"), no_wrap=True)
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
            bar.append(f" {rate * 100:5.1f}%")
        strip = Text()
        for month in s.months:
            mark, style = MONTH_MARK[month]
            strip.append(mark, style=style)
        delays = f"{s.avg_days_late:.1f}/{s.max_days_late}" if s.avg_days_late is not None else ""
        table.add_row(str(s.rank), s.unit_name, str(s.owed), str(s.on_time), str(s.late), str(s.missing), delays,
                      bar, strip)
    return table


def stats_plain(words: Words, scores: Sequence[Score], year: int, as_of: date) -> str:
    """The scorecard for pipes and cron: aligned columns, no colour, the month strip as characters."""
    head = [words(k) for k in ("col_rank", "col_code", "col_unit", "col_owed", "col_on_time", "col_late",
                               "col_avg_late", "col_max_late", "col_missing", "col_rate", "col_months")]
    lines = [head]
    for s in scores:
        lines.append([
            str(s.rank), s.unit, s.unit_name, str(s.owed), str(s.on_time), str(s.late),
            f"{s.avg_days_late:.1f}" if s.avg_days_late is not None else "-",
            str(s.max_days_late) if s.max_days_late is not None else "-", str(s.missing),
            f"{s.on_time_rate * 100:.1f}%" if s.on_time_rate is not None else "-",
            "".join(MONTH_MARK[m][0] for m in s.months),
        ])
    return "\n".join([words("stats_title", year=year, as_of=as_of), *columns(lines), words("stats_legend")]) + "\n"
