"""Public holidays from the `holidays` package, computed once per year and kept in the user's cache.

Importing `holidays` and computing a year's lunar dates costs tens of milliseconds; the daily commands read a
small marshal file instead. The file keeps the inputs it was computed from (khoagiao's code and the `holidays`
release among them, see cache_key.py), so an upgrade of `holidays` (new decrees) recomputes it.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from khoagiao_cli.core.calendar import HolidaySource, Reason, vn_holidays

_FILE = "holidays-VN.marshal"


def cached_source(cache_dir: Path | None) -> HolidaySource:
    """A holiday source that reads the cache, and computes and stores only the years it lacks."""
    state: dict[str, object] = {}

    def load() -> dict[int, tuple]:
        years = state.get("years")
        if isinstance(years, dict):
            return years
        from khoagiao_cli.config.cache import stamp as inputs

        stamp = inputs()
        state["stamp"] = stamp
        years = {}
        if cache_dir is not None:
            try:
                cached_stamp, cached = marshal.loads((cache_dir / _FILE).read_bytes())
                if cached_stamp == stamp and isinstance(cached, dict):
                    years = cached
            except Exception:  # noqa: BLE001 - a missing or damaged cache only means computing again
                years = {}
        state["years"] = years
        return years

    def source(year: int) -> Mapping[date, Reason]:
        years = load()
        rows = years.get(year)
        if rows is None:
            rows = tuple((d.toordinal(), vi, en) for d, (vi, en) in vn_holidays(year).items())
            years[year] = rows
            if cache_dir is not None:
                from khoagiao_cli.config.paths import write_atomic

                try:
                    write_atomic(cache_dir / _FILE, marshal.dumps((state["stamp"], years)))  # type: ignore[arg-type]  # plain tuples
                except (OSError, ValueError):
                    pass  # a read-only cache costs speed, not correctness
        return {date.fromordinal(n): (vi, en) for n, vi, en in rows}

    return source
