"""Computed deadlines kept between runs, so that the daily commands need neither dateutil nor the holidays.

A config's deadlines depend only on its texts, the public holidays and khoagiao's version; they are stored per
(rule, year) in a marshal file next to the config cache and recomputed when any of these changes.
"""

from __future__ import annotations

import marshal
from datetime import date
from pathlib import Path

from khoagiao_cli import __version__
from khoagiao_cli.model import Config
from khoagiao_cli.schedule import Slot

_fromordinal = date.fromordinal


def _stamp(config: Config) -> tuple:
    holidays: tuple = ()
    if config.settings.holidays != "none":
        from khoagiao_cli.holiday_cache import package_stamp

        holidays = package_stamp()
    return (__version__, config.source_key, holidays)


def _path(config: Config, cache_dir: Path) -> Path:
    return cache_dir / f"slots-{config.source_key:08x}.marshal"


def _encode(s: Slot) -> tuple:
    return (
        s.report, s.period, s.period_start.toordinal(), s.period_end.toordinal(), s.named_day.toordinal(),
        s.deadline.toordinal(), s.strict, s.nominal_deadline.toordinal() if s.nominal_deadline else 0,
        tuple((d.toordinal(), vi, en) for d, (vi, en) in s.skipped),
        s.covers_from.toordinal() if s.covers_from else 0, s.covers_to.toordinal() if s.covers_to else 0,
    )


def _decode(t: tuple) -> Slot:
    report, period, ps, pe, named, deadline, strict, nominal, skipped, cf, ct = t
    return Slot(
        report, period, _fromordinal(ps), _fromordinal(pe), _fromordinal(named), _fromordinal(deadline), strict,
        _fromordinal(nominal) if nominal else None,
        tuple((_fromordinal(d), (vi, en)) for d, vi, en in skipped) if skipped else (),
        _fromordinal(cf) if cf else None, _fromordinal(ct) if ct else None,
    )


def attach(config: Config, cache_dir: Path | None) -> None:
    """Fill `config.slot_table` from the cache (nothing happens without a cache folder or a loaded config)."""
    if cache_dir is None or config.source_key is None:
        return
    try:
        stamp, table = marshal.loads(_path(config, cache_dir).read_bytes())
    except Exception:  # noqa: BLE001 - a missing or damaged cache only means computing again
        return
    if stamp != _stamp(config) or not isinstance(table, dict):
        return
    config.slot_table.update({key: tuple(_decode(t) for t in rows) for key, rows in table.items()})


def save(config: Config, cache_dir: Path | None) -> None:
    """Write the table back when this run computed deadlines it did not have."""
    if cache_dir is None or config.source_key is None or not config.slot_table_added:
        return
    from khoagiao_cli.paths import write_atomic

    table = {key: tuple(_encode(s) for s in rows) for key, rows in config.slot_table.items()}
    try:
        write_atomic(_path(config, cache_dir), marshal.dumps((_stamp(config), table)))
        config.slot_table_added = False
    except (OSError, ValueError):
        pass  # a read-only cache costs speed, not correctness
