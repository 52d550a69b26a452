"""Tables that fit where they are read: a terminal of 80 columns, a file, a pipe. A table never cuts a key cell
(unit, report, period, deadline) to "…": names wrap, and when even that is not enough the decoration goes first —
the box drawing, then the padding, then the secondary columns, least needed first. The layout is chosen when the
table is drawn, from the width it is drawn at."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple


class Col(NamedTuple):
    """A column: its heading; `drop` > 0 for a secondary column (the highest is dropped first); a key column (drop 0)
    stays. `no_wrap` for a cell that reads only whole (a date, a code); `min_width` keeps a name column readable."""

    heading: str
    drop: int = 0
    no_wrap: bool = False
    min_width: int | None = None
    justify: str = "left"
    ratio: int | None = None


#: (box, padding, show_edge) from the most decorated to the barest
_DRESSES: tuple[tuple[str | None, tuple[int, int, int, int], bool], ...] = (
    ("HEAVY_HEAD", (0, 1, 0, 1), True),
    ("SIMPLE_HEAD", (0, 1, 0, 1), True),
    ("SIMPLE_HEAD", (0, 0, 0, 0), False),
)


class Fitted:
    """A table drawn in the most decorated layout that fits the width, keeping every key cell whole."""

    def __init__(self, columns: Sequence[Col], rows: Sequence[tuple[Sequence[Any], str]], *, title: str | None = None,
                 caption: str | None = None, plain: bool = False,
                 padding: tuple[int, int, int, int] = (0, 1, 0, 1)) -> None:
        self.columns, self.rows, self.title, self.caption = list(columns), list(rows), title, caption
        #: start without box drawing (a table that was already light, like `due`'s)
        dresses = _DRESSES[1:] if plain else _DRESSES
        self.dresses = [(box, padding if pad != (0, 0, 0, 0) else pad, edge) for box, pad, edge in dresses]
        self._chosen: dict[int, Any] = {}

    def layouts(self) -> list[tuple[int, frozenset[int]]]:
        """(dress, dropped columns) in the order they are tried: every dress with all columns, then the barest
        dress with the secondary columns dropped one by one."""
        out = [(i, frozenset[int]()) for i in range(len(self.dresses))]
        secondary = sorted((c.drop, i) for i, c in enumerate(self.columns) if c.drop)
        dropped: set[int] = set()
        for _, i in reversed(secondary):
            dropped.add(i)
            out.append((len(self.dresses) - 1, frozenset(dropped)))
        return out

    def table(self, dress: int, dropped: frozenset[int]) -> Any:
        from rich import box as boxes
        from rich.table import Table

        box_name, padding, edge = self.dresses[dress]
        table = Table(title=self.title, caption=self.caption, box=getattr(boxes, box_name) if box_name else None,
                      padding=padding, show_edge=edge, collapse_padding=False)
        keep = [i for i in range(len(self.columns)) if i not in dropped]
        for i in keep:
            c = self.columns[i]
            table.add_column(c.heading, no_wrap=c.no_wrap, justify=c.justify, ratio=c.ratio)  # type: ignore[arg-type]
        for cells, style in self.rows:
            table.add_row(*(cells[i] for i in keep), style=style)
        return table

    def choose(self, console: Any, width: int) -> Any:
        """The table laid out for `width` (chosen once per width: Rich may measure it before drawing it)."""
        chosen = self._chosen.get(width)
        if chosen is None:
            for dress, dropped in self.layouts():
                chosen = self.table(dress, dropped)
                floors = [c.min_width or 0 for i, c in enumerate(self.columns) if i not in dropped]
                if share(console, chosen, width, floors):
                    break
            self._chosen[width] = chosen
        return chosen

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.choose(console, options.max_width)

    def __rich_measure__(self, console: Any, options: Any) -> Any:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.choose(console, options.max_width))


def share(console: Any, table: Any, width: int, floors: Sequence[int]) -> bool:
    """Give each column of `table` its width in `width` columns, or say that it cannot fit: every column gets at
    least its longest word (its whole text when it does not wrap, its min_width), and what is left goes to the
    columns that wrap, in proportion to what they would need to stay on one line. (Rich's own sharing can give a
    column less than its longest word, which it then cuts with "…".)"""
    from rich.cells import cell_len
    from rich.measure import Measurement

    room = width - table._extra_width - sum(table._get_padding_width(i) for i in range(len(table.columns)))
    if all(isinstance(c, str) for column in table.columns for c in (column.header, *column._cells)) and sum(
            max(cell_len(line) for c in (column.header, *column._cells) for line in c.split("\n") or [""])
            for column in table.columns) <= room:
        return True  # plain texts that fit whole on one line each: nothing to share (no measuring needed)
    options = console.options.update_width(10_000)
    least, most = [], []
    for column, floor in zip(table.columns, floors, strict=True):
        sizes = [Measurement.get(console, options, cell) for cell in (column.header, *column._cells)]
        low = max(m.maximum if column.no_wrap else m.minimum for m in sizes)
        high = max(m.maximum for m in sizes)
        low = max(low, min(floor, high))
        least.append(low)
        most.append(max(high, low))
    if sum(least) > room:
        return False
    if sum(most) <= room:
        return True
    spare, wants = room - sum(least), [h - low for low, h in zip(least, most, strict=True)]
    given = [low + spare * want // sum(wants) for low, want in zip(least, wants, strict=True)]
    for i in sorted(range(len(given)), key=lambda i: wants[i], reverse=True)[: room - sum(given)]:
        given[i] += 1
    for column, size in zip(table.columns, given, strict=True):
        column.width = size
    return True
