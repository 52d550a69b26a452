"""`khoagiao calendar`: a month grid per month (days off dimmed, • a deadline, ◆ a meeting), the month's
deadlines and meetings below it, and its weekday holidays and worked weekend days said in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from khoagiao_cli.core.agenda import DEADLINE, MEETING, Item
from khoagiao_cli.core.model import Config
from khoagiao_cli.i18n import Words
from khoagiao_cli.outputs.phrases import moved_note, reason, slot_title, weekday


def item_title(words: Words, config: Config, item: Item) -> str:
    if item.meeting is not None:
        return words.pick(item.meeting.meeting.name, item.meeting.meeting.name_en)
    assert item.slot is not None
    return slot_title(words, config, item.slot)


def calendar_view(words: Words, config: Config, items: Sequence[Item], year: int, months: Sequence[int]) -> Any:
    import calendar as stdcal

    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    work = config.calendar
    parts: list[Any] = []
    for month in months:
        these = [i for i in items if i.day.month == month]
        kinds_on: dict[date, set[str]] = {}
        for item in these:
            kinds_on.setdefault(item.day, set()).add(item.kind)
        grid = Table(title=words("cal_month", month=f"{month:02d}", year=year), box=box.SIMPLE_HEAD, padding=(0, 1))
        for name in words("weekdays_short").split(","):
            grid.add_column(name, justify="right", no_wrap=True)
        days = [date(year, month, n) for n in range(1, stdcal.monthrange(year, month)[1] + 1)]
        cells: list[Any] = [""] * days[0].weekday()
        for day in days:
            text = Text(f"{day.day:2d}", style="" if work.is_working(day) else "dim")
            kinds = kinds_on.get(day, set())
            text.append("◆" if MEETING in kinds else " ", style="cyan")
            text.append("•" if DEADLINE in kinds else " ", style="bold red")
            cells.append(text)
        cells += [""] * (-len(cells) % 7)
        for row in range(0, len(cells), 7):
            grid.add_row(*cells[row:row + 7])
        parts.append(grid)
        for item in these:
            when = f"{item.day.day:02d}/{item.day.month:02d} {weekday(words, item.day)}"
            title = item_title(words, config, item)
            if item.meeting is not None:
                m = item.meeting.meeting
                parts.append(Text(f"  ◆ {when}  {m.start}–{m.end}  {title}", style="cyan"))
            else:
                assert item.slot is not None
                note = moved_note(words, item.slot)
                line = f"  • {when}  {words('ics_deadline', title=title)}" + (f" ({note})" if note else "")
                parts.append(Text(line, style="red"))
        if not these:
            parts.append(Text("  " + words("cal_nothing"), style="dim"))
        # days off on weekdays and worked weekend days, said in words (a plain grid cannot dim them)
        off, worked = [], []
        for day in days:
            why = work.reason_off(day)
            if why is not None and day.weekday() < 5:
                off.append(f"{day.day:02d}/{month:02d} {reason(words, why)}")
            elif why is None and day.weekday() >= 5:
                worked.append(f"{day.day:02d}/{month:02d}")
        if off:
            parts.append(Text("  " + words("cal_days_off", days="; ".join(off)), style="dim"))
        if worked:
            parts.append(Text("  " + words("cal_worked", days=", ".join(worked)), style="dim"))
        parts.append(Text(""))
    parts.append(Text(words("cal_legend"), style="dim"))
    return Group(*parts)
